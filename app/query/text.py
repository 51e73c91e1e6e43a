"""Question text as canonical words: lowercased, contractions expanded, cue-word typos fixed.

Every canonical word keeps its span in the original question, so phrases found on the canonical
form can be cut back out of the question exactly as the user typed them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import OSA, Indel
from rapidfuzz.process import extract

from app.ingest.names import DETERMINERS

_TOKEN = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|#\d+|\w+(?:['\-.]\w+)*")

_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "whats": ("what", "is"), "whos": ("who", "is"), "hows": ("how", "is"), "wheres": ("where", "is"),
    "whens": ("when", "is"), "whys": ("why", "is"), "thats": ("that", "is"), "theres": ("there", "is"),
    "isnt": ("is", "not"), "arent": ("are", "not"), "wasnt": ("was", "not"), "werent": ("were", "not"),
    "doesnt": ("does", "not"), "dont": ("do", "not"), "didnt": ("did", "not"), "cant": ("can", "not"),
    "cannot": ("can", "not"), "wont": ("will", "not"), "hasnt": ("has", "not"), "havent": ("have", "not"),
    "won't": ("will", "not"), "can't": ("can", "not"), "let's": ("let", "us"), "it's": ("it", "is"),
    "what's": ("what", "is"), "who's": ("who", "is"), "how's": ("how", "is"), "where's": ("where", "is"),
    "that's": ("that", "is"), "there's": ("there", "is"), "when's": ("when", "is"), "why's": ("why", "is"),
}
_COMMON_TYPOS = {"wat": "what", "wht": "what", "waht": "what", "whta": "what", "hwo": "how", "wich": "which",
                 "whihc": "which", "wher": "where", "teh": "the", "hte": "the"}
_SUFFIXES = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'m": "am", "'s": "'s"}

# Grammar words: never typo-corrected, and (but for determiners) scaffolding around a name.
_FUNCTION_WORDS = frozenset("""
a an the this that these those some any all every each no not of for on in at to from by with about
into onto over under after before since until between and or but if when while as than then so
what which who whom whose where why how is are was were be been being am do does did done has have
had having will would can could should shall may might must i me my we us our you your he him his she
her it its they them their there here one ones anyone anybody someone somebody anything something
everything everyone nothing else please just still yet again now ever also too very really right
show tell give list let know see get got want like need needs thing things item items stuff
""".split())

# Dropped from the edges of a leftover phrase: question scaffolding, never part of a work item's name.
EDGE_WORDS = _FUNCTION_WORDS - {"a", "an", "the", "this", "that", "these", "those", "our", "my"} | frozenset("""
's currently current presently moment today overall exactly actually basically anymore lately
days far much many find look looking display back full entire whole meeting meetings sync standup
quick check schedule face facing gets goes go went remind report reports view picture few weeks months
explain describe understand reason reasons cause causes tasks projects features workstreams up regarding
concerning re wrt team yo hey hi hello ok okay so um uh question
going doing moving forward ahead happening first start started starting begin finish finished
complete completed ship shipped shipping done ready progress move make made
status state latest recent update updates info information details detail overview
dependency dependencies chain path owner owners summary can could able supposed
""".split())

# Real words close enough to a cue word to be "corrected" into it (found by running an English word list).
_REAL_WORDS = frozenset("""
kicked stated lunch timing owed shipping shopping sipping sipped stopped dripping charging charged clipping
provide minute minutes stared startled competed compete competes liked lined struck raise seattle reply relay
replies patch diving prevention presenting statues statutes stats tracing deepened scraped activate concussion
doping defending relegated relocated regulated realised realises realizes conversion conversions complexion
manny mandy manly reliefs pickering discus chang bought panicked owens managers""".split())

_KNOWN_WORDS = _FUNCTION_WORDS | _REAL_WORDS | EDGE_WORDS

NAME_PLACEHOLDER = "xnamex"  # stands in for each word of a known name; no cue pattern matches it


class Word(NamedTuple):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CanonicalText:
    question: str
    words: list[Word]
    text: str
    offsets: list[int]

    def word_indices(self, start: int, end: int) -> range:
        """Indices of the words a character span of `text` covers."""
        first = bisect.bisect_right(self.offsets, start) - 1
        last = bisect.bisect_left(self.offsets, end) - 1
        return range(max(first, 0), last + 1)

    def on_word_boundaries(self, start: int, end: int) -> bool:
        """False for a match inside a word, such as "on" in "sign-on"."""
        return (start == 0 or self.text[start - 1] == " ") and (end == len(self.text) or self.text[end] == " ")

    def words_in_raw_span(self, start: int, end: int) -> set[int]:
        return {i for i, w in enumerate(self.words) if w.start < end and w.end > start}

    def raw(self, first: int, last: int) -> str:
        return self.question[self.words[first].start:self.words[last].end]


def canonicalize(question: str, vocabulary: Collection[str], known_names: NameIndex | None = None) -> CanonicalText:
    """`known_names` (item names and aliases) are masked, so a cue word inside a name ("Decision Engine",
    "Search API") cannot change what the question asks."""
    tokens = [(m.group().lower(), m.start()) for m in _TOKEN.finditer(question.replace("\u2019", "'"))]
    masked = known_names.tokens_naming(tokens) if known_names else set()
    words: list[Word] = []
    for i, (token, start) in enumerate(tokens):
        if i not in masked:
            words.extend(_expand(token, start, vocabulary))
            continue
        base = token.removesuffix("'s")
        words.append(Word(NAME_PLACEHOLDER, start, start + len(base)))
        if base != token:
            words.append(Word("'s", start + len(base), start + len(token)))
    offsets, position = [], 0
    for word in words:
        offsets.append(position)
        position += len(word.text) + 1
    return CanonicalText(question, words, " ".join(w.text for w in words), offsets)


class NameIndex:
    """Stored names and aliases as token sequences, looked up by their first token (built once per reload,
    not per question)."""

    def __init__(self, names: Iterable[str], people: Iterable[str] = ()) -> None:
        spelled = {tuple(m.group().lower() for m in _TOKEN.finditer(name)) for name in names}
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in spelled:
            if name and not all(word in _FUNCTION_WORDS for word in name):
                self._by_first.setdefault(name[0], []).append(name)
        # people's names, longest first, as whole words in any case
        spoken = sorted({p.strip() for p in people if p.strip()}, key=lambda p: (-len(p), p))
        alternatives = "|".join(map(re.escape, spoken))
        self._people = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I) if spoken else None

    def __len__(self) -> int:
        return sum(len(names) for names in self._by_first.values())

    def people_in(self, question: str) -> list[str]:
        """The stored people a question names, as typed, in order."""
        return [m.group() for m in self._people.finditer(question)] if self._people else []

    def without_people(self, question: str, stand_in: str) -> str:
        """The question with each stored person's name replaced by `stand_in`."""
        return self._people.sub(stand_in, question) if self._people else question

    def tokens_naming(self, tokens: list[tuple[str, int]]) -> set[int]:
        """Indices of the tokens that spell out a known name; overlapping names go to the longer one."""
        bases = [token.removesuffix("'s") for token, _ in tokens]
        found = [
            (len(name), i)
            for i, base in enumerate(bases)
            for name in self._by_first.get(base, ())
            if tuple(bases[i:i + len(name)]) == name
        ]
        masked: set[int] = set()
        for length, i in sorted(found, key=lambda f: (-f[0], f[1])):
            span = set(range(i, i + length))
            if not masked & span:
                masked |= span
        return masked


