"""API keys: `smg_<key id>_<secret>`, shown once at creation; Neo4j keeps only the key id, a SHA-256 hash and scopes.

The secret has 256 bits of entropy, so a plain (unsalted, fast) hash is enough: nothing is guessable to brute-force.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel

from app.graph.driver import Graph
from app.observability import metrics

KEY_PREFIX = "smg_"
_KEY_SHAPE = re.compile(r"^smg_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$")
MAX_CACHED_KEYS = 10_000


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


class ApiKey(BaseModel):
    key_id: str
    name: str | None = None
    scopes: list[Scope]
    created_at: datetime
    revoked: bool = False
    revoked_at: datetime | None = None


class NewKey(BaseModel):
    key: str  # the only time the plain key exists
    api_key: ApiKey


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_id_of(key: str) -> str | None:
    match = _KEY_SHAPE.match(key)
    return match.group(1) if match else None


class KeyStore:
    """Creates, lists and revokes keys, and authenticates requests with a short in-process cache."""

    def __init__(self, graph: Graph, cache_s: float) -> None:
        self.graph = graph
        self.cache_s = cache_s
        self._cache: dict[str, tuple[float, ApiKey | None]] = {}

    async def create(self, scopes: list[Scope], name: str | None = None) -> NewKey:
        key_id = secrets.token_hex(6)
        key = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
        rows = await self.graph.write(
            "auth/create_key", key_id=key_id, name=name, hash=hash_key(key), scopes=sorted({s.value for s in scopes})
        )
        return NewKey(key=key, api_key=ApiKey(**rows[0]["key"]))

    async def list(self) -> list[ApiKey]:
        return [ApiKey(**row["key"]) for row in await self.graph.read("auth/list_keys")]

    async def revoke(self, key_id: str) -> ApiKey | None:
        rows = await self.graph.write("auth/revoke_key", key_id=key_id)
        self._cache = {h: entry for h, entry in self._cache.items() if entry[1] is None or entry[1].key_id != key_id}
        return ApiKey(**rows[0]["key"]) if rows else None

    async def authenticate(self, key: str) -> ApiKey | None:
        """The key's record when it exists and is not revoked; None otherwise."""
        key_id = key_id_of(key)
        if key_id is None:
            return None
        digest = hash_key(key)
        now = time.monotonic()
        cached = self._cache.get(digest)
        if cached is not None and cached[0] > now:
            metrics.cache_lookup("api_keys", hit=True)
            return cached[1]
        metrics.cache_lookup("api_keys", hit=False)
        rows = await self.graph.read("auth/find_key", key_id=key_id)
        found = rows[0]["key"] if rows else None
        valid = found is not None and not found["revoked"] and hmac.compare_digest(found["hash"], digest)
        api_key = ApiKey(**{k: v for k, v in found.items() if k != "hash"}) if valid and found else None
        if len(self._cache) >= MAX_CACHED_KEYS:
            self._cache.pop(next(iter(self._cache)))
        self._cache[digest] = (now + self.cache_s, api_key)
        return api_key
