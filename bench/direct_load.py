"""Direct loader: a generated corpus (bench/corpus.py `series`) written straight into the graph, without the pipeline.

The rows are the ones the pipeline writes for the same meetings, in its shape: Meeting, Memory (chunked by
`chunk_turns`, with an embedding in the vector index), Entity (items typed by `guess_type`, people, ids from
app/ingest/names.py, real name embeddings), MENTIONED_IN, ATTENDED, Decision, DEPENDS_ON, and each item's State
chain replayed by `replay_chain` (TRANSITIONED_TO, CURRENT_STATE, the status kept on the entity). The ingest
statements that already take batches (upsert_entities, write_mentions, write_states, relink_state_chains,
write_dependencies) are reused as they are; cypher/bench/load_*.cypher batch the per-meeting ones.

Memories are not each embedded: a pool of `POOL_SIZE` distinct corpus texts is, once, and every memory takes
the pool vector its text hashes to plus small seeded noise (normalised), so the vector index holds as many
distinct, clustered vectors as a real graph. Action items are not generated (the corpus raises none).
"""

from __future__ import annotations

import hashlib
import os
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from corpus import Facts, to_meeting

from app.embedding import Embedder
from app.graph.driver import Graph
from app.ingest.chunk import chunk_turns
from app.ingest.diff import Delta, StateVersion, Snapshot, replay_chain
from app.ingest.extract.lexicon import guess_type
from app.ingest.models import Chunk, Status
from app.ingest.names import entity_id, meeting_sort_key, normalize_name, search_keys
from app.ingest.pipeline import content_hash
from app.ingest.resolve import initials

POOL_SIZE = 2000
NOISE = 0.04  # per dimension; a unit vector of 384 dimensions keeps a cosine of about 0.75 to its pool text
MEETING_BATCH = 500
ROW_BATCH = 5000
EXTRACTOR = "RuleBasedExtractor"


class Pool:
    """Embeddings of a few thousand distinct corpus texts, reused with seeded noise for every memory."""

    def __init__(self, embedder: Embedder, texts: Sequence[str]) -> None:
        self.vectors = np.asarray(embedder.encode(list(texts)), dtype=np.float32)

    def vector(self, memory_id: str, text: str) -> list[float]:
        base = self.vectors[zlib.crc32(text.encode()) % len(self.vectors)]
        noisy = base + np.random.default_rng(zlib.crc32(memory_id.encode())).normal(0, NOISE, base.shape)
        return (noisy / np.linalg.norm(noisy)).tolist()


def pool_texts(series: Iterable[tuple[dict, Facts]], size: int = POOL_SIZE) -> list[str]:
    texts: dict[str, None] = {}
    for payload, _ in series:
        for chunk in chunk_turns(to_meeting(payload).turns):
            texts.setdefault(chunk.text, None)
        if len(texts) >= size:
            break
    return list(texts)[:size]


def meeting_id(external_id: str) -> str:
    """Like the pipeline's uuid4 hex, but the same on every load of the corpus."""
    return hashlib.sha1(external_id.encode()).hexdigest()[:32]


