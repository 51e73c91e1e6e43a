"""Merges and undos lock the entities they change in one (id) order: two merges of the same pair in opposite
directions queue, so exactly one wins and the other finds its source gone, whatever the timing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx

from app.graph.driver import Graph
from app.graph.integrity import check_integrity
from tests.admin.conftest import entity_id
from tests.conftest import LiveServer


def _merge(live_server: LiveServer, target: str, source: str) -> httpx.Response:
    with live_server.client() as client:
        return client.post("/api/admin/entities/merge", json={"target": target, "sources": [source]})


def test_opposite_merges_of_one_pair_queue_and_one_wins(
    api: httpx.Client, seeded: dict, live_server: LiveServer, neo4j_settings
) -> None:
    pairs = [("Ledger Service", "Checkout Redesign"), ("Fraud Checks", "Checkout Redesign")]
    for first, second in pairs:
        a, b = entity_id(api, first), entity_id(api, second)
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda ts: _merge(live_server, *ts), [(a, b), (b, a)]))
        assert sorted(r.status_code for r in answers) == [201, 404], [r.text for r in answers]
        winner = next(r.json() for r in answers if r.status_code == 201)
        assert api.post(f"/api/admin/merges/{winner['merge_id']}/undo").status_code == 200

    async def integrity() -> bool:
        graph = Graph(neo4j_settings)
        try:
            return (await check_integrity(graph)).ok
        finally:
            await graph.close()

    assert anyio.run(integrity)
    assert all(item["name"] for item in api.get("/api/entities", params={"limit": 500}).json()["items"])
