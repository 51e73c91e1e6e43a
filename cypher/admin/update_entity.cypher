MATCH (e:Entity {id: $id})
SET e.name = $name, e.type = $type, e.aliases = $aliases, e.name_key = $name_key, e.initials = $initials,
    e.search_keys = $search_keys,
    e.alias_text = reduce(text = $name, alias IN $aliases | text + ' | ' + alias), e.updated_at = datetime()
REMOVE e:Project:Feature:Task:Person
SET e:$($label)
WITH e
CALL (e) {
  WITH e WHERE $name_embedding IS NOT NULL
  CALL db.create.setNodeVectorProperty(e, 'name_embedding', $name_embedding)
}
RETURN e.id AS id
