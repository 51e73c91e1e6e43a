CREATE CONSTRAINT meeting_external_id_unique IF NOT EXISTS FOR (m:Meeting) REQUIRE m.external_id IS UNIQUE
