"""Structured reads shared by the REST endpoints and the natural-language engine; one Cypher file each."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.graph.driver import Graph
from app.ingest.diff import FINISHED
from app.ingest.models import Status
from app.ingest.names import meeting_sort_key
from app.query.critical_path import CriticalPath, longest_chain
from app.query.dates import (
    ByReference,
    DateRef,
    MeetingBounds,
    MeetingRef,
    Newest,
    Nth,
    by_reference,
    needs_bounds,
    parse_date_ref,
    plan_lookup,
)
from app.query.parallel import both

UNFINISHED = [s.value for s in Status if s not in FINISHED]


class MeetingNotFound(LookupError):
    pass


class EntityNotFound(LookupError):
    pass


def sort_key(meeting: MeetingRef) -> str:
    """The same ordering key the ingestion pipeline gives a meeting's states."""
    return meeting_sort_key(meeting.date, meeting.external_id, meeting.id)


def _key_after(day: date | None) -> str:
    """A key above the sort keys of every meeting on or before `day` (of every meeting when None)."""
    return "\uffff" if day is None or day == date.max else (day + timedelta(days=1)).isoformat()


def _meeting(row: dict[str, Any]) -> MeetingRef:
    return MeetingRef(**{**row, "date": row["date"].to_native()})


async def _newest(graph: Graph, lookup: Newest) -> MeetingRef | None:
    rows = await graph.read(
        "queries/newest_meeting", before_key=_key_after(lookup.on_or_before),
        not_before_key=lookup.not_before.isoformat() if lookup.not_before else "", skip=lookup.skip,
    )
    return _meeting(rows[0]) if rows else None


async def _by_id(graph: Graph, reference: str) -> MeetingRef | None:
    rows = await graph.read("queries/meeting_by_id", reference=reference)
    return _meeting(rows[0]) if rows else None


async def resolve_meeting(graph: Graph, ref: DateRef, today: date) -> MeetingRef | None:
    """The stored meeting `ref` means, found through the meeting indexes (every meeting is read only for a
    title fragment or a meeting number)."""
    bounds = None
    if needs_bounds(ref):
        latest, latest_past = await _newest(graph, Newest()), await _newest(graph, Newest(on_or_before=today))
        bounds = MeetingBounds(latest=latest and latest.date, latest_past=latest_past and latest_past.date)
    match plan_lookup(ref, bounds, today):
        case Newest() as lookup:
            return await _newest(graph, lookup)
        case Nth(number=number):
            rows = await graph.read("queries/nth_meeting", skip=number - 1)
            return _meeting(rows[0]) if rows else None
        case ByReference(reference=reference):
            if exact := await _by_id(graph, reference):
                return exact
            rows = (await graph.read("queries/meeting_refs"))[0]["meetings"]
            return by_reference(reference, [_meeting(r) for r in rows])
    return None


async def find_meeting(graph: Graph, reference: str) -> MeetingRef:
    """A meeting by id, external id, or a date expression ("2026-03-09", "March 9", "last meeting")."""
    ref = parse_date_ref(reference)
    if ref is None:
        exact, dated = await _by_id(graph, reference), None
    else:  # an external id may look like a date ("2026-03-09"), so both are looked up, side by side
        exact, dated = await both(_by_id(graph, reference), resolve_meeting(graph, ref, date.today()))
    found = exact or dated
    if found is None:
        raise MeetingNotFound(reference)
    return found


def edge_sources(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Provenance of direct dependency edges (depth 1), one source per edge."""
    return [
        {"meeting_id": (r["meeting_ids"] or [None])[0], "memory_id": (r["memory_ids"] or [None])[0],
         "quote": (r["quotes"] or [None])[0]}
        for r in rows if r["depth"] == 1
    ]


async def dependency_items(
    graph: Graph, entity_id: str, forward: bool, transitive: bool = True
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The entity (None when there is none) and what it depends on, or what depends on it, in one statement."""
    if forward:
        name = "queries/dependencies" if transitive else "queries/direct_dependencies"
    else:
        name = "queries/dependents"
    rows = await graph.read(name, id=entity_id)
    if not rows:
        return None, []
    return rows[0], [r for r in rows[0]["items"] if transitive or r["depth"] == 1]


async def state_as_of(graph: Graph, entity_id: str, meeting: MeetingRef) -> dict[str, Any]:
    """The entity's state as of the meeting, with the entity's type and aliases; EntityNotFound without it."""
    rows = await graph.read("queries/status_as_of", id=entity_id, as_of_key=sort_key(meeting))
    if not rows:
        raise EntityNotFound(entity_id)
    row = rows[0]
    return {
        "entity": row["name"], "entity_id": row["id"], "type": row["type"], "aliases": row["aliases"],
        "status": row["status"], "progress": row["progress"],
        "owner": row["owner"], "blockers": row["blockers"],
        "as_of": meeting.external_id or meeting.date.isoformat(), "as_of_date": meeting.date.isoformat(),
        "meeting_id": row["meeting_id"], "external_id": row["external_id"], "memory_id": row["memory_id"],
        "quote": row["quote"],
    }


async def dependency_paths(graph: Graph, from_id: str, to_id: str, limit: int = 10) -> list[dict[str, Any]]:
    return await graph.read("queries/dependency_path", from_id=from_id, to_id=to_id, limit=limit)


async def critical(graph: Graph, from_id: str | None = None) -> CriticalPath:
    return longest_chain(**await critical_subgraph(graph, from_id))


async def critical_subgraph(graph: Graph, from_id: str | None = None) -> dict[str, list]:
    """The unfinished items as `longest_chain` takes them."""
    row = (await graph.read("queries/critical_path_subgraph", from_id=from_id, unfinished=UNFINISHED))[0]
    return {**row, "depends_on": [ids.split() for ids in row["depends_on"]]}


async def changes_since(graph: Graph, meeting: MeetingRef, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    """One entry per changed field, in meeting order; `limit` and `offset` count these entries."""
    result = await graph.read("queries/changes_since", since_key=sort_key(meeting), offset=offset, limit=limit)
    return [
        {"entity": r["entity"], "entity_id": r["entity_id"], "field": field,
         "from": (r["before"] or {}).get(field), "to": r["after"][field],
         "external_id": r["external_id"], "meeting_id": r["meeting_id"], "date": r["date"],
         "memory_id": r["memory_id"], "quote": r["quote"]}
        for r in result[0]["changes"] for field in r["fields"]
    ]


async def meeting_summary(graph: Graph, meeting_id: str) -> dict[str, Any]:
    rows = await graph.read("queries/meeting_summary", id=meeting_id)
    if not rows:
        raise MeetingNotFound(meeting_id)
    return rows[0]


async def list_meetings(graph: Graph, limit: int, offset: int, since: str | None, until: str | None) -> list[dict]:
    return await graph.read("queries/list_meetings", limit=limit, offset=offset, since=since, until=until)
