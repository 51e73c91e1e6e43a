"""Prometheus metrics of one API process, served at /metrics.

Other modules increment these directly, e.g. `metrics.JOBS.labels(event="done").inc()`; the LLM client's own
tally, `LLM_METRICS`, is read at each scrape instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, disable_created_metrics, generate_latest
from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector

from app.ingest.models import IngestMode, IngestResult
from app.llm.metrics import LLM_METRICS

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
    "smartmeet_ingest_meetings_total", "Meetings ingested, by outcome (created|replaced|unchanged) and mode (sync|job|backfill)",
    ["status", "mode"],
)
ENTITIES_CREATED = Counter("smartmeet_ingest_entities_total", "Work items written by ingestion")
TRANSITIONS_CREATED = Counter("smartmeet_ingest_state_transitions_total", "State versions written by ingestion")
LLM_LATENCY = Histogram("smartmeet_llm_call_duration_seconds", "LLM request latency by model, retries each counted",
                        ["model"], buckets=LATENCY_BUCKETS)
CACHE_LOOKUPS = Counter("smartmeet_cache_lookups_total", "In-process cache lookups by cache name and result (hit|miss)",
                        ["cache", "result"])
NEO4J_ERRORS = Counter("smartmeet_neo4j_errors_total", "Neo4j errors seen, by kind (unavailable|other) and where",
                       ["kind", "where"])
JOBS = Counter("smartmeet_jobs_total", "Ingestion jobs by event (submitted|claimed|done|retried|failed)", ["event"])
JOBS_RUNNING = Gauge("smartmeet_jobs_running", "Ingestion jobs this process is working on")
AUTH_FAILURES = Counter("smartmeet_auth_failures_total", "Rejected requests by reason (missing|invalid|scope)",
                        ["reason"])
RATE_LIMITED = Counter("smartmeet_rate_limited_total", "Requests refused with 429")


# LLM_METRICS fields exported as plain counters: field -> (metric name without _total, help)
LLM_COUNTERS = {
    "requests": ("smartmeet_llm_requests", "HTTP requests sent to the LLM endpoint, retries included"),
    "retries": ("smartmeet_llm_retries", "LLM requests retried after a 429, 5xx, timeout or dropped connection"),
    "cache_hits": ("smartmeet_llm_cache_hits", "LLM calls answered from the prompt cache"),
    "failures": ("smartmeet_llm_failures", "LLM calls no model could answer (the rules took over)"),
    "fallbacks": ("smartmeet_llm_fallbacks", "LLM calls answered by a model after the first"),
    "malformed": ("smartmeet_llm_malformed_replies", "LLM replies that did not fit the schema asked for"),
    "breaker_rejections": ("smartmeet_llm_breaker_rejections", "Models skipped because their circuit breaker was open"),
    "budget_refusals": ("smartmeet_llm_budget_refusals", "LLM calls refused because the daily token budget was spent"),
    "cost_usd": ("smartmeet_llm_cost_usd", "Estimated LLM spend in US dollars"),
}


class LLMUsageCollector(Collector):
    """`LLM_METRICS` as Prometheus counters, read at each scrape so the client keeps a single tally."""

    def collect(self) -> Iterator[Metric]:
        calls = CounterMetricFamily("smartmeet_llm_calls", "Calls asked of the LLM client, by task", labels=["task"])
        for task, count in LLM_METRICS.calls_by_task.items():
            calls.add_metric([task], count)
        yield calls
        tokens = CounterMetricFamily("smartmeet_llm_tokens", "LLM tokens by kind (input|output)", labels=["kind"])
        tokens.add_metric(["input"], LLM_METRICS.input_tokens)
        tokens.add_metric(["output"], LLM_METRICS.output_tokens)
        yield tokens
        for field, (name, documentation) in LLM_COUNTERS.items():
            yield CounterMetricFamily(name, documentation, value=getattr(LLM_METRICS, field))


REGISTRY.register(LLMUsageCollector())


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    HTTP_REQUESTS.labels(method, route, str(status)).inc()
    HTTP_LATENCY.labels(method, route).observe(seconds)


def observe_ingest(result: IngestResult, mode: IngestMode) -> None:
    INGESTED_MEETINGS.labels(result.status, mode).inc()
    for stage, ms in result.timings_ms.items():
        INGEST_STAGE.labels(stage).observe(ms / 1000)
    ENTITIES_CREATED.inc(result.entities)
    TRANSITIONS_CREATED.inc(result.states)


def cache_lookup(cache: str, hit: bool) -> None:
    CACHE_LOOKUPS.labels(cache, "hit" if hit else "miss").inc()


def exposition() -> tuple[bytes, str]:
    return generate_latest(), CONTENT_TYPE_LATEST
