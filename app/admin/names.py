"""Names, aliases and search keys of an entity after a curation."""

from __future__ import annotations

from collections.abc import Iterable

from app.ingest.resolve import distinct_aliases, normalize_name

__all__ = ["distinct_aliases", "search_keys"]


def search_keys(name: str, aliases: Iterable[str], *kept: Iterable[str]) -> list[str]:
    """What the resolver and `q=` look names up by: every name and alias normalised, plus any keys kept."""
    keys = {normalize_name(n) for n in [name, *aliases]} | {k for keys_ in kept for k in keys_}
    return sorted(keys - {""})
