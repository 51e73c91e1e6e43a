"""Link a phrase from a question to the work item (or person) it names.

Tiers, best first: exact name or alias, the same words in another order, the phrase's words all inside a
name ("atlas" in "Project Atlas"), an acronym ("sso"), a name inside a longer phrase ("atlas rollout"),
then typo-tolerant similarity. Candidates that tie at the best score come back as `ambiguous`, not a guess.
"""

from __future__ import annotations

import asyncio
import time

import anyio
from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from app.embedding import Embedder
from app.graph.driver import Graph
from app.graph.lucene import NOTHING, lucene_phrase, lucene_query
from app.ingest.names import DETERMINERS, normalize_name, stem, tokens
from app.query.models import Clarify
from app.query.text import NameIndex

NAMES_TTL_S = 10.0

_EXACT, _REORDERED, _CONTAINED, _ACRONYM, _CONTAINS, _CONTAINS_WORD = 1.0, 0.95, 0.85, 0.8, 0.75, 0.7
_FUZZY_WEIGHT, _MIN_SCORE, _TIE_MARGIN = 0.8, 0.62, 0.02

_TYPE_WORDS = frozenset({"project", "feature", "task"})


class LinkCandidate(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)


class LinkResult(BaseModel):
    match: LinkCandidate | None = None
    ambiguous: list[LinkCandidate] = Field(default_factory=list)
    score: float = 0.0


def normalize(text: str) -> list[str]:
    """Folded words without determiners, punctuation, possessives or simple plural/-ing endings."""
    return [stem(word) for word in tokens(text) if word not in DETERMINERS]


def link_entity(span: str, candidates: list[LinkCandidate]) -> LinkResult:
    words = normalize(span)
    if not words:
        return LinkResult()
    if len(words) == 1 and words[0] in _TYPE_WORDS:  # "the project": every project is as good a guess
        same_type = [c for c in candidates if c.type == words[0]]
        if len(same_type) == 1:
            return LinkResult(match=same_type[0], score=_CONTAINED)
        return LinkResult(ambiguous=same_type, score=_CONTAINED if same_type else 0.0)
    scored = sorted(((_score(words, c), i) for i, c in enumerate(candidates)), reverse=True)
    if not scored or scored[0][0] < _MIN_SCORE:
        return LinkResult(score=scored[0][0] if scored else 0.0)
    best = scored[0][0]
    tied = [candidates[i] for score, i in scored if best - score <= _TIE_MARGIN]
    if len(tied) == 1:
        return LinkResult(match=tied[0], score=best)
    return LinkResult(ambiguous=sorted(tied, key=lambda c: c.name), score=best)


def _score(words: list[str], candidate: LinkCandidate) -> float:
    return max(_score_name(words, normalize(name)) for name in [candidate.name, *candidate.aliases])


def _score_name(words: list[str], name: list[str]) -> float:
    if not name:
        return 0.0
    if words == name:
        return _EXACT
    if sorted(words) == sorted(name):
        return _REORDERED
    if set(words) <= set(name):
        return _CONTAINED
    if len(words) == 1 and len(name) > 1 and words[0] == "".join(w[0] for w in name):
        return _ACRONYM
    if set(name) <= set(words):  # the phrase says more than the name: "atlas rollout plan"
        return _CONTAINS if len(name) > 1 else _CONTAINS_WORD
    return _FUZZY_WEIGHT * max(_word_overlap(words, name), fuzz.ratio(" ".join(words), " ".join(name)) / 100)


def _word_overlap(words: list[str], name: list[str]) -> float:
    """How well every word of the phrase matches some word of the name, typos allowed."""
    similarities = [max(fuzz.ratio(word, other) for other in name) / 100 for word in words]
    if min(similarities) < 0.75:
        return 0.0
    return sum(similarities) / len(similarities) * (0.95 if len(words) < len(name) else 1.0)


