CREATE INDEX entity_name_key IF NOT EXISTS FOR (e:Entity) ON (e.name_key)
