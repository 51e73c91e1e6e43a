"""Extractors turn a parsed meeting into an Extraction; the rule-based one is the default."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from app.ingest.models import Curation, Extraction, MeetingInput


class Extractor(Protocol):
    async def extract(
        self, meeting: MeetingInput, known_names: Collection[str] = (), curation: Curation | None = None
    ) -> Extraction:
        """`known_names`: the graph's item names and aliases, recognised in speech whatever their case;
        `curation`: the names admins ignored (never items) or catalogued (items wherever said)."""
        ...
