"""Rule-based extraction: work items and their state changes from a transcript, no LLM needed.

Each sentence is read as predicate frames (see `frames.py`) whose argument slots are filled with
noun-phrase chunks (see `text.py`). A frame yields a mention for every work item in its slots,
and a state/dependency/decision only when its clause asserts it: not a question, not
hypothetical, not hedged, not a recollection, and - unless the cue's meaning flips - not negated.
Pronouns and subject-less clauses ("..., so it's blocked", "and at risk") refer to the item in
focus: the one last talked about in this turn or the previous two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.ingest.extract.clauses import CAUSAL_LINKS, Clause, split_clauses
from app.ingest.extract.frames import (
    COMPLETION,
    FRAMES,
    START_OR_PROCEED,
    Frame,
    Kind,
    Slot,
    choice_after,
    degree_qualified,
    percent_value,
)
from app.ingest.extract.lexicon import AUXILIARIES, CLOSED_WORDS, HEDGES, NEGATIONS, guess_type
from app.ingest.extract.text import (
    Chunk,
    ChunkKind,
    Token,
    chunk,
    is_question,
    normalize_text,
    sentences,
    tokenize,
)
from app.ingest.models import (
    DecisionAssertion,
    DependencyAssertion,
    EntityMention,
    Extraction,
    MeetingInput,
    StateAssertion,
    Status,
    Turn,
)

FOCUS_TURNS = 2  # how many turns back a pronoun may reach
_PEOPLE = (ChunkKind.PERSON, ChunkKind.PERSON_PRONOUN)
_SELF = frozenset({"i", "me", "myself"})
_ELLIPSIS_OK = frozenset("and but so also now then still just already is are 's 're has have been currently again".split())
_IRREALIS = re.compile(
    r"\b(?:will|'ll|going\s+to|gonna|need\s+to|needs\s+to|have\s+to|has\s+to|got\s+to|want\s+to|wants\s+to"
    r"|plan(?:s|ning)?\s+to|hope\s+to|aim(?:ing)?\s+to|expect(?:ed)?\s+to|supposed\s+to|should|must|try(?:ing)?\s+to"
    r"|can|could|would|need|needs|require|requires|want|wants|next\s+(?:week|month|sprint|quarter|year|time)|tomorrow|soon|later"
    r"|by\s+(?:the\s+end\s+of|end\s+of|eod|eow|monday|tuesday|wednesday|thursday|friday)"
    r"|in\s+(?:a|two|three|four|\d+)\s+(?:weeks?|days?|months?|sprints?))\b",
    re.IGNORECASE,
)
_HABITUAL_PAST = re.compile(
    r"\b(?:used\s+to|previously|originally|initially|at\s+first|formerly|in\s+the\s+past)\b", re.IGNORECASE
)
_TIME_PAST = re.compile(
    r"\blast\s+(?:week|month|time|sprint|meeting|call|quarter|year|sync|standup|monday|tuesday|wednesday|thursday|friday)\b"
    r"|\bago\b|\byesterday\b|\bback\s+then\b|\bat\s+the\s+time\b|\bearlier\b(?!\s+than)|\bbefore\s*[.!?]*\s*$",
    re.IGNORECASE,
)
_PAST_COPULA = re.compile(r"\b(?:was|were|had\s+been)\b", re.IGNORECASE)
_NO_LONGER = re.compile(r"\bno\s+longer\b", re.IGNORECASE)
_FOR = re.compile(r"\bfor\b", re.IGNORECASE)


@dataclass
class _Focus:
    surface: str | None = None
    turn: int = -1

    def set(self, surface: str, turn: int) -> None:
        self.surface, self.turn = surface, turn

    def get(self, turn: int) -> str | None:
        return self.surface if self.surface and turn - self.turn <= FOCUS_TURNS else None


@dataclass
class _Sentence:
    """One sentence with its tokens, chunks, clauses and the frame matches found in it."""

    text: str
    turn: Turn
    tokens: list[Token]
    chunks: list[Chunk]
    clauses: list[Clause]
    matches: list[tuple[Frame, re.Match[str]]]
    question: bool

    def clause_of(self, position: int) -> int:
        for i, clause in enumerate(self.clauses):
            if position < clause.end:
                return i
        return len(self.clauses) - 1


@dataclass
class _Builder:
    """Collects the extraction, deduplicating mentions and keeping assertions in spoken order."""

    mentions: dict[tuple[str, int], EntityMention] = field(default_factory=dict)
    states: list[StateAssertion] = field(default_factory=list)
    dependencies: dict[tuple[str, str, int], DependencyAssertion] = field(default_factory=dict)
    decisions: list[DecisionAssertion] = field(default_factory=list)

    def mention(self, surface: str, turn: int) -> None:
        self.mentions.setdefault((surface, turn), EntityMention(surface=surface, type=guess_type(surface)[0], turn=turn))

    def depend(self, dependent: str, dependency: str, turn: int, quote: str) -> None:
        if dependent.lower() != dependency.lower():
            key = (dependent, dependency, turn)
            self.dependencies.setdefault(key, DependencyAssertion(dependent=dependent, dependency=dependency, turn=turn, quote=quote))

    def build(self) -> Extraction:
        return Extraction(
            mentions=list(self.mentions.values()),
            states=self.states,
            dependencies=list(self.dependencies.values()),
            decisions=self.decisions,
        )


class RuleBasedExtractor:
    """The default extractor: deterministic, fast, no model calls."""

    async def extract(self, meeting: MeetingInput) -> Extraction:
        return extract_meeting(meeting)


def extract_meeting(meeting: MeetingInput) -> Extraction:
    reader = _MeetingReader(_person_words(meeting))
    for turn in meeting.turns:
        reader.read_turn(turn)
    return reader.builder.build()


def _person_words(meeting: MeetingInput) -> frozenset[str]:
    names = list(meeting.participants) + [t.speaker for t in meeting.turns]
    return frozenset(w.lower() for name in names for w in re.findall(r"[A-Za-z][A-Za-z'-]+", name) if len(w) > 1)


class _MeetingReader:
    def __init__(self, person_words: frozenset[str]) -> None:
        self.person_words = person_words
        self.focus = _Focus()
        self.builder = _Builder()
        self.sentence_focus: str | None = None
        self.waits: list[tuple[str, str]] = []  # "X is waiting on Z" in the current sentence

    def read_turn(self, turn: Turn) -> None:
        for text in sentences(normalize_text(turn.text)):
            self._read_sentence(self._parse(text, turn))

    def _parse(self, text: str, turn: Turn) -> _Sentence:
        matches = [(frame, m) for frame in FRAMES for m in frame.pattern.finditer(text)]
        progress_spans = [m.span() for f, m in matches if f.kind is Kind.PROGRESS]
        matches = [
            (f, m)
            for f, m in matches
            if f.kind is Kind.PROGRESS
            or not any(a <= m.start() and m.end() <= b for a, b in progress_spans)
            and not (f.status is Status.DONE and degree_qualified(m, text))
        ]
        matches.sort(key=lambda fm: fm[1].start())
        tokens = tokenize(text)
        masked = {i for i, t in enumerate(tokens) if any(_in_cue(t, m) for _, m in matches)}
        chunks = chunk(text, tokens, self.person_words, masked)
        clauses = split_clauses(text, [m.start() for _, m in matches], [m.span() for _, m in matches])
        return _Sentence(text, turn, tokens, chunks, clauses, matches, is_question(text))

    def _read_sentence(self, s: _Sentence) -> None:
        self.sentence_focus = None
        self.waits = []
        if not s.matches:
            self._read_bare_topic(s)
        clause_items: dict[int, list[str]] = {}
        blocked_assertions: dict[int, list[StateAssertion]] = {}
        states: dict[str, StateAssertion] = {}
        for frame, match in s.matches:
            ci = s.clause_of(match.start())
            item = self._read_frame(s, ci, frame, match, states)
            if item:
                clause_items.setdefault(ci, []).append(item)
                if item in states and states[item].status is Status.BLOCKED:
                    blocked_assertions.setdefault(ci, []).append(states[item])
        for ci, clause in enumerate(s.clauses):
            if ci not in clause_items:
                first = next((c for c in self._chunks_in(s, clause.start, clause.end) if c.names_item), None)
                if first:
                    clause_items[ci] = [first.text]
        self._link_clauses(s, clause_items, blocked_assertions)
        for item, other in self.waits:  # "X hit a wall, it's waiting on Z": Z is the blocker
            state = states.get(item)
            if state and state.status is Status.BLOCKED and other not in (state.blockers or []):
                state.blockers = [*(state.blockers or []), other]
        self.builder.states.extend(a for a in states.values() if _has_fields(a))

    def _read_bare_topic(self, s: _Sentence) -> None:
        """A sentence that is just a name ("And the portal?") puts that item in focus."""
        words = [t for t in s.tokens if t.text[0].isalnum()]
        items = [c for c in s.chunks if c.names_item]
        other_words = [t for t in words if not any(c.start <= t.start < c.end for c in items)]
        if len(items) == 1 and len(words) <= 8 and all(t.lower in _ELLIPSIS_OK | {"what", "about", "how"} for t in other_words):
            self.builder.mention(items[0].text, s.turn.index)
            self.focus.set(items[0].text, s.turn.index)

    # --- frames --------------------------------------------------------------------------

    def _read_frame(
        self, s: _Sentence, ci: int, frame: Frame, match: re.Match[str], states: dict[str, StateAssertion]
    ) -> str | None:
        clause = s.clauses[ci]
        turn = s.turn.index
        if frame.kind is Kind.DECISION:
            return self._read_decision(s, clause, frame, match)
        assert frame.item is not None
        item_chunk = self._pick(s, clause, match, frame.item, "item")
        other_chunk = self._pick(s, clause, match, frame.other, "other") if frame.other and frame.kind is not Kind.OWNER else None
        people_subject = frame.item is Slot.LEFT and item_chunk is not None and item_chunk.kind in _PEOPLE
        if people_subject and frame.kind is Kind.BLOCKED_BY:
            item_chunk, other_chunk = other_chunk, None  # "we're stuck on X": X is what's blocked
        if people_subject and frame.kind is Kind.DEPENDS and self.sentence_focus:
            item = self.sentence_focus  # "X is stuck, we're waiting for Z": X waits for Z
        else:
            item = self._item_surface(s, clause, match, item_chunk)
        if item is None:
            return None
        self.focus.set(item, turn)
        if not clause.states_condition:
            self.sentence_focus = item
        if frame.kind is Kind.TOPIC:
            return item
        mood = _Mood.of(s, clause, frame, match, [c for c in (item_chunk, other_chunk) if c])
        if frame.kind is Kind.OWNER:
            person = self._person(s, clause, match, frame)
            if person and mood.factual and not mood.negated and not mood.habitual:
                _state(states, item, s).owner = person
            return item
        other = self._other_surface(other_chunk, item)
        if other:
            self.builder.mention(other, turn)
        if frame.kind in (Kind.BLOCKED_BY, Kind.DEPENDS) and other and mood.factual and not mood.negated:
            self.builder.depend(item, other, turn, s.text)
            if frame.kind is Kind.DEPENDS and "waiting" in match.group().lower():
                self.waits.append((item, other))
        if not mood.states_current_state(frame):
            return item
        if mood.negated:
            self._apply_negated(states, s, item, frame)
        elif frame.kind is Kind.BLOCKED_BY:
            state = _state(states, item, s)
            state.status = Status.BLOCKED
            if other:
                state.blockers = [*(state.blockers or []), other]
        elif frame.kind is Kind.STATUS:
            _state(states, item, s).status = frame.status
        elif frame.kind is Kind.UNBLOCK:
            _state(states, item, s).blockers = []
        elif frame.kind is Kind.PROGRESS:
            value = percent_value(match, s.text)
            if value is not None:
                _state(states, item, s).progress = value
        return item

    def _apply_negated(self, states: dict[str, StateAssertion], s: _Sentence, item: str, frame: Frame) -> None:
        if frame.negated is Kind.UNBLOCK:
            _state(states, item, s).blockers = []
        elif isinstance(frame.negated, Status):
            _state(states, item, s).status = frame.negated

    def _read_decision(self, s: _Sentence, clause: Clause, frame: Frame, match: re.Match[str]) -> str | None:
        """A choice ("Stripe") made for an item: "... for X", the subject of "X will be built on", or the focus."""
        found = choice_after(s.text, match.end())
        if not found:
            return None
        choice, choice_end = found
        subject = self._pick(s, clause, match, frame.item, "item") if frame.item is not None else None
        target = subject if frame.item is Slot.GROUP else self._for_target(s, clause, choice_end) or subject
        if target and target.names_item:
            entity: str | None = target.text
            self.builder.mention(target.text, s.turn.index)
        elif target and target.kind is ChunkKind.ITEM_PRONOUN:
            entity = self.focus.get(s.turn.index)
        else:
            entity = None
        mood = _Mood.of(s, clause, frame, match, [target] if target else [])
        if mood.factual and not mood.negated:
            summary = f"Use {choice} for {entity}" if entity else f"Use {choice}"
            self.builder.decisions.append(DecisionAssertion(entity=entity, summary=summary, turn=s.turn.index, quote=s.text))
        if entity:
            self.focus.set(entity, s.turn.index)
        return entity

    def _for_target(self, s: _Sentence, clause: Clause, after: int) -> Chunk | None:
        """The item in "... for X" after the choice, or in a leading "For X, we're going with ..."."""
        for start, end in ((after, clause.end), (clause.start, clause.end), (0, len(s.text))):
            for m in _FOR.finditer(s.text, start, end):
                target = next((c for c in self._chunks_in(s, m.end(), len(s.text)) if c.kind is not ChunkKind.PERSON_PRONOUN), None)
                if target and target.names_item and target.start - m.end() <= 5:
                    return target
        return None

    # --- slots ---------------------------------------------------------------------------

    def _chunks_in(self, s: _Sentence, start: int, end: int) -> list[Chunk]:
        return [c for c in s.chunks if c.start >= start and c.end <= end]

    def _left_chunks(self, s: _Sentence, clause: Clause, position: int) -> list[Chunk]:
        """Chunks that can fill a slot before `position`, nearest first.

        A chunk right after an auxiliary ("X is sitting at 40%", "X has reached") is the verb of a
        declarative clause, not its subject, when there is another candidate further left.
        """
        chunks = _relevant(reversed(self._chunks_in(s, clause.start, position)))
        if s.question or len(chunks) < 2:
            return chunks
        return [c for i, c in enumerate(chunks) if i == len(chunks) - 1 or not _after_auxiliary(s, c)]

    def _pick(self, s: _Sentence, clause: Clause, match: re.Match[str], slot: Slot, role: str) -> Chunk | None:
        if slot is Slot.GROUP:
            a, b = match.span(role)
            return next(iter(_relevant(self._chunks_in(s, a, b))), None)
        left = self._left_chunks(s, clause, match.start())
        right = _relevant(self._chunks_in(s, match.end(), clause.end))
        if slot is Slot.LEFT:
            return left[0] if left else None
        if slot is Slot.RIGHT:
            return right[0] if right else None
        for candidates in (left, right):
            if candidates and candidates[0].kind in (ChunkKind.ITEM, ChunkKind.ITEM_PRONOUN):
                return candidates[0]
        return next((c for c in left[1:] if c.names_item), None)  # a fronted topic: "On X, we're at 40%"

    def _item_surface(self, s: _Sentence, clause: Clause, match: re.Match[str], found: Chunk | None) -> str | None:
        turn = s.turn.index
        if found and found.names_item:
            self.builder.mention(found.text, turn)
            return found.text
        if found and found.kind is ChunkKind.ITEM_PRONOUN:
            return self._antecedent(s, found.start)
        if found is None and _elliptical(s, clause, match):
            return self._antecedent(s, match.start())
        return None

    def _antecedent(self, s: _Sentence, position: int) -> str | None:
        """What "it"/"that" (or a missing subject) refers to: the item this sentence is about so far,
        else the nearest item named earlier in the sentence, else the focus of recent turns."""
        if self.sentence_focus:
            return self.sentence_focus
        earlier = [c for c in s.chunks if c.end <= position and c.names_item]
        if earlier:
            self.builder.mention(earlier[-1].text, s.turn.index)
            return earlier[-1].text
        return self.focus.get(s.turn.index)

    def _other_surface(self, found: Chunk | None, item: str) -> str | None:
        if found and found.names_item and found.text.lower() != item.lower():
            return found.text
        return None

    def _person(self, s: _Sentence, clause: Clause, match: re.Match[str], frame: Frame) -> str | None:
        assert frame.other is not None
        if frame.other is Slot.GROUP:
            a, b = match.span("other")
            found = next(iter(self._chunks_in(s, a, b)), None)
        else:
            chunks = self._chunks_in(s, clause.start, match.start()) if frame.other is Slot.LEFT else self._chunks_in(s, match.end(), clause.end)
            found = (chunks[-1] if frame.other is Slot.LEFT else chunks[0]) if chunks else None
        if found is None:
            return None
        if found.kind is ChunkKind.PERSON_PRONOUN:
            return s.turn.speaker if found.text.lower() in _SELF else None
        if found.kind is ChunkKind.PERSON:
            return found.text
        looks_like_name = found.kind is ChunkKind.ITEM and len(found.text.split()) <= 3 and all(
            w[:1].isupper() for w in found.text.split()
        )
        return found.text if looks_like_name and not frame.strict_person else None

    # --- links between clauses -----------------------------------------------------------

    def _link_clauses(
        self, s: _Sentence, clause_items: dict[int, list[str]], blocked: dict[int, list[StateAssertion]]
    ) -> None:
        for ci, sub in enumerate(s.clauses):
            if sub.main is None or s.question or sub.hypothetical:
                continue
            main = s.clauses[sub.main]
            dependent = (clause_items.get(sub.main) or [None])[0]
            dependency = (clause_items.get(ci) or [None])[0]
            if not dependent or not dependency or main.hypothetical:
                continue
            main_text, sub_text = s.text[main.start : main.end], s.text[sub.start : sub.end]
            main_negated = _negated(main_text)
            link = sub.link
            if link == "before" and not main_negated:
                if COMPLETION.search(main_text) and START_OR_PROCEED.search(sub_text):
                    self._depend_linked(s, dependency, dependent)
                continue
            sub_done = bool(COMPLETION.search(sub_text)) or (link in ("until", "till") and _only_names(sub_text, dependency))
            main_waits = main_negated or bool(START_OR_PROCEED.search(main_text)) or sub.main in blocked
            if link in CAUSAL_LINKS:
                linked = sub.main in blocked
            else:
                linked = sub_done and main_waits
            if not linked:
                continue
            self._depend_linked(s, dependent, dependency)
            for state in blocked.get(sub.main, []):
                if state.entity == dependent and dependency not in (state.blockers or []):
                    state.blockers = [*(state.blockers or []), dependency]

    def _depend_linked(self, s: _Sentence, dependent: str, dependency: str) -> None:
        for surface in (dependent, dependency):
            self.builder.mention(surface, s.turn.index)
        self.builder.depend(dependent, dependency, s.turn.index, s.text)


@dataclass(frozen=True)
class _Mood:
    """How a frame's clause relates to reality."""

    factual: bool  # not a question, hypothetical or hedge
    condition: bool  # a temporal condition ("until X is done"), not a statement about X
    negated: bool
    habitual: bool  # "used to", "originally"
    past_time: bool  # "last week", "two weeks ago", "was"
    irrealis: bool  # future, obligation, ability

    @classmethod
    def of(cls, s: _Sentence, clause: Clause, frame: Frame, match: re.Match[str], slots: list[Chunk]) -> _Mood:
        spans = [match.span(), *((c.start, c.end) for c in slots)]
        outside = "".join(
            " " if any(a <= i < b for a, b in spans) else s.text[i] for i in range(clause.start, clause.end)
        )
        words = [t.lower for t in tokenize(outside)]
        hedged = any(w in HEDGES or w == "probably" for w in words)
        factual = not (s.question or clause.hypothetical or hedged)
        past_copula = frame.stative and bool(_PAST_COPULA.search(outside))
        return cls(
            factual=factual,
            condition=clause.states_condition,
            negated=_negated(outside),
            habitual=bool(_HABITUAL_PAST.search(outside)),
            past_time=bool(_TIME_PAST.search(outside)) or past_copula,
            irrealis=bool(_IRREALIS.search(outside)),
        )

    def states_current_state(self, frame: Frame) -> bool:
        if not self.factual or self.condition or self.habitual or self.irrealis:
            return False
        return not (frame.stative and self.past_time)


