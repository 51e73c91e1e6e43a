// Newest first along the sort-key index, so a page reads only its own meetings. A meeting that a concurrent
// re-ingest or deletion is removing can read with no properties left: its properties are read at once (one
// map) and such a meeting is left out.
MATCH (m:Meeting)
WHERE m.sort_key IS NOT NULL
  AND ($since IS NULL OR m.date >= date($since)) AND ($until IS NULL OR m.date <= date($until))
WITH m ORDER BY m.sort_key DESC
WITH m {.id, .external_id, .title, .date, .participants, .turn_count} AS p
WHERE p.id IS NOT NULL
RETURN p.id AS id, p.external_id AS external_id, p.title AS title, toString(p.date) AS date,
       p.participants AS participants, p.turn_count AS turn_count
SKIP $offset LIMIT $limit
