UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
WHERE NOT (e)-[:MENTIONED_IN|ATTENDED]->() AND NOT (e)-[:HAS_STATE]->()
  AND NOT ()-[:OWNED_BY|BLOCKED_BY|DEPENDS_ON|ABOUT|ASSIGNED_TO]->(e) AND NOT (e)-[:DEPENDS_ON]->()
WITH e, e.id AS id
DETACH DELETE e
RETURN collect(id) AS deleted
