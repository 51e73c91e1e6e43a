// Action items in meeting order (then turn), filtered; status is 'done' once a later meeting closed the item.
// Someone's items are read from the person, a meeting's from the meeting, and only a list of everyone's reads
// every action item: each branch runs only when its leading WHERE holds.
CALL () {
  WITH 1 AS someone WHERE $owner IS NOT NULL
  MATCH (p:Person)
  USING SCAN p:Person
  WHERE p.id = $owner OR $owner_key IN coalesce(p.search_keys, []) OR split(coalesce(p.name_key, ''), ' ')[0] = $owner_key
  MATCH (a:ActionItem)-[:ASSIGNED_TO]->(p)
  RETURN a, p
  UNION
  WITH 1 AS one_meeting WHERE $owner IS NULL
  MATCH (:Meeting {id: $meeting_id})<-[:RAISED_IN]-(a:ActionItem)-[:ASSIGNED_TO]->(p:Entity)
  RETURN a, p
  UNION
  WITH 1 AS everyone WHERE $owner IS NULL AND $meeting_id IS NULL
  MATCH (a:ActionItem)-[:ASSIGNED_TO]->(p:Entity)
  RETURN a, p
}
WITH a, p
WHERE ($meeting_id IS NULL OR a.meeting_id = $meeting_id)
  AND ($due_before IS NULL OR (a.due IS NOT NULL AND a.due < date($due_before)))
  AND ($since IS NULL OR a.date >= date($since))
  AND ($after IS NULL OR a.order_key > $after)
CALL (a) {
  OPTIONAL MATCH (a)-[c:CLOSED_IN]->(closed:Meeting)
  WITH c, closed ORDER BY closed.sort_key
  RETURN head(collect(closed {.id, .external_id, date: toString(closed.date), quote: c.quote})) AS closed
}
WITH a, p, closed, CASE WHEN closed IS NULL THEN 'open' ELSE 'done' END AS status
WHERE $status IS NULL OR status = $status
MATCH (a)-[:RAISED_IN]->(m:Meeting)
CALL (a) {
  OPTIONAL MATCH (a)-[:ABOUT]->(e:Entity)
  RETURN collect(e.name) AS about
}
CALL (a) {
  OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(mem:Memory)
  RETURN head(collect(mem.id)) AS memory_id
}
RETURN a.id AS id, a.text AS text, p.name AS owner, p.id AS owner_id, status, toString(a.due) AS due,
       a.due_text AS due_text, a.quote AS quote, a.speaker AS speaker, a.turn AS turn, m.id AS meeting_id,
       m.external_id AS external_id, m.title AS meeting_title, toString(m.date) AS meeting_date,
       closed.id AS closed_in, closed.date AS closed_date, closed.quote AS closed_quote, about, memory_id,
       a.order_key AS order_key
ORDER BY a.order_key
LIMIT $limit
