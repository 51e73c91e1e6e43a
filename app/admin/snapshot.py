"""Read a piece of the graph as plain JSON, fingerprint it, and put it back exactly."""

from __future__ import annotations

from typing import Any

from app.admin.errors import Conflict
from app.admin.models import EndpointRef, NodeRecord, RelRecord, Subgraph
from app.admin.values import VECTOR_PROPERTIES, canonical_json, decode, decode_props, digest, encode_props, id_label
from app.graph.driver import Tx


def canonical(nodes: list[dict[str, Any]], rels: list[dict[str, Any]]) -> Subgraph:
    """Rows of `labels`/`props` and `type`/`start_*`/`end_*`/`props` in an order that depends only on content."""
    node_records = [NodeRecord(labels=_ordered_labels(n["labels"]), props=encode_props(n["props"])) for n in nodes]
    rel_records = [
        RelRecord(
            type=r["type"],
            start=EndpointRef(label=id_label(r["start_labels"]), id=r["start_id"]),
            end=EndpointRef(label=id_label(r["end_labels"]), id=r["end_id"]),
            props=encode_props(r["props"]),
        )
        for r in rels
    ]
    node_records.sort(key=lambda n: n.key)
    rel_records.sort(key=lambda r: (r.type, r.start.label, r.start.id, r.end.label, r.end.id, canonical_json(r.props)))
    return Subgraph(nodes=node_records, rels=rel_records)


def _ordered_labels(labels: list[str]) -> list[str]:
    """The label the id is looked up by first, then the rest alphabetically."""
    first = id_label(labels)
    return [first, *sorted(label for label in labels if label != first)]


async def read_subgraph(tx: Tx, entity_ids: list[str], state_owner_ids: list[str]) -> Subgraph:
    """The entities, the states of the state owners, and every relationship touching any of them."""
    rows = await tx.run("admin/read_subgraph", entity_ids=entity_ids, state_owner_ids=state_owner_ids)
    return canonical(rows[0]["nodes"], rows[0]["rels"])


def fingerprint(subgraph: Subgraph) -> str:
    return digest(subgraph.model_dump())


async def restore(tx: Tx, subgraph: Subgraph) -> int:
    """Recreates the nodes, then the relationships; every endpoint must exist by then."""
    await tx.run("admin/restore_nodes", nodes=[_node_row(n) for n in subgraph.nodes])
    rels = [
        {"type": r.type, "start": r.start.model_dump(), "end": r.end.model_dump(), "props": decode_props(r.props)}
        for r in subgraph.rels
    ]
    created = (await tx.run("admin/restore_relationships", rels=rels))[0]["rels"] if rels else 0
    if created != len(rels):
        raise Conflict(
            f"only {created} of {len(rels)} relationships could be restored: a node they touched is gone"
        )
    return created


def _node_row(node: NodeRecord) -> dict[str, Any]:
    props = {k: decode(v) for k, v in node.props.items() if k not in VECTOR_PROPERTIES}
    vectors = [{"key": k, "value": v} for k, v in node.props.items() if k in VECTOR_PROPERTIES]
    return {"labels": node.labels, "props": props, "vectors": vectors}
