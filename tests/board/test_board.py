"""The status board in headless Chromium against the live API with the seed meetings ingested."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest

from tests.board.cdp import chromium_page, find_chromium
from tests.conftest import LiveServer, load_seed

pytestmark = [pytest.mark.slow, pytest.mark.anyio]
DOCS = Path(__file__).resolve().parents[2] / "docs"
QUESTION = "Who owns the checkout redesign?"


@pytest.fixture
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("no chromium on PATH and `make install` could not install it (apt-get needs root)")
    return path


@pytest.fixture
def seeded_api(api: httpx.Client, live_server: LiveServer) -> str:
    load_seed(live_server.settings)
    return live_server.base_url


def test_the_board_is_served_without_a_build_step(api: httpx.Client) -> None:
    page = api.get("/")
    assert page.status_code == 200 and "/board/board.js" in page.text
    assert api.get("/board/board.js").headers["content-type"].startswith("text/javascript")
    assert api.get("/board/nope.js").status_code == 404
    config = api.get("/board/config.json").json()
    assert config["auth"] is False and config["action_items"] is True
    assert config["browser_url"].endswith("/browser/") and "$name" in config["item_query"]


async def test_the_board_renders_items_and_answers_questions(chromium: str, seeded_api: str) -> None:
    async with chromium_page(chromium) as page:
        await page.send("Page.navigate", url=f"{seeded_api}/")
        assert await page.wait_for("document.body?.dataset.loaded") == "true", await page.evaluate(
            "document.getElementById('error').textContent")
        names = await page.evaluate("[...document.querySelectorAll('.card h3')].map(h => h.firstChild.textContent)")
        assert {"Ledger Service", "Checkout Redesign"} <= set(names)
        assert await page.evaluate("document.querySelectorAll('.card svg.timeline circle').length") >= len(names)
        assert await page.evaluate("document.querySelectorAll('#chain .link').length") >= 2
        assert await page.evaluate("document.querySelectorAll('#change-list li').length") >= 1
        link = await page.evaluate("document.querySelector('.card a.browser').href")
        assert "/browser/?cmd=edit&arg=" in link and "HAS_STATE" in link.replace("%3A", ":")
        if os.environ.get("UPDATE_SCREENSHOTS"):
            await page.screenshot(DOCS / "board.png")

        await page.evaluate(f"document.getElementById('question').value = {json.dumps(QUESTION)}")
        await page.evaluate("document.getElementById('ask-form').requestSubmit()")
        answer = await page.wait_for("document.querySelector('#answer .text')?.textContent")
        assert "ines duarte" in answer.lower()
        where = await page.wait_for("[...document.querySelectorAll('#answer .sources .where')].map(e => e.textContent)")
        assert where and all("2026-" in w for w in where)
        if os.environ.get("UPDATE_SCREENSHOTS"):
            await page.evaluate("window.scrollTo(0, 0)")
            await page.screenshot(DOCS / "board-answer.png")
        assert page.errors == []


async def test_the_board_lists_open_action_items(chromium: str, seeded_api: str, api: httpx.Client) -> None:
    wrap_up = {"external_id": "board-actions", "title": "Wrap-up", "date": "2026-03-30",
               "participants": ["Hannah Lee", "Ravi Patel"],
               "transcript": "Hannah: ravi can you update the runbook by Friday\nRavi: sure"}
    assert api.post("/api/ingest", json=wrap_up).status_code == 201
    async with chromium_page(chromium) as page:
        await page.send("Page.navigate", url=f"{seeded_api}/")
        assert await page.wait_for("document.body?.dataset.loaded") == "true"
        listed = await page.wait_for("[...document.querySelectorAll('#action-list li')].map(li => li.textContent)")
        assert len(listed) == 3  # two from the seed meetings
        assert any("Ravi Patel: update the runbook" in item and "due 2026-04-03" in item for item in listed)
        assert page.errors == []
