MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND ($q IS NULL OR any(key IN e.search_keys WHERE key CONTAINS $q))
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases
ORDER BY e.name, e.id
SKIP $offset LIMIT $limit
