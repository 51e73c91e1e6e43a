// ingest/write_decisions for a batch of meetings: each row names its meeting.
UNWIND $decisions AS row
MATCH (m:Meeting {id: row.meeting_id})
CREATE (d:Decision {id: row.id, summary: row.summary, quote: row.quote, date: m.date, meeting_id: m.id})
CREATE (d)-[:DECIDED_IN]->(m)
WITH d, row
CALL (d, row) {
  MATCH (e:Entity {id: row.entity_id})
  CREATE (d)-[:ABOUT]->(e)
}
CALL (d, row) {
  MATCH (mem:Memory {id: row.memory_id})
  CREATE (d)-[:EVIDENCED_BY]->(mem)
}
