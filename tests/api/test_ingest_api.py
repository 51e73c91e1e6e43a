"""Ingestion over the real HTTP API into the real Neo4j."""

from __future__ import annotations

import json

import httpx

from tests.conftest import SEED


def seed(api: httpx.Client) -> dict[str, str]:
    ids = {}
    for path in SEED:
        response = api.post("/api/ingest", json=json.loads(path.read_text()))
        assert response.status_code == 201, response.text
        ids[path.stem] = response.json()["meeting_id"]
    return ids


def entity(api: httpx.Client, q: str) -> dict:
    items = api.get("/api/entities", params={"q": q}).json()["items"]
    assert len(items) == 1, items
    return api.get(f"/api/entities/{items[0]['id']}").json()


def test_seed_series_builds_states_timelines_and_dependencies(api: httpx.Client) -> None:
    seed(api)
    ledger = entity(api, "ledger service")
    assert ledger["state"]["status"] == "done" and ledger["state"]["progress"] == 100
    assert ledger["state"]["owner"] == "Ravi Patel"
    checkout = entity(api, "checkout redesign")
    assert checkout["state"]["status"] == "in_progress" and checkout["state"]["progress"] == 50
    timeline = api.get(f"/api/entities/{checkout['id']}/timeline").json()["events"]
    assert [e["status"] for e in timeline][-3:] == ["blocked", "in_progress", "in_progress"]
    assert [e["external_id"] for e in timeline] == sorted(e["external_id"] for e in timeline)
    atlas = entity(api, "atlas")
    assert atlas["state"]["progress"] == 70 and atlas["state"]["status"] == "in_progress"
    assert atlas["state"]["owner"] == "Hannah Lee"
    deps = api.get(f"/api/entities/{entity(api, 'reporting dashboard')['id']}/dependencies").json()["items"]
    assert {d["name"]: d["depth"] for d in deps} == {"Fraud Checks": 1, "Checkout Redesign": 1, "Ledger Service": 2}


def test_recollections_and_hypotheticals_do_not_change_state(api: httpx.Client) -> None:
    seed(api)
    events = api.get(f"/api/entities/{entity(api, 'atlas')['id']}/timeline").json()["events"]
    assert [e["progress"] for e in events if e["external_id"] == "seed-02"] == [55]
    assert all(e["status"] != "cancelled" for e in events)


def test_reingest_same_content_or_external_id_changes_nothing(api: httpx.Client) -> None:
    seed(api)
    before = api.get("/api/entities", params={"limit": 1000}).json()["items"]
    again = api.post("/api/ingest", json=json.loads(SEED[0].read_text()))
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert api.get("/api/entities", params={"limit": 1000}).json()["items"] == before


def test_reingest_with_new_content_replaces_that_meetings_contribution(api: httpx.Client) -> None:
    seed(api)
    meeting = json.loads(SEED[-1].read_text())
    meeting["transcript"] = "Hannah: Atlas is at 75 percent.\nInes: The checkout redesign is at 60 percent."
    response = api.post("/api/ingest", json=meeting)
    assert response.status_code == 201 and response.json()["status"] == "replaced"
    atlas = entity(api, "atlas")
    assert atlas["state"]["progress"] == 75
    timeline = api.get(f"/api/entities/{atlas['id']}/timeline").json()["events"]
    assert [e["external_id"] for e in timeline].count("seed-04") == 1
    dashboards = api.get("/api/entities", params={"q": "reporting dashboard"}).json()["items"]
    assert dashboards == []  # only the replaced version mentioned it


def test_a_meeting_dated_before_the_latest_is_placed_by_date(api: httpx.Client) -> None:
    for path in (SEED[0], SEED[2], SEED[1]):
        assert api.post("/api/ingest", json=json.loads(path.read_text())).status_code == 201
    atlas = entity(api, "atlas")
    events = api.get(f"/api/entities/{atlas['id']}/timeline").json()["events"]
    assert [e["external_id"] for e in events] == ["seed-01", "seed-02", "seed-03"]
    assert [e["progress"] for e in events] == [30, 55, 55]
    assert atlas["state"]["status"] == "at_risk"


