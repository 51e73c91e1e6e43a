MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[:HAS_STATE]->(s:State)-[:RECORDED_IN]->(m:Meeting)
OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
OPTIONAL MATCH (s)-[:BLOCKED_BY]->(blocker:Entity)
WITH e, s, m, owner, collect(blocker.name) AS blockers
ORDER BY s.sort_key
WITH e, collect(CASE WHEN s IS NULL THEN null ELSE {
       meeting_id: m.id, external_id: m.external_id, date: toString(m.date), title: m.title,
       status: s.status, progress: s.progress, owner: owner.name, blockers: blockers, changed: s.changed,
       memory_id: s.memory_id, quote: s.quote
     } END) AS events
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, events
