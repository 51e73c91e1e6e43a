"""Items only on evidence, through the whole pipeline into the real Neo4j: realistic speech (roles as speakers,
fillers, lowercase, no final punctuation) leaves no junk nouns, roles, numbers, dates or glued verbs in the graph,
and the things a design meeting keeps coming back to become items."""

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
ROLES = ["Project Manager", "Marketing", "Industrial Designer", "User Interface"]


async def items_after(graph: Graph, transcript: str, participants: list[str] = ROLES) -> set[str]:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(MeetingInput(title="design", date=date(2026, 5, 4), participants=participants,
                                       external_id="m1", turns=parse_text(transcript)))
    rows = await graph.read("queries/list_entities", q=None, type=None, limit=100, offset=0)
    return {r["name"].lower() for r in rows if r["type"] != "person"}


async def test_junk_nouns_numbers_dates_and_roles_are_not_items(graph: Graph) -> None:
    items = await items_after(graph, "\n".join([
        "Project Manager: okay um so the family is fine and the country is doing well i think",
        "Marketing: yeah the opinion is done. sixty two point five million is on track",
        "Industrial Designer: January is finished {disfmarker} uh January is finished",
        "User Interface: mm-hmm. the Project Manager is done and User Interface is at risk",
        "Project Manager: the soldiers are blocked, so yeah",
    ]))
    assert items == set()


async def test_unknown_verbs_are_not_glued_into_names(graph: Graph) -> None:
    items = await items_after(graph, "\n".join([
        "Priya Nair: so the ledger service passed QA yesterday and uh it's done",
        "Tom Becker: um in theory the search api could ship next week",
        "Priya Nair: yeah the search api is at 20 percent",
    ]), ["Priya Nair", "Tom Becker"])
    assert items == {"ledger service", "search api"}


async def test_what_a_design_meeting_keeps_coming_back_to_becomes_an_item(graph: Graph) -> None:
    items = await items_after(graph, "\n".join([
        "Industrial Designer: so um the battery could be a normal one",
        "Marketing: and the battery should last a year at least",
        "Industrial Designer: yeah the battery is cheap. we could use a scroll wheel",
        "User Interface: a scroll wheel would feel nice. it might glow in the dark",
        "Marketing: in the dark, yeah. let me draw it on the whiteboard",
        "Project Manager: okay the whiteboard is there. so the scroll wheel and the battery then",
        "Industrial Designer: uh the thing is the thing",
        "Marketing: the thing, yeah, in the dark",
    ]))
    assert {"battery", "scroll wheel"} <= items
    assert not items & {"dark", "whiteboard", "thing"}
