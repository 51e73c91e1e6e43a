"""The status kept on each entity, which counts read instead of walking every chain, stays the current version's
through merges, their undo, meeting deletion and re-ingest (real HTTP API, real Neo4j)."""

from __future__ import annotations

import httpx

from app.config import Settings
from tests.admin.conftest import entity_id, ingest, seed_meetings
from tests.admin.test_dismiss_api import integrity
from tests.admin.test_merge_api import merge, undo

QUESTIONS = {"blocked": "How many items are blocked?", "done": "How many items are done?",
             "at_risk": "How many items are at risk?"}


def assert_statuses_kept(api: httpx.Client, settings: Settings) -> None:
    """Every chain well formed with the entity's status equal to its current version's (checks/broken_state_chains),
    and the counts, read from that status, equal to what the items' current states say."""
    report = integrity(settings)
    assert not report.broken_state_chains, report.broken_state_chains
    items = [e for e in api.get("/api/entities", params={"limit": 1000}).json()["items"] if e["type"] != "person"]
    statuses = [(api.get(f"/api/entities/{e['id']}").json()["state"] or {}).get("status") for e in items]
    for status, question in QUESTIONS.items():
        answer = api.post("/api/query", json={"question": question}).json()
        assert answer["intent"] == "count", answer
        assert answer["data"]["count"] == statuses.count(status), (status, answer["data"], statuses)


def test_status_follows_merge_undo_delete_and_reingest(api: httpx.Client, neo4j_settings: Settings) -> None:
    seeds = seed_meetings()
    ids = ingest(api, seeds)
    assert_statuses_kept(api, neo4j_settings)

    checkout = entity_id(api, "Checkout Redesign")
    merged = merge(api, checkout, entity_id(api, "Ledger Service"), entity_id(api, "Fraud Checks"))
    assert_statuses_kept(api, neo4j_settings)
    assert undo(api, merged["merge_id"]).status_code == 200
    assert_statuses_kept(api, neo4j_settings)

    assert api.delete(f"/api/admin/meetings/{ids['seed-04']}").status_code == 200
    assert_statuses_kept(api, neo4j_settings)

    # seed-03 again, now saying the checkout redesign is blocked: its chain is replayed from that meeting on
    changed = next(m for m in seeds if m["external_id"] == "seed-03")
    speaker = changed["participants"][0].split()[0]
    changed = {**changed, "transcript": changed["transcript"] + f"\n{speaker}: The Checkout Redesign is blocked."}
    assert api.post("/api/ingest", json=changed).status_code == 201
    assert_statuses_kept(api, neo4j_settings)
    ingest(api, [m for m in seeds if m["external_id"] == "seed-04"])
    assert_statuses_kept(api, neo4j_settings)
