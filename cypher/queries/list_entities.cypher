// In name order along the entity_name index, so a page stops once it has its rows instead of sorting them all.
MATCH (e:Entity)
WHERE e.name IS NOT NULL AND ($type IS NULL OR e.type = $type)
  AND ($q IS NULL OR any(key IN e.search_keys WHERE key CONTAINS $q))
WITH e ORDER BY e.name, e.id
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases
SKIP $offset LIMIT $limit
