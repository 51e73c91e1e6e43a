MATCH (n:IgnoredName)
RETURN collect(DISTINCT n.key) AS keys
