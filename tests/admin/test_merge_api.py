"""Merges and their undo over the real HTTP API and the real Neo4j."""

from __future__ import annotations

import anyio
import httpx

from app.graph.migrations import empty_graph
from tests.admin.conftest import entity_id, export, ingest, state, timeline
from tests.admin.corpus import meetings


def merge(api: httpx.Client, target: str, *sources: str) -> dict:
    response = api.post("/api/admin/entities/merge", json={"target": target, "sources": list(sources)})
    assert response.status_code == 201, response.text
    return response.json()


def undo(api: httpx.Client, merge_id: str) -> httpx.Response:
    return api.post(f"/api/admin/merges/{merge_id}/undo")


def test_merge_then_undo_restores_the_exact_graph(api: httpx.Client, seeded: dict) -> None:
    before = export(api)
    ledger, checkout = entity_id(api, "Ledger Service"), entity_id(api, "Checkout Redesign")
    fraud = entity_id(api, "Fraud Checks")
    # Checkout depends on the ledger and was blocked by it: the merge creates a self-dependency and a
    # self-blocker, and rewrites the blockers of other items' states.
    result = merge(api, checkout, ledger, fraud)
    merged = export(api)
    assert merged != before
    assert {"Ledger Service", "Fraud Checks"} <= set(result["aliases"])
    assert api.get(f"/api/entities/{ledger}").status_code == 404
    deps = api.get(f"/api/entities/{checkout}/dependencies").json()["items"]
    assert checkout not in {d["id"] for d in deps}
    assert "Checkout Redesign" not in {b for e in timeline(api, checkout) for b in e["blockers"]}

    assert undo(api, result["merge_id"]).status_code == 200
    assert export(api) == before
    assert undo(api, result["merge_id"]).status_code == 404


def test_person_merge_rewrites_owners_and_undo_restores_them(api: httpx.Client, seeded: dict) -> None:
    before = export(api)
    hannah, jonas = entity_id(api, "Hannah Lee"), entity_id(api, "Jonas Berg")
    atlas = entity_id(api, "Project Atlas")
    result = merge(api, hannah, jonas)
    assert atlas in result["replayed_entities"]
    owners = [e["owner"] for e in timeline(api, atlas)]
    assert set(owners) == {"Hannah Lee"}
    # Jonas led Atlas and then handed it to Hannah: one owner all along, so the hand-over is no change.
    assert all("owner" not in e["changed"] for e in timeline(api, atlas)[1:])
    assert undo(api, result["merge_id"]).status_code == 200
    assert export(api) == before


def test_merging_a_split_item_gives_the_unsplit_timeline(api: httpx.Client, neo4j_settings) -> None:
    ingest(api, meetings(split=False))
    reference = {
        name: (timeline(api, entity_id(api, name)), state(api, entity_id(api, name)))
        for name in ("Alert Gateway", "Onboarding Flow")
    }
    reference_deps = api.get(f"/api/entities/{entity_id(api, 'Onboarding Flow')}/dependencies").json()["items"]

    anyio.run(empty_graph, neo4j_settings)
    ingest(api, meetings(split=True))
    gateway, ping = entity_id(api, "Alert Gateway"), entity_id(api, "Ping Service")
    assert timeline(api, gateway) != reference["Alert Gateway"][0]

    result = merge(api, gateway, ping)
    assert entity_id(api, "Onboarding Flow") in result["replayed_entities"]
    for name, (events, current) in reference.items():
        eid = entity_id(api, name)
        assert timeline(api, eid) == events, name
        assert state(api, eid) == current, name
    deps = api.get(f"/api/entities/{entity_id(api, 'Onboarding Flow')}/dependencies").json()["items"]
    assert [(d["name"], d["depth"]) for d in deps] == [(d["name"], d["depth"]) for d in reference_deps]
    decisions = api.post("/api/query", json={"question": "What was decided about the Alert Gateway?"}).json()
    assert "websockets" in str(decisions).lower()
    assert api.get("/api/entities", params={"q": "ping service"}).json()["items"][0]["id"] == gateway


def test_a_later_mention_resolves_to_the_target_and_blocks_undo(api: httpx.Client) -> None:
    series = meetings(split=True)
    ingest(api, series[:2])
    gateway, ping = entity_id(api, "Alert Gateway"), entity_id(api, "Ping Service")
    result = merge(api, gateway, ping)
    ingest(api, series[3:])  # says "ping service" again
    assert [e["id"] for e in api.get("/api/entities", params={"q": "ping service"}).json()["items"]] == [gateway]
    assert timeline(api, gateway)[-1]["status"] == "done"
    refused = undo(api, result["merge_id"])
    assert refused.status_code == 409
    assert "changed since the merge" in refused.json()["detail"]


def test_merges_undo_newest_first(api: httpx.Client, seeded: dict) -> None:
    before = export(api)
    checkout, ledger, fraud = (entity_id(api, n) for n in ("Checkout Redesign", "Ledger Service", "Fraud Checks"))
    first = merge(api, checkout, ledger)
    second = merge(api, checkout, fraud)
    refused = undo(api, first["merge_id"])
    assert refused.status_code == 409 and second["merge_id"] in refused.json()["detail"]
    listed = [m["id"] for m in api.get("/api/admin/merges").json()]
    assert listed == [second["merge_id"], first["merge_id"]]
    assert undo(api, second["merge_id"]).status_code == 200
    assert undo(api, first["merge_id"]).status_code == 200
    assert export(api) == before


def test_bad_merges_are_refused_with_a_reason(api: httpx.Client, seeded: dict) -> None:
    checkout, hannah = entity_id(api, "Checkout Redesign"), entity_id(api, "Hannah Lee")
    before = export(api)

    def post(body: object) -> httpx.Response:
        return api.post("/api/admin/entities/merge", json=body)

    itself = post({"target": checkout, "sources": [checkout]})
    assert itself.status_code == 422 and "into itself" in str(itself.json()["detail"])
    assert post({"target": checkout, "sources": []}).status_code == 422
    assert post({"target": checkout}).status_code == 422
    assert post({"target": checkout, "sources": ["item-x", "item-x"]}).status_code == 422
    missing = post({"target": checkout, "sources": ["item-nope"]})
    assert missing.status_code == 404 and "item-nope" in missing.json()["detail"]
    assert missing.headers["content-type"].startswith("application/problem+json")
    mixed = post({"target": checkout, "sources": [hannah]})
    assert mixed.status_code == 422 and "people and work items" in mixed.json()["detail"]
    assert undo(api, "no-such-merge").status_code == 404
    assert export(api) == before
