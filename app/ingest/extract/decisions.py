"""Decisions as people say them in meetings: the group settling on something ("let's go with the rubber case",
"we've decided on yellow", "so that's agreed"), or a requirement handed down ("the company wants the corporate
colour on it", "no teletext").

The frames in `relation_cues.py` read a choice made *for an item* ("we're going with Stripe for payments"). Real
meetings mostly settle things without naming a choice and an item that neatly: this reads the sentence that
settles it, and keeps it in the speaker's words. Questions, hypotheticals, hedges and negated agreement ("we
haven't decided") settle nothing. A proposal ("could have things like backlighting the buttons") settles what it
proposes when another speaker approves it within a few turns, in a short reply with no "but" or "not" in it
("okay so backlighting, that would be good"). One put to the group as a question ("let's go with a simple chip?",
"so we'll go with the rubber case then?", "shall we use the kinetic battery?") settles it when the next other
speaker answers yes or says it back ("Simple chip."), again with no "but" or "not".
"""

from __future__ import annotations

import re
from app.ingest.extract.speech import SpokenTurn
from app.ingest.extract.text import sentence_spans
from app.ingest.models import DecisionAssertion, EntityMention
from app.ingest.names import STOPWORDS, stem, tokens

MIN_WORDS, MAX_SUMMARY = 4, 200

_SETTLES = re.compile(
    r"""
    \b(?:we|we've|we\s+have|we've\s+all|everyone|everybody|the\s+group|the\s+team)\s+(?:all\s+)?
        (?:decided|agreed|settled|concluded|chose|picked|opted)\b
  | \b(?:it's|it\s+is|that's|that\s+is|this\s+is)\s+(?:been\s+)?(?:decided|settled|agreed|final)\b
  | \b(?:the\s+)?decision\s+(?:is|was|has\s+been)\b
  | \bwe\s+(?:all\s+)?agree\s+(?:on|that|with\s+(?:that|this))\b
  | \b(?:let's|let\s+us)\s+(?:go\s+(?:for|with)|stick\s+(?:to|with)|keep|use|make\s+it|do\s+it\s+with|settle\s+on)\b
  | \b(?:we'll|we\s+will|we're\s+going\s+to|we\s+are\s+going\s+to|we're\s+gonna|we\s+are\s+gonna)\s+
        (?:go\s+(?:for|with)|stick\s+(?:to|with)|use|keep|have(?!\s+to\b)|include|make\s+it|put|drop|leave\s+out|
           forget\s+about|skip)\b
  | \b(?:we're|we\s+are)\s+going\s+(?:for|with)\b
  | \bwe(?:'ve|\s+have)?\s+(?:all\s+)?(?:dropped|eliminated|scrapped|ditched|removed|went\s+(?:for|with)|
           stuck\s+with)\s+(?:the|a|an|that|this|those|these|it|them)\b
  | \b(?:is|are|was|were|has\s+been|have\s+been|'s\s+been)\s+(?:dropped|eliminated|scrapped|ditched)\b
  | \b(?:so|okay|ok|right|alright)\s+(?:then\s+)?(?:we\s+)?(?:go\s+(?:for|with)|stick\s+(?:with|to))\b
  | \b(?:the\s+company|management|the\s+management|the\s+board|the\s+client|head\s+office)\s+
        (?:wants?|requires?|insists?|has\s+decided|have\s+decided|decided)\s+(?:that\s+|us\s+to\s+|it\s+to\s+)?\w
  | \b(?:we|you)\s+(?:must|have\s+to|need\s+to)\s+(?:use|include|stick\s+to|keep\s+to)\b
  | ^(?:(?:and|so|okay|ok|right|um|uh)\W+)*we\s+(?:all\s+)?want\s+(?:a|an|the|some|large|small|big|simple|only|just)\b
    """,
    re.I | re.X,
)
_UNSETTLED = re.compile(
    r"""
    \b(?:if|whether|unless|maybe|perhaps|might|could|would|probably|not\s+sure|don't\s+know|dunno|
        not\s+yet|haven't|have\s+not|hasn't|didn't|did\s+not|won't|can't|never|suppose|supposing|wonder|
        should\s+we|shall\s+we|do\s+we|did\s+we|are\s+we|can\s+we|what\s+if|why\s+don't)\b
    """,
    re.I | re.X,
)
# how the meeting itself runs is not a decision about the work
_LOGISTICS = re.compile(
    r"\b(?:wrap\s+up|meetings?|minutes|half\s+an\s+hour|break|lunch|agenda|presentations?|powerpoint|slides?|"
    r"whiteboard|individual\s+work|next\s+stage|discuss\s+it|(?:out\s+of|running\s+out\s+of|no|enough|more)\s+time)\b",
    re.I,
)
_CONDITIONAL = re.compile(r"\W*(?:\w+\W+){0,2}(?:if|when|whether|unless|suppose)\b", re.I)
# "we decided on the material, right?" asks only to confirm what it states
_TAG_QUESTION = re.compile(r",?\s*(?:right|yeah|yes|okay|ok|didn't\s+we|haven't\s+we|isn't\s+it|no)\s*\?\s*$", re.I)
_REPORTED = re.compile(r"\b(?:last\s+(?:time|meeting|week)|previously|before|used\s+to)\b", re.I)


