// A batch of meetings with their memories, in the shape ingest/write_meeting writes one meeting.
UNWIND $meetings AS row
CREATE (m:Meeting {
  id: row.id, external_id: row.external_id, title: row.title, date: date(row.date), sort_key: row.sort_key,
  content_hash: row.content_hash, participants: row.participants, turn_count: row.turn_count,
  extractor: row.extractor, ingested_at: datetime()
})
WITH m, row
UNWIND row.memories AS memory
CREATE (mem:Memory {
  id: memory.id, meeting_id: m.id, idx: memory.index, text: memory.text, turn_start: memory.turn_start,
  turn_end: memory.turn_end, speakers: memory.speakers, date: m.date
})
CREATE (mem)-[:PART_OF]->(m)
WITH mem, memory
CALL db.create.setNodeVectorProperty(mem, 'embedding', memory.embedding)
RETURN count(mem) AS memories
