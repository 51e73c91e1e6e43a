"""A prepared meeting and the rows its write transaction stores, built by a pure function of the two."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel

from app.ingest.actions import OwnedClaim, action_rows
from app.ingest.diff import Delta, merge_assertions
from app.ingest.models import Chunk, EntityType, Extraction, MeetingInput
from app.ingest.names import entity_id, meeting_sort_key, normalize_name, search_keys
from app.ingest.resolution import Resolved, mentions
from app.ingest.resolve import initials, resolve_person
from app.ingest.write import EntityRow, MeetingRow, MeetingWrite, MemoryRow


class Extracted(BaseModel):
    """The work done before resolution: chunks, extraction and embeddings."""

    meeting: MeetingInput
    content_hash: str
    extractor: str  # what produced the extraction
    chunks: list[Chunk]
    extraction: Extraction
    chunk_vectors: list[list[float]]
    surface_vectors: dict[str, list[float]]


class Prepared(Extracted):
    """The work done before the transaction: an extracted meeting, resolved."""

    embedded: dict[str, list[float]]  # every text resolution embedded, to resolve again cheaply
    resolved: Resolved


class Built(BaseModel):
    """What a meeting writes, but for the closures and state chains, which read the graph in the transaction."""

    rows: MeetingWrite
    deltas: dict[str, Delta]
    provenance: dict[str, tuple[str, str | None]]  # entity id -> (quote, memory id) of its last assertion
    claims: list[OwnedClaim]
    known_ids: set[str]  # entities the resolution took from the graph, which must still be there


def sort_key(meeting: MeetingInput, meeting_id: str) -> str:
    return meeting_sort_key(meeting.date, meeting.external_id, meeting_id)


def build_rows(p: Prepared, resolved: Resolved, meeting_id: str) -> Built:
    meeting, extraction, resolution = p.meeting, p.extraction, resolved.resolution
    known_people = resolved.candidates.known_people
    key = sort_key(meeting, meeting_id)

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

    entity_rows = [
        EntityRow(
            id=e.id, name=e.name, type=e.type.value, label=e.type.value.capitalize(), aliases=e.aliases,
            name_key=normalize_name(e.name), search_keys=search_keys(e.name, e.aliases), initials=initials(e.name),
            name_embedding=resolved.name_vectors[e.name],
        )
        for e in resolution.entities
    ]
    known_person_ids = {entity_id(n, person=True): n for n in known_people}
    introduced = {person(speaker): names for speaker, names in extraction.introduced.items()}
    for full, pid in people.items():
        aliases = introduced.get(pid, [])
        entity_rows.append(
            EntityRow(
                id=pid, name=known_person_ids.get(pid, full), type=EntityType.PERSON.value, label="Person",
                aliases=aliases, name_key=normalize_name(full), search_keys=search_keys(full, aliases),
            )
        )

    mention_counts: dict[tuple[str, str], list[str]] = defaultdict(list)
    all_mentions = mentions(extraction)
    for mention in all_mentions:
        mid = memory_of(mention.turn)
        if mid:
            mention_counts[(item(mention.surface), mid)].append(mention.surface)
    speakers_by_person: dict[str, int] = defaultdict(int)
    for turn in meeting.turns:
        speakers_by_person[person(turn.speaker)] += 1

    rows = MeetingWrite(
        meeting=MeetingRow(
            id=meeting_id, external_id=meeting.external_id, title=meeting.title, date=meeting.date.isoformat(),
            sort_key=key, content_hash=p.content_hash, participants=meeting.participants,
            turn_count=meeting.turns[-1].index + 1 if meeting.turns else 0,  # positions as submitted
            extractor=p.extractor,
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
        action_items=action_rows(extraction.action_items, owners, meeting_id, key, memory_of,
                                 [(m.surface, m.turn, item(m.surface)) for m in all_mentions]),
        decisions=[
            {"id": f"{meeting_id}-d{i}", "entity_id": item(d.entity) if d.entity else None,
             "summary": d.summary, "quote": d.quote, "memory_id": memory_of(d.turn)}
            for i, d in enumerate(extraction.decisions)
        ],
    )
    claims = [OwnedClaim(owner_id=person(c.owner), claim=c, memory_id=memory_of(c.turn))
              for c in extraction.done_claims]
    known_ids = {e.id for e in resolution.entities if not e.is_new} | (set(known_person_ids) & set(people.values()))
    return Built(rows=rows, deltas=deltas, provenance=provenance, claims=claims, known_ids=known_ids)
