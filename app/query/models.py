"""The answer to a natural-language question."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

from app.validation import RequestModel


class Source(BaseModel):
    meeting_id: str | None = None
    external_id: str | None = None
    memory_id: str | None = None
    quote: str | None = None


class CypherUsed(BaseModel):
    """The statement behind the answer, ready to paste into Neo4j Browser with its parameters."""

    statement: str
    parameters: dict[str, Any]


class QueryRequest(RequestModel):
    question: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class QueryAnswer(BaseModel):
    intent: str
    answer: str
    data: dict[str, Any] = Field(default_factory=dict)
    sources: list[Source] = Field(default_factory=list)
    cypher: CypherUsed | None = None
