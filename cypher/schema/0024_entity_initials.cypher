CREATE INDEX entity_initials IF NOT EXISTS FOR (e:Entity) ON (e.initials)
