// How later meetings closed a meeting's action items, so a re-ingest of it can close them again.
MATCH (a:ActionItem)-[:RAISED_IN]->(:Meeting {id: $meeting_id})
MATCH (a)-[c:CLOSED_IN]->(later:Meeting)
MATCH (a)-[:ASSIGNED_TO]->(p:Entity)
RETURN p.id AS owner_id, a.text AS text, later.id AS meeting_id, c.quote AS quote, c.memory_id AS memory_id
