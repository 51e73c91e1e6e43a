"""Structured reads about entities."""

from __future__ import annotations

from app.graph.driver import Graph
from app.ingest.resolve import normalize_name
from app.query.views import (
    Dependencies,
    DependencyItem,
    EntityDetail,
    EntitySummary,
    Page,
    StateView,
    Timeline,
    TimelineEvent,
)


class EntityNotFound(LookupError):
    pass


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
    state = StateView(**row["state"]) if row["state"] else StateView(status="planned", progress=0)
    return EntityDetail(**{**row, "state": state})


async def timeline(graph: Graph, entity_id: str) -> Timeline:
    entity = await get_entity(graph, entity_id)
    rows = await graph.read("queries/timeline", id=entity_id)
    return Timeline(entity=EntitySummary(**entity.model_dump()), events=[TimelineEvent(**r) for r in rows])


async def dependencies(graph: Graph, entity_id: str, transitive: bool) -> Dependencies:
    entity = await get_entity(graph, entity_id)
    name = "queries/dependencies" if transitive else "queries/direct_dependencies"
    rows = await graph.read(name, id=entity_id)
    return Dependencies(
        entity=EntitySummary(**entity.model_dump()),
        transitive=transitive,
        items=[DependencyItem(**{**r, "meeting_ids": r["meeting_ids"] or [], "quotes": r["quotes"] or []}) for r in rows],
    )
