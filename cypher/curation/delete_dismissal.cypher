MATCH (d:Dismissal {id: $id})
CALL (d) {
  MATCH (n:IgnoredName)-[:IGNORED_BY]->(d)
  DETACH DELETE n
}
DETACH DELETE d
RETURN count(*) AS deleted
