UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.name_key AS name_key,
       e.search_keys AS search_keys
