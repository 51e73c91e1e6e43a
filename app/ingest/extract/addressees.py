"""Whom a request without a name is said to (`actions.py`): the one person just called on, the people just named
for "you guys" or "the two of you", else whoever answers it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.ingest.extract.callnames import Callnames
from app.ingest.extract.speech import SpokenTurn
from app.ingest.extract.text import sentence_spans

REPLY_TURNS = 3  # how far on an unnamed request's addressee may answer
GROUP_REPLY_TURNS = 8
_TAKES_IT_ON = re.compile(r"\byou\s+want\s+me\s+to\b|\b(?:do\s+you\s+mean|you\s+mean)\s+me\b", re.IGNORECASE)


def just_addressed(spoken: Sequence[SpokenTurn], people: Callnames, position: int, sentence: str) -> list[str]:
    """The one person a short sentence just before, in the same turn, calls on: "the I_D_, which is who? Okay,
    you're going to think about the working design"."""
    text = spoken[position].spoken.text
    spans = [text[a:b] for a, b in sentence_spans(text[: text.find(sentence)])]
    named = set(people.named(spans[-1])) - {spoken[position].turn.speaker} if spans else set()
    return list(named) if len(named) == 1 and len(spans[-1].split()) <= 6 else []


def named_before(spoken: Sequence[SpokenTurn], people: Callnames, position: int, sentence: str,
                 group: str) -> list[str]:
    """Whom "you two" or "you guys" means when the speaker has just named two or more people ("Nathan, ... Ron, if
    you can ... I need you guys to work together"): those (the last two for "you two", "you both")."""
    said = spoken[position]
    text = said.spoken.text[: said.spoken.text.find(sentence)]
    for earlier in reversed(spoken[max(0, position - REPLY_TURNS) : position]):
        text = (earlier.spoken.text + " " if earlier.turn.speaker == said.turn.speaker else "") + text
    named = list(dict.fromkeys(reversed([n for n in people.named(text) if n != said.turn.speaker])))
    if len(named) < 2:
        return []
    if not re.search(r"two|both", group, re.IGNORECASE):
        return list(reversed(named))
    # of three named, "and the two of you" are the two besides the one just addressed
    return list(reversed(named[1:3] if len(named) > 2 else named))


def repliers(spoken: Sequence[SpokenTurn], position: int, reach: int, every: bool) -> list[str]:
    """Who answers a request: the first other speaker to talk within `reach` turns (all of them for a group),
    unless another one takes it on ("Right." ... "So you want me to look at shapes?")."""
    asked = spoken[position].turn
    found: list[str] = []
    for later in spoken[position + 1 :]:
        if later.turn.index - asked.index > reach:
            break
        if later.turn.speaker != asked.speaker and later.turn.speaker not in found:
            if not every and _TAKES_IT_ON.search(later.spoken.text):
                return [later.turn.speaker]
            found.append(later.turn.speaker)
    return found if every else found[:1]