# A proposal: someone puts forward what the group could do or have.
_PROPOSES = re.compile(
    r"""
    \b(?:we|you)\s+(?:could|should|can)\s+(?:just\s+|always\s+|still\s+|maybe\s+|also\s+)?
        (?:have|use|go|stay|stick|do|put|make|include|keep|add|get|try|give|incorporate|opt)\b
  | \b(?:could|should)\s+have\s+(?:things\s+like\s+)?\w
  | \b(?:i'd|i\s+would)\s+(?:quite\s+|really\s+)?(?:like\s+(?:a|an|the|it|them|to\s+(?:have|use|go|keep|put))|suggest|
        go\s+for|recommend|prefer)\b
  | \bi\s+(?:suggest|propose|recommend)\b
  | \bit\s+(?:would|'d|might)\s+be\s+(?:good|nice|best|better|cool|a\s+good\s+idea)\s+(?:to|if)\b
    """,
    re.I | re.X,
)
# Another speaker takes it up: a short reply that approves, with no "but" or negation in it.
_ACCEPTS = re.compile(
    r"""
    \b(?:(?:that|there)(?:'s|\s+is|\s+would\s+be|'d\s+be|\s+sounds|\s+could\s+be|\s+will\s+be)\s+
        (?:really\s+|quite\s+|very\s+)?
        (?:good|great|fine|cool|nice|perfect|brilliant|excellent|a\s+(?:good|great|nice)\s+idea|sensible)
      | (?<!a\s)(?:good|great|nice)\s+idea | sounds\s+(?:good|great|fine) | i\s+agree | agreed | definitely | absolutely
      | fair\s+enough | let's\s+do\s+(?:that|it) | go\s+for\s+it | fine\s+by\s+me | i'm\s+happy\s+with\s+that)\b
    """,
    re.I | re.X,
)
# A settling question: the group is asked to settle it ("shall we go with ...?")
_ASKS_TO_SETTLE = re.compile(
    r"\b(?:shall|should)\s+we\s+(?:just\s+)?(?:go\s+(?:for|with)|stick\s+(?:to|with)|use|keep|include|drop"
    r"|have(?!\s+a\s+(?:look|break|go|think|chat|quick)\b))\b",
    re.I,
)
# what leaves a settling question open however it is answered: a hedge, or asking what is ("are we going to ...?",
# "have we decided ...?", "do we have to use ...?")
_OPEN = re.compile(r"\b(?:maybe|perhaps|probably|might|could|would|if|whether|or\s+not)\b"
                   r"|^(?:\W*(?:so|and|okay|ok|um|uh|well|but|right)\b)*\W*(?:do|did|does|are|is|was|were|have|has|had"
                   r"|can|will|what|how|why|when|where|which|who)\b", re.I)
# an answer that says yes: its first word
_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|okay|ok|sure|definitely|absolutely|exactly|alright|fine|agreed|let's)\b",
                  re.I)
