CALL () {
  MATCH (m:Meeting {id: $reference})
  RETURN m
  UNION
  MATCH (m:Meeting {external_id: $reference})
  RETURN m
}
RETURN m.id AS id, m.external_id AS external_id, m.title AS title, m.date AS date
LIMIT 1
