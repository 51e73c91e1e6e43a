"""Route by meaning the questions the rules do not place: the nearest example questions, per intent.

Examples name items "X" and people "Sam"; the question's known names are replaced the same way before it is
compared, so the comparison is about what is asked, not about which item or person.
"""

from __future__ import annotations

import re
import threading

import anyio
import numpy as np

from app.embedding import Embedder
from app.query import cues
from app.query.intents import Intent, ParsedQuestion, parse_question
from app.query.text import NAME_PLACEHOLDER, NameIndex, canonicalize

PERSON_STAND_IN = "Sam"
# the best example must be close, and closer than any other intent's; a clear lead allows a looser match
MIN_SIMILARITY, MIN_MARGIN = 0.54, 0.005
LOOSE_SIMILARITY, LOOSE_MARGIN = 0.5, 0.12

EXAMPLES: dict[Intent, tuple[str, ...]] = {
    Intent.CURRENT_STATUS: (
        "how are things going with X", "is X finished yet", "give me an update on X", "X progress report",
        "what state is X in right now", "is X done", "how close is X to completion", "where do things stand on X",
        "has X shipped", "is X all finished", "tell me about the progress of X", "is X on schedule", "status check on X please",
        "is X complete or still open", "have we closed out X",
    ),
    Intent.TIMELINE: (
        "walk me through how X evolved", "what happened to X over the weeks", "trace the changes to X",
        "the story of X from the start", "how did X get to where it is now", "chronology of X",
        "every status X has had", "X over time", "what phases has X been through", "how X unfolded", "when did X change status", "list the past states of X",
    ),
    Intent.BLOCKERS: (
        "what is holding X back", "what stands in the way of X", "why is X stuck", "what prevents X from moving",
        "what is X waiting on", "is anything stopping X", "obstacles for X", "what impediments does X have",
        "why can't X make progress", "what is slowing X down", "what is causing the delay on X",
        "what is X held up by",
    ),
    Intent.DEPENDENCIES: (
        "list everything X needs before it can finish", "what has to be done before X can start",
        "what are the prerequisites of X", "what must be in place for X", "what does X rely on",
        "which pieces does X need first", "what is X built on top of", "X cannot start until what is done",
        "upstream work for X", "what does X require", "what does X have to wait for before it starts",
        "which items does X depend on", "what is X conditional on",
    ),
    Intent.DEPENDENTS: (
        "what breaks if X is late", "which items are waiting on X", "who needs X to be finished",
        "what would a delay in X hold up", "what relies on X", "downstream of X", "what can't start without X",
        "which work is built on X", "if X slips what else slips", "what needs X",
    ),
    Intent.CRITICAL_PATH: (
        "which sequence of work decides when we finish", "what is the longest chain of remaining work",
        "what determines our delivery date", "bottleneck chain of tasks", "which path through the work is longest",
        "what chain of items gates the release", "what should we watch to avoid slipping the deadline",
        "which chain of work sets the end date", "which tasks in a row have zero slack", "what sequence of tasks limits how soon we can deliver",
    ),
    Intent.OWNER: (
        "who is in charge of X", "who takes care of X", "who is the point person for X", "whose job is X",
        "who leads X", "who should I ask about X", "who is driving X", "who has X", "who was X assigned to",
        "who is accountable for X",
    ),
    Intent.OWNED_BY: (
        "what is Sam responsible for", "what does Sam have on the go", "which tasks belong to Sam",
        "what has Sam been assigned", "what is Sam handling", "list Sam's items", "what is assigned to Sam",
        "what is Sam in charge of", "show me Sam's workload",
        "what has Sam taken on", "what did Sam pick up",
    ),
    Intent.CHANGES_SINCE: (
        "what is new since last week", "what moved since the last meeting", "catch me up on changes",
        "what updates have there been recently", "which items changed recently", "what is different now",
        "what progressed lately", "any changes I missed",
    ),
    Intent.DECISIONS: (
        "what tech stack did we pick for X", "what was agreed on X", "what did the group conclude about X",
        "what choice was made for X", "which option won for X", "what did we settle on for X",
        "what was the outcome of the debate on X", "which approach was approved for X", "what was chosen for X",
        "what did we decide about X", "what did the team agree regarding X", "what was the final call on X",
        "which tool did we go with for X", "what was determined regarding X",
        "which product did we go for on X", "what was resolved for X",
    ),
    Intent.MEETING_SUMMARY: (
        "recap the meeting", "give me the highlights of the last meeting", "what did we cover in the meeting",
        "brief me on the meeting", "what were the main points of the meeting", "meeting minutes please",
        "overview of what was discussed at the meeting", "notes from the call", "write-up of the sync",
    ),
    Intent.DEPENDENCY_PATH: (
        "how is X connected to X", "what lies between X and X in the dependencies", "how does X feed into X",
        "the dependency chain linking X with X", "does X reach X through other work", "how X and X are related",
    ),
    Intent.COUNT: (
        "how many items are finished", "number of tasks that are stuck", "count the blocked work",
        "total number of projects", "how many things are still open", "how many features are done",
    ),
    Intent.ACTION_ITEMS: (
        "what did Sam promise to get done", "what tasks did people take away from the meeting", "who agreed to do what",
        "what did everyone commit to", "what is left for Sam to deliver", "which promises are still outstanding",
        "what work was handed out at the end", "what was everyone asked to do", "what is past its deadline",
        "who has to get something done before the next meeting", "what should Sam get done by Friday",
        "what did people volunteer for", "who is going to take care of X",
    ),
    Intent.SEARCH: (
        "what was said about X", "summarize the discussion about X", "what did people think about X",
        "what were the views on X", "what came up regarding X", "what was the next step on X",
        "what were the concerns about X", "what did they say about X", "what opinions were shared on X",
        "why did the group talk about X", "what was the reasoning behind X", "how did the team feel about X",
        "what are the next steps for the design", "what is the plan for the interface", "what was said on pricing",
        "what did Sam think about X", "what did Sam say about the design", "what was Sam's view on X",
        "how did Sam feel about the idea", "what was Sam's opinion about the budget",
    ),
}


