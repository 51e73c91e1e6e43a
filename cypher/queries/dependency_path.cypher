MATCH (a:Entity {id: $from_id}), (b:Entity {id: $to_id})
MATCH p = ALL SHORTEST (a)-[:DEPENDS_ON]->{1,50}(b)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {id: n.id, name: n.name}] AS nodes,
       [r IN relationships(p) | {meeting_id: r.meeting_ids[0], memory_id: r.memory_ids[0], quote: r.quotes[0]}] AS edges
