UNWIND $dependencies AS row
MATCH (a:Entity {id: row.from_id})
MATCH (b:Entity {id: row.to_id})
MERGE (a)-[d:DEPENDS_ON]->(b)
ON CREATE SET d.created_at = datetime(), d.meeting_ids = [], d.memory_ids = [], d.quotes = []
WITH d, row
WHERE NOT row.meeting_id IN d.meeting_ids
SET d.meeting_ids = d.meeting_ids + row.meeting_id,
    d.memory_ids = d.memory_ids + row.memory_id,
    d.quotes = d.quotes + row.quote
RETURN count(d) AS dependencies
