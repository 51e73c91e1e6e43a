UNWIND $state_ids AS state_id
MATCH (s:State {id: state_id})
DETACH DELETE s
