"""An entity marked "not a work item" over the real HTTP API and the real Neo4j: removed cleanly, never created
again by later meetings or a re-ingest, and restored exactly by undo."""

from __future__ import annotations

import anyio
import httpx

from app.config import Settings
from app.graph.driver import Graph
from app.graph.integrity import IntegrityReport, check_integrity
from tests.admin.conftest import entity_id, export, ingest, state

PEOPLE = ["Priya Nair", "Tom Becker"]
SPEECH = (
    "Priya: so um the ledger service is about 40 percent done\n"
    "Tom: yeah and the Team Offsite is blocking the ledger service\n"
    "Priya: the Offsite is owned by tom\n"
    "Tom: ok and the checkout redesign is in progress"
)


def meeting(external_id: str, day: str, transcript: str) -> dict:
    return {"external_id": external_id, "title": external_id, "date": day, "participants": PEOPLE,
            "transcript": transcript}


def names(api: httpx.Client) -> set[str]:
    return {e["name"].lower() for e in api.get("/api/entities", params={"limit": 200}).json()["items"]}


def integrity(settings: Settings) -> IntegrityReport:
    async def check() -> IntegrityReport:
        graph = Graph(settings)
        try:
            return await check_integrity(graph)
        finally:
            await graph.close()

    return anyio.run(check)


def dismiss(api: httpx.Client, eid: str) -> dict:
    response = api.post(f"/api/admin/entities/{eid}/dismiss")
    assert response.status_code == 201, response.text
    return response.json()


def test_dismiss_removes_cleanly_and_undo_restores_the_exact_graph(api: httpx.Client, neo4j_settings: Settings) -> None:
    ingest(api, [meeting("m1", "2026-05-04", SPEECH)])
    offsite, ledger = entity_id(api, "Offsite"), entity_id(api, "ledger service")
    assert state(api, ledger)["blockers"] == ["Offsite"]
    before = export(api)

    dismissal = dismiss(api, offsite)
    assert dismissal["ignored_names"] == ["offsite"] and dismissal["replayed_entities"] == [ledger]
    assert api.get(f"/api/entities/{offsite}").status_code == 404
    assert state(api, ledger)["blockers"] == []
    assert integrity(neo4j_settings).ok
    [listed] = api.get("/api/admin/dismissals").json()
    assert listed["id"] == dismissal["dismissal_id"] and listed["name"] == "Offsite"

    undone = api.post(f"/api/admin/dismissals/{dismissal['dismissal_id']}/undo")
    assert undone.status_code == 200, undone.text
    assert undone.json()["unignored_names"] == ["offsite"]
    assert export(api) == before
    assert api.get("/api/admin/dismissals").json() == []
    assert api.post(f"/api/admin/dismissals/{dismissal['dismissal_id']}/undo").status_code == 404


def test_the_ignore_list_survives_re_ingest_and_later_meetings(api: httpx.Client, neo4j_settings: Settings) -> None:
    ingest(api, [meeting("m1", "2026-05-04", SPEECH)])
    dismissal = dismiss(api, entity_id(api, "Offsite"))

    again = api.post("/api/ingest", json=meeting("m1", "2026-05-04", SPEECH + "\nPriya: the offsite is blocked"))
    assert again.status_code == 201 and again.json()["status"] == "replaced", again.text
    later_speech = "Tom: uh the offsite is done.\nPriya: and the Offsite is blocking the ledger service"
    later = api.post("/api/ingest", json=meeting("m2", "2026-05-11", later_speech))
    assert later.status_code == 201, later.text
    assert "offsite" not in names(api) and "ledger service" in names(api)
    assert integrity(neo4j_settings).ok

    # the ledger service's chain changed since: putting the old states back would lose the new meetings
    refused = api.post(f"/api/admin/dismissals/{dismissal['dismissal_id']}/undo")
    assert refused.status_code == 409 and "changed since" in refused.json()["detail"]


def test_unknown_ids_and_people_are_refused(api: httpx.Client) -> None:
    ingest(api, [meeting("m1", "2026-05-04", SPEECH)])
    assert api.post("/api/admin/entities/item-nope/dismiss").status_code == 404
    assert api.post("/api/admin/dismissals/nope/undo").status_code == 404
    person = entity_id(api, "Priya Nair")
    refused = api.post(f"/api/admin/entities/{person}/dismiss")
    assert refused.status_code == 422 and "person" in refused.json()["detail"]
