MATCH (v:SchemaMigration)
RETURN v.version AS version, v.name AS name, v.checksum AS checksum
ORDER BY version
