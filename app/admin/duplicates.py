"""Likely duplicate entities, ranked, each pair with the evidence for it.

Evidence: how close the names (and aliases) are as strings, how close their name embeddings are, and where
they were mentioned. Two names for one thing tend never to be used in the same meeting (whoever says
"Ledgerbook" says it all meeting long), so "both mentioned, never together" counts for a pair and being
discussed side by side counts against it. People are only paired with people, and never two who attended
one meeting together.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process, utils

from app.admin.models import DuplicateEntity, DuplicateEvidence, DuplicatePair, MergeRequest
from app.graph.driver import Graph
from app.ingest.extract.lexicon import FEATURE_HEADS, PROJECT_HEADS, PROJECT_WORDS, TASK_HEADS
from app.ingest.models import EntityType

NAME_FLOOR = 0.6  # a pair below both floors is not even considered
EMBEDDING_FLOOR = 0.6
TOGETHER_PENALTY = 0.5
GENERIC_WORDS = FEATURE_HEADS | TASK_HEADS | PROJECT_HEADS | PROJECT_WORDS | {"the", "a", "an", "new"}


class _Entity:
    def __init__(self, row: dict) -> None:
        self.summary = DuplicateEntity(
            id=row["id"], name=row["name"], type=row["type"], aliases=row["aliases"], meetings=len(set(row["meeting_ids"]))
        )
        self.meetings = set(row["meeting_ids"])
        self.neighbours = set(row["neighbours"])
        self.vector = row["name_embedding"]
        self.person = row["type"] == EntityType.PERSON


async def find_duplicates(graph: Graph, limit: int = 50, min_score: float = 0.65) -> list[DuplicatePair]:
    entities = [_Entity(row) for row in await graph.read("admin/duplicate_candidates")]
    names = _name_similarity(entities)
    vectors = _embedding_similarity(entities)
    close = names >= NAME_FLOOR
    if vectors is not None:
        close |= vectors >= EMBEDDING_FLOOR
    pairs = []
    for i, j in np.argwhere(np.triu(close, k=1)):
        a, b = entities[i], entities[j]
        if a.person != b.person:
            continue
        embedding = None if vectors is None or a.vector is None or b.vector is None else float(vectors[i, j])
        shared = len(a.meetings & b.meetings)
        if a.person and shared:
            continue  # two people in one meeting are two people
        evidence = DuplicateEvidence(
            name_similarity=round(float(names[i, j]), 3),
            embedding_similarity=None if embedding is None else round(embedding, 3),
            shared_meetings=shared,
            never_together=bool(a.meetings and b.meetings and not shared),
            shared_neighbours=len(a.neighbours & b.neighbours),
        )
        score = _score(evidence)
        if score >= min_score:
            target, source = sorted((a, b), key=lambda e: (-len(e.meetings), e.summary.id))
            pairs.append(DuplicatePair(
                score=score, a=a.summary, b=b.summary, evidence=evidence,
                merge=MergeRequest(target=target.summary.id, sources=[source.summary.id]),
            ))
    pairs.sort(key=lambda p: (-p.score, p.a.id, p.b.id))
    return pairs[:limit]


def _score(e: DuplicateEvidence) -> float:
    similarity = e.name_similarity if e.embedding_similarity is None else (
        0.55 * e.name_similarity + 0.45 * max(e.embedding_similarity, 0.0)
    )
    score = 0.8 * similarity + (0.15 if e.never_together else 0.0) + (0.05 if e.shared_neighbours else 0.0)
    if e.shared_meetings:
        score *= TOGETHER_PENALTY
    return round(min(score, 1.0), 3)


def _name_similarity(entities: Sequence[_Entity]) -> np.ndarray:
    """How alike any name or alias of one entity is to any of the other's, 0..1: the mean of the whole
    names' WRatio and the partial ratio of their distinctive words ("Ledger" in "Ledgerbook"), so a shared
    generic head ("... Service") counts for little."""
    variants: list[str] = []
    starts: list[int] = []
    for entity in entities:
        starts.append(len(variants))
        variants.extend(dict.fromkeys([entity.summary.name, *entity.summary.aliases]))
    if not variants:
        return np.zeros((0, 0))
    cores = [_distinctive(v) for v in variants]
    whole = process.cdist(variants, variants, scorer=fuzz.WRatio, processor=utils.default_process, dtype=np.uint8)
    core = process.cdist(cores, cores, scorer=fuzz.partial_ratio, dtype=np.uint8)
    scores = (whole.astype(np.uint16) + core) / 200
    return np.maximum.reduceat(np.maximum.reduceat(scores, starts, axis=0), starts, axis=1)


def _distinctive(name: str) -> str:
    words = utils.default_process(name).split()
    kept = [w for w in words if w not in GENERIC_WORDS]
    return " ".join(kept or words)


def _embedding_similarity(entities: Sequence[_Entity]) -> np.ndarray | None:
    dims = next((len(e.vector) for e in entities if e.vector is not None), 0)
    if not dims:
        return None
    matrix = np.array([e.vector if e.vector is not None else [0.0] * dims for e in entities], dtype=float)
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    unit = matrix / norms[:, None]
    return unit @ unit.T
