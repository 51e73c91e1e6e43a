"""An answer's sources with the meeting date, title and speakers behind each quote (for people reading them)."""

from __future__ import annotations

from pydantic import Field

from app.graph.driver import Graph
from app.query.models import QueryAnswer, Source


class SourceDetail(Source):
    date: str | None = None
    title: str | None = None
    speakers: list[str] = Field(default_factory=list)


class SourcedAnswer(QueryAnswer):
    sources: list[SourceDetail] = Field(default_factory=list)  # type: ignore[assignment]


async def source_details(graph: Graph, memory_ids: list[str]) -> dict[str, SourceDetail]:
    rows = await graph.read("surfaces/source_details", memory_ids=list(dict.fromkeys(memory_ids)))
    return {r["memory_id"]: SourceDetail(**r) for r in rows}


async def with_details(graph: Graph, answer: QueryAnswer) -> SourcedAnswer:
    details = await source_details(graph, [s.memory_id for s in answer.sources if s.memory_id])
    sources = [
        SourceDetail(**{**details[s.memory_id].model_dump(), **s.model_dump(exclude_none=True)})
        if s.memory_id in details else SourceDetail(**s.model_dump())
        for s in answer.sources
    ]
    return SourcedAnswer(**{**answer.model_dump(), "sources": sources})
