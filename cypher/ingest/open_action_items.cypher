// Open action items of these owners raised before the meeting being written: what its claims may close.
MATCH (a:ActionItem)-[:ASSIGNED_TO]->(p:Entity)
WHERE p.id IN $owner_ids AND a.order_key < $before_key AND NOT (a)-[:CLOSED_IN]->(:Meeting)
RETURN a.id AS id, a.text AS text, p.id AS owner_id
ORDER BY a.order_key
