"""The curation commands of `smartmeet`, run against the same real Neo4j as the API."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import app
from app.config import Settings, get_settings
from tests.admin.conftest import entity_id, export, ingest
from tests.admin.corpus import meetings


@pytest.fixture
def cli(neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_merge_undo_alias_and_delete_meeting_from_the_command_line(api: httpx.Client, cli: CliRunner) -> None:
    ids = ingest(api, meetings(split=True))
    gateway, ping = entity_id(api, "Alert Gateway"), entity_id(api, "Ping Service")
    before = export(api)

    merged = cli.invoke(app, ["merge", gateway, ping])
    assert merged.exit_code == 0, merged.output
    merge_id = json.loads(merged.stdout)["merge_id"]
    assert cli.invoke(app, ["undo-merge", merge_id]).exit_code == 0
    assert export(api) == before

    itself = cli.invoke(app, ["merge", gateway, gateway])
    assert itself.exit_code == 2 and "into itself" in itself.output
    missing = cli.invoke(app, ["undo-merge", merge_id])
    assert missing.exit_code == 1 and "no merge" in missing.output

    aliased = cli.invoke(app, ["alias", gateway, "--add", "Pager", "--add", "Pinger"])
    assert aliased.exit_code == 0 and json.loads(aliased.stdout)["aliases"] == ["Pager", "Pinger"]
    typed = cli.invoke(app, ["set-type", gateway, "project"])
    assert typed.exit_code == 0 and json.loads(typed.stdout)["type"] == "project"

    deleted = cli.invoke(app, ["delete-meeting", ids["growth-1"]])
    assert deleted.exit_code == 0, deleted.output
    flow = entity_id(api, "Onboarding Flow")
    deps = api.get(f"/api/entities/{flow}/dependencies").json()["items"]
    assert [d["name"] for d in deps] == ["Ping Service"]  # the Alert Gateway dependency came from growth-1
    assert [e["external_id"] for e in api.get(f"/api/entities/{gateway}/timeline").json()["events"]] == ["growth-3"]


def test_dismiss_list_and_undo_from_the_command_line(api: httpx.Client, cli: CliRunner) -> None:
    ingest(api, meetings(split=True))
    gateway = entity_id(api, "Alert Gateway")
    before = export(api)

    dismissed = cli.invoke(app, ["dismiss", gateway])
    assert dismissed.exit_code == 0, dismissed.output
    dismissal = json.loads(dismissed.stdout)
    assert dismissal["ignored_names"] == ["alert gateway"]
    [listed] = json.loads(cli.invoke(app, ["dismissals"]).stdout)
    assert listed["entity_id"] == gateway
    assert cli.invoke(app, ["undo-dismiss", dismissal["dismissal_id"]]).exit_code == 0
    assert export(api) == before
    missing = cli.invoke(app, ["undo-dismiss", dismissal["dismissal_id"]])
    assert missing.exit_code == 1 and "no dismissal" in missing.output
