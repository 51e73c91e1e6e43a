MATCH (m:Meeting {id: $meeting_id})
OPTIONAL MATCH (s:State)-[:RECORDED_IN]->(m)
OPTIONAL MATCH (e:Entity)-[:HAS_STATE]->(s)
WITH m, collect(DISTINCT e.id) AS state_entities, collect(DISTINCT s) AS states
OPTIONAL MATCH (mentioned:Entity)-[:MENTIONED_IN]->(:Memory)-[:PART_OF]->(m)
WITH m, state_entities, states, collect(DISTINCT mentioned.id) AS mentioned_entities
OPTIONAL MATCH (:Entity)-[dep:DEPENDS_ON]->(:Entity)
WHERE $meeting_id IN dep.meeting_ids
WITH m, state_entities, states, mentioned_entities, dep,
     [i IN range(0, coalesce(size(dep.meeting_ids), 0) - 1) WHERE dep.meeting_ids[i] <> $meeting_id] AS keep
SET dep.meeting_ids = [i IN keep | dep.meeting_ids[i]],
    dep.memory_ids = [i IN keep | dep.memory_ids[i]],
    dep.quotes = [i IN keep | dep.quotes[i]]
WITH m, state_entities, states, mentioned_entities, collect(dep) AS deps
FOREACH (d IN [d IN deps WHERE size(d.meeting_ids) = 0] | DELETE d)
FOREACH (s IN states | DETACH DELETE s)
WITH m, state_entities, mentioned_entities
OPTIONAL MATCH (d:Decision)-[:DECIDED_IN]->(m)
DETACH DELETE d
WITH DISTINCT m, state_entities, mentioned_entities
OPTIONAL MATCH (mem:Memory)-[:PART_OF]->(m)
DETACH DELETE mem
WITH DISTINCT m, state_entities, mentioned_entities, m.sort_key AS sort_key
DETACH DELETE m
RETURN state_entities, mentioned_entities, sort_key
