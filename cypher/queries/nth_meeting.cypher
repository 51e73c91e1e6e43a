MATCH (m:Meeting)
WHERE m.sort_key IS NOT NULL
RETURN m.id AS id, m.external_id AS external_id, m.title AS title, m.date AS date
ORDER BY m.sort_key
SKIP $skip
LIMIT 1
