MATCH (m:MergeEvent {id: $id})
SET m.fingerprint = $fingerprint
RETURN m.id AS id
