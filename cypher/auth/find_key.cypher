MATCH (k:ApiKey {key_id: $key_id})
RETURN k {.key_id, .name, .hash, .scopes, .revoked, created_at: toString(k.created_at)} AS key
