"""Durable jobs in the real Neo4j: atomic claims under concurrency, leases, retries with backoff, resumption."""

from __future__ import annotations

import asyncio
import json

import pytest

from app.config import Settings
from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.jobs import Job, JobRunner
from app.ingest.models import IngestMode, IngestResult, MeetingInput
from app.ingest.pipeline import IngestPipeline
from app.ingest.requests import IngestRequest
from tests.conftest import SEED

pytestmark = pytest.mark.anyio



def fast_settings(settings: Settings, **overrides: object) -> Settings:
    return settings.model_copy(
        update={"job_poll_interval_s": 0.05, "job_backoff_base_s": 0.05, "job_backoff_max_s": 0.2, **overrides}
    )


async def create_jobs(graph: Graph, count: int, payload: str = "{}", max_attempts: int = 3) -> list[str]:
    ids = [f"job-{i:03d}" for i in range(count)]
    for job_id in ids:
        await graph.write("jobs/create_job", id=job_id, payload=payload, external_id=None, request_id=None,
                          submitted_by=None, max_attempts=max_attempts)
    return ids


async def wait_until_finished(runner: JobRunner, job_id: str, timeout_s: float = 120) -> None:
    async with asyncio.timeout(timeout_s):
        while (job := await runner.get(job_id)) is None or job.status not in ("done", "failed"):
            await asyncio.sleep(0.1)


async def run_until_finished(runner: JobRunner, job_id: str) -> Job | None:
    runner.start()
    try:
        await wait_until_finished(runner, job_id, timeout_s=30)
    finally:
        await runner.close()
    return await runner.get(job_id)


async def test_concurrent_claimers_never_claim_the_same_job(graph: Graph, neo4j_settings: Settings) -> None:
    job_ids = await create_jobs(graph, 30)
    claimers = [Graph(neo4j_settings) for _ in range(4)]
    claimed: list[tuple[str, str]] = []

    async def claim_all(worker: str, own_graph: Graph) -> None:
        misses = 0
        while misses < 5:  # a lost race returns nothing; stop after a few empty polls in a row
            rows = await own_graph.write("jobs/claim_job", worker=worker, lease_ms=60_000)
            if rows:
                claimed.append((rows[0]["job"]["id"], worker))
                misses = 0
            else:
                misses += 1

    try:
        # every claimer connected first, so that none claims them all while the others are still connecting
        await asyncio.gather(*(g.read("system/server_components") for g in claimers))
        await asyncio.gather(*(claim_all(f"worker-{i}", g) for i, g in enumerate(claimers)))
    finally:
        for g in claimers:
            await g.close()
    ids = [job_id for job_id, _ in claimed]
    assert sorted(ids) == job_ids  # every job claimed, none twice
    assert len({worker for _, worker in claimed}) > 1  # the claimers really did race
    for job_id in job_ids:
        job = (await graph.read("jobs/get_job", id=job_id))[0]["job"]
        assert job["status"] == "running" and job["attempts"] == 1


async def test_a_job_whose_lease_lapsed_is_claimed_again(graph: Graph) -> None:
    [job_id] = await create_jobs(graph, 1)
    assert await graph.write("jobs/claim_job", worker="crashed", lease_ms=1)
    await asyncio.sleep(0.05)
    rows = await graph.write("jobs/claim_job", worker="survivor", lease_ms=60_000)
    assert rows and rows[0]["job"]["id"] == job_id and rows[0]["job"]["attempts"] == 2
    assert not await graph.write("jobs/claim_job", worker="third", lease_ms=60_000)  # the live lease holds


@pytest.mark.slow
async def test_runner_ingests_queued_and_abandoned_jobs_after_a_restart(graph: Graph, neo4j_settings: Settings) -> None:
    settings = fast_settings(neo4j_settings)
    pipeline = IngestPipeline(graph, get_embedder(settings.embedding_batch_size), RuleBasedExtractor())
    meetings = [IngestRequest.model_validate_json(p.read_text()).to_meeting() for p in SEED[:2]]
    before_restart = JobRunner(graph, pipeline, settings)  # never started: its jobs wait in Neo4j
    queued = await before_restart.submit(meetings[0])
    abandoned = await before_restart.submit(meetings[1])
    # A worker claims the second job and dies (lease of 1 ms, never renewed).
    await graph.write("jobs/claim_job", worker="dead-worker", lease_ms=1)

    runner = JobRunner(graph, pipeline, settings)
    runner.start()
    try:
        for job in (queued, abandoned):
            await wait_until_finished(runner, job.job_id)
    finally:
        await runner.close()
    done = [await runner.get(job.job_id) for job in (queued, abandoned)]
    assert [j.status for j in done if j] == ["done", "done"]
    assert all(j and j.meeting_id and j.result and j.result.memories > 0 for j in done)


async def test_failures_are_retried_with_backoff_then_recorded(graph: Graph, neo4j_settings: Settings) -> None:
    settings = fast_settings(neo4j_settings)
    pipeline = IngestPipeline(graph, get_embedder(settings.embedding_batch_size), RuleBasedExtractor())
    [job_id] = await create_jobs(graph, 1, payload=json.dumps({"title": "no turns"}), max_attempts=3)
    job = await run_until_finished(JobRunner(graph, pipeline, settings), job_id)
    assert job is not None and job.status == "failed" and job.attempts == 3
    assert job.error and job.error.startswith("the queued meeting is not valid") and job.finished_at is not None
    assert "date" in job.error and "turns" in job.error


class DriverFailingPipeline(IngestPipeline):
    """Fails in Neo4j itself, as a write that the database refuses does."""

    async def ingest(self, meeting: MeetingInput, mode: IngestMode = "sync") -> IngestResult:
        await self.graph.driver.execute_query("UNWIND [1, 0] AS n RETURN 1 / n AS secret_statement_text")
        raise AssertionError("unreachable")


async def test_a_failed_jobs_error_is_a_clear_message_not_the_drivers(graph: Graph, neo4j_settings: Settings) -> None:
    settings = fast_settings(neo4j_settings)
    pipeline = DriverFailingPipeline(graph, get_embedder(settings.embedding_batch_size), RuleBasedExtractor())
    meeting = IngestRequest.model_validate_json(SEED[0].read_text()).to_meeting()
    [job_id] = await create_jobs(graph, 1, payload=meeting.model_dump_json(), max_attempts=1)
    job = await run_until_finished(JobRunner(graph, pipeline, settings), job_id)
    assert job is not None and job.status == "failed" and job.error
    assert "the graph database refused" in job.error
    assert not any(raw in job.error for raw in ("Neo.", "/ by zero", "secret_statement_text", "{"))
