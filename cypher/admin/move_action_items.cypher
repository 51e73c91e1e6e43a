MATCH (t:Entity {id: $target_id})
UNWIND $source_ids AS source_id
MATCH (a:ActionItem)-[old:ASSIGNED_TO|ABOUT]->(:Entity {id: source_id})
WITH a, t, old, type(old) AS kind, properties(old) AS props
DELETE old
WITH a, t, kind, props
WHERE NOT EXISTS { MATCH (a)-[x]->(t) WHERE type(x) = kind }
CREATE (a)-[r:$(kind)]->(t)
SET r = props
RETURN count(r) AS moved
