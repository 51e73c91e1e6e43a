UNWIND $nodes AS row
CREATE (n)
SET n = row.props, n:$(row.labels)
WITH n, row
CALL (n, row) {
  UNWIND row.vectors AS vector
  CALL db.create.setNodeVectorProperty(n, vector.key, vector.value)
}
RETURN count(n) AS nodes
