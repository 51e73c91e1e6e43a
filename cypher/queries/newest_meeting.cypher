MATCH (m:Meeting)
WHERE m.sort_key >= $not_before_key AND m.sort_key < $before_key
RETURN m.id AS id, m.external_id AS external_id, m.title AS title, m.date AS date
ORDER BY m.sort_key DESC
SKIP $skip
LIMIT 1
