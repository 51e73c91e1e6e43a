MATCH (m:Meeting {id: $meeting_id})
OPTIONAL MATCH (p:Entity)-[:ATTENDED]->(m)
WITH m, collect(p.id) AS attendees
OPTIONAL MATCH (s:State)-[:RECORDED_IN]->(m)
OPTIONAL MATCH (s)-[:OWNED_BY|BLOCKED_BY]->(x:Entity)
RETURN attendees, collect(DISTINCT x.id) AS referenced
