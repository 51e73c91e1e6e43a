"""The critical path: the chain of unfinished items, each depending on the next, with the most remaining work.

Computed in one pass over the unfinished dependency subgraph (a depth-first longest-path programme);
edges that close a cycle are reported and left out instead of looping forever.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class WorkItem(BaseModel):
    id: str
    name: str
    status: str
    progress: int | None
    depends_on: list[str] = Field(default_factory=list)

    @property
    def remaining(self) -> int:
        return 100 - (self.progress or 0)


class CriticalPath(BaseModel):
    path: list[str]
    ids: list[str]
    remaining: int
    cycles: list[list[str]] = Field(default_factory=list)


def critical_path(items: list[WorkItem]) -> CriticalPath:
    """O(V + E): each item keeps the total of the best chain starting at it and a pointer to the next item;
    ties on the total go to the chain whose names sort first."""
    by_id = {item.id: item for item in items}
    deps = {item.id: [d for d in item.depends_on if d in by_id] for item in items}
    total: dict[str, int] = {}  # best chain starting at the item, once it is finished
    following: dict[str, str | None] = {}
    cycles: list[list[str]] = []
    on_stack: set[str] = set()

    def names_first(a: str | None, b: str | None) -> bool:
        """Whether the chain starting at `a` sorts before the one starting at `b`, name by name."""
        while a is not None and b is not None and a != b:
            if by_id[a].name != by_id[b].name:
                return by_id[a].name < by_id[b].name
            a, b = following[a], following[b]
        return a is None and b is not None

    def better(a: str, b: str | None) -> bool:
        if b is None or total[a] != total[b]:
            return b is None or total[a] > total[b]
        return names_first(a, b)

    for root in sorted(by_id):
        if root in total:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        on_stack.add(root)
        while stack:
            node, next_edge = stack[-1]
            if next_edge < len(deps[node]):
                stack[-1] = (node, next_edge + 1)
                dep = deps[node][next_edge]
                if dep in on_stack:
                    path = [n for n, _ in stack]
                    cycles.append([by_id[n].name for n in path[path.index(dep):]] + [by_id[dep].name])
                elif dep not in total:
                    on_stack.add(dep)
                    stack.append((dep, 0))
                continue
            stack.pop()
            on_stack.discard(node)
            best: str | None = None
            for dep in deps[node]:
                if dep in total and better(dep, best):
                    best = dep
            following[node] = best
            total[node] = by_id[node].remaining + (total[best] if best else 0)

    start: str | None = None
    for node in total:
        if better(node, start):
            start = node
    ids: list[str] = []
    while start is not None:
        ids.append(start)
        start = following[start]
    return CriticalPath(path=[by_id[i].name for i in ids], ids=ids, remaining=sum(by_id[i].remaining for i in ids),
                        cycles=cycles)