def worded_as(text: str, span: str) -> bool:
    """Whether `text` names the item in the same words as `span` ("the load tests", not "load testing")."""
    words = [w for w in tokens(span) if w not in DETERMINERS]
    said = tokens(text)
    return bool(words) and any(said[i:i + len(words)] == words for i in range(len(said) - len(words) + 1))


def people_named(span: str, people: list[str]) -> list[str]:
    """The full names `span` may refer to: exact, first or last name, then typo-tolerant; several when unclear."""
    wanted = " ".join(tokens(span))
    named = [(p, tokens(p)) for p in people if tokens(p)]
    if not wanted:
        return []
    for matches in (
        [p for p, words in named if " ".join(words) == wanted],
        [p for p, words in named if words[0] == wanted],
        [p for p, words in named if words[-1] == wanted],
    ):
        if matches:
            return list(dict.fromkeys(matches))
    scored = sorted(
        ((max(fuzz.ratio(wanted, " ".join(words)), fuzz.ratio(wanted, words[0])), p) for p, words in named),
        reverse=True,
    )
    if not scored or scored[0][0] < 75:
        return []
    return list(dict.fromkeys(p for score, p in scored if scored[0][0] - score < 5))


def link_person(span: str, people: list[str]) -> str | None:
    """The one full name `span` refers to; None if none or several fit."""
    named = people_named(span, people)
    return named[0] if len(named) == 1 else None


async def link(graph: Graph, embedder: Embedder, span: str) -> LinkCandidate:
    """The stored item `span` names; Clarify when none or several fit."""
    result = await _link_exact(graph, span)
    if not (result.match or result.ambiguous):
        vector = (await anyio.to_thread.run_sync(embedder.encode, [span]))[0]
        rows = await graph.read(
            "queries/link_candidates", lucene=lucene_query(span, fuzzy=True) or NOTHING, vector=vector, limit=15
        )
        result = link_entity(span, [LinkCandidate(**r) for r in rows if r["type"] != "person"])
    if result.match:
        return result.match
    if result.ambiguous:
        raise Clarify.which(span, [c.model_dump() for c in result.ambiguous])
    raise Clarify(f"I don't know an item called “{span}”.", {"candidates": []})


async def _link_exact(graph: Graph, span: str) -> LinkResult:
    """Items named or aliased exactly `span` (normalised), or abbreviated by it ("SSO"), through the name
    indexes; typos and partial names are left to the similarity search."""
    key, phrase = normalize_name(span), lucene_phrase(span)
    if not key or not phrase:
        return LinkResult()
    rows = await graph.read("queries/link_exact", key=key, phrase=phrase)
    return link_entity(span, [LinkCandidate(**r) for r in rows])


class KnownNames:
    """Stored names and aliases, so cue words inside a name ("Decision Engine") don't steer the intent.
    Read once, then refreshed in the background when older than NAMES_TTL_S: no question waits for it."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._names: NameIndex | None = None
        self._at = float("-inf")
        self._reload: asyncio.Task[None] | None = None

    async def get(self) -> NameIndex:
        if self._names is None:
            await self._load()
        elif time.monotonic() - self._at > NAMES_TTL_S and self._reload is None:
            self._reload = asyncio.create_task(self._load())
            self._reload.add_done_callback(self._loaded)
        assert self._names is not None
        return self._names

    async def _load(self) -> None:
        items = (await self._graph.read("queries/entity_names"))[0]["names"]
        people = (await self._graph.read("queries/person_names"))[0]["names"]
        # ~0.2 s for 30,000 names: in a worker thread, so the questions being answered meanwhile do not wait
        self._names = await anyio.to_thread.run_sync(NameIndex, items, people)
        self._at = time.monotonic()

    def _loaded(self, task: asyncio.Task[None]) -> None:
        self._reload = None
        if not task.cancelled() and task.exception() is not None:
            self._at = time.monotonic()  # keep the names we have; try again after another NAMES_TTL_S
