// Who owns what: unfinished items and the person owning each now
MATCH owned = (:Entity)-[:CURRENT_STATE]->(state:State)-[:OWNED_BY]->(:Person)
WHERE NOT state.status IN ['done', 'cancelled']
RETURN owned
