MATCH (e:Entity {id: $id})
MATCH p = ANY SHORTEST (dependent:Entity)-[:DEPENDS_ON]->{1,50}(e)
WHERE dependent <> e
WITH dependent, length(p) AS depth, head(relationships(p)) AS d
RETURN dependent.id AS id, dependent.name AS name, dependent.type AS type, depth,
       d.meeting_ids AS meeting_ids, d.memory_ids AS memory_ids, d.quotes AS quotes
ORDER BY depth, name
