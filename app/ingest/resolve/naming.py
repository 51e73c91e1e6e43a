"""A name as resolution sees it (stemmed core, initials, code words), and which name an entity goes by."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.ingest.extract.lexicon import FEATURE_HEADS, PROJECT_WORDS, TASK_HEADS, guess_type
from app.ingest.models import EntityType
from app.ingest.names import LEADING_FILLERS, normalize_name, stem, words

_SMALL_WORDS = frozenset("of and for the on in to with a an".split())
TYPE_WORDS = FEATURE_HEADS | TASK_HEADS | PROJECT_WORDS
_JARGON = re.compile(r"^(?:[A-Z]{2,}[0-9A-Za-z]*|\w*\d\w*|[a-z]+[A-Z]\w*)$")  # GDPR, SOC2, k8s, gRPC


@dataclass(frozen=True)
class Name:
    text: str
    norm: str
    core: tuple[str, ...]  # stemmed words without a project wrapper
    initials: str
    jargon: frozenset[str]  # stemmed forms of acronyms and code words

    @classmethod
    @lru_cache(maxsize=4096)
    def of(cls, surface: str) -> Name:
        core = tuple(stem(w) for w in words(surface))
        if len(core) > 1 and core[0] in PROJECT_WORDS:
            core = core[1:]
        elif len(core) > 1 and core[-1] in PROJECT_WORDS:
            core = core[:-1]
        initials = "".join(w[0] for w in words(surface)) if len(core) > 1 else ""
        jargon = frozenset(stem(w.lower()) for w in re.findall(r"[A-Za-z0-9]+", surface) if _JARGON.match(w))
        return cls(surface, normalize_name(surface), core, initials, jargon)

    @property
    def head(self) -> str:
        return self.core[-1] if self.core else ""

    @property
    def compact(self) -> str:
        """The core words run together, so a hyphen or a space more is the same spelling ("re-design")."""
        return "".join(self.core)


def initials(surface: str) -> str | None:
    """What a name of several words abbreviates to: "single sign-on" -> "sso"."""
    return Name.of(surface).initials or None


def acronyms(surface: str) -> list[str]:
    """The acronyms and code words in a name, lowercased: "SSO Integration" -> ["sso"]."""
    return sorted(Name.of(surface).jargon)


@lru_cache(maxsize=4096)
def type_of(surface: str) -> tuple[EntityType, bool]:
    return guess_type(surface)


def types_compatible(a: Name, b: Name) -> bool:
    type_a, sure_a = type_of(a.text)
    type_b, sure_b = type_of(b.text)
    return not (sure_a and sure_b and type_a != type_b)


def is_proper(surface: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9'-]*", surface) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def leading_wrapper(surface: str) -> bool:
    found = words(surface)
    return len(found) > 1 and found[0] in PROJECT_WORDS


def name_rank(surface: str) -> tuple[bool, bool, int]:
    """Proper-cased, then "Project X" over "X project", then the most specific."""
    return is_proper(surface), leading_wrapper(surface), len(Name.of(surface).core)


def display_name(surface: str) -> str:
    words = surface.split()
    while len(words) > 1 and words[0].lower() in LEADING_FILLERS - {"new"}:
        words.pop(0)
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def canonical_name(surfaces: list[str]) -> str:
    best = max(surfaces, key=lambda s: (name_rank(s), -surfaces.index(s)))
    return display_name(best)


def is_fuller_name(new: str, old: str) -> bool:
    """ "Analytics Dashboard" for "Dashboard", "Project Atlas" for "Atlas": more of the same proper name."""
    if not is_proper(new):
        return False
    new_core, old_core = set(Name.of(new).core), set(Name.of(old).core)
    adds_wrapper = new_core == old_core and leading_wrapper(new) and not leading_wrapper(old)
    return old_core < new_core or adds_wrapper
