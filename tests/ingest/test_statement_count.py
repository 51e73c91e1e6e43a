"""One meeting = one transaction of a fixed list of batched statements, however many items it mentions."""

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

CODENAMES = (
    "Harbor Lumen Quill Tidal Ember Vesper Onyx Saffron Cinder Meridian Halcyon Zenith Prism Aurora Falconer "
    "Drift Keystone Lattice Monsoon Nebula Orbit Pinnacle Radiant Solstice Trellis Umbra Vortex Wildfire Yonder "
    "Cascade"
).split()
HEADS = ("Gateway", "Dashboard", "Scheduler", "Portal", "Connector", "Migration", "Audit", "Widget", "Console", "Engine")
PARTICIPANTS = ["Maya Okafor", "Tomas Lindgren", "Priya Raman"]


def meeting_about(item_count: int, external_id: str, day: date) -> MeetingInput:
    """A stand-up that gives every item a progress figure, and some an owner, a dependency or a blocker."""
    items = [f"{CODENAMES[i]} {HEADS[i % len(HEADS)]}" for i in range(item_count)]
    lines = ["Maya: Morning everyone, let's go down the list."]
    for i, item in enumerate(items):
        lines.append(f"Tomas: The {item} is at {10 + (i * 7 + item_count) % 80}%.")
        if i % 3 == 0:
            lines.append(f"Maya: Priya owns the {item}.")
        if i % 2 == 1:
            lines.append(f"Priya: The {item} depends on the {items[i - 1]}.")
        if i % 7 == 6:
            lines.append(f"Tomas: The {item} is blocked by the {items[i - 2]}.")
    lines.append(f"Priya: We decided to use Postgres for the {items[0]}.")
    lines.append("Maya: Thanks all.")
    return MeetingInput(
        title=f"Stand-up about {item_count} items", date=day, participants=PARTICIPANTS, external_id=external_id,
        turns=parse_text("\n".join(lines)),
    )


async def test_statement_count_does_not_grow_with_the_number_of_items(graph: Graph) -> None:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    # the first meeting of an empty graph finds no graph version, so it reads its candidates again in its transaction
    await pipeline.ingest(meeting_about(1, "standup-first", date(2025, 4, 28)))

    small = await pipeline.ingest(meeting_about(2, "standup-small", date(2025, 5, 5)))
    large = await pipeline.ingest(meeting_about(30, "standup-large", date(2025, 5, 12)))

    assert (small.status, large.status) == ("created", "created")
    assert (small.entities, large.entities) == (2, 30)
    assert large.states >= 30 and large.dependencies >= 15 and large.decisions == 1
    assert len(large.statements) == len(small.statements)
    assert large.statements == small.statements

