"""Arbitrary unicode, Lucene syntax and lone surrogates through every route that reads user text: never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Iterator

import anyio
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.config import Settings
from app.graph.migrations import empty_graph
from tests.api.test_ingest_api import seed
from app.live import running_api

LUCENE = list('()[]{}^"/~*?:\\+-!&| ') + ["AND", "OR", "NOT", "&&", "||"]
SHAPES = ["", "status of ", "what is blocking ", "who owns ", "how far along is ", "what depends on ",
          "what has {} got on her plate? ", "what did we decide about ", "what changed since "]
# Letters of any script (no surrogates: those are tested apart), mixed with Lucene's syntax.
piece = st.one_of(st.text(min_size=1, max_size=6), st.sampled_from(LUCENE), st.sampled_from(["ö", "李雷", "Иван"]))
hostile = st.builds(lambda shape, parts: shape + " ".join(parts), st.sampled_from(SHAPES),
                    st.lists(piece, min_size=1, max_size=8))
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings) -> Iterator[httpx.Client]:
    """Its own server, so the first request may take as long as loading the embedding model on a busy machine."""
    anyio.run(empty_graph, neo4j_settings)
    settings = neo4j_settings.model_copy(update={"auth_disabled": True, "job_poll_interval_s": 3600,
                                                "request_timeout_s": 600})
    with running_api(settings) as base_url, httpx.Client(base_url=base_url, timeout=600) as client:
        seed(client)
        yield client


def _no_5xx(response: httpx.Response) -> None:
    assert response.status_code < 500, (response.request.url, response.request.content, response.text)


@FUZZ
@given(question=hostile)
def test_questions_never_answer_5xx(client: httpx.Client, question: str) -> None:
    _no_5xx(client.post("/api/query", json={"question": question}))


@FUZZ
@given(q=hostile)
def test_search_and_entity_lookup_never_answer_5xx(client: httpx.Client, q: str) -> None:
    _no_5xx(client.get("/api/search", params={"q": q[:1000]}))
    _no_5xx(client.get("/api/entities", params={"q": q[:200]}))


def test_the_reported_questions_are_answered(client: httpx.Client) -> None:
    reported = ["status of ö( ü", "what is blocking ö ( ö?", "who owns [李雷]?", 'status of "ü~^/']
    for question in reported:
        assert client.post("/api/query", json={"question": question}).status_code == 200, question


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(text=st.text(st.characters(codec=None, categories=["Cs", "Lu", "Ll", "Po"]), min_size=1, max_size=20))
def test_lone_surrogates_in_a_question_are_a_422_or_answered(client: httpx.Client, text: str) -> None:
    body = json.dumps({"question": "status of " + text}).encode()  # ensure_ascii keeps surrogates as \\udxxx
    response = client.post("/api/query", content=body, headers={"content-type": "application/json"})
    _no_5xx(response)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        assert response.status_code == 422 and "question" in response.text


@pytest.mark.parametrize("field", ["title", "transcript", "participants", "turns"])
@pytest.mark.parametrize("force_async", [False, True])
def test_a_lone_surrogate_in_a_meeting_is_a_422_naming_the_field(
    client: httpx.Client, field: str, force_async: bool
) -> None:
    meeting: dict = {"title": "Stand-up", "date": "2026-02-02", "transcript": "Priya: The ledger is done."}
    bad = "Priya \ud800"
    if field == "turns":
        meeting.pop("transcript")
        meeting["turns"] = [{"speaker": "Priya", "text": bad}]
    else:
        meeting[field] = [bad] if field == "participants" else bad
    raw = json.dumps(meeting).encode()  # ensure_ascii sends the surrogate as the escape \\ud800
    response = client.post("/api/ingest", params={"async": force_async}, content=raw,
                           headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text
    assert field in {str(part) for error in response.json()["detail"] for part in error["loc"]}
