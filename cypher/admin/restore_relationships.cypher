UNWIND $rels AS row
CALL (row) {
  MATCH (n:Entity {id: row.start.id}) WHERE row.start.label = 'Entity' RETURN n
  UNION ALL
  MATCH (n:State {id: row.start.id}) WHERE row.start.label = 'State' RETURN n
  UNION ALL
  MATCH (n:Memory {id: row.start.id}) WHERE row.start.label = 'Memory' RETURN n
  UNION ALL
  MATCH (n:Meeting {id: row.start.id}) WHERE row.start.label = 'Meeting' RETURN n
  UNION ALL
  MATCH (n:Decision {id: row.start.id}) WHERE row.start.label = 'Decision' RETURN n
  UNION ALL
  MATCH (n:ActionItem {id: row.start.id}) WHERE row.start.label = 'ActionItem' RETURN n
  UNION ALL
  MATCH (n:MergeEvent {id: row.start.id}) WHERE row.start.label = 'MergeEvent' RETURN n
}
WITH row, n AS a
CALL (row) {
  MATCH (n:Entity {id: row.end.id}) WHERE row.end.label = 'Entity' RETURN n
  UNION ALL
  MATCH (n:State {id: row.end.id}) WHERE row.end.label = 'State' RETURN n
  UNION ALL
  MATCH (n:Memory {id: row.end.id}) WHERE row.end.label = 'Memory' RETURN n
  UNION ALL
  MATCH (n:Meeting {id: row.end.id}) WHERE row.end.label = 'Meeting' RETURN n
  UNION ALL
  MATCH (n:Decision {id: row.end.id}) WHERE row.end.label = 'Decision' RETURN n
  UNION ALL
  MATCH (n:ActionItem {id: row.end.id}) WHERE row.end.label = 'ActionItem' RETURN n
  UNION ALL
  MATCH (n:MergeEvent {id: row.end.id}) WHERE row.end.label = 'MergeEvent' RETURN n
}
WITH row, a, n AS b
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS rels
