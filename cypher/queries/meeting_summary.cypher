MATCH (m:Meeting {id: $id})
CALL (m) {
  OPTIONAL MATCH (p:Entity)-[a:ATTENDED]->(m)
  RETURN collect(p {.id, .name, spoke: a.spoke, turns: a.turns}) AS attendees
}
CALL (m) {
  OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(:Memory)-[:PART_OF]->(m)
  WHERE e.type <> 'person'
  RETURN collect(DISTINCT e {.id, .name, .type}) AS discussed
}
CALL (m) {
  OPTIONAL MATCH (e:Entity)-[:HAS_STATE]->(s:State)-[:RECORDED_IN]->(m)
  OPTIONAL MATCH (s)-[:OWNED_BY]->(owner:Entity)
  RETURN collect(e {.id, .name, status: s.status, progress: s.progress, owner: owner.name, changed: s.changed,
                    quote: s.quote, memory_id: s.memory_id}) AS changes
}
CALL (m) {
  OPTIONAL MATCH (d:Decision)-[:DECIDED_IN]->(m)
  OPTIONAL MATCH (d)-[:ABOUT]->(e:Entity)
  RETURN collect(d {.id, .summary, .quote, entity: e.name}) AS decisions
}
CALL (m) {
  OPTIONAL MATCH (a:ActionItem)-[:RAISED_IN]->(m)
  OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(owner:Entity)
  OPTIONAL MATCH (a)-[:CLOSED_IN]->(closed:Meeting)
  WITH a, owner, closed ORDER BY a.order_key
  RETURN collect(a {.id, .text, .quote, .speaker, .due_text, due: toString(a.due), owner: owner.name,
                    owner_id: owner.id, status: CASE WHEN closed IS NULL THEN 'open' ELSE 'done' END,
                    closed_in: closed.id}) AS action_items
}
RETURN m.id AS id, m.external_id AS external_id, m.title AS title, toString(m.date) AS date,
       m.participants AS participants, attendees, discussed, changes, decisions, action_items
