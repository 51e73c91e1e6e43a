MATCH (t:Entity {id: $target_id})
UNWIND $source_ids AS source_id
MATCH (d:Decision)-[old:ABOUT]->(:Entity {id: source_id})
CREATE (d)-[r:ABOUT]->(t)
SET r = properties(old)
DELETE old
RETURN count(r) AS decisions
