MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[:HAS_STATE]->(s:State)
WHERE s.sort_key <= $as_of_key
WITH e, s ORDER BY s.sort_key DESC LIMIT 1
OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
OPTIONAL MATCH (s)-[:BLOCKED_BY]->(blocker:Entity)
OPTIONAL MATCH (s)-[:RECORDED_IN]->(m:Meeting)
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases,
       s.status AS status, s.progress AS progress, owner.name AS owner, collect(blocker.name) AS blockers,
       m.id AS meeting_id, m.external_id AS external_id, toString(m.date) AS date,
       s.memory_id AS memory_id, s.quote AS quote
