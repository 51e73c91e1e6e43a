"""QueryEngine against a real Neo4j: linking the item a question names."""

from __future__ import annotations

from datetime import date

import pytest

from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import MeetingInput
from app.ingest.parse import parse_text
from app.ingest.pipeline import IngestPipeline
from app.query.engine import QueryEngine
from app.query.intents import Intent

pytestmark = [pytest.mark.anyio, pytest.mark.slow]
TRANSCRIPT = """Nadia: Single sign-on is at 40 percent.
Theo: The customer data platform is done.
Nadia: The search service is blocked.
Theo: The search indexer is at 10 percent.
"""


@pytest.fixture
async def engine(graph: Graph) -> QueryEngine:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    await pipeline.ingest(MeetingInput(title="sync", date=date(2026, 5, 4), participants=["Nadia Osei", "Theo Lind"],
                                       external_id="m01", turns=parse_text(TRANSCRIPT)))
    return QueryEngine(graph, get_embedder())


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("what's the status of single sign-on?", "Single sign-on"),
        ("how far along is SSO?", "Single sign-on"),  # the initials of a stored name
        ("is the CDP finished?", "customer data platform"),
        ("what's the status of the serch indexer?", "search indexer"),  # a typo: the similarity search
    ],
)
async def test_links_the_item_named(engine: QueryEngine, question: str, entity: str) -> None:
    answer = await engine.ask(question)
    assert answer.intent == Intent.CURRENT_STATUS and answer.data["entity"].lower() == entity.lower()


async def test_a_name_two_items_share_asks_which(engine: QueryEngine) -> None:
    answer = await engine.ask("what's the status of search?")
    assert {c["name"].lower() for c in answer.data["candidates"]} == {"search service", "search indexer"}
