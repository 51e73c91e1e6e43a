"""Meetings through the real pipeline into a real Neo4j with the LLM extractor pointed at the fake server:
the call budget (windows + 1), the batched semantic comparison, and the rules fallback, marked and stored."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.compare import StateComparer
from app.ingest.extract.llm import LLMExtractor, split_meeting
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import MeetingInput, Turn
from app.ingest.names import entity_id
from app.ingest.pipeline import IngestPipeline
from app.llm.client import LLMClient
from app.llm.metrics import LLMMetrics
from app.query.text_to_cypher import TextToCypher
from tests.llm.conftest import settings_for
from tests.llm.fake_openai import FakeOpenAI

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

PROGRESS = re.compile(r"^\[(\d+)\] \w+: The (.+?) is (?:at (\d+)%|nearly done|done)", re.MULTILINE)


def meeting(external_id: str, day: date, *lines: str) -> MeetingInput:
    turns = [Turn(index=i, speaker=line.split(": ", 1)[0], text=line.split(": ", 1)[1]) for i, line in enumerate(lines)]
    return MeetingInput(title=f"Sync {external_id}", date=day, participants=["Ravi Patel", "Ines Duarte"],
                        external_id=external_id, turns=turns)


def state(entity: str, turn: int, quote: str, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "turn": turn, "quote": quote, "status": None, "progress": None, "owner": None,
            "blockers": None, **fields}


def extraction(*states: dict[str, Any]) -> dict[str, Any]:
    return {"mentions": [], "states": list(states), "dependencies": [], "decisions": []}


def llm_pipeline(graph: Graph, fake: FakeOpenAI, cache: Path | None, chunk_tokens: int = 3000) -> IngestPipeline:
    client = LLMClient(settings_for(fake, cache), LLMMetrics())
    extractor = LLMExtractor(client, RuleBasedExtractor(), chunk_tokens, 40)
    return IngestPipeline(graph, get_embedder(), extractor, StateComparer(graph, client))


async def current(graph: Graph, name: str) -> dict[str, Any]:
    return (await graph.read("queries/current_status", id=entity_id(name)))[0]["state"]


async def test_a_reworded_state_is_not_a_change_and_a_real_one_is(graph: Graph, fake_openai: FakeOpenAI) -> None:
    pipeline = llm_pipeline(graph, fake_openai, None)
    first = "The checkout redesign is nearly done."
    fake_openai.default("MeetingExtraction", extraction(state("checkout redesign", 0, first, status="in_progress", progress=90)))
    created = await pipeline.ingest(meeting("m1", date(2026, 3, 2), f"Ravi: {first}"))
    assert (created.extractor, created.states) == ("llm (primary)", 1)
    assert (fake_openai.count("MeetingExtraction"), fake_openai.count("StateComparison")) == (1, 0)

    reworded = "We're wrapping up QA on the checkout redesign."
    fake_openai.default("MeetingExtraction", extraction(state("checkout redesign", 0, reworded, progress=95)))
    fake_openai.default("StateComparison", {"verdicts": [{"id": 0, "changed": False}]})
    same = await pipeline.ingest(meeting("m2", date(2026, 3, 9), f"Ines: {reworded}"))
    assert same.states == 0
    [pair] = json.loads(fake_openai.requests[-1].user)
    assert (pair["before_quote"], pair["after_quote"]) == (first, reworded)
    assert (pair["before"], pair["after"]) == ("in_progress, 90%", "in_progress, 95%")
    assert (await current(graph, "checkout redesign"))["progress"] == 90

    shipped = "The checkout redesign is done."
    fake_openai.default("MeetingExtraction", extraction(state("checkout redesign", 0, shipped, status="done")))
    fake_openai.default("StateComparison", {"verdicts": [{"id": 0, "changed": True}]})
    changed = await pipeline.ingest(meeting("m3", date(2026, 3, 16), f"Ravi: {shipped}"))
    assert changed.states == 1
    assert (await current(graph, "checkout redesign"))["status"] == "done"
    assert (fake_openai.count("MeetingExtraction"), fake_openai.count("StateComparison")) == (3, 2)


def progress_answer(body: dict[str, Any]) -> dict[str, Any]:
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    return extraction(*(
        state(item, int(turn), f"The {item} is at {pct}%.", progress=int(pct))
        for turn, item, pct in PROGRESS.findall(user) if pct
    ))


async def test_calls_per_meeting_stay_within_windows_plus_one_however_many_items(
    graph: Graph, fake_openai: FakeOpenAI
) -> None:
    pipeline = llm_pipeline(graph, fake_openai, None, chunk_tokens=80)
    fake_openai.default("MeetingExtraction", progress_answer)
    fake_openai.default("StateComparison", lambda body: {"verdicts": [
        {"id": p["id"], "changed": True} for p in json.loads(next(m["content"] for m in body["messages"] if m["role"] == "user"))
    ]})
    names = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima")
    items = [f"Widget {name}" for name in names]

    for week, external_id in enumerate(("w1", "w2")):
        fake_openai.requests.clear()
        lines = [f"Ravi: The {item} is at {10 + 5 * i + 30 * week}%." for i, item in enumerate(items)]
        standup = meeting(external_id, date(2026, 3, 2 + 7 * week), *lines)
        windows = len(split_meeting(standup, pipeline.extractor.client.tokens, 80, 40))
        result = await pipeline.ingest(standup)
        assert result.states == len(items)
        assert fake_openai.count("MeetingExtraction") == windows > 1
        assert fake_openai.count("StateComparison") == week  # one batched call, only once there is history
        assert fake_openai.count() <= windows + 1
    [request] = [r for r in fake_openai.requests if r.task == "StateComparison"]
    assert len(json.loads(request.user)) == len(items)


async def test_when_the_llm_fails_the_rules_ingest_the_meeting_and_it_says_so(
    graph: Graph, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.failing_models["primary"] = 500
    pipeline = llm_pipeline(graph, fake_openai, tmp_path / "cache")

    result = await pipeline.ingest(meeting("m1", date(2026, 3, 2), "Ravi: The ledger service is at 45 percent now."))

    assert result.status == "created" and result.states == 1
    assert result.extractor == "rules (llm failed: primary: HTTP 500)"
    assert (await current(graph, "ledger service"))["progress"] == 45

    del fake_openai.failing_models["primary"]
    fake_openai.default("GeneratedCypher", {
        "query": "MATCH (m:Meeting) RETURN m.external_id AS meeting, m.extractor AS extractor", "explanation": "",
    })
    client = LLMClient(settings_for(fake_openai, None), LLMMetrics())
    answer = await TextToCypher(graph, client, row_limit=10, timeout_s=5).answer("Which extractor read each meeting?")
    assert answer is not None
    assert answer.data["rows"] == [{"meeting": "m1", "extractor": "rules (llm failed: primary: HTTP 500)"}]
