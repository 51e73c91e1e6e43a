CREATE INDEX entity_status IF NOT EXISTS FOR (e:Entity) ON (e.status)
