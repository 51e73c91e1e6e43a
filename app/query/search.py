"""Hybrid search over memories: the native vector index and the fulltext index, fused by reciprocal rank;
and, for a question about one meeting, that meeting's own memories scored directly.

The fulltext statement runs while the text is embedded and the vector index is asked, so a search costs the
longer of the two, not their sum."""

from __future__ import annotations

import anyio
from pydantic import BaseModel, Field

from app.embedding import Embedder
from app.graph.driver import Graph
from app.graph.lucene import lucene_query
from app.query.parallel import both

RRF_K = 60
# Below this cosine, with no word in common, a passage is not about the question. Neo4j reports cosine
# similarity as (1 + cos) / 2, so the floor is compared on that scale.
MIN_COSINE = 0.25
MIN_SCORE = (1 + MIN_COSINE) / 2
# What a search across all meetings runs, in this order (a question's answer shows both).
ACROSS_MEETINGS = ("queries/search_vector", "queries/search_fulltext")
WITHIN_MEETING = "queries/search_meeting_memories"


class SearchHit(BaseModel):
    memory_id: str
    meeting_id: str
    external_id: str | None
    title: str | None = None
    date: str | None = None
    text: str
    score: float
    turn_start: int
    turn_end: int
    speakers: list[str] = Field(default_factory=list)


class Found(BaseModel):
    hits: list[SearchHit]
    relevant: bool  # some passage shares words with the question or is close in meaning


async def search_memories(
    graph: Graph, embedder: Embedder, text: str, k: int = 10, meeting_id: str | None = None
) -> list[SearchHit]:
    return (await find(graph, embedder, text, k, meeting_id)).hits


async def find(
    graph: Graph, embedder: Embedder, text: str, k: int = 10, meeting_id: str | None = None, keywords: str = ""
) -> Found:
    """`text` is embedded whole; the fulltext index is asked for `keywords` (the question's content words) when
    given, else for `text` too."""
    if meeting_id is not None:
        vector = await _embed(embedder, text)
        rows = await graph.read(WITHIN_MEETING, vector=vector, meeting_id=meeting_id, k=k)
    else:
        rows = await _across_meetings(graph, embedder, text, lucene_query(keywords or text), max(50, k * 5))
    relevant = any(r["via"] == "fulltext" or r["score"] >= MIN_SCORE for r in rows)
    return Found(hits=fuse(rows, k), relevant=relevant)


async def _embed(embedder: Embedder, text: str) -> list[float]:
    return (await anyio.to_thread.run_sync(embedder.encode, [text]))[0]


async def _across_meetings(graph: Graph, embedder: Embedder, text: str, lucene: str | None, fetch: int) -> list[dict]:
    """Vector and fulltext candidates from every meeting; the fulltext index is asked while `text` is embedded."""

    async def nearest() -> list[dict]:
        return await graph.read(ACROSS_MEETINGS[0], vector=await _embed(embedder, text), fetch=fetch)

    async def worded() -> list[dict]:
        return await graph.read(ACROSS_MEETINGS[1], lucene=lucene, fetch=fetch) if lucene else []

    by_vector, by_words = await both(nearest(), worded())
    return [*by_vector, *by_words]


def fuse(rows: list[dict], k: int) -> list[SearchHit]:
    """Reciprocal rank fusion of the vector and fulltext rankings."""
    fused: dict[str, float] = {}
    first: dict[str, dict] = {}
    for via in ("vector", "fulltext"):
        ranked = sorted((r for r in rows if r["via"] == via), key=lambda r: -r["score"])
        for rank, row in enumerate(ranked):
            fused[row["memory_id"]] = fused.get(row["memory_id"], 0.0) + 1.0 / (RRF_K + rank + 1)
            first.setdefault(row["memory_id"], row)
    best = sorted(fused, key=lambda m: -fused[m])[:k]
    return [
        SearchHit(**{key: first[m][key] for key in SearchHit.model_fields if key != "score"}, score=round(fused[m], 6))
        for m in best
    ]
