// Decisions about $name: each decision, the meeting it was taken in and the transcript chunk that says so
MATCH (item:Entity)
WHERE toLower(item.name) = toLower($name) OR any(alias IN item.aliases WHERE toLower(alias) = toLower($name))
MATCH decided = (item)<-[:ABOUT]-(decision:Decision)-[:DECIDED_IN]->(:Meeting)
OPTIONAL MATCH evidence = (decision)-[:EVIDENCED_BY]->(:Memory)
RETURN decided, evidence
