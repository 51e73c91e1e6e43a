MATCH (m:Meeting)
WHERE m.sort_key IS NOT NULL
WITH m ORDER BY m.sort_key
RETURN collect({id: m.id, external_id: m.external_id, title: m.title, date: m.date}) AS meetings
