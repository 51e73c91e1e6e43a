// In name order along the entity_name index, so a page stops once it has its rows instead of sorting them all.
// An entity that a concurrent merge or deletion is removing can read with no properties left (its name coming
// from the index): its properties are read at once (one map) and such an entity is left out.
MATCH (e:Entity)
WHERE e.name IS NOT NULL AND ($type IS NULL OR e.type = $type)
  AND ($q IS NULL OR any(key IN e.search_keys WHERE key CONTAINS $q))
WITH e ORDER BY e.name, e.id
WITH e {.id, .name, .type, .aliases} AS p
WHERE p.id IS NOT NULL
RETURN p.id AS id, p.name AS name, p.type AS type, p.aliases AS aliases
SKIP $offset LIMIT $limit
