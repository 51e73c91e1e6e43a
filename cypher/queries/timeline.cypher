MATCH (e:Entity {id: $id})-[:HAS_STATE]->(s:State)-[:RECORDED_IN]->(m:Meeting)
OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
OPTIONAL MATCH (s)-[:BLOCKED_BY]->(blocker:Entity)
WITH s, m, owner, collect(blocker.name) AS blockers
ORDER BY s.sort_key
RETURN m.id AS meeting_id, m.external_id AS external_id, toString(m.date) AS date, m.title AS title,
       s.status AS status, s.progress AS progress, owner.name AS owner, blockers, s.changed AS changed,
       s.memory_id AS memory_id, s.quote AS quote
