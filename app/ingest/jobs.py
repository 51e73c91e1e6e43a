"""Durable background ingestion: jobs live in Neo4j as :Job nodes, so they survive restarts and any API process
may run them. Each process runs one worker that claims the oldest due job under a lease (renewed while it works),
retries failures with exponential backoff and records the reason once the attempts run out. A job whose worker
died is claimed again when its lease lapses; re-running is safe because ingestion is idempotent per meeting."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import secrets
import socket
import uuid
from datetime import datetime
from typing import Literal

from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel, Field, ValidationError

from app.config import Settings
from app.graph.driver import Graph, WriteConflict, is_unavailable
from app.ingest.backfill import in_date_order
from app.ingest.models import IngestResult, MeetingInput
from app.ingest.pipeline import IngestPipeline
from app.observability import metrics
from app.observability.logging import job_id_var, request_id_var

JobStatus = Literal["queued", "running", "done", "failed"]
FINISHED: tuple[JobStatus, ...] = ("done", "failed")
MAX_ERROR_CHARS = 1000
log = logging.getLogger(__name__)


class Job(BaseModel):
    job_id: str
    status: JobStatus
    external_id: str | None = None
    attempts: int = 0
    max_attempts: int
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None = None
    finished_at: datetime | None = None
    meeting_id: str | None = None
    result: IngestResult | None = None
    error: str | None = None
    request_id: str | None = None
    submitted_by: str | None = Field(default=None, exclude=True)  # a key id; never shown to other readers

    @classmethod
    def from_row(cls, row: dict) -> Job:
        result = row.get("result")
        return cls(
            job_id=row["id"],
            **{k: v for k, v in row.items() if k in cls.model_fields and k != "result"},
            result=IngestResult.model_validate_json(result) if result else None,
        )


class JobAccepted(BaseModel):
    """The 202 answer to an ingest queued as a job."""

    job_id: str
    status: JobStatus


class QueuedMeeting(JobAccepted):
    external_id: str | None = None


class BatchAccepted(BaseModel):
    """The 202 answer to a batch: one job per meeting, in the order they will be ingested (by date)."""

    jobs: list[QueuedMeeting]


class Claim(BaseModel):
    id: str
    payload: str | None  # a job without one fails like any bad payload, after its attempts
    request_id: str | None
    attempts: int
    max_attempts: int


def public_error(exc: Exception) -> str:
    """What a job's `error` tells whoever follows it. The exception itself (a driver's message quotes statements,
    codes and values; a validation error quotes the payload) goes to the server log only."""
    if isinstance(exc, ValidationError):
        fields = sorted({".".join(str(part) for part in e["loc"]) or "(the meeting)" for e in exc.errors()})
        return f"the queued meeting is not valid: {', '.join(fields)}"[:MAX_ERROR_CHARS]
    if isinstance(exc, WriteConflict):
        return str(exc)
    if is_unavailable(exc):
        return "the graph database was unreachable"
    if isinstance(exc, (Neo4jError, DriverError)):
        return "the graph database refused the meeting's write; the server log has the details"
    return "ingestion failed unexpectedly; the server log has the details"


class JobRunner:
    def __init__(self, graph: Graph, pipeline: IngestPipeline, settings: Settings) -> None:
        self.graph = graph
        self.pipeline = pipeline
        self.settings = settings
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def lease_ms(self) -> int:
        return int(self.settings.job_lease_s * 1000)

    async def submit(self, meeting: MeetingInput, submitted_by: str | None = None) -> Job:
        """Stores the job (the meeting is its payload) and wakes this process's worker; raises if Neo4j is down.

        `submitted_by` is the id of the API key that queued it: that key may follow the job without the read scope."""
        job_id = uuid.uuid4().hex
        rows = await self.graph.write(
            "jobs/create_job",
            id=job_id,
            payload=meeting.model_dump_json(),
            external_id=meeting.external_id,
            request_id=request_id_var.get(),
            submitted_by=submitted_by,
            max_attempts=self.settings.job_max_attempts,
        )
        metrics.JOBS.labels("submitted").inc()
        log.info("job queued", extra={"queued_job_id": job_id, "external_id": meeting.external_id})
        self._wake.set()
        return Job.from_row(rows[0]["job"])

    async def submit_many(self, meetings: list[MeetingInput], submitted_by: str | None = None) -> list[Job]:
        """One job per meeting, in one write, claimed in date order (a backfill replays no chain twice)."""
        ordered = in_date_order(meetings)
        rows = await self.graph.write(
            "jobs/create_jobs",
            jobs=[{"id": uuid.uuid4().hex, "payload": m.model_dump_json(), "external_id": m.external_id, "position": i}
                  for i, m in enumerate(ordered)],
            request_id=request_id_var.get(),
            submitted_by=submitted_by,
            max_attempts=self.settings.job_max_attempts,
        )
        metrics.JOBS.labels("submitted").inc(len(rows))
        log.info("jobs queued", extra={"jobs": len(rows)})
        self._wake.set()
        return [Job.from_row(row["job"]) for row in rows]

    async def get(self, job_id: str) -> Job | None:
        rows = await self.graph.read("jobs/get_job", id=job_id)
        return Job.from_row(rows[0]["job"]) if rows else None

    async def retry_failed(self, job_id: str) -> Job | None:
        """Puts a failed job back in the queue with fresh attempts; None when there is no failed job of that id."""
        if not await self.graph.write("jobs/retry_failed_job", id=job_id):
            return None
        self._wake.set()
        return await self.get(job_id)

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"job-worker {self.worker_id}")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                rows = await self.graph.write("jobs/claim_job", worker=self.worker_id, lease_ms=self.lease_ms)
                failures = 0
            except Exception as exc:  # the worker must outlive any outage: back off and poll again
                failures += 1
                kind = "unavailable" if is_unavailable(exc) else "other"
                metrics.NEO4J_ERRORS.labels(kind, "job_worker").inc()
                delay = min(self.settings.job_backoff_max_s, self.settings.job_poll_interval_s * 2**failures)
                log.warning("job worker cannot claim jobs (%s); retrying in %.1f s", exc, delay)
                await asyncio.sleep(delay)
                continue
            if not rows:
                await self._idle()
                continue
            try:
                await self._process(Claim(**rows[0]["job"]))
            except Exception:  # a malformed job must not stop the worker; its lease lapses and it is retried
                log.exception("job worker failed on job %s", rows[0]["job"].get("id"))

    async def _idle(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.settings.job_poll_interval_s):
                await self._wake.wait()
        self._wake.clear()

    async def _process(self, claim: Claim) -> None:
        job_token, request_token = job_id_var.set(claim.id), request_id_var.set(claim.request_id)
        metrics.JOBS.labels("claimed").inc()
        metrics.JOBS_RUNNING.inc()
        heartbeat = asyncio.create_task(self._renew_lease(claim.id))
        log.info("job started (attempt %d of %d)", claim.attempts, claim.max_attempts)
        try:
            result = await self.pipeline.ingest(MeetingInput.model_validate_json(claim.payload or ""), "job")
        except asyncio.CancelledError:
            await asyncio.shield(self._release(claim))
            raise
        except Exception as exc:
            await self._after_failure(claim, exc)
        else:
            await self._finish(claim, result)
        finally:
            heartbeat.cancel()
            metrics.JOBS_RUNNING.dec()
            job_id_var.reset(job_token)
            request_id_var.reset(request_token)

    async def _renew_lease(self, job_id: str) -> None:
        while True:
            await asyncio.sleep(self.settings.job_lease_s / 3)
            with contextlib.suppress(Exception):  # a missed renewal only risks a second, idempotent run
                await self.graph.write("jobs/renew_lease", id=job_id, worker=self.worker_id, lease_ms=self.lease_ms)

    async def _finish(self, claim: Claim, result: IngestResult) -> None:
        try:
            await self.graph.write(
                "jobs/complete_job", id=claim.id, worker=self.worker_id,
                meeting_id=result.meeting_id, result=result.model_dump_json(),
            )
        except Exception as exc:  # the meeting is stored; the job is re-run (as "unchanged") once its lease lapses
            log.warning("job done but not recorded (%s); it will be re-run when its lease lapses", exc)
            return
        metrics.JOBS.labels("done").inc()
        log.info("job done", extra={"meeting_id": result.meeting_id, "outcome": result.status})

    async def _after_failure(self, claim: Claim, exc: Exception) -> None:
        detail = f"{type(exc).__name__}: {exc}"  # for the log only
        reason = public_error(exc)
        unavailable = is_unavailable(exc)
        if unavailable:
            metrics.NEO4J_ERRORS.labels("unavailable", "job").inc()
        try:
            if unavailable or claim.attempts < claim.max_attempts:
                delay = self._backoff_s(claim.attempts)
                await self.graph.write(
                    "jobs/requeue_job", id=claim.id, worker=self.worker_id, refund=unavailable,
                    error=reason, delay_ms=int(delay * 1000),
                )
                metrics.JOBS.labels("retried").inc()
                log.warning("job attempt %d failed (%s); retrying in %.1f s", claim.attempts, detail, delay)
            else:
                await self.graph.write("jobs/fail_job", id=claim.id, worker=self.worker_id, error=reason)
                metrics.JOBS.labels("failed").inc()
                log.error("job failed after %d attempts: %s", claim.attempts, detail)
        except Exception as record_exc:  # the lease lapses and the job is claimed again
            log.warning("could not record the job's failure (%s)", record_exc)

    async def _release(self, claim: Claim) -> None:
        """On shutdown: hand the job back at once rather than leaving it to its lease."""
        with contextlib.suppress(Exception):
            async with asyncio.timeout(2):
                await self.graph.write(
                    "jobs/requeue_job", id=claim.id, worker=self.worker_id, refund=True, error=None, delay_ms=0
                )

    def _backoff_s(self, attempts: int) -> float:
        base = self.settings.job_backoff_base_s * 2 ** max(0, attempts - 1)
        return min(self.settings.job_backoff_max_s, base) * random.uniform(0.8, 1.2)
