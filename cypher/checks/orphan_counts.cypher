// Pieces of a meeting left without it (what a half-written ingestion would leave behind), and references to
// entities that are gone (what racing merges and deletions would leave behind).
RETURN COUNT { (s:State) WHERE NOT (s)-[:RECORDED_IN]->(:Meeting) } AS states_without_meeting,
       COUNT { (s:State) WHERE NOT (:Entity)-[:HAS_STATE]->(s) } AS states_without_entity,
       COUNT { (mem:Memory) WHERE NOT (mem)-[:PART_OF]->(:Meeting) } AS memories_without_meeting,
       COUNT { (d:Decision) WHERE NOT (d)-[:DECIDED_IN]->(:Meeting) } AS decisions_without_meeting,
       COUNT { (a:ActionItem) WHERE NOT (a)-[:RAISED_IN]->(:Meeting) OR NOT (a)-[:ASSIGNED_TO]->(:Entity) }
         AS action_items_without_meeting_or_owner,
       COUNT { (s:State) WHERE any(b IN coalesce(s.blocker_ids, []) WHERE NOT EXISTS { (:Entity {id: b}) })
                            OR (s.owner_id IS NOT NULL AND NOT EXISTS { (:Entity {id: s.owner_id}) }) }
         AS states_naming_missing_entities,
       COUNT { (e:Entity) WHERE coalesce(e.name_key, '') = '' OR coalesce(e.name, '') = '' } AS unnamed_entities,
       COUNT { (p:Person) WHERE NOT (p)--() } AS people_without_relationships
