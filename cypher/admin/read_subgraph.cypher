CALL () {
  UNWIND $entity_ids AS entity_id
  MATCH (n:Entity {id: entity_id})
  RETURN n
  UNION
  UNWIND $state_owner_ids AS owner_id
  MATCH (:Entity {id: owner_id})-[:HAS_STATE]->(n:State)
  RETURN n
}
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  MATCH (n)-[r]-()
  WITH DISTINCT r
  RETURN collect({
    type: type(r), props: properties(r),
    start_labels: labels(startNode(r)), start_id: startNode(r).id,
    end_labels: labels(endNode(r)), end_id: endNode(r).id
  }) AS rels
}
RETURN [n IN nodes | {labels: labels(n), props: properties(n)}] AS nodes, rels
