UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_STATE]->(s:State)
  WHERE s.sort_key < $sort_key
  WITH s ORDER BY s.sort_key DESC LIMIT 1
  RETURN s {.*} AS base
}
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_STATE]->(s:State)
  WHERE s.sort_key >= $sort_key
  WITH s ORDER BY s.sort_key
  RETURN collect(s {.*}) AS later
}
RETURN e.id AS entity_id, base, later
