"""The base of every request body: text that cannot be stored (a lone UTF-16 surrogate) is refused by field."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, field_validator

_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, list | tuple | set):
        return any(_has_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    return False


class RequestModel(BaseModel):
    """JSON allows escapes such as "\\ud800" that decode to no character; UTF-8 (and so Neo4j) cannot hold them."""

    @field_validator("*", mode="after")
    @classmethod
    def _valid_unicode(cls, value: Any) -> Any:
        if _has_surrogate(value):
            raise ValueError("holds a lone UTF-16 surrogate (\\ud800-\\udfff), which is not text")
        return value
