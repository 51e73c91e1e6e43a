"""API keys (created, hashed, looked up, revoked) and per-key rate limits."""
