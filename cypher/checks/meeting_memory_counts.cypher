MATCH (m:Meeting)
WHERE m.id IN $meeting_ids
RETURN m.id AS meeting_id, COUNT { (:Memory)-[:PART_OF]->(m) } AS memories
