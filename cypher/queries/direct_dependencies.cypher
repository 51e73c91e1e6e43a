MATCH (e:Entity {id: $id})-[d:DEPENDS_ON]->(dep:Entity)
RETURN dep.id AS id, dep.name AS name, dep.type AS type, 1 AS depth,
       d.meeting_ids AS meeting_ids, d.memory_ids AS memory_ids, d.quotes AS quotes
ORDER BY name
