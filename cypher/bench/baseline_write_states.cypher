UNWIND $states AS row
MATCH (e:Entity {id: row.entity_id})
MATCH (m:Meeting {id: row.meeting_id})
CREATE (s:State)
SET s = row.props
CREATE (e)-[:HAS_STATE]->(s)
CREATE (s)-[:RECORDED_IN]->(m)
WITH s, row
OPTIONAL MATCH (mem:Memory {id: row.props.memory_id})
OPTIONAL MATCH (owner:Entity {id: row.props.owner_id})
FOREACH (x IN CASE WHEN mem IS NULL THEN [] ELSE [mem] END | CREATE (s)-[:EVIDENCED_BY]->(x))
FOREACH (x IN CASE WHEN owner IS NULL THEN [] ELSE [owner] END | CREATE (s)-[:OWNED_BY]->(x))
WITH s, row
UNWIND row.props.blocker_ids AS blocker_id
MATCH (blocker:Entity {id: blocker_id})
CREATE (s)-[:BLOCKED_BY]->(blocker)
