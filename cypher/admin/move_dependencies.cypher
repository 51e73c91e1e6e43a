MATCH (t:Entity {id: $target_id})
UNWIND $source_ids AS source_id
MATCH (s:Entity {id: source_id})-[old:DEPENDS_ON]-(other:Entity)
WITH t, s, old, other, other.id IN $source_ids OR other = t AS internal
CALL (t, s, old, other, internal) {
  WITH * WHERE NOT internal AND startNode(old) = s
  MERGE (t)-[r:DEPENDS_ON]->(other)
  ON CREATE SET r.created_at = old.created_at, r.meeting_ids = [], r.memory_ids = [], r.quotes = []
  WITH r, old, [i IN range(0, size(old.meeting_ids) - 1) WHERE NOT old.meeting_ids[i] IN r.meeting_ids] AS fresh
  SET r.meeting_ids = r.meeting_ids + [i IN fresh | old.meeting_ids[i]],
      r.memory_ids = r.memory_ids + [i IN fresh | old.memory_ids[i]],
      r.quotes = r.quotes + [i IN fresh | old.quotes[i]],
      r.created_at = CASE WHEN old.created_at < r.created_at THEN old.created_at ELSE r.created_at END
}
CALL (t, s, old, other, internal) {
  WITH * WHERE NOT internal AND endNode(old) = s
  MERGE (other)-[r:DEPENDS_ON]->(t)
  ON CREATE SET r.created_at = old.created_at, r.meeting_ids = [], r.memory_ids = [], r.quotes = []
  WITH r, old, [i IN range(0, size(old.meeting_ids) - 1) WHERE NOT old.meeting_ids[i] IN r.meeting_ids] AS fresh
  SET r.meeting_ids = r.meeting_ids + [i IN fresh | old.meeting_ids[i]],
      r.memory_ids = r.memory_ids + [i IN fresh | old.memory_ids[i]],
      r.quotes = r.quotes + [i IN fresh | old.quotes[i]],
      r.created_at = CASE WHEN old.created_at < r.created_at THEN old.created_at ELSE r.created_at END
}
WITH collect(DISTINCT old) AS moved
FOREACH (old IN moved | DELETE old)
RETURN size(moved) AS dependencies
