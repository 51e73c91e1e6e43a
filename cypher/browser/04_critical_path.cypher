// Critical path: the longest chain of dependencies none of which is finished, with each item's current state
MATCH chain = (:Entity)-[:DEPENDS_ON*]->(:Entity)
WHERE all(item IN nodes(chain) WHERE NOT EXISTS {
  (item)-[:CURRENT_STATE]->(state:State) WHERE state.status IN ['done', 'cancelled']
})
WITH chain
ORDER BY length(chain) DESC
LIMIT 1
UNWIND nodes(chain) AS item
OPTIONAL MATCH current = (item)-[:CURRENT_STATE]->(:State)
RETURN chain, collect(current) AS states
