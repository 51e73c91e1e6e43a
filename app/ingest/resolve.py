"""Entity resolution: which graph entity each spoken name refers to. Pure logic, no database.

A meeting's surfaces and the candidate entities from the graph start as separate groups, then
groups merge tier by tier, strongest evidence first: the same normalised name, the same name
without a project wrapper ("Project Atlas" / "the Atlas project"), an acronym ("single sign-on" /
"SSO Integration"), a token subset with the same head noun ("the dashboard" / "Analytics
Dashboard"), a typo, and last the embedding similarity of the names. A weak tier merges a group
only when exactly one other group matches it, so an ambiguous short name stays apart.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache

import numpy as np
from pydantic import BaseModel
from rapidfuzz import fuzz

from app.ingest.extract.lexicon import FEATURE_HEADS, PROJECT_WORDS, TASK_HEADS, guess_type
from app.ingest.models import EntityMention, EntityType

Embed = Callable[[list[str]], list[list[float]]]

# Embedding similarity of short names can't tell a paraphrase ("privacy audit" / "GDPR Audit") from a
# sibling ("security audit" / "privacy audit": 0.80!), so it is only trusted in two shapes: a plain
# word standing in for a jargon word under the same head noun, where both the names and the two
# differing words must be close; or two names with no word in common that are near-paraphrases.
PARAPHRASE_NAME_THRESHOLD = 0.55
PARAPHRASE_WORD_THRESHOLD = 0.35
UNRELATED_NAME_THRESHOLD = 0.85
EMBEDDING_MARGIN = 0.05
FUZZY_TOKEN_RATIO = 85.0
_ENTITY_NAMESPACE = uuid.UUID("5f0c1f8e-6a4b-4d59-9a57-6d1f3c2b7e10")
_LEADING_FILLERS = frozenset("the a an our their your my his her its this that these those new".split())
_SMALL_WORDS = frozenset("of and for the on in to with a an".split())
_TYPE_WORDS = FEATURE_HEADS | TASK_HEADS | PROJECT_WORDS
_WORD = re.compile(r"[a-z0-9]+")
_JARGON = re.compile(r"^(?:[A-Z]{2,}[0-9A-Za-z]*|\w*\d\w*|[a-z]+[A-Z]\w*)$")  # GDPR, SOC2, k8s, gRPC
# Head nouns that name the same kind of artefact, so "search endpoint" is "Search API".
_SYNONYM_HEADS = (
    frozenset({"api", "endpoint", "interface"}),
    frozenset({"page", "screen", "view"}),
    frozenset({"test", "testing"}),
    frozenset({"app", "application"}),
    frozenset({"doc", "documentation"}),
)


class KnownEntity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = []
    name_embedding: list[float] | None = None


class ResolvedEntity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    is_new: bool


class Resolution(BaseModel):
    entities: list[ResolvedEntity]
    by_surface: dict[str, str]  # surface as spoken -> entity id
    # Known entities this meeting showed to be one: absorbed id -> surviving id. Only when a full proper
    # name spans them all ("Mobile App Redesign" after "the app redesign" and "mobile redesign" were
    # taken for two items); the caller should move the absorbed entity's history onto the survivor.
    merged: dict[str, str] = {}


def _stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os")):
        return word[:-1]
    return word


def _words(surface: str) -> list[str]:
    text = surface.lower().replace("&", " and ").replace("'s ", " ")
    words = _WORD.findall(re.sub(r"'s$", "", text))
    while len(words) > 1 and words[0] in _LEADING_FILLERS:
        words.pop(0)
    return words


def normalize_name(surface: str) -> str:
    """Lowercase, no leading determiner, no punctuation, plurals and gerunds stemmed."""
    return " ".join(_stem(w) for w in _words(surface))


def initials(surface: str) -> str | None:
    """What a name of several words abbreviates to: "single sign-on" -> "sso"."""
    return _Name.of(surface).initials or None


def acronyms(surface: str) -> list[str]:
    """The acronyms and code words in a name, lowercased: "SSO Integration" -> ["sso"]."""
    return sorted(_Name.of(surface).jargon)


class Tier(IntEnum):
    """Lexical evidence, strongest first; embeddings come after all of these."""

    EXACT = 6
    CORE = 5
    ACRONYM = 4
    SUBSET = 3
    SYNONYM_HEAD = 2
    FUZZY = 1


@dataclass(frozen=True)
class _Name:
    text: str
    norm: str
    core: tuple[str, ...]  # stemmed words without a project wrapper
    initials: str
    jargon: frozenset[str]  # stemmed forms of acronyms and code words

    @classmethod
    @lru_cache(maxsize=4096)
    def of(cls, surface: str) -> _Name:
        core = tuple(_stem(w) for w in _words(surface))
        if len(core) > 1 and core[0] in PROJECT_WORDS:
            core = core[1:]
        elif len(core) > 1 and core[-1] in PROJECT_WORDS:
            core = core[:-1]
        initials = "".join(w[0] for w in _words(surface)) if len(core) > 1 else ""
        jargon = frozenset(_stem(w.lower()) for w in re.findall(r"[A-Za-z0-9]+", surface) if _JARGON.match(w))
        return cls(surface, normalize_name(surface), core, initials, jargon)

    @property
    def head(self) -> str:
        return self.core[-1] if self.core else ""


def _acronym_match(a: _Name, b: _Name) -> bool:
    """`a` spells out an acronym of `b`: all of it ("single sign-on" ~ "SSO Integration"), or a run of its
    words with the other words the same ("Single Sign-On Rollout" ~ "SSO rollout")."""
    if len(a.initials) >= 2 and a.initials in b.core and a.initials not in a.core:
        return True
    for acronym in b.jargon & set(b.core):
        n = len(acronym)
        for i in range(len(a.core) - n + 1) if n >= 2 else ():
            spelled = "".join(w[0] for w in a.core[i : i + n]) == acronym
            if spelled and a.core[:i] + (acronym,) + a.core[i + n :] == b.core:
                return True
    return False


def _subset_match(a: _Name, b: _Name) -> bool:
    """The shorter name's words are part of the longer one and name the same thing."""
    short, long_ = (a, b) if len(a.core) < len(b.core) else (b, a)
    if not short.core or not set(short.core) < set(long_.core):
        return False
    if short.head == long_.head:
        return True
    modifiers = set(long_.core[:-1])
    return set(short.core) <= modifiers and not all(w in _TYPE_WORDS for w in short.core)


