MATCH (m:MergeEvent {id: $id})
DETACH DELETE m
RETURN count(*) AS deleted
