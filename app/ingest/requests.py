"""What clients send to ingest a meeting, validated into a MeetingInput."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from app.ingest.models import MeetingInput
from app.validation import IsoDate, RequestModel
from app.ingest.parse import parse_text, parse_turns


class TurnIn(RequestModel):
    speaker: str = Field(default="Unknown", max_length=200)
    text: str


# What the validator below checks, in the schema too (so clients and schema-driven tests see it): exactly one of
# `transcript` or `turns`, with some text in it. JSON Schema's \S is Python's here (hypothesis-jsonschema and
# jsonschema run patterns with `re`), the same whitespace as the validator's str.strip().
HAS_TEXT = r"\S"
ONE_TRANSCRIPT = {"oneOf": [{"required": ["transcript"], "not": {"required": ["turns"]}},
                            {"required": ["turns"], "not": {"required": ["transcript"]}}]}


def _sent_or_left_out(schema: dict[str, Any], sent: dict[str, Any]) -> None:
    """The field's schema as sent (never null: it is left out instead)."""
    for key in ("anyOf", "default"):
        schema.pop(key, None)
    schema.update(sent)


class IngestRequest(RequestModel):
    model_config = ConfigDict(json_schema_extra=ONE_TRANSCRIPT)

    title: str = Field(min_length=1, max_length=500)
    date: IsoDate
    transcript: str | None = Field(
        default=None, description='Plain text, one "Speaker: words" line per turn',
        json_schema_extra=lambda schema: _sent_or_left_out(schema, {"type": "string", "pattern": HAS_TEXT}),
    )
    turns: list[TurnIn] | None = Field(
        default=None, description="Structured turns instead of `transcript`; at least one with text",
        json_schema_extra=lambda schema: _sent_or_left_out(schema, {
            "type": "array", "items": schema["anyOf"][0]["items"],
            "contains": {"type": "object", "required": ["text"], "properties": {"text": {"pattern": HAS_TEXT}}},
        }),
    )
    participants: list[str] = Field(default_factory=list, max_length=500)
    external_id: str | None = Field(default=None, min_length=1, max_length=200)

    @field_validator("transcript", "turns", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("leave the field out rather than sending null")
        return value

    @model_validator(mode="after")
    def _one_transcript(self) -> IngestRequest:
        if (self.transcript is None) == (self.turns is None):
            raise ValueError("send exactly one of `transcript` (text) or `turns` (a list of {speaker, text})")
        if self.transcript is not None and not self.transcript.strip():
            raise ValueError("`transcript` is empty")
        if self.turns is not None and not any(t.text.strip() for t in self.turns):
            raise ValueError("`turns` holds no text")
        return self

    def size(self) -> int:
        if self.transcript is not None:
            return len(self.transcript)
        return sum(len(t.text) for t in self.turns or [])

    def to_meeting(self) -> MeetingInput:
        turns = parse_text(self.transcript) if self.transcript is not None else parse_turns(
            [t.model_dump() for t in self.turns or []]
        )
        return MeetingInput(
            title=self.title.strip(),
            date=self.date,
            participants=[p.strip() for p in self.participants if p.strip()],
            external_id=self.external_id,
            turns=turns,
        )


MAX_BATCH_MEETINGS = 1000


class BatchIngestRequest(RequestModel):
    """Many meetings at once (a backfill): each becomes its own job, and they are ingested in date order."""

    meetings: list[IngestRequest] = Field(min_length=1, max_length=MAX_BATCH_MEETINGS)
