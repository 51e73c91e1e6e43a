from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS, problems
from app.api.security import read_scope
from app.query import entities
from app.query.views import Dependencies, EntityDetail, EntitySummary, Page, StateAsOf, Timeline

router = APIRouter(prefix="/api/entities", tags=["entities"], dependencies=[read_scope], responses=API_PROBLEMS)


@router.get("", summary="List entities; `q` matches names and aliases, case-insensitively")
async def list_entities(
    services: ServicesDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[str | None, Query(pattern="^(project|feature|task|person)$")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[EntitySummary]:
    return await entities.list_entities(services.graph, q, type, limit, offset)


@router.get("/{entity_id}", responses=problems(404), summary="An entity with its current state")
async def get_entity(entity_id: str, services: ServicesDep) -> EntityDetail:
    return await entities.get_entity(services.graph, entity_id)


@router.get(
    "/{entity_id}/timeline",
    responses=problems(404),
    summary="State versions, oldest first, one per meeting that changed it",
)
async def get_timeline(entity_id: str, services: ServicesDep) -> Timeline:
    return await entities.timeline(services.graph, entity_id)


@router.get(
    "/{entity_id}/dependencies",
    responses=problems(404),
    summary="What the entity depends on (transitively by default)",
)
async def get_dependencies(entity_id: str, services: ServicesDep, transitive: bool = True) -> Dependencies:
    return await entities.dependencies(services.graph, entity_id, transitive)


@router.get(
    "/{entity_id}/dependents",
    responses=problems(404),
    summary="What depends on the entity (transitively by default)",
)
async def get_dependents(entity_id: str, services: ServicesDep, transitive: bool = True) -> Dependencies:
    return await entities.dependents(services.graph, entity_id, transitive)


@router.get(
    "/{entity_id}/state",
    responses=problems(404),
    summary="The entity's state as of a meeting (date, external id or id)",
)
async def get_state(
    entity_id: str,
    services: ServicesDep,
    as_of: Annotated[str | None, Query(max_length=100, description="2026-03-09, March 9, m03, last meeting")] = None,
) -> StateAsOf:
    return await entities.state(services.graph, entity_id, as_of)
