"""When a meeting's full name shows two stored items are one, ingestion merges them (undoably)."""

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
PEOPLE = ["Nadia Osei", "Theo Lind"]


def meeting(external_id: str, day: str, transcript: str) -> MeetingInput:
    return MeetingInput(title=external_id, date=date.fromisoformat(day), participants=PEOPLE,
                        external_id=external_id, turns=parse_text(transcript))


async def test_a_full_name_spanning_two_stored_items_merges_neither(graph: Graph) -> None:
    """"Mobile App Redesign" may be either stored item, both or a third: ingestion never merges stored items
    (a false merge silently corrupts answers); the admin's duplicates list offers the merge instead."""
    from app.admin.duplicates import find_duplicates

    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(meeting("one", "2026-05-04", "Nadia: The app redesign is at 20 percent.\n"
                                                       "Theo: Mobile redesign is owned by Theo."))
    stored = await graph.read("queries/list_entities", q=None, type="project", limit=10, offset=0)
    assert len(stored) == 2
    await pipeline.ingest(meeting("two", "2026-05-11", "Nadia: Mobile App Redesign is at 45 percent."))
    projects = await graph.read("queries/list_entities", q=None, type="project", limit=10, offset=0)
    assert {e["id"] for e in stored} < {e["id"] for e in projects} and len(projects) == 3
    assert not await graph.read("admin/list_merge_events", limit=10)
    for entity in stored:  # the stored items' states are as the first meeting left them
        [row] = await graph.read("queries/current_status", id=entity["id"])
        assert row["state"]["progress"] != 45
    pairs = await find_duplicates(graph, 10, 0.5)
    assert any("Mobile App" in p.a.name + p.b.name for p in pairs)
