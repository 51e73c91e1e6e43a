"""Merge entities that are one thing said two ways, and undo such a merge exactly.

A merge runs in one transaction: it snapshots everything it will change (the target and source nodes, every
state of theirs and of the entities whose states name a source as owner or blocker, and every relationship
touching any of those nodes), moves the sources' relationships to the target, rebuilds the chains, deletes the
sources and records a MergeEvent holding the snapshot and a fingerprint of what the merge left behind.

Undo deletes what the merge left (the target, its states and the rewritten states) and recreates the snapshot.
It is refused (Conflict) while a later merge touching the same entities stands, when a source id is in use
again, or when the fingerprint no longer matches: a meeting ingested or deleted since then, or an edit, changed
what the merge left, and recreating the snapshot would silently lose that change.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.admin.chains import StoredState, fold_into, read_states, rebuild, rewrite_ids
from app.admin.errors import Conflict, Invalid, NotFound
from app.admin.models import MergeEventSummary, MergeRequest, MergeResult, Subgraph, UndoResult
from app.admin.snapshot import fingerprint, read_subgraph, restore
from app.graph.driver import Graph, Tx
from app.ingest.chains import combine, lock_existing
from app.ingest.models import EntityType
from app.ingest.names import distinct_aliases, search_keys
from app.ingest.resolve import initials
from app.ingest.write import write_chains


# What the sources' relationships become: each moves onto the target.
MOVE_STATEMENTS = ("admin/move_mentions", "admin/move_dependencies", "admin/move_decisions", "admin/move_attendance",
                   "admin/move_action_items")


async def merge_entities(graph: Graph, request: MergeRequest) -> MergeResult:
    return await graph.in_write_transaction(lambda tx: _merge(tx, request))


async def undo_merge(graph: Graph, merge_id: str) -> UndoResult:
    return await graph.in_write_transaction(lambda tx: _undo(tx, merge_id))


async def list_merges(graph: Graph, limit: int = 100) -> list[MergeEventSummary]:
    return [MergeEventSummary(**row) for row in await graph.read("admin/list_merge_events", limit=limit)]


async def _merge(tx: Tx, request: MergeRequest) -> MergeResult:
    target_id, source_ids = request.target, request.sources
    ids = [target_id, *source_ids]
    await lock_existing(tx, ids)
    entities = await _read_entities(tx, ids)
    target = entities[target_id]
    persons = {eid for eid, e in entities.items() if e["type"] == EntityType.PERSON}
    if persons and len(persons) != len(ids):
        raise Invalid(f"people and work items cannot be merged: {sorted(persons)} are people, the others are not")

    affected = [row["id"] for row in await tx.run("admin/state_referrers", entity_ids=source_ids, exclude_ids=ids)]
    affected = sorted(await lock_existing(tx, affected))
    before = await read_subgraph(tx, ids, ids + affected)
    states = await read_states(tx, ids + affected)

    for statement in MOVE_STATEMENTS:
        await tx.run(statement, target_id=target_id, source_ids=source_ids)

    renamed = dict.fromkeys(source_ids, target_id)
    merged = [StoredState(version=rewrite_ids(s.version, renamed), turn=s.turn) for eid in ids for s in states[eid]]
    target_plan = rebuild(
        target_id, fold_into(target_id, merged, preferred=target_id), [s.version.id for eid in ids for s in states[eid]]
    )
    other_plans = [
        rebuild(eid, [rewrite_ids(s.version, renamed) for s in states[eid]], [s.version.id for s in states[eid]])
        for eid in affected
    ]
    await write_chains(tx, combine([target_plan, *other_plans]))

    sources = [entities[s] for s in source_ids]
    aliases = distinct_aliases(
        target["name"], target["aliases"] or [], *([s["name"], *(s["aliases"] or [])] for s in sources)
    )
    keys = search_keys(target["name"], aliases, target["search_keys"] or [], *(s["search_keys"] or [] for s in sources))
    await tx.run(
        "admin/update_entity", id=target_id, name=target["name"], type=target["type"], label=_label(target["type"]),
        aliases=aliases, name_key=target["name_key"], search_keys=keys, name_embedding=None,
        initials=initials(target["name"]) if target["type"] != "person" else None,
    )
    await tx.run("admin/delete_entities", entity_ids=source_ids)

    merge_id = uuid.uuid4().hex
    await tx.run(
        "admin/create_merge_event",
        event={"id": merge_id, "target": target_id, "sources": source_ids, "affected": affected,
               "source_names": [s["name"] for s in sources], "snapshot": before.model_dump_json()},
    )
    after = await read_subgraph(tx, [target_id], [target_id, *affected])
    await tx.run("admin/set_merge_fingerprint", id=merge_id, fingerprint=fingerprint(after))
    return MergeResult(
        merge_id=merge_id, target=target_id, sources=source_ids, name=target["name"], aliases=aliases,
        states=len(target_plan.chains[0].state_ids), replayed_entities=affected,
    )


async def _undo(tx: Tx, merge_id: str) -> UndoResult:
    rows = await tx.run("admin/read_merge_event", id=merge_id)
    if not rows:
        raise NotFound(f"no merge {merge_id!r} (it may have been undone already)")
    event = rows[0]["event"]
    target_id, source_ids, affected = event["target"], event["sources"], event["affected"]
    await lock_existing(tx, [target_id, *affected])
    involved = [target_id, *source_ids, *affected]
    later = [r["id"] for r in await tx.run("admin/later_merge_events", id=merge_id, at=event["at"], entity_ids=involved)]
    if later:
        raise Conflict(f"later merges involve the same entities; undo them first, newest first: {later}")
    reused = [r["id"] for r in await tx.run("admin/read_entities", entity_ids=source_ids)]
    if reused:
        raise Conflict(f"entities with the merged ids exist again (ingested since the merge): {reused}")
    current = await read_subgraph(tx, [target_id], [target_id, *affected])
    if not current.nodes or fingerprint(current) != event["fingerprint"]:
        raise Conflict(
            f"the graph around {target_id!r} changed since the merge (a meeting was ingested or deleted, or the "
            "entity was edited); undoing now would lose that change"
        )

    snapshot = Subgraph.model_validate_json(event["snapshot"])
    await tx.run("admin/delete_entity_states", entity_ids=[target_id, *affected])
    await tx.run("admin/delete_entities", entity_ids=[target_id])
    restored = await restore(tx, snapshot)
    await tx.run("admin/delete_merge_event", id=merge_id)
    return UndoResult(
        merge_id=merge_id,
        restored_entities=[target_id, *source_ids],
        restored_states=sum(1 for n in snapshot.nodes if n.labels[0] == "State"),
        restored_relationships=restored,
    )


async def _read_entities(tx: Tx, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = {row["id"]: row for row in await tx.run("admin/read_entities", entity_ids=ids)}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFound(f"no entity {missing[0]!r}" if len(missing) == 1 else f"no entities {missing}")
    return rows


def _label(entity_type: str) -> str:
    return entity_type.capitalize()