def _negated(text: str) -> bool:
    if _NO_LONGER.search(text):
        return True
    return any(t.lower in NEGATIONS or t.lower.endswith("n't") for t in tokenize(text))


def _only_names(text: str, surface: str) -> bool:
    rest = text.lower().replace(surface.lower(), " ")
    return all(t.lower in CLOSED_WORDS or not t.text[0].isalnum() for t in tokenize(rest))


def _relevant(chunks: Iterable[Chunk]) -> list[Chunk]:
    """Chunks that can fill a slot; invalid item chunks ("the work", "a bug") are skipped."""
    return [c for c in chunks if c.kind is not ChunkKind.ITEM or c.valid]


def _after_auxiliary(s: _Sentence, chunk: Chunk) -> bool:
    before = [t for t in s.tokens if t.end <= chunk.start]
    return bool(before) and before[-1].lower in AUXILIARIES


def _elliptical(s: _Sentence, clause: Clause, match: re.Match[str]) -> bool:
    """A clause with no subject of its own ("and at risk", "Done."): it continues the focus."""
    before = [t for t in s.tokens if clause.start <= t.start and t.end <= match.start() and t.text[0].isalnum()]
    return all(t.lower in _ELLIPSIS_OK for t in before)


def _in_cue(token: Token, match: re.Match[str]) -> bool:
    if not (match.start() <= token.start and token.end <= match.end()):
        return False
    groups = [match.span(g) for g in match.groupdict() if g in ("item", "other") and match.group(g) is not None]
    return not any(a <= token.start and token.end <= b for a, b in groups)


def _state(states: dict[str, StateAssertion], entity: str, s: _Sentence) -> StateAssertion:
    if entity not in states:
        states[entity] = StateAssertion(entity=entity, turn=s.turn.index, quote=s.text)
    return states[entity]


def _has_fields(a: StateAssertion) -> bool:
    return any(v is not None for v in (a.status, a.progress, a.owner, a.blockers))
