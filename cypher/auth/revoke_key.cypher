MATCH (k:ApiKey {key_id: $key_id})
SET k.revoked = true, k.revoked_at = coalesce(k.revoked_at, datetime())
RETURN k {.key_id, .name, .scopes, .revoked, created_at: toString(k.created_at), revoked_at: toString(k.revoked_at)} AS key
