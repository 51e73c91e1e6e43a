MATCH (a)-[r]->(b)
WHERE (a:Meeting OR a:Memory OR a:Entity OR a:State OR a:Decision OR a:ActionItem OR a:MergeEvent)
  AND (b:Meeting OR b:Memory OR b:Entity OR b:State OR b:Decision OR b:ActionItem OR b:MergeEvent)
RETURN type(r) AS type, properties(r) AS props,
       labels(a) AS start_labels, a.id AS start_id, labels(b) AS end_labels, b.id AS end_id
