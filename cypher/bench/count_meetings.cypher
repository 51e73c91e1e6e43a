MATCH (m:Meeting)
RETURN count(m) AS meetings
