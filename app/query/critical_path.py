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
    by_id = {item.id: item for item in items}
    best: dict[str, tuple[int, list[str]]] = {}  # id -> (total remaining, chain of names) starting there
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the stack, 2 = finished

    for root in sorted(by_id):
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            node, next_edge = stack[-1]
            deps = [d for d in by_id[node].depends_on if d in by_id]
            if next_edge < len(deps):
                stack[-1] = (node, next_edge + 1)
                dep = deps[next_edge]
                if state.get(dep) == 1:
                    on_stack = [n for n, _ in stack]
                    cycles.append([by_id[n].name for n in on_stack[on_stack.index(dep):]] + [by_id[dep].name])
                elif dep not in state:
                    state[dep] = 1
                    stack.append((dep, 0))
                continue
            stack.pop()
            state[node] = 2
            item = by_id[node]
            tails = [best[d] for d in deps if d in best]
            tail = min(tails, key=lambda t: (-t[0], t[1]), default=(0, []))
            best[node] = (item.remaining + tail[0], [item.name, *tail[1]])

    if not best:
        return CriticalPath(path=[], ids=[], remaining=0, cycles=cycles)
    total, names = min(best.values(), key=lambda t: (-t[0], t[1]))
    name_to_id = {item.name: item.id for item in items}
    return CriticalPath(path=names, ids=[name_to_id[n] for n in names], remaining=total, cycles=cycles)
