CALL () {
  CALL db.index.vector.queryNodes('memory_embedding', $fetch, $vector) YIELD node, score
  RETURN node, score, 'vector' AS via
  UNION ALL
  CALL db.index.fulltext.queryNodes('memory_text', $lucene, {limit: $fetch}) YIELD node, score
  RETURN node, score, 'fulltext' AS via
}
MATCH (node)-[:PART_OF]->(m:Meeting)
WHERE $meeting_id IS NULL OR m.id = $meeting_id
RETURN node.id AS memory_id, m.id AS meeting_id, m.external_id AS external_id, m.title AS title,
       toString(m.date) AS date, node.text AS text, node.turn_start AS turn_start, node.turn_end AS turn_end,
       coalesce(node.speakers, []) AS speakers, via, score
