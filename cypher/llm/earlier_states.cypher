UNWIND $name_keys AS key
MATCH (e:Entity)
WHERE key IN e.search_keys AND e.type <> 'person'
CALL (e) {
  MATCH (e)-[:HAS_STATE]->(s:State)
  WHERE s.sort_key < $before_key
  RETURN s ORDER BY s.sort_key DESC LIMIT 1
}
RETURN key AS name_key, e.name AS name, s.status AS status, s.progress AS progress, s.quote AS quote
