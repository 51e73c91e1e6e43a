"""Mark an entity "not a work item", and undo that exactly.

Dismissing puts the entity's name and aliases (normalised, `names.search_keys`) on the ignore list that
ingestion passes to the extractor, so later meetings, and a re-ingest of the same one, never create it again.
In the same transaction the entity and its states are removed, and the chains of the items whose states named it
as a blocker are replayed without it. As with a merge (app/admin/merge.py), a snapshot of all of that is kept on
the Dismissal node. Undo recreates the snapshot and takes the names off the list; it is refused while the id is
in use again or when the replayed chains changed since (a meeting ingested or deleted), as recreating the
snapshot would then lose that change.
"""

from __future__ import annotations

import uuid

from app.admin.chains import read_states, rebuild, rewrite_ids
from app.admin.errors import Conflict, Invalid, NotFound
from app.admin.models import Dismissal, DismissalSummary, DismissalUndo, Subgraph
from app.admin.snapshot import fingerprint, read_subgraph, restore
from app.graph.driver import Graph, Tx
from app.ingest.chains import combine
from app.ingest.models import EntityType
from app.ingest.names import search_keys
from app.ingest.write import write_chains


async def dismiss_entity(graph: Graph, entity_id: str) -> Dismissal:
    return await graph.in_write_transaction(lambda tx: _dismiss(tx, entity_id))


async def undo_dismissal(graph: Graph, dismissal_id: str) -> DismissalUndo:
    return await graph.in_write_transaction(lambda tx: _undo(tx, dismissal_id))


async def list_dismissals(graph: Graph, limit: int = 100) -> list[DismissalSummary]:
    rows = await graph.read("curation/list_dismissals", limit=limit)
    return [DismissalSummary(**row, ignored_names=row["keys"]) for row in rows]


async def _dismiss(tx: Tx, entity_id: str) -> Dismissal:
    rows = await tx.run("admin/read_entities", entity_ids=[entity_id])
    if not rows:
        raise NotFound(f"no entity {entity_id!r}")
    entity = rows[0]
    if entity["type"] == EntityType.PERSON:
        raise Invalid(f"{entity_id!r} is a person; only work items can be marked as not a work item")

    affected = [r["id"] for r in await tx.run("admin/state_referrers", entity_ids=[entity_id], exclude_ids=[entity_id])]
    before = await read_subgraph(tx, [entity_id], [entity_id, *affected])
    states = await read_states(tx, affected)
    await tx.run("admin/delete_entity_states", entity_ids=[entity_id])
    await tx.run("admin/delete_entities", entity_ids=[entity_id])
    dropped = frozenset({entity_id})
    plans = [
        rebuild(eid, [rewrite_ids(s.version, {}, dropped) for s in states[eid]], [s.version.id for s in states[eid]])
        for eid in affected
    ]
    await write_chains(tx, combine(plans))

    aliases = list(entity["aliases"] or [])
    keys = search_keys(entity["name"], aliases)
    dismissal_id = uuid.uuid4().hex
    after = await read_subgraph(tx, [], affected)
    await tx.run(
        "curation/create_dismissal",
        dismissal={"id": dismissal_id, "entity_id": entity_id, "name": entity["name"], "type": entity["type"],
                   "names": [entity["name"], *aliases], "keys": keys, "affected": affected,
                   "snapshot": before.model_dump_json(), "fingerprint": fingerprint(after)},
    )
    return Dismissal(
        dismissal_id=dismissal_id, entity_id=entity_id, name=entity["name"], type=entity["type"], ignored_names=keys,
        removed_states=sum(1 for n in before.nodes if n.labels[0] == "State") - sum(len(s) for s in states.values()),
        replayed_entities=affected,
    )


async def _undo(tx: Tx, dismissal_id: str) -> DismissalUndo:
    rows = await tx.run("curation/read_dismissal", id=dismissal_id)
    if not rows:
        raise NotFound(f"no dismissal {dismissal_id!r} (it may have been undone already)")
    event = rows[0]["dismissal"]
    entity_id, affected = event["entity_id"], event["affected"]
    if await tx.run("admin/read_entities", entity_ids=[entity_id]):
        raise Conflict(f"an entity with the id {entity_id!r} exists again (created since); merge or edit it instead")
    if fingerprint(await read_subgraph(tx, [], affected)) != event["fingerprint"]:
        raise Conflict(
            f"the items {entity_id!r} blocked changed since it was dismissed (a meeting was ingested or deleted); "
            "undoing now would lose that change"
        )
    snapshot = Subgraph.model_validate_json(event["snapshot"])
    await tx.run("admin/delete_entity_states", entity_ids=affected)
    restored = await restore(tx, snapshot)
    await tx.run("curation/delete_dismissal", id=dismissal_id)
    return DismissalUndo(
        dismissal_id=dismissal_id,
        restored_entity=entity_id,
        restored_states=sum(1 for n in snapshot.nodes if n.labels[0] == "State"),
        restored_relationships=restored,
        unignored_names=event["keys"],
    )
