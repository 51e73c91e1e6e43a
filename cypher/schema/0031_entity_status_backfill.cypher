// Graphs written before the status was kept on the entity get it from each current state.
MATCH (e:Entity)-[:CURRENT_STATE]->(s:State)
CALL (e, s) {
  SET e.status = s.status
} IN TRANSACTIONS OF 10000 ROWS
