CREATE CONSTRAINT action_item_id_unique IF NOT EXISTS FOR (a:ActionItem) REQUIRE a.id IS UNIQUE
