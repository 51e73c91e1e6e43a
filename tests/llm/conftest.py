"""The fake OpenAI-compatible server (a real HTTP server on loopback) and settings that point the client at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import Settings
from app.graph.server import free_port
from tests.llm.fake_openai import FakeOpenAI, FakeServer


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeOpenAI]:
    server = FakeServer(free_port())
    yield server.start()
    server.stop()


@pytest.fixture
def fake_openai(fake_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    fake_server.reset()
    yield fake_server
    fake_server.reset()


def settings_for(fake: FakeOpenAI, cache_dir: Path | None, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "llm_base_url": fake.base_url,
        "llm_api_key": "test-key",
        "llm_model": "primary",
        "llm_timeout_s": 10.0,
        "llm_max_attempts": 3,
        "llm_retry_initial_s": 0.01,
        "llm_retry_max_s": 0.05,
        "llm_breaker_failures": 3,
        "llm_breaker_cooldown_s": 60.0,
        "llm_daily_token_budget": 0,
        "llm_cache_dir": cache_dir,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def llm_settings(fake_openai: FakeOpenAI, tmp_path: Path) -> Settings:
    return settings_for(fake_openai, tmp_path / "llm-cache")
