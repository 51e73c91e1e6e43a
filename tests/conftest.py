"""A real Neo4j for every test: NEO4J_URI when set; else testcontainers when a Docker engine answers;
else a throwaway instance from the project's own launcher on free ports, started once per session."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.graph.driver import Graph
from app.graph.migrations import empty_graph, migrate
from app.graph.server import throwaway_neo4j
from app.live import running_api

TEST_PASSWORD = "smartmeet-test-password"
SEED = sorted((Path(__file__).resolve().parents[1] / "seed").glob("*.json"))  # the sample meetings


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    if os.environ.get("NEO4J_URI"):
        yield Settings(_env_file=None)
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26-community", password=TEST_PASSWORD) as container:
            yield Settings(_env_file=None, neo4j_uri=container.get_connection_url(), neo4j_password=TEST_PASSWORD)
        return
    with throwaway_neo4j(TEST_PASSWORD, heap="1g", pagecache="512m") as settings:
        yield settings


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def graph(neo4j_settings: Settings) -> AsyncIterator[Graph]:
    """A migrated, empty graph."""
    graph = Graph(neo4j_settings)
    await migrate(graph)
    await graph.run_auto_commit("system/delete_all_data")
    yield graph
    await graph.close()


class LiveServer:
    def __init__(self, base_url: str, settings: Settings) -> None:
        self.base_url = base_url
        self.settings = settings

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=60)


@pytest.fixture(scope="session")
def live_server(neo4j_settings: Settings) -> Iterator[LiveServer]:
    """The real API with auth disabled; tests/api/test_security.py runs one with auth on.

    Its job worker runs the jobs its own requests queue but does not poll, so it never claims the jobs that
    tests/ingest/test_jobs.py creates in the same graph."""
    settings = neo4j_settings.model_copy(update={"auth_disabled": True, "job_poll_interval_s": 3600})
    with running_api(settings) as base_url:
        yield LiveServer(base_url, neo4j_settings)


@pytest.fixture
def api(live_server: LiveServer, neo4j_settings: Settings) -> Iterator[httpx.Client]:
    """An HTTP client for the live API over an emptied graph."""
    import anyio

    anyio.run(empty_graph, neo4j_settings)
    with live_server.client() as client:
        yield client


def load_seed(settings: Settings) -> None:
    """Empties the graph and ingests seed/*.json through the pipeline (what `make run` loads), with no request
    timeout in the way on a busy machine."""
    import anyio

    from app.ingest.requests import IngestRequest
    from app.services import build_services

    async def load() -> None:
        services = build_services(settings)
        try:
            await services.ensure_schema()
            await services.graph.run_auto_commit("system/delete_all_data")
            for path in SEED:
                await services.pipeline.ingest(IngestRequest.model_validate_json(path.read_text()).to_meeting())
        finally:
            await services.close()

    anyio.run(load)
