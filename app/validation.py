"""The base of every request body: text that cannot be stored (a lone UTF-16 surrogate) is refused by field;
and dates as the schema says them."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, field_validator

_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, list | tuple | set):
        return any(_has_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    return False


def _iso_date(value: Any) -> Any:
    """Pydantic would also take a number (Unix time) or a datetime string; the schema promises YYYY-MM-DD."""
    if isinstance(value, date):
        return value
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        raise ValueError("a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class RequestModel(BaseModel):
    """JSON allows escapes such as "\\ud800" that decode to no character; UTF-8 (and so Neo4j) cannot hold them."""

    @field_validator("*", mode="after")
    @classmethod
    def _valid_unicode(cls, value: Any) -> Any:
        if _has_surrogate(value):
            raise ValueError("holds a lone UTF-16 surrogate (\\ud800-\\udfff), which is not text")
        return value
