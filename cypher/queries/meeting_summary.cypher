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
RETURN m.id AS id, m.external_id AS external_id, m.title AS title, toString(m.date) AS date,
       m.participants AS participants, attendees, discussed, changes, decisions
