MATCH (t:Entity {id: $event.target})
CREATE (m:MergeEvent {
  id: $event.id, target: $event.target, sources: $event.sources, affected: $event.affected, at: datetime(),
  target_name: t.name, source_names: $event.source_names, snapshot: $event.snapshot
})
CREATE (m)-[:MERGED_INTO]->(t)
RETURN toString(m.at) AS at
