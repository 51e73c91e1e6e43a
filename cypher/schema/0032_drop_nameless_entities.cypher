// Older versions' lock statement could leave behind an entity with only an id (one that a concurrent merge had
// deleted); nothing refers to such a node, and listing entities failed on it.
MATCH (e:Entity)
WHERE e.name IS NULL AND NOT (e)--()
DELETE e
