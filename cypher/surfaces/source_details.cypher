// Meeting date, title and speakers behind each quoted memory, for showing an answer's sources.
UNWIND $memory_ids AS memory_id
MATCH (mem:Memory {id: memory_id})-[:PART_OF]->(m:Meeting)
RETURN mem.id AS memory_id, m.id AS meeting_id, m.external_id AS external_id, m.title AS title,
       toString(m.date) AS date, coalesce(mem.speakers, []) AS speakers
