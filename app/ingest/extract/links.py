"""Links between items that no single frame states: the cause named in a blocked clause ("X can't
proceed because of Z") and the order a main clause and its temporal or causal sub-clause put two
items in ("we need Z before X can begin", "X can't start until Z is done", "X is blocked because Z
isn't ready").
"""

from __future__ import annotations

import re
from enum import Enum

from app.ingest.extract.clauses import CAUSAL_LINKS, Clause
from app.ingest.extract.cues import COMPLETION, START_OR_PROCEED
from app.ingest.extract.lexicon import DEFINITE_DETERMINERS, HEDGES
from app.ingest.extract.frames import Frame, Kind
from app.ingest.extract.mood import negated, recalled
from app.ingest.extract.sentence import ITEM_LIKE, Sentence
from app.ingest.extract.text import Chunk, tokenize

_CAUSE = re.compile(
    r"\b(?:because\s+of|due\s+to|owing\s+to|on\s+account\s+of|as\s+a\s+result\s+of)\s+(?:both\s+)?", re.IGNORECASE
)
# A main clause that names what has to exist first, as the object of its verb: "we need Z", "we have to finish Z".
_REQUIREMENT = re.compile(
    r"\b(?:need|needs|needed|require|requires|required|finish|complete|deliver|release|land|ship|get|have"
    r"|wrap\s+up|close\s+out|sign\s+off(?:\s+on)?)\b(?!\s+to\b)",
    re.IGNORECASE,
)
_WAIT = re.compile(r"\bwait(?:s|ing)?\b", re.IGNORECASE)
_OBLIGATION = re.compile(r"\b(?:need|needs|must|(?:have|has|got)\s+to)\b", re.IGNORECASE)
# "could"/"would"/"should" also mark ability and plans in these clauses ("before X could begin")
_TENTATIVE = HEDGES - {"could", "would", "should"}
_NOUN_PHRASE_GLUE = DEFINITE_DETERMINERS | {"and", "plus", "both", "as", "well", "also"}


class Order(Enum):
    MAIN_NEEDS_SUB = "main_needs_sub"  # the main clause's items depend on the sub-clause's
    SUB_NEEDS_MAIN = "sub_needs_main"


def causes(s: Sentence, clause: Clause, cue: re.Match[str], item: str) -> list[Chunk]:
    """Items a blocked clause names as its cause: "X can't proceed because of A and B", "Due to A, X stalled"."""
    found: list[Chunk] = []
    for m in _CAUSE.finditer(s.text, clause.start, clause.end):
        if m.start() >= cue.end() and negated(s.text[cue.end() : m.start()]):
            continue  # "X is blocked, but not because of Z"
        head = next((c for c in s.chunks_in(m.end(), clause.end) if c.start == m.end()), None)
        if head is not None and head.names_item:
            found += [c for c in s.conjuncts(head, clause) if c.text.lower() != item.lower()]
    return found


def linked_object(s: Sentence, frame: Frame, match: re.Match[str], other: Chunk | None) -> bool:
    """Whether `other` is an item the cue links to. A requirement's object follows it within its clause, not past
    a comma: in "the menu item that you require, you press the scroll" nothing requires the scroll."""
    if other is None or other.kind not in ITEM_LIKE:
        return False
    return frame.kind is not Kind.DEPENDS or "," not in s.text[match.end() : other.start]


def required_item(s: Sentence, clause: Clause) -> Chunk | None:
    """The object of a requirement in the clause: Z in "we need Z", "X needs Z", "we have to finish Z"."""
    for m in _REQUIREMENT.finditer(s.text, clause.start, clause.end):
        after = s.chunks_in(m.end(), clause.end)
        if after and after[0].names_item and not s.text[m.end() : after[0].start].strip():
            return after[0]
    return None


def clause_order(link: str, main: str, sub: str, sub_names_only: bool, main_blocked: bool) -> Order | None:
    """Which clause's items must come first, if the sentence says so.

    "because Z isn't ready" explains a blocked main clause; "we need Z before X can begin" puts the
    main clause first; "X can't start until/before Z is done", "once Z ships we can start X" put the
    sub-clause first. A hedge ("we might need Z before ..."), a recollection ("last week X couldn't
    start until ...") or a denied wait ("X doesn't have to wait until Z ships") asserts no order.
    """
    if any(t.lower in _TENTATIVE for t in tokenize(f"{main} {sub}")) or recalled(main):
        return None
    if link in CAUSAL_LINKS:
        return Order.MAIN_NEEDS_SUB if main_blocked else None
    if negated(main) and _WAIT.search(main):
        return None  # "X doesn't have to wait until Z is live": the wait is what's denied
    if link == "before" and not negated(main):
        prerequisite = _REQUIREMENT.search(main) or COMPLETION.search(main)
        then_starts = START_OR_PROCEED.search(sub) or (sub_names_only and _OBLIGATION.search(main))
        return Order.SUB_NEEDS_MAIN if prerequisite and then_starts else None
    until = link in ("until", "till", "before")
    sub_done = bool(COMPLETION.search(sub)) or (until and sub_names_only)
    proceeds = bool(START_OR_PROCEED.search(main)) or main_blocked
    # "X can't start until Z is done" waits; "once Z is done we still won't start X" does not
    main_waits = (negated(main) or proceeds) if until else (proceeds and not negated(main))
    return Order.MAIN_NEEDS_SUB if sub_done and main_waits else None


def only_names(text: str, surfaces: list[str]) -> bool:
    """ "until Z", "before the A and B": the clause is just the names, without a verb of its own."""
    rest = text.lower()
    for surface in surfaces:
        rest = rest.replace(surface.lower(), " ")
    return all(t.lower in _NOUN_PHRASE_GLUE or not t.text[0].isalnum() for t in tokenize(rest))
