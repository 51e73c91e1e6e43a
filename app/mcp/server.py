"""The MCP server: the graph's questions and reads as tools, meetings as resources.

Tools call the same services the REST routes use. Over HTTP (app/mcp/http.py) every request carries an API key
checked before it reaches here; `ingest_meeting` also needs the key's write scope. Over stdio the server runs
with the local settings, like the CLI.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import Field

from app import __version__
from app.ingest.requests import IngestRequest
from app.mcp.scopes import require_write
from app.query import entities, structured
from app.query.action_items import (ActionFilter, ActionItemPage, ActionStatus, InvalidCursor, find_person,
                                    list_action_items)
from app.query.critical_path import CriticalPath
from app.query.linking import link
from app.query.models import Clarify
from app.query.search import SearchHit, search_memories
from app.query.sourced import SourcedAnswer, with_details
from app.query.structured import EntityNotFound, MeetingNotFound
from app.query.views import Dependencies, EntityDetail, Timeline
from app.services import Services

INSTRUCTIONS = (
    "Smart-Meet Graph holds what meetings said about projects, features and tasks: status, progress, owner, "
    "blockers, dependencies, decisions and action items, each with the meeting and quote it came from. Start with "
    "`ask` for a "
    "question in plain English; use the other tools for exact reads by item name or meeting."
)
READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)

Item = Annotated[str, Field(min_length=1, max_length=200,
                            description="An item's name, alias, initials (e.g. 'SSO') or entity id")]
MeetingRef = Annotated[str, Field(min_length=1, max_length=100,
                                  description="A meeting: its external id, its id, a date (2026-03-09) or 'last meeting'")]


def build_server(services: Callable[[], Services]) -> MCPServer:
    server = MCPServer("smartmeet", title="Smart-Meet Graph", version=__version__, instructions=INSTRUCTIONS)

    async def item_id(ref: str) -> str:
        try:
            return (await entities.get_entity(services().graph, ref)).id
        except EntityNotFound:
            pass
        try:
            s = services()
            return (await link(s.graph, s.embedder, ref)).id
        except Clarify as exc:
            raise ToolError(exc.answer) from exc

    async def meeting_id(ref: str) -> str:
        try:
            return (await structured.find_meeting(services().graph, ref)).id
        except MeetingNotFound as exc:
            raise ToolError(f"no stored meeting matches {ref!r}") from exc

    @server.tool(annotations=READ_ONLY)
    async def ask(
        question: Annotated[str, Field(min_length=1, max_length=2000, description="A question in plain English")],
    ) -> SourcedAnswer:
        """Answer a question about the meetings' projects, features, tasks and people, e.g. "what is blocking the
        billing revamp?", "who owns SSO?", "what changed since last week?", "what is the critical path?". The answer
        carries its data, its sources (meeting, date, speakers, quote) and the Cypher behind it."""
        s = services()
        return await with_details(s.graph, await s.engine.ask(question))

    @server.tool(annotations=READ_ONLY)
    async def search(
        query: Annotated[str, Field(min_length=1, max_length=1000, description="Words or a phrase to look for")],
        k: Annotated[int, Field(ge=1, le=50, description="How many passages")] = 10,
    ) -> list[SearchHit]:
        """Find transcript passages about a topic (semantic and keyword search over everything said), with the
        meeting, date and turn range of each. Use when `ask` has no structured answer or to read what was said."""
        s = services()
        return await search_memories(s.graph, s.embedder, query, k, None)

    @server.tool(annotations=READ_ONLY)
    async def entity_status(item: Item) -> EntityDetail:
        """The current state of one project, feature or task: status, progress %, owner, blockers, and the meeting
        and quote where it was last set."""
        return await entities.get_entity(services().graph, await item_id(item))

    @server.tool(annotations=READ_ONLY)
    async def timeline(item: Item) -> Timeline:
        """How one item's state changed over time: one event per meeting that changed it, oldest first, with
        the changed fields and the quote."""
        return await entities.timeline(services().graph, await item_id(item))

    @server.tool(annotations=READ_ONLY)
    async def dependencies(
        item: Item,
        direction: Annotated[str, Field(pattern="^(upstream|downstream)$", description=(
            "'upstream': what the item depends on; 'downstream': what depends on it"))] = "upstream",
        transitive: Annotated[bool, Field(description="Follow the chain beyond direct links")] = True,
    ) -> Dependencies:
        """What an item depends on (upstream) or what depends on it (downstream), with the evidence for each link."""
        ident = await item_id(item)
        read = entities.dependencies if direction == "upstream" else entities.dependents
        return await read(services().graph, ident, transitive)

    @server.tool(annotations=READ_ONLY)
    async def critical_path(
        start: Annotated[str | None, Field(description="Only chains starting at this item (name or id)")] = None,
    ) -> CriticalPath:
        """The unfinished dependency chain with the most remaining work (sum of 100 - progress), first item
        first; also reports dependency cycles."""
        return await structured.critical(services().graph, await item_id(start) if start else None)

    @server.tool(annotations=READ_ONLY)
    async def changes_since(
        meeting: MeetingRef,
        limit: Annotated[int, Field(ge=1, le=1000)] = 200,
        offset: Annotated[int, Field(ge=0)] = 0,
    ) -> dict[str, Any]:
        """State changes (status, progress, owner, blockers) recorded after a meeting or date, one entry per changed
        field with from/to values, meeting and quote."""
        graph = services().graph
        try:
            ref = await structured.find_meeting(graph, meeting)
        except MeetingNotFound as exc:
            raise ToolError(f"no stored meeting matches {meeting!r}") from exc
        rows = await structured.changes_since(graph, ref, limit + 1, offset)
        return {"since": ref.external_id or ref.date.isoformat(), "changes": rows[:limit],
                "next_offset": offset + limit if len(rows) > limit else None}

    @server.tool(annotations=READ_ONLY)
    async def action_items(
        owner: Annotated[str | None, Field(min_length=1, max_length=200, description=(
            "Only this person's items: a name ('Ravi', 'Ravi Patel'), a role when speakers are roles "
            "('Project Manager'), or a person's entity id"))] = None,
        status: Annotated[ActionStatus | None, Field(description="'open' (not yet reported done) or 'done'")] = None,
        due_before: Annotated[date | None, Field(description="Only items due before this day (YYYY-MM-DD)")] = None,
        meeting: Annotated[str | None, Field(min_length=1, max_length=100, description=(
            "Only items raised in this meeting: external id, id, date or 'last meeting'"))] = None,
        limit: Annotated[int, Field(ge=1, le=1000)] = 50,
        cursor: Annotated[str | None, Field(description="next_cursor of the previous page")] = None,
    ) -> ActionItemPage:
        """Action items: who committed to or was asked to do what, by when ("I'll send the specs by Friday",
        "can you look into the battery cost?"), each with its owner, due date, status (open until a later meeting
        says it is done), the meeting it was raised in and the verbatim quote. For overdue items pass
        status='open' and due_before=today."""
        graph = services().graph
        where = ActionFilter(owner=owner, status=status, due_before=due_before,
                             meeting_id=await meeting_id(meeting) if meeting else None)
        if owner and (person := await find_person(graph, owner)) is not None:
            where.owner = person["id"]
        try:
            return await list_action_items(graph, where, limit, cursor)
        except InvalidCursor as exc:
            raise ToolError(str(exc)) from exc

    @server.tool(annotations=READ_ONLY)
    async def meeting_summary(meeting: MeetingRef) -> dict[str, Any]:
        """One meeting: who spoke, what was discussed, what changed, what was decided and its action items."""
        return await structured.meeting_summary(services().graph, await meeting_id(meeting))

    @server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True))
    async def ingest_meeting(meeting: IngestRequest, ctx: Context) -> dict[str, Any]:
        """Store a meeting transcript (plain text "Speaker: words" lines or structured turns) and extract its state
        changes into the graph. Needs an API key with the write scope. Re-sending the same meeting changes nothing."""
        require_write(ctx)
        s = services()
        if meeting.size() > s.settings.max_transcript_chars:
            raise ToolError(f"transcript is {meeting.size()} characters; the limit is {s.settings.max_transcript_chars}")
        await s.ensure_schema()
        return (await s.pipeline.ingest(meeting.to_meeting())).model_dump(mode="json")

    @server.resource("smartmeet://meetings", mime_type="application/json", title="Meetings",
                     description="Stored meetings, newest first (the latest 200)")
    async def meeting_list() -> str:
        rows = await structured.list_meetings(services().graph, 200, 0, None, None)
        return json.dumps(rows, default=str)

    @server.resource("smartmeet://meetings/{meeting}", mime_type="application/json", title="Meeting",
                     description="One meeting's summary: speakers, topics, changes and decisions")
    async def meeting_resource(meeting: str) -> str:
        return json.dumps(await structured.meeting_summary(services().graph, await meeting_id(meeting)), default=str)

    return server
