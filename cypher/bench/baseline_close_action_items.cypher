UNWIND $closures AS row
MATCH (a:ActionItem {id: row.action_id})
MATCH (m:Meeting {id: row.meeting_id})
CREATE (a)-[:CLOSED_IN {quote: row.quote, memory_id: row.memory_id}]->(m)
