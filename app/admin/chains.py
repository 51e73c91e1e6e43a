"""Rebuild state chains after entities were merged or a meeting was taken out.

Both reuse the ingestion's own replay (app.ingest.diff.replay_chain) and writer (app.ingest.write.write_chains),
so a curated chain is the chain an ingestion of the same meetings would have produced.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel

from app.graph.driver import Tx
from app.ingest.diff import ChainPlan, Delta, StateVersion, replay_chain
from app.ingest.names import TRACKED_FIELDS


class StoredState(BaseModel):
    version: StateVersion
    turn: int  # where in its meeting the quote that set it was said (the evidencing chunk's first turn)


async def read_states(tx: Tx, entity_ids: list[str]) -> dict[str, list[StoredState]]:
    rows = await tx.run("admin/read_states", entity_ids=entity_ids)
    states: dict[str, list[StoredState]] = {eid: [] for eid in entity_ids}
    for row in rows:
        states[row["entity_id"]].append(StoredState(version=StateVersion.from_props(row["state"]), turn=row["turn"] or 0))
    return states


def rewrite_ids(version: StateVersion, renamed: dict[str, str], dropped: frozenset[str] = frozenset()) -> StateVersion:
    """Owner and blocker ids of merged entities point at the survivor; an item never blocks itself; blockers
    in `dropped` (items removed from the graph) are gone."""

    def one(eid: str | None) -> str | None:
        return renamed.get(eid, eid) if eid else eid

    def many(ids: list[str] | None) -> list[str] | None:
        if ids is None:
            return None
        rewritten = [renamed.get(i, i) for i in ids if i not in dropped]
        return [i for n, i in enumerate(rewritten) if i not in rewritten[:n] and i != owner]

    owner = renamed.get(version.entity_id, version.entity_id)

    delta = version.delta.model_copy(update={"owner": one(version.delta.owner), "blockers": many(version.delta.blockers)})
    snapshot = version.snapshot.model_copy(
        update={"owner": one(version.snapshot.owner), "blockers": many(version.snapshot.blockers) or []}
    )
    return version.model_copy(update={"delta": delta, "snapshot": snapshot})


def fold_into(entity_id: str, states: list[StoredState], preferred: str) -> list[StateVersion]:
    """One version per meeting for `entity_id`, made of every merged entity's version from that meeting.

    Fields are folded in the order they were said (later statements win, as in one meeting's own fold); on a
    tie the preferred entity's statement is taken as the later one.
    """
    by_meeting: dict[str, list[StoredState]] = defaultdict(list)
    for state in states:
        by_meeting[state.version.meeting_id].append(state)
    folded = []
    for meeting_id, group in by_meeting.items():
        group.sort(key=lambda s: (s.turn, s.version.entity_id == preferred))
        delta = Delta()
        for state in group:
            for field in TRACKED_FIELDS:
                value = getattr(state.version.delta, field)
                if value is not None:
                    setattr(delta, field, value)
        last = group[-1].version
        folded.append(last.model_copy(update={"id": f"{entity_id}@{meeting_id}", "entity_id": entity_id, "delta": delta}))
    return folded


def rebuild(entity_id: str, versions: list[StateVersion], old_ids: list[str]) -> ChainPlan:
    """The whole chain replayed from its first meeting; every kept version is rewritten, the rest deleted."""
    replayed = replay_chain(entity_id, None, sorted(versions, key=lambda v: v.sort_key), None)
    changed = {v.id: v for v in replayed.upserts}
    given = {v.id: v for v in versions}
    chain = replayed.chains[0]
    kept = [changed.get(i, given[i]) for i in chain.state_ids]
    return ChainPlan(upserts=kept, deletes=sorted(set(old_ids) - set(chain.state_ids)), chains=[chain])

