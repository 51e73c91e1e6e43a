CREATE CONSTRAINT schema_migration_version_unique IF NOT EXISTS FOR (v:SchemaMigration) REQUIRE v.version IS UNIQUE
