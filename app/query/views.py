"""Response models for reads; field names follow the evaluation contract, with extras welcome."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

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
