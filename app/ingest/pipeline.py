"""The ingestion pipeline: one meeting in, one transaction out."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import anyio

from app.embedding import Embedder
from app.graph.driver import Graph, Tx, WriteConflict, graph_version
from app.ingest.actions import closures
from app.ingest.chains import lock_existing, remove_meeting, replay_chains
from app.ingest.chunk import chunk_turns
from app.ingest.diff import ChainPlan, Snapshot, StateVersion
from app.ingest.extract import Extractor
from app.ingest.models import Curation, EntityType, Extraction, IngestMode, IngestResult, MeetingInput
from app.ingest.resolution import EmbedCache, all_surfaces, read_candidates, read_known_as, resolve_meeting
from app.ingest.rows import Built, Extracted, Prepared, build_rows, sort_key
from app.ingest.write import write_meeting
from app.observability.metrics import observe_ingest

if TYPE_CHECKING:  # the LLM path is optional; its modules load only when configured
    from app.ingest.compare import StateComparer


def content_hash(meeting: MeetingInput) -> str:
    """Of the submission's canonical JSON (title, date, participants, turns), so distinct meetings never collide.

    A meeting with an external_id is that id (a new hash under it replaces it); one without is its content.
    """
    canonical = [meeting.title, meeting.date.isoformat(), meeting.participants,
                 [[turn.speaker, turn.text] for turn in meeting.turns]]
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


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
        if (same := await self.unchanged(meeting, mode)) is not None:
            return same
        return await self.store(await self.prepare(meeting, timer), timer, mode)

    async def unchanged(self, meeting: MeetingInput, mode: IngestMode | None = None) -> IngestResult | None:
        """The "unchanged" answer if the graph already holds this very meeting, read without a lock, so that a
        resubmission is not chunked and embedded again; counted as an ingest when `mode` is given. A meeting that
        goes ahead is checked again inside its write transaction."""
        digest = content_hash(meeting)
        found = await self.graph.read("ingest/find_meeting", external_id=meeting.external_id, content_hash=digest)
        same = _unchanged(found, digest)
        if same is not None and mode is not None:
            observe_ingest(same, mode)
        return same

    async def store(self, prepared: Prepared, timer: Timer, mode: IngestMode = "sync") -> IngestResult:
        """Write a prepared meeting in one transaction; resolution and state diffs read the graph as it is now.

        Every ingest, however it came in, is counted here (the metrics' one place)."""
        with timer.stage("write"):
            result = await self.graph.in_write_transaction(lambda tx: self._write(tx, prepared, timer))
        result.timings_ms = {k: round(v, 2) for k, v in timer.ms.items()}
        observe_ingest(result, mode)
        return result

    async def prepare(self, meeting: MeetingInput, timer: Timer) -> Prepared:
        """Everything that needs no lock: chunks, extraction, embeddings, and resolution against the graph as read
        now (the transaction checks that read again)."""
        return await self.resolve(await self.extract(meeting, timer), timer)

    async def extract(self, meeting: MeetingInput, timer: Timer) -> Extracted:
        """Chunks, extraction and embeddings: what `resolve` needs."""
        with timer.stage("chunk"):
            chunks = chunk_turns(meeting.turns)
        # the model runs in native threads, so the chunks are embedded while the meeting is read
        chunk_embedding = asyncio.create_task(self._embed(timer, [c.embedding_text for c in chunks]))
        try:
            with timer.stage("extract"):
                known = (await self.graph.read("queries/entity_names"))[0]["names"]
                curated = (await self.graph.read("curation/curated_names"))[0]
                curation = Curation(**curated, known_as=await read_known_as(self.graph.read, meeting))
                extraction = await self.extractor.extract(meeting, known, curation)
            if self.comparer is not None:
                with timer.stage("compare"):
                    extraction = await self.comparer.settle(meeting, extraction)
        except BaseException:
            chunk_embedding.cancel()
            raise
        chunk_vectors = await chunk_embedding
        surfaces = list(all_surfaces(extraction))
        return Extracted(
            meeting=meeting,
            content_hash=content_hash(meeting),
            extractor=_extractor_label(self.extractor, extraction),
            chunks=chunks,
            extraction=extraction,
            chunk_vectors=chunk_vectors,
            surface_vectors=dict(zip(surfaces, await self._embed(timer, surfaces))),
        )

    async def resolve(self, extracted: Extracted, timer: Timer) -> Prepared:
        """Resolution of an extracted meeting against the graph as read now."""
        meeting, extraction, surface_vectors = extracted.meeting, extracted.extraction, extracted.surface_vectors
        with timer.stage("resolve"):
            candidates = await read_candidates(self.graph.read, meeting, extraction, surface_vectors)
            embed = EmbedCache(self.embedder.encode, surface_vectors)
            resolved = await anyio.to_thread.run_sync(resolve_meeting, meeting, extraction, candidates, embed)
        return Prepared(**dict(extracted), embedded=embed.vectors, resolved=resolved)

    async def _embed(self, timer: Timer, texts: list[str]) -> list[list[float]]:
        with timer.stage("embed"):
            return await anyio.to_thread.run_sync(self.embedder.encode, texts)

    async def _write(self, tx: Tx, p: Prepared, timer: Timer) -> IngestResult:
        meeting = p.meeting
        existing = await tx.run("ingest/find_meeting", external_id=meeting.external_id, content_hash=p.content_hash)
        if (same := _unchanged(existing, p.content_hash)) is not None:
            return same
        meeting_id = existing[0]["id"] if existing else uuid.uuid4().hex
        closed_later = await tx.run("ingest/action_item_closures", meeting_id=meeting_id) if existing else []
        if existing:
            await remove_meeting(tx, meeting_id)
        with timer.stage("recheck"):
            built = await self._recheck(tx, p, meeting_id, replacing=bool(existing))
        rows = built.rows
        rows.closures = await closures(tx, meeting_id, rows.meeting.sort_key, rows.action_items, built.claims,
                                       closed_later)
        with timer.stage("diff"):
            plan = await self._plan(tx, p, meeting_id, built)
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
            extractor=p.extractor,
            statements=tx.statements,
        )

    async def _recheck(self, tx: Tx, p: Prepared, meeting_id: str, replacing: bool) -> Built:
        """The prepared rows, if the candidates they were resolved against are still what the graph holds once
        the entities are locked (in id order): no write transaction has committed since they were read, or they
        read the same again. Else resolved again here, against what it holds now. A backfill meeting resolved
        before a meeting naming its items was written, or a re-ingest whose removal (in this transaction) swept
        entities, takes the second way."""
        built = build_rows(p, p.resolved, meeting_id)
        locked = await lock_existing(tx, [e.id for e in built.rows.entities])
        read = p.resolved.candidates
        if not replacing and read.version is not None and await graph_version(tx.run) == read.version:
            return built
        fresh = await read_candidates(tx.run, p.meeting, p.extraction, p.surface_vectors)
        if fresh.same_as(read):
            return built
        embed = EmbedCache(self.embedder.encode, p.embedded)
        resolved = await anyio.to_thread.run_sync(resolve_meeting, p.meeting, p.extraction, fresh, embed)
        built = build_rows(p, resolved, meeting_id)
        unlocked = {e.id for e in built.rows.entities} - locked
        if unlocked:
            locked |= await lock_existing(tx, unlocked)
        if not built.known_ids <= locked:
            raise WriteConflict("an item this meeting names was merged or deleted meanwhile; retry shortly")
        return built

    async def _plan(self, tx: Tx, p: Prepared, meeting_id: str, built: Built) -> ChainPlan:
        key, provenance = sort_key(p.meeting, meeting_id), built.provenance
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
            for eid, delta in built.deltas.items()
        }
        plan, _ = await replay_chains(tx, list(built.deltas), key, inserted)
        return plan


def _unchanged(found: list[dict], digest: str) -> IngestResult | None:
    if found and found[0]["content_hash"] == digest:
        return IngestResult(meeting_id=found[0]["id"], external_id=found[0]["external_id"], status="unchanged")
    return None


def _extractor_label(extractor: Extractor, extraction: Extraction) -> str:
    """What produced the extraction; the LLM extractor labels its own, as it may have fallen back to rules."""
    return getattr(extraction, "extractor", None) or type(extractor).__name__
