// Meetings whose memories are not the whole transcript: chunk indexes must run 0..n-1 without gaps or repeats,
// and the turns (positions as submitted; empty turns are dropped, so the first may be after 0) end at the last.
MATCH (m:Meeting)
OPTIONAL MATCH (mem:Memory)-[:PART_OF]->(m)
WITH m, count(mem) AS memories, count(DISTINCT mem.idx) AS indexes, min(mem.idx) AS first_index,
     max(mem.idx) AS last_index, min(mem.turn_start) AS first_turn, max(mem.turn_end) AS last_turn
WHERE memories = 0 OR indexes <> memories OR first_index <> 0 OR last_index <> memories - 1
   OR first_turn < 0 OR last_turn <> m.turn_count - 1
RETURN m.id AS meeting_id, m.external_id AS external_id, memories, first_turn, last_turn, m.turn_count AS turn_count
