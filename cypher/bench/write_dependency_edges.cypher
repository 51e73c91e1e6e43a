UNWIND $edges AS row
MATCH (a:Entity {id: row.from_id})
MATCH (b:Entity {id: row.to_id})
MERGE (a)-[d:DEPENDS_ON]->(b)
ON CREATE SET d.meeting_ids = [], d.memory_ids = [], d.quotes = []
