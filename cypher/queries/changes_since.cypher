MATCH (s:State)
WHERE s.sort_key > $since_key
MATCH (m:Meeting)<-[:RECORDED_IN]-(s)<-[:HAS_STATE]-(e:Entity)
UNWIND s.changed AS field
WITH e, s, m, field
ORDER BY s.sort_key, e.name, field
SKIP $offset LIMIT $limit
WITH e, s, m, collect(field) AS fields
OPTIONAL MATCH (prev:State)-[:TRANSITIONED_TO]->(s)
OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
OPTIONAL MATCH (prev)-[:OWNED_BY]->(prev_owner:Entity)
OPTIONAL MATCH (s)-[:BLOCKED_BY]->(blocker:Entity)
OPTIONAL MATCH (prev)-[:BLOCKED_BY]->(prev_blocker:Entity)
WITH e, s, m, fields, prev, owner, prev_owner, collect(DISTINCT blocker.name) AS blockers,
     collect(DISTINCT prev_blocker.name) AS prev_blockers
ORDER BY s.sort_key, e.name
RETURN collect({
  entity_id: e.id, entity: e.name, fields: fields, meeting_id: m.id, external_id: m.external_id,
  date: toString(m.date), memory_id: s.memory_id, quote: s.quote,
  after: {status: s.status, progress: s.progress, owner: owner.name, blockers: blockers},
  before: CASE WHEN prev IS NULL THEN null ELSE
    {status: prev.status, progress: prev.progress, owner: prev_owner.name, blockers: prev_blockers} END
}) AS changes
