CREATE CONSTRAINT dismissal_id_unique IF NOT EXISTS FOR (d:Dismissal) REQUIRE d.id IS UNIQUE
