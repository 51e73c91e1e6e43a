MATCH (n)
WHERE n:Meeting OR n:Memory OR n:Entity OR n:State OR n:Decision OR n:ActionItem OR n:MergeEvent
RETURN labels(n) AS labels, properties(n) AS props
