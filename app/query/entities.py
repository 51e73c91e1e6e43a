"""Structured reads about entities."""

from __future__ import annotations

from app.graph.driver import Graph
from app.ingest.names import normalize_name
from app.query import structured
from app.query.structured import EntityNotFound
from app.query.views import (
    Dependencies,
    DependencyItem,
    EntityDetail,
    EntitySummary,
    Page,
    StateAsOf,
    StateView,
    Timeline,
    TimelineEvent,
)


async def list_entities(
    graph: Graph, q: str | None, type_: str | None, limit: int, offset: int
) -> Page[EntitySummary]:
    key = normalize_name(q) if q else None
    rows = await graph.read(
        "queries/list_entities", q=key or None, type=type_, limit=limit + 1, offset=offset
    )
    items = [EntitySummary(**r) for r in rows[:limit]]
    return Page(items=items, limit=limit, offset=offset, next_offset=offset + limit if len(rows) > limit else None)


async def get_entity(graph: Graph, entity_id: str) -> EntityDetail:
    rows = await graph.read("queries/current_status", id=entity_id)
    if not rows:
        raise EntityNotFound(entity_id)
    row = rows[0]
    state = StateView(**row["state"]) if row["state"] else StateView()  # never stated: not "planned"
    return EntityDetail(**{**row, "state": state})


async def summaries(graph: Graph, *entity_ids: str) -> list[EntitySummary]:
    """The entities named by id, in that order (EntityNotFound for the first missing): names, not their states."""
    found = {r["id"]: EntitySummary(**r) for r in await graph.read("queries/entities_by_id", ids=list(entity_ids))}
    for entity_id in entity_ids:
        if entity_id not in found:
            raise EntityNotFound(entity_id)
    return [found[entity_id] for entity_id in entity_ids]


async def timeline(graph: Graph, entity_id: str) -> Timeline:
    rows = await graph.read("queries/timeline", id=entity_id)  # the entity and its events in one statement
    if not rows:
        raise EntityNotFound(entity_id)
    return Timeline(entity=EntitySummary(**rows[0]), events=[TimelineEvent(**e) for e in rows[0]["events"]])


async def dependencies(graph: Graph, entity_id: str, transitive: bool) -> Dependencies:
    return await _dependency_view(graph, entity_id, transitive, forward=True)


async def dependents(graph: Graph, entity_id: str, transitive: bool) -> Dependencies:
    return await _dependency_view(graph, entity_id, transitive, forward=False)


async def _dependency_view(graph: Graph, entity_id: str, transitive: bool, forward: bool) -> Dependencies:
    entity, rows = await structured.dependency_items(graph, entity_id, forward, transitive)
    if entity is None:
        raise EntityNotFound(entity_id)
    return Dependencies(
        entity=EntitySummary(**entity),
        transitive=transitive,
        items=[DependencyItem(**{**r, "meeting_ids": r["meeting_ids"] or [], "quotes": r["quotes"] or []}) for r in rows],
    )


async def state(graph: Graph, entity_id: str, as_of: str | None) -> StateAsOf:
    """The current state, or the state as of a meeting."""
    if as_of is None:
        entity = await get_entity(graph, entity_id)
        return StateAsOf(entity=EntitySummary(**entity.model_dump()), **entity.state.model_dump())
    # the state's own statement names the entity: its current state and meetings are not needed
    row = await structured.state_as_of(graph, entity_id, await structured.find_meeting(graph, as_of))
    return StateAsOf(
        entity=EntitySummary(id=row["entity_id"], name=row["entity"], type=row["type"], aliases=row["aliases"]),
        status=row["status"], progress=row["progress"], owner=row["owner"], blockers=row["blockers"],
        meeting_id=row["meeting_id"], memory_id=row["memory_id"], quote=row["quote"],
        as_of=row["as_of"], as_of_date=row["as_of_date"],
    )
