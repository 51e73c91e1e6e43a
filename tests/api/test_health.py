"""/health answers 503 while Neo4j is down and recovers when it returns, without restarting the API."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.graph.server import Neo4jServer, free_port
from app.live import running_api
from tests.conftest import TEST_PASSWORD


def wait_for(client: httpx.Client, status: int, timeout_s: float = 120) -> httpx.Response:
    deadline = time.monotonic() + timeout_s
    while True:
        response = client.get("/health")
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


@pytest.mark.slow
def test_health_reports_neo4j_down_and_recovers(tmp_path: Path) -> None:
    bolt = free_port()
    settings = Settings(
        _env_file=None, neo4j_uri=f"bolt://127.0.0.1:{bolt}", neo4j_bolt_port=bolt, neo4j_http_port=free_port(),
        neo4j_data_dir=tmp_path / "neo4j", neo4j_password=TEST_PASSWORD, neo4j_heap_size="512m",
        neo4j_pagecache_size="128m", auth_disabled=True,
    )
    server = Neo4jServer(settings)
    server.start()
    try:
        with running_api(settings) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
            healthy = wait_for(client, 200)
            assert healthy.status_code == 200
            body = healthy.json()
            assert body["neo4j"]["version"].startswith("5.26")
            assert body["schema_version"] >= 14
            assert body["vector_indexes"]["memory_embedding"]["state"] == "ONLINE"

            server.stop()
            down = wait_for(client, 503)
            assert down.status_code == 503 and "Retry-After" in down.headers
            assert "unreachable" in down.json()["reason"]

            server.start()
            assert wait_for(client, 200).status_code == 200
    finally:
        server.stop()
