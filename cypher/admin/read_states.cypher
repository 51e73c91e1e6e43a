UNWIND $entity_ids AS entity_id
MATCH (:Entity {id: entity_id})-[:HAS_STATE]->(s:State)
OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(mem:Memory)
RETURN entity_id, s {.*} AS state, mem.turn_start AS turn
ORDER BY entity_id, s.sort_key
