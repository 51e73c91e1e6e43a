UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
DETACH DELETE e
RETURN count(*) AS deleted
