MATCH (s:State)
WHERE s.sort_key > $since_key
MATCH (m:Meeting)<-[:RECORDED_IN]-(s)<-[:HAS_STATE]-(e:Entity)
WITH e, s, m
ORDER BY s.sort_key, e.name
SKIP $offset LIMIT $limit
OPTIONAL MATCH (prev:State)-[:TRANSITIONED_TO]->(s)
OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
OPTIONAL MATCH (prev)-[:OWNED_BY]->(prev_owner:Entity)
OPTIONAL MATCH (s)-[:BLOCKED_BY]->(blocker:Entity)
OPTIONAL MATCH (prev)-[:BLOCKED_BY]->(prev_blocker:Entity)
WITH e, s, m, prev, owner, prev_owner, collect(DISTINCT blocker.name) AS blockers,
     collect(DISTINCT prev_blocker.name) AS prev_blockers
RETURN e.id AS entity_id, e.name AS entity, s.changed AS changed, m.id AS meeting_id,
       m.external_id AS external_id, toString(m.date) AS date, s.memory_id AS memory_id, s.quote AS quote,
       {status: s.status, progress: s.progress, owner: owner.name, blockers: blockers} AS after,
       CASE WHEN prev IS NULL THEN null ELSE
         {status: prev.status, progress: prev.progress, owner: prev_owner.name, blockers: prev_blockers} END AS before
ORDER BY s.sort_key, entity
