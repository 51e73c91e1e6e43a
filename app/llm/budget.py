"""A per-day token budget: once today's tokens are spent, LLM calls are refused (callers fall back to rules).

Usage is kept in a small JSON file when a directory is given, so a restart does not reset the day.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path


def _today() -> date:
    return datetime.now(UTC).date()


class BudgetExhausted(Exception):
    pass


class DailyTokenBudget:
    def __init__(self, limit: int, directory: Path | None = None, today: Callable[[], date] = _today) -> None:
        self.limit = limit  # 0 means no limit
        self.path = directory / "usage.json" if directory is not None else None
        self.today = today
        self.day, self.used = self._load()

    def _load(self) -> tuple[date, int]:
        if self.path is not None and self.path.is_file():
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            return date.fromisoformat(stored["date"]), int(stored["tokens"])
        return self.today(), 0

    def _roll(self) -> None:
        if self.today() != self.day:
            self.day, self.used = self.today(), 0

    def remaining(self) -> int | None:
        self._roll()
        return None if self.limit <= 0 else max(self.limit - self.used, 0)

    def check(self, estimated_tokens: int) -> None:
        """Refuses a call that would take today's usage past the limit."""
        remaining = self.remaining()
        if remaining is not None and estimated_tokens > remaining:
            raise BudgetExhausted(f"daily token budget of {self.limit} spent ({self.used} used)")

    def spend(self, tokens: int) -> None:
        self._roll()
        self.used += tokens
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"date": self.day.isoformat(), "tokens": self.used}, handle)
            os.replace(tmp, self.path)
