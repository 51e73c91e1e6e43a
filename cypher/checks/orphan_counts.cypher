// Pieces of a meeting left without it: what a half-written ingestion would leave behind.
RETURN COUNT { (s:State) WHERE NOT (s)-[:RECORDED_IN]->(:Meeting) } AS states_without_meeting,
       COUNT { (s:State) WHERE NOT (:Entity)-[:HAS_STATE]->(s) } AS states_without_entity,
       COUNT { (mem:Memory) WHERE NOT (mem)-[:PART_OF]->(:Meeting) } AS memories_without_meeting,
       COUNT { (d:Decision) WHERE NOT (d)-[:DECIDED_IN]->(:Meeting) } AS decisions_without_meeting
