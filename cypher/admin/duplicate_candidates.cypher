MATCH (e:Entity)
CALL (e) {
  OPTIONAL MATCH (e)-[:MENTIONED_IN]->(:Memory)-[:PART_OF]->(m:Meeting)
  RETURN collect(DISTINCT m.id) AS mentioned
}
CALL (e) {
  OPTIONAL MATCH (e)-[:ATTENDED]->(m:Meeting)
  RETURN collect(m.id) AS attended
}
CALL (e) {
  OPTIONAL MATCH (e)-[:DEPENDS_ON]-(n:Entity)
  RETURN collect(DISTINCT n.id) AS neighbours
}
RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases,
       e.name_embedding AS name_embedding, mentioned + attended AS meeting_ids, neighbours
ORDER BY id
