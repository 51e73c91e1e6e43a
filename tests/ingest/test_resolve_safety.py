"""A false merge is worse than a duplicate: acronyms, people and types never join what differs."""

from __future__ import annotations

from datetime import date

import pytest

from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import EntityMention, EntityType, MeetingInput
from app.ingest.parse import parse_text
from app.ingest.pipeline import IngestPipeline
from app.ingest.resolve import KnownEntity, resolve_entities


def _mentions(*surfaces: str) -> list[EntityMention]:
    return [EntityMention(surface=s, turn=i) for i, s in enumerate(surfaces)]


def _known(name: str, *aliases: str, type_: EntityType = EntityType.FEATURE) -> KnownEntity:
    return KnownEntity(id=f"id-{name}", name=name, type=type_, aliases=list(aliases))


@pytest.mark.parametrize(
    ("said", "stored", "same"),
    [
        ("single sign-on", "SSO Integration", True),
        ("the SSO rollout", "Single Sign-On Rollout", True),
        ("ledger service", "Substitute LS", False),
        ("Lucus Sakalauskas", "Substitute LS", False),
    ],
)
def test_an_acronym_links_only_when_it_expands_over_the_other_names_words(said: str, stored: str, same: bool) -> None:
    resolution = resolve_entities(_mentions(said), [_known(stored)])
    assert (resolution.by_surface[said] == f"id-{stored}") is same


def test_a_persons_name_is_never_an_items_alias() -> None:
    stored = _known("Substitute LS", "Lucus Sakalauskas")
    resolution = resolve_entities(_mentions("Substitute LS", "Lucus Sakalauskas"), [stored],
                                  people=["Lucus Sakalauskas"])
    [item] = [e for e in resolution.entities if e.id == "id-Substitute LS"]
    assert item.aliases == [] and resolution.by_surface["Lucus Sakalauskas"] != item.id


def test_types_must_be_compatible() -> None:
    # a task ("... migration") never joins a feature ("... dashboard") on a weak tier
    resolution = resolve_entities(_mentions("billing migration"), [_known("Billing Dashboard Migration Tool Dashboard")])
    assert resolution.by_surface["billing migration"] != "id-Billing Dashboard Migration Tool Dashboard"
    resolution = resolve_entities(_mentions("the search endpoint"), [_known("Search API Migration", type_=EntityType.TASK)])
    assert resolution.by_surface["the search endpoint"] != "id-Search API Migration"


@pytest.mark.anyio
@pytest.mark.slow
async def test_the_ledger_service_is_not_substitute_ls(graph: Graph) -> None:
    from app.query.engine import QueryEngine

    people = ["Lucus Sakalauskas", "Mira Holt"]

    def meeting(external_id: str, day: str, transcript: str) -> MeetingInput:
        return MeetingInput(title=external_id, date=date.fromisoformat(day), participants=people,
                            external_id=external_id, turns=parse_text(transcript))

    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(meeting("one", "2026-04-06", "Mira Holt: Substitute LS is blocked. Lucus Sakalauskas owns Substitute LS."))
    await pipeline.ingest(meeting("two", "2026-04-13", "Lucus Sakalauskas: The ledger service is about 10 percent done."))
    items = {e["name"]: e for e in await graph.read("queries/list_entities", q=None, type=None, limit=20, offset=0)}
    assert "Substitute LS" in items and "Ledger service" in {n.capitalize() for n in items}, items
    assert not any(a.lower() == "lucus sakalauskas" for e in items.values() if e["type"] != "person" for a in e["aliases"])
    answer = await QueryEngine(graph, get_embedder()).ask("how far along is the ledger service?")
    assert "Substitute" not in answer.answer and "10" in answer.answer, answer.answer


@pytest.mark.anyio
@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "then", "same"),
    [
        ("billing export", "billing report", False),
        ("search api", "search ui", False),
        ("code review", "code preview", False),
        ("the checkout redesign", "checkout re-design", True),
        ("the user onboarding flow", "user on-boarding flow", True),
    ],
)
async def test_near_misses_stay_apart_and_spelling_variants_merge(
    graph: Graph, first: str, then: str, same: bool
) -> None:
    people = ["Priya Nair", "Tom Becker"]

    def meeting(external_id: str, day: str, transcript: str) -> MeetingInput:
        return MeetingInput(title=external_id, date=date.fromisoformat(day), participants=people,
                            external_id=external_id, turns=parse_text(transcript))

    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(meeting("one", "2026-04-06", f"Priya: so um {first} is in progress\nTom: yeah"))
    await pipeline.ingest(meeting("two", "2026-04-13", f"Tom: uh {then} is about 30 percent done i think"))
    items = [e for e in await graph.read("queries/list_entities", q=None, type=None, limit=20, offset=0)
             if e["type"] != "person"]
    assert len(items) == (1 if same else 2), items
