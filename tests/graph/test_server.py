"""The launcher against a real Neo4j: throwaway instance on free ports with a temporary data dir."""

from __future__ import annotations

import shutil
import socket
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from pydantic import SecretStr

from app.config import Settings
from app.graph.server import Neo4jServer, PortInUseError, free_port, throwaway_neo4j

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None or shutil.which("mvn") is None, reason="needs Java 17+ and Maven"),
]

PASSWORD = "test-password-123"


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(bolt_port: int | None = None) -> Settings:
        return Settings(
            _env_file=None,
            neo4j_data_dir=tmp_path / "neo4j",
            neo4j_bolt_port=bolt_port or free_port(),
            neo4j_http_port=free_port(),
            neo4j_heap_size="512m",
            neo4j_pagecache_size="128m",
            neo4j_password=SecretStr(PASSWORD),
        )

    return make


@pytest.fixture
def server(make_settings: Callable[..., Settings]) -> Iterator[Neo4jServer]:
    server = Neo4jServer(make_settings())
    yield server
    server.stop()


def test_start_query_restart_and_stop(server: Neo4jServer) -> None:
    status = server.start()

    assert status.running and status.pid is not None
    assert status.version == server.settings.neo4j_version
    assert status.data_dir == server.data_dir
    assert (server.data_dir / "conf" / "neo4j.conf").is_file()
    assert (server.data_dir / "logs" / "neo4j.log").is_file()
    with GraphDatabase.driver(status.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1
    with urllib.request.urlopen(status.browser_url, timeout=10) as response:
        assert response.status == 200

    assert server.start() == status

    server.stop()
    assert not server.status().running
    server.stop()
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", server.settings.neo4j_bolt_port))


def test_port_taken_by_something_else_is_a_clear_error(make_settings: Callable[..., Settings]) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = int(squatter.getsockname()[1])
        server = Neo4jServer(make_settings(bolt_port=port))

        with pytest.raises(PortInUseError, match=f"port {port} "):
            server.start()

    assert not server.status().running


def test_a_throwaway_instance_answers_and_leaves_nothing_behind() -> None:
    with throwaway_neo4j(PASSWORD, heap="512m", pagecache="128m") as settings:
        home = settings.neo4j_data_dir
        with GraphDatabase.driver(settings.neo4j_uri, auth=("neo4j", PASSWORD)) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS one")
        assert records[0]["one"] == 1

    assert not home.exists()
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", settings.neo4j_bolt_port))
