"""Dependency paths, the critical path, recent changes and search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS, problems
from app.api.security import read_scope
from app.query import structured
from app.query.critical_path import CriticalPath
from app.query.entities import get_entity, summaries
from app.query.parallel import both
from app.query.search import SearchHit, search_memories
from app.query.views import Changes, DependencyPaths

router = APIRouter(prefix="/api", tags=["analysis"], dependencies=[read_scope], responses=API_PROBLEMS)


@router.get("/paths", responses=problems(404), summary="The shortest dependency path from a dependent to a dependency")
async def paths(
    services: ServicesDep,
    from_: Annotated[str, Query(alias="from", description="Entity id of the dependent")],
    to: Annotated[str, Query(description="Entity id of the dependency")],
    all: Annotated[bool, Query(description="Every shortest path, not just one")] = False,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> DependencyPaths:
    (start, end), rows = await both(summaries(services.graph, from_, to),
                                    structured.dependency_paths(services.graph, from_, to, limit if all else 1))
    found = [{"path": [n["name"] for n in r["nodes"]], "ids": [n["id"] for n in r["nodes"]], "sources": r["edges"]}
             for r in rows]
    first = found[0]["path"] if found else []
    return DependencyPaths.model_validate(
        {"from": start.name, "to": end.name, "path": first, "hops": len(first) - 1 if found else None, "paths": found}
    )


@router.get(
    "/critical-path",
    responses=problems(404),
    summary="The unfinished dependency chain with the most remaining work",
)
async def critical_path(
    services: ServicesDep,
    from_: Annotated[str | None, Query(alias="from", description="Only chains starting at this entity id")] = None,
) -> CriticalPath:
    if from_ is not None:
        await get_entity(services.graph, from_)
    return await structured.critical(services.graph, from_)


@router.get("/changes", responses=problems(404), summary="State changes recorded after a meeting")
async def changes(
    services: ServicesDep,
    since: Annotated[str, Query(max_length=100, description="A date, an external id or a meeting id")],
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Changes:
    meeting = await structured.find_meeting(services.graph, since)
    rows = await structured.changes_since(services.graph, meeting, limit + 1, offset)
    return Changes.model_validate(
        {"since": meeting.external_id or meeting.date.isoformat(), "since_date": meeting.date.isoformat(),
         "changes": rows[:limit], "limit": limit, "offset": offset,
         "next_offset": offset + limit if len(rows) > limit else None}
    )


@router.get("/search", summary="Semantic search over memories (vector index) combined with fulltext")
async def search(
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=1000)],
    k: Annotated[int, Query(ge=1, le=100)] = 10,
    meeting_id: str | None = None,
) -> dict[str, list[SearchHit]]:
    return {"results": await search_memories(services.graph, services.embedder, q, k, meeting_id)}
