MATCH (d:Decision)-[:ABOUT]->(e:Entity {id: $id})
MATCH (d)-[:DECIDED_IN]->(m:Meeting)
OPTIONAL MATCH (d)-[:EVIDENCED_BY]->(mem:Memory)
RETURN d.id AS decision_id, d.summary AS summary, d.quote AS quote, m.id AS meeting_id,
       m.external_id AS external_id, toString(m.date) AS date, mem.id AS memory_id, mem.text AS text,
       mem.turn_start AS turn_start, mem.turn_end AS turn_end
ORDER BY m.sort_key DESC
LIMIT $limit
