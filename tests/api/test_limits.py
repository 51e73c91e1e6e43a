"""Request body and time limits over the real HTTP API: 413 before a huge body is read, 504 on a slow request."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from app.config import Settings
from app.live import running_api
from tests.conftest import SEED

MAX_BYTES = 20_000
TIMEOUT_S = 0.05


@pytest.fixture(scope="module")
def limited(neo4j_settings: Settings) -> Iterator[httpx.Client]:
    settings = neo4j_settings.model_copy(
        update={"auth_disabled": True, "max_request_bytes": MAX_BYTES, "request_timeout_s": TIMEOUT_S}
    )
    with running_api(settings) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        yield client


def big_meeting() -> dict:
    return {"title": "Long", "date": "2026-01-05", "transcript": "Ana: " + "word " * (MAX_BYTES // 5)}


def test_a_declared_oversized_body_is_refused_with_413(limited: httpx.Client) -> None:
    response = limited.post("/api/ingest", json=big_meeting())
    assert response.status_code == 413 and response.headers["content-type"] == "application/problem+json"
    assert str(MAX_BYTES) in response.json()["detail"]


def test_a_streamed_oversized_body_is_refused_with_413(limited: httpx.Client) -> None:
    payload = json.dumps(big_meeting()).encode()
    chunks = (payload[i : i + 4096] for i in range(0, len(payload), 4096))  # no Content-Length: chunked
    response = limited.post("/api/ingest", content=chunks, headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["status"] == 413


def test_a_request_that_takes_too_long_is_answered_504(limited: httpx.Client) -> None:
    meeting = json.loads(SEED[0].read_text()) | {"external_id": "too-slow"}
    response = limited.post("/api/ingest", json=meeting)
    assert response.status_code == 504 and response.headers["content-type"] == "application/problem+json"
    assert "x-request-id" in response.headers
