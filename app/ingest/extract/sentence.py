"""One sentence parsed for reading: frame matches, noun-phrase chunks, clauses, and slot filling."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from app.ingest.extract.clauses import Clause, split_clauses
from app.ingest.extract.cues import FRAMES
from app.ingest.extract.frames import Frame, Kind, Slot
from app.ingest.extract.values import degree_qualified
from app.ingest.extract.lexicon import (
    AUXILIARIES,
    CLOSED_WORDS,
    FEATURE_HEADS,
    PROJECT_HEADS,
    TASK_HEADS,
    WORK_AREA_WORDS,
    work_headed,
)
from app.ingest.extract.text import Chunk, ChunkKind, Token, chunk, is_question, tokenize
from app.ingest.models import Status

ITEM_LIKE = (ChunkKind.ITEM, ChunkKind.ITEM_PRONOUN)
_ELLIPSIS_OK = frozenset(
    "and but so also now then still just already is are 's 're has have been currently again"
    " at about around roughly nearly almost only".split()  # "X is on track and at about 70%"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|these|those|our|their|my|your)\s+$", re.IGNORECASE)
# what joins coordinated objects: "on A and on B", "A, B and C", "by A as well as B", "A and also B"
_CONJUNCT_GAP = re.compile(
    r"\s*,\s*(?:(?:and|plus)\s+|as\s+well\s+as\s+)?(?:also\s+)?(?:(?:on|upon|by|for|behind)\s+)?"
    r"|\s+(?:and|plus|as\s+well\s+as)\s+(?:also\s+)?(?:(?:on|upon|by|for|behind)\s+)?",
    re.IGNORECASE,
)
# what a speaker says before reporting a state: "I think A and B are done", "Yuki says ..."
_SAYING = re.compile(
    r"\s*(?:'d\s+|would\s+|can\s+)?(?:think|thinks|thought|believe|believes|guess|reckon|feel|know|heard|hear"
    r"|say|says|said|confirm|confirms|confirmed|mentioned|reported|reports)\b",
    re.IGNORECASE,
)
_FOR_GAP = re.compile(r"\s+for\s+", re.IGNORECASE)
_PEOPLE = (ChunkKind.PERSON, ChunkKind.PERSON_PRONOUN)
_CONJUNCTION = re.compile(r"\b(?:and|plus|as\s+well\s+as)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\byou\b", re.IGNORECASE)
_WORK_WORDS = WORK_AREA_WORDS | FEATURE_HEADS | TASK_HEADS | PROJECT_HEADS  # "Billing, you ..." names no one
_TOPIC_OPENERS = frozenset("and so also then what about how okay ok right now next".split())


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: list[Token]
    chunks: list[Chunk]
    clauses: list[Clause]
    matches: list[tuple[Frame, re.Match[str]]]  # in spoken order
    question: bool
    addressee: str | None  # the person a "you" sentence is said to: "Ines, you'll own X"

    @classmethod
    def parse(cls, text: str, person_words: Collection[str]) -> Sentence:
        lowered = text.lower()
        found = [(f, m) for f in FRAMES if f.could_match(lowered) for m in f.pattern.finditer(text)]
        progress = [m.span() for f, m in found if f.kind is Kind.PROGRESS]
        matches = sorted((fm for fm in found if _stands(*fm, progress, text)), key=lambda fm: fm[1].start())
        tokens = tokenize(text)
        masked = {i for i, t in enumerate(tokens) if any(_in_cue(t, m) for _, m in matches)}
        chunks, addressee = _address(text, tokens, chunk(text, tokens, person_words, masked))
        phrases = [(c.start, c.end) for c in chunks]
        clauses = split_clauses(text, [m.start() for _, m in matches], [m.span() for _, m in matches], phrases)
        return cls(text, tokens, chunks, clauses, matches, is_question(text), addressee)

    def clause_of(self, position: int) -> int:
        return next((i for i, c in enumerate(self.clauses) if position < c.end), len(self.clauses) - 1)

    def chunks_in(self, start: int, end: int) -> list[Chunk]:
        return [c for c in self.chunks if c.start >= start and c.end <= end]

    def pick(self, clause: Clause, match: re.Match[str], slot: Slot, role: str) -> Chunk | None:
        """The chunk filling a frame's slot; for EITHER, the subject if it's an item, else the object."""
        if slot is Slot.GROUP or match.groupdict().get(role) is not None:
            first = next(iter(self.chunks_in(*match.span(role))), None)  # "has concerns about X now": not X
            return first if first and _relevant([first]) else None
        left = self._left(clause, match.start())
        right = [
            c for c in _relevant(self.chunks_in(match.end(), clause.end)) if c.kind is not ChunkKind.PERSON_PRONOUN
        ]
        if slot is Slot.LEFT:
            return left[0] if left else None
        if slot is Slot.RIGHT:
            return right[0] if right else None
        if slot is Slot.FOCUS:
            return None
        if left and left[0].kind is ChunkKind.ITEM_PRONOUN and right and right[0].names_item:
            return right[0]  # "that's a wrap on X"
        for candidates in (left, right):
            if candidates and candidates[0].kind in ITEM_LIKE:
                return candidates[0]
        fronted = next((c for c in left[1:] if c.names_item), None)  # "On X, we're at 40%"
        return fronted or (left[0] if left else None)

    def conjuncts(self, first: Chunk, clause: Clause) -> list[Chunk]:
        """`first` and the items coordinated after it in its clause: "on A and on B", "A, B and C"."""
        found = [first]
        while gap := _CONJUNCT_GAP.match(self.text, found[-1].end):
            following = next((c for c in self.chunks if c.start == gap.end()), None)
            if following is None or not following.names_item or following.end > clause.end:
                break
            found.append(following)
        return found

    def conjuncts_before(self, last: Chunk, clause: Clause) -> list[Chunk]:
        """`last` and the items coordinated before it in its clause: "A and B block X", "A, B and C are
        holding up X". The nearest join must be a conjunction: in "Apart from A, B is holding up X" it isn't."""
        found = [last]
        for c in reversed([c for c in self.chunks if clause.start <= c.start and c.end <= last.start]):
            gap = self.text[c.end : found[0].start]
            joined = _CONJUNCT_GAP.fullmatch(gap) and (len(found) > 1 or _CONJUNCTION.search(gap))
            if not (joined and c.names_item):
                break
            found.insert(0, c)
        return found

    def subjects(self, head: Chunk, clause: Clause, cue_start: int) -> list[Chunk]:
        """`head`, a subject before the cue, with the items coordinated before it when the list opens
        the clause: "A, B and C are at 50%", "I think A and B are done" - not "we reviewed A and B is done"."""
        found = self.conjuncts_before(head, clause) if head.names_item and head.end <= cue_start else [head]
        lead = self.chunks_in(clause.start, found[0].start)
        said = [i for i, c in enumerate(lead) if c.kind in _PEOPLE and _SAYING.match(self.text, c.end)]
        opens = all(i in said or (i - 1 in said and c.text.lower() == "that") for i, c in enumerate(lead))
        return found if opens else [head]

    def purpose(self, first: Chunk, clause: Clause) -> Chunk | None:
        """The item named by "for X" right after `first` and its conjuncts: "we're waiting on A and B for X"."""
        gap = _FOR_GAP.match(self.text, self.conjuncts(first, clause)[-1].end)
        found = next((c for c in self.chunks_in(gap.end(), clause.end) if c.start == gap.end()), None) if gap else None
        return found if found and found.names_item else None

    def coordination(self, head: Chunk, clause: Clause) -> list[Chunk]:
        """`head` with every item coordinated with it, in spoken order."""
        return [*self.conjuncts_before(head, clause)[:-1], *self.conjuncts(head, clause)]

    def person_near(self, clause: Clause, match: re.Match[str], slot: Slot) -> Chunk | None:
        """The chunk in a person slot, whatever its kind (names, pronouns, capitalised words)."""
        if slot is Slot.GROUP or match.groupdict().get("other") is not None:
            return next(iter(self.chunks_in(*match.span("other"))), None)
        if slot is Slot.LEFT:
            before = self.chunks_in(clause.start, match.start())
            return before[-1] if before else None
        after = self.chunks_in(match.end(), clause.end)
        return after[0] if after else None

    def elliptical(self, clause: Clause, match: re.Match[str]) -> bool:
        """A clause with no subject of its own ("and at risk", "Done."): it continues the focus."""
        before = [t for t in self.tokens if clause.start <= t.start and t.end <= match.start() and t.text[0].isalnum()]
        return all(t.lower in _ELLIPSIS_OK for t in before)

    def bare_topic(self) -> Chunk | None:
        """The item of a sentence that is just a name: a question ("And the portal?", "What about Atlas?") or a
        heading that names work ("Okay, so project evaluation.")."""
        words = [t for t in self.tokens if t.text[0].isalnum()]
        items = [c for c in self.chunks if c.names_item]
        if len(items) != 1 or len(words) > 8:
            return None
        item = items[0]
        rest = [t.lower for t in words if not item.start <= t.start < item.end]
        opened = bool(rest) and all(w in _TOPIC_OPENERS for w in rest)
        if not self.text.rstrip().endswith("?"):
            return item if work_headed(item.text.split()[-1].lower()) and (opened or not rest) else None
        return item if opened or (not rest and self.text[item.start : item.end] != item.text) else None

    def attributive(self, match: re.Match[str]) -> bool:
        """A status word before a noun ("the finished checks") describes, it doesn't state."""
        return bool(_DETERMINER_BEFORE.search(self.text[: match.start()])) and " " not in match.group().strip()

    def _left(self, clause: Clause, position: int) -> list[Chunk]:
        """Chunks that can fill a slot before `position`, nearest first.

        A chunk right after an auxiliary ("X is sitting at 40%", "X has reached") is the verb of a
        declarative clause, not its subject, when there is another candidate further left.
        """
        chunks = _relevant(reversed(self.chunks_in(clause.start, position)))
        if self.question or len(chunks) < 2:
            return chunks
        return [c for i, c in enumerate(chunks) if i == len(chunks) - 1 or not self._after_auxiliary(c)]

    def _after_auxiliary(self, c: Chunk) -> bool:
        before = [t for t in self.tokens if t.end <= c.start]
        return bool(before) and before[-1].lower in AUXILIARIES