def test_structured_turns_and_files(api: httpx.Client) -> None:
    turns = {"title": "Turns", "date": "2026-04-01", "participants": ["Mara Quinn"],
             "turns": [{"speaker": "Mara", "text": "The Billing Export is at 40 percent and Mara owns it."}]}
    assert api.post("/api/ingest", json=turns).status_code == 201
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Mara Quinn>The billing export is done.</v>\n"
    response = api.post("/api/ingest/file", files={"file": ("sync.vtt", vtt.encode(), "text/vtt")},
                        data={"title": "VTT sync", "date": "2026-04-08", "participants": "Mara Quinn"})
    assert response.status_code == 201, response.text
    export = entity(api, "billing export")
    assert export["state"]["status"] == "done"


def test_bad_input_gets_a_clear_4xx_and_stores_nothing(api: httpx.Client) -> None:
    cases = [
        ({"title": "x", "date": "2026-01-01", "transcript": "   "}, "empty"),
        ({"title": "x", "date": "2026-13-45", "transcript": "A: hi"}, "date"),
        ({"title": "x", "date": "2026-01-01"}, "exactly one"),
        ({"title": "x", "date": "2026-01-01", "transcript": "A: hi", "turns": []}, "exactly one"),
    ]
    for body, hint in cases:
        response = api.post("/api/ingest", json=body)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert hint in response.text
    huge = {"title": "x", "date": "2026-01-01", "transcript": "A: " + "word " * 500_000}
    assert api.post("/api/ingest", json=huge).status_code == 413
    undecodable = api.post("/api/ingest/file", files={"file": ("x.txt", b"\xff\xfe\x00\xd8\x00garbage\x00", "text/plain")},
                           data={"title": "x", "date": "2026-01-01"})
    assert undecodable.status_code == 422 and "UTF-8" in undecodable.text
    assert api.get("/api/meetings").json()["items"] == []
    assert api.get("/api/entities/nope").status_code == 404


def test_nulls_and_non_text_are_422_naming_the_field_sync_or_queued(api: httpx.Client) -> None:
    """What once reached Neo4j ("Collections containing null values can not be stored") or the tokenizer (a
    TypeError on a text that is not a string) stops at the request, sync or as a job."""
    base = {"title": "x", "date": "2026-01-01"}
    cases = [
        (base | {"transcript": "A: the ledger is done", "participants": ["Maya", None]}, ["participants", 1]),
        (base | {"turns": [{"speaker": "Maya", "text": None}]}, ["turns", 0, "text"]),
        (base | {"turns": [{"speaker": "Maya", "text": 42}]}, ["turns", 0, "text"]),
        (base | {"turns": [{"speaker": "Maya", "text": ["the ledger is done"]}]}, ["turns", 0, "text"]),
        (base | {"turns": [{"speaker": None, "text": "the ledger is done"}]}, ["turns", 0, "speaker"]),
        (base | {"transcript": "A: the ledger is done", "turns": None}, ["turns"]),
        (base | {"date": 1767225600, "transcript": "A: the ledger is done"}, ["date"]),
    ]
    for body, field in cases:
        for params in ({}, {"async": "true"}):
            response = api.post("/api/ingest", json=body, params=params)
            assert response.status_code == 422, (body, params, response.text)
            assert ["body", *field] in [e["loc"] for e in response.json()["detail"]], response.text
    for body in ({"question": None}, {"question": 42}):
        assert api.post("/api/query", json=body).status_code == 422
    for patch in ({"add_aliases": [None]}, {"remove_aliases": [7]}, {"name": 5}):
        assert api.patch("/api/admin/entities/nope", json=patch).status_code == 422
    assert api.post("/api/admin/entities/merge", json={"target": "a", "sources": [None]}).status_code == 422
    assert api.get("/api/meetings").json()["items"] == []