def _expand(token: str, start: int, vocabulary: Collection[str]) -> Iterable[Word]:
    end = start + len(token)
    token = _COMMON_TYPOS.get(token, token)
    if token in _CONTRACTIONS:
        first, second = _CONTRACTIONS[token]
        split = start + min(len(first), len(token))
        return [Word(first, start, split), Word(second, split, end)]
    for suffix, expansion in _SUFFIXES.items():
        if token.endswith(suffix) and len(token) > len(suffix):
            stem = token[: -len(suffix)]
            return [Word(correct_typo(stem, vocabulary), start, start + len(stem)),
                    Word(expansion, start + len(stem), end)]
    return [Word(correct_typo(token, vocabulary), start, end)]


def correct_typo(word: str, vocabulary: Collection[str]) -> str:
    """The cue word `word` was probably meant to be, or `word` itself.

    Forgiven: swapped, missing or extra letters (two of them from eight letters on), and one wrong letter
    from nine letters on, never in the first letter. Real words one wrong letter away from a cue word
    ("kicked", "detection", "locks") are therefore left alone, and so are `_REAL_WORDS`, found by checking
    an English word list; four-letter words only get swapped letters fixed ("onws").
    """
    if word in vocabulary or word in _KNOWN_WORDS or not word.isalpha() or len(word) < 4:
        return word
    max_edits = 1 if len(word) < 8 else 2
    candidates = [
        (distance, candidate)
        for candidate, distance, _ in extract(word, vocabulary, scorer=OSA.distance, score_cutoff=max_edits, limit=None)
        if _plausible_typo(word, candidate, int(distance))
    ]
    return min(candidates)[1] if candidates else word


def _plausible_typo(word: str, candidate: str, distance: int) -> bool:
    if candidate in word or candidate[0] != word[0]:  # "unfinished" is not a typo; typos rarely hit the first letter
        return False
    if len(word) == 4:
        return sorted(word) == sorted(candidate)
    if distance == 1:
        return len(word) >= 9 or len(word) != len(candidate) or sorted(word) == sorted(candidate)
    return Indel.distance(word, candidate) <= 2


def strip_edges(canon: CanonicalText, first: int, last: int) -> tuple[int, int] | None:
    """Narrow words[first..last] to the phrase that names something; None when nothing is left.

    A leading determiner is kept ("the portal" stays as typed) unless scaffolding follows it ("the progress
    on the portal"); one left dangling at the end is dropped.
    """
    words = canon.words
    while first <= last and (words[first].text in EDGE_WORDS or _determiner_of_edge_word(words, first, last)):
        first += 1
    while first <= last and (words[last].text in EDGE_WORDS or words[last].text in DETERMINERS):
        last -= 1
    if first > last or all(words[i].text in DETERMINERS for i in range(first, last + 1)):
        return None
    return first, last


def _determiner_of_edge_word(words: list[Word], index: int, last: int) -> bool:
    """ "the" in "the progress on the portal", but not in "the portal"."""
    return (words[index].text in DETERMINERS and index < last
            and words[index + 1].text in EDGE_WORDS and words[index + 1].text not in DETERMINERS)


def leftover_phrases(canon: CanonicalText, removed: set[int]) -> list[tuple[int, int]]:
    """Runs of words not in `removed`, each narrowed by `strip_edges`, in question order."""
    phrases: list[tuple[int, int]] = []
    run_start: int | None = None
    for i in range(len(canon.words) + 1):
        if i < len(canon.words) and i not in removed:
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None:
            narrowed = strip_edges(canon, run_start, i - 1)
            if narrowed:
                phrases.append(narrowed)
            run_start = None
    return phrases
