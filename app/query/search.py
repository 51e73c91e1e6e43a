"""Hybrid search over memories: the native vector index and the fulltext index, fused by reciprocal rank."""

from __future__ import annotations

import anyio
from pydantic import BaseModel

from app.embedding import Embedder
from app.graph.driver import Graph
from app.graph.lucene import lucene_query

RRF_K = 60


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


async def search_memories(
    graph: Graph, embedder: Embedder, text: str, k: int = 10, meeting_id: str | None = None
) -> list[SearchHit]:
    vector = (await anyio.to_thread.run_sync(embedder.encode, [text]))[0]
    fetch = max(50, k * 5) if meeting_id is None else 500
    rows = await graph.read(
        "queries/search_memories",
        vector=vector,
        lucene=lucene_query(text) or "*:*",
        fetch=fetch,
        meeting_id=meeting_id,
    )
    return fuse(rows, k)


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
