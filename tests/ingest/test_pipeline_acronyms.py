"""An acronym and the words it abbreviates name one item, whichever is said first."""

from __future__ import annotations

from datetime import date

import pytest

from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import MeetingInput
from app.ingest.parse import parse_text
from app.ingest.pipeline import IngestPipeline

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


def meeting(external_id: str, day: str, transcript: str) -> MeetingInput:
    return MeetingInput(title=external_id, date=date.fromisoformat(day), participants=["Nadia Osei", "Theo Lind"],
                        external_id=external_id, turns=parse_text(transcript))


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("single sign-on", "SSO Integration"),
        ("the SSO integration", "single sign-on"),
        ("the SSO rollout", "Single Sign-On Rollout"),
    ],
)
async def test_acronym_and_words_resolve_to_one_item(graph: Graph, first: str, then: str) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(meeting("one", "2026-05-04", f"Nadia: We kicked off {first} this week."))
    await pipeline.ingest(meeting("two", "2026-05-11", f"Theo: {then} is at 30 percent."))
    items = [e for e in await graph.read("queries/list_entities", q=None, type=None, limit=10, offset=0)
             if e["type"] != "person"]
    assert len(items) == 1, items
    [row] = await graph.read("queries/current_status", id=items[0]["id"])
    assert row["state"]["status"] == "in_progress" and row["state"]["progress"] == 30
