"""The answer to a natural-language question."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

from app.validation import RequestModel


class Clarify(Exception):
    """The question cannot be answered as asked; the answer says what is missing."""

    def __init__(self, answer: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(answer)
        self.answer = answer
        self.data = data or {}

    @classmethod
    def which(cls, span: str, candidates: list[dict[str, Any]]) -> Clarify:
        """Several stored names fit `span`: the answer asks which one, naming each candidate."""
        names = [c["name"] for c in candidates]
        listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
        return cls(f"“{span}” could mean {listed}. Which one?", {"candidates": candidates})


class Source(BaseModel):
    meeting_id: str | None = None
    external_id: str | None = None
    memory_id: str | None = None
    quote: str | None = None
    date: str | None = None
    speaker: str | None = None


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
