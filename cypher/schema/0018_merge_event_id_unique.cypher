CREATE CONSTRAINT merge_event_id_unique IF NOT EXISTS FOR (m:MergeEvent) REQUIRE m.id IS UNIQUE
