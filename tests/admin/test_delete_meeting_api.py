"""Deleting a meeting leaves the graph an ingest without that meeting would have built."""

from __future__ import annotations

import anyio
import httpx

from app.graph.migrations import empty_graph
from tests.admin.conftest import entity_id, export, ingest, seed_meetings, state, timeline
from tests.admin.corpus import meetings


def _picture(api: httpx.Client) -> dict:
    """Every entity by name with its timeline and current state, plus what depends on what. Names are compared
    case-blind: a name learnt from the deleted meeting ("Fraud Checks" for "Fraud checks") is kept."""
    items = api.get("/api/entities", params={"limit": 1000}).json()["items"]
    picture = {}
    for item in items:
        deps = api.get(f"/api/entities/{item['id']}/dependencies").json()["items"]
        picture[item["name"].lower()] = (
            item["type"], timeline(api, item["id"]), state(api, item["id"]), sorted(d["name"].lower() for d in deps)
        )
    return picture


def test_deleting_a_meeting_equals_never_ingesting_it(api: httpx.Client, neo4j_settings) -> None:
    seeds = seed_meetings()
    without_second = [m for m in seeds if m["external_id"] != "seed-02"]
    ingest(api, without_second)
    expected = _picture(api)

    anyio.run(empty_graph, neo4j_settings)
    ids = ingest(api, seeds)
    assert "Fraud Checks" in {i["name"] for i in api.get("/api/entities").json()["items"]}
    response = api.delete(f"/api/admin/meetings/{ids['seed-02']}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert entity_id(api, "Checkout Redesign") in body["replayed_entities"]
    assert _picture(api) == expected
    meetings = {n["props"]["external_id"] for n in export(api)["nodes"] if n["labels"] == ["Meeting"]}
    assert meetings == {"seed-01", "seed-03", "seed-04"}
    assert api.delete(f"/api/admin/meetings/{ids['seed-02']}").status_code == 404


def test_deleting_the_only_meeting_leaves_nothing(api: httpx.Client) -> None:
    ids = ingest(api, seed_meetings()[:1])
    response = api.delete(f"/api/admin/meetings/{ids['seed-01']}")
    assert response.status_code == 200, response.text
    assert len(response.json()["deleted_entities"]) == 7  # three items and four people
    assert export(api)["nodes"] == []


def test_deleting_a_meeting_that_stated_no_dependency(api: httpx.Client) -> None:
    """growth-4 states no dependency while the graph holds one from growth-1."""
    ids = ingest(api, meetings(split=False))
    gateway = entity_id(api, "Alert Gateway")
    response = api.delete(f"/api/admin/meetings/{ids['growth-4']}")
    assert response.status_code == 200, response.text
    assert timeline(api, gateway)[-1]["external_id"] == "growth-3"
    assert state(api, gateway)["progress"] == 80
