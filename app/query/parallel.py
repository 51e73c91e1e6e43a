"""Independent reads side by side: each costs a round trip to Neo4j, which can run them on two cores at once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")


async def both(first: Awaitable[A], second: Awaitable[B]) -> tuple[A, B]:
    """The results of `first` and `second`, run concurrently. Both finish before an error is raised, so neither is
    left running, and the error is `first`'s when both fail, as if they had run one after the other."""
    a, b = await asyncio.gather(first, second, return_exceptions=True)
    for result in (a, b):
        if isinstance(result, BaseException):
            raise result
    return a, b  # type: ignore[return-value]  # neither is an exception here
