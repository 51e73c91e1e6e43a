UNWIND $items AS row
MATCH (m:Meeting {id: $meeting_id})
MATCH (p:Entity {id: row.owner_id})
CREATE (a:ActionItem {id: row.id, text: row.text, quote: row.quote, speaker: row.speaker, turn: row.turn,
                      due: row.due, due_text: row.due_text, meeting_id: m.id, date: m.date, order_key: row.order_key})
CREATE (a)-[:RAISED_IN]->(m)
CREATE (a)-[:ASSIGNED_TO]->(p)
WITH a, row
OPTIONAL MATCH (mem:Memory {id: row.memory_id})
FOREACH (x IN CASE WHEN mem IS NULL THEN [] ELSE [mem] END | CREATE (a)-[:EVIDENCED_BY]->(x))
WITH a, row
UNWIND row.about_ids AS entity_id
MATCH (e:Entity {id: entity_id})
CREATE (a)-[:ABOUT]->(e)
