MATCH (m:MergeEvent)
RETURN m.id AS id, m.target AS target, m.sources AS sources, toString(m.at) AS at,
       m.target_name AS target_name, m.source_names AS source_names
ORDER BY m.at DESC
LIMIT $limit
