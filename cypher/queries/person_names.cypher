MATCH (p:Person)
RETURN collect(DISTINCT p.name) AS names
