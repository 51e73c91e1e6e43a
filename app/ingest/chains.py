"""State chains in the graph: replaying them, taking a meeting's contribution out, sweeping orphans.

Ingest, re-ingest, meeting deletion and merges all go through here, so each does the same thing: a re-ingest
is a deletion of the old version followed by a fresh ingest, in one transaction under the same meeting id.
"""

from __future__ import annotations

from pydantic import BaseModel

from app.graph.driver import Tx
from app.ingest.diff import ChainPlan, StateVersion, replay_chain
from app.ingest.write import write_chains


class Removal(BaseModel):
    """What taking a meeting out did."""

    replayed: list[str]  # entities whose chains held a version from the meeting
    deleted: list[str]  # entities nothing referred to any more
    states_rewritten: int
    states_deleted: int


def combine(plans: list[ChainPlan]) -> ChainPlan:
    combined = ChainPlan()
    for plan in plans:
        combined.upserts += plan.upserts
        combined.deletes += plan.deletes
        combined.chains += plan.chains
    return combined


async def replay_chains(
    tx: Tx, entity_ids: list[str], sort_key: str, inserted: dict[str, StateVersion] | None = None, relink: bool = False
) -> tuple[ChainPlan, set[str]]:
    """Each chain replayed from `sort_key` on, with a new version inserted where given.

    The entities are locked first, in id order, so concurrent writers of overlapping chains queue instead of
    deadlocking, and each sees the other's versions. Also returns every owner and blocker the stored versions
    named: once replayed, they may be referred to by nothing.
    """
    inserted = inserted or {}
    chained = sorted(entity_ids)
    await tx.run("ingest/lock_entities", entity_ids=chained)
    rows = {r["entity_id"]: r for r in await tx.run("ingest/read_state_chains", entity_ids=chained, sort_key=sort_key)}
    plans, referenced = [], set()
    for eid in chained:
        row = rows.get(eid, {"base": None, "later": []})
        base = StateVersion.from_props(row["base"]) if row["base"] else None
        later = [StateVersion.from_props(s) for s in row["later"]]
        for version in [*([base] if base else []), *later]:
            referenced.update([version.snapshot.owner or "", *version.snapshot.blockers])
        plans.append(replay_chain(eid, base, later, inserted.get(eid), relink=relink))
    return combine(plans), referenced - {""}


async def lock_existing(tx: Tx, entity_ids: set[str] | list[str]) -> set[str]:
    """Write-locks those of `entity_ids` that exist, in id order, and returns them; creates nothing.

    Merges, undos and meeting removals lock what they will change with this before they change it, all in the
    one (id) order, so that concurrent writers of the same entities queue instead of deadlocking.
    """
    rows = await tx.run("ingest/lock_existing_entities", entity_ids=sorted(set(entity_ids) - {""}))
    return set(rows[0]["locked"]) if rows else set()


async def sweep_orphans(tx: Tx, entity_ids: set[str] | list[str]) -> list[str]:
    """Deletes those of `entity_ids` that nothing refers to; returns their ids."""
    rows = await tx.run("ingest/delete_orphan_entities", entity_ids=sorted(set(entity_ids) - {""}))
    return sorted(rows[0]["deleted"]) if rows else []


async def remove_meeting(tx: Tx, meeting_id: str) -> Removal | None:
    """The meeting and everything only it contributed, gone; its chains replayed from its date. None if unknown.
    Its action items go with it, and items of other meetings it closed are open again (CLOSED_IN goes too).

    Aliases an entity learnt from the meeting are kept: they may have been confirmed elsewhere or by hand.
    """
    found = await tx.run("ingest/meeting_footprint", meeting_id=meeting_id)
    if not found:
        return None
    footprint = found[0]
    touched = sorted(await lock_existing(tx, footprint["state_entities"]))
    actions = (await tx.run("ingest/delete_action_items", meeting_id=meeting_id))[0]
    removed = (await tx.run("ingest/remove_meeting_contribution", meeting_id=meeting_id))[0]
    plan, referenced = await replay_chains(tx, touched, removed["sort_key"], relink=True)
    await write_chains(tx, plan)
    candidates = {*touched, *removed["mentioned_entities"], *footprint["attendees"], *footprint["referenced"],
                  *referenced, *actions["referenced"]}
    return Removal(
        replayed=touched,
        deleted=await sweep_orphans(tx, candidates),
        states_rewritten=len(plan.upserts),
        states_deleted=len(plan.deletes),
    )
