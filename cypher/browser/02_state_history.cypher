// State history of $name: each version with its meeting and blockers, the chain and the current state
MATCH (item:Entity)
WHERE toLower(item.name) = toLower($name) OR any(alias IN item.aliases WHERE toLower(alias) = toLower($name))
MATCH version = (item)-[:HAS_STATE]->(state:State)-[:RECORDED_IN]->(:Meeting)
OPTIONAL MATCH chain = (state)-[:TRANSITIONED_TO]->(:State)
OPTIONAL MATCH blocker = (state)-[:BLOCKED_BY]->(:Entity)
OPTIONAL MATCH current = (item)-[:CURRENT_STATE]->(state)
RETURN version, chain, blocker, current
