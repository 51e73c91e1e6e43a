CALL db.index.vector.queryNodes('memory_embedding', $fetch, $vector) YIELD node, score
MATCH (node)-[:PART_OF]->(m:Meeting)
RETURN node.id AS memory_id, m.id AS meeting_id, m.external_id AS external_id, m.title AS title,
       toString(m.date) AS date, node.text AS text, node.turn_start AS turn_start, node.turn_end AS turn_end,
       coalesce(node.speakers, []) AS speakers, 'vector' AS via, score
