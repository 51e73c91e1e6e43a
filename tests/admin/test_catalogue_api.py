"""Catalogue import over the real HTTP API and the real Neo4j: JSON, CSV text and file uploads, idempotent, bad
rows named by row and field, and the catalogued names recognised in later speech."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from typer.testing import CliRunner

from app.cli import app
from tests.admin.conftest import entity_id, export, ingest, state
from tests.admin.test_cli import cli  # noqa: F401  (the fixture)

CATALOGUE = [
    {"name": "Bravo Console", "aliases": ["the console"], "type": "feature", "owner": "Priya Nair"},
    {"name": "Kinetic Charger", "type": "task"},
]
JIRA_CSV = "Summary,Issue Type,Assignee,Aliases\nKinetic Charger,Bug,Tom Becker,charger;the kinetic one\n"


def post(api: httpx.Client, **kwargs: object) -> httpx.Response:
    return api.post("/api/catalogue", **kwargs)


def test_json_import_is_idempotent_and_csv_updates(api: httpx.Client) -> None:
    first = post(api, json=CATALOGUE)
    assert first.status_code == 200, first.text
    assert (first.json()["created"], first.json()["unchanged"]) == (2, 0)
    before = export(api)
    again = post(api, json={"items": CATALOGUE})
    assert (again.json()["created"], again.json()["updated"], again.json()["unchanged"]) == (0, 0, 2)
    assert export(api) == before

    updated = post(api, content=JIRA_CSV, headers={"Content-Type": "text/csv"})
    assert updated.status_code == 200, updated.text
    [item] = updated.json()["items"]
    assert item["status"] == "updated" and item["type"] == "task" and item["owner"] == "Tom Becker"
    assert item["aliases"] == ["charger", "the kinetic one"]
    uploaded = post(api, files={"file": ("issues.csv", JIRA_CSV.encode(), "text/csv")})
    assert uploaded.status_code == 200 and uploaded.json()["unchanged"] == 1, uploaded.text
    people = {e["name"] for e in api.get("/api/entities", params={"type": "person"}).json()["items"]}
    assert people == {"Priya Nair", "Tom Becker"}


def test_bad_rows_are_named_and_nothing_is_written(api: httpx.Client) -> None:
    rows = [{"name": "Bravo Console"}, {"aliases": ["x"]}, {"name": "Widget", "type": "person"},
            {"name": "Gizmo", "type": "spaceship"}, {"name": "the bravo console"}]
    refused = post(api, json=rows)
    assert refused.status_code == 422
    problems = {(e["row"], e["field"]) for e in refused.json()["detail"]}
    assert problems == {(2, "name"), (3, "type"), (4, "type"), (5, "name")}
    assert api.get("/api/entities").json()["items"] == []

    no_name = post(api, content="Title Case,Owner\n", headers={"Content-Type": "text/csv"})
    assert no_name.status_code == 422 and no_name.json()["detail"][0]["field"] == "name"
    not_json = post(api, content="[{", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 422 and "JSON" in not_json.json()["detail"][0]["msg"]


def test_catalogued_names_are_recognised_in_lowercase_speech(api: httpx.Client) -> None:
    assert post(api, json=CATALOGUE).status_code == 200
    speech = ("Priya: so um we looked at bravo console yesterday and uh it looks fine\n"
              "Tom: yeah we'll use kinetic charger i think\n"
              "Priya: and the bravo console is done")
    ids = ingest(api, [{"external_id": "m1", "title": "sync", "date": "2026-05-04",
                        "participants": ["Priya Nair", "Tom Becker"], "transcript": speech}])
    console, charger = entity_id(api, "Bravo Console"), entity_id(api, "Kinetic Charger")
    assert state(api, console)["status"] == "done"
    assert api.get(f"/api/entities/{charger}").json()["meetings"] == 1

    assert api.delete(f"/api/admin/meetings/{ids['m1']}").status_code == 200
    assert entity_id(api, "Kinetic Charger") == charger  # catalogued items are not swept with the meeting


def test_catalogue_import_from_the_command_line(
    api: httpx.Client, cli: CliRunner, tmp_path: Path  # noqa: F811
) -> None:
    good = tmp_path / "items.json"
    good.write_text(json.dumps(CATALOGUE))
    imported = cli.invoke(app, ["catalogue", "import", str(good)])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["created"] == 2
    bad = tmp_path / "items.csv"
    bad.write_text("name,type\nGizmo,spaceship\n")
    refused = cli.invoke(app, ["catalogue", "import", str(bad)])
    assert refused.exit_code == 2 and "row 1, type" in refused.output
