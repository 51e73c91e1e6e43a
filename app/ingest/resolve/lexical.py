"""The lexical tiers: which names are the same item by their words alone, strongest evidence first.

A weak tier merges a group only when exactly one other group matches it, so an ambiguous short name stays apart.
Only this meeting's new names are merged into others: two entities already stored are never merged by ingestion,
even when a new full name spans both ("Mobile App Redesign" after "app redesign" and "mobile redesign"), since a
false merge silently corrupts answers while a duplicate is one click away in /api/admin/duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from rapidfuzz import fuzz

from app.ingest.models import EntityType
from app.ingest.resolve.models import KnownEntity
from app.ingest.resolve.naming import TYPE_WORDS, Name, type_of, types_compatible

FUZZY_TOKEN_RATIO = 85.0
# Head nouns that name the same kind of artefact, so "search endpoint" is "Search API".
_SYNONYM_HEADS = (
    frozenset({"api", "endpoint", "interface"}),
    frozenset({"page", "screen", "view"}),
    frozenset({"test", "testing"}),
    frozenset({"app", "application"}),
    frozenset({"doc", "documentation"}),
)


class Tier(IntEnum):
    """Lexical evidence, strongest first; embeddings come after all of these (and decide typos, `fuzzy_match`)."""

    EXACT = 5
    CORE = 4
    ACRONYM = 3
    SUBSET = 2
    SYNONYM_HEAD = 1


def _acronym_match(a: Name, b: Name) -> bool:
    """`a` spells out an acronym of `b`: all of it, where `b` adds at most a kind of artefact ("single sign-on"
    ~ "SSO Integration", never "ledger service" ~ "Substitute LS"), or a run of its words with the other words
    the same or, where `b` adds nothing, kinds of artefact ("Single Sign-On Rollout" ~ "SSO rollout",
    "Single Sign-On Integration" ~ "SSO")."""
    if len(a.initials) >= 2 and a.initials in b.core and a.initials not in a.core:
        return set(b.core) - {a.initials} <= set(a.core) | TYPE_WORDS
    for acronym in b.jargon & set(b.core):
        n = len(acronym)
        for i in range(len(a.core) - n + 1) if n >= 2 else ():
            if "".join(w[0] for w in a.core[i : i + n]) != acronym:
                continue
            shortened = a.core[:i] + (acronym,) + a.core[i + n :]
            if shortened == b.core or (set(b.core) <= set(shortened) and set(shortened) - set(b.core) <= TYPE_WORDS):
                return True
    return False


def subset_match(a: Name, b: Name) -> bool:
    """The shorter name's words are part of the longer one and name the same thing."""
    short, long_ = (a, b) if len(a.core) < len(b.core) else (b, a)
    if not short.core or not set(short.core) < set(long_.core):
        return False
    if short.head == long_.head:
        return True
    modifiers = set(long_.core[:-1])
    return set(short.core) <= modifiers and not all(w in TYPE_WORDS for w in short.core)


def _synonym_head_match(a: Name, b: Name) -> bool:
    if len(a.core) < 2 or a.core[:-1] != b.core[:-1] or a.head == b.head:
        return False
    return any(a.head in heads and b.head in heads for heads in _SYNONYM_HEADS)


def typo(a: Name, b: Name) -> tuple[str, str] | None:
    """The two spellings when the names differ by a typo in one long word, everything else identical. One
    signal only: the embedding tier merges such a pair when the names' embeddings agree as well."""
    if len(a.core) != len(b.core) or a.core == b.core:
        return None
    differing = [(x, y) for x, y in zip(a.core, b.core, strict=True) if x != y]
    if len(differing) != 1:
        return None
    x, y = differing[0]
    if min(len(x), len(y)) < 5 or any(ch.isdigit() for ch in x + y):
        return None
    return (x, y) if fuzz.ratio(x, y) >= FUZZY_TOKEN_RATIO else None


def names_match(a: Name, b: Name, tier: Tier) -> bool:
    if tier is Tier.EXACT:
        return a.norm == b.norm
    if tier is Tier.CORE:
        return bool(a.core) and (a.core == b.core or a.compact == b.compact)
    if tier is Tier.ACRONYM:
        return _acronym_match(a, b) or _acronym_match(b, a)
    if tier is Tier.SUBSET:
        return types_compatible(a, b) and subset_match(a, b)
    if tier is Tier.SYNONYM_HEAD:
        return _synonym_head_match(a, b)
    return False


@dataclass
class Group:
    names: list[Name]
    known: KnownEntity | None = None
    surfaces: list[str] = field(default_factory=list)  # this meeting's mentions, in order
    person: bool = False  # a person's name said where an item was expected: never merged into an item

    def absorb(self, other: Group) -> None:
        self.names.extend(other.names)
        self.surfaces.extend(other.surfaces)

    def kinds(self) -> set[EntityType]:
        """The item types its names say outright ("... migration" is a task)."""
        return {kind for n in self.names for kind, sure in [type_of(n.text)] if sure}

    def compatible(self, other: Group) -> bool:
        """Whether the two may be one item on evidence weaker than the same name."""
        if self.person or other.person:
            return False
        mine, theirs = self.kinds(), other.kinds()
        return not (mine and theirs and mine.isdisjoint(theirs))

    @property
    def embedding_names(self) -> list[Name]:
        """A known entity is compared by its name alone, whose embedding the graph keeps."""
        return [Name.of(self.known.name)] if self.known else [Name.of(s) for s in self.surfaces]


def merge_tier(groups: list[Group], tier: Tier) -> None:
    merged = True
    while merged:
        merged = False
        for group in [g for g in groups if g.known is None]:
            matches = [
                other
                for other in groups
                if other is not group
                and (tier in (Tier.EXACT, Tier.CORE) and group.person == other.person or group.compatible(other))
                and any(names_match(a, b, tier) for a in group.names for b in other.names)
            ]
            target = _unambiguous_target(group, matches, tier)
            if target is not None:
                target.absorb(group)
                groups.remove(group)
                merged = True
                break


def _unambiguous_target(group: Group, matches: list[Group], tier: Tier) -> Group | None:
    if not matches:
        return None
    if tier in (Tier.EXACT, Tier.CORE):  # identical names: prefer the graph's entity, then the first seen
        return next((g for g in matches if g.known is not None), matches[0])
    if len(matches) > 1 and tier is Tier.SUBSET:
        # "Fraud Detection Model" contains both "fraud detection" and "fraud model": the one with its head noun
        heads = {n.head for n in group.names}
        same_head = [g for g in matches if any(n.head in heads for n in g.names)]
        matches = same_head if len(same_head) == 1 else matches
    return matches[0] if len(matches) == 1 else None
