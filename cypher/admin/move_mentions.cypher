MATCH (t:Entity {id: $target_id})
UNWIND $source_ids AS source_id
MATCH (:Entity {id: source_id})-[old:MENTIONED_IN]->(mem:Memory)
MERGE (t)-[r:MENTIONED_IN]->(mem)
ON CREATE SET r.count = 0, r.surfaces = []
SET r.count = r.count + old.count,
    r.surfaces = COLLECT { UNWIND r.surfaces + old.surfaces AS surface WITH DISTINCT surface RETURN surface ORDER BY surface }
DELETE old
RETURN count(r) AS mentions
