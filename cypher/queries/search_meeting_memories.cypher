MATCH (node:Memory)-[:PART_OF]->(m:Meeting {id: $meeting_id})
WITH node, m, vector.similarity.cosine(node.embedding, $vector) AS score
ORDER BY score DESC
LIMIT $k
RETURN node.id AS memory_id, m.id AS meeting_id, m.external_id AS external_id, m.title AS title,
       toString(m.date) AS date, node.text AS text, node.turn_start AS turn_start, node.turn_end AS turn_end,
       coalesce(node.speakers, []) AS speakers, 'vector' AS via, score
