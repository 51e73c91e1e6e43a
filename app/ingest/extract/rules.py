"""Rule-based extraction: work items and their state changes from a transcript, no LLM needed.

Each sentence is read as predicate frames (`frames.py`) whose argument slots are filled with
noun-phrase chunks (`text.py`, `sentence.py`). A frame yields a mention for every work item in its
slots, and a state, dependency, owner or decision only when its clause asserts it (`mood.py`): not
a question, hypothetical, hedge or recollection, and - unless the cue's meaning flips, as in "no
longer blocked" - not negated. Each of coordinated subjects gets what the clause says ("A and B
are done"). Subordinate clauses link items: "X can't start until Z is done".
Pronouns and subject-less clauses ("..., so it's blocked", "and at risk") refer to the item the
sentence is about, else the one last talked about in this or the previous two turns.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import anyio

from app.ingest.extract.actions import extract_actions
from app.ingest.extract.callnames import Callnames
from app.ingest.extract.clauses import Clause
from app.ingest.extract.decisions import spoken_decisions
from app.ingest.extract.evidence import Evidence, keep_evidenced, with_catalogued
from app.ingest.extract.frames import Frame, Kind, Slot
from app.ingest.extract.values import choice_after, percent_value
from app.ingest.extract.links import Order, causes, clause_order, linked_object, only_names, required_item
from app.ingest.extract.mood import Mood
from app.ingest.extract.reading import Output, SentenceState
from app.ingest.extract.recurrence import Recurrence
from app.ingest.extract.sentence import ITEM_LIKE, Sentence
from app.ingest.extract.speech import Spoken, normalise_meeting, person_names
from app.ingest.extract.text import Chunk, ChunkKind, sentence_spans
from app.ingest.models import Curation, DecisionAssertion, Extraction, MeetingInput, StateAssertion, Status, Turn

FOCUS_TURNS = 2  # how many turns back a pronoun may reach
_PEOPLE = (ChunkKind.PERSON, ChunkKind.PERSON_PRONOUN)
_SELF = frozenset({"i", "me", "myself"})
_FOR = re.compile(r"\bfor\b", re.IGNORECASE)
# "we're stuck on X", "back on schedule with X": what ties a clause about "we" to its item
_LINKING_PREPOSITION = re.compile(r"\s*(?:on|with|for)?\s*", re.IGNORECASE)
_BY = re.compile(r"\s+(?:by|because\s+of|due\s+to)\s+", re.IGNORECASE)
_STATE_KINDS = (Kind.STATUS, Kind.PROGRESS, Kind.UNBLOCK)


class RuleBasedExtractor:
    """The default extractor: deterministic, fast, no model calls."""

    async def extract(
        self, meeting: MeetingInput, known_names: Collection[str] = (), curation: Curation | None = None
    ) -> Extraction:
        # a long meeting reads for a few hundred ms: off the event loop, so requests in flight are answered meanwhile
        return await anyio.to_thread.run_sync(extract_meeting, meeting, known_names, curation)


def extract_meeting(
    meeting: MeetingInput, known_names: Collection[str] = (), curation: Curation | None = None
) -> Extraction:
    """Read the meeting's normalised speech (`speech.py`); keep only the items with evidence (`evidence.py`).
    `known_names` are the graph's item names, recognised whatever their case; see `Extractor` for `curation`."""
    curation = curation or Curation()
    speakers = [*meeting.participants, *(t.speaker for t in meeting.turns)]
    spoken = normalise_meeting(meeting.turns, [*person_names(speakers), *known_names])
    reader = _MeetingReader(_person_words(meeting))
    for said in spoken:
        reader.read_turn(said.turn, said.spoken)
    topics = reader.recurrence.topics(len(meeting.turns))
    for surface, turns in topics.items():
        for turn in sorted(turns):
            reader.out.mention(surface, turn)
    people = Callnames(meeting, spoken, curation.known_as)
    evidence = Evidence(dict.fromkeys(speakers), known_names, [said.spoken.text for said in spoken], curation.ignored,
                        recurring=topics, people=people.given_names)
    read = reader.out.build()
    decided = {d.turn for d in read.decisions}
    settled = [d for d in spoken_decisions(spoken, read.mentions) if d.turn not in decided]
    actions, claims = extract_actions(meeting, spoken, people)
    read = read.model_copy(update={"decisions": sorted([*read.decisions, *settled], key=lambda d: d.turn),
                                   "action_items": actions, "done_claims": claims})
    read = people.with_people(read)
    return keep_evidenced(with_catalogued(read, spoken, curation.catalogued), evidence)


