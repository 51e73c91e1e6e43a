"""Text-to-Cypher for questions the parser cannot place: the generated query is checked before it runs
(EXPLAIN must say read-only, no procedures, nothing outside the meeting graph) and runs with a row limit.
Also the optional LLM wording of answers, on the same client."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date

import pytest

from app.config import PROJECT_ROOT
from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.models import MeetingInput
from app.ingest.parse import parse_text
from app.ingest.pipeline import IngestPipeline
from app.llm.client import LLMClient
from app.llm.metrics import LLMMetrics
from app.llm.wording import AnswerWriter
from app.query import answers
from app.query.engine import QueryEngine
from app.query.text_to_cypher import INTENT, TextToCypher
from tests.llm.conftest import settings_for
from tests.llm.fake_openai import FakeOpenAI

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


def seed(name: str) -> MeetingInput:
    raw = json.loads((PROJECT_ROOT / "seed" / name).read_text())
    return MeetingInput(title=raw["title"], date=date.fromisoformat(raw["date"]), participants=raw["participants"],
                        external_id=raw["external_id"], turns=parse_text(raw["transcript"]))


@pytest.fixture
async def seeded(graph: Graph) -> AsyncIterator[Graph]:
    pipeline = IngestPipeline(graph, get_embedder(), RuleBasedExtractor())
    for name in ("seed-01.json", "seed-02.json"):
        await pipeline.ingest(seed(name))
    yield graph


def generated(fake: FakeOpenAI, query: str) -> None:
    fake.default("GeneratedCypher", {"query": query, "explanation": "scripted"})


def text_to_cypher(graph: Graph, fake: FakeOpenAI, row_limit: int = 50) -> TextToCypher:
    return TextToCypher(graph, LLMClient(settings_for(fake, None), LLMMetrics()), row_limit=row_limit, timeout_s=5.0)


async def entity_count(graph: Graph) -> int:
    return len(await graph.read("queries/list_entities", q=None, type=None, limit=1000, offset=0))


@pytest.mark.parametrize("query", [
    "MATCH (e:Entity) DETACH DELETE e",
    "CREATE (x:Entity {name: 'Injected'}) RETURN x.name AS name",
    "MATCH (e:Entity) SET e.name = 'renamed' RETURN e.name AS name",
    "MERGE (e:Entity {name: 'Injected'}) RETURN e.name AS name",
])
async def test_a_generated_write_query_is_refused_before_it_runs(seeded: Graph, fake_openai: FakeOpenAI, query: str) -> None:
    before = await entity_count(seeded)
    generated(fake_openai, query)

    answer = await text_to_cypher(seeded, fake_openai).answer("Please tidy up the graph")

    assert answer is not None and answer.intent == INTENT and answer.cypher is None
    assert "not read-only" in answer.data["refused"]
    assert await entity_count(seeded) == before


@pytest.mark.parametrize(("query", "reason"), [
    ("CALL db.labels() YIELD label RETURN label", "ProcedureCall"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LoadCSV"),
    ("MATCH (s:SchemaMigration) RETURN s.version AS version", "outside the meeting graph: SchemaMigration, version"),
    ("MATCH (m:Memory) RETURN m.embedding AS vector", "outside the meeting graph: embedding"),
    ("MATCH (e:Entity RETURN e", "not valid Cypher"),
])
async def test_procedures_files_and_data_outside_the_meeting_graph_are_refused(
    seeded: Graph, fake_openai: FakeOpenAI, query: str, reason: str
) -> None:
    generated(fake_openai, query)

    answer = await text_to_cypher(seeded, fake_openai).answer("Show me everything")

    assert answer is not None and reason in answer.data["refused"]


async def test_a_read_query_runs_with_a_row_limit(seeded: Graph, fake_openai: FakeOpenAI) -> None:
    query = "MATCH (m:Memory)-[:PART_OF]->(meeting:Meeting) RETURN meeting.external_id AS meeting, m.turn_start AS turn"
    generated(fake_openai, query)

    answer = await text_to_cypher(seeded, fake_openai, row_limit=2).answer("List the transcript chunks")

    assert answer is not None and answer.intent == INTENT
    assert len(answer.data["rows"]) == 2 and answer.data["truncated"] is True
    assert answer.data["columns"] == ["meeting", "turn"]
    assert answer.cypher is not None and answer.cypher.statement == query
    assert answer.answer.startswith("2 results (first 2 shown of more): ")


async def test_unknown_questions_reach_the_generated_query_with_the_schema_in_the_prompt(
    seeded: Graph, fake_openai: FakeOpenAI
) -> None:
    generated(fake_openai, "MATCH (m:Meeting) RETURN m.title AS title, size(m.participants) AS people "
                           "ORDER BY people DESC, title LIMIT 1")
    engine = QueryEngine(seeded, get_embedder(), text_to_cypher=text_to_cypher(seeded, fake_openai))

    answer = await engine.ask("Which meeting had the most participants?")

    assert answer.intent == INTENT
    assert answer.data["rows"] == [{"title": "Platform weekly 1", "people": 4}]
    system = fake_openai.requests[-1].system
    assert "(:Entity:Project {" in system and "(:Entity)-[:DEPENDS_ON]->(:Entity)" in system
    assert "SchemaMigration" not in system and "name_embedding" not in system
    assert "Which meeting had the most participants?" == fake_openai.requests[-1].user


async def test_without_an_answering_model_unknown_questions_get_the_passages(seeded: Graph, fake_openai: FakeOpenAI) -> None:
    fake_openai.failing_models["primary"] = 500
    engine = QueryEngine(seeded, get_embedder(), text_to_cypher=text_to_cypher(seeded, fake_openai))

    answer = await engine.ask("Which meeting had the most participants?")

    assert answer.intent in ("search", "unknown") and answer.answer
    assert answer.intent == "unknown" or answer.sources


async def test_answers_can_be_worded_by_the_llm_and_keep_the_rule_text_when_it_fails(
    seeded: Graph, fake_openai: FakeOpenAI
) -> None:
    fake_openai.default("WordedAnswer", {"answer": "Atlas is in progress, at 55 percent."})
    writer = AnswerWriter(LLMClient(settings_for(fake_openai, None), LLMMetrics()))
    engine = QueryEngine(seeded, get_embedder(), writer=writer)
    rules = await QueryEngine(seeded, get_embedder()).ask("What is the status of Project Atlas?")

    worded = await engine.ask("What is the status of Project Atlas?")
    assert worded.answer == "Atlas is in progress, at 55 percent."
    assert worded.data == rules.data
    assert rules.answer in fake_openai.requests[-1].user

    fake_openai.failing_models["primary"] = 500
    kept = await engine.ask("What is the status of project atlas")
    assert kept.answer == rules.answer
