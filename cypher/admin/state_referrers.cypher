MATCH (e:Entity)-[:HAS_STATE]->(s:State)
WHERE NOT e.id IN $exclude_ids
  AND (s.owner_id IN $entity_ids OR s.set_owner_id IN $entity_ids
       OR any(b IN coalesce(s.blocker_ids, []) + coalesce(s.set_blocker_ids, []) WHERE b IN $entity_ids))
RETURN DISTINCT e.id AS id
ORDER BY id
