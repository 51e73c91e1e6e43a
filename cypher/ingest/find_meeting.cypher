// A meeting a concurrent re-ingest is deleting reads with no properties: taken as absent, so the write then
// collides with the unique external_id and the whole transaction is retried as a race.
OPTIONAL MATCH (by_id:Meeting {external_id: $external_id})
OPTIONAL MATCH (by_hash:Meeting {content_hash: $content_hash})
  WHERE $external_id IS NULL
WITH coalesce(by_id, by_hash) AS m
WHERE m IS NOT NULL AND m.id IS NOT NULL
RETURN m.id AS id, m.external_id AS external_id, m.content_hash AS content_hash
LIMIT 1
