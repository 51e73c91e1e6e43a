UNWIND $closures AS row
MATCH (a:ActionItem {id: row.action_id})
MATCH (m:Meeting {id: row.meeting_id})
MERGE (a)-[c:CLOSED_IN]->(m)
SET c.quote = row.quote, c.memory_id = row.memory_id
RETURN count(c) AS closed
