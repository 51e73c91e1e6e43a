CREATE CONSTRAINT graph_version_id_unique IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE
