// Each candidate is write-locked before it is checked: two writers that each remove one of an entity's last
// references would otherwise both still see the other's, and leave it behind with nothing referring to it.
// Catalogued items stay whether or not a meeting mentions them, and so do their owners.
UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
SET e._lock = true
REMOVE e._lock
WITH e
WHERE NOT (e)-[:MENTIONED_IN|ATTENDED]->() AND NOT (e)-[:HAS_STATE]->()
  AND NOT ()-[:OWNED_BY|BLOCKED_BY|DEPENDS_ON|ABOUT|CATALOGUE_OWNER|ASSIGNED_TO]->(e) AND NOT (e)-[:DEPENDS_ON]->()
  AND NOT coalesce(e.catalogued, false)
WITH e, e.id AS id
DETACH DELETE e
RETURN collect(id) AS deleted
