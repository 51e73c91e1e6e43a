"""The whole domain graph as canonical JSON: two exports are equal exactly when the graphs are.

Operational nodes (schema migrations, API keys, ingestion jobs) are left out; nothing else is, not even
timestamps. Vectors are replaced by their SHA-256 and length unless asked for in full.
"""

from __future__ import annotations

from app.admin.models import GraphExport
from app.admin.snapshot import canonical
from app.admin.values import VECTOR_PROPERTIES, vector_digest
from app.graph.driver import Graph, Tx


async def export_graph(graph: Graph, include_vectors: bool = False) -> GraphExport:
    async def read(tx: Tx) -> GraphExport:
        nodes = await tx.run("admin/export_nodes")
        rels = await tx.run("admin/export_relationships")
        subgraph = canonical(nodes, rels)
        if not include_vectors:
            for node in subgraph.nodes:
                for key in VECTOR_PROPERTIES & node.props.keys():
                    node.props[key] = vector_digest(node.props[key])
        return GraphExport(**subgraph.model_dump(), node_count=len(subgraph.nodes), rel_count=len(subgraph.rels))

    return await graph.in_read_transaction(read)
