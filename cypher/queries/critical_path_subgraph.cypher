// The unfinished items (an entity_status index seek: every item keeps its status and progress) as the columns of
// one row, with only what the path needs; each item's dependencies as one space-separated string of ids, which
// decodes far faster than a list per item.
MATCH (e:Entity)
WHERE e.status IN $unfinished
  AND ($from_id IS NULL OR e.id = $from_id OR EXISTS { (:Entity {id: $from_id})-[:DEPENDS_ON]->+(e) })
WITH e, coalesce(e.progress, 0) AS progress,
     reduce(ids = '', id IN [(e)-[:DEPENDS_ON]->(d) | d.id] | ids + ' ' + id) AS depends_on
RETURN collect(e.id) AS ids, collect(e.name) AS names, collect(progress) AS progress, collect(depends_on) AS depends_on
