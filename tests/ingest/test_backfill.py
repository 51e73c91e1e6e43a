"""Bulk backfill: meetings prepared ahead of the write still land one transaction each, in date order, and give
the same state chains as ingesting them one by one."""

from __future__ import annotations

import json
import random
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

import pytest

from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.backfill import backfill, in_date_order
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import Curation, Extraction, MeetingInput
from app.ingest.pipeline import IngestPipeline
from app.ingest.requests import IngestRequest
from tests.conftest import SEED

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


def seed_meetings() -> list[MeetingInput]:
    return [IngestRequest.model_validate(json.loads(p.read_text())).to_meeting() for p in SEED]


async def chains(graph: Graph) -> dict[str, list[tuple[Any, ...]]]:
    entities = await graph.read("queries/list_entities", type=None, q=None, offset=0, limit=10_000)
    out = {}
    for entity in entities:
        [timeline] = await graph.read("queries/timeline", id=entity["id"])
        events = timeline["events"]
        out[entity["name"]] = [(e["external_id"], e["status"], e["progress"], e["owner"]) for e in events]
    return out


async def test_backfill_matches_one_by_one_ingest(graph: Graph) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    meetings = seed_meetings()
    for meeting in in_date_order(meetings):
        await pipeline.ingest(meeting)
    expected = await chains(graph)
    await graph.run_auto_commit("system/delete_all_data")

    shuffled = meetings[:]
    random.Random(3).shuffle(shuffled)
    outcomes = [o async for o in backfill(pipeline, shuffled, workers=3)]

    assert [o.meeting.external_id for o in outcomes] == [m.external_id for m in in_date_order(meetings)]
    assert all(o.error is None and o.result and o.result.status == "created" for o in outcomes)
    # each resolved once the one before it was written: nothing to read again in its transaction (but the first,
    # resolved in a graph that no write transaction has given a version yet)
    assert all("ingest/entity_candidates" not in o.result.statements for o in outcomes[1:] if o.result)
    assert await chains(graph) == expected
    assert any(len(events) > 1 for events in expected.values())


async def test_a_failing_meeting_is_reported_and_the_rest_go_on(graph: Graph) -> None:
    class FailsOn:
        def __init__(self, title: str) -> None:
            self.rules, self.title = RuleBasedExtractor(), title

        async def extract(
            self, meeting: MeetingInput, known_names: Collection[str] = (), curation: Curation | None = None
        ) -> Extraction:
            if meeting.title == self.title:
                raise RuntimeError("extractor broke")
            return await self.rules.extract(meeting, known_names, curation)

    meetings = in_date_order(seed_meetings())
    pipeline = IngestPipeline(graph, get_embedder(), FailsOn(meetings[1].title))
    outcomes = [o async for o in backfill(pipeline, meetings, workers=2)]

    assert [o.error is not None for o in outcomes] == [False, True] + [False] * (len(meetings) - 2)
    assert "extractor broke" in (outcomes[1].error or "")


class CountingEmbedder:
    """The real model, counting what it is asked to encode."""

    def __init__(self) -> None:
        self.model, self.texts = get_embedder(), 0
        self.dimensions = self.model.dimensions

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        self.texts += len(texts)
        return self.model.encode(texts)


async def test_a_meeting_stored_as_it_is_is_not_embedded_again(graph: Graph) -> None:
    embedder = CountingEmbedder()
    pipeline = IngestPipeline(graph, embedder, RuleBasedExtractor())
    meetings = seed_meetings()
    first = [o async for o in backfill(pipeline, meetings, workers=2)]
    embedded = embedder.texts

    again = [await pipeline.ingest(meetings[0])] + [o.result async for o in backfill(pipeline, meetings, workers=2)]

    assert all(o.result and o.result.status == "created" for o in first) and embedded > 0
    assert [r.status if r else None for r in again] == ["unchanged"] * (len(meetings) + 1)
    assert embedder.texts == embedded


async def test_two_versions_of_a_meeting_in_one_backfill_leave_the_later_one(graph: Graph) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    first = seed_meetings()[0]
    later = first.model_copy(update={"date": date(first.date.year + 1, 1, 5), "title": f"{first.title} (corrected)"})
    await pipeline.ingest(later)  # stored as it is when the backfill looks ahead, but replaced before its turn

    outcomes = [o async for o in backfill(pipeline, [later, first], workers=2)]

    assert [o.result.status if o.result else o.error for o in outcomes] == ["replaced", "replaced"]
    meetings = await graph.read("queries/list_meetings", since=None, until=None, offset=0, limit=10)
    assert [m["title"] for m in meetings] == [later.title]
