CALL (){
  UNWIND $lucene_queries AS q
  CALL db.index.fulltext.queryNodes('entity_names', q, {limit: 10}) YIELD node
  RETURN node
  UNION
  UNWIND $name_keys AS key
  MATCH (node:Entity {name_key: key})
  RETURN node
  UNION
  UNWIND $acronyms AS acronym
  MATCH (node:Entity {initials: acronym})
  RETURN node
  UNION
  UNWIND $vectors AS v
  CALL db.index.vector.queryNodes('entity_name_embedding', 5, v) YIELD node, score
  WITH node, score WHERE score >= $min_vector_score
  RETURN node
}
WITH DISTINCT node
// a node a concurrent merge or deletion is removing reads without its properties: it is no candidate
WHERE node.id IS NOT NULL
RETURN node.id AS id, node.name AS name, node.type AS type, node.aliases AS aliases,
       node.name_embedding AS name_embedding
