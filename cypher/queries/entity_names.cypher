MATCH (e:Entity)
WHERE e.type <> 'person'
UNWIND [e.name] + coalesce(e.aliases, []) AS name
RETURN collect(DISTINCT name) AS names
