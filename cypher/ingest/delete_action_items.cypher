MATCH (a:ActionItem)-[:RAISED_IN]->(:Meeting {id: $meeting_id})
OPTIONAL MATCH (a)-[:ASSIGNED_TO|ABOUT]->(e:Entity)
WITH collect(DISTINCT a) AS items, collect(DISTINCT e.id) AS referenced
FOREACH (a IN items | DETACH DELETE a)
RETURN size(items) AS deleted, referenced
