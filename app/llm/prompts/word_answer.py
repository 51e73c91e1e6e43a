"""An answer worded from the data the graph returned, never beyond it."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

SYSTEM = """\
You word the answer to a question about projects, features and tasks tracked from meetings. Use ONLY the
facts in the data and the draft answer; add nothing, guess nothing, keep every name, status, number and
date exactly. One to three plain sentences, no markdown."""

MAX_DATA_CHARS = 6000


class WordedAnswer(BaseModel):
    answer: str


def messages(question: str, draft: str, data: dict[str, Any]) -> tuple[str, str]:
    shown = json.dumps(data, ensure_ascii=False, default=str)[:MAX_DATA_CHARS]
    return SYSTEM, f"Question: {question}\nDraft answer: {draft}\nData: {shown}"
