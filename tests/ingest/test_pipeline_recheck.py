"""Resolution happens before the write transaction; the transaction keeps it only while the graph still agrees.

Each test prepares a meeting, changes the graph under it, then stores it: the result must be what ingesting it
only now would have given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.admin.meetings import delete_meeting
from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import MeetingInput
from app.ingest.parse import parse_text
from app.ingest.pipeline import IngestPipeline, Timer

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

PEOPLE = ["Maya Okafor", "Tomas Lindgren"]


def standup(external_id: str, day: date, transcript: str) -> MeetingInput:
    return MeetingInput(title=f"Stand-up {external_id}", date=day, participants=PEOPLE, external_id=external_id,
                        turns=parse_text(transcript))


FIRST = standup("first", date(2025, 3, 3), "maya: so um Project Harbor Gateway is at like 20 percent\n"
                "tomas: yeah uh i'm on the harbor gateway this week")
SECOND = standup("second", date(2025, 3, 10), "tomas: ok so the harbor gateway is done now\n"
                 "maya: great thanks tomas")


async def items(graph: Graph) -> list[tuple[Any, ...]]:
    entities = await graph.read("queries/list_entities", type=None, q=None, offset=0, limit=1000)
    return sorted((e["id"], e["name"], e["type"], tuple(e["aliases"])) for e in entities if e["type"] != "person")


async def test_a_meeting_prepared_before_the_one_that_creates_its_item_still_resolves_to_it(graph: Graph) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    timer = Timer()
    prepared = await pipeline.prepare(SECOND, timer)  # the graph is empty: the gateway looks new
    await pipeline.ingest(FIRST)

    result = await pipeline.store(prepared, timer)

    assert result.status == "created"
    gateways = await items(graph)
    assert len(gateways) == 1
    [timeline] = await graph.read("queries/timeline", id=gateways[0][0])
    events = timeline["events"]
    assert [e["external_id"] for e in events] == ["first", "second"]


async def test_a_meeting_stored_with_nothing_written_since_its_prepare_keeps_it_without_reading_again(
    graph: Graph,
) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(FIRST)

    second = await pipeline.ingest(SECOND)

    assert "system/graph_version" in second.statements
    assert "ingest/entity_candidates" not in second.statements
    assert len(await items(graph)) == 1


async def test_any_write_transaction_between_prepare_and_store_makes_the_store_read_again(graph: Graph) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(FIRST)
    timer = Timer()
    prepared = await pipeline.prepare(SECOND, timer)
    await graph.in_write_transaction(lambda tx: tx.run("ingest/find_meeting", external_id="none", content_hash="-"))

    result = await pipeline.store(prepared, timer)

    assert result.statements.count("ingest/entity_candidates") == 1


async def test_an_item_swept_after_prepare_is_written_as_a_fresh_ingest_would(graph: Graph) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(SECOND)
    alone = await items(graph)
    await graph.run_auto_commit("system/delete_all_data")

    first = await pipeline.ingest(FIRST)
    timer = Timer()
    prepared = await pipeline.prepare(SECOND, timer)  # resolved against the first meeting's gateway
    await delete_meeting(graph, first.meeting_id)  # which takes the gateway with it

    result = await pipeline.store(prepared, timer)

    assert result.status == "created"
    assert await items(graph) == alone



async def test_an_entity_being_deleted_under_the_candidate_read_is_no_candidate(graph: Graph) -> None:
    # A node that a concurrent merge is deleting reads without its properties (a 500 in the concurrency test);
    # an entity with a name key and no id stands for it here.
    await graph.driver.execute_query("CREATE (:Entity:Project {name_key: 'project harbor gateway'})")
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())

    prepared = await pipeline.prepare(FIRST, Timer())

    assert prepared.resolved.candidates.known == []