def _person_words(meeting: MeetingInput) -> frozenset[str]:
    names = [*meeting.participants, *(t.speaker for t in meeting.turns)]
    return frozenset(w.lower() for name in names for w in re.findall(r"[A-Za-z][A-Za-z'-]+", name) if len(w) > 1)


class _MeetingReader:
    def __init__(self, person_words: frozenset[str]) -> None:
        self.person_words = person_words
        self.out = Output()
        self.recurrence = Recurrence()
        self.focus: str | None = None  # the item last talked about, across turns
        self.focus_turn = -1

    def read_turn(self, turn: Turn, spoken: Spoken) -> None:
        for start, end in sentence_spans(spoken.text):
            sentence = Sentence.parse(spoken.text[start:end], self.person_words)
            for chunk in sentence.chunks:
                self.recurrence.add(sentence.text, chunk, turn.index, turn.speaker)
            self._read_sentence(SentenceState(sentence, turn, spoken.quote(start, end)))

    def _read_sentence(self, st: SentenceState) -> None:
        s = st.sentence
        if not s.matches and (topic := s.bare_topic()):
            self._mention_focus(topic.text, st)
        progress_clauses = {s.clause_of(m.start()) for f, m in s.matches if f.kind is Kind.PROGRESS}
        for frame, match in s.matches:
            ci = s.clause_of(match.start())
            if frame.status is Status.DONE and ci in progress_clauses:
                continue  # "we've got 40% of X done" states progress, not completion
            item = (
                self._read_decision(st, ci, frame, match)
                if frame.kind is Kind.DECISION
                else self._read_frame(st, ci, frame, match)
            )
            if item:
                st.clause_items.setdefault(ci, []).append(item)
        self._link_clauses(st)
        for item, dependency in st.dependencies:  # "X hit a wall, it's waiting on Z": Z is the blocker
            if item in st.states and st.states[item].status is Status.BLOCKED:
                st.block(item, dependency)
        self.out.states.extend(a for a in st.states.values() if _has_fields(a))

    # --- frames ------------------------------------------------------------------------------

    def _read_frame(self, st: SentenceState, ci: int, frame: Frame, match: re.Match[str]) -> str | None:
        s, clause = st.sentence, st.sentence.clauses[ci]
        assert frame.item is not None
        person = self._person(st, clause, frame, match) if frame.kind is Kind.OWNER else None
        if frame.kind is Kind.OWNER and person is None and not s.question:
            return None  # "it picks up the noise": an ownership verb with no person says nothing
        if frame.status is not None and s.attributive(match):
            return None  # "a complete understanding"
        item_chunk = s.pick(clause, match, frame.item, "item")
        other_chunk = (
            s.pick(clause, match, frame.other, "other") if frame.other and frame.kind is not Kind.OWNER else None
        )
        if (frame.kind is Kind.DEPENDS or frame.needs_other) and not linked_object(s, frame, match, other_chunk):
            return None  # "X needs some thought", "the blocker for X is gone"
        if frame.item is Slot.FOCUS:
            item = self._antecedent(st, match.start(), same_sentence=True)
        elif item_chunk is not None and item_chunk.kind in _PEOPLE and frame.kind is not Kind.OWNER:
            item, other_chunk = self._item_of_people_clause(st, clause, frame, match, other_chunk)
        elif item_chunk is None and frame.kind in _STATE_KINDS and not s.elliptical(clause, match):
            item_chunk = self._linked_right(s, clause, match)  # "work's underway on X"
            item = self._item(st, clause, match, item_chunk)
        else:
            item = self._item(st, clause, match, item_chunk)
        if item is None:
            return None
        self._set_focus(item, st, clause)
        if frame.kind is Kind.TOPIC:
            return item
        subjects = s.subjects(item_chunk, clause, match.start()) if item_chunk and item_chunk.text == item else []
        for subject in subjects[:-1]:  # "A and B are done": the state of each
            self.out.mention(subject.text, st.turn.index)
        other_chunks = self._others(s, clause, match, frame, other_chunk)
        slots = [(c.start, c.end) for c in (item_chunk, *subjects, *other_chunks) if c]
        mood = Mood.of(s.text, s.question, clause, frame, match.span(), slots)
        for subject_item in [c.text for c in subjects] or [item]:
            self._assert_frame(st, clause, frame, match, subject_item, other_chunks, mood, person)
        return item

    def _assert_frame(
        self,
        st: SentenceState,
        clause: Clause,
        frame: Frame,
        match: re.Match[str],
        item: str,
        other_chunks: list[Chunk],
        mood: Mood,
        person: str | None,
    ) -> None:
        """What the frame says about `item`, as far as its mood asserts it."""
        s = st.sentence
        if frame.kind is Kind.OWNER:
            if person and mood.asserts_link and not mood.habitual:
                st.state(item).owner = person
            return
        others = [c.text for c in other_chunks if c.names_item and c.text.lower() != item.lower()]
        for other in others:
            self.out.mention(other, st.turn.index)
            if frame.kind in (Kind.BLOCKED_BY, Kind.DEPENDS) and mood.asserts_dependency:
                self.out.depend(item, other, st.turn.index, st.quote)
                st.dependencies.append((item, other))
        if mood.asserts_state(frame):
            self._assert_state(st, frame, match, item, others, mood.negated)
            if frame.status is Status.BLOCKED and not mood.negated:
                for cause in causes(s, clause, match, item):  # "X can't proceed because of Z"
                    self.out.depend(item, cause.text, st.turn.index, st.quote)
                    st.dependencies.append((item, cause.text))

    @staticmethod
    def _others(s: Sentence, clause: Clause, match: re.Match[str], frame: Frame, first: Chunk | None) -> list[Chunk]:
        """The other item with those coordinated with it: "depends on A and on B", "A and B block X"."""
        if first is None or frame.kind not in (Kind.BLOCKED_BY, Kind.DEPENDS):
            return [first] if first else []
        return s.conjuncts(first, clause) if first.start >= match.end() else s.conjuncts_before(first, clause)

    def _assert_state(
        self, st: SentenceState, frame: Frame, match: re.Match[str], item: str, others: list[str], negative: bool
    ) -> None:
        if negative:
            if frame.negated is Kind.UNBLOCK:
                st.state(item).blockers = []
            elif isinstance(frame.negated, Status):
                st.state(item).status = frame.negated
        elif frame.kind is Kind.BLOCKED_BY:
            st.state(item).status = Status.BLOCKED
            for other in others:
                st.block(item, other)
        elif frame.kind is Kind.STATUS:
            if not (frame.status is Status.AT_RISK and st.state(item).status is Status.BLOCKED):
                st.state(item).status = frame.status  # "blocked by Z and at risk": blocked says more
        elif frame.kind is Kind.UNBLOCK:
            st.state(item).blockers = []
        elif frame.kind is Kind.PROGRESS:
            value = percent_value(match, st.sentence.text)
            if value is not None:
                st.state(item).progress = value

    def _item_of_people_clause(
        self, st: SentenceState, clause: Clause, frame: Frame, match: re.Match[str], other_chunk: Chunk | None
    ) -> tuple[str | None, Chunk | None]:
        """The item of a clause whose subject is people: "we're stuck on X (by Z)", "back on schedule with
        X", "we're waiting on Z for X", or the sentence's item in "X is stuck, we're waiting for Z" and
        "..., we're at 40%"."""
        s = st.sentence
        purpose = s.purpose(other_chunk, clause) if other_chunk and other_chunk.names_item else None
        if purpose is not None:
            return self._item(st, clause, match, purpose), other_chunk
        right = self._linked_right(s, clause, match) if frame.kind is not Kind.DEPENDS else None
        if right is None:
            return self._antecedent(st, match.start(), same_sentence=True), other_chunk
        if frame.kind is Kind.BLOCKED_BY:
            by = _BY.match(s.text, right.end)
            other_chunk = next(iter(s.chunks_in(by.end(), clause.end)), None) if by else None
        if right.kind is ChunkKind.ITEM_PRONOUN:  # "they're finished with it": only an item of this sentence
            return self._antecedent(st, right.start, same_sentence=True), other_chunk
        return self._item(st, clause, match, right), other_chunk

    @staticmethod
    def _linked_right(s: Sentence, clause: Clause, match: re.Match[str]) -> Chunk | None:
        """The item right after the cue, joined by at most "on"/"with"/"for" ("stuck on X")."""
        right = s.pick(clause, match, Slot.RIGHT, "item")
        linked = right is not None and _LINKING_PREPOSITION.fullmatch(s.text[match.end() : right.start])
        return right if linked and right is not None and right.kind in ITEM_LIKE else None

    def _read_decision(self, st: SentenceState, ci: int, frame: Frame, match: re.Match[str]) -> str | None:
        """A choice ("Stripe") made for an item: "... for X", the subject of "X will be built on", or the focus."""
        s, clause = st.sentence, st.sentence.clauses[ci]
        found = choice_after(s.text, match.end())
        if not found:
            return None
        choice, choice_end = found
        subject = s.pick(clause, match, frame.item, "item") if frame.item is not None else None
        target = subject if frame.item is Slot.GROUP else self._for_target(s, clause, choice_end) or subject
        entity: str | None = None
        if target and target.names_item:
            entity = target.text
            self.out.mention(entity, st.turn.index)
        elif target and target.kind is ChunkKind.ITEM_PRONOUN:
            entity = self._antecedent(st, target.start)
        mood = Mood.of(s.text, s.question, clause, frame, match.span(), [(target.start, target.end)] if target else [])
        if mood.asserts_link:
            summary = f"Use {choice} for {entity}" if entity else f"Use {choice}"
            self.out.decisions.append(
                DecisionAssertion(entity=entity, summary=summary, turn=st.turn.index, quote=st.quote)
            )
        if entity:
            self._set_focus(entity, st, clause)
        return entity

    @staticmethod
    def _for_target(s: Sentence, clause: Clause, after: int) -> Chunk | None:
        """The item in "... for X" after the choice, else in "For X, we're going with ..."."""
        for start, end in ((after, clause.end), (clause.start, clause.end), (0, len(s.text))):
            for m in _FOR.finditer(s.text, start, end):
                target = next(
                    (c for c in s.chunks_in(m.end(), len(s.text)) if c.kind is not ChunkKind.PERSON_PRONOUN), None
                )
                if target and target.names_item and target.start - m.end() <= 5:
                    return target
        return None

    # --- referents -----------------------------------------------------------------------------

    def _item(self, st: SentenceState, clause: Clause, match: re.Match[str], found: Chunk | None) -> str | None:
        if found and found.names_item:
            self.out.mention(found.text, st.turn.index)
            return found.text
        if found and found.kind is ChunkKind.ITEM_PRONOUN:
            return self._antecedent(st, found.start)
        if found is None and st.sentence.elliptical(clause, match):
            return self._antecedent(st, match.start())
        return None

    def _antecedent(self, st: SentenceState, position: int, same_sentence: bool = False) -> str | None:
        """What "it"/"that" (or a missing subject) refers to: the item this sentence is about so far,
        else the nearest item named earlier in the sentence, else the focus of recent turns."""
        if st.focus:
            return st.focus
        earlier = [c for c in st.sentence.chunks if c.end <= position and c.names_item]
        if earlier:
            self.out.mention(earlier[-1].text, st.turn.index)
            return earlier[-1].text
        if same_sentence or st.turn.index - self.focus_turn > FOCUS_TURNS:
            return None
        return self.focus

    def _set_focus(self, item: str, st: SentenceState, clause: Clause) -> None:
        self.focus, self.focus_turn = item, st.turn.index
        if not clause.states_condition:  # "until Z is done" is about the main clause's item
            st.focus = item

    def _mention_focus(self, item: str, st: SentenceState) -> None:
        self.out.mention(item, st.turn.index)
        self.focus, self.focus_turn = item, st.turn.index

    def _person(self, st: SentenceState, clause: Clause, frame: Frame, match: re.Match[str]) -> str | None:
        """The owner named in an ownership frame: a participant, "I"/"me" (the speaker), or a capitalised name."""
        assert frame.other is not None
        found = st.sentence.person_near(clause, match, frame.other)
        if found is None:
            return None
        if found.kind is ChunkKind.PERSON_PRONOUN:
            if found.text.lower() == "you":
                return st.sentence.addressee
            return st.turn.speaker if found.text.lower() in _SELF else None
        if found.kind is ChunkKind.PERSON:
            return found.text
        words = found.text.split()
        looks_like_name = found.kind is ChunkKind.ITEM and len(words) <= 3 and all(w[:1].isupper() for w in words)
        return found.text if looks_like_name and not frame.strict_person else None

    # --- links between clauses -----------------------------------------------------------------

    def _link_clauses(self, st: SentenceState) -> None:
        """Dependencies from subordinate clauses: "X can't start until Z is done", "once Z ships we can
        start X", "we need Z before X can begin", and blockers from "X is blocked because Z isn't ready".
        Coordinated items link each: "X can't start until A and B are done"."""
        s = st.sentence
        for ci, sub in enumerate(s.clauses):
            if sub.main is None or s.question or sub.hypothetical or s.clauses[sub.main].hypothetical:
                continue
            main_item, sub_item = self._clause_item(st, sub.main), self._clause_item(st, ci)
            if not main_item or not sub_item:
                continue
            main = s.clauses[sub.main]
            main_items, sub_items = self._coordinated(st, main, main_item), self._coordinated(st, sub, sub_item)
            main_text, sub_text = s.text[main.start : main.end], s.text[sub.start : sub.end]
            main_blocked = main_item in st.states and st.states[main_item].status is Status.BLOCKED
            order = clause_order(sub.link or "", main_text, sub_text, only_names(sub_text, sub_items), main_blocked)
            if order is Order.SUB_NEEDS_MAIN:
                required = required_item(s, main)  # "we need Z before X can begin": Z, not the subject
                prerequisites = self._coordinated(st, main, required.text) if required else main_items
                self._depend_all(st, sub_items, prerequisites)
            elif order is Order.MAIN_NEEDS_SUB:
                self._depend_all(st, main_items, sub_items)

    def _depend_all(self, st: SentenceState, dependents: list[str], dependencies: list[str]) -> None:
        for dependent in dependents:
            blocked = dependent in st.states and st.states[dependent].status is Status.BLOCKED
            for dependency in dependencies:
                self.out.depend(dependent, dependency, st.turn.index, st.quote)
                if blocked and dependent.lower() != dependency.lower():
                    st.block(dependent, dependency)

    @staticmethod
    def _clause_item(st: SentenceState, ci: int) -> str | None:
        """The first item a clause is about: from its frames, else the first name in it."""
        if st.clause_items.get(ci):
            return st.clause_items[ci][0]
        clause = st.sentence.clauses[ci]
        return next((c.text for c in st.sentence.chunks_in(clause.start, clause.end) if c.names_item), None)

    @staticmethod
    def _coordinated(st: SentenceState, clause: Clause, item: str) -> list[str]:
        """The item with those coordinated with it where the clause names it: "until A and B are done"."""
        s = st.sentence
        head = next((c for c in s.chunks_in(clause.start, clause.end) if c.text == item), None)
        return [c.text for c in s.coordination(head, clause)] if head else [item]


def _has_fields(a: StateAssertion) -> bool:
    return any(v is not None for v in (a.status, a.progress, a.owner, a.blockers))
