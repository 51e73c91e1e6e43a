// Items with no state yet were written without a status; they are planned, and say so like every other item.
MATCH (e:Entity)
WHERE e.status IS NULL AND e.type <> 'person'
CALL (e) {
  SET e.status = 'planned'
} IN TRANSACTIONS OF 10000 ROWS
