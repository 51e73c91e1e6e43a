CALL () {
  MATCH (e:Entity {name_key: $key})
  RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $phrase, {limit: 50}) YIELD node
  RETURN node AS e
}
WITH e
WHERE e.type <> 'person' AND $key IN e.search_keys
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases
