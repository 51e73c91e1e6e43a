MATCH (m:MergeEvent {id: $id})
RETURN m {.*} AS event
