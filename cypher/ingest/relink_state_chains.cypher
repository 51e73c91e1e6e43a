UNWIND $chains AS chain
MATCH (e:Entity {id: chain.entity_id})
CALL (e) {
  MATCH (e)-[current:CURRENT_STATE]->()
  DELETE current
}
CALL (chain) {
  UNWIND chain.state_ids AS state_id
  MATCH (:State {id: state_id})-[t:TRANSITIONED_TO]->()
  DELETE t
}
CALL (chain) {
  UNWIND chain.links AS link
  MATCH (a:State {id: link.from_id})
  MATCH (b:State {id: link.to_id})
  CREATE (a)-[:TRANSITIONED_TO {changed: link.changed}]->(b)
}
// The current status and progress are also kept on the entity (planned while it has no version), so that
// counts, boards and the critical path need not walk every chain.
CALL (e, chain) {
  OPTIONAL MATCH (s:State {id: chain.current_id})
  FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (e)-[:CURRENT_STATE]->(s))
  SET e.status = coalesce(s.status, 'planned'), e.progress = s.progress
}
RETURN count(e) AS chains
