"""Names, aliases and search keys of an entity after a curation."""

from __future__ import annotations

from collections.abc import Iterable

from app.ingest.resolve import normalize_name


def distinct_aliases(name: str, *alias_lists: Iterable[str]) -> list[str]:
    """Aliases in first-seen order, case-insensitively distinct, never the name itself."""
    seen = {name.lower()}
    aliases: list[str] = []
    for alias in (a for aliases_ in alias_lists for a in aliases_):
        if alias.lower() not in seen:
            seen.add(alias.lower())
            aliases.append(alias)
    return aliases


def search_keys(name: str, aliases: Iterable[str], *kept: Iterable[str]) -> list[str]:
    """What the resolver and `q=` look names up by: every name and alias normalised, plus any keys kept."""
    keys = {normalize_name(n) for n in [name, *aliases]} | {k for keys_ in kept for k in keys_}
    return sorted(keys - {""})
