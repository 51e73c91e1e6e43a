"""The ingestion pipeline: one meeting in, one transaction out."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import anyio
from pydantic import BaseModel

from app.embedding import Embedder
from app.graph.driver import Graph, Tx
from app.graph.lucene import lucene_query
from app.ingest.chunk import chunk_turns
from app.ingest.chains import remove_meeting, replay_chains
from app.ingest.diff import ChainPlan, Delta, Snapshot, StateVersion, merge_assertions
from app.ingest.extract import Extractor
from app.ingest.models import (
    Chunk, Curation, EntityMention, EntityType, Extraction, IngestMode, IngestResult, MeetingInput,
)
from app.ingest.names import entity_id, meeting_sort_key, normalize_name, search_keys
from app.ingest.resolve import KnownEntity, acronyms, initials, resolve_entities, resolve_person
from app.ingest.actions import OwnedClaim, action_rows, closures
from app.ingest.write import EntityRow, MeetingRow, MeetingWrite, MemoryRow, write_meeting
from app.observability.metrics import observe_ingest

if TYPE_CHECKING:  # the LLM path is optional; its modules load only when configured
    from app.ingest.compare import StateComparer

MIN_VECTOR_SCORE = 0.75


class Prepared(BaseModel):
    """The work done before the transaction: chunks, extraction and embeddings."""

    meeting: MeetingInput
    content_hash: str
    chunks: list[Chunk]
    extraction: Extraction
    chunk_vectors: list[list[float]]
    surface_vectors: dict[str, list[float]]


def content_hash(meeting: MeetingInput) -> str:
    """Of the submission's canonical JSON (title, date, participants, turns), so distinct meetings never collide.

    A meeting with an external_id is that id (a new hash under it replaces it); one without is its content.
    """
    canonical = [meeting.title, meeting.date.isoformat(), meeting.participants,
                 [[turn.speaker, turn.text] for turn in meeting.turns]]
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def sort_key(meeting: MeetingInput, meeting_id: str) -> str:
    return meeting_sort_key(meeting.date, meeting.external_id, meeting_id)


class Timer:
    def __init__(self) -> None:
        self.ms: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.ms[name] = self.ms.get(name, 0.0) + (time.perf_counter() - start) * 1000


class IngestPipeline:
    def __init__(
        self, graph: Graph, embedder: Embedder, extractor: Extractor, comparer: StateComparer | None = None
    ) -> None:
        self.graph = graph
        self.embedder = embedder
        self.extractor = extractor
        self.comparer = comparer

    async def ingest(self, meeting: MeetingInput, mode: IngestMode = "sync") -> IngestResult:
        timer = Timer()
        return await self.store(await self.prepare(meeting, timer), timer, mode)

    async def store(self, prepared: Prepared, timer: Timer, mode: IngestMode = "sync") -> IngestResult:
        """Write a prepared meeting in one transaction; resolution and state diffs read the graph as it is now.

        Every ingest, however it came in, is counted here (the metrics' one place)."""
        with timer.stage("write"):
            result = await self.graph.in_write_transaction(lambda tx: self._write(tx, prepared, timer))
        result.timings_ms = {k: round(v, 2) for k, v in timer.ms.items()}
        observe_ingest(result, mode)
        return result

    async def prepare(self, meeting: MeetingInput, timer: Timer) -> Prepared:
        with timer.stage("chunk"):
            chunks = chunk_turns(meeting.turns)
        with timer.stage("extract"):
            known = (await self.graph.read("queries/entity_names"))[0]["names"]
            curation = Curation(**(await self.graph.read("curation/curated_names"))[0])
            extraction = await self.extractor.extract(meeting, known, curation)
        if self.comparer is not None:
            with timer.stage("compare"):
                extraction = await self.comparer.settle(meeting, extraction)
        surfaces = sorted(_all_surfaces(extraction))
        with timer.stage("embed"):
            vectors = await anyio.to_thread.run_sync(self.embedder.encode, [c.text for c in chunks] + surfaces)
        return Prepared(
            meeting=meeting,
            content_hash=content_hash(meeting),
            chunks=chunks,
            extraction=extraction,
            chunk_vectors=vectors[: len(chunks)],
            surface_vectors=dict(zip(surfaces, vectors[len(chunks):])),
        )

    async def _write(self, tx: Tx, p: Prepared, timer: Timer) -> IngestResult:
        meeting = p.meeting
        existing = await tx.run("ingest/find_meeting", external_id=meeting.external_id, content_hash=p.content_hash)
        if existing and existing[0]["content_hash"] == p.content_hash:
            found = existing[0]
            return IngestResult(meeting_id=found["id"], external_id=found["external_id"], status="unchanged")
        meeting_id = existing[0]["id"] if existing else uuid.uuid4().hex
        closed_later = await tx.run("ingest/action_item_closures", meeting_id=meeting_id) if existing else []
        if existing:
            await remove_meeting(tx, meeting_id)
        with timer.stage("resolve"):
            rows, deltas, provenance = await self._resolve(tx, p, meeting_id, closed_later)
        with timer.stage("diff"):
            plan = await self._plan(tx, p, meeting_id, deltas, provenance)
        await write_meeting(tx, rows, plan)
        return IngestResult(
            meeting_id=meeting_id,
            external_id=meeting.external_id,
            status="replaced" if existing else "created",
            memories=len(rows.memories),
            entities=sum(1 for e in rows.entities if e.type != EntityType.PERSON),
            states=len(plan.upserts),
            dependencies=len(rows.dependencies),
            decisions=len(rows.decisions),
            extractor=_extractor_label(self.extractor, p.extraction),
            statements=tx.statements,
        )

    async def _resolve(
        self, tx: Tx, p: Prepared, meeting_id: str, closed_later: list[dict[str, Any]]
    ) -> tuple[MeetingWrite, dict[str, Delta], dict[str, tuple[str, str | None]]]:
        meeting, extraction = p.meeting, p.extraction
        surfaces = list(p.surface_vectors)
        person_surfaces = sorted({s.owner for s in extraction.states if s.owner} | set(meeting.participants)
                                 | {a.owner for a in extraction.action_items})
        candidates = await tx.run(
            "ingest/entity_candidates",
            # an acronym and the words it abbreviates look nothing alike, to the indexes or the embeddings
            lucene_queries=[q for s in surfaces + person_surfaces if (q := lucene_query(s, fuzzy=True))]
            + [short for s in surfaces if (short := initials(s))],
            name_keys=[normalize_name(s) for s in surfaces + person_surfaces],
            acronyms=sorted({a for s in surfaces for a in acronyms(s)}),
            vectors=list(p.surface_vectors.values()),
            min_vector_score=MIN_VECTOR_SCORE,
        )
        known = [KnownEntity(**c) for c in candidates if c["type"] != EntityType.PERSON]
        known_people = [c["name"] for c in candidates if c["type"] == EntityType.PERSON]
        resolution = resolve_entities(
            _mentions(extraction), known, self.embedder.encode, people=[*person_surfaces, *known_people]
        )
        def item(surface: str) -> str:
            return resolution.by_surface[surface]

        people: dict[str, str] = {}  # full name -> person id

        def person(surface: str) -> str:
            full = resolve_person(surface, meeting.participants, known_people)
            return people.setdefault(full, entity_id(full, person=True))

        for participant in meeting.participants:
            person(participant)
        owners = [person(a.owner) for a in extraction.action_items]

        memory_ids = [f"{meeting_id}-{c.index}" for c in p.chunks]

        def memory_of(turn: int) -> str | None:
            for chunk, mid in zip(p.chunks, memory_ids):
                if chunk.turn_start <= turn <= chunk.turn_end:
                    return mid
            return None

        by_entity: dict[str, list] = defaultdict(list)
        for assertion in extraction.states:
            by_entity[item(assertion.entity)].append(assertion)
        deltas: dict[str, Delta] = {}
        provenance: dict[str, tuple[str, str | None]] = {}
        for eid, assertions in by_entity.items():
            merged = merge_assertions(assertions)
            delta = Delta(
                status=merged.status,
                progress=merged.progress,
                owner=person(merged.owner) if merged.owner else None,
                blockers=[item(b) for b in merged.blockers] if merged.blockers is not None else None,
            )
            if not delta.is_empty():
                deltas[eid] = delta
                last = max(assertions, key=lambda a: a.turn)
                provenance[eid] = (last.quote, memory_of(last.turn))

        unembedded = [e.name for e in resolution.entities if e.name not in p.surface_vectors]
        name_vectors = dict(zip(unembedded, self.embedder.encode(unembedded))) | p.surface_vectors
        entity_rows = [
            EntityRow(
                id=e.id,
                name=e.name,
                type=e.type.value,
                label=e.type.value.capitalize(),
                aliases=e.aliases,
                name_key=normalize_name(e.name),
                search_keys=search_keys(e.name, e.aliases),
                initials=initials(e.name),
                name_embedding=name_vectors[e.name],
            )
            for e in resolution.entities
        ]
        known_person_ids = {entity_id(n, person=True): n for n in known_people}
        for full, pid in people.items():
            entity_rows.append(
                EntityRow(
                    id=pid,
                    name=known_person_ids.get(pid, full),
                    type=EntityType.PERSON.value,
                    label="Person",
                    aliases=[],
                    name_key=normalize_name(full),
                    search_keys=search_keys(full),
                )
            )

        mention_counts: dict[tuple[str, str], list[str]] = defaultdict(list)
        for mention in _mentions(extraction):
            mid = memory_of(mention.turn)
            if mid:
                mention_counts[(item(mention.surface), mid)].append(mention.surface)
        speakers_by_person: dict[str, int] = defaultdict(int)
        for turn in meeting.turns:
            speakers_by_person[person(turn.speaker)] += 1

        rows = MeetingWrite(
            meeting=MeetingRow(
                id=meeting_id,
                external_id=meeting.external_id,
                title=meeting.title,
                date=meeting.date.isoformat(),
                sort_key=sort_key(meeting, meeting_id),
                content_hash=p.content_hash,
                participants=meeting.participants,
                turn_count=meeting.turns[-1].index + 1 if meeting.turns else 0,  # positions as submitted
                extractor=_extractor_label(self.extractor, p.extraction),
            ),
            memories=[
                MemoryRow(id=mid, embedding=vec, **c.model_dump(include={"index", "text", "turn_start", "turn_end", "speakers"}))
                for c, mid, vec in zip(p.chunks, memory_ids, p.chunk_vectors)
            ],
            entities=entity_rows,
            mentions=[
                {"entity_id": eid, "memory_id": mid, "count": len(s), "surfaces": sorted(set(s))}
                for (eid, mid), s in mention_counts.items()
            ],
            attendees=[
                {"person_id": pid, "spoke": speakers_by_person.get(pid, 0) > 0, "turns": speakers_by_person.get(pid, 0)}
                for pid in {*people.values()}
            ],
            dependencies=[
                {"from_id": item(d.dependent), "to_id": item(d.dependency), "meeting_id": meeting_id,
                 "memory_id": memory_of(d.turn), "quote": d.quote}
                for d in extraction.dependencies
                if item(d.dependent) != item(d.dependency)
            ],
            action_items=action_rows(extraction.action_items, owners, meeting_id, sort_key(meeting, meeting_id),
                                     memory_of, [(m.surface, m.turn, item(m.surface)) for m in _mentions(extraction)]),
            decisions=[
                {"id": f"{meeting_id}-d{i}", "entity_id": item(d.entity) if d.entity else None,
                 "summary": d.summary, "quote": d.quote, "memory_id": memory_of(d.turn)}
                for i, d in enumerate(extraction.decisions)
            ],
        )
        claims = [OwnedClaim(owner_id=person(c.owner), claim=c, memory_id=memory_of(c.turn))
                  for c in extraction.done_claims]
        rows.closures = await closures(tx, meeting_id, sort_key(meeting, meeting_id), rows.action_items, claims,
                                       closed_later)
        return rows, deltas, provenance

    async def _plan(
        self, tx: Tx, p: Prepared, meeting_id: str, deltas: dict[str, Delta], provenance: dict[str, tuple[str, str | None]]
    ) -> ChainPlan:
        key = sort_key(p.meeting, meeting_id)
        inserted = {
            eid: StateVersion(
                id=f"{eid}@{meeting_id}",
                entity_id=eid,
                meeting_id=meeting_id,
                date=p.meeting.date.isoformat(),
                sort_key=key,
                snapshot=Snapshot(),  # derived during the replay
                delta=delta,
                quote=provenance[eid][0],
                memory_id=provenance[eid][1],
            )
            for eid, delta in deltas.items()
        }
        plan, _ = await replay_chains(tx, list(deltas), key, inserted)
        return plan


def _extractor_label(extractor: Extractor, extraction: Extraction) -> str:
    """What produced the extraction; the LLM extractor labels its own, as it may have fallen back to rules."""
    return getattr(extraction, "extractor", None) or type(extractor).__name__


def _all_surfaces(extraction: Extraction) -> set[str]:
    return {m.surface for m in _mentions(extraction)}


def _mentions(extraction: Extraction) -> list[EntityMention]:
    """Every work-item surface the extraction uses, including those only named as blockers or dependencies."""
    mentions = list(extraction.mentions)
    seen = {m.surface for m in mentions}

    def add(surface: str | None, turn: int) -> None:
        if surface and surface not in seen:
            seen.add(surface)
            mentions.append(EntityMention(surface=surface, turn=turn))

    for s in extraction.states:
        add(s.entity, s.turn)
        for b in s.blockers or []:
            add(b, s.turn)
    for d in extraction.dependencies:
        add(d.dependent, d.turn)
        add(d.dependency, d.turn)
    for d in extraction.decisions:
        add(d.entity, d.turn)
    return mentions
