"""Helpers for the curation tests: ingest over HTTP, find entities by name, read comparable timelines."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.conftest import SEED


def ingest(api: httpx.Client, meetings: list[dict]) -> dict[str, str]:
    """external_id -> meeting id."""
    ids = {}
    for meeting in meetings:
        response = api.post("/api/ingest", json=meeting)
        assert response.status_code == 201, response.text
        ids[meeting["external_id"]] = response.json()["meeting_id"]
    return ids


def seed_meetings() -> list[dict]:
    return [json.loads(path.read_text()) for path in SEED]


def entity_id(api: httpx.Client, name: str) -> str:
    items = api.get("/api/entities", params={"q": name}).json()["items"]
    exact = [i for i in items if i["name"].lower() == name.lower()]
    assert len(exact) == 1, (name, items)
    return exact[0]["id"]


def timeline(api: httpx.Client, eid: str) -> list[dict]:
    """The version history with what depends on meeting uuids and wording left out."""
    response = api.get(f"/api/entities/{eid}/timeline")
    assert response.status_code == 200, response.text
    return [
        {k: e[k] for k in ("external_id", "date", "status", "progress", "owner", "blockers", "changed")}
        for e in response.json()["events"]
    ]


def state(api: httpx.Client, eid: str) -> dict:
    current = api.get(f"/api/entities/{eid}").json()["state"]
    return {k: current[k] for k in ("status", "progress", "owner", "blockers", "since")}


def export(api: httpx.Client) -> dict:
    response = api.get("/api/admin/export")
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def seeded(api: httpx.Client) -> dict[str, str]:
    return ingest(api, seed_meetings())
