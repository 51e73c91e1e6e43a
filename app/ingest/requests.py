"""What clients send to ingest a meeting, validated into a MeetingInput."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, model_validator

from app.ingest.models import MeetingInput
from app.validation import RequestModel
from app.ingest.parse import parse_text, parse_turns


class TurnIn(RequestModel):
    speaker: str = Field(default="Unknown", max_length=200)
    text: str


class IngestRequest(RequestModel):
    title: str = Field(min_length=1, max_length=500)
    date: date
    transcript: str | None = Field(default=None, description='Plain text, one "Speaker: words" line per turn')
    turns: list[TurnIn] | None = Field(default=None, description="Structured turns instead of `transcript`")
    participants: list[str] = Field(default_factory=list, max_length=500)
    external_id: str | None = Field(default=None, min_length=1, max_length=200)

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
