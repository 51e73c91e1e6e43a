from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS
from app.api.security import read_scope
from app.query.sourced import SourceDetail, source_details

router = APIRouter(prefix="/api", tags=["query"], dependencies=[read_scope], responses=API_PROBLEMS)


@router.get("/sources", summary="Meeting, date, title and speakers behind quoted memories (an answer's sources)")
async def sources(
    services: ServicesDep,
    memory_id: Annotated[list[str], Query(min_length=1, max_length=200, description="Memory ids from `sources`")],
) -> dict[str, list[SourceDetail]]:
    found = await source_details(services.graph, memory_id)
    return {"sources": [found[m] for m in dict.fromkeys(memory_id) if m in found]}
