UNWIND $mentions AS row
MATCH (e:Entity {id: row.entity_id})
MATCH (mem:Memory {id: row.memory_id})
CREATE (e)-[:MENTIONED_IN {count: row.count, surfaces: row.surfaces}]->(mem)