# "who owned X on March 2" or "what blocked X as of m03" ask for a past state
_STATE_INTENTS = (Intent.CURRENT_STATUS, Intent.OWNER, Intent.BLOCKERS)
_ITEM_INTENTS = (*_STATE_INTENTS, Intent.TIMELINE, Intent.DEPENDENCIES, Intent.DEPENDENTS, Intent.DECISIONS,
                 Intent.STATUS_AS_OF)
_LINK_INTENTS = (Intent.BLOCKERS, Intent.DEPENDENCIES, Intent.DEPENDENTS)
_COORDINATION = re.compile(r"[\s,]*(?:(?:and|or|&)\s+)?(?:the\s+)?", re.I)
_ENDS = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)


async def place(question: str, names: NameIndex | None, router: IntentRouter) -> tuple[ParsedQuestion, bool]:
    """The question's intent and spans: by the rules, else by meaning; and whether it was placed by meaning (a
    guess, so a handler that finds it does not fit falls back instead of asking back). Intent UNKNOWN when
    neither places it.

    A rule that needs an item but names none that is stored ("changes in the past two weeks" read as the
    timeline of "the past two") defers to the meaning when that points elsewhere."""
    parsed = parse_question(question, known_names=names)
    known = named_spans(question, names) if names else []
    routed = parsed.intent is Intent.UNKNOWN
    if routed or (parsed.intent in _ITEM_INTENTS and not known):
        intent = await router.route(question, names)
        if intent is not None and intent is not parsed.intent:
            routed = True
            person = next(iter(names.people_in(question) if names else []), parsed.person_span)
            parsed = parsed.model_copy(update={"intent": intent, "entity_spans": known or parsed.entity_spans,
                                               "person_span": person})
    if parsed.intent in _LINK_INTENTS and _two_items_linked(question, known):
        parsed = parsed.model_copy(update={"intent": Intent.DEPENDENCY_PATH, "entity_spans": known[:2]})
    if parsed.intent in _STATE_INTENTS and parsed.date_ref is not None:
        parsed = parsed.model_copy(update={"intent": Intent.STATUS_AS_OF})
    return parsed, routed


def _two_items_linked(question: str, known: list[str]) -> bool:
    """Two stored items with words between them other than "and"/"or" ("is A downstream of B", not "A and B"),
    or named as the two ends ("between A and B")."""
    if len({k.lower() for k in known}) < 2:
        return False
    first = question.find(known[0])
    second = question.find(known[1], first + len(known[0]))
    if first < 0 or second < 0:
        return False
    gap = question[first + len(known[0]):second]
    return not _COORDINATION.fullmatch(gap) or bool(_ENDS.search(question[:first]))


class IntentRouter:
    """Embeds the examples once (on first use) and routes a question to the nearest intent, or None."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._lock = threading.Lock()
        self._matrix: np.ndarray | None = None
        self._intents: list[Intent] = [intent for intent, texts in EXAMPLES.items() for _ in texts]

    def _examples(self) -> np.ndarray:
        with self._lock:
            if self._matrix is None:
                texts = [text for examples in EXAMPLES.values() for text in examples]
                self._matrix = np.asarray(self._embedder.encode(texts), dtype=np.float32)
            return self._matrix

    def _route(self, text: str) -> Intent | None:
        matrix = self._examples()
        vector = np.asarray(self._embedder.encode([text])[0], dtype=np.float32)
        scores = matrix @ vector
        best: dict[Intent, float] = {}
        for intent, score in zip(self._intents, scores.tolist(), strict=True):
            best[intent] = max(best.get(intent, -1.0), score)
        ranked = sorted(best.items(), key=lambda item: -item[1])
        (intent, top), runner_up = ranked[0], ranked[1][1]
        margin = top - runner_up
        close = top >= MIN_SIMILARITY and margin >= MIN_MARGIN
        return intent if close or (top >= LOOSE_SIMILARITY and margin >= LOOSE_MARGIN) else None

    async def route(self, question: str, names: NameIndex | None) -> Intent | None:
        return await anyio.to_thread.run_sync(self._route, masked(question, names))


def masked(question: str, names: NameIndex | None) -> str:
    """The question with each known item name replaced by X and each person's by Sam, as in the examples."""
    canon = canonicalize(names.without_people(question, PERSON_STAND_IN) if names else question, cues.VOCABULARY, names)
    out: list[str] = []
    for word in canon.words:
        if word.text == NAME_PLACEHOLDER:
            if not out or out[-1] != "X":
                out.append("X")
        else:
            out.append(canon.question[word.start:word.end])
    return " ".join(out)


def named_spans(question: str, names: NameIndex | None) -> list[str]:
    """The known names a question mentions, as typed, in order."""
    canon = canonicalize(question, cues.VOCABULARY, names)
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(canon.words):
        if word.text != NAME_PLACEHOLDER:
            continue
        if spans and spans[-1][1] == i - 1:
            spans[-1] = (spans[-1][0], i)
        else:
            spans.append((i, i))
    return [canon.raw(first, last) for first, last in spans]
