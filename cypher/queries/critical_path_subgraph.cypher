MATCH (e:Entity)
WHERE e.type <> 'person' AND ($from_id IS NULL OR e.id = $from_id OR EXISTS { (:Entity {id: $from_id})-[:DEPENDS_ON]->+(e) })
OPTIONAL MATCH (e)-[:CURRENT_STATE]->(s:State)
WITH e, coalesce(s.status, 'planned') AS status, coalesce(s.progress, 0) AS progress
WHERE NOT status IN ['done', 'cancelled']
OPTIONAL MATCH (e)-[:DEPENDS_ON]->(d:Entity)
WITH e, status, progress, collect(d.id) AS depends_on
RETURN collect({id: e.id, name: e.name, status: status, progress: progress, depends_on: depends_on}) AS items
