UNWIND $mentions AS row
MATCH (e:Entity {id: row.entity_id})
MATCH (mem:Memory {id: row.memory_id})
MERGE (e)-[r:MENTIONED_IN]->(mem)
SET r.count = row.count, r.surfaces = row.surfaces
RETURN count(r) AS mentions
