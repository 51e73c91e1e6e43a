"""Questions → intents → one parameterised Cypher statement each → a sourced answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import anyio

from app.embedding import Embedder
from app.graph.cypher import cypher
from app.graph.driver import Graph
from app.graph.lucene import lucene_query
from app.query import answers
from app.query.critical_path import WorkItem, critical_path
from app.query.dates import MeetingRef, resolve_date_ref
from app.query.intents import Intent, ParsedQuestion, parse_question
from app.query.linking import LinkCandidate, link_entity, link_person
from app.query.models import CypherUsed, QueryAnswer, Source
from app.query.search import search_memories

TRACKED = ("status", "progress", "owner", "blockers")


class Clarify(Exception):
    """The question cannot be answered as asked; the answer says what is missing."""

    def __init__(self, answer: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(answer)
        self.answer = answer
        self.data = data or {}


def _used(name: str, **params: Any) -> CypherUsed:
    shown = {k: (f"<{len(v)}-dimension embedding>" if k == "vector" else v) for k, v in params.items()}
    return CypherUsed(statement=cypher(name), parameters=shown)


def _sources(rows: list[dict[str, Any]]) -> list[Source]:
    seen, sources = set(), []
    for row in rows:
        key = (row.get("memory_id"), row.get("quote"))
        if row.get("meeting_id") and key not in seen:
            seen.add(key)
            sources.append(Source(**{k: row.get(k) for k in Source.model_fields}))
    return sources


class QueryEngine:
    def __init__(self, graph: Graph, embedder: Embedder) -> None:
        self.graph = graph
        self.embedder = embedder
        self._handlers: dict[Intent, Callable[[ParsedQuestion], Awaitable[QueryAnswer]]] = {
            Intent.CURRENT_STATUS: self._current_status,
            Intent.OWNER: self._current_status,
            Intent.BLOCKERS: self._current_status,
            Intent.STATUS_AS_OF: self._status_as_of,
            Intent.TIMELINE: self._timeline,
            Intent.DEPENDENCIES: self._dependencies,
            Intent.DEPENDENTS: self._dependencies,
            Intent.DEPENDENCY_PATH: self._dependency_path,
            Intent.CRITICAL_PATH: self._critical_path,
            Intent.OWNED_BY: self._owned_by,
            Intent.CHANGES_SINCE: self._changes_since,
            Intent.DECISIONS: self._decisions,
            Intent.SEARCH: self._search,
            Intent.MEETING_SUMMARY: self._meeting_summary,
            Intent.COUNT: self._count,
        }

    async def ask(self, question: str) -> QueryAnswer:
        parsed = parse_question(question)
        handler = self._handlers.get(parsed.intent)
        if handler is None:
            return QueryAnswer(intent=Intent.UNKNOWN, answer=answers.UNKNOWN, data={"examples": answers.EXAMPLES})
        try:
            return await handler(parsed)
        except Clarify as clarify:
            return QueryAnswer(intent=parsed.intent, answer=clarify.answer, data=clarify.data)

    # --- linking -----------------------------------------------------------------------------------------

    async def link(self, span: str) -> LinkCandidate:
        vector = (await anyio.to_thread.run_sync(self.embedder.encode, [span]))[0]
        rows = await self.graph.read(
            "queries/link_candidates", lucene=lucene_query(span, fuzzy=True) or span, vector=vector, limit=15
        )
        candidates = [LinkCandidate(**r) for r in rows if r["type"] != "person"]
        result = link_entity(span, candidates)
        if result.match:
            return result.match
        if result.ambiguous:
            names = [c.name for c in result.ambiguous]
            raise Clarify(
                f"“{span}” could mean {answers.join(names, 'or')}. Which one?",
                {"candidates": [c.model_dump() for c in result.ambiguous]},
            )
        raise Clarify(f"I don't know an item called “{span}”.", {"candidates": []})

    async def _entity(self, parsed: ParsedQuestion, index: int = 0) -> LinkCandidate:
        if len(parsed.entity_spans) <= index:
            raise Clarify("Which project, feature or task do you mean?")
        return await self.link(parsed.entity_spans[index])

    async def _meeting(self, parsed: ParsedQuestion) -> MeetingRef:
        meetings = [MeetingRef(**{**r, "date": r["date"].to_native()}) for r in await self.graph.read("queries/meeting_refs")]
        if not meetings:
            raise Clarify("No meetings are stored yet.")
        if parsed.date_ref is None:
            raise Clarify("Which meeting or date do you mean?")
        meeting = resolve_date_ref(parsed.date_ref, meetings, date.today())
        if meeting is None:
            raise Clarify("I couldn't match that date to a stored meeting.")
        return meeting

    @staticmethod
    def _sort_key(meeting: MeetingRef) -> str:
        return f"{meeting.date.isoformat()}|{meeting.external_id or meeting.id}"

    # --- intents -----------------------------------------------------------------------------------------

    async def _current_status(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        rows = await self.graph.read("queries/current_status", id=entity.id)
        state = rows[0]["state"] or {"status": "planned", "progress": 0, "owner": None, "blockers": []}
        data = {"entity": entity.name, "entity_id": entity.id, **{k: state.get(k) for k in TRACKED}}
        data["blockers"] = data["blockers"] or []
        if parsed.intent == Intent.OWNER:
            data = {"entity": entity.name, "entity_id": entity.id, "owner": state.get("owner")}
        elif parsed.intent == Intent.BLOCKERS:
            data = {"entity": entity.name, "entity_id": entity.id, "blockers": state.get("blockers") or [],
                    "status": state.get("status")}
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.state(parsed.intent, entity.name, state),
            data=data,
            sources=_sources([state]),
            cypher=_used("queries/current_status", id=entity.id),
        )

    async def _status_as_of(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        meeting = await self._meeting(parsed)
        params = {"id": entity.id, "as_of_key": self._sort_key(meeting)}
        row = (await self.graph.read("queries/status_as_of", **params))[0]
        data = {"entity": entity.name, "entity_id": entity.id, "status": row["status"] or "planned",
                "progress": row["progress"] if row["status"] else 0, "owner": row["owner"],
                "blockers": row["blockers"], "as_of": meeting.external_id or meeting.date.isoformat(),
                "as_of_date": meeting.date.isoformat()}
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.as_of(entity.name, data, meeting),
            data=data,
            sources=_sources([row]),
            cypher=_used("queries/status_as_of", **params),
        )

    async def _timeline(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        rows = await self.graph.read("queries/timeline", id=entity.id)
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.timeline(entity.name, rows),
            data={"entity": entity.name, "entity_id": entity.id, "events": rows},
            sources=_sources(rows),
            cypher=_used("queries/timeline", id=entity.id),
        )

    async def _dependencies(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        name = "queries/dependencies" if parsed.intent == Intent.DEPENDENCIES else "queries/dependents"
        rows = await self.graph.read(name, id=entity.id)
        items = [{"id": r["id"], "name": r["name"], "type": r["type"], "depth": r["depth"]} for r in rows]
        provenance = [
            {"meeting_id": (r["meeting_ids"] or [None])[0], "memory_id": (r["memory_ids"] or [None])[0],
             "quote": (r["quotes"] or [None])[0]}
            for r in rows if r["depth"] == 1
        ]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.dependencies(parsed.intent == Intent.DEPENDENCIES, entity.name, items),
            data={"entity": entity.name, "entity_id": entity.id, "items": items},
            sources=_sources(provenance),
            cypher=_used(name, id=entity.id),
        )

    async def _dependency_path(self, parsed: ParsedQuestion) -> QueryAnswer:
        if len(parsed.entity_spans) < 2:
            raise Clarify("Name two items, e.g. “how does the Checkout Redesign depend on the Ledger Service?”")
        start, end = await self._entity(parsed, 0), await self._entity(parsed, 1)
        params = {"from_id": start.id, "to_id": end.id, "limit": 10}
        rows = await self.graph.read("queries/dependency_path", **params)
        if not rows:
            reverse = await self.graph.read("queries/dependency_path", from_id=end.id, to_id=start.id, limit=10)
            if reverse:
                rows, start, end = reverse, end, start
                params = {"from_id": start.id, "to_id": end.id, "limit": 10}
        paths = [[n["name"] for n in r["nodes"]] for r in rows]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.path(start.name, end.name, paths),
            data={"path": paths[0] if paths else [], "all_shortest": paths, "from": start.name, "to": end.name},
            sources=_sources([e for r in rows[:1] for e in r["edges"]]),
            cypher=_used("queries/dependency_path", **params),
        )

    async def _critical_path(self, parsed: ParsedQuestion) -> QueryAnswer:
        start = await self._entity(parsed) if parsed.entity_spans else None
        params = {"from_id": start.id if start else None}
        rows = await self.graph.read("queries/critical_path_subgraph", **params)
        result = critical_path([WorkItem(**r) for r in rows])
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.critical(result),
            data=result.model_dump(),
            cypher=_used("queries/critical_path_subgraph", **params),
        )

    async def _owned_by(self, parsed: ParsedQuestion) -> QueryAnswer:
        people = await self.graph.read("queries/list_entities", q=None, type="person", limit=10_000, offset=0)
        if not parsed.person_span:
            raise Clarify("Whose work do you mean?")
        full = link_person(parsed.person_span, [p["name"] for p in people])
        person = next((p for p in people if p["name"] == full), None)
        if person is None:
            raise Clarify(f"I don't know anyone called “{parsed.person_span}”.")
        params = {"person_id": person["id"], "include_finished": False}
        rows = await self.graph.read("queries/owned_by", **params)
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.owned_by(person["name"], rows),
            data={"owner": person["name"], "items": [r["name"] for r in rows], "details": rows},
            sources=_sources(rows),
            cypher=_used("queries/owned_by", **params),
        )

    async def _changes_since(self, parsed: ParsedQuestion) -> QueryAnswer:
        meeting = await self._meeting(parsed)
        params = {"since_key": self._sort_key(meeting), "offset": 0, "limit": 1000}
        rows = await self.graph.read("queries/changes_since", **params)
        changes = [
            {"entity": r["entity"], "entity_id": r["entity_id"], "field": field,
             "from": (r["before"] or {}).get(field), "to": r["after"][field],
             "external_id": r["external_id"], "meeting_id": r["meeting_id"], "date": r["date"]}
            for r in rows for field in (r["changed"] or [])
        ]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.changes(meeting, changes),
            data={"since": meeting.external_id or meeting.date.isoformat(), "since_date": meeting.date.isoformat(),
                  "changes": changes},
            sources=_sources(rows),
            cypher=_used("queries/changes_since", **params),
        )

    async def _decisions(self, parsed: ParsedQuestion) -> QueryAnswer:
        if not parsed.entity_spans:
            return await self._search(parsed)
        entity = await self._entity(parsed)
        params = {"id": entity.id, "limit": 20}
        rows = await self.graph.read("queries/decisions", **params)
        if not rows:
            return await self._search(parsed)
        results = [
            {"memory_id": r["memory_id"], "meeting_id": r["meeting_id"], "external_id": r["external_id"],
             "text": r["text"] or r["quote"], "score": 1.0, "turn_start": r["turn_start"], "turn_end": r["turn_end"],
             "date": r["date"], "decision": r["summary"]}
            for r in rows
        ]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.decisions(entity.name, rows),
            data={"entity": entity.name, "entity_id": entity.id, "results": results},
            sources=_sources(rows),
            cypher=_used("queries/decisions", **params),
        )

    async def _search(self, parsed: ParsedQuestion) -> QueryAnswer:
        text = parsed.search_text or parsed.question
        hits = await search_memories(self.graph, self.embedder, text, k=10)
        results = [h.model_dump() for h in hits]
        return QueryAnswer(
            intent=Intent.SEARCH,
            answer=answers.search(hits),
            data={"results": results},
            sources=[Source(meeting_id=h.meeting_id, external_id=h.external_id, memory_id=h.memory_id,
                            quote=h.text) for h in hits[:3]],
            cypher=_used("queries/search_memories", vector=[0.0] * 384, lucene=lucene_query(text) or "*:*",
                         fetch=50, meeting_id=None),
        )

    async def _meeting_summary(self, parsed: ParsedQuestion) -> QueryAnswer:
        meeting = await self._meeting(parsed)
        rows = await self.graph.read("queries/meeting_summary", id=meeting.id)
        summary = rows[0]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.meeting(summary),
            data=summary,
            sources=_sources([{**c, "meeting_id": meeting.id, "external_id": meeting.external_id}
                              for c in summary["changes"]]),
            cypher=_used("queries/meeting_summary", id=meeting.id),
        )

    async def _count(self, parsed: ParsedQuestion) -> QueryAnswer:
        status = parsed.status_filter.value if parsed.status_filter else None
        params = {"status": status, "type": None}
        row = (await self.graph.read("queries/count_by_status", **params))[0]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.count(status, row["count"], row["names"]),
            data={"status": status, "count": row["count"], "items": row["names"]},
            cypher=_used("queries/count_by_status", **params),
        )
