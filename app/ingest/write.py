"""Rows for the batched UNWIND statements in `cypher/ingest/`, and the order they run in."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.graph.driver import Tx
from app.ingest.diff import ChainPlan


class MeetingRow(BaseModel):
    id: str
    external_id: str | None
    title: str
    date: str
    sort_key: str
    content_hash: str
    participants: list[str]
    turn_count: int
    extractor: str


class MemoryRow(BaseModel):
    id: str
    index: int
    text: str
    turn_start: int
    turn_end: int
    speakers: list[str]
    embedding: list[float]


class EntityRow(BaseModel):
    id: str
    name: str
    type: str
    label: str
    aliases: list[str]
    name_key: str
    search_keys: list[str]
    initials: str | None = None
    name_embedding: list[float] | None = None


class ActionItemRow(BaseModel):
    id: str
    text: str
    owner_id: str
    quote: str
    speaker: str
    turn: int
    due: str | None
    due_text: str | None
    memory_id: str | None
    about_ids: list[str]
    order_key: str


class ClosureRow(BaseModel):
    """An action item closed by a meeting: what was said, and where."""

    action_id: str
    meeting_id: str
    quote: str
    memory_id: str | None


class MeetingWrite(BaseModel):
    """Everything one meeting adds to the graph, ready to be written in one transaction."""

    meeting: MeetingRow
    memories: list[MemoryRow]
    entities: list[EntityRow]
    mentions: list[dict[str, Any]] = Field(default_factory=list)
    attendees: list[dict[str, Any]] = Field(default_factory=list)
    dependencies: list[dict[str, Any]] = Field(default_factory=list)
    decisions: list[dict[str, Any]] = Field(default_factory=list)
    action_items: list[ActionItemRow] = Field(default_factory=list)
    closures: list[ClosureRow] = Field(default_factory=list)


async def write_meeting(tx: Tx, rows: MeetingWrite, plan: ChainPlan) -> None:
    """A fixed sequence of statements, whatever the number of entities; those with nothing to write are left out."""
    await tx.run(
        "ingest/write_meeting",
        meeting=rows.meeting.model_dump(),
        memories=[m.model_dump() for m in rows.memories],
    )
    await unwind(tx, "ingest/upsert_entities", entities=[e.model_dump() for e in rows.entities])
    await unwind(tx, "ingest/write_mentions", mentions=rows.mentions)
    await unwind(tx, "ingest/write_attendance", meeting_id=rows.meeting.id, attendees=rows.attendees)
    await write_chains(tx, plan)
    await unwind(tx, "ingest/write_dependencies", dependencies=rows.dependencies)
    await unwind(tx, "ingest/write_decisions", meeting_id=rows.meeting.id, decisions=rows.decisions)
    await unwind(tx, "ingest/write_action_items", meeting_id=rows.meeting.id,
                 items=[a.model_dump() for a in rows.action_items])
    await unwind(tx, "ingest/close_action_items", closures=[c.model_dump() for c in rows.closures])


async def write_chains(tx: Tx, plan: ChainPlan) -> None:
    await unwind(tx, "ingest/delete_states", state_ids=plan.deletes)
    await unwind(
        tx,
        "ingest/write_states",
        states=[{"id": v.id, "entity_id": v.entity_id, "meeting_id": v.meeting_id, "props": v.to_props()}
                for v in plan.upserts],
    )
    await unwind(tx, "ingest/relink_state_chains", chains=[c.model_dump() for c in plan.chains])


async def unwind(tx: Tx, statement: str, **params: Any) -> None:
    """Runs a statement that UNWINDs its one list parameter, unless that list is empty: it would write nothing,
    and each statement is a round trip to the server."""
    if any(value for value in params.values() if isinstance(value, list)):
        await tx.run(statement, **params)
