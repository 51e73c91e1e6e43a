"""Predicate cues and the argument slots around them.

A frame is a cue phrase ("is blocked by", "owns", "depends on", "40 percent") plus where its
arguments sit: the noun phrase just before the cue (LEFT), just after it (RIGHT), either of the
two (EITHER: the subject if there is one, else the object, as in "X shipped" / "we shipped X"),
a named group inside the cue pattern (GROUP), or the item the sentence is already about (FOCUS).
Whether what the frame says is asserted as the current state (not a question, hypothetical,
negation or recollection) is decided in `mood.py`. The cue tables are in `cues.py` (state) and
`relation_cues.py`; the values read out of a match (percentages, choices) in `values.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from app.ingest.extract.prefilter import Fragments, required_fragments
from app.ingest.models import Status


class Kind(Enum):
    STATUS = "status"
    UNBLOCK = "unblock"
    PROGRESS = "progress"
    BLOCKED_BY = "blocked_by"  # item is blocked by other (implies item depends on other)
    DEPENDS = "depends"  # item depends on other
    OWNER = "owner"  # other (a person) owns item
    DECISION = "decision"  # a choice was made for item
    TOPIC = "topic"  # item is under discussion


class Slot(Enum):
    LEFT = "left"
    RIGHT = "right"
    EITHER = "either"
    GROUP = "group"
    FOCUS = "focus"  # the item the sentence is about so far ("X is stuck; Z has to land first")


@dataclass(frozen=True)
class Frame:
    kind: Kind
    pattern: re.Pattern[str]
    item: Slot | None  # None: a decision whose item is named by "for X" or is the focus
    other: Slot | None = None
    status: Status | None = None
    # what the frame means when negated: a status, UNBLOCK, or nothing (None)
    negated: Status | Kind | None = None
    # stative frames describe a condition, so "was"/"last week" make them a recollection;
    # event frames ("shipped", "took over") stay true after they happened
    stative: bool = True
    # owner frames whose verb is too common ("goes to", "is with") need a person from the meeting
    strict_person: bool = False
    # frames whose cue is a noun ("the blocker for X: Z") say nothing without their other item
    needs_other: bool = False
    fragments: Fragments | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fragments", required_fragments(self.pattern))

    def could_match(self, lowered: str) -> bool:
        return self.fragments is None or any(f in lowered for f in self.fragments)


def rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)

