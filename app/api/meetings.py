from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS, problems
from app.api.security import read_scope
from app.query import structured
from app.query.views import MeetingListItem, MeetingSummary, Page
from app.validation import IsoDate

router = APIRouter(prefix="/api/meetings", tags=["meetings"], dependencies=[read_scope], responses=API_PROBLEMS)


@router.get("", summary="Meetings, newest first")
async def list_meetings(
    services: ServicesDep,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[MeetingListItem]:
    rows = await structured.list_meetings(
        services.graph, limit + 1, offset, since.isoformat() if since else None, until.isoformat() if until else None
    )
    return Page[MeetingListItem](items=rows[:limit], limit=limit, offset=offset,
                                 next_offset=offset + limit if len(rows) > limit else None)


@router.get("/{meeting}", responses=problems(404),
            summary="Who spoke, what was discussed, what changed and what was decided")
async def get_meeting(meeting: str, services: ServicesDep) -> MeetingSummary:
    ref = await structured.find_meeting(services.graph, meeting)
    return MeetingSummary.model_validate(await structured.meeting_summary(services.graph, ref.id))
