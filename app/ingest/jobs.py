"""Background ingestion for long transcripts: one worker per process, jobs processed in order."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.ingest.models import MeetingInput
from app.ingest.pipeline import IngestPipeline, IngestResult

JobStatus = Literal["queued", "running", "done", "failed"]


class Job(BaseModel):
    job_id: str
    status: JobStatus = "queued"
    external_id: str | None = None
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    finished_at: datetime | None = None
    meeting_id: str | None = None
    result: IngestResult | None = None
    error: str | None = None


class JobRunner:
    def __init__(self, pipeline: IngestPipeline) -> None:
        self._pipeline = pipeline
        self._jobs: dict[str, Job] = {}
        self._queue: asyncio.Queue[tuple[Job, MeetingInput]] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None

    def submit(self, meeting: MeetingInput) -> Job:
        job = Job(job_id=uuid.uuid4().hex, external_id=meeting.external_id)
        self._jobs[job.job_id] = job
        self._queue.put_nowait((job, meeting))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._work())
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    async def _work(self) -> None:
        while not self._queue.empty():
            job, meeting = await self._queue.get()
            job.status = "running"
            try:
                job.result = await self._pipeline.ingest(meeting)
                job.meeting_id = job.result.meeting_id
                job.status = "done"
            except Exception as exc:  # recorded on the job, which is what the client polls
                job.error = f"{type(exc).__name__}: {exc}"
                job.status = "failed"
            job.finished_at = datetime.now(UTC)

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
