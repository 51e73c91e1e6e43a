MATCH (e:Entity)
WHERE e.type <> 'person' AND ($type IS NULL OR e.type = $type)
WITH e, coalesce(e.status, 'planned') AS status
WHERE $status IS NULL OR status = $status
RETURN count(e) AS count, collect(e.name)[..50] AS names
