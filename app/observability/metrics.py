"""Prometheus metrics of one API process, served at /metrics.

Other modules increment these directly, e.g. `metrics.LLM_CALLS.labels(model=..., outcome="ok").inc()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, disable_created_metrics, generate_latest

if TYPE_CHECKING:  # the pipeline (and the LLM client it uses) import this module
    from app.ingest.pipeline import IngestResult

disable_created_metrics()
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

HTTP_REQUESTS = Counter(
    "smartmeet_http_requests_total", "HTTP requests by method, route template and status", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "smartmeet_http_request_duration_seconds", "HTTP request latency by route template", ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
QUERY_LATENCY = Histogram(
    "smartmeet_query_duration_seconds", "Time to answer a question, by detected intent", ["intent"],
    buckets=LATENCY_BUCKETS,
)
INGEST_STAGE = Histogram(
    "smartmeet_ingest_stage_duration_seconds", "Ingestion time per stage (chunk, extract, embed, resolve, diff, write)",
    ["stage"], buckets=LATENCY_BUCKETS,
)
INGESTED_MEETINGS = Counter(
    "smartmeet_ingest_meetings_total", "Meetings ingested, by outcome (created|replaced|unchanged) and mode (sync|job)",
    ["status", "mode"],
)
ENTITIES_CREATED = Counter("smartmeet_ingest_entities_total", "Work items written by ingestion")
TRANSITIONS_CREATED = Counter("smartmeet_ingest_state_transitions_total", "State versions written by ingestion")
LLM_CALLS = Counter("smartmeet_llm_calls_total", "Calls to the LLM endpoint, by model and outcome (ok|error)",
                    ["model", "outcome"])
LLM_LATENCY = Histogram("smartmeet_llm_call_duration_seconds", "LLM call latency by model", ["model"],
                        buckets=LATENCY_BUCKETS)
LLM_TOKENS = Counter("smartmeet_llm_tokens_total", "LLM tokens by model and kind (prompt|completion)",
                     ["model", "kind"])
CACHE_LOOKUPS = Counter("smartmeet_cache_lookups_total", "In-process cache lookups by cache name and result (hit|miss)",
                        ["cache", "result"])
NEO4J_ERRORS = Counter("smartmeet_neo4j_errors_total", "Neo4j errors seen, by kind (unavailable|other) and where",
                       ["kind", "where"])
JOBS = Counter("smartmeet_jobs_total", "Ingestion jobs by event (submitted|claimed|done|retried|failed)", ["event"])
JOBS_RUNNING = Gauge("smartmeet_jobs_running", "Ingestion jobs this process is working on")
AUTH_FAILURES = Counter("smartmeet_auth_failures_total", "Rejected requests by reason (missing|invalid|scope)",
                        ["reason"])
RATE_LIMITED = Counter("smartmeet_rate_limited_total", "Requests refused with 429")


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    HTTP_REQUESTS.labels(method, route, str(status)).inc()
    HTTP_LATENCY.labels(method, route).observe(seconds)


def observe_ingest(result: IngestResult, mode: str) -> None:
    INGESTED_MEETINGS.labels(result.status, mode).inc()
    for stage, ms in result.timings_ms.items():
        INGEST_STAGE.labels(stage).observe(ms / 1000)
    ENTITIES_CREATED.inc(result.entities)
    TRANSITIONS_CREATED.inc(result.states)


def cache_lookup(cache: str, hit: bool) -> None:
    CACHE_LOOKUPS.labels(cache, "hit" if hit else "miss").inc()


def exposition() -> tuple[bytes, str]:
    return generate_latest(), CONTENT_TYPE_LATEST
