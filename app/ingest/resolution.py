"""A meeting's entity resolution: the candidates it reads from the graph and what it makes of them.

Read and resolved before the write transaction (nothing here holds a lock), then checked inside it: the
transaction keeps the prepared resolution if no write transaction has committed since the read (the graph
version is the same), or if the candidates, read again, are still what they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from app.graph.driver import Run, graph_version
from app.graph.lucene import lucene_query
from app.ingest.models import EntityMention, EntityType, Extraction, MeetingInput
from app.ingest.names import entity_id, normalize_name
from app.ingest.resolve import KnownEntity, Resolution, acronyms, initials, resolve_entities
from app.ingest.resolve.models import Embed

MIN_VECTOR_SCORE = 0.75


class Candidates(BaseModel):
    """The stored entities a meeting's names may refer to."""

    known: list[KnownEntity]
    known_people: list[str]
    version: str | None  # the graph version read just before them

    def same_as(self, other: Candidates) -> bool:
        """Whether resolution would see the same entities, by what it compares (the name fixes the embedding)."""
        def key(c: Candidates) -> tuple[list[tuple[str, str, str, tuple[str, ...]]], list[str]]:
            return sorted((k.id, k.name, k.type.value, tuple(k.aliases)) for k in c.known), sorted(c.known_people)
        return key(self) == key(other)


class Resolved(BaseModel):
    candidates: Candidates
    resolution: Resolution
    name_vectors: dict[str, list[float]]  # entity name -> its embedding


class EmbedCache:
    """The embedder behind a memo, so resolving again (inside the transaction) embeds only what is new."""

    def __init__(self, embed: Embed, vectors: dict[str, list[float]]) -> None:
        self._embed = embed
        self.vectors = dict(vectors)

    def __call__(self, texts: list[str]) -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            self.vectors.update(zip(missing, self._embed(missing), strict=True))
        return [self.vectors[t] for t in texts]


async def read_candidates(
    run: Run, meeting: MeetingInput, extraction: Extraction, surface_vectors: dict[str, list[float]]
) -> Candidates:
    surfaces = list(surface_vectors)
    people = person_surfaces(meeting, extraction)
    version = await graph_version(run)  # first: a write committed after it renews it
    rows = await run(
        "ingest/entity_candidates",
        # an acronym and the words it abbreviates look nothing alike, to the indexes or the embeddings
        lucene_queries=[q for s in surfaces + people if (q := lucene_query(s, fuzzy=True))]
        + [short for s in surfaces if (short := initials(s))],
        name_keys=[normalize_name(s) for s in surfaces + people],
        acronyms=sorted({a for s in surfaces for a in acronyms(s)}),
        vectors=list(surface_vectors.values()),
        min_vector_score=MIN_VECTOR_SCORE,
    )
    return Candidates(
        known=[KnownEntity(**r) for r in rows if r["type"] != EntityType.PERSON],
        known_people=[r["name"] for r in rows if r["type"] == EntityType.PERSON],
        version=version,
    )


async def read_known_as(run: Run, meeting: MeetingInput) -> dict[str, list[str]]:
    """Speaker or participant -> the names the graph's person of that name introduced themselves with before."""
    names = dict.fromkeys([*meeting.participants, *(t.speaker for t in meeting.turns)])
    rows = await run("ingest/person_aliases", people=[{"id": entity_id(n, person=True), "name": n} for n in names])
    return {r["name"]: r["aliases"] for r in rows}


def resolve_meeting(meeting: MeetingInput, extraction: Extraction, candidates: Candidates, embed: Embed) -> Resolved:
    """Pure but for `embed`: which entity each surface is, and the embedding of every entity's name."""
    resolution = resolve_entities(
        mentions(extraction), candidates.known, embed,
        people=[*person_surfaces(meeting, extraction), *candidates.known_people],
    )
    names = [e.name for e in resolution.entities]
    return Resolved(candidates=candidates, resolution=resolution, name_vectors=dict(zip(names, embed(names))))


def person_surfaces(meeting: MeetingInput, extraction: Extraction) -> list[str]:
    return sorted({s.owner for s in extraction.states if s.owner} | set(meeting.participants)
                  | {a.owner for a in extraction.action_items})


def all_surfaces(extraction: Extraction) -> Sequence[str]:
    return sorted({m.surface for m in mentions(extraction)})


def mentions(extraction: Extraction) -> list[EntityMention]:
    """Every work-item surface the extraction uses, including those only named as blockers or dependencies."""
    found = list(extraction.mentions)
    seen = {m.surface for m in found}

    def add(surface: str | None, turn: int) -> None:
        if surface and surface not in seen:
            seen.add(surface)
            found.append(EntityMention(surface=surface, turn=turn))

    for s in extraction.states:
        add(s.entity, s.turn)
        for b in s.blockers or []:
            add(b, s.turn)
    for d in extraction.dependencies:
        add(d.dependent, d.turn)
        add(d.dependency, d.turn)
    for d in extraction.decisions:
        add(d.entity, d.turn)
    return found
