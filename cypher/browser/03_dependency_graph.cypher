// Dependency graph around $name: what it needs and what needs it, three steps either way
MATCH (item:Entity)
WHERE toLower(item.name) = toLower($name) OR any(alias IN item.aliases WHERE toLower(alias) = toLower($name))
MATCH around = (item)-[:DEPENDS_ON*1..3]-(:Entity)
RETURN around
