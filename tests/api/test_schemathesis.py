"""Property-based requests from the OpenAPI schema against the live API (auth on), with every schemathesis check:
no 5xx, and each response's status, content type, headers and body as the schema documents them, valid requests
accepted, invalid ones rejected, and requests without a key refused.

Bounded to a few dozen examples per operation so that it stays a few minutes."""

from __future__ import annotations

from collections.abc import Iterator

import anyio
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.config import Settings
from app.graph.driver import Graph
from app.live import running_api
from app.main import create_app
from app.security.keys import KeyStore, Scope
from tests.conftest import load_seed

pytestmark = pytest.mark.slow

# The app's own schema (building the app connects to nothing); the requests go to the live server over HTTP.
schema = schemathesis.openapi.from_dict(create_app(Settings(_env_file=None, log_json=False)).openapi())


@pytest.fixture(scope="module")
def secured(neo4j_settings: Settings) -> Iterator[tuple[str, dict[str, str]]]:
    """The seed meetings behind a server with auth on; yields its URL and the headers of a key with every scope."""
    load_seed(neo4j_settings)

    async def new_key() -> str:
        graph = Graph(neo4j_settings)
        try:
            return (await KeyStore(graph, cache_s=0).create(list(Scope), "schemathesis")).key
        finally:
            await graph.close()

    key = anyio.run(new_key)
    server = neo4j_settings.model_copy(update={"auth_disabled": False, "rate_limit_per_s": 10_000.0,
                                               "rate_limit_burst": 10_000, "job_poll_interval_s": 3600})
    with running_api(server) as base_url:
        yield base_url, {"Authorization": f"Bearer {key}"}


# Rules that JSON Schema cannot state, so schema-valid requests that break them are rightly refused (422) and the
# positive_data_acceptance check cannot pass there; every other check still runs on these operations.
BEYOND_THE_SCHEMA = {
    "POST /api/ingest/file": "the file must hold transcript turns (text, WebVTT or SRT), which no schema can describe",
    "POST /api/admin/entities/merge": "the target must not also be a source (a relation between two fields)",
    "PATCH /api/admin/entities/{entity_id}": "no alias both added and removed, compared case-insensitively",
    "POST /api/catalogue": "rows must name distinct items (names compared normalised), and a CSV text or file holds "
                           "rows with a header that no schema can describe",
    "GET /api/action-items": "a cursor must be one the API handed out (the key of the last item of a page)",
}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_does_what_the_schema_says(case: schemathesis.Case, secured: tuple[str, dict[str, str]]) -> None:
    base_url, headers = secured
    excluded = [positive_data_acceptance] if case.operation.label in BEYOND_THE_SCHEMA else []
    case.call_and_validate(base_url=base_url, headers=headers, excluded_checks=excluded, timeout=120)
