MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[d:DEPENDS_ON]->(dep:Entity)
WITH e, dep, d
ORDER BY dep.name
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases,
       collect(CASE WHEN dep IS NULL THEN null ELSE {
         id: dep.id, name: dep.name, type: dep.type, depth: 1,
         meeting_ids: d.meeting_ids, memory_ids: d.memory_ids, quotes: d.quotes
       } END) AS items
