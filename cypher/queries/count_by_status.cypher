MATCH (e:Entity)
WHERE e.type <> 'person' AND ($type IS NULL OR e.type = $type)
OPTIONAL MATCH (e)-[:CURRENT_STATE]->(s:State)
WITH e, coalesce(s.status, 'planned') AS status
WHERE $status IS NULL OR status = $status
RETURN count(e) AS count, collect(e.name)[..50] AS names
