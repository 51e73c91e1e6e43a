MATCH (v:SchemaMigration)
RETURN max(v.version) AS version
