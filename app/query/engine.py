"""Questions → intents → one parameterised Cypher statement each → a sourced answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from app.embedding import Embedder
from app.graph.driver import Graph, last_run, recording
from app.ingest.names import TRACKED_FIELDS
from app.query import answers, structured
from app.query.action_items import ActionFilter, ActionItemView, ActionQuestion, ask_action_items, find_people
from app.query.cues import ACTION_DONE
from app.query.dates import MeetingRef
from app.query.intents import Intent, ParsedQuestion
from app.query.linking import KnownNames, LinkCandidate, link, worded_as
from app.query.models import Clarify, CypherUsed, QueryAnswer, Source
from app.query.routing import IntentRouter, place
from app.query.parallel import both
from app.query.search import ACROSS_MEETINGS, WITHIN_MEETING, find

if TYPE_CHECKING:  # the LLM path is optional; its modules load only when configured
    from app.llm.wording import AnswerWriter
    from app.query.text_to_cypher import TextToCypher

CHANGES_PAGE = 200  # changes listed in an answer; the rest page through /api/changes
_NOBODY_IN_PARTICULAR = frozenset("we us i me you everyone everybody the team team people".split())


def _used(*names: str) -> CypherUsed | None:
    """The statements `names` exactly as they ran for this answer, as the Graph layer recorded them; several are
    shown as one script (Neo4j Browser runs each statement of it in turn), with their parameters together."""
    ran = [executed for name in names if (executed := last_run(name)) is not None]
    if not ran:
        return None
    shown = {k: (f"<{len(v)}-dimension embedding>" if k == "vector" else v)
             for executed in ran for k, v in executed.parameters.items()}
    return CypherUsed(statement=";\n\n".join(executed.statement.strip() for executed in ran), parameters=shown)


def _sources(rows: list[dict[str, Any]]) -> list[Source]:
    seen, sources = set(), []
    for row in rows:
        key = (row.get("memory_id"), row.get("quote"))
        if row.get("meeting_id") and key not in seen:
            seen.add(key)
            sources.append(Source(**{k: row.get(k) for k in Source.model_fields}))
    return sources


def _action_sources(items: list[ActionItemView]) -> list[Source]:
    return [Source(meeting_id=i.meeting_id, external_id=i.external_id, memory_id=i.memory_id, quote=i.quote,
                   date=i.meeting_date, speaker=i.speaker) for i in items[:10]]


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
        self.names = KnownNames(graph)
        self.router = IntentRouter(embedder)
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
            Intent.ACTION_ITEMS: self._action_items,
        }

    async def ask(self, question: str) -> QueryAnswer:
        with recording():
            return await self._ask(question)

    async def _ask(self, question: str) -> QueryAnswer:
        parsed, routed = await place(question, await self.names.get(), self.router)
        handler = self._handlers.get(parsed.intent)
        answer = None
        if handler is not None:
            try:
                answer = await handler(parsed)
            except Clarify as clarify:
                if not routed:
                    return await self._unplaced_item(parsed, clarify)
                # a guessed intent that does not fit: a generated query if a model can write one, else the passages
        if answer is None:
            generated = await self.text_to_cypher.answer(question) if self.text_to_cypher else None
            if generated:
                return generated
            answer = await self._search(parsed)
        return await self.writer.word(question, answer) if self.writer else answer

    async def _unplaced_item(self, parsed: ParsedQuestion, clarify: Clarify) -> QueryAnswer:
        """An item nobody tracks ("what's the status of transcription?") may still have been talked about: the
        passages, said to be such. Several candidates, or nothing relevant stored: the question back."""
        asked = QueryAnswer(intent=parsed.intent, answer=clarify.answer, data=clarify.data)
        if clarify.data.get("candidates") != []:
            return asked
        said = await self._search(parsed)
        if said.intent != Intent.SEARCH:
            return asked
        return said.model_copy(update={"answer": f"{clarify.answer} What was said about it:\n{said.answer}",
                                       "data": {**said.data, **clarify.data}})

    async def _entity(self, parsed: ParsedQuestion, index: int = 0) -> LinkCandidate:
        if len(parsed.entity_spans) <= index:
            raise Clarify("Which project, feature or task do you mean?")
        return await link(self.graph, self.embedder, parsed.entity_spans[index])

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
        state = rows[0]["state"]
        if state is None:
            return await self._untracked(parsed, entity, rows[0]["meetings"])
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
            cypher=_used("queries/current_status"),
        )

    async def _untracked(self, parsed: ParsedQuestion, entity: LinkCandidate, meetings: int) -> QueryAnswer:
        """An item that came up but was never given a status, owner or blocker: said so (not "planned, 0%"),
        with what was said about it."""
        data = {"entity": entity.name, "entity_id": entity.id, "status": None, "progress": None, "owner": None,
                "blockers": []}
        text = answers.untracked(parsed.intent, entity.name, meetings)
        said = await self._search(parsed)
        if said.intent != Intent.SEARCH:
            return QueryAnswer(intent=parsed.intent, answer=text, data=data, cypher=_used("queries/current_status"))
        answer = f"{text} What was said about it:\n{said.answer}"
        return said.model_copy(update={"intent": parsed.intent, "answer": answer, "data": {**said.data, **data}})

    async def _status_as_of(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity, meeting = await both(self._entity(parsed), self._meeting(parsed))
        data = await structured.state_as_of(self.graph, entity.id, meeting)
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.as_of(entity.name, data, meeting),
            data=data,
            sources=_sources([data]),
            cypher=_used("queries/status_as_of"),
        )

    async def _timeline(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        rows = await self.graph.read("queries/timeline", id=entity.id)
        events = rows[0]["events"] if rows else []
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.timeline(entity.name, events),
            data={"entity": entity.name, "entity_id": entity.id, "events": events},
            sources=_sources(events),
            cypher=_used("queries/timeline"),
        )

    async def _dependencies(self, parsed: ParsedQuestion) -> QueryAnswer:
        entity = await self._entity(parsed)
        forward = parsed.intent == Intent.DEPENDENCIES
        _, rows = await structured.dependency_items(self.graph, entity.id, forward)
        items = [{"id": r["id"], "name": r["name"], "type": r["type"], "depth": r["depth"]} for r in rows]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.dependencies(forward, entity.name, items),
            data={"entity": entity.name, "entity_id": entity.id, "items": items},
            sources=_sources(structured.edge_sources(rows)),
            cypher=_used("queries/dependencies" if forward else "queries/dependents"),
        )

    async def _dependency_path(self, parsed: ParsedQuestion) -> QueryAnswer:
        if len(parsed.entity_spans) < 2:
            raise Clarify("Name two items, e.g. “how does the Checkout Redesign depend on the Ledger Service?”")
        start, end = await both(self._entity(parsed, 0), self._entity(parsed, 1))
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
            cypher=_used("queries/dependency_path"),
        )

    async def _critical_path(self, parsed: ParsedQuestion) -> QueryAnswer:
        start = await self._entity(parsed) if parsed.entity_spans else None
        result = await structured.critical(self.graph, start.id if start else None)
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.critical(result),
            data=result.model_dump(),
            cypher=_used("queries/critical_path_subgraph"),
        )

    async def _person(self, span: str) -> dict[str, str]:
        people = await find_people(self.graph, span)
        if not people:
            raise Clarify(f"I don't know anyone called “{span}”.")
        if len(people) > 1:
            raise Clarify.which(span, people)
        return people[0]

    async def _owned_by(self, parsed: ParsedQuestion) -> QueryAnswer:
        """What someone owns, and their open action items ("what's on Maya's plate?")."""
        if not parsed.person_span:
            raise Clarify("Whose work do you mean?")
        person = await self._person(parsed.person_span)
        rows, todo = await both(
            self.graph.read("queries/owned_by", person_id=person["id"], include_finished=False),
            ask_action_items(self.graph, ActionQuestion(where=ActionFilter(owner=person["id"], status="open"))),
        )
        text = answers.owned_by(person["name"], rows)
        if todo:
            text += " " + answers.action_items(todo, "them", None)
        return QueryAnswer(
            intent=parsed.intent,
            answer=text,
            data={"owner": person["name"], "items": [r["name"] for r in rows], "details": rows,
                  "action_items": [i.model_dump() for i in todo]},
            sources=_sources(rows) + _action_sources(todo),
            cypher=_used("queries/owned_by"),
        )

    async def _action_items(self, parsed: ParsedQuestion) -> QueryAnswer:
        """Who does what by when: someone's, a meeting's, the overdue ones, or those about some work."""
        where, owner, meeting = ActionFilter(status="open"), None, None
        if parsed.person_span and parsed.person_span.lower() not in _NOBODY_IN_PARTICULAR:
            person = await self._person(parsed.person_span)
            where.owner, owner = person["id"], person["name"]
        if parsed.date_ref is not None:
            meeting = await self._meeting(parsed)
            where.meeting_id, where.status = meeting.id, None
        about = " ".join(parsed.entity_spans) or None
        if about or ACTION_DONE.search(parsed.question.lower()):
            where.status = None if about else "done"
        if parsed.overdue:
            where.status, where.due_before = "open", date.today()
        items = await ask_action_items(self.graph, ActionQuestion(where=where, about=about))
        if about and not items:
            return await self._search(parsed)  # "the next step on features": no item names it, the passages may
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.action_items(items, owner, meeting, parsed.overdue, about),
            data={"owner": owner, "meeting_id": meeting.id if meeting else None, "overdue": parsed.overdue,
                  "items": [i.model_dump() for i in items]},
            sources=_action_sources(items),
            cypher=_used("queries/action_items"),
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
            cypher=_used("queries/changes_since"),
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
            cypher=_used("queries/decisions"),
        )

    async def _search(self, parsed: ParsedQuestion) -> QueryAnswer:
        """The best passages, from the meeting the question names if it names one, else from all of them."""
        meeting = None
        if parsed.date_ref is not None:
            meeting = await structured.resolve_meeting(self.graph, parsed.date_ref, date.today())
        found = await find(self.graph, self.embedder, parsed.question, k=10, meeting_id=meeting.id if meeting else None,
                           keywords=parsed.search_text)
        statements = (WITHIN_MEETING,) if meeting else ACROSS_MEETINGS
        if not found.relevant:
            return QueryAnswer(intent=Intent.UNKNOWN, answer=answers.UNKNOWN, data={"examples": answers.EXAMPLES},
                               cypher=_used(*statements))
        hits = found.hits
        return QueryAnswer(
            intent=Intent.SEARCH,
            answer=answers.passages(hits[:5]),
            data={"results": [h.model_dump() for h in hits], "meeting_id": meeting.id if meeting else None},
            sources=[Source(meeting_id=h.meeting_id, external_id=h.external_id, memory_id=h.memory_id, quote=h.text,
                            date=h.date, speaker=", ".join(h.speakers) or None) for h in hits[:5]],
            cypher=_used(*statements),
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
            cypher=_used("queries/meeting_summary"),
        )

    async def _count(self, parsed: ParsedQuestion) -> QueryAnswer:
        status = parsed.status_filter.value if parsed.status_filter else None
        type_ = parsed.type_filter.value if parsed.type_filter else None
        statement = "queries/count_items" if status is None else "queries/count_with_status"
        row = (await self.graph.read(statement, status=status, type=type_))[0]
        return QueryAnswer(
            intent=parsed.intent,
            answer=answers.count(status, row["count"], row["names"]),
            data={"status": status, "count": row["count"], "items": row["names"]},
            cypher=_used(statement),
        )
