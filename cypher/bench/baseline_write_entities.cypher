UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name, e.type = row.type, e.name_key = row.name_key, e.initials = row.initials,
    e.aliases = row.aliases, e.alias_text = reduce(text = row.name, alias IN row.aliases | text + ' | ' + alias),
    e.search_keys = row.search_keys, e.name_embedding = row.name_embedding
SET e:$(row.label)
