"""Action items as the API, the question engine and the MCP server read them: filtered, in meeting order, paged by
an opaque cursor (the last item's order key)."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from app.graph.driver import Graph
from app.graph.lucene import lucene_query
from app.ingest.extract.action_cues import closes
from app.ingest.names import normalize_name
from app.query.linking import people_named

ActionStatus = Literal["open", "done"]


class InvalidCursor(ValueError):
    pass


class ActionItemView(BaseModel):
    id: str
    text: str = Field(description="What is to be done, in the speaker's words")
    owner: str = Field(description="Who does it: a person, or a role when speakers are roles")
    owner_id: str
    status: ActionStatus = Field(description="open until a later meeting says it is done")
    due: str | None = Field(default=None, description="The day it is due, resolved against the meeting date")
    due_text: str | None = Field(default=None, description='The due date as said ("by Friday", "next meeting")')
    quote: str
    speaker: str
    turn: int
    meeting_id: str
    external_id: str | None = None
    meeting_title: str | None = None
    meeting_date: str
    closed_in: str | None = Field(default=None, description="The meeting that closed it")
    closed_date: str | None = None
    closed_quote: str | None = None
    about: list[str] = Field(default_factory=list, description="Work items it names")
    memory_id: str | None = None


class ActionItemPage(BaseModel):
    items: list[ActionItemView]
    next_cursor: str | None


class ActionFilter(BaseModel):
    owner: str | None = None  # a person's id or name
    status: ActionStatus | None = None
    due_before: date | None = None
    meeting_id: str | None = None
    since: date | None = None


def encode_cursor(order_key: str) -> str:
    return base64.urlsafe_b64encode(order_key.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        key = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidCursor(f"cursor {cursor[:40]!r} is not one this API handed out") from exc
    if key.count("|") < 3:
        raise InvalidCursor(f"cursor {cursor[:40]!r} is not one this API handed out")
    return key


async def list_action_items(graph: Graph, where: ActionFilter, limit: int = 50, cursor: str | None = None
                            ) -> ActionItemPage:
    rows = await graph.read(
        "queries/action_items",
        owner=where.owner, owner_key=normalize_name(where.owner) if where.owner else None, status=where.status,
        due_before=where.due_before.isoformat() if where.due_before else None, meeting_id=where.meeting_id,
        since=where.since.isoformat() if where.since else None,
        after=decode_cursor(cursor) if cursor else None, limit=limit + 1,
    )
    items = [ActionItemView(**row) for row in rows[:limit]]
    return ActionItemPage(items=items, next_cursor=encode_cursor(rows[limit - 1]["order_key"]) if len(rows) > limit
                          else None)


async def find_people(graph: Graph, span: str) -> list[dict[str, str]]:
    """The stored people a spoken name may mean ("Ravi", "ravi patel", "Project Manager"): one, several or none.
    A name said in full is found by its key; only the rest (a first name, a typo) goes to the fuzzy search."""
    if (key := normalize_name(span)) and (exact := await graph.read("queries/person_by_key", key=key)):
        return exact
    lucene = lucene_query(span, fuzzy=True) or ""
    people = await graph.read("queries/person_candidates", lucene=lucene, limit=50) if lucene else []
    by_name = {p["name"]: p for p in people}
    return [by_name[name] for name in people_named(span, list(by_name))]


async def find_person(graph: Graph, span: str) -> dict[str, str] | None:
    """The one stored person a spoken name means, or None when none or several fit."""
    people = await find_people(graph, span)
    return people[0] if len(people) == 1 else None


class ActionQuestion(BaseModel):
    """What an action-item question asks for, once its person and meeting are found."""

    where: ActionFilter
    about: str | None = None  # "who is doing the market research": the work the items must name
    owner_name: str | None = None
    meeting_title: str | None = None


def about_matches(about: str, item: ActionItemView) -> bool:
    """Whether an item is about what was asked: most of the asked words in its text or the items it names."""
    return closes(" ".join([item.text, *item.about]), about)


async def ask_action_items(graph: Graph, question: ActionQuestion, limit: int = 50) -> list[ActionItemView]:
    page = await list_action_items(graph, question.where, limit=1000 if question.about else limit)
    items = page.items
    if question.about:
        items = [i for i in items if about_matches(question.about, i)]
    return items[:limit]
