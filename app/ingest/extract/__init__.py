"""Extractors turn a parsed meeting into an Extraction; the rule-based one is the default."""

from __future__ import annotations

from typing import Protocol

from app.ingest.models import Extraction, MeetingInput


class Extractor(Protocol):
    async def extract(self, meeting: MeetingInput) -> Extraction: ...
