// Write-locks those of the entities that exist, one after another in the order given (callers sort the ids, so
// concurrent writers queue in one order instead of deadlocking). Unlike lock_entities it creates nothing: an
// entity a concurrent merge deleted stays deleted.
UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
SET e._lock = true
REMOVE e._lock
RETURN collect(e.id) AS locked
