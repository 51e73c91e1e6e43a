"""What a commitment that names no work is about (`actions.py`): "I'll do that" takes on the proposal just made,
"I'll look into that" the question just asked, "I haven't gotten an agenda yet, I'll put that together" the clause
before it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.ingest.extract.action_cues import ANTECEDENT, FILLER_WORDS, FORGOT, PROPOSAL, WORK, clause, content_words
from app.ingest.extract.speech import SpokenTurn
from app.ingest.extract.text import sentence_spans

PROPOSAL_TURNS = 6  # how far back the proposal "I'll do that" takes on may be
QUESTION_TURNS = 3  # how far back the question "I'll look into that" answers may be
# a proposal proposes work: "you could put it in the folder", not "that meant that you could see it or not" or
# "it should be in there"
_PROPOSES_WORK = re.compile(r"(?:(?:also|maybe|just|then|perhaps|probably|all)\s+)*(?:" + WORK
                            + r"|have\s+(?:a|an|the|some)\s+\w+)", re.IGNORECASE)  # "we can have a public survey"


def antecedent(spoken: Sequence[SpokenTurn], position: int, sentence: str) -> str | None:
    """What "I'll do that" takes on: the task it forgot, else the latest proposal of the last few turns."""
    if forgot := FORGOT.search(sentence):
        return forgot.group("what")
    if not re.search(ANTECEDENT, sentence, re.IGNORECASE):
        return None  # a bare "I will do" takes on only what it said it forgot
    for earlier in reversed(spoken[max(0, position - PROPOSAL_TURNS) : position]):
        for start, end in reversed(sentence_spans(earlier.spoken.text)):
            proposal = earlier.spoken.text[start:end]
            proposed = list(PROPOSAL.finditer(proposal))
            if proposed and len(proposal.split()) >= 5:
                what = clause(proposal, proposed[-1].end()).strip()
                if _PROPOSES_WORK.match(what):
                    return what
    return None


def referent(spoken: Sequence[SpokenTurn], position: int, before: str, what: str) -> str:
    """`what` ("put that together", "let you know", "look into that") with what it is about: the clause before it
    ("I haven't gotten an agenda yet"; "to prepare the prototype I would suggest ..."), else the question just asked
    of the speaker."""
    lead = re.sub(r"^(?:(?:so|and|okay|um)\s+)+|\s*\b(?:I|we)(?:\s+would|'d)?\s*$", "",
                  FILLER_WORDS.sub("", before).strip(" ,;-"), flags=re.IGNORECASE)
    lead = " ".join(lead.split()[-12:])
    if content_words(lead):
        return f"{what}: {lead}"
    speaker = spoken[position].turn.speaker
    for earlier in reversed(spoken[max(0, position - QUESTION_TURNS) : position]):
        asked = [earlier.spoken.text[a:b] for a, b in sentence_spans(earlier.spoken.text)]
        if earlier.turn.speaker != speaker and asked and asked[-1].rstrip().endswith("?"):
            return f"{what}: {' '.join(asked[-1].split()[-12:])}"
    return what
