import random

import pytest
from pydantic import BaseModel, Field

from app.query.critical_path import CriticalPath, longest_chain


class WorkItem(BaseModel):
    id: str
    name: str
    status: str
    progress: int | None
    depends_on: list[str] = Field(default_factory=list)

    @property
    def remaining(self) -> int:
        return 100 - (self.progress or 0)


def critical_path(items: list[WorkItem]) -> CriticalPath:
    """`longest_chain` over the items as the columns the subgraph query returns."""
    return longest_chain([i.id for i in items], [i.name for i in items], [i.progress for i in items],
                         [i.depends_on for i in items])


def item(i: str, progress: int, *deps: str) -> WorkItem:
    return WorkItem(id=i, name=i.upper(), status="in_progress", progress=progress, depends_on=list(deps))


def test_longest_chain_by_remaining_work() -> None:
    result = critical_path([item("a", 50, "b", "c"), item("b", 0), item("c", 90), item("d", 0)])
    assert result.path == ["A", "B"] and result.remaining == 150


def test_cycles_are_reported_not_followed() -> None:
    result = critical_path([item("a", 0, "b"), item("b", 0, "a")])
    assert result.cycles and result.remaining == 200


def test_large_chain_is_linear() -> None:
    n = 10_000
    items = [item(f"n{i}", 50, f"n{i + 1}") for i in range(n - 1)] + [item(f"n{n - 1}", 50)]
    assert critical_path(items).remaining == 50 * n


def every_chain(items: list[WorkItem]) -> list[list[WorkItem]]:
    by_id = {i.id: i for i in items}

    def from_(item: WorkItem) -> list[list[WorkItem]]:
        tails = [chain for d in item.depends_on if d in by_id for chain in from_(by_id[d])]
        return [[item, *tail] for tail in tails] or [[item]]

    return [chain for item in items for chain in from_(item)]


@pytest.mark.parametrize("seed", range(300))
def test_matches_every_chain_enumerated(seed: int) -> None:
    """On small random acyclic graphs with repeated names: the chain with the most remaining work, ties going
    to the chain whose names sort first."""
    rng = random.Random(seed)
    count = rng.randint(1, 12)
    items = [
        WorkItem(id=f"i{n}", name=rng.choice("ABC") + str(rng.randint(0, 2)), status="in_progress",
                 progress=rng.choice([0, 50, 90, None]),
                 depends_on=[f"i{d}" for d in range(n + 1, count) if rng.random() < 0.3])
        for n in range(count)
    ]
    best = min(every_chain(items), key=lambda c: (-sum(i.remaining for i in c), [i.name for i in c]))
    result = critical_path(items)
    assert result.path == [i.name for i in best] and result.remaining == sum(i.remaining for i in best)
    assert [by.name for by in (next(i for i in items if i.id == id_) for id_ in result.ids)] == result.path
