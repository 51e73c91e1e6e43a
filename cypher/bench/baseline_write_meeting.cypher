CREATE (m:Meeting {
  id: $meeting.id, external_id: $meeting.external_id, title: $meeting.title, date: date($meeting.date),
  sort_key: $meeting.sort_key, content_hash: $meeting.content_hash, participants: $meeting.participants,
  turn_count: $meeting.turn_count, extractor: $meeting.extractor
})
WITH m
UNWIND $memories AS row
CREATE (mem:Memory {
  id: row.id, meeting_id: m.id, idx: row.index, text: row.text, turn_start: row.turn_start,
  turn_end: row.turn_end, speakers: row.speakers, date: m.date, embedding: row.embedding
})
CREATE (mem)-[:PART_OF]->(m)
