MATCH (m:Meeting)
WHERE m.external_id STARTS WITH $prefix
RETURN m.external_id AS external_id
