UNWIND $dependencies AS row
MATCH (a:Entity {id: row.from_id})
MATCH (b:Entity {id: row.to_id})
MERGE (a)-[d:DEPENDS_ON]->(b)
SET d.meeting_ids = coalesce(d.meeting_ids, []) + row.meeting_id,
    d.memory_ids = coalesce(d.memory_ids, []) + row.memory_id,
    d.quotes = coalesce(d.quotes, []) + row.quote
