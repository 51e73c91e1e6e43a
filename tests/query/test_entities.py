"""Listing entities against a real Neo4j while other writers change the graph."""

from __future__ import annotations

import pytest

from app.graph.driver import Graph
from app.query.entities import list_entities

pytestmark = pytest.mark.anyio


async def test_an_entity_being_deleted_is_left_out_of_the_list(graph: Graph) -> None:
    # A node that a concurrent merge is deleting reads without its properties, its name coming from the index
    # (a 500 in the concurrency test); an entity with a name and no id stands for it here.
    await graph.driver.execute_query("CREATE (:Entity:Project {name: 'Aardvark'})")
    await graph.driver.execute_query(
        "CREATE (:Entity:Project {id: 'e1', name: 'Billing Dashboard', type: 'project', aliases: []})")

    page = await list_entities(graph, None, None, 10, 0)

    assert [e.name for e in page.items] == ["Billing Dashboard"]
