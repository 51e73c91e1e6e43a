UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
SET e.created_at = coalesce(e.created_at, datetime()),
    e.name = row.name, e.type = row.type, e.name_key = row.name_key, e.initials = row.initials,
    e.updated_at = datetime(),
    e.aliases = reduce(acc = coalesce(e.aliases, []), alias IN row.aliases | CASE WHEN alias IN acc THEN acc ELSE acc + alias END)
SET e.alias_text = reduce(text = e.name, alias IN e.aliases | text + ' | ' + alias),
    e.search_keys = reduce(acc = coalesce(e.search_keys, []), k IN row.search_keys | CASE WHEN k IN acc THEN acc ELSE acc + k END)
SET e:$(row.label)
// an item with no state yet is planned: every item has a status, so counts and the critical path seek it
SET e.status = CASE WHEN row.type = 'person' THEN null ELSE coalesce(e.status, 'planned') END
WITH e, row
CALL (e, row) {
  WITH e, row WHERE row.name_embedding IS NOT NULL
  CALL db.create.setNodeVectorProperty(e, 'name_embedding', row.name_embedding)
}
RETURN count(e) AS entities
