"""Renaming, aliases and type changes over the real HTTP API."""

from __future__ import annotations

import httpx

from tests.admin.conftest import entity_id, export, ingest
from tests.admin.corpus import meetings


def patch(api: httpx.Client, eid: str, body: object) -> httpx.Response:
    return api.patch(f"/api/admin/entities/{eid}", json=body)


def test_rename_keeps_the_old_name_as_an_alias_that_still_resolves(api: httpx.Client) -> None:
    series = meetings(split=False)
    ingest(api, series[:2])
    gateway = entity_id(api, "Alert Gateway")
    response = patch(api, gateway, {"name": "Notification Gateway"})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Notification Gateway" and "Alert Gateway" in response.json()["aliases"]
    detail = api.get(f"/api/entities/{gateway}").json()
    assert detail["name"] == "Notification Gateway" and "Alert Gateway" in detail["aliases"]
    assert [e["id"] for e in api.get("/api/entities", params={"q": "notification gateway"}).json()["items"]] == [gateway]

    ingest(api, series[2:])  # still says "alert gateway"
    assert entity_id(api, "Notification Gateway") == gateway
    assert api.get(f"/api/entities/{gateway}/timeline").json()["events"][-1]["status"] == "done"


def test_aliases_are_added_and_removed(api: httpx.Client) -> None:
    ingest(api, meetings(split=False)[:1])
    gateway = entity_id(api, "Alert Gateway")
    added = patch(api, gateway, {"add_aliases": ["Pager", "the pinger"]})
    assert added.status_code == 200 and added.json()["aliases"] == ["Pager", "the pinger"]
    assert "pager" in added.json()["search_keys"]
    assert [e["id"] for e in api.get("/api/entities", params={"q": "pager"}).json()["items"]] == [gateway]
    removed = patch(api, gateway, {"remove_aliases": ["pager"]})
    assert removed.status_code == 200 and removed.json()["aliases"] == ["the pinger"]
    assert "pager" not in removed.json()["search_keys"]
    assert api.get("/api/entities", params={"q": "pager"}).json()["items"] == []


def test_type_change_moves_the_label(api: httpx.Client) -> None:
    ingest(api, meetings(split=False)[:1])
    gateway = entity_id(api, "Alert Gateway")
    response = patch(api, gateway, {"type": "project"})
    assert response.status_code == 200 and response.json()["type"] == "project"
    node = next(n for n in export(api)["nodes"] if n["props"]["id"] == gateway)
    assert node["labels"] == ["Entity", "Project"] and node["props"]["type"] == "project"
    assert api.get("/api/entities", params={"type": "project"}).json()["items"][0]["id"] == gateway


def test_bad_edits_are_refused_and_change_nothing(api: httpx.Client) -> None:
    ingest(api, meetings(split=False)[:1])
    gateway, flow, maya = (entity_id(api, n) for n in ("Alert Gateway", "Onboarding Flow", "Maya Chen"))
    before = export(api)
    assert patch(api, "item-nope", {"name": "X"}).status_code == 404
    empty = patch(api, gateway, {})
    assert empty.status_code == 422 and "nothing to change" in str(empty.json()["detail"])
    assert patch(api, gateway, {"name": "   "}).status_code == 422
    assert patch(api, gateway, {"type": "epic"}).status_code == 422
    assert patch(api, gateway, {"add_aliases": [""]}).status_code == 422
    assert patch(api, gateway, {"add_aliases": ["x"], "remove_aliases": ["X"]}).status_code == 422
    unknown = patch(api, gateway, {"remove_aliases": ["never said"]})
    assert unknown.status_code == 422 and "no alias" in unknown.json()["detail"]
    own = patch(api, gateway, {"add_aliases": ["alert gateway"]})
    assert own.status_code == 422 and "name" in own.json()["detail"]
    person = patch(api, maya, {"type": "task"})
    assert person.status_code == 422 and "people and work items" in person.json()["detail"]
    taken = patch(api, gateway, {"name": "Onboarding Flow"})
    assert taken.status_code == 409 and flow in taken.json()["detail"]
    assert export(api) == before
