"""Curation routes: duplicates, reversible merges, entity edits, meeting deletion, export. The work is in app.admin."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, TypeVar

from fastapi import APIRouter, HTTPException, Query

from app.admin import duplicates, edit, export, meetings, merge
from app.admin.errors import AdminError
from app.admin.models import (
    DuplicatePair,
    EntityEdit,
    EntityPatch,
    GraphExport,
    MeetingDeletion,
    MergeEventSummary,
    MergeRequest,
    MergeResult,
    UndoResult,
)
from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS, problems
from app.api.security import admin_scope

router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[admin_scope], responses=API_PROBLEMS)
T = TypeVar("T")
PROBLEMS = problems(404, 409)


async def _run(work: Awaitable[T]) -> T:
    try:
        return await work
    except AdminError as exc:
        raise HTTPException(exc.status, exc.detail) from exc


@router.get("/duplicates", summary="Likely duplicate entities, best first, with the evidence for each pair")
async def get_duplicates(
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    min_score: Annotated[float, Query(ge=0, le=1)] = 0.65,
) -> list[DuplicatePair]:
    return await duplicates.find_duplicates(services.graph, limit, min_score)


@router.post("/entities/merge", status_code=201, responses=PROBLEMS,
             summary="Fold the sources into the target in one transaction; undoable")
async def merge_entities(request: MergeRequest, services: ServicesDep) -> MergeResult:
    return await _run(merge.merge_entities(services.graph, request))


@router.get("/merges", summary="Merges that can still be undone, newest first")
async def list_merges(services: ServicesDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[MergeEventSummary]:
    return await merge.list_merges(services.graph, limit)


@router.post("/merges/{merge_id}/undo", responses=PROBLEMS, summary="Put the graph back exactly as before the merge")
async def undo_merge(merge_id: str, services: ServicesDep) -> UndoResult:
    return await _run(merge.undo_merge(services.graph, merge_id))


@router.patch("/entities/{entity_id}", responses=PROBLEMS,
              summary="Rename (the old name becomes an alias), add or remove aliases, change the type")
async def patch_entity(entity_id: str, patch: EntityPatch, services: ServicesDep) -> EntityEdit:
    return await _run(edit.patch_entity(services.graph, services.embedder, entity_id, patch))


@router.delete("/meetings/{meeting_id}", responses=PROBLEMS,
               summary="Delete a meeting and all it alone contributed; the chains it touched are replayed")
async def delete_meeting(meeting_id: str, services: ServicesDep) -> MeetingDeletion:
    return await _run(meetings.delete_meeting(services.graph, meeting_id))


@router.get("/export", summary="The whole graph as canonical JSON; equal exports mean equal graphs")
async def export_graph(services: ServicesDep, include_vectors: bool = False) -> GraphExport:
    return await export.export_graph(services.graph, include_vectors)
