"""Data migrations repair what older versions left in a stored graph."""

from __future__ import annotations

import pytest

from app.graph.driver import Graph

pytestmark = pytest.mark.anyio


async def test_an_entity_left_with_only_an_id_is_dropped_and_entities_list_again(graph: Graph) -> None:
    await graph.write("bench/write_dependency_items", items=[
        {"id": "kept", "name": "Kept Task", "name_key": "kept task", "status": "planned", "progress": 0}])
    await graph.write("ingest/lock_entities", entity_ids=["stub"])  # how the old lock left one behind
    await graph.run_auto_commit("schema/0032_drop_nameless_entities")
    rows = await graph.read("queries/list_entities", q=None, type=None, limit=10, offset=0)
    assert [r["id"] for r in rows] == ["kept"]
