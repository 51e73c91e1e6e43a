UNWIND $items AS row
MERGE (e:Entity {id: row.id})
SET e:Task, e.name = row.name, e.status = row.status, e.progress = row.progress, e.type = 'task', e.name_key = row.name_key, e.search_keys = [row.name_key],
    e.aliases = [], e.alias_text = row.name
MERGE (s:State {id: row.id + '@bench'})
SET s.entity_id = row.id, s.status = row.status, s.progress = row.progress, s.changed = ['status', 'progress']
MERGE (e)-[:CURRENT_STATE]->(s)
