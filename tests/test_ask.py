"""`smartmeet ask` against the live API (--api) and against the local graph from settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import app
from tests.conftest import LiveServer, load_seed

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Who owns the checkout redesign?"


@pytest.fixture
def seeded(api: httpx.Client, live_server: LiveServer) -> LiveServer:
    load_seed(live_server.settings)
    return live_server


def test_ask_a_remote_api_prints_the_answer_its_sources_and_the_cypher(seeded: LiveServer) -> None:
    result = CliRunner().invoke(app, ["ask", QUESTION, "--api", seeded.base_url, "--cypher"])
    assert result.exit_code == 0, result.output
    answer, _, rest = result.output.partition("\nSources:\n")
    assert "ines duarte" in answer.lower()
    sources, _, cypher = rest.partition("\nCypher:\n")
    assert "seed-0" in sources and "2026-03-" in sources and "“" in sources
    assert "MATCH" in cypher and "// parameters:" in cypher

    raw = CliRunner().invoke(app, ["ask", QUESTION, "--api", seeded.base_url, "--json"])
    parsed = json.loads(raw.output)
    assert parsed["intent"] and parsed["sources"][0]["date"].startswith("2026-") and parsed["sources"][0]["speakers"]


def test_ask_reports_a_refused_or_unreachable_api_without_a_traceback(seeded: LiveServer) -> None:
    bad = CliRunner().invoke(app, ["ask", " ", "--api", seeded.base_url])
    assert bad.exit_code == 1 and "HTTP 422" in bad.output
    down = CliRunner().invoke(app, ["ask", QUESTION, "--api", "http://127.0.0.1:9"])
    assert down.exit_code == 1 and "error:" in down.output


def test_ask_the_local_graph(seeded: LiveServer) -> None:
    settings = seeded.settings
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
           "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "app.cli", "ask", QUESTION], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "ines duarte" in done.stdout.lower() and "Sources:" in done.stdout and "Cypher:" not in done.stdout
