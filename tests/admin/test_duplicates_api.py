"""Duplicate hints over the real API: similar names used in different meetings rank first."""

from __future__ import annotations

import httpx

from tests.admin.conftest import entity_id, ingest

PEOPLE = ["Maya Chen", "Omar Haddad"]
FINANCE = [
    {"external_id": "fin-1", "title": "Finance sync 1", "date": "2026-05-04", "participants": PEOPLE,
     "transcript": "Maya: Morning.\nOmar: The Ledger Service is at 20 percent.\n"
                   "Maya: The Billing Engine is at 30 percent.\nMaya: Thanks."},
    {"external_id": "fin-2", "title": "Finance sync 2", "date": "2026-05-11", "participants": PEOPLE,
     "transcript": "Maya: Morning.\nOmar: Ledgerbook is at 50 percent now.\n"
                   "Maya: The billing service is at 60 percent.\nMaya: Thanks."},
]


def test_duplicates_rank_look_alikes_never_said_together(api: httpx.Client) -> None:
    ingest(api, FINANCE)
    response = api.get("/api/admin/duplicates")
    assert response.status_code == 200, response.text
    pairs = response.json()
    found = [{p["a"]["name"].lower(), p["b"]["name"].lower()} for p in pairs]
    assert found[:2] == [{"billing engine", "billing service"}, {"ledger service", "ledgerbook"}]
    for pair in pairs:
        assert pair["evidence"]["never_together"] and pair["evidence"]["shared_meetings"] == 0
        assert (pair["a"]["type"] == "person") == (pair["b"]["type"] == "person")
        assert pair["evidence"]["embedding_similarity"] > 0.6
    ledger = next(p for p in pairs if p["a"]["name"] == "Ledger Service" or p["b"]["name"] == "Ledger Service")
    assert ledger["merge"]["target"] in {entity_id(api, "Ledger Service"), entity_id(api, "Ledgerbook")}
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)


def test_people_in_one_meeting_are_never_paired(api: httpx.Client) -> None:
    ingest(api, [{**FINANCE[0], "participants": ["Jon Berg", "Jonas Berg"]}])
    pairs = api.get("/api/admin/duplicates", params={"min_score": 0}).json()
    assert all("person" not in (p["a"]["type"], p["b"]["type"]) for p in pairs)
    assert api.get("/api/admin/duplicates", params={"min_score": 2}).status_code == 422
