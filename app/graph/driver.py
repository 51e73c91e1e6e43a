"""One async Neo4j driver per process, with helpers that run named statements from `cypher/`.

Every session and every `execute_query` shares one bookmark manager, so on a cluster (a `neo4j://` URI) a read
that follows a write, on whichever member, sees it (causal consistency across the whole process)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NamedTuple, TypeVar

from neo4j import READ_ACCESS, AsyncGraphDatabase, AsyncManagedTransaction, AsyncSession, Record, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_delay, wait_random_exponential

from app.config import Settings
from app.graph.cypher import cypher

T = TypeVar("T")
Row = dict[str, Any]

# Errors of writers racing each other, not of the database: a node created or deleted by a concurrent
# transaction since this one read. Run again, the work sees the other's commit.
RACES = ("Neo.ClientError.Schema.ConstraintValidationFailed", "Neo.ClientError.Statement.EntityNotFound")
CONFLICT_BUDGET_S = 15.0
# The driver's own retries cover connectivity only briefly, so an outage answers 503 within seconds.
DRIVER_RETRY_S = 2.0


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, (Neo4jError, DriverError)) and exc.is_retryable()


class WriteConflict(Exception):
    """Concurrent writers kept colliding (deadlocks, races) for the whole retry budget; the client may retry."""


def is_conflict(exc: BaseException) -> bool:
    """A race or a deadlock between writers; a database that is unreachable or unavailable is not one."""
    if not isinstance(exc, Neo4jError):
        return False
    return exc.code in RACES or (isinstance(exc, TransientError) and not (exc.code or "").endswith("Unavailable"))


def is_unavailable(exc: BaseException) -> bool:
    """Neo4j cannot be reached or has no database to serve; a deadlock or a race (a conflict) is not that."""
    return isinstance(exc, (ServiceUnavailable, SessionExpired, OSError)) or (
        isinstance(exc, Neo4jError) and exc.is_retryable() and not is_conflict(exc)
    )


_SCALARS = frozenset({str, int, float, bool, type(None)})


def row(record: Record) -> Row:
    """`record.data()`, with the same values, at a fraction of its cost on vectors: data() runs a chain of
    isinstance checks (several against abstract classes) on every float of every embedding, which made reading
    candidate entities the largest cost of ingesting a small meeting."""
    return {key: _exported(value) for key, value in record.items()}


def _exported(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return [item if type(item) in _SCALARS else _exported(item) for item in value]
    if kind is dict:
        return {key: _exported(item) for key, item in value.items()}
    return Record({"value": value}).data()["value"]  # a node, relationship, path or temporal value, as data() has it


class Executed(NamedTuple):
    """A statement as it ran: the text sent to Neo4j and its parameters."""

    name: str
    statement: str
    parameters: dict[str, Any]


_executed: ContextVar[list[Executed] | None] = ContextVar("executed", default=None)


@contextmanager
def recording() -> Iterator[list[Executed]]:
    """Collects every statement `Graph.read` runs in this context (task), so answers show what really ran."""
    log: list[Executed] = []
    token = _executed.set(log)
    try:
        yield log
    finally:
        _executed.reset(token)


def last_run(name: str) -> Executed | None:
    """The latest run of statement `name` recorded in this context, if any."""
    return next((e for e in reversed(_executed.get() or []) if e.name == name), None)


class Tx:
    """A managed transaction that runs named statements and counts them."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx
        self.statements: list[str] = []

    async def run(self, name: str, /, **params: Any) -> list[Row]:
        self.statements.append(name)
        result = await self._tx.run(cypher(name), params)
        return [row(record) async for record in result]


Run = Callable[..., Awaitable[list[Row]]]  # Graph.read outside a transaction, Tx.run inside one


async def graph_version(run: Run) -> str | None:
    """The token the last write transaction (`Graph.in_write_transaction`) left, None before the first: while it
    is the same, nothing such a transaction writes (every entity write) has changed. Writes through `Graph.write`
    (jobs, keys) and migrations leave it as it is."""
    return (await run("system/graph_version"))[0]["token"]


class Graph:
    def __init__(self, settings: Settings) -> None:
        self.database = settings.neo4j_database
        self.driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
            connection_timeout=settings.neo4j_connection_timeout_s,
            connection_acquisition_timeout=settings.neo4j_connection_timeout_s * 2,
            max_transaction_retry_time=DRIVER_RETRY_S,
            notifications_min_severity="OFF",
        )
        self.bookmarks = AsyncGraphDatabase.bookmark_manager()

    def session(self, **config: Any) -> AsyncSession:
        """A session on our database that sees every write this process has committed."""
        return self.driver.session(database=self.database, bookmark_manager=self.bookmarks, **config)

    async def close(self) -> None:
        await self.driver.close()

    async def read(self, name: str, /, **params: Any) -> list[Row]:
        """One statement as an auto-commit read: one round trip, where a managed transaction's BEGIN and COMMIT
        take about twice as long (RETURN 1: 1.2 against 2.4 ms). A read changes nothing, so one that fails
        retryably (a lost connection, a leader switch) runs again, for DRIVER_RETRY_S as the driver would."""
        statement = cypher(name)
        log = _executed.get()
        if log is not None:
            log.append(Executed(name, statement, params))
        async for attempt in AsyncRetrying(
            retry=retry_if_exception(_retryable), stop=stop_after_delay(DRIVER_RETRY_S),
            wait=wait_random_exponential(multiplier=0.05, max=0.5), reraise=True,
        ):
            with attempt:
                async with self.session(default_access_mode=READ_ACCESS) as session:
                    return [row(record) async for record in await session.run(statement, params)]
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def write(self, name: str, /, **params: Any) -> list[Row]:
        """One auto-commit write of what is no entity (jobs, keys): it leaves the graph version as it is."""
        records, _, _ = await self.driver.execute_query(
            cypher(name), params, database_=self.database, routing_=RoutingControl.WRITE,
            bookmark_manager_=self.bookmarks,
        )
        return [row(record) for record in records]

    async def run_auto_commit(self, name: str, /, **params: Any) -> None:
        """For schema statements, which cannot share a transaction with data writes."""
        async with self.session() as session:
            result = await session.run(cypher(name), params)
            await result.consume()

    async def in_write_transaction(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """Runs `work` in one write transaction, retried as a whole on conflicts with concurrent writers
        (with jittered backoff, for CONFLICT_BUDGET_S) and briefly by the driver on lost connections. The
        transaction renews the graph version (`graph_version`) last."""

        async def unit(tx: AsyncManagedTransaction) -> T:
            result = await work(Tx(tx))
            await (await tx.run(cypher("system/renew_graph_version"))).consume()
            return result

        deadline, delay = time.monotonic() + CONFLICT_BUDGET_S, 0.05
        while True:
            try:
                async with self.session() as session:
                    return await session.execute_write(unit)
            except Neo4jError as exc:
                if not is_conflict(exc):
                    raise
                if time.monotonic() + delay > deadline:
                    raise WriteConflict("concurrent changes to the same items kept colliding; retry shortly") from exc
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 1.0)

    async def in_read_transaction(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        async def unit(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(tx))

        async with self.session() as session:
            return await session.execute_read(unit)
