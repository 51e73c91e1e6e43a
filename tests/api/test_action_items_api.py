"""Action items through the real HTTP API and Neo4j: extracted at ingest, listed and filtered, closed by a later
meeting, asked about in plain English, and kept right by re-ingest, deletion and merges."""

from __future__ import annotations

from datetime import date, timedelta

import anyio
import httpx

from app.graph.driver import Graph
from app.graph.integrity import check_integrity
from tests.admin.conftest import entity_id, export

TEAM = ["Maya Cohen", "Ravi Patel", "Lena Fischer"]
FIRST = date.today() - timedelta(days=14)  # so "by Friday" is overdue now


def kickoff(**changes: object) -> dict:
    return {"external_id": "act-1", "title": "Battery kickoff", "date": FIRST.isoformat(), "participants": TEAM,
            "transcript": (
                "Maya: okay um so let's wrap up\n"
                "Ravi: I'll send the uh the battery specs to the factory by Friday\n"
                "Maya: great. lena can you look into the charger cost before the next meeting\n"
                "Lena: yeah sure\n"
                "Maya: I'll just say one more thing, the room is booked again next week")} | changes


FOLLOW_UP = {"external_id": "act-2", "title": "Battery follow-up", "date": (FIRST + timedelta(days=7)).isoformat(),
             "participants": TEAM, "transcript": (
                 "Maya: morning everyone\n"
                 "Ravi: so I sent the battery specs to the factory on Thursday\n"
                 "Lena: I haven't looked at the charger cost yet, sorry")}


def ingest(api: httpx.Client, meeting: dict) -> str:
    response = api.post("/api/ingest", json=meeting)
    assert response.status_code == 201, response.text
    return response.json()["meeting_id"]


