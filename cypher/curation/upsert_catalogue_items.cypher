UNWIND $items AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.created_at = datetime()
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.name_key = row.name_key,
    e.initials = row.initials, e.search_keys = row.search_keys, e.catalogued = true, e.updated_at = datetime(),
    e.status = coalesce(e.status, 'planned'),
    e.alias_text = reduce(text = row.name, alias IN row.aliases | text + ' | ' + alias)
REMOVE e:Project:Feature:Task
SET e:$(row.label)
WITH e, row
CALL (e, row) {
  WITH e, row WHERE row.name_embedding IS NOT NULL
  CALL db.create.setNodeVectorProperty(e, 'name_embedding', row.name_embedding)
}
CALL (e) {
  MATCH (e)-[old:CATALOGUE_OWNER]->()
  DELETE old
}
CALL (e, row) {
  WITH e, row WHERE row.owner IS NOT NULL
  MERGE (p:Entity {id: row.owner.id})
  ON CREATE SET p.name = row.owner.name, p.type = 'person', p.name_key = row.owner.name_key, p.aliases = [],
                p.search_keys = row.owner.search_keys, p.alias_text = row.owner.name, p.created_at = datetime()
  SET p:Person
  MERGE (e)-[:CATALOGUE_OWNER]->(p)
}
RETURN count(e) AS items
