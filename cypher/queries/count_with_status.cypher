// Items with one status: an entity_status index seek (every item keeps its status); only the 50 names shown are read.
MATCH (e:Entity)
WHERE e.status = $status AND ($type IS NULL OR e.type = $type)
WITH collect(e) AS items
RETURN size(items) AS count, [e IN items[..50] | e.name] AS names