def items(api: httpx.Client, **params: object) -> list[dict]:
    response = api.get("/api/action-items", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def by_owner(api: httpx.Client) -> dict[str, dict]:
    return {i["owner"]: i for i in items(api)}


def orphans(settings) -> dict[str, int]:
    async def read() -> dict[str, int]:
        graph = Graph(settings)
        try:
            return (await check_integrity(graph)).orphans
        finally:
            await graph.close()

    return anyio.run(read)


def test_commitments_and_requests_become_action_items_closed_by_a_later_meeting(api: httpx.Client,
                                                                               neo4j_settings) -> None:
    first = ingest(api, kickoff())
    found = by_owner(api)
    assert set(found) == {"Ravi Patel", "Lena Fischer"}  # "I'll just say ..." is not an action item
    specs, charger = found["Ravi Patel"], found["Lena Fischer"]
    assert specs["status"] == "open" and specs["due_text"] == "by Friday"
    assert date.fromisoformat(specs["due"]).weekday() == 4 and date.fromisoformat(specs["due"]) > FIRST
    assert specs["quote"] == "I'll send the uh the battery specs to the factory by Friday"
    assert (specs["speaker"], specs["meeting_id"], specs["meeting_date"]) == ("Ravi", first, FIRST.isoformat())
    assert charger["speaker"] == "Maya" and charger["due_text"] == "before the next meeting" and not charger["due"]

    second = ingest(api, FOLLOW_UP)
    found = by_owner(api)
    assert (found["Ravi Patel"]["status"], found["Ravi Patel"]["closed_in"]) == ("done", second)
    assert found["Lena Fischer"]["status"] == "open"  # "I haven't looked at it yet" carries it over
    assert [i["owner"] for i in items(api, status="open")] == ["Lena Fischer"]
    assert [i["owner"] for i in items(api, owner="ravi")] == ["Ravi Patel"]
    assert items(api, meeting_id=second) == []
    assert [i["owner"] for i in items(api, due_before=date.today().isoformat())] == ["Ravi Patel"]

    meeting = api.get(f"/api/meetings/{first}").json()
    assert {a["owner"]: a["status"] for a in meeting["action_items"]} == {"Ravi Patel": "done", "Lena Fischer": "open"}
    assert not any(orphans(neo4j_settings).values())


def test_pages_follow_the_cursor_and_bad_parameters_are_422(api: httpx.Client, neo4j_settings) -> None:
    ingest(api, kickoff())
    first = api.get("/api/action-items", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = api.get("/api/action-items", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    assert first["items"][0]["id"] != second["items"][0]["id"]
    for bad in ({"status": "maybe"}, {"due_before": "friday"}, {"limit": 0}, {"cursor": "not-a-cursor"}):
        response = api.get("/api/action-items", params=bad)
        assert response.status_code == 422, (bad, response.text)
        assert next(iter(bad)) in response.text


def test_questions_about_action_items_are_answered_with_sources(api: httpx.Client) -> None:
    ingest(api, kickoff())

    def ask(question: str) -> dict:
        response = api.post("/api/query", json={"question": question})
        assert response.status_code == 200, response.text
        return response.json()

    lena = ask("what are Lena's action items?")
    assert lena["intent"] == "action_items" and "charger cost" in lena["answer"]
    assert [s["speaker"] for s in lena["sources"]] == ["Maya"] and lena["sources"][0]["quote"]
    assert lena["cypher"]["statement"].startswith("// Action items")
    overdue = ask("what's overdue?")
    assert [i["owner"] for i in overdue["data"]["items"]] == ["Ravi Patel"]
    who = ask("who is doing the charger cost?")
    assert [i["owner"] for i in who["data"]["items"]] == ["Lena Fischer"]
    plate = ask("what's on Ravi's plate?")
    assert "battery specs" in plate["answer"] and plate["data"]["action_items"]
    steps = ask("what are the next steps?")
    assert len(steps["data"]["items"]) == 2 and steps["sources"][0]["date"] == FIRST.isoformat()


def test_reingest_keeps_closures_and_deletion_reopens_or_removes(api: httpx.Client, neo4j_settings) -> None:
    ingest(api, kickoff())
    second = ingest(api, FOLLOW_UP)
    replaced = api.post("/api/ingest", json=kickoff(title="Battery kickoff (edited)"))
    assert replaced.json()["status"] == "replaced"
    assert by_owner(api)["Ravi Patel"]["closed_in"] == second  # the later meeting's closure is replayed

    assert api.delete(f"/api/admin/meetings/{second}").status_code == 200
    assert {i["status"] for i in items(api)} == {"open"}
    first = items(api)[0]["meeting_id"]
    assert api.delete(f"/api/admin/meetings/{first}").status_code == 200
    assert items(api) == []
    assert not [n for n in export(api)["nodes"] if "ActionItem" in n["labels"] or "Person" in n["labels"]]


def test_person_merge_moves_assignments_and_undo_restores_them(api: httpx.Client) -> None:
    ingest(api, kickoff())
    ingest(api, kickoff(external_id="act-3", participants=["Maya Cohen", "Ravi Patel", "Magdalena Fischer"],
                        transcript="Maya: magdalena can you order the charger samples by Monday\nMagdalena: sure"))
    before = export(api)
    lena, magdalena = entity_id(api, "Lena Fischer"), entity_id(api, "Magdalena Fischer")
    merged = api.post("/api/admin/entities/merge", json={"target": lena, "sources": [magdalena]})
    assert merged.status_code == 201, merged.text
    assert sorted(i["text"] for i in items(api, owner=lena)) == ["look into the charger cost",
                                                                 "order the charger samples"]
    assert api.post(f"/api/admin/merges/{merged.json()['merge_id']}/undo").status_code == 200
    assert export(api) == before


def test_a_name_introduced_in_an_earlier_meeting_owns_requests_in_later_ones(api: httpx.Client) -> None:
    roles = ["Project Manager", "Marketing", "User Interface"]
    kickoff_day = FIRST.isoformat()
    ingest(api, {"external_id": "intro-a", "title": "Kickoff", "date": kickoff_day, "participants": roles,
                 "transcript": "Project Manager: Hi all , I'm Dana , I'm the Project Manager .\n"
                               "Marketing: Hiya , I'm Ron . I'm the marketing expert .\n"
                               "User Interface: And I'm Priya , user interface .\n"})
    second = ingest(api, {"external_id": "intro-b", "title": "Design", "date": (FIRST + timedelta(days=7)).isoformat(),
                          "participants": roles, "transcript": (
                              "Project Manager: Okay so Ron , can you look into the battery cost before the next "
                              "meeting ?\nUser Interface: I think it was about two euros .\nMarketing: Yeah sure .\n")})
    assert [(i["owner"], i["text"]) for i in items(api, meeting_id=second)] == [
        ("Marketing", "look into the battery cost")]


def test_an_introduced_name_owning_work_in_a_later_meeting_is_that_speaker(api: httpx.Client) -> None:
    roles = ["Project Manager", "Marketing"]
    ingest(api, {"external_id": "owner-a", "title": "Kickoff", "date": FIRST.isoformat(), "participants": roles,
                 "transcript": "Project Manager: Hi all , I'm Dana , I'm the Project Manager .\n"
                               "Marketing: Hiya , I'm Ron . I'm the marketing expert .\n"})
    ingest(api, {"external_id": "owner-b", "title": "Design", "date": (FIRST + timedelta(days=7)).isoformat(),
                 "participants": roles, "transcript": "Project Manager: Ron owns the trend survey .\n"
                                                      "Marketing: Yeah , the trend survey is at 20 percent .\n"})
    people = api.get("/api/entities", params={"type": "person", "limit": 100}).json()["items"]
    assert "Ron" not in {p["name"] for p in people}
    survey = next(e for e in api.get("/api/entities", params={"q": "trend survey"}).json()["items"])
    assert api.get(f"/api/entities/{survey['id']}").json()["state"]["owner"] == "Marketing"
