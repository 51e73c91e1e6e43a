MERGE (v:SchemaMigration {version: $version})
SET v.name = $name, v.checksum = $checksum, v.applied_at = datetime()
