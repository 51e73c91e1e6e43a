UNWIND $entity_ids AS entity_id
MATCH (:Entity {id: entity_id})-[:HAS_STATE]->(s:State)
DETACH DELETE s
RETURN count(*) AS deleted
