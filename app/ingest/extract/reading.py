"""What reading a meeting builds: the extraction so far, and what one sentence has established."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.ingest.extract.lexicon import guess_type
from app.ingest.extract.sentence import Sentence
from app.ingest.models import (
    DecisionAssertion,
    DependencyAssertion,
    EntityMention,
    Extraction,
    StateAssertion,
    Turn,
)


@dataclass
class Output:
    """The extraction being built: mentions deduplicated, assertions in spoken order."""

    mentions: dict[tuple[str, int], EntityMention] = field(default_factory=dict)
    states: list[StateAssertion] = field(default_factory=list)
    dependencies: dict[tuple[str, str, int], DependencyAssertion] = field(default_factory=dict)
    decisions: list[DecisionAssertion] = field(default_factory=list)

    def mention(self, surface: str, turn: int) -> None:
        self.mentions.setdefault(
            (surface, turn), EntityMention(surface=surface, type=guess_type(surface)[0], turn=turn)
        )

    def depend(self, dependent: str, dependency: str, turn: int, quote: str) -> None:
        if dependent.lower() != dependency.lower():
            self.mention(dependent, turn)
            self.mention(dependency, turn)
            assertion = DependencyAssertion(dependent=dependent, dependency=dependency, turn=turn, quote=quote)
            self.dependencies.setdefault((dependent, dependency, turn), assertion)

    def build(self) -> Extraction:
        return Extraction(
            mentions=list(self.mentions.values()),
            states=self.states,
            dependencies=list(self.dependencies.values()),
            decisions=self.decisions,
        )


@dataclass
class SentenceState:
    """What reading one sentence has established so far."""

    sentence: Sentence  # normalised speech
    turn: Turn
    quote: str  # the sentence in the original words
    states: dict[str, StateAssertion] = field(default_factory=dict)
    focus: str | None = None  # the item the sentence is about
    clause_items: dict[int, list[str]] = field(default_factory=dict)
    dependencies: list[tuple[str, str]] = field(default_factory=list)

    def state(self, entity: str) -> StateAssertion:
        if entity not in self.states:
            self.states[entity] = StateAssertion(entity=entity, turn=self.turn.index, quote=self.quote)
        return self.states[entity]

    def block(self, entity: str, blocker: str) -> None:
        state = self.state(entity)
        if blocker not in (state.blockers or []):
            state.blockers = [*(state.blockers or []), blocker]
