"""LLM extraction: the transcript in token-bounded windows (with overlap), one structured call per window,
checked against the text and merged into the same Extraction the rules produce.

The model reads the same normalised speech as the rules (`speech.py`: no fillers, markers or false
starts; names in their case; cut-off sentences joined) and its names pass the same evidence filter
(`evidence.py`); quotes are checked against, and kept in, the original words.

When the LLM cannot answer (budget spent, every model failing), the rule-based extractor does the
meeting instead and the result says so, so no meeting is ever lost to the LLM.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import anyio
import anyio.abc
from pydantic import BaseModel

from app.ingest.extract import Extractor
from app.ingest.extract.actions import extract_actions
from app.ingest.extract.callnames import Callnames
from app.ingest.extract.due import resolve_due
from app.ingest.extract.evidence import Evidence, keep_evidenced, with_catalogued
from app.ingest.extract.speech import normalise_meeting, person_names
from app.ingest.models import (
    ActionAssertion,
    Curation,
    DecisionAssertion,
    DependencyAssertion,
    EntityMention,
    EntityType,
    Extraction,
    MeetingInput,
    StateAssertion,
    Status,
)
from app.llm.client import LLMClient, LLMUnavailable
from app.llm.prompts import EXTRACT_MEETING
from app.llm.prompts.extract_meeting import MeetingExtraction
from app.llm.tokens import TokenCounter

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|our|my)\s+", re.IGNORECASE)


class LabelledExtraction(Extraction):
    """An extraction that names what produced it: "llm (model)" or "rules (llm failed: reason)"."""

    extractor: str


class Line(BaseModel):
    turn: int
    text: str  # "[turn] Speaker: text", or a piece of a turn too long for one window
    tokens: int


class Window(BaseModel):
    context: list[Line]  # earlier lines repeated so pronouns resolve; nothing is taken from them
    lines: list[Line]

    @property
    def turns(self) -> set[int]:
        return {line.turn for line in self.lines}

    def rendered(self) -> list[str]:
        return [f"(context) {line.text}" for line in self.context] + [line.text for line in self.lines]


def split_meeting(meeting: MeetingInput, counter: TokenCounter, max_tokens: int, overlap_tokens: int) -> list[Window]:
    """Whole turns packed into windows of at most `max_tokens`; each window repeats up to
    `overlap_tokens` of the previous one as context. A turn longer than a window is cut into pieces."""
    lines: list[Line] = []
    for turn in meeting.turns:
        text = f"[{turn.index}] {turn.speaker}: {turn.text}"
        for piece in counter.split(text, max_tokens) if counter.count(text) > max_tokens else [text]:
            lines.append(Line(turn=turn.index, text=piece, tokens=counter.count(piece)))
    windows: list[Window] = []
    current: list[Line] = []
    for line in lines:
        if current and sum(x.tokens for x in current) + line.tokens > max_tokens:
            windows.append(Window(context=_tail(windows, overlap_tokens), lines=current))
            current = []
        current.append(line)
    if current or not windows:
        windows.append(Window(context=_tail(windows, overlap_tokens), lines=current))
    return windows


def _tail(windows: list[Window], overlap_tokens: int) -> list[Line]:
    if not windows:
        return []
    tail: list[Line] = []
    for line in reversed(windows[-1].lines):
        if sum(x.tokens for x in tail) + line.tokens > overlap_tokens:
            break
        tail.insert(0, line)
    return tail


class LLMExtractor:
    def __init__(self, client: LLMClient, fallback: Extractor, chunk_tokens: int, overlap_tokens: int) -> None:
        self.client = client
        self.fallback = fallback
        self.chunk_tokens = chunk_tokens
        self.overlap_tokens = overlap_tokens

    async def extract(
        self, meeting: MeetingInput, known_names: Collection[str] = (), curation: Curation | None = None
    ) -> LabelledExtraction:
        curation = curation or Curation()
        speakers = [*meeting.participants, *(t.speaker for t in meeting.turns)]
        spoken = normalise_meeting(meeting.turns, [*person_names(speakers), *known_names])
        said = meeting.model_copy(update={"turns": [s.turn.model_copy(update={"text": s.spoken.text}) for s in spoken]})
        windows = split_meeting(said, self.client.tokens, self.chunk_tokens, self.overlap_tokens)
        try:
            answers, models = await self._ask(said, windows)
        except LLMUnavailable as exc:
            extraction = await self.fallback.extract(meeting, known_names, curation)
            return LabelledExtraction(**extraction.model_dump(), extractor=f"rules (llm failed: {exc})")
        reader = _Checker(said, meeting)
        for window, answer in zip(windows, answers):
            reader.add(window, answer)
        people = Callnames(meeting, spoken, curation.known_as)
        evidence = Evidence(dict.fromkeys(speakers), known_names, [s.spoken.text for s in spoken], curation.ignored,
                            people=people.given_names)
        _, claims = extract_actions(meeting, spoken, people)  # what later meetings close items by: read by the rules
        read = people.with_people(reader.extraction().model_copy(update={"done_claims": claims}))
        checked = keep_evidenced(with_catalogued(read, spoken, curation.catalogued), evidence)
        return LabelledExtraction(**checked.model_dump(), extractor=f"llm ({', '.join(sorted(models))})")

    async def _ask(self, meeting: MeetingInput, windows: list[Window]) -> tuple[list[MeetingExtraction], set[str]]:
        """One call per window, run together (the client bounds concurrency); the first failure cancels the rest."""
        answers: list[MeetingExtraction | None] = [None] * len(windows)
        models: set[str] = set()
        failures: list[LLMUnavailable] = []

        async def ask(i: int, window: Window, group: anyio.abc.TaskGroup) -> None:
            prompt = EXTRACT_MEETING(meeting.title, meeting.date.isoformat(), meeting.participants, window.rendered())
            try:
                reply = await self.client.structured(prompt)
            except LLMUnavailable as exc:
                failures.append(exc)
                group.cancel_scope.cancel()
                return
            answers[i] = reply.value
            models.add(reply.model)

        async with anyio.create_task_group() as group:
            for i, window in enumerate(windows):
                group.start_soon(ask, i, window, group)
        if failures:
            raise failures[0]
        return [a for a in answers if a is not None], models


class _Checker:
    """Keeps what the text supports: turns of the window, names found in the text the model read, quotes
    from the turn as spoken (`original`; a quote the model cut from the normalised text gives the turn's words)."""

    def __init__(self, said: MeetingInput, original: MeetingInput) -> None:
        self.turn_text = {t.index: t.text for t in said.turns}
        self.spoken_text = {t.index: t.text for t in original.turns}
        self.mentions: dict[tuple[str, int], EntityMention] = {}
        self.states: list[StateAssertion] = []
        self.dependencies: dict[tuple[str, str, int], DependencyAssertion] = {}
        self.decisions: list[DecisionAssertion] = []
        self.actions: list[ActionAssertion] = []
        self.day = said.date
        self.speaker = {t.index: t.speaker for t in said.turns}

    def add(self, window: Window, answer: MeetingExtraction) -> None:
        turns = window.turns
        text = "\n".join(self.turn_text[t] for t in sorted({line.turn for line in window.context} | turns))

        def name(surface: str | None) -> str | None:
            return _as_spoken(surface, text) if surface else None

        for m in answer.mentions:
            if m.turn in turns and (surface := name(m.surface)):
                kind = EntityType(m.type) if m.type else None
                self.mentions.setdefault((surface, m.turn), EntityMention(surface=surface, type=kind, turn=m.turn))
        for s in answer.states:
            entity = name(s.entity)
            blockers = None if s.blockers is None else [b for raw in s.blockers if (b := name(raw))]
            state = StateAssertion(
                entity=entity or "",
                turn=s.turn,
                quote=self._quote(s.quote, s.turn),
                status=Status(s.status) if s.status else None,
                progress=s.progress if s.progress is not None and 0 <= s.progress <= 100 else None,
                owner=(s.owner.strip() or None) if s.owner else None,
                blockers=blockers,
            )
            if (
                entity
                and s.turn in turns
                and any(v is not None for v in (state.status, state.progress, state.owner, state.blockers))
            ):
                self.states.append(state)
        for d in answer.dependencies:
            dependent, dependency = name(d.dependent), name(d.dependency)
            if d.turn in turns and dependent and dependency and dependent.lower() != dependency.lower():
                self.dependencies.setdefault(
                    (dependent, dependency, d.turn),
                    DependencyAssertion(
                        dependent=dependent, dependency=dependency, turn=d.turn, quote=self._quote(d.quote, d.turn)
                    ),
                )
        for c in answer.decisions:
            if c.turn in turns and c.summary.strip():
                self.decisions.append(
                    DecisionAssertion(
                        entity=name(c.entity),
                        summary=c.summary.strip(),
                        turn=c.turn,
                        quote=self._quote(c.quote, c.turn),
                    )
                )

        for a in answer.action_items:
            if a.turn in turns and a.owner.strip() and len(a.text.split()) >= 2:
                self.actions.append(ActionAssertion(
                    owner=a.owner.strip(), text=a.text.strip(), turn=a.turn, quote=self._quote(a.quote, a.turn),
                    speaker=self.speaker[a.turn], due_text=a.due, due=resolve_due(a.due, self.day) if a.due else None,
                ))

    def _quote(self, quote: str, turn: int) -> str:
        spoken = self.spoken_text.get(turn, "")
        return quote.strip() if quote.strip() and _squash(quote) in _squash(spoken) else spoken

    def extraction(self) -> Extraction:
        return Extraction(
            mentions=list(self.mentions.values()),
            states=sorted(self.states, key=lambda s: s.turn),
            dependencies=list(self.dependencies.values()),
            decisions=sorted(self.decisions, key=lambda d: d.turn),
            action_items=sorted(self.actions, key=lambda a: a.turn),
        )


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _as_spoken(surface: str, text: str) -> str | None:
    """The name as it appears in the text (its casing), or None when the text never says it."""
    wanted = _LEADING_ARTICLE.sub("", surface.strip())
    if not wanted:
        return None
    found = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, wanted.split())) + r"(?!\w)", text, re.IGNORECASE)
    return found.group() if found else None
