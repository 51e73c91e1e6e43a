CALL () {
  MATCH (e:Entity {name_key: $key})
  RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $phrase, {limit: 50}) YIELD node
  WITH node AS e
  WHERE $key IN e.search_keys
  RETURN e
  UNION
  MATCH (e:Entity {initials: $key})
  RETURN e
}
WITH e
WHERE e.type <> 'person'
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases
