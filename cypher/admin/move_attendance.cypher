MATCH (t:Entity {id: $target_id})
UNWIND $source_ids AS source_id
MATCH (:Entity {id: source_id})-[old:ATTENDED]->(m:Meeting)
MERGE (t)-[r:ATTENDED]->(m)
ON CREATE SET r.spoke = false, r.turns = 0
SET r.spoke = r.spoke OR old.spoke, r.turns = r.turns + old.turns
DELETE old
RETURN count(r) AS attendance
