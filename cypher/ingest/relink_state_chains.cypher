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
CALL (e, chain) {
  MATCH (s:State {id: chain.current_id})
  CREATE (e)-[:CURRENT_STATE]->(s)
}
RETURN count(e) AS chains
