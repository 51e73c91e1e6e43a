"""The state-chain module's locks against the real Neo4j."""

from __future__ import annotations

import pytest

from app.graph.driver import Graph, Tx
from app.ingest.chains import lock_existing

pytestmark = pytest.mark.anyio


async def test_locking_an_entity_a_concurrent_merge_deleted_brings_nothing_back(graph: Graph) -> None:
    """A merge, an undo or a meeting removal locks what it read before changing it; an entity deleted meanwhile
    must stay deleted, not come back as a node with an id and nothing else (a 500 on every list of entities)."""
    await graph.write("ingest/lock_entities", entity_ids=["item-kept"])  # the creating lock: a new entity's first

    async def work(tx: Tx) -> set[str]:
        return await lock_existing(tx, ["item-merged-away", "item-kept", ""])

    assert await graph.in_write_transaction(work) == {"item-kept"}
    assert await graph.read("admin/read_entities", entity_ids=["item-merged-away"]) == []
