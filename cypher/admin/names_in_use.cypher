MATCH (e:Entity)
WHERE e.id <> $id AND (e.type = 'person') = $person AND any(key IN e.search_keys WHERE key IN $keys)
RETURN e.id AS id, e.name AS name, [key IN e.search_keys WHERE key IN $keys] AS keys
ORDER BY id
