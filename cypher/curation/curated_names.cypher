// What ingestion's extractor is told about names: those marked as not work items (normalised), and the
// names and aliases of catalogued items.
CALL () {
  MATCH (n:IgnoredName)
  RETURN collect(DISTINCT n.key) AS ignored
}
CALL () {
  MATCH (e:Entity {catalogued: true})
  UNWIND [e.name] + coalesce(e.aliases, []) AS name
  RETURN collect(DISTINCT name) AS catalogued
}
RETURN ignored, catalogued