ECHO_WORDS = 6  # a reply this short that says only the question's own words says it back
_DEMURS = re.compile(r"\b(?:but|not|no|never|though|however|although|if|unless)\b|n't\b", re.I)
MAX_REPLY_WORDS = 15
TAKEN_UP_WITHIN = 4  # turns


def spoken_decisions(spoken: list[SpokenTurn], mentions: list[EntityMention]) -> list[DecisionAssertion]:
    """One decision per settling sentence, and per proposal another speaker takes up; about the item it names
    (the longest of `mentions` in it), if any."""
    surfaces = sorted({m.surface for m in mentions}, key=len, reverse=True)
    found = []
    for i, said in enumerate(spoken):
        text = said.spoken.text
        for start, end in sentence_spans(text):
            sentence = text[start:end].strip()
            if not (_settles(sentence) or (_proposes(sentence) and _taken_up(spoken, i))
                    or (_asks_to_settle(sentence) and _answered_yes(spoken, i, sentence))):
                continue
            entity = next((name for name in surfaces if _names(sentence, name)), None)
            summary = _summary(re.sub(r"\s*\?$", ".", sentence))  # a settling question, settled
            found.append(DecisionAssertion(entity=entity, summary=summary, turn=said.turn.index,
                                           quote=said.spoken.quote(start, end)))
    return found


def _proposes(sentence: str) -> bool:
    return _states_work(sentence) and _PROPOSES.search(sentence) is not None


def _taken_up(spoken: list[SpokenTurn], i: int) -> bool:
    speaker = spoken[i].turn.speaker
    return any(later.turn.speaker != speaker and _approves(later.spoken.text)
               for later in spoken[i + 1:i + 1 + TAKEN_UP_WITHIN])


def _asks_to_settle(sentence: str) -> bool:
    if not sentence.rstrip().endswith("?"):
        return False
    stated = sentence.rstrip()[:-1].rstrip() + "."
    return _states_work(stated) and not _OPEN.search(stated) and (
        _SETTLES.search(stated) is not None or _ASKS_TO_SETTLE.search(stated) is not None)


def _answered_yes(spoken: list[SpokenTurn], i: int, question: str) -> bool:
    """The next other speaker, within a few turns, says yes or says the question's words back."""
    speaker = spoken[i].turn.speaker
    reply = next((later.spoken.text for later in spoken[i + 1:i + 1 + TAKEN_UP_WITHIN]
                  if later.turn.speaker != speaker), "")
    if not reply.strip() or reply.rstrip().endswith("?") or len(reply.split()) > MAX_REPLY_WORDS or _DEMURS.search(
            reply):
        return False
    said_back = _content(reply)
    return bool(_YES.search(reply)) or bool(said_back) and len(reply.split()) <= ECHO_WORDS and said_back <= _content(
        question)


def _content(text: str) -> set[str]:
    return {stem(w) for w in tokens(text) if w not in STOPWORDS and len(w) > 2}


def _approves(reply: str) -> bool:
    words = reply.split()
    return len(words) <= MAX_REPLY_WORDS and _ACCEPTS.search(reply) is not None and not _DEMURS.search(reply)


def _names(sentence: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.I) is not None


def _settles(sentence: str) -> bool:
    sentence = _TAG_QUESTION.sub(".", sentence)
    cue = _SETTLES.search(sentence) if _states_work(sentence) else None
    if cue is None:
        return False
    clause = sentence[max(0, cue.start() - 40):cue.end() + 20]  # a hedge or negation close to the cue
    return not _UNSETTLED.search(clause)


def _states_work(sentence: str) -> bool:
    """Not a question, a fragment, a condition, a recollection or the meeting's own logistics."""
    return not (sentence.rstrip().endswith("?") or len(sentence.split()) < MIN_WORDS or _CONDITIONAL.match(sentence)
                or _REPORTED.search(sentence) or _LOGISTICS.search(sentence))


def _summary(sentence: str) -> str:
    text = re.sub(r"^(?:(?:so|okay|ok|right|alright|well|and|but|yeah|yes)\b[\s,]*)+", "", sentence, flags=re.I)
    text = text[:1].upper() + text[1:]
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"
