// Entities whose versions are not one chain: exactly one CURRENT_STATE, on the latest version (by sort_key),
// versions linked by TRANSITIONED_TO one after another (n - 1 links, none forking), and the status and progress
// kept on the entity equal to the current version's.
MATCH (e:Entity)-[:HAS_STATE]->(s:State)
WITH e, collect(s) AS states
WITH e, states, reduce(latest = head(states), s IN states | CASE WHEN s.sort_key > latest.sort_key THEN s ELSE latest END) AS latest,
     COUNT { (e)-[:CURRENT_STATE]->(:State) } AS currents,
     COUNT { (e)-[:HAS_STATE]->(:State)-[:TRANSITIONED_TO]->(:State)<-[:HAS_STATE]-(e) } AS links,
     COUNT { (e)-[:HAS_STATE]->(a:State) WHERE COUNT { (a)-[:TRANSITIONED_TO]->(:State) } > 1 } AS forks
WHERE currents <> 1 OR NOT (e)-[:CURRENT_STATE]->(latest) OR links <> size(states) - 1 OR forks > 0
   OR coalesce(e.status, '') <> coalesce(latest.status, '') OR coalesce(e.progress, -1) <> coalesce(latest.progress, -1)
RETURN e.id AS entity_id, e.name AS name, size(states) AS states, currents, links, forks, e.status AS status,
       e.progress AS progress
