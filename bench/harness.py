"""What the benchmarks share: a Neo4j to run against, timed transactions and compact tables of figures."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from neo4j import AsyncManagedTransaction
from pydantic import BaseModel

from app.config import Settings
from app.graph.driver import Graph, Tx
from app.graph.server import throwaway_neo4j

BENCH_PASSWORD = "smartmeet-bench-password"


class BenchNeo4j(BaseModel):
    settings: Settings
    fresh: bool  # an instance this run created, so nothing else is in it
    description: str


def machine() -> str:
    """Figures on a shared machine mean little without its load."""
    one, five, _ = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.1f} (1 min) / {five:.1f} (5 min)"


@contextmanager
def bench_neo4j(data_dir: Path | None = None, heap: str = "1g", pagecache: str = "1g") -> Iterator[BenchNeo4j]:
    """NEO4J_URI when set; else an instance of our own on free ports (1 GB heap by default), stopped on exit.

    With `data_dir` the instance keeps its data there for the next run; without, it lives in a temp dir.
    """
    if os.environ.get("NEO4J_URI"):
        settings = Settings()
        yield BenchNeo4j(settings=settings, fresh=False, description=f"given by NEO4J_URI ({settings.neo4j_uri})")
        return
    fresh = data_dir is None or not (data_dir / "data").exists()
    # generous deadlines: the shared machine can be loaded far beyond its 2 cores, and a real meeting's write
    # transaction then outlasts the 60 s the tests' instances allow
    with throwaway_neo4j(BENCH_PASSWORD, data_dir, heap=heap, pagecache=pagecache, start_timeout_s=900,
                         transaction_timeout="30m") as settings:
        yield BenchNeo4j(
            settings=settings, fresh=fresh,
            description=f"own instance, {settings.neo4j_uri}, heap {heap}, page cache {pagecache}, "
                        f"data in {settings.neo4j_data_dir}",
        )


class TimedTx(Tx):
    """A Tx that adds each statement's time (sent to last record read) to `per_statement`."""

    def __init__(self, tx: AsyncManagedTransaction, per_statement: dict[str, list[float]]) -> None:
        super().__init__(tx)
        self._per_statement = per_statement

    async def run(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        start = time.perf_counter()
        rows = await super().run(name, **params)
        self._per_statement[name].append((time.perf_counter() - start) * 1000)
        return rows


async def timed_write(
    graph: Graph, work: Callable[[Tx], Awaitable[Any]], per_statement: dict[str, list[float]]
) -> float:
    """Milliseconds from opening the session to the commit of one write transaction running `work`."""
    start = time.perf_counter()

    async def unit(tx: AsyncManagedTransaction) -> None:
        await work(TimedTx(tx, per_statement))

    async with graph.driver.session(database=graph.database) as session:
        await session.execute_write(unit)
    return (time.perf_counter() - start) * 1000


def new_timings() -> dict[str, list[float]]:
    return defaultdict(list)


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q) - 1]


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    lines = [
        "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=True))),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        for row in cells
    ]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:,.1f}"
    return str(value)
