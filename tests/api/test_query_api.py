"""Natural-language questions and the structured read endpoints over the real HTTP API."""

from __future__ import annotations

import httpx
import pytest

from tests.api.test_ingest_api import seed


@pytest.fixture
def seeded(api: httpx.Client) -> httpx.Client:
    seed(api)
    return api


def ask(api: httpx.Client, question: str) -> dict:
    response = api.post("/api/query", json={"question": question})
    assert response.status_code == 200, response.text
    return response.json()


def test_status_owner_and_blockers(seeded: httpx.Client) -> None:
    status = ask(seeded, "where do we stand with the ledger service?")
    assert status["intent"] == "current_status"
    assert status["data"]["status"] == "done" and status["data"]["owner"] == "Ravi Patel"
    assert status["sources"] and status["sources"][0]["quote"]
    assert "MATCH" in status["cypher"]["statement"] and status["cypher"]["parameters"]["id"]
    assert ask(seeded, "who is in charge of fraud checks?")["data"]["owner"] == "Ines Duarte"
    blockers = ask(seeded, "what was holding up the checkout redesign as of March 9?")
    assert blockers["intent"] == "status_as_of" and blockers["data"]["blockers"] == ["Ledger Service"]


def test_timeline_dependencies_dependents_and_paths(seeded: httpx.Client) -> None:
    timeline = ask(seeded, "how has the checkout redesign evolved?")
    assert timeline["intent"] == "timeline"
    assert [e["external_id"] for e in timeline["data"]["events"]][:2] == ["seed-01", "seed-02"]
    deps = ask(seeded, "what does the reporting dashboard need first?")
    assert {i["name"] for i in deps["data"]["items"]} == {"Fraud Checks", "Checkout Redesign", "Ledger Service"}
    dependents = ask(seeded, "what would be hit if the ledger service slips?")
    assert dependents["intent"] == "dependents"
    assert {i["name"] for i in dependents["data"]["items"]} >= {"Checkout Redesign", "Fraud Checks"}
    path = ask(seeded, "how does the reporting dashboard depend on the ledger service?")
    assert path["data"]["path"][0] == "Reporting Dashboard" and path["data"]["path"][-1] == "Ledger Service"
    assert len(path["data"]["path"]) == 3


def test_critical_path_owned_by_changes_counts_and_meetings(seeded: httpx.Client) -> None:
    critical = ask(seeded, "what's the critical path?")
    assert critical["data"]["path"][0] == "Reporting Dashboard" and critical["data"]["remaining"] > 100
    owned = ask(seeded, "what has Ines got on her plate?")
    assert owned["intent"] == "owned_by" and "Fraud Checks" in owned["data"]["items"]
    assert ask(seeded, "what is Ines Duartte working on?")["data"]["owner"] == "Ines Duarte"
    changes = ask(seeded, "what changed since March 16?")
    assert {c["entity"] for c in changes["data"]["changes"]} >= {"Project Atlas", "Checkout Redesign"}
    assert all(c["external_id"] == "seed-04" for c in changes["data"]["changes"])
    count = ask(seeded, "how many items are done?")
    assert count["intent"] == "count" and count["data"]["count"] == 1
    meeting = ask(seeded, "what happened in the last meeting?")
    assert meeting["intent"] == "meeting_summary" and meeting["data"]["external_id"] == "seed-04"


def test_decisions_and_search_find_the_quote(seeded: httpx.Client) -> None:
    decision = ask(seeded, "what did we decide about the ledger?")
    assert any("Postgres" in r["text"] and r["external_id"] == "seed-01" for r in decision["data"]["results"][:3])
    search = ask(seeded, "where did we talk about the vendor API timing out?")
    assert search["intent"] == "search"
    assert search["data"]["results"][0]["external_id"] == "seed-03"


def test_unknown_ambiguous_and_unknown_entities_never_fail(seeded: httpx.Client) -> None:
    unknown = ask(seeded, "purple monkey dishwasher")
    assert unknown["intent"] == "unknown" and unknown["data"]["examples"]
    missing = ask(seeded, "what is the status of the moon base?")
    assert missing["data"].get("candidates") == [] and "moon base" in missing["answer"]
    for junk in ["", " ", "?" * 3000]:
        assert seeded.post("/api/query", json={"question": junk}).status_code == 422


def test_an_untracked_topic_gets_what_was_said_about_it(seeded: httpx.Client) -> None:
    answer = ask(seeded, "what is the status of Grafana?")
    assert answer["intent"] == "search", answer
    assert answer["data"]["candidates"] == []
    assert "Grafana" in answer["answer"] and answer["sources"]


def test_structured_endpoints(seeded: httpx.Client) -> None:
    ids = {i["name"]: i["id"] for i in seeded.get("/api/entities", params={"limit": 100}).json()["items"]}
    ledger, dashboard = ids["Ledger Service"], ids["Reporting Dashboard"]
    dependents = seeded.get(f"/api/entities/{ledger}/dependents").json()["items"]
    assert {d["name"] for d in dependents} == {"Checkout Redesign", "Fraud Checks", "Reporting Dashboard"}
    state = seeded.get(f"/api/entities/{ids['Checkout Redesign']}/state", params={"as_of": "seed-02"}).json()
    assert state["status"] == "blocked" and state["as_of"] == "seed-02"
    assert state["entity"] == {"id": ids["Checkout Redesign"], "name": "Checkout Redesign", "type": "project",
                               "aliases": state["entity"]["aliases"]}
    assert seeded.get("/api/entities/nope/state", params={"as_of": "seed-02"}).status_code == 404
    path = seeded.get("/api/paths", params={"from": dashboard, "to": ledger, "all": True}).json()
    assert path["hops"] == 2 and len(path["paths"]) == 2
    assert seeded.get("/api/critical-path").json()["path"][0] == "Reporting Dashboard"
    changes = seeded.get("/api/changes", params={"since": "2026-03-16", "limit": 2}).json()
    assert len(changes["changes"]) == 2 and changes["next_offset"] == 2
    everything = seeded.get("/api/changes", params={"since": "seed-01"}).json()["changes"]
    pages, offset = [], 0
    while offset is not None:  # pages of one change each add up to the whole list, none lost or repeated
        page = seeded.get("/api/changes", params={"since": "seed-01", "limit": 1, "offset": offset}).json()
        pages, offset = pages + page["changes"], page["next_offset"]
    assert pages == everything and len({(c["entity"], c["field"]) for c in everything}) > len(everything) / 2
    hits = seeded.get("/api/search", params={"q": "Grafana", "k": 3}).json()["results"]
    assert hits and "Grafana" in hits[0]["text"] and hits[0]["turn_start"] <= hits[0]["turn_end"]
    meetings = seeded.get("/api/meetings", params={"limit": 3}).json()
    assert len(meetings["items"]) == 3 and meetings["next_offset"] == 3
    detail = seeded.get("/api/meetings/seed-02").json()
    assert {a["name"] for a in detail["attendees"]} == {"Hannah Lee", "Ravi Patel", "Jonas Berg", "Ines Duarte"}
    assert seeded.get("/api/meetings/nope").status_code == 404
    assert seeded.get("/api/paths", params={"from": "nope", "to": ledger}).status_code == 404
    missing = seeded.get("/api/paths", params={"from": ledger, "to": "nope"})
    assert missing.status_code == 404 and "nope" in missing.text
