UNWIND $states AS row
MATCH (e:Entity {id: row.entity_id})
MATCH (m:Meeting {id: row.meeting_id})
MERGE (s:State {id: row.id})
SET s += row.props
MERGE (e)-[:HAS_STATE]->(s)
MERGE (s)-[:RECORDED_IN]->(m)
WITH s, row
CALL (s) {
  MATCH (s)-[old:OWNED_BY|BLOCKED_BY|EVIDENCED_BY]->()
  DELETE old
}
CALL (s, row) {
  MATCH (mem:Memory {id: row.props.memory_id})
  CREATE (s)-[:EVIDENCED_BY]->(mem)
}
CALL (s, row) {
  MATCH (owner:Entity {id: row.props.owner_id})
  CREATE (s)-[:OWNED_BY]->(owner)
}
CALL (s, row) {
  UNWIND row.props.blocker_ids AS blocker_id
  MATCH (blocker:Entity {id: blocker_id})
  CREATE (s)-[:BLOCKED_BY]->(blocker)
}
RETURN count(s) AS states
