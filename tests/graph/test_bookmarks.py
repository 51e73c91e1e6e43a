"""Read-your-writes on a cluster: every kind of session shares the one bookmark manager of `execute_query`."""

from __future__ import annotations

import pytest

from app.graph.driver import Graph, Tx

pytestmark = pytest.mark.anyio


async def test_every_kind_of_session_records_its_bookmark_in_the_one_manager(graph: Graph) -> None:
    newest = (await graph.read("system/applied_migrations"))[-1]  # rewritten as it is: a harmless write

    async def rewrite(tx: Tx) -> None:
        await tx.run("system/record_migration", **newest)

    async def bookmarks() -> set[str]:
        return set(await graph.bookmarks.get_bookmarks())

    seen = [await bookmarks()]
    for write in (lambda: graph.in_write_transaction(rewrite), lambda: graph.write("system/record_migration", **newest),
                  lambda: graph.run_auto_commit("system/record_migration", **newest)):
        await write()
        seen.append(await bookmarks())
    assert all(after and after != before for before, after in zip(seen, seen[1:], strict=False)), seen
