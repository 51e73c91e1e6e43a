UNWIND $chains AS chain
MATCH (e:Entity {id: chain.entity_id})
OPTIONAL MATCH (e)-[old:CURRENT_STATE]->()
DELETE old
WITH DISTINCT e, chain
MATCH (current:State {id: chain.current_id})
CREATE (e)-[:CURRENT_STATE]->(current)
SET e.status = current.status, e.progress = current.progress
WITH chain
UNWIND chain.links AS link
MATCH (a:State {id: link.from_id})
MATCH (b:State {id: link.to_id})
CREATE (a)-[:TRANSITIONED_TO {changed: link.changed}]->(b)
