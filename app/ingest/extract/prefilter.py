"""A cheap necessary condition for a regex to match: literal fragments, one of which must occur.

Running every frame's regex over every sentence dominates extraction time; a substring test on
the fragments a match can't do without skips most of them. The fragments come from the standard
library's own parse of the pattern, so they can't drift from it.
"""

from __future__ import annotations

import importlib
import re
from typing import Any


def _stdlib_parser() -> tuple[Any, Any] | None:
    """The standard library's regex parser (private, no stubs), used read only; None if it moved."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:
        return None


_PARSER = _stdlib_parser()

Fragments = frozenset[str]


def required_fragments(pattern: re.Pattern[str]) -> Fragments | None:
    """Lowercase strings such that every match contains one of them, or None if there are none."""
    if _PARSER is None:
        return None  # every frame is then simply tried
    try:
        tree = _PARSER[0].parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    return _sequence(list(tree))


def _sequence(items: list[tuple[Any, Any]]) -> Fragments | None:
    """A sequence matches only if each part does, so the most selective part's condition holds."""
    best: Fragments | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _constants().LITERAL:
            run.append(chr(av).lower())
            continue
        candidates: list[Fragments | None] = [frozenset({"".join(run)})] if run else []
        run = []
        if op is not None:
            candidates.append(_node(op, av))
        for candidate in candidates:
            if candidate and (best is None or _strength(candidate) > _strength(best)):
                best = candidate
    return best


def _constants() -> Any:
    assert _PARSER is not None
    return _PARSER[1]


def _node(op: Any, av: Any) -> Fragments | None:
    sre = _constants()
    if op is sre.BRANCH:
        options = [_sequence(list(alternative)) for alternative in av[1]]
        if any(o is None for o in options):
            return None
        return frozenset(f for o in options if o for f in o)
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence(list(av[2])) if av[0] >= 1 else None
    return None


def _strength(fragments: Fragments) -> int:
    return min(len(f) for f in fragments)
