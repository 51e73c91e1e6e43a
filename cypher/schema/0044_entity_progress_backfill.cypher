// Graphs written before the progress was kept on the entity get it from each current state.
MATCH (e:Entity)-[:CURRENT_STATE]->(s:State)
CALL (e, s) {
  SET e.progress = s.progress
} IN TRANSACTIONS OF 10000 ROWS
