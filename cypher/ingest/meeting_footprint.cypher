MATCH (m:Meeting {id: $meeting_id})
// Write-locked first, so a concurrent deletion or replace of the same meeting waits for this one.
SET m._lock = true
REMOVE m._lock
WITH m
OPTIONAL MATCH (p:Entity)-[:ATTENDED]->(m)
WITH m, collect(p.id) AS attendees
OPTIONAL MATCH (e:Entity)-[:HAS_STATE]->(s:State)-[:RECORDED_IN]->(m)
OPTIONAL MATCH (s)-[:OWNED_BY|BLOCKED_BY]->(x:Entity)
RETURN attendees, collect(DISTINCT e.id) AS state_entities, collect(DISTINCT x.id) AS referenced
