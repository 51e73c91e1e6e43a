OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN v.token AS token
