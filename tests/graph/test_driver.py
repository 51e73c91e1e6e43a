"""Rows read from Neo4j: `row` gives exactly what `Record.data()` gives, for every kind of value."""

from __future__ import annotations

import pytest

from app.graph.driver import Graph, row

pytestmark = pytest.mark.anyio

EVERY_KIND = """
CREATE p = (a:RowProbe {name: 'a', at: date('2024-01-02')})-[r:PROBES {weight: 0.5}]->(b:RowProbe {name: 'b'})
RETURN a, r, p, [a, b] AS nodes, {node: a, list: [1, null, 'x', [2.5, true]]} AS nested,
       [x IN range(1, 384) | x / 7.0] AS vector, datetime('2024-01-02T03:04:05Z') AS at, null AS nothing
"""


async def test_a_row_equals_record_data_for_nodes_paths_maps_temporal_values_and_vectors(graph: Graph) -> None:
    try:
        records, _, _ = await graph.driver.execute_query(EVERY_KIND, database_=graph.database)
        (record,) = records
        assert row(record) == record.data()
        assert row(record)["a"] == {"name": "a", "at": record["a"]["at"]}
    finally:
        await graph.driver.execute_query("MATCH (n:RowProbe) DETACH DELETE n", database_=graph.database)
