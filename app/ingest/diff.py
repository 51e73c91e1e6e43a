"""Turn a meeting's state assertions into new State versions.

A State is a full snapshot (status, progress, owner, blockers). Each State also
remembers which fields its meeting actually asserted, so a chain can be replayed
when a meeting is inserted out of date order, replaced or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from app.ingest.models import StateAssertion, Status
from app.ingest.names import TRACKED_FIELDS

FINISHED = (Status.DONE, Status.CANCELLED)


class Snapshot(BaseModel):
    status: Status = Status.PLANNED
    progress: int | None = 0
    owner: str | None = None
    blockers: list[str] = Field(default_factory=list)

    def changed_fields(self, other: Snapshot) -> list[str]:
        return [f for f in TRACKED_FIELDS if _comparable(getattr(self, f)) != _comparable(getattr(other, f))]


class Delta(BaseModel):
    """The fields one meeting asserted about one entity, already resolved to canonical names."""

    status: Status | None = None
    progress: int | None = None
    owner: str | None = None
    blockers: list[str] | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f) is None for f in TRACKED_FIELDS)


def _comparable(value: object) -> object:
    return sorted(value) if isinstance(value, list) else value


def merge_assertions(assertions: Iterable[StateAssertion]) -> Delta:
    """Fold one meeting's assertions about one entity, in turn order; later statements win."""
    delta = Delta()
    for a in sorted(assertions, key=lambda a: a.turn):
        if a.status is not None:
            delta.status = a.status
            if a.status != Status.BLOCKED and a.blockers is None:
                delta.blockers = []
        if a.progress is not None:
            delta.progress = a.progress
        if a.owner is not None:
            delta.owner = a.owner
        if a.blockers is not None:
            delta.blockers = list(a.blockers)
    return delta


def apply_delta(prev: Snapshot, delta: Delta) -> Snapshot:
    """The state after a meeting: stated fields override, with the implications people assume."""
    nxt = prev.model_copy(deep=True)
    if delta.owner is not None:
        nxt.owner = delta.owner
    if delta.progress is not None:
        nxt.progress = delta.progress
    if delta.blockers is not None:
        nxt.blockers = list(delta.blockers)
    if delta.status is not None:
        nxt.status = delta.status
    elif delta.blockers == [] and prev.status == Status.BLOCKED:
        nxt.status = Status.IN_PROGRESS
    elif delta.blockers:
        nxt.status = Status.BLOCKED
    elif delta.progress is not None and nxt.status == Status.PLANNED and delta.progress > 0:
        nxt.status = Status.IN_PROGRESS
    if nxt.status == Status.DONE and delta.progress is None:
        nxt.progress = 100
    if nxt.status == Status.IN_PROGRESS and delta.progress == 100 and delta.status is None:
        nxt.status = Status.DONE
    if nxt.status != Status.BLOCKED:
        nxt.blockers = []
    return nxt


class StateVersion(BaseModel):
    """One stored State: the snapshot after its meeting plus what that meeting asserted."""

    id: str
    entity_id: str
    meeting_id: str
    date: str
    sort_key: str
    snapshot: Snapshot
    delta: Delta
    changed: list[str] = Field(default_factory=list)
    quote: str | None = None
    memory_id: str | None = None

    @classmethod
    def from_props(cls, props: dict) -> StateVersion:
        return cls(
            id=props["id"],
            entity_id=props["entity_id"],
            meeting_id=props["meeting_id"],
            date=str(props["date"]),
            sort_key=props["sort_key"],
            snapshot=Snapshot(
                status=props["status"],
                progress=props.get("progress"),
                owner=props.get("owner_id"),
                blockers=props.get("blocker_ids") or [],
            ),
            delta=Delta(
                status=props.get("set_status"),
                progress=props.get("set_progress"),
                owner=props.get("set_owner_id"),
                blockers=props.get("set_blocker_ids"),
            ),
            changed=props.get("changed") or [],
            quote=props.get("quote"),
            memory_id=props.get("memory_id"),
        )

    def to_props(self) -> dict:
        return {
            "id": self.id,
            "entity_id": self.entity_id,
            "meeting_id": self.meeting_id,
            "date": self.date,
            "sort_key": self.sort_key,
            "status": self.snapshot.status.value,
            "progress": self.snapshot.progress,
            "owner_id": self.snapshot.owner,
            "blocker_ids": self.snapshot.blockers,
            "set_status": self.delta.status.value if self.delta.status else None,
            "set_progress": self.delta.progress,
            "set_owner_id": self.delta.owner,
            "set_blocker_ids": self.delta.blockers,
            "changed": self.changed,
            "quote": self.quote,
            "memory_id": self.memory_id,
        }


class Chain(BaseModel):
    entity_id: str
    state_ids: list[str]
    links: list[dict]
    current_id: str | None


class ChainPlan(BaseModel):
    """What to write so an entity's chain is right again."""

    upserts: list[StateVersion] = Field(default_factory=list)
    deletes: list[str] = Field(default_factory=list)
    chains: list[Chain] = Field(default_factory=list)


def replay_chain(
    entity_id: str,
    base: StateVersion | None,
    later: list[StateVersion],
    inserted: StateVersion | None,
    relink: bool = False,
) -> ChainPlan:
    """Re-derives the snapshots from `base` on, with `inserted` (this meeting's version) put in date order.

    A version whose meeting no longer changes anything is dropped, so a timeline only shows real changes.
    `relink` rewrites the links and CURRENT_STATE even when no version changes: needed after versions
    were removed (a meeting replaced or deleted), since the removed ones may have held them.
    """
    versions = sorted([*later, *([inserted] if inserted else [])], key=lambda v: v.sort_key)
    plan = ChainPlan()
    prev_snapshot = base.snapshot if base else Snapshot()
    kept: list[StateVersion] = [base] if base else []
    for version in versions:
        snapshot = apply_delta(prev_snapshot, version.delta)
        changed = prev_snapshot.changed_fields(snapshot)
        if not changed:
            if version is not inserted:
                plan.deletes.append(version.id)
            continue
        if version is inserted or snapshot != version.snapshot or changed != version.changed:
            plan.upserts.append(version.model_copy(update={"snapshot": snapshot, "changed": changed}))
        kept.append(version)
        prev_snapshot = snapshot
    links = [
        {"from_id": a.id, "to_id": b.id, "changed": next(u for u in [*plan.upserts, b] if u.id == b.id).changed}
        for a, b in zip(kept, kept[1:])
    ]
    if relink or plan.upserts or plan.deletes or not base:
        plan.chains.append(
            Chain(
                entity_id=entity_id,
                state_ids=[v.id for v in kept],
                links=links,
                current_id=kept[-1].id if kept else None,
            )
        )
    return plan
