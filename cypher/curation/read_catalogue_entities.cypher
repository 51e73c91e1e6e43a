UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)-[:CATALOGUE_OWNER]->(p:Person)
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, coalesce(e.catalogued, false) AS catalogued,
       p.name AS owner, p.id AS owner_id