class DirectLoader:
    """Builds the rows meeting by meeting, writes them a batch at a time, and the state chains at the end."""

    def __init__(self, graph: Graph, embedder: Embedder, pool: Pool) -> None:
        self.graph, self.embedder, self.pool = graph, embedder, pool
        self.known: set[str] = set()  # entity ids written so far
        self.last: dict[str, tuple[str, int, str | None, str | None]] = {}  # item id -> status, progress, owner, blocker
        self.versions: dict[str, list[StateVersion]] = defaultdict(list)
        self.dependencies: list[dict[str, Any]] = []
        self.batch: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)

    async def load(self, series: Iterable[tuple[dict, Facts]], total: int) -> None:
        start = time.perf_counter()
        done = 0
        for payload, facts in series:
            self.add_meeting(payload, facts)
            done += 1
            if done % MEETING_BATCH == 0 or done == total:
                await self.flush()
            if done % 10_000 == 0:
                elapsed = time.perf_counter() - start
                print(f"  {done:,}/{total:,} meetings in {elapsed:.0f} s ({done / elapsed:.0f}/s), "
                      f"load average {os.getloadavg()[0]:.1f}", flush=True)
        await self.flush()
        await self.write_chains()
        for i in range(0, len(self.dependencies), ROW_BATCH):
            await self.graph.write("ingest/write_dependencies", dependencies=self.dependencies[i:i + ROW_BATCH])
        self.counts["dependency rows"] = len(self.dependencies)

    def add_meeting(self, payload: dict, facts: Facts) -> None:
        meeting = to_meeting(payload)
        mid = meeting_id(payload["external_id"])
        key = meeting_sort_key(meeting.date, meeting.external_id, mid)
        chunks = chunk_turns(meeting.turns)
        memory_ids = [f"{mid}-{c.index}" for c in chunks]

        def memory_of(turn: int) -> str | None:
            return next((m for c, m in zip(chunks, memory_ids) if c.turn_start <= turn <= c.turn_end), None)

        def quote(turn: int) -> str:
            return meeting.turns[turn].text

        turns: dict[str, int] = defaultdict(int)
        for turn in meeting.turns:
            turns[turn.speaker] += 1
        for full in meeting.participants:
            self.entity(full, person=True)
            self.batch["attendees"].append({"person_id": entity_id(full, person=True), "meeting_id": mid,
                                            "spoke": turns[full.split()[0]] > 0, "turns": turns[full.split()[0]]})
        named = {*facts.states, *(n for _, a, b in facts.dependencies for n in (a, b)),
                 *(n for _, n in facts.decisions), *(s[4] for s in facts.states.values() if s[4])}
        for name in named:
            self.entity(name)
        self.mentions(chunks, memory_ids, named)
        self.batch["meetings"].append({
            "id": mid, "external_id": meeting.external_id, "title": meeting.title, "date": meeting.date.isoformat(),
            "sort_key": key, "content_hash": content_hash(meeting), "participants": meeting.participants,
            "turn_count": len(meeting.turns), "extractor": EXTRACTOR,
            "memories": [{"id": m, "index": c.index, "text": c.text, "turn_start": c.turn_start,
                          "turn_end": c.turn_end, "speakers": c.speakers, "embedding": self.pool.vector(m, c.text)}
                         for c, m in zip(chunks, memory_ids)],
        })
        for i, (turn, name) in enumerate(facts.decisions):
            self.batch["decisions"].append({"id": f"{mid}-d{i}", "meeting_id": mid, "entity_id": entity_id(name),
                                            "summary": quote(turn), "quote": quote(turn), "memory_id": memory_of(turn)})
        seen = set()
        for turn, dependent, dependency in facts.dependencies:
            if (dependent, dependency) not in seen:
                seen.add((dependent, dependency))
                self.dependencies.append({"from_id": entity_id(dependent), "to_id": entity_id(dependency),
                                          "meeting_id": mid, "memory_id": memory_of(turn), "quote": quote(turn)})
        for name, (turn, status, progress, owner, blocker) in facts.states.items():
            eid = entity_id(name)
            delta = self.delta(eid, (status, progress, owner and entity_id(owner, person=True),
                                     blocker and entity_id(blocker)))
            if delta is not None:
                self.versions[eid].append(StateVersion(
                    id=f"{eid}@{mid}", entity_id=eid, meeting_id=mid, date=meeting.date.isoformat(), sort_key=key,
                    snapshot=Snapshot(), delta=delta, quote=quote(turn), memory_id=memory_of(turn)))

    def delta(self, eid: str, now: tuple[str, int, str | None, str | None]) -> Delta | None:
        """What the meeting asserted: the fields that moved since the item's last meeting."""
        before = self.last.get(eid, ("planned", 0, None, None))
        self.last[eid] = now
        status = Status(now[0]) if now[0] != before[0] else None
        blockers = ([now[3]] if now[3] else []) if now[3] != before[3] else None
        if status not in (None, Status.BLOCKED) and blockers is None:
            blockers = []  # as merge_assertions reads a new status other than blocked
        delta = Delta(status=status, progress=now[1] if now[1] != before[1] else None,
                      owner=now[2] if now[2] != before[2] else None, blockers=blockers)
        return None if delta.is_empty() else delta

    def entity(self, name: str, person: bool = False) -> None:
        eid = entity_id(name, person=person)
        if eid in self.known:
            return
        self.known.add(eid)
        kind = "person" if person else guess_type(name)[0].value
        self.batch["entities"].append({
            "id": eid, "name": name, "type": kind, "label": kind.capitalize(), "aliases": [],
            "name_key": normalize_name(name), "search_keys": search_keys(name),
            "initials": None if person else initials(name), "name_embedding": None,
        })

    def mentions(self, chunks: list[Chunk], memory_ids: list[str], names: set[str]) -> None:
        for chunk, mid in zip(chunks, memory_ids):
            for name in names:
                if count := chunk.text.count(name):
                    self.batch["mentions"].append({"entity_id": entity_id(name), "memory_id": mid, "count": count,
                                                   "surfaces": [name]})

    async def flush(self) -> None:
        batch, self.batch = self.batch, defaultdict(list)
        items = [e for e in batch["entities"] if e["type"] != "person"]
        for row, vector in zip(items, self.embedder.encode([e["name"] for e in items]) if items else []):
            row["name_embedding"] = vector
        for statement, name in (("ingest/upsert_entities", "entities"), ("bench/load_meetings", "meetings"),
                                ("bench/load_attendance", "attendees"), ("ingest/write_mentions", "mentions"),
                                ("bench/load_decisions", "decisions")):
            rows = batch[name]
            for i in range(0, len(rows), ROW_BATCH):
                await self.graph.write(statement, **{name: rows[i:i + ROW_BATCH]})
            self.counts[name] += len(rows)
        self.counts["memories"] += sum(len(m["memories"]) for m in batch["meetings"])

    async def write_chains(self) -> None:
        """Each item's versions replayed in date order, as the pipeline's replay would leave them."""
        plans = [replay_chain(eid, None, versions, None) for eid, versions in self.versions.items()]
        states = [{"id": v.id, "entity_id": v.entity_id, "meeting_id": v.meeting_id, "props": v.to_props()}
                  for plan in plans for v in plan.upserts]
        chains = [c.model_dump() for plan in plans for c in plan.chains]
        for i in range(0, len(states), ROW_BATCH):
            await self.graph.write("ingest/write_states", states=states[i:i + ROW_BATCH])
        for i in range(0, len(chains), ROW_BATCH // 5):
            await self.graph.write("ingest/relink_state_chains", chains=chains[i:i + ROW_BATCH // 5])
        self.counts["states"], self.counts["chains"] = len(states), len(chains)
