// The person whose normalised name is exactly the one asked about: an index seek, before any fuzzy lookup.
MATCH (node:Entity {name_key: $key})
WHERE node:Person
RETURN node.id AS id, node.name AS name
