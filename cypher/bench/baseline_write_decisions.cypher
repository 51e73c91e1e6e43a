UNWIND $decisions AS row
MATCH (m:Meeting {id: $meeting_id})
CREATE (d:Decision {id: row.id, summary: row.summary, quote: row.quote, date: m.date, meeting_id: m.id})
CREATE (d)-[:DECIDED_IN]->(m)
WITH d, row
OPTIONAL MATCH (e:Entity {id: row.entity_id})
OPTIONAL MATCH (mem:Memory {id: row.memory_id})
FOREACH (x IN CASE WHEN e IS NULL THEN [] ELSE [e] END | CREATE (d)-[:ABOUT]->(x))
FOREACH (x IN CASE WHEN mem IS NULL THEN [] ELSE [mem] END | CREATE (d)-[:EVIDENCED_BY]->(x))
