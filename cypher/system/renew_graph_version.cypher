// A new token for the graph, as the last statement of every write transaction: what was read under the old one
// may have changed. Taken last, its lock comes after every other lock of the transaction.
MERGE (v:GraphVersion {id: 'graph'})
SET v.token = randomUUID()
