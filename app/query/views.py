"""Response models for reads; field names follow the evaluation contract, with extras welcome."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from app.query.models import Source

T = TypeVar("T")


class EntitySummary(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class StateView(BaseModel):
    status: str | None = None
    progress: int | None = None
    owner: str | None = None
    blockers: list[str] = Field(default_factory=list)
    since: str | None = None
    meeting_id: str | None = None
    external_id: str | None = None
    memory_id: str | None = None
    quote: str | None = None


class EntityDetail(EntitySummary):
    meetings: int = 0
    state: StateView


class TimelineEvent(BaseModel):
    meeting_id: str
    external_id: str | None
    date: str
    title: str | None = None
    status: str
    progress: int | None
    owner: str | None
    blockers: list[str]
    changed: list[str]
    memory_id: str | None = None
    quote: str | None = None


class Timeline(BaseModel):
    entity: EntitySummary
    events: list[TimelineEvent]


class DependencyItem(BaseModel):
    id: str
    name: str
    type: str
    depth: int
    meeting_ids: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)


class Dependencies(BaseModel):
    entity: EntitySummary
    transitive: bool
    items: list[DependencyItem]


class StateAsOf(StateView):
    entity: EntitySummary
    as_of: str | None = Field(default=None, description="The meeting the state is read at (external id or date)")
    as_of_date: str | None = None


class MeetingHeader(BaseModel):
    id: str
    external_id: str | None = None
    title: str
    date: str
    participants: list[str] = Field(default_factory=list)


class MeetingListItem(MeetingHeader):
    turn_count: int | None = None


class Attendee(BaseModel):
    id: str
    name: str
    spoke: bool | None = None
    turns: int | None = None


class MeetingStateChange(BaseModel):
    id: str
    name: str
    status: str | None = None
    progress: int | None = None
    owner: str | None = None
    changed: list[str] | None = None
    quote: str | None = None
    memory_id: str | None = None


class MeetingDecision(BaseModel):
    id: str
    summary: str
    quote: str | None = None
    entity: str | None = None


class MeetingActionItem(BaseModel):
    """An action item raised in the meeting; `status` is done once a later meeting (`closed_in`) closed it."""

    id: str
    text: str
    owner: str | None = None
    owner_id: str | None = None
    status: str
    due: str | None = None
    due_text: str | None = None
    quote: str | None = None
    speaker: str | None = None
    closed_in: str | None = None


class MeetingSummary(MeetingHeader):
    """GET /api/meetings/{meeting}: one section a field, so a new section is one more field."""

    attendees: list[Attendee] = Field(default_factory=list)
    discussed: list[EntitySummary] = Field(default_factory=list)
    changes: list[MeetingStateChange] = Field(default_factory=list)
    decisions: list[MeetingDecision] = Field(default_factory=list)
    action_items: list[MeetingActionItem] = Field(default_factory=list)


class DependencyPath(BaseModel):
    path: list[str]
    ids: list[str]
    sources: list[Source]  # one per hop: the meeting and quote that said it


class DependencyPaths(BaseModel):
    from_: str = Field(alias="from", serialization_alias="from")
    to: str
    path: list[str] = Field(description="The first shortest path's names; empty when there is none")
    hops: int | None
    paths: list[DependencyPath]


class Change(BaseModel):
    entity: str
    entity_id: str
    field: str
    from_: Any = Field(default=None, alias="from", serialization_alias="from")
    to: Any = None
    external_id: str | None = None
    meeting_id: str
    date: str
    memory_id: str | None = None
    quote: str | None = None


class Changes(BaseModel):
    since: str
    since_date: str
    changes: list[Change]
    limit: int
    offset: int
    next_offset: int | None
