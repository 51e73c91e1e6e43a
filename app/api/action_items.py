from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS
from app.api.security import read_scope
from app.query.action_items import ActionFilter, ActionItemPage, ActionStatus, InvalidCursor, list_action_items
from app.validation import IsoDate

router = APIRouter(prefix="/api/action-items", tags=["action items"], dependencies=[read_scope],
                   responses=API_PROBLEMS)


@router.get("", summary="Action items (who does what by when), in meeting order; `next_cursor` pages on")
async def get_action_items(
    services: ServicesDep,
    owner: Annotated[str | None, Query(min_length=1, max_length=200, description="A person's id or name")] = None,
    status: ActionStatus | None = None,
    due_before: Annotated[IsoDate | None, Query(description="Only items due before this day (YYYY-MM-DD)")] = None,
    meeting_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(min_length=1, max_length=500)] = None,
) -> ActionItemPage:
    where = ActionFilter(owner=owner, status=status, due_before=due_before, meeting_id=meeting_id)
    try:
        return await list_action_items(services.graph, where, limit, cursor)
    except InvalidCursor as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
