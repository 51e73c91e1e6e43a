UNWIND $entity_ids AS entity_id
MERGE (e:Entity {id: entity_id})
SET e._lock = true
REMOVE e._lock
RETURN count(e) AS locked