def _synonym_head_match(a: _Name, b: _Name) -> bool:
    if len(a.core) < 2 or a.core[:-1] != b.core[:-1] or a.head == b.head:
        return False
    return any(a.head in heads and b.head in heads for heads in _SYNONYM_HEADS)


def _fuzzy_match(a: _Name, b: _Name) -> bool:
    """A typo in one long word, everything else identical."""
    if len(a.core) != len(b.core) or a.core == b.core:
        return False
    differing = [(x, y) for x, y in zip(a.core, b.core, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if min(len(x), len(y)) < 5 or any(ch.isdigit() for ch in x + y):
        return False
    return fuzz.ratio(x, y) >= FUZZY_TOKEN_RATIO


@lru_cache(maxsize=4096)
def _type_of(surface: str) -> tuple[EntityType, bool]:
    return guess_type(surface)


def _types_compatible(a: _Name, b: _Name) -> bool:
    type_a, sure_a = _type_of(a.text)
    type_b, sure_b = _type_of(b.text)
    return not (sure_a and sure_b and type_a != type_b)


def _names_match(a: _Name, b: _Name, tier: Tier) -> bool:
    if tier is Tier.EXACT:
        return a.norm == b.norm
    if tier is Tier.CORE:
        return bool(a.core) and a.core == b.core
    if tier is Tier.ACRONYM:
        return _acronym_match(a, b) or _acronym_match(b, a)
    if tier is Tier.SUBSET:
        return _types_compatible(a, b) and _subset_match(a, b)
    if tier is Tier.SYNONYM_HEAD:
        return _synonym_head_match(a, b)
    if tier is Tier.FUZZY:
        return _types_compatible(a, b) and _fuzzy_match(a, b)
    return False


@dataclass
class _Group:
    names: list[_Name]
    known: KnownEntity | None = None
    surfaces: list[str] = field(default_factory=list)  # this meeting's mentions, in order
    absorbed: list[KnownEntity] = field(default_factory=list)  # other known entities found to be this one

    def absorb(self, other: _Group) -> None:
        self.names.extend(other.names)
        self.surfaces.extend(other.surfaces)
        self.absorbed.extend([other.known] if other.known else [])
        self.absorbed.extend(other.absorbed)

    @property
    def embedding_names(self) -> list[_Name]:
        """A known entity is compared by its name alone, whose embedding the graph keeps."""
        return [_Name.of(self.known.name)] if self.known else [_Name.of(s) for s in self.surfaces]


def resolve_entities(mentions: list[EntityMention], known: list[KnownEntity], embed: Embed | None = None) -> Resolution:
    """Map every mention surface to one entity: an existing one from `known`, or a new one."""
    surfaces = list(dict.fromkeys(m.surface for m in mentions if m.surface.strip()))
    groups = [_Group([_Name.of(n) for n in dict.fromkeys([k.name, *k.aliases])], known=k) for k in known]
    groups += [_Group([_Name.of(s)], surfaces=[s]) for s in surfaces]
    for tier in (Tier.EXACT, Tier.CORE, Tier.ACRONYM, Tier.SUBSET, Tier.SYNONYM_HEAD, Tier.FUZZY):
        _merge_tier(groups, tier)
    if embed is not None:
        _merge_by_embedding(groups, known, embed)
    return _resolution([g for g in groups if g.surfaces], mentions)


def _merge_tier(groups: list[_Group], tier: Tier) -> None:
    merged = True
    while merged:
        merged = False
        for group in [g for g in groups if g.known is None]:
            matches = [
                other
                for other in groups
                if other is not group and any(_names_match(a, b, tier) for a in group.names for b in other.names)
            ]
            bridged = _bridged(group, matches) if tier is Tier.SUBSET else []
            target = None if bridged else _unambiguous_target(group, matches, tier)
            if bridged:
                target = bridged[0]
                for other in bridged[1:]:
                    target.absorb(other)
                    groups.remove(other)
            if target is not None:
                target.absorb(group)
                groups.remove(group)
                merged = True
                break


def _bridged(group: _Group, matches: list[_Group]) -> list[_Group]:
    """Known entities that a full proper name shows to be one item: each is a part of it, one shares
    its head, and together they cover it ("Mobile App Redesign" = "app redesign" + "mobile redesign")."""
    for full in (n for n in group.names if _is_proper(n.text) and len(n.core) > 2):
        part_names = {
            id(g): [
                p
                for p in g.names
                if _subset_match(p, full) and len(p.core) < len(full.core) and _types_compatible(p, full)
            ]
            for g in matches
        }
        parts = [g for g in matches if part_names[id(g)]]
        covered = {w for names in part_names.values() for p in names for w in p.core}
        shares_head = any(p.head == full.head for names in part_names.values() for p in names)
        if len(parts) == len(matches) > 1 and covered == set(full.core) and shares_head and all(g.known for g in parts):
            return parts
    return []


def _unambiguous_target(group: _Group, matches: list[_Group], tier: Tier) -> _Group | None:
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


@dataclass(frozen=True)
class _Paraphrase:
    """Texts whose embeddings decide whether two names are paraphrases of each other."""

    names: tuple[str, str]
    differing_words: tuple[str, str] | None  # set when the names share their head noun

    @classmethod
    def of(cls, a: _Name, b: _Name) -> _Paraphrase | None:
        if not _types_compatible(a, b):
            return None
        names = (_embedding_text(a.text), _embedding_text(b.text))
        shared = set(a.core) & set(b.core)
        if not shared:
            return cls(names, None)
        only_a = [w for w in a.core if w not in shared]
        only_b = [w for w in b.core if w not in shared]
        if a.head != b.head or not only_a or not only_b or len(only_a) > 2 or len(only_b) > 2:
            return None
        if any(w in a.jargon for w in only_a) == any(w in b.jargon for w in only_b):
            return None  # two plain words (or two codes) under one head are usually siblings
        return cls(names, (" ".join(only_a), " ".join(only_b)))

    def texts(self) -> tuple[str, ...]:
        return self.names + (self.differing_words or ())

    def score(self, vectors: _Vectors) -> float | None:
        similarity = vectors.cosine(*self.names)
        if self.differing_words is None:
            return similarity if similarity >= UNRELATED_NAME_THRESHOLD else None
        ok = (
            similarity >= PARAPHRASE_NAME_THRESHOLD
            and vectors.cosine(*self.differing_words) >= PARAPHRASE_WORD_THRESHOLD
        )
        return similarity if ok else None


class _Vectors:
    """Unit embeddings by text: the graph's stored name embeddings, the rest computed in batches."""

    def __init__(self, known: list[KnownEntity], embed: Embed) -> None:
        self._embed = embed
        self._by_text = {_embedding_text(k.name): _unit(k.name_embedding) for k in known if k.name_embedding}

    def ensure(self, texts: Sequence[str]) -> None:
        missing = list(dict.fromkeys(t for t in texts if t not in self._by_text))
        if missing:
            self._by_text.update((t, _unit(v)) for t, v in zip(missing, self._embed(missing), strict=True))

    def cosine(self, a: str, b: str) -> float:
        return float(self._by_text[a] @ self._by_text[b])


def _unit(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array))
    return array / norm if norm else array


def _merge_by_embedding(groups: list[_Group], known: list[KnownEntity], embed: Embed) -> None:
    """Merge each new group into the one group it paraphrases, clearly better than any other."""
    vectors = _Vectors(known, embed)
    merged = True
    while merged:
        merged = False
        for group in [g for g in groups if g.known is None]:
            if group not in groups:
                continue  # absorbed earlier in this pass
            shapes = [
                (
                    other,
                    [p for x in group.embedding_names for y in other.embedding_names if (p := _Paraphrase.of(x, y))],
                )
                for other in groups
                if other is not group
            ]
            vectors.ensure([t for _, ps in shapes for p in ps for t in p.texts()])
            scored = sorted(
                ((max(scores), i) for i, (_, ps) in enumerate(shapes) if (scores := _scores(ps, vectors))),
                reverse=True,
            )
            if scored and (len(scored) == 1 or scored[0][0] - scored[1][0] >= EMBEDDING_MARGIN):
                shapes[scored[0][1]][0].absorb(group)
                groups.remove(group)
                merged = True


def _scores(paraphrases: list[_Paraphrase], vectors: _Vectors) -> list[float]:
    return [score for p in paraphrases if (score := p.score(vectors)) is not None]


def _embedding_text(surface: str) -> str:
    return " ".join(_words(surface))


# --- naming ---------------------------------------------------------------------------------


def _is_proper(surface: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9'-]*", surface) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _leading_wrapper(surface: str) -> bool:
    words = _words(surface)
    return len(words) > 1 and words[0] in PROJECT_WORDS


def _name_rank(surface: str) -> tuple[bool, bool, int]:
    """Proper-cased, then "Project X" over "X project", then the most specific."""
    return _is_proper(surface), _leading_wrapper(surface), len(_Name.of(surface).core)


def _display_name(surface: str) -> str:
    words = surface.split()
    while len(words) > 1 and words[0].lower() in _LEADING_FILLERS - {"new"}:
        words.pop(0)
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _canonical_name(surfaces: list[str]) -> str:
    best = max(surfaces, key=lambda s: (_name_rank(s), -surfaces.index(s)))
    return _display_name(best)


def _is_fuller_name(new: str, old: str) -> bool:
    """ "Analytics Dashboard" for "Dashboard", "Project Atlas" for "Atlas": more of the same proper name."""
    if not _is_proper(new):
        return False
    new_core, old_core = set(_Name.of(new).core), set(_Name.of(old).core)
    adds_wrapper = new_core == old_core and _leading_wrapper(new) and not _leading_wrapper(old)
    return old_core < new_core or adds_wrapper


def distinct_aliases(name: str, *alias_lists: Iterable[str]) -> list[str]:
    """Aliases in first-seen order, case-insensitively distinct, never the name itself."""
    seen = {name.lower()}
    aliases: list[str] = []
    for alias in (a for aliases_ in alias_lists for a in aliases_):
        if alias.lower() not in seen:
            seen.add(alias.lower())
            aliases.append(alias)
    return aliases


def _entity_type(group: _Group, mentions: list[EntityMention], name: str) -> EntityType:
    surfaces = set(group.surfaces)
    sure = [guess_type(s)[0] for s in group.surfaces if guess_type(s)[1]]
    if sure:
        return Counter(sure).most_common(1)[0][0]
    votes = [m.type for m in mentions if m.surface in surfaces and m.type is not None]
    return Counter(votes).most_common(1)[0][0] if votes else guess_type(name)[0]


def _resolution(groups: list[_Group], mentions: list[EntityMention]) -> Resolution:
    entities: list[ResolvedEntity] = []
    by_surface: dict[str, str] = {}
    merged: dict[str, str] = {}
    for group in groups:
        if group.known is not None:
            known = group.known
            best_new = max(group.surfaces, key=lambda s: (_name_rank(s), -group.surfaces.index(s)))
            name = _display_name(best_new) if _is_fuller_name(best_new, known.name) else known.name
            absorbed_names = [n for k in group.absorbed for n in (k.name, *k.aliases)]
            aliases = distinct_aliases(name, [known.name], known.aliases, absorbed_names, group.surfaces)
            entity = ResolvedEntity(id=known.id, name=name, type=known.type, aliases=aliases, is_new=False)
            merged.update((k.id, known.id) for k in group.absorbed if k.id != known.id)
        else:
            name = _canonical_name(group.surfaces)
            entity = ResolvedEntity(
                id=str(uuid.uuid5(_ENTITY_NAMESPACE, normalize_name(name))),
                name=name,
                type=_entity_type(group, mentions, name),
                aliases=distinct_aliases(name, group.surfaces),
                is_new=True,
            )
        entities.append(entity)
        by_surface.update((s, entity.id) for s in group.surfaces)
    return Resolution(entities=entities, by_surface=by_surface, merged=merged)


def resolve_person(surface: str, participants: list[str], known_people: list[str]) -> str:
    """The full name a spoken person name refers to: the meeting's participants first, then people already known."""
    spoken = surface.strip()
    words = spoken.lower().split()
    if not words:
        return spoken
    for pool in (participants, known_people):
        full = [p for p in pool if p.lower() == spoken.lower()]
        if full:
            return full[0]
        partial = list(dict.fromkeys(p for p in pool if _names_cover(words, p.lower().split())))
        if len(partial) == 1:
            return partial[0]
    for pool in (participants, known_people):
        close = list(dict.fromkeys(p for p in pool if len(words) == 1 and _first_name_typo(words[0], p)))
        if len(close) == 1:
            return close[0]
    return spoken


def _names_cover(spoken: list[str], full: list[str]) -> bool:
    """Whether a spoken "Kwame", "Mensah" or "Kwame M." covers the full name "Kwame Mensah"."""
    if len(spoken) > len(full):
        return False
    if len(spoken) == 1:
        return spoken[0] in full
    return all(f.startswith(s.rstrip(".")) for s, f in zip(spoken, full, strict=False))


def _first_name_typo(word: str, full_name: str) -> bool:
    first = full_name.lower().split()[0] if full_name.split() else ""
    return len(word) >= 4 and len(first) >= 4 and fuzz.ratio(word, first) >= 80
