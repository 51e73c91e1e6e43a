// The other names the meeting's people are known by (the names they introduced themselves with in earlier
// meetings): what the extractor reads "Ron, can you ..." by.
UNWIND $people AS person
MATCH (p:Entity {id: person.id})
WHERE size(coalesce(p.aliases, [])) > 0
RETURN person.name AS name, p.aliases AS aliases
