MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[:CURRENT_STATE]->(s:State)
OPTIONAL MATCH (s)-[:RECORDED_IN]->(recorded:Meeting)
OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
OPTIONAL MATCH (s)-[:BLOCKED_BY]->(blocker:Entity)
WITH e, s, recorded, owner, collect(blocker.name) AS blockers
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(:Memory)-[:PART_OF]->(m:Meeting)
WITH e, s, recorded, owner, blockers, count(DISTINCT m) AS meetings
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, meetings,
       CASE WHEN s IS NULL THEN null ELSE {
         status: s.status, progress: s.progress, owner: owner.name, blockers: blockers,
         since: toString(s.date), meeting_id: s.meeting_id, external_id: recorded.external_id, memory_id: s.memory_id, quote: s.quote
       } END AS state
