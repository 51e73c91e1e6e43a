// One IgnoredName per normalised name, owned by its dismissal, so an undo removes exactly its own.
CREATE (d:Dismissal {
  id: $dismissal.id, entity_id: $dismissal.entity_id, name: $dismissal.name, type: $dismissal.type,
  names: $dismissal.names, keys: $dismissal.keys, affected: $dismissal.affected, at: datetime(),
  snapshot: $dismissal.snapshot, fingerprint: $dismissal.fingerprint
})
WITH d
CALL (d) {
  UNWIND d.keys AS key
  CREATE (n:IgnoredName {key: key, dismissal_id: d.id})
  CREATE (n)-[:IGNORED_BY]->(d)
}
RETURN toString(d.at) AS at
