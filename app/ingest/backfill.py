"""Bulk backfill: many meetings in date order, with the next meetings' chunking, extraction and embedding running
while the current one is written. Each meeting is still its own transaction, in date order, so state chains come
out as they would one by one. A meeting is resolved once the one before it is written: its transaction then
finds the graph version it resolved under, and keeps its resolution without reading the candidates again."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Iterable

from pydantic import BaseModel

from app.ingest.models import IngestResult, MeetingInput
from app.ingest.pipeline import IngestPipeline, Timer
from app.ingest.rows import Extracted


class IngestOutcome(BaseModel):
    meeting: MeetingInput
    result: IngestResult | None = None
    error: str | None = None


def in_date_order(meetings: Iterable[MeetingInput]) -> list[MeetingInput]:
    return sorted(meetings, key=lambda m: (m.date, m.external_id or "", m.title))


async def backfill(
    pipeline: IngestPipeline, meetings: Iterable[MeetingInput], workers: int = 2
) -> AsyncIterator[IngestOutcome]:
    """Yield one outcome per meeting, in date order; `workers` meetings are extracted ahead of the one being written.
    A meeting that fails is reported and the rest go on."""
    upcoming = iter(in_date_order(meetings))
    ahead: deque[tuple[MeetingInput, Timer, asyncio.Task[Extracted | None]]] = deque()

    def top_up() -> None:
        while len(ahead) < max(1, workers):
            meeting = next(upcoming, None)
            if meeting is None:
                return
            timer = Timer()
            ahead.append((meeting, timer, asyncio.create_task(_extract_unless_stored(pipeline, meeting, timer))))

    top_up()
    try:
        while ahead:
            meeting, timer, extracting = ahead.popleft()
            try:
                extracted = await extracting
                top_up()
                # stored as it is when looked at ahead: unless a meeting written since replaced it (the same
                # external_id twice in one backfill), there is nothing to write
                result = None if extracted is not None else await pipeline.unchanged(meeting, "backfill")
                if result is None:
                    prepared = (await pipeline.resolve(extracted, timer) if extracted is not None
                                else await pipeline.prepare(meeting, timer))
                    result = await pipeline.store(prepared, timer, "backfill")
                yield IngestOutcome(meeting=meeting, result=result)
            except Exception as exc:  # reported per meeting, like the CLI's one-by-one ingest
                top_up()
                yield IngestOutcome(meeting=meeting, error=f"{type(exc).__name__}: {exc}")
    finally:
        for _, _, task in ahead:
            task.cancel()


async def _extract_unless_stored(pipeline: IngestPipeline, meeting: MeetingInput, timer: Timer) -> Extracted | None:
    """None when the graph already holds this very meeting: nothing to chunk, read or embed."""
    if await pipeline.unchanged(meeting) is not None:
        return None
    return await pipeline.extract(meeting, timer)
