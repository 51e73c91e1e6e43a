from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException
from sse_starlette import EventSourceResponse

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS, problems
from app.api.security import AnyKey, ensure_scope, write_scope
from app.graph.driver import is_unavailable
from app.ingest.jobs import FINISHED, Job
from app.security.keys import ApiKey, Scope
from app.services import Services

router = APIRouter(prefix="/api/jobs", tags=["jobs"], responses=API_PROBLEMS)
EVENT_POLL_S = 0.5


async def _job(services: Services, job_id: str) -> Job:
    job = await services.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job


async def _readable_job(services: Services, job_id: str, key: ApiKey | None) -> Job:
    """The read scope, or the key that queued the job (a write-only key follows its own jobs)."""
    job = await services.jobs.get(job_id)
    if not (job and key and job.submitted_by == key.key_id):
        ensure_scope(key, Scope.READ)
    return await _job(services, job_id) if job is None else job


@router.get(
    "/{job_id}",
    responses=problems(404),
    summary="A background ingestion job (read scope, or the key that queued it)",
)
async def get_job(job_id: str, services: ServicesDep, key: AnyKey) -> Job:
    return await _readable_job(services, job_id, key)


@router.get(
    "/{job_id}/events",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "`status` events until done or failed"}}
    | problems(404),
    summary="Server-sent events: the job, each time its status or attempt changes, until it is done or failed",
)
async def job_events(job_id: str, services: ServicesDep, key: AnyKey) -> EventSourceResponse:
    first = await _readable_job(services, job_id, key)

    async def events() -> AsyncIterator[dict[str, str]]:
        job, seen = first, None
        while True:
            if (job.status, job.attempts) != seen:
                seen = (job.status, job.attempts)
                yield {"event": "status", "data": job.model_dump_json()}
            if job.status in FINISHED:
                return
            await asyncio.sleep(EVENT_POLL_S)
            try:
                job = await _job(services, job_id)
            except Exception as exc:  # the stream waits out a Neo4j outage rather than ending
                if not is_unavailable(exc):
                    raise

    return EventSourceResponse(events(), ping=15)


@router.post(
    "/{job_id}/retry",
    dependencies=[write_scope],
    responses=problems(404, 409),
    summary="Queue a failed job again with fresh attempts",
)
async def retry_job(job_id: str, services: ServicesDep) -> Job:
    job = await services.jobs.retry_failed(job_id)
    if job is None:
        await _job(services, job_id)
        raise HTTPException(409, f"job {job_id!r} has not failed; only failed jobs can be retried")
    return job
