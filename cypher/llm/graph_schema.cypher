CALL () {
  CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes
  WITH nodeLabels, propertyName, propertyTypes WHERE propertyName IS NOT NULL
  RETURN collect({labels: nodeLabels, property: propertyName, types: propertyTypes}) AS node_properties
}
CALL () {
  CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes
  RETURN collect({type: relType, property: propertyName, types: propertyTypes}) AS relationship_properties
}
CALL () {
  CALL db.relationshipTypes() YIELD relationshipType
  CALL (relationshipType) {
    MATCH (a)-[:$(relationshipType)]->(b)
    WITH a, b LIMIT 100
    RETURN collect(DISTINCT {from: labels(a), to: labels(b)}) AS ends
  }
  UNWIND ends AS end
  RETURN collect({from: end.from, type: relationshipType, to: end.to}) AS patterns
}
RETURN node_properties, relationship_properties, patterns
