"""The MCP server driven by the SDK's own client, over stdio and streamable HTTP, on the real service and Neo4j."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import httpx2
import pytest
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from app.config import Settings
from tests.api.test_security import keys
from app.live import running_api
from tests.conftest import load_seed

pytestmark = [pytest.mark.slow, pytest.mark.anyio]
ROOT = Path(__file__).resolve().parents[2]
TOOLS = {"ask", "search", "entity_status", "timeline", "dependencies", "critical_path", "changes_since",
         "meeting_summary", "ingest_meeting", "action_items"}
QUESTION = "Who owns the checkout redesign?"


@pytest.fixture(scope="module")
def seeded(neo4j_settings: Settings) -> Settings:
    load_seed(neo4j_settings)
    return neo4j_settings


@pytest.fixture(scope="module")
def secured(seeded: Settings) -> Iterator[str]:
    with running_api(seeded.model_copy(update={"auth_disabled": False, "api_key_cache_s": 0.3})) as base_url:
        yield base_url


def new_key(settings: Settings, *scopes: str) -> str:
    from app.security.keys import Scope

    return keys(settings, lambda store: store.create([Scope(s) for s in scopes], "mcp test")).key


@pytest.fixture(scope="module")
def read_key(seeded: Settings) -> str:
    return new_key(seeded, "read")


@pytest.fixture(scope="module")
def write_key(seeded: Settings) -> str:
    return new_key(seeded, "read", "write")


def structured(result: Any) -> Any:
    assert not result.is_error, result.content
    return result.structured_content


async def check_session(session: ClientSession) -> None:
    await session.initialize()
    tools = {t.name: t for t in (await session.list_tools()).tools}
    assert TOOLS <= set(tools)
    assert all(len(t.description or "") > 40 for t in tools.values())
    assert tools["ask"].input_schema["required"] == ["question"]
    answer = structured(await session.call_tool("ask", {"question": QUESTION}))
    assert "ines duarte" in answer["answer"].lower()
    assert answer["sources"] and all(s["date"] and s["quote"] and s["speakers"] for s in answer["sources"])


async def test_stdio_lists_tools_and_answers_with_sources(seeded: Settings) -> None:
    env = {**os.environ, "NEO4J_URI": seeded.neo4j_uri, "NEO4J_USER": seeded.neo4j_user,
           "NEO4J_PASSWORD": seeded.neo4j_password.get_secret_value(), "PYTHONPATH": str(ROOT)}
    params = StdioServerParameters(command=sys.executable, args=["-m", "app.cli", "mcp"], env=env, cwd=str(ROOT))
    with open(os.devnull, "w") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as session:
            await check_session(session)
            status = structured(await session.call_tool("entity_status", {"item": "ledger service"}))
            assert status["name"] == "Ledger Service" and status["state"]["status"]
            meetings = await session.read_resource("smartmeet://meetings")
            assert {m["external_id"] for m in json.loads(meetings.contents[0].text)} >= {"seed-01", "seed-04"}


async def test_http_without_a_key_is_refused(secured: str) -> None:
    async with httpx.AsyncClient(base_url=secured) as client:
        response = await client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}},
                                     headers={"Accept": "application/json, text/event-stream"})
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    async with httpx.AsyncClient(base_url=secured) as client:
        wrong = await client.post("/mcp", json={}, headers={"Authorization": "Bearer smg_nope"})
    assert wrong.status_code == 401


async def test_http_with_a_read_key_answers_and_cannot_ingest(secured: str, read_key: str) -> None:
    headers = {"Authorization": f"Bearer {read_key}"}
    async with (httpx2.AsyncClient(headers=headers, timeout=60) as http,
                streamable_http_client(f"{secured}/mcp", http_client=http) as (read, write),
                ClientSession(read, write) as session):
        await check_session(session)
        templates = (await session.list_resource_templates()).resource_templates
        assert [t.uri_template for t in templates] == ["smartmeet://meetings/{meeting}"]
        meeting = json.loads((await session.read_resource("smartmeet://meetings/seed-02")).contents[0].text)
        assert meeting["external_id"] == "seed-02"
        path = structured(await session.call_tool("critical_path", {}))
        assert path["path"] and path["remaining"] > 0
        refused = await session.call_tool("ingest_meeting", {"meeting": {
            "title": "Extra", "date": "2026-04-01", "transcript": "Hannah: The Ledger Service is done."}})
        assert refused.is_error and "write" in refused.content[0].text


async def test_http_with_a_write_key_ingests(secured: str, write_key: str) -> None:
    headers = {"X-API-Key": write_key}
    async with (httpx2.AsyncClient(headers=headers, timeout=60) as http,
                streamable_http_client(f"{secured}/mcp", http_client=http) as (read, write),
                ClientSession(read, write) as session):
        await session.initialize()
        result = structured(await session.call_tool("ingest_meeting", {"meeting": {
            "external_id": "mcp-extra", "title": "Extra", "date": "2026-04-01",
            "transcript": "Hannah: The reporting dashboard is at 30 percent."}}))
        assert result["status"] == "created"
        timeline = structured(await session.call_tool("timeline", {"item": "Reporting Dashboard"}))
        assert timeline["events"][-1]["external_id"] == "mcp-extra"


async def test_http_action_items_tool_lists_who_does_what(secured: str, read_key: str, write_key: str) -> None:
    meeting = {"external_id": "mcp-actions", "title": "Wrap-up", "date": "2026-03-30",
               "participants": ["Hannah Lee", "Ravi Patel"],
               "transcript": "Hannah: ravi can you update the runbook by Friday\nRavi: sure, will do"}
    async with httpx.AsyncClient(base_url=secured, headers={"Authorization": f"Bearer {write_key}"}) as client:
        assert (await client.post("/api/ingest", json=meeting, timeout=120)).status_code == 201
    headers = {"Authorization": f"Bearer {read_key}"}
    async with (httpx2.AsyncClient(headers=headers, timeout=60) as http,
                streamable_http_client(f"{secured}/mcp", http_client=http) as (read, write),
                ClientSession(read, write) as session):
        await session.initialize()
        tool = next(t for t in (await session.list_tools()).tools if t.name == "action_items")
        assert {"owner", "status", "due_before", "meeting"} <= set(tool.input_schema["properties"])
        page = structured(await session.call_tool("action_items", {"owner": "Ravi", "status": "open"}))
        [item] = page["items"]
        assert (item["owner"], item["text"], item["due"]) == ("Ravi Patel", "update the runbook", "2026-04-03")
        assert item["quote"] == "ravi can you update the runbook by Friday" and item["external_id"] == "mcp-actions"
        overdue = structured(await session.call_tool("action_items", {"status": "open", "due_before": "2026-04-01"}))
        assert [(i["owner"], i["due"]) for i in overdue["items"]] == [("Ines Duarte", "2026-03-27")]  # from the seed
        bad = await session.call_tool("action_items", {"cursor": "nope"})
        assert bad.is_error
