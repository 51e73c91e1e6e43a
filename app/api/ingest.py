from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, UploadFile
from fastapi.responses import JSONResponse

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS, problems
from app.api.security import WriteKey, write_scope
from app.ingest.files import parse_file
from app.ingest.jobs import BatchAccepted, JobAccepted, QueuedMeeting
from app.ingest.models import IngestResult, MeetingInput
from app.ingest.parse import TranscriptError
from app.ingest.requests import BatchIngestRequest, IngestRequest
from app.security.keys import ApiKey
from app.services import Services
from app.validation import IsoDate

router = APIRouter(prefix="/api", tags=["ingest"], dependencies=[write_scope], responses=API_PROBLEMS)
INGESTED: dict[int | str, dict[str, Any]] = {
    200: {"model": IngestResult, "description": "Already stored; nothing changed"},
    202: {"model": JobAccepted, "description": "Queued as a job; follow it at Location"},
}
ForceAsync = Annotated[bool, Query(alias="async", description="Queue the meeting as a job (202) whatever its size")]


async def _ingest(
    services: Services, meeting: MeetingInput, size: int, key: ApiKey | None, force_async: bool = False
) -> JSONResponse:
    settings = services.settings
    if size > settings.max_transcript_chars:
        raise HTTPException(413, f"transcript is {size} characters; the limit is {settings.max_transcript_chars}")
    await services.ensure_schema()
    if force_async or size > settings.sync_ingest_max_chars:
        job = await services.jobs.submit(meeting, submitted_by=key.key_id if key else None)
        accepted = JobAccepted(job_id=job.job_id, status=job.status)
        return JSONResponse(status_code=202, content=accepted.model_dump(mode="json"),
                            headers={"Location": f"/api/jobs/{job.job_id}"})
    result = await services.pipeline.ingest(meeting)
    code = 200 if result.status == "unchanged" else 201
    return JSONResponse(status_code=code, content=result.model_dump(mode="json"))


@router.post(
    "/ingest",
    status_code=201,
    response_model=IngestResult,
    responses=INGESTED | problems(409),
    summary="Ingest one meeting transcript",
)
async def ingest(
    request: IngestRequest, services: ServicesDep, key: WriteKey, force_async: ForceAsync = False
) -> JSONResponse:
    return await _ingest(services, request.to_meeting(), request.size(), key, force_async)


@router.post(
    "/ingest/batch",
    status_code=202,
    response_model=BatchAccepted,
    summary="Queue many meetings (a backfill): one job each, ingested in date order",
)
async def ingest_batch(request: BatchIngestRequest, services: ServicesDep, key: WriteKey) -> BatchAccepted:
    limit = services.settings.max_transcript_chars
    for position, meeting in enumerate(request.meetings):
        if meeting.size() > limit:
            raise HTTPException(413, f"meetings[{position}]: transcript is {meeting.size()} characters; "
                                     f"the limit is {limit}")
    await services.ensure_schema()
    jobs = await services.jobs.submit_many([m.to_meeting() for m in request.meetings],
                                           submitted_by=key.key_id if key else None)
    return BatchAccepted(jobs=[QueuedMeeting(job_id=j.job_id, status=j.status, external_id=j.external_id)
                               for j in jobs])


@router.post(
    "/ingest/file",
    status_code=201,
    response_model=IngestResult,
    responses=INGESTED | problems(400, 409),
    summary="Ingest a transcript file: plain text, WebVTT or SRT",
)
async def ingest_file(
    services: ServicesDep,
    key: WriteKey,
    file: Annotated[UploadFile, File(description="Transcript: .txt, .vtt or .srt")],
    title: Annotated[str, Form(min_length=1, max_length=500)],
    date: Annotated[IsoDate, Form()],
    participants: Annotated[str, Form(description="Comma-separated full names")] = "",
    external_id: Annotated[str | None, Form(max_length=200)] = None,
    force_async: ForceAsync = False,
) -> JSONResponse:
    raw = await file.read(services.settings.max_transcript_chars * 4 + 1)
    if len(raw) > services.settings.max_transcript_chars * 4:
        raise HTTPException(413, "the file is larger than the transcript limit")
    try:
        turns = parse_file(file.filename or "", raw)
    except TranscriptError as exc:
        raise HTTPException(422, str(exc)) from exc
    meeting = MeetingInput(
        title=title,
        date=date,
        participants=[p.strip() for p in participants.split(",") if p.strip()],
        external_id=external_id or None,
        turns=turns,
    )
    return await _ingest(services, meeting, sum(len(t.text) for t in turns), key, force_async)
