MATCH (e:Entity)
WHERE e.type <> 'person'
RETURN e.name AS name, e.aliases AS aliases
