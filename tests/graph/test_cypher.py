"""Every statement in cypher/ compiles on the real Neo4j, every name the code runs has its file, and every file
is run by something: a statement used only on a rare path (undo, a migration's backfill, a bench) must not be
the first to find its typo in production."""

from __future__ import annotations

import re

import pytest

from app.graph.cypher import CYPHER_DIR, cypher
from app.graph.driver import Graph

pytestmark = pytest.mark.anyio

ROOT = CYPHER_DIR.parent
# Loaded by folder rather than by name: the migrations (schema/) and the Neo4j Browser guide (browser/).
LOADED_BY_FOLDER = ("schema", "browser")
STATEMENTS = sorted(str(p.relative_to(CYPHER_DIR).with_suffix("")) for p in CYPHER_DIR.rglob("*.cypher"))


def _named_in_code() -> set[str]:
    folders = "|".join(sorted({name.split("/")[0] for name in STATEMENTS}))
    literal = re.compile(rf"""["']((?:{folders})/[a-z0-9_]+)["']""")
    sources = [p for top in ("app", "bench", "tests") for p in (ROOT / top).rglob("*.py")]
    return {m.group(1) for path in sources for m in literal.finditer(path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("name", [n for n in STATEMENTS if not n.startswith(LOADED_BY_FOLDER)])
async def test_every_statement_compiles(graph: Graph, name: str) -> None:
    async with graph.session() as session:
        result = await session.run(f"EXPLAIN {cypher(name)}")  # EXPLAIN plans without parameters or effects
        await result.consume()


def test_every_named_statement_has_its_file_and_every_file_is_named() -> None:
    named = _named_in_code()
    assert named - set(STATEMENTS) == set()
    assert {n for n in STATEMENTS if not n.startswith(LOADED_BY_FOLDER)} - named == set()

