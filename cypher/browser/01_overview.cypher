// Overview: every work item, what it depends on and who owns it now
MATCH (item:Entity)
WHERE item.type <> 'person'
OPTIONAL MATCH depends = (item)-[:DEPENDS_ON]->(:Entity)
OPTIONAL MATCH owned = (item)-[:CURRENT_STATE]->(:State)-[:OWNED_BY]->(:Person)
RETURN item, depends, owned
