MATCH (m:Meeting)
WHERE m.sort_key IS NOT NULL
  AND ($since IS NULL OR m.date >= date($since)) AND ($until IS NULL OR m.date <= date($until))
RETURN m.id AS id, m.external_id AS external_id, m.title AS title, toString(m.date) AS date,
       m.participants AS participants, m.turn_count AS turn_count
ORDER BY m.sort_key DESC
SKIP $offset LIMIT $limit
