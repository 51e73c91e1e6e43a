"""Delete a meeting and everything only it contributed, in one transaction.

The same steps as a re-ingest that replaces a meeting (app.ingest.pipeline): remove its contribution, replay
the touched chains from the meeting's place in time, then delete entities nothing refers to any more. Aliases
an entity learnt from the meeting are kept: they may have been confirmed elsewhere or by hand.
"""

from __future__ import annotations

from app.admin.chains import combine
from app.admin.errors import NotFound
from app.admin.models import MeetingDeletion
from app.graph.driver import Graph, Tx
from app.ingest.diff import StateVersion, replay_chain
from app.ingest.write import write_chains


async def delete_meeting(graph: Graph, meeting_id: str) -> MeetingDeletion:
    return await graph.in_write_transaction(lambda tx: _delete(tx, meeting_id))


async def _delete(tx: Tx, meeting_id: str) -> MeetingDeletion:
    footprint = await tx.run("admin/meeting_footprint", meeting_id=meeting_id)
    if not footprint:
        raise NotFound(f"no meeting {meeting_id!r}")
    removed = (await tx.run("ingest/remove_meeting_contribution", meeting_id=meeting_id))[0]
    touched = sorted(removed["state_entities"])
    rows = await tx.run("ingest/read_state_chains", entity_ids=touched, sort_key=removed["sort_key"])
    plans, referenced = [], set(footprint[0]["referenced"])
    for row in rows:
        base = StateVersion.from_props(row["base"]) if row["base"] else None
        later = [StateVersion.from_props(s) for s in row["later"]]
        for version in [*([base] if base else []), *later]:
            referenced.update([version.snapshot.owner or "", *version.snapshot.blockers])
        plans.append(replay_chain(row["entity_id"], base, later, None, relink=True))
    plan = combine(plans)
    await write_chains(tx, plan)

    candidates = sorted(
        (set(touched) | set(removed["mentioned_entities"]) | set(footprint[0]["attendees"]) | referenced) - {""}
    )
    await tx.run("ingest/delete_orphan_entities", entity_ids=candidates)
    remaining = {r["id"] for r in await tx.run("admin/read_entities", entity_ids=candidates)}
    return MeetingDeletion(
        meeting_id=meeting_id,
        replayed_entities=touched,
        deleted_entities=[c for c in candidates if c not in remaining],
        states_rewritten=len(plan.upserts),
        states_deleted=len(plan.deletes),
    )
