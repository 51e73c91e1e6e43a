// Where $name was discussed: the transcript chunks that mention it, in their meetings
MATCH (item:Entity)
WHERE toLower(item.name) = toLower($name) OR any(alias IN item.aliases WHERE toLower(alias) = toLower($name))
MATCH mentioned = (item)-[:MENTIONED_IN]->(:Memory)-[:PART_OF]->(:Meeting)
RETURN mentioned
