CREATE (k:ApiKey {
  key_id: $key_id,
  name: $name,
  hash: $hash,
  scopes: $scopes,
  created_at: datetime(),
  revoked: false
})
RETURN k {.key_id, .name, .scopes, .revoked, created_at: toString(k.created_at)} AS key
