"""Loads Cypher statements from the `cypher/` tree; every statement lives there, one per file."""

from __future__ import annotations

from functools import lru_cache
from typing import LiteralString, cast

from app.config import PROJECT_ROOT

CYPHER_DIR = PROJECT_ROOT / "cypher"


@lru_cache(maxsize=None)
def cypher(name: str) -> LiteralString:
    """The statement in `cypher/<name>.cypher`, e.g. `cypher("ingest/write_states")`."""
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no Cypher statement named {name!r} ({path})")
    return cast(LiteralString, path.read_text(encoding="utf-8").strip())
