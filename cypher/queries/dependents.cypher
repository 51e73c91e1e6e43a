MATCH (e:Entity {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (dependent:Entity)-[:DEPENDS_ON]->{1,50}(e)
WHERE dependent <> e
WITH e, dependent, length(p) AS depth, head(relationships(p)) AS d
ORDER BY depth, dependent.name
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases,
       collect(CASE WHEN dependent IS NULL THEN null ELSE {
         id: dependent.id, name: dependent.name, type: dependent.type, depth: depth,
         meeting_ids: d.meeting_ids, memory_ids: d.memory_ids, quotes: d.quotes
       } END) AS items
