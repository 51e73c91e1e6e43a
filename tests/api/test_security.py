"""API keys, scopes, rate limits and request ids over the real HTTP API with auth on (the default)."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

import anyio
import httpx
import pytest
from pydantic import SecretStr

from app.config import DEFAULT_NEO4J_PASSWORD, Settings
from app.graph.driver import Graph
from app.security.keys import KeyStore, Scope
from app.live import running_api
from tests.conftest import SEED

T = TypeVar("T")
NewKey = Callable[..., str]
RATE_BURST = 30
CACHE_S = 0.3


@pytest.fixture(scope="module")
def secured(neo4j_settings: Settings) -> Iterator[httpx.Client]:
    settings = neo4j_settings.model_copy(
        update={"auth_disabled": False, "rate_limit_per_s": 1.0, "rate_limit_burst": RATE_BURST,
                "api_key_cache_s": CACHE_S}
    )
    with running_api(settings) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        yield client


def keys(settings: Settings, work: Callable[[KeyStore], Awaitable[T]]) -> T:
    async def run() -> T:
        graph = Graph(settings)
        try:
            return await work(KeyStore(graph, cache_s=0))
        finally:
            await graph.close()

    return anyio.run(run)


@pytest.fixture
def new_key(neo4j_settings: Settings) -> NewKey:
    return lambda *scopes: keys(neo4j_settings, lambda store: store.create([Scope(s) for s in scopes], "test")).key


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_a_request_without_a_valid_key_is_401_with_a_challenge(secured: httpx.Client) -> None:
    missing = secured.get("/api/entities")
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert missing.headers["content-type"] == "application/problem+json" and "API key" in missing.json()["detail"]
    for wrong in ("smg_0123456789ab_" + "x" * 43, "not-a-key", "smg_"):
        response = secured.get("/api/entities", headers=bearer(wrong))
        assert response.status_code == 401 and "www-authenticate" in response.headers


def test_keys_work_as_bearer_or_x_api_key_and_need_the_routes_scope(secured: httpx.Client, new_key: NewKey) -> None:
    reader, writer = new_key("read"), new_key("write")
    assert secured.get("/api/entities", headers=bearer(reader)).status_code == 200
    assert secured.get("/api/entities", headers={"X-API-Key": reader}).status_code == 200
    meeting = json.loads(SEED[0].read_text())
    forbidden = secured.post("/api/ingest", json=meeting, headers=bearer(reader))
    assert forbidden.status_code == 403 and "'write' scope" in forbidden.json()["detail"]
    assert secured.get("/api/entities", headers=bearer(writer)).status_code == 403
    assert secured.post("/api/ingest", json=meeting, headers=bearer(writer)).status_code in (200, 201)


def test_a_body_without_a_key_is_401_whatever_its_shape(secured: httpx.Client, new_key: NewKey) -> None:
    """Authentication comes before the body is read: no key is 401 for malformed JSON too, never a 422."""
    json_type = {"Content-Type": "application/json"}
    for body in (b"{not json", b'{"question": 42}', b"\xff\xfe"):
        for path in ("/api/query", "/api/ingest", "/api/admin/entities/merge"):
            response = secured.post(path, content=body, headers=json_type)
            assert response.status_code == 401, (path, body, response.text)
            assert "www-authenticate" in response.headers
    reader = bearer(new_key("read"))
    assert secured.post("/api/ingest", content=b"{not json", headers=json_type | reader).status_code == 403
    malformed = secured.post("/api/query", content=b"{not json", headers=json_type | reader)
    assert malformed.status_code == 422 and malformed.json()["detail"][0]["type"] == "json_invalid"


def test_whoever_queued_a_job_can_follow_it_with_the_same_key(secured: httpx.Client, new_key: NewKey) -> None:
    writer, other_writer, reader = new_key("write"), new_key("write"), new_key("read")
    meeting = json.loads(SEED[1].read_text()) | {"external_id": "queued-by-a-writer"}
    queued = secured.post("/api/ingest", params={"async": "true"}, json=meeting, headers=bearer(writer))
    assert queued.status_code == 202, queued.text
    job = queued.headers["location"]
    own = secured.get(job, headers=bearer(writer))
    assert own.status_code == 200 and own.json()["job_id"] == queued.json()["job_id"]
    assert "submitted_by" not in own.json()
    with secured.stream("GET", f"{job}/events", headers=bearer(writer)) as events:
        assert events.status_code == 200
    assert secured.get(job, headers=bearer(reader)).status_code == 200
    someone_else = secured.get(job, headers=bearer(other_writer))
    assert someone_else.status_code == 403 and "'read' scope" in someone_else.json()["detail"]
    assert secured.get(f"{job}/events", headers=bearer(other_writer)).status_code == 403


def test_a_revoked_key_stops_working_once_the_cache_expires(
    secured: httpx.Client, new_key: NewKey, neo4j_settings: Settings
) -> None:
    key = new_key("read")
    assert secured.get("/api/entities", headers=bearer(key)).status_code == 200
    key_id = key.split("_")[1]
    assert keys(neo4j_settings, lambda store: store.revoke(key_id)).revoked
    time.sleep(CACHE_S + 0.1)
    assert secured.get("/api/entities", headers=bearer(key)).status_code == 401
    listed = keys(neo4j_settings, lambda store: store.list())
    assert [k.revoked for k in listed if k.key_id == key_id] == [True]


def test_health_metrics_and_docs_are_open(secured: httpx.Client) -> None:
    assert secured.get("/health").status_code == 200
    assert secured.get("/metrics").status_code == 200
    assert secured.get("/openapi.json").status_code == 200


def test_each_key_is_rate_limited_with_retry_after(secured: httpx.Client, new_key: NewKey) -> None:
    key, other = new_key("read"), new_key("read")
    codes = [secured.get("/api/entities", headers=bearer(key)).status_code for _ in range(RATE_BURST + 3)]
    assert codes[:RATE_BURST] == [200] * RATE_BURST and codes[-1] == 429
    limited = secured.get("/api/entities", headers=bearer(key))
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert secured.get("/api/entities", headers=bearer(other)).status_code == 200  # buckets are per key


def test_request_ids_are_echoed_or_generated(secured: httpx.Client) -> None:
    assert secured.get("/health", headers={"X-Request-ID": "trace-42"}).headers["x-request-id"] == "trace-42"
    generated = secured.get("/health").headers["x-request-id"]
    assert len(generated) == 32 and generated != secured.get("/health").headers["x-request-id"]
    assert secured.get("/health", headers={"X-Request-ID": "bad id;"}).headers["x-request-id"] != "bad id;"


def test_metrics_label_requests_by_route_template(secured: httpx.Client) -> None:
    secured.get("/api/entities/some-id-that-does-not-exist")
    text = secured.get("/metrics").text
    assert 'route="/api/entities/{entity_id}"' in text and "some-id-that-does-not-exist" not in text
    for name in ("smartmeet_http_request_duration_seconds", "smartmeet_auth_failures_total",
                 "smartmeet_ingest_stage_duration_seconds", "smartmeet_llm_calls_total"):
        assert name in text


def test_every_api_operation_needs_the_scope_for_what_it_does(secured: httpx.Client, new_key: NewKey) -> None:
    """Reads need `read` (POST /api/query is a read), other writes `write`, /api/admin/* `admin`."""
    reader, writer = new_key("read"), new_key("write")
    operations = [
        (method.upper(), path, spec)
        for path, item in secured.get("/openapi.json").json()["paths"].items() if path.startswith("/api")
        for method, spec in item.items()
    ]
    assert operations
    for method, path, spec in operations:
        assert spec.get("security"), f"{method} {path} declares no API-key security"
        url = re.sub(r"{[^}]+}", "x", path)
        reads = method == "GET" or path == "/api/query"
        needed = "admin" if path.startswith("/api/admin") else "read" if reads else "write"
        for key, scope in ((reader, "read"), (writer, "write")):
            code = secured.request(method, url, headers=bearer(key)).status_code
            assert (code == 403) == (scope != needed), f"{method} {path} with a {scope} key answered {code}"


def test_requests_without_a_valid_key_are_rate_limited_per_client_address(neo4j_settings: Settings) -> None:
    settings = neo4j_settings.model_copy(
        update={"auth_disabled": False, "rate_limit_per_s": 0.01, "rate_limit_burst": 5}
    )
    with running_api(settings) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        codes = [client.get("/api/entities", headers=h).status_code for h in [{}, bearer("not-a-key")] * 5]
        limited = client.get("/api/entities")
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}, codes
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


# the refusal is uvicorn's startup exiting in the server's thread, which pytest reports as an unhandled exception
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_server_with_auth_on_refuses_the_default_neo4j_password(neo4j_settings: Settings) -> None:
    settings = neo4j_settings.model_copy(
        update={"auth_disabled": False, "neo4j_password": SecretStr(DEFAULT_NEO4J_PASSWORD)}
    )
    with pytest.raises(RuntimeError, match="did not start"), running_api(settings):
        pass