def _address(text: str, tokens: list[Token], chunks: list[Chunk]) -> tuple[list[Chunk], str | None]:
    """A name set off by a comma at either end of a sentence that says "you" is the person spoken to
    ("Ines, you'll own X", "you're on X now, Tom"); it is a person, never an item."""
    if not chunks or not _SECOND_PERSON.search(text):
        return chunks, None
    words = [t for t in tokens if t.text[0].isalnum()]
    for i, c in ((0, chunks[0]), (len(chunks) - 1, chunks[-1])):
        leading = i == 0 and all(t.lower in CLOSED_WORDS for t in words if t.end <= c.start)
        comma_after = re.match(r"\s*,(?!\s*you\s+(?:know|see|guys)\b)", text[c.end :], re.IGNORECASE) is not None
        trailing = i > 0 and re.search(r",\s*$", text[: c.start]) is not None and not text[c.end :].strip(" .!?")
        named = c.kind is ChunkKind.PERSON or (c.kind is ChunkKind.ITEM and _looks_like_first_name(c.text))
        if named and ((leading and comma_after) or trailing):
            person = Chunk(ChunkKind.PERSON, c.text, c.start, c.end)
            return [person if x is c else x for x in chunks], c.text
    return chunks, None


def _looks_like_first_name(surface: str) -> bool:
    words = surface.split()
    return len(words) <= 2 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in _WORK_WORDS for w in words
    )


def _stands(frame: Frame, match: re.Match[str], progress: list[tuple[int, int]], text: str) -> bool:
    """A cue inside a percentage ("40 percent done") or qualified by degree ("almost done") says nothing itself."""
    if frame.kind is Kind.PROGRESS:
        return True
    if any(a <= match.start() and match.end() <= b for a, b in progress):
        return False
    return not (frame.status is Status.DONE and degree_qualified(match, text))


def _relevant(chunks: Iterable[Chunk]) -> list[Chunk]:
    """Chunks that can fill a slot; invalid item chunks ("the work", "a bug") are skipped."""
    return [c for c in chunks if c.kind is not ChunkKind.ITEM or c.valid]


def _in_cue(token: Token, match: re.Match[str]) -> bool:
    """Whether the token is one of the cue's own words (so it can't be part of a name)."""
    if not (match.start() <= token.start and token.end <= match.end()):
        return False
    slots = [match.span(g) for g in ("item", "other") if match.groupdict().get(g) is not None]
    return not any(a <= token.start and token.end <= b for a, b in slots)
