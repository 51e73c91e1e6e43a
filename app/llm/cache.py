"""Responses cached by the hash of what was asked: model, structured-output method, messages and schema.

A directory cache survives restarts (one small JSON file per answer); without a directory answers are
kept in memory for the life of the process.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def prompt_key(model: str, method: str, messages: list[tuple[str, str]], schema: dict[str, Any]) -> str:
    payload = json.dumps({"model": model, "method": method, "messages": messages, "schema": schema}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


class PromptCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._memory: dict[str, str] = {}
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> str | None:
        if self.directory is None:
            return self._memory.get(key)
        path = self._path(key)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def put(self, key: str, value: str) -> None:
        if self.directory is None:
            self._memory[key] = value
            return
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(value)
        os.replace(tmp, path)  # atomic, so a concurrent reader never sees half a file
