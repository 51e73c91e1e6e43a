"""Whether a clause asserts the current state: questions, hypotheticals, hedges, negation, recollections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.extract.clauses import Clause
from app.ingest.extract.frames import Frame
from app.ingest.extract.lexicon import HEDGES, NEGATIONS
from app.ingest.extract.text import tokenize

# Future, obligation and ability: "will be done", "needs to ship", "can start", "by Friday".
_IRREALIS = re.compile(
    r"\b(?:will|'ll|going\s+to|gonna|need\s+to|needs\s+to|have\s+to|has\s+to|got\s+to|want\s+to|wants\s+to"
    r"|plan(?:s|ning)?\s+to|hope\s+to|aim(?:ing)?\s+to|expect(?:ed)?\s+to|supposed\s+to|should|must|try(?:ing)?\s+to"
    r"|can|could|would|need|needs|require|requires|want|wants"
    r"|next\s+(?:week|month|sprint|quarter|year|time)|tomorrow|soon|later"
    r"|by\s+(?:the\s+end\s+of|end\s+of|eod|eow|monday|tuesday|wednesday|thursday|friday)"
    r"|in\s+(?:a|two|three|four|\d+)\s+(?:weeks?|days?|months?|sprints?))\b",
    re.IGNORECASE,
)
_HABITUAL_PAST = re.compile(
    r"\b(?:used\s+to|previously|originally|initially|at\s+first|formerly|in\s+the\s+past)\b", re.IGNORECASE
)
_TIME_PAST = re.compile(
    r"\blast\s+(?:week|month|time|sprint|meeting|call|quarter|year|sync|standup|monday|tuesday|wednesday|thursday"
    r"|friday)\b|\bago\b|\byesterday\b|\bback\s+then\b|\bat\s+the\s+time\b|\bearlier\b(?!\s+than)|\bbefore\s*[.!?]*\s*$",
    re.IGNORECASE,
)
_PAST_COPULA = re.compile(r"\b(?:was|were|had\s+been)\b", re.IGNORECASE)
_NO_LONGER = re.compile(r"\bno\s+longer\b", re.IGNORECASE)
_NEGATIVE_PRONOUN = re.compile(r"\b(?:nothing|nobody|no\s+one)\b", re.IGNORECASE)  # "blocked on nothing"


@dataclass(frozen=True)
class Mood:
    """How a frame's clause relates to reality, judged on the words around the cue and its slots."""

    factual: bool  # not a question, hypothetical or hedge
    condition: bool  # a temporal condition ("until X is done"), not a statement about X
    negated: bool
    habitual: bool  # "used to", "originally"
    past_time: bool  # "last week", "two weeks ago", "was"
    past_tense: bool  # a stative cue told in the past: "was waiting on", "were blocked by"
    irrealis: bool  # future, obligation, ability

    @classmethod
    def of(
        cls, text: str, question: bool, clause: Clause, frame: Frame, cue: tuple[int, int], slots: list[tuple[int, int]]
    ) -> Mood:
        """Judged on the clause's words outside the cue and its slot fillers, so a name can't negate or
        hedge; "not" counts only before the cue ("X isn't done", not "dependency on Z not met"), while
        "nothing" counts anywhere ("blocked on nothing")."""
        spans = [cue, *slots]
        outside = "".join(
            " " if any(a <= i < b for a, b in spans) else text[i] for i in range(clause.start, clause.end)
        )
        hedged = any(t.lower in HEDGES for t in tokenize(outside))
        past_tense = frame.stative and bool(_PAST_COPULA.search(outside))
        return cls(
            factual=not (question or clause.hypothetical or hedged),
            condition=clause.states_condition,
            negated=negated(outside[: max(0, cue[0] - clause.start)]) or _NEGATIVE_PRONOUN.search(outside) is not None,
            habitual=bool(_HABITUAL_PAST.search(outside)),
            past_time=bool(_TIME_PAST.search(outside)) or past_tense,
            past_tense=past_tense,
            irrealis=bool(_IRREALIS.search(outside)),
        )

    @property
    def asserts_link(self) -> bool:
        """Dependencies, owners and decisions hold unless questioned, imagined, hedged or denied."""
        return self.factual and not self.negated

    @property
    def asserts_dependency(self) -> bool:
        """A dependency holds like an owner, unless recalled: "we were waiting on Z", "X used to need Z"."""
        return self.asserts_link and not (self.past_tense or self.habitual)

    def asserts_state(self, frame: Frame) -> bool:
        """A status or progress is the current one only if also real, present and not a recollection."""
        if not self.factual or self.condition or self.habitual or self.irrealis:
            return False
        return not (frame.stative and self.past_time)


def recalled(text: str) -> bool:
    """ "Last week X couldn't start until ...", "X used to wait for Z": about back then, not now."""
    return bool(_TIME_PAST.search(text) or _HABITUAL_PAST.search(text))


def negated(text: str) -> bool:
    if _NO_LONGER.search(text):
        return True
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        interjection = token.lower == "no" and i + 1 < len(tokens) and tokens[i + 1].text in ",!."  # "no, exactly"
        if (token.lower in NEGATIONS or token.lower.endswith("n't")) and not interjection:
            return True
    return False
