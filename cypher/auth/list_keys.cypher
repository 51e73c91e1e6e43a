MATCH (k:ApiKey)
RETURN k {.key_id, .name, .scopes, .revoked, created_at: toString(k.created_at), revoked_at: toString(k.revoked_at)} AS key
ORDER BY k.created_at
