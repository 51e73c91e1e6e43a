MATCH (e:Entity {id: $id})
MATCH p = ANY SHORTEST (e)-[:DEPENDS_ON]->{1,50}(dep:Entity)
WHERE dep <> e
WITH dep, length(p) AS depth, last(relationships(p)) AS d
RETURN dep.id AS id, dep.name AS name, dep.type AS type, depth,
       d.meeting_ids AS meeting_ids, d.memory_ids AS memory_ids, d.quotes AS quotes
ORDER BY depth, name
