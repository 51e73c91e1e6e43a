CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION
  CALL db.index.vector.queryNodes('entity_name_embedding', $limit, $vector) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
RETURN node.id AS id, node.name AS name, node.type AS type, node.aliases AS aliases
ORDER BY score DESC
LIMIT $limit
