MATCH (e:Entity)
WHERE e.type <> 'person' AND ($type IS NULL OR e.type = $type)
WITH collect(e) AS items
RETURN size(items) AS count, [e IN items[..50] | e.name] AS names
