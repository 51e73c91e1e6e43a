"""A commitment restated a turn or two later is one action item (`actions.py` reads them sentence by sentence)."""

from __future__ import annotations

import re

from app.ingest.extract.action_cues import VERB_WORDS, content_words
from app.ingest.models import ActionAssertion
from app.ingest.names import DETERMINERS, tokens

RUN_TURNS = 4  # "I will send new. I'll put it in shared documents, again.": one item
ACCEPT_TURNS = 8  # "can you send that again, Raj?" ... "I will send new.": one item
# verb words two different tasks share: "work on the look and feel" ... "work together on a prototype"
_GENERIC = frozenset("about on with at into out up for around to back work working do doing make making".split())


def runs(items: list[ActionAssertion]) -> list[ActionAssertion]:
    """A commitment restated a turn or two later ("I will send new. I'll put it in shared documents") is one
    item: the same owner, soon after, about "it" or the same things."""
    kept: list[ActionAssertion] = []
    last: dict[int, int] = {}  # kept item -> the turn it was last restated in
    for item in items:
        same = next((k for k in reversed(kept) if k.owner == item.owner and restates(k, item, last[id(k)])), None)
        if same is None:
            kept.append(item)
            last[id(item)] = item.turn
            continue
        last[id(same)] = item.turn
        if not same.due_text and item.due_text:
            same.due_text, same.due = item.due_text, item.due
    return kept


def restates(earlier: ActionAssertion, later: ActionAssertion, restated: int) -> bool:
    said, again = content_words(earlier.text), content_words(later.text)
    if said and len(said & again) * 5 >= 4 * len(said | again):
        return True  # the same work said again later in the meeting
    if again and again < said:
        return True  # said again in fewer words: "write up some minutes of this meeting" ... "I'll do minutes"
    gap = later.turn - restated
    if gap < 0 or gap > (ACCEPT_TURNS if earlier.speaker != earlier.owner == later.speaker else RUN_TURNS):
        return False
    verbs = _verbs(earlier.text) & _verbs(later.text)
    return bool(re.search(r"\b(?:it|that|them|this|one|new)\b", later.text, re.IGNORECASE) or verbs - _GENERIC
                or content_words(later.text) & content_words(earlier.text))


def _verbs(text: str) -> set[str]:
    """The work words of a text used as verbs: not right after a determiner ("the look and feel" is a noun)."""
    words = tokens(text)
    return {w for i, w in enumerate(words) if w in VERB_WORDS and (i == 0 or words[i - 1] not in DETERMINERS)}
