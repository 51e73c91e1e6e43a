MATCH (e:Entity {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (e)-[:DEPENDS_ON]->{1,50}(dep:Entity)
WHERE dep <> e
WITH e, dep, length(p) AS depth, last(relationships(p)) AS d
ORDER BY depth, dep.name
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases,
       collect(CASE WHEN dep IS NULL THEN null ELSE {
         id: dep.id, name: dep.name, type: dep.type, depth: depth,
         meeting_ids: d.meeting_ids, memory_ids: d.memory_ids, quotes: d.quotes
       } END) AS items
