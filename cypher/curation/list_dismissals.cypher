MATCH (d:Dismissal)
RETURN d.id AS id, d.entity_id AS entity_id, d.name AS name, d.type AS type, d.names AS names, d.keys AS keys,
       toString(d.at) AS at
ORDER BY d.at DESC, d.id
LIMIT $limit
