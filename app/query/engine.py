"""Questions → intents → one parameterised Cypher statement each → a sourced answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import anyio

from app.embedding import Embedder
from app.graph.cypher import cypher
from app.graph.driver import Graph
from app.graph.lucene import NOTHING, lucene_phrase, lucene_query
from app.ingest.names import TRACKED_FIELDS, normalize_name
from app.query import answers, structured
from app.query.dates import MeetingRef
from app.query.intents import Intent, ParsedQuestion, parse_question
from app.query.linking import LinkCandidate, LinkResult, link_entity, link_person, worded_as
from app.query.models import CypherUsed, QueryAnswer, Source
from app.query.search import search_memories
from app.query.text import NameIndex

if TYPE_CHECKING:  # the LLM path is optional; its modules load only when configured
    from app.llm.wording import AnswerWriter
    from app.query.text_to_cypher import TextToCypher

# "who owned X on March 2" or "what blocked X as of m03" ask for a past state
NAMES_TTL_S = 10.0
CHANGES_PAGE = 200  # changes listed in an answer; the rest page through /api/changes
_STATE_INTENTS = (Intent.CURRENT_STATUS, Intent.OWNER, Intent.BLOCKERS)


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
    def __init__(
        self,
        graph: Graph,
        embedder: Embedder,
        text_to_cypher: TextToCypher | None = None,
        writer: AnswerWriter | None = None,
    ) -> None:
        self.graph = graph
        self.embedder = embedder
        self.text_to_cypher = text_to_cypher
        self.writer = writer
        self._names: NameIndex | None = None
        self._names_at = float("-inf")
        self._names_reload: asyncio.Task[None] | None = None
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
        parsed = parse_question(question, known_names=await self._known_names())
        if parsed.intent in _STATE_INTENTS and parsed.date_ref is not None:
            parsed = parsed.model_copy(update={"intent": Intent.STATUS_AS_OF})
        handler = self._handlers.get(parsed.intent)
        if handler is None:
            generated = await self.text_to_cypher.answer(question) if self.text_to_cypher else None
            unknown = QueryAnswer(intent=Intent.UNKNOWN, answer=answers.UNKNOWN, data={"examples": answers.EXAMPLES})
            return generated or unknown
        try:
            answer = await handler(parsed)
        except Clarify as clarify:
            return QueryAnswer(intent=parsed.intent, answer=clarify.answer, data=clarify.data)
        return await self.writer.word(question, answer) if self.writer else answer

    async def _known_names(self) -> NameIndex:
        """Stored names and aliases, so cue words inside a name ("Decision Engine") don't steer the intent.
        Read once, then refreshed in the background when older than NAMES_TTL_S: no question waits for it."""
        if self._names is None:
            await self._reload_names()
        elif time.monotonic() - self._names_at > NAMES_TTL_S and self._names_reload is None:
            self._names_reload = asyncio.create_task(self._reload_names())
            self._names_reload.add_done_callback(self._names_reloaded)
        assert self._names is not None
        return self._names

    async def _reload_names(self) -> None:
        row = (await self.graph.read("queries/entity_names"))[0]
        self._names, self._names_at = NameIndex(row["names"]), time.monotonic()

    def _names_reloaded(self, task: asyncio.Task[None]) -> None:
        self._names_reload = None
        if not task.cancelled() and task.exception() is not None:
            self._names_at = time.monotonic()  # keep the names we have; try again after another NAMES_TTL_S

    # --- linking -----------------------------------------------------------------------------------------

    async def link(self, span: str) -> LinkCandidate:
        result = await self._link_exact(span)
        if not (result.match or result.ambiguous):
            vector = (await anyio.to_thread.run_sync(self.embedder.encode, [span]))[0]
            rows = await self.graph.read(
                "queries/link_candidates", lucene=lucene_query(span, fuzzy=True) or NOTHING, vector=vector, limit=15
            )
            result = link_entity(span, [LinkCandidate(**r) for r in rows if r["type"] != "person"])
        if result.match:
            return result.match
        if result.ambiguous:
            names = [c.name for c in result.ambiguous]
            raise Clarify(
                f"“{span}” could mean {answers.join(names, 'or')}. Which one?",
                {"candidates": [c.model_dump() for c in result.ambiguous]},
            )
        raise Clarify(f"I don't know an item called “{span}”.", {"candidates": []})

    async def _link_exact(self, span: str) -> LinkResult:
        """Items named or aliased exactly `span` (normalised), or abbreviated by it ("SSO"), through the name
        indexes; typos and partial names are left to the similarity search."""
        key, phrase = normalize_name(span), lucene_phrase(span)
        if not key or not phrase:
            return LinkResult()
        rows = await self.graph.read("queries/link_exact", key=key, phrase=phrase)
        return link_entity(span, [LinkCandidate(**r) for r in rows])

    async def _entity(self, parsed: ParsedQuestion, index: int = 0) -> LinkCandidate:
        if len(parsed.entity_spans) <= index:
            raise Clarify("Which project, feature or task do you mean?")
        return await self.link(parsed.entity_spans[index])

    async def _meeting(self, parsed: ParsedQuestion) -> MeetingRef:
        if parsed.date_ref is None:
            raise Clarify("Which meeting or date do you mean?")
        meeting = await structured.resolve_meeting(self.graph, parsed.date_ref, date.today())
        if meeting is None:
            raise Clarify("I couldn't match that date to a stored meeting.")
        return meeting

    # --- intents -----------------------------------------------------------------------------------------

    async def _current_status(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        rows = await self.graph.read("queries/current_status", id=entity.id)
        state = rows[0]["state"] or {"status": "planned", "progress": 0, "owner": None, "blockers": []}
        data = {"entity": entity.name, "entity_id": entity.id, **{k: state.get(k) for k in TRACKED_FIELDS}}
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
        data = await structured.state_as_of(self.graph, entity.id, meeting)
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.as_of(entity.name, data, meeting),
            data=data,
            sources=_sources([data]),
            cypher=_used("queries/status_as_of", id=entity.id, as_of_key=structured.sort_key(meeting)),
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
        forward = parsed.intent == Intent.DEPENDENCIES
        rows = await structured.dependency_items(self.graph, entity.id, forward)
        items = [{"id": r["id"], "name": r["name"], "type": r["type"], "depth": r["depth"]} for r in rows]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.dependencies(forward, entity.name, items),
            data={"entity": entity.name, "entity_id": entity.id, "items": items},
            sources=_sources(structured.edge_sources(rows)),
            cypher=_used("queries/dependencies" if forward else "queries/dependents", id=entity.id),
        )

    async def _dependency_path(self, parsed: ParsedQuestion) -> QueryAnswer:
        if len(parsed.entity_spans) < 2:
            raise Clarify("Name two items, e.g. “how does the Checkout Redesign depend on the Ledger Service?”")
        start, end = await self._entity(parsed, 0), await self._entity(parsed, 1)
        rows = await structured.dependency_paths(self.graph, start.id, end.id)
        if not rows:
            reverse = await structured.dependency_paths(self.graph, end.id, start.id)
            if reverse:
                rows, start, end = reverse, end, start
        paths = [[n["name"] for n in r["nodes"]] for r in rows]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.path(start.name, end.name, paths),
            data={"path": paths[0] if paths else [], "all_shortest": paths, "from": start.name, "to": end.name},
            sources=_sources([e for r in rows[:1] for e in r["edges"]]),
            cypher=_used("queries/dependency_path", from_id=start.id, to_id=end.id, limit=10),
        )

    async def _critical_path(self, parsed: ParsedQuestion) -> QueryAnswer:
        start = await self._entity(parsed) if parsed.entity_spans else None
        result = await structured.critical(self.graph, start.id if start else None)
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.critical(result),
            data=result.model_dump(),
            cypher=_used("queries/critical_path_subgraph", from_id=start.id if start else None),
        )

    async def _owned_by(self, parsed: ParsedQuestion) -> QueryAnswer:
        if not parsed.person_span:
            raise Clarify("Whose work do you mean?")
        lucene = lucene_query(parsed.person_span, fuzzy=True) or ""
        people = await self.graph.read("queries/person_candidates", lucene=lucene, limit=50) if lucene else []
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
        since = meeting.external_id or meeting.date.isoformat()
        changes = await structured.changes_since(self.graph, meeting, limit=CHANGES_PAGE + 1)
        more = len(changes) > CHANGES_PAGE
        changes = changes[:CHANGES_PAGE]
        rest = f"/api/changes?since={since}&offset={CHANGES_PAGE}" if more else None
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.changes(meeting, changes, rest),
            data={"since": since, "since_date": meeting.date.isoformat(), "changes": changes,
                  "next_offset": CHANGES_PAGE if more else None},
            sources=_sources(changes),
            cypher=_used("queries/changes_since", since_key=structured.sort_key(meeting), offset=0,
                         limit=CHANGES_PAGE + 1),
        )

    async def _decisions(self, parsed: ParsedQuestion) -> QueryAnswer:
        if not parsed.entity_spans:
            return await self._search(parsed)
        entity = await self._entity(parsed)
        params = {"id": entity.id, "limit": 20}
        rows = await self.graph.read("queries/decisions", **params)
        if not rows:
            return await self._search(parsed)
        # newest first, but decisions that name the item as the question does come before the others
        rows.sort(key=lambda r: not worded_as(r["quote"] or "", parsed.entity_spans[0]))
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
        summary = await structured.meeting_summary(self.graph, meeting.id)
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
        params = {"status": status, "type": parsed.type_filter.value if parsed.type_filter else None}
        row = (await self.graph.read("queries/count_by_status", **params))[0]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.count(status, row["count"], row["names"]),
            data={"status": status, "count": row["count"], "items": row["names"]},
            cypher=_used("queries/count_by_status", **params),
        )
