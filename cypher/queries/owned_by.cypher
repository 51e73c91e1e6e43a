MATCH (p:Entity {id: $person_id})<-[:OWNED_BY]-(s:State)<-[:CURRENT_STATE]-(e:Entity)
WHERE $include_finished OR NOT s.status IN ['done', 'cancelled']
OPTIONAL MATCH (s)-[:RECORDED_IN]->(m:Meeting)
RETURN e.id AS id, e.name AS name, e.type AS type, s.status AS status, s.progress AS progress,
       m.id AS meeting_id, m.external_id AS external_id, s.memory_id AS memory_id, s.quote AS quote
ORDER BY name
