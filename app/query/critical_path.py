"""The critical path: the chain of unfinished items, each depending on the next, with the most remaining work.

Computed in one pass over the unfinished dependency subgraph (a depth-first longest-path programme);
edges that close a cycle are reported and left out instead of looping forever.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class CriticalPath(BaseModel):
    path: list[str]
    ids: list[str]
    remaining: int
    cycles: list[list[str]] = Field(default_factory=list)


def longest_chain(ids: list[str], names: list[str], progress: list[int | None],
                  depends_on: list[list[str]]) -> CriticalPath:
    """O(V + E) over the items as columns (what queries/critical_path_subgraph returns, one row): each item keeps
    the total of the best chain starting at it and a pointer to the next item; ties on the total go to the chain
    whose names sort first. Dependencies on items not given (finished ones) are left out."""
    index = {item_id: n for n, item_id in enumerate(ids)}
    deps = [[index[d] for d in ds if d in index] for ds in depends_on]
    remaining = [100 - (p or 0) for p in progress]
    total: list[int | None] = [None] * len(ids)  # best chain starting at the item, once it is finished
    following: list[int | None] = [None] * len(ids)
    cycles: list[list[str]] = []
    on_stack = [False] * len(ids)

    def names_first(a: int | None, b: int | None) -> bool:
        """Whether the chain starting at `a` sorts before the one starting at `b`, name by name."""
        while a is not None and b is not None and a != b:
            if names[a] != names[b]:
                return names[a] < names[b]
            a, b = following[a], following[b]
        return a is None and b is not None

    def better(a: int, b: int | None) -> bool:
        if b is None or total[a] != total[b]:
            return b is None or total[a] > total[b]  # type: ignore[operator]
        return names_first(a, b)

    for root in sorted(range(len(ids)), key=ids.__getitem__):
        if total[root] is not None:
            continue
        stack: list[list[int]] = [[root, 0]]
        on_stack[root] = True
        while stack:
            frame = stack[-1]
            node, next_edge = frame
            if next_edge < len(deps[node]):
                frame[1] = next_edge + 1
                dep = deps[node][next_edge]
                if on_stack[dep]:
                    path = [n for n, _ in stack]
                    cycles.append([names[n] for n in path[path.index(dep):]] + [names[dep]])
                elif total[dep] is None:
                    on_stack[dep] = True
                    stack.append([dep, 0])
                continue
            stack.pop()
            on_stack[node] = False
            best: int | None = None
            for dep in deps[node]:
                if total[dep] is not None and better(dep, best):
                    best = dep
            following[node] = best
            total[node] = remaining[node] + (total[best] if best is not None else 0)  # type: ignore[operator]

    start: int | None = None
    for node in range(len(ids)):
        if better(node, start):
            start = node
    chain: list[int] = []
    while start is not None:
        chain.append(start)
        start = following[start]
    return CriticalPath(path=[names[i] for i in chain], ids=[ids[i] for i in chain],
                        remaining=sum(remaining[i] for i in chain), cycles=cycles)
