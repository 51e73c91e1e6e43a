MATCH (m:MergeEvent)
WHERE m.id <> $id AND m.at > $at
  AND (m.target IN $entity_ids OR any(i IN m.sources + m.affected WHERE i IN $entity_ids))
RETURN m.id AS id
ORDER BY m.at
