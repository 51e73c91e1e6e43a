"""Pydantic models passed between the ingestion stages."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class Status(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    AT_RISK = "at_risk"
    DONE = "done"
    CANCELLED = "cancelled"


class EntityType(StrEnum):
    PROJECT = "project"
    FEATURE = "feature"
    TASK = "task"
    PERSON = "person"


class Turn(BaseModel):
    """One speaker turn of a transcript; `index` is its 0-based position."""

    index: int
    speaker: str
    text: str


class MeetingInput(BaseModel):
    """A meeting as submitted, before parsing."""

    title: str
    date: date
    participants: list[str] = Field(default_factory=list)
    external_id: str | None = None
    turns: list[Turn]


class Curation(BaseModel):
    """What the graph says about names, read before extraction: `ignored` (normalised names admins marked as not
    work items) are never items; `catalogued` (names and aliases from a catalogue import) are items wherever said;
    `known_as` (speaker or participant -> the names they introduced themselves with in earlier meetings) name them."""

    ignored: list[str] = Field(default_factory=list)
    catalogued: list[str] = Field(default_factory=list)
    known_as: dict[str, list[str]] = Field(default_factory=dict)


class Chunk(BaseModel):
    """A run of consecutive turns stored as one Memory."""

    index: int
    text: str
    turn_start: int
    turn_end: int
    speakers: list[str]
    embedding_text: str  # the lines the vector is made from: the words, without markers or fillers (chunk.py)


class EntityMention(BaseModel):
    """A work item (project, feature, task) named in a turn, as the speaker said it."""

    surface: str
    type: EntityType | None = None
    turn: int


class StateAssertion(BaseModel):
    """What one turn asserts about the *current* state of an item.

    Only fields the speaker actually stated are set; `None` means "not said".
    `blockers=[]` means the speaker said it is no longer blocked.
    """

    entity: str
    turn: int
    quote: str
    status: Status | None = None
    progress: int | None = Field(default=None, ge=0, le=100)
    owner: str | None = None
    blockers: list[str] | None = None


class DependencyAssertion(BaseModel):
    """`dependent` needs `dependency` finished first."""

    dependent: str
    dependency: str
    turn: int
    quote: str


class DecisionAssertion(BaseModel):
    entity: str | None = None
    summary: str
    turn: int
    quote: str


class ActionAssertion(BaseModel):
    """Someone committed to, or was asked to do, a piece of work: `owner` as said (a speaker, a name or a role)."""

    owner: str
    text: str
    turn: int
    quote: str
    speaker: str
    due_text: str | None = None
    due: date | None = None


class DoneClaim(BaseModel):
    """Someone said a piece of work is done ("I sent the specs"); it closes their matching open action item."""

    owner: str
    text: str
    turn: int
    quote: str


class Extraction(BaseModel):
    """Everything an extractor found in one meeting; names are surfaces as spoken."""

    mentions: list[EntityMention] = Field(default_factory=list)
    states: list[StateAssertion] = Field(default_factory=list)
    dependencies: list[DependencyAssertion] = Field(default_factory=list)
    decisions: list[DecisionAssertion] = Field(default_factory=list)
    action_items: list[ActionAssertion] = Field(default_factory=list)
    done_claims: list[DoneClaim] = Field(default_factory=list)
    introduced: dict[str, list[str]] = Field(default_factory=dict)  # speaker -> the names they introduced themselves by


IngestMode = Literal["sync", "job", "backfill"]


class IngestResult(BaseModel):
    meeting_id: str
    external_id: str | None
    status: str  # created | replaced | unchanged
    memories: int = 0
    entities: int = 0
    states: int = 0
    dependencies: int = 0
    decisions: int = 0
    extractor: str = ""
    statements: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
