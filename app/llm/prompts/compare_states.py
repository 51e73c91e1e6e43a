"""Whether a meeting's new state statements are real changes or the earlier state in other words,
for all of the meeting's candidate pairs in one call."""

from __future__ import annotations

import json

from pydantic import BaseModel

SYSTEM = """\
Each pair holds what an earlier meeting said about a work item's state and what a later meeting says now,
each with the status/progress a model read from it. Decide for every pair whether the later statement
reports a REAL CHANGE of the item's state, or restates the same state in other words.

Same state: "nearly done" then "wrapping up QA"; "in progress" then "still working on it"; "blocked on the
vendor" then "still waiting on the vendor". Real change: "40%" then "70%"; "in progress" then "shipped";
"blocked" then "unblocked"; "on track" then "at risk". Numbers the speaker actually said count; numbers a
model inferred from vague words do not. Answer one verdict per pair id."""


class StatePair(BaseModel):
    id: int
    item: str
    before: str  # e.g. "in_progress, 90%"
    before_quote: str
    after: str
    after_quote: str


class PairVerdict(BaseModel):
    id: int
    changed: bool


class StateComparison(BaseModel):
    verdicts: list[PairVerdict]


def messages(pairs: list[StatePair]) -> tuple[str, str]:
    return SYSTEM, json.dumps([p.model_dump() for p in pairs], ensure_ascii=False, indent=1)
