"""Split a sentence into clauses and tell which of them assert facts.

Coordinated clauses ("X is done, and Y is at 40%") are split only when both sides have a
predicate of their own, so coordinated names ("X and Y are done") stay together. Subordinate
clauses keep their link word: "until"/"once"/"before" clauses state a condition, not a fact, and
link two items as dependent and dependency; "if"/"unless" make the whole sentence hypothetical. A
sentence-initial sub-clause ends at its comma, or without one where the main clause's subject begins
("Once Z is live we can start X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.ingest.extract.cues import ANY_PREDICATE, COMPLETION

CONDITIONAL_LINKS = frozenset({"if", "unless", "in case", "assuming", "provided", "whether", "suppose", "supposing"})
CAUSAL_LINKS = frozenset({"because", "since", "now that"})
TEMPORAL_LINKS = frozenset({"until", "till", "before", "once", "after", "as soon as", "when"})
_LINKS = "|".join(sorted(CONDITIONAL_LINKS | CAUSAL_LINKS | TEMPORAL_LINKS, key=len, reverse=True))
_COORDINATORS = "and then|and|but|so|then|although|though|while|whereas|plus"

_BOUNDARY = re.compile(
    rf"(?P<punct>\s*[,;:]\s*|\s+--?\s+)(?P<after_punct>(?:{_LINKS}|{_COORDINATORS})\b(?!\s+of\b))?"
    rf"|\s+(?P<word>(?:{_LINKS}|{_COORDINATORS})\b(?!\s+of\b))",
    re.IGNORECASE,
)
# Where the clause after a coordinator ends at the latest: the next punctuation or subordinating word.
_NEXT_BREAK = re.compile(rf"\s*[,;:]|\s+--?\s+|\s+(?:{_LINKS})\b(?!\s+of\b)", re.IGNORECASE)
_INITIAL_LINK = re.compile(
    rf"^\s*(?:(?:so|and|but|okay|ok|well|also|now|and\s+then)\s*,?\s+)?(?P<word>{_LINKS})\b(?!\s+of\b)",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(r"(?:we|i|they|he|she)\b", re.IGNORECASE)
_MODAL_AFTER_SUBJECT = re.compile(
    r"\s*'(?:ll|d)\b|\s+(?:can|could|will|would|should|must|may|might|can't|cannot|won't|gonna"
    r"|(?:is|are)\s+going\s+to|needs?\s+to|ha(?:s|ve)\s+to)\b",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|our|their|your|my|this|that|these|those)\s+$", re.IGNORECASE)
_HYPOTHETICAL_MARKER = re.compile(
    r"\b(?:worst|best)[- ]case\b|\bwhat\s+if\b|\bsuppos(?:e|ing)\b|\bhypothetically\b|\bin\s+theory\b|\bimagine\b"
    r"|\botherwise\b|\bin\s+case\b|\bwould\s+have\b|\bcould\s+have\b",
    re.IGNORECASE,
)


@dataclass
class Clause:
    start: int
    end: int
    link: str | None = None  # the subordinating word that introduced this clause
    main: int | None = None  # index of the clause it depends on
    hypothetical: bool = False

    @property
    def states_condition(self) -> bool:
        """A temporal/conditional sub-clause ("until Z is done") asserts nothing about Z by itself."""
        return self.link is not None and self.link not in CAUSAL_LINKS


def _has_predicate(text: str, start: int, end: int, cue_starts: Sequence[int]) -> bool:
    return bool(ANY_PREDICATE.search(text, start, end)) or any(start <= c < end for c in cue_starts)


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < position < b for a, b in spans)


def _clause_end(text: str, start: int) -> int:
    """ "blocked by A and B, so it's at risk": "B" alone has no predicate, so "and" joins names there."""
    found = _NEXT_BREAK.search(text, start)
    return found.start() if found else len(text)


def split_clauses(
    text: str, cue_starts: Sequence[int], protected: Sequence[tuple[int, int]], phrases: Sequence[tuple[int, int]] = ()
) -> list[Clause]:
    """Clauses of one sentence. `protected` spans (whole cue phrases) are never split; a main clause after
    a sentence-initial sub-clause with no comma may begin at one of the noun `phrases`."""
    clauses: list[Clause] = []
    start = 0
    pending_link: str | None = None
    initial = _INITIAL_LINK.match(text)
    if initial:
        pending_link = initial.group("word").lower()
        start = initial.end()
    initial_sub_open = initial is not None
    for boundary in _BOUNDARY.finditer(text):
        if boundary.start() < start or _inside(boundary.start() + 1, protected):
            continue
        word = (boundary.group("after_punct") or boundary.group("word") or "").lower()
        punct = (boundary.group("punct") or "").strip()
        is_link = bool(word) and re.fullmatch(_LINKS, word) is not None
        if initial_sub_open and punct == ",":
            split, next_link = True, None  # "If X slips, | Y might get blocked"
        elif is_link:
            split, next_link = True, word
        elif punct in (";", "-", "--"):
            split, next_link = True, None
        else:
            split = _has_predicate(text, start, boundary.start(), cue_starts) and _has_predicate(
                text, boundary.end(), _clause_end(text, boundary.end()), cue_starts
            )
            next_link = None
        if not split or not text[boundary.end() :].strip(" .!?"):
            continue
        clauses.append(Clause(start, boundary.start(), link=pending_link))
        if initial_sub_open:
            initial_sub_open = False
        pending_link = next_link
        start = boundary.end()
    clauses.append(Clause(start, len(text), link=pending_link))
    if initial is not None:
        _split_initial_sub_clause(text, clauses, cue_starts, phrases)
    _attach_links(clauses, sentence_initial_link=initial is not None, text=text)
    return clauses


def _split_initial_sub_clause(
    text: str, clauses: list[Clause], cue_starts: Sequence[int], phrases: Sequence[tuple[int, int]]
) -> None:
    """ "Once Z is live we can start X": without a comma, the main clause begins at the first subject
    after the sub-clause's own predicate - a pronoun ("we"), or a noun phrase before a modal ("X can")."""
    sub = clauses[0]
    predicates = [c for c in cue_starts if sub.start <= c < sub.end]
    for verb in (ANY_PREDICATE, COMPLETION):  # "is live", "ship" ("A and B ship")
        if found := verb.search(text, sub.start, sub.end):
            predicates.append(found.start())
    if not predicates:
        return
    for start, end in phrases:
        subject = _SUBJECT_PRONOUN.fullmatch(text, start, end) or _MODAL_AFTER_SUBJECT.match(text, end)
        if min(predicates) < start and end <= sub.end and subject:
            if determiner := _DETERMINER_BEFORE.search(text, 0, start):  # "the team can ..."
                start = determiner.start()
            clauses[0:1] = [Clause(sub.start, len(text[:start].rstrip()), link=sub.link), Clause(start, sub.end)]
            return


def _attach_links(clauses: list[Clause], sentence_initial_link: bool, text: str) -> None:
    for i, clause in enumerate(clauses):
        if clause.link is None:
            continue
        if i == 0 and sentence_initial_link and len(clauses) > 1:
            clause.main = 1
        elif i > 0:
            clause.main = i - 1
    for clause in clauses:
        if _HYPOTHETICAL_MARKER.search(text, clause.start, clause.end):
            clause.hypothetical = True
        if clause.link in CONDITIONAL_LINKS:
            clause.hypothetical = True
            if clause.main is not None:
                clauses[clause.main].hypothetical = True
