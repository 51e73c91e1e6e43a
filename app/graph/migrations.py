"""Versioned, idempotent schema migrations from `cypher/schema/NNNN_name.cypher`, recorded in the graph."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel

from app.config import Settings
from app.graph.cypher import CYPHER_DIR
from app.graph.driver import Graph

SCHEMA_DIR = CYPHER_DIR / "schema"
INDEX_POPULATION_TIMEOUT_S = 600


class Migration(BaseModel):
    version: int
    name: str
    checksum: str

    @property
    def statement_name(self) -> str:
        return f"schema/{self.version:04d}_{self.name}"


def available_migrations() -> list[Migration]:
    migrations = []
    for path in sorted(SCHEMA_DIR.glob("*.cypher")):
        version, _, name = path.stem.partition("_")
        checksum = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        migrations.append(Migration(version=int(version), name=name, checksum=checksum))
    return migrations


async def migrate(graph: Graph) -> list[Migration]:
    """Applies every migration not yet recorded, in order; returns those applied now."""
    applied = {row["version"] for row in await graph.read("system/applied_migrations")}
    done = []
    for migration in available_migrations():
        if migration.version in applied:
            continue
        await graph.run_auto_commit(migration.statement_name)
        await graph.write(
            "system/record_migration",
            version=migration.version,
            name=migration.name,
            checksum=migration.checksum,
        )
        done.append(migration)
    if done:  # an index created over stored data is populated in the background; queries need it online
        await graph.run_auto_commit("system/await_indexes", timeout_s=INDEX_POPULATION_TIMEOUT_S)
    return done


async def empty_graph(settings: Settings) -> None:
    """Migrated and empty: every node and relationship deleted (for tests and benches, on a graph of their own)."""
    graph = Graph(settings)
    try:
        await migrate(graph)
        await graph.run_auto_commit("system/delete_all_data")
    finally:
        await graph.close()


async def schema_version(graph: Graph) -> int | None:
    rows = await graph.read("system/schema_version")
    return rows[0]["version"] if rows else None
