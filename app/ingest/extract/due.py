"""When an action item is due: the phrase as said ("by Friday", "before the next meeting") and the day it means,
resolved against the meeting's date. Due dates look forward, so "Friday" is the next Friday after the meeting."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import dateparser

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WHEN = (
    r"(?:the\s+)?(?:next|following)\s+(?:meeting|session|call|sync|time)|next\s+week|this\s+week|tomorrow|tonight"
    r"|today|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|week|month)|eod|eow"
    rf"|(?:next\s+|this\s+)?(?:{'|'.join(_WEEKDAYS)})|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
)
DUE = re.compile(
    rf"\b(?:(?:by|before|for|until|till|on|due)\s+(?:{_WHEN})|as\s+soon\s+as\s+possible|asap|in\s+time\s+for\s+"
    rf"(?:the\s+)?next\s+meeting|(?:tomorrow|tonight|next\s+week|later\s+today))\b",
    re.IGNORECASE,
)


def find_due(text: str) -> re.Match[str] | None:
    return DUE.search(text)


def resolve_due(phrase: str, meeting_day: date) -> date | None:
    """The day `phrase` names, or None when it names no day ("next meeting", "as soon as possible")."""
    said = " ".join(phrase.lower().split())
    said = re.sub(r"^(?:by|before|for|until|till|on|due)\s+", "", said)
    if re.search(r"meeting|session|call|sync|time|possible|asap", said):
        return None
    if said in ("today", "tonight", "later today", "eod") or said.endswith("end of the day") or said == "end of day":
        return meeting_day
    if said == "tomorrow":
        return meeting_day + timedelta(days=1)
    if said in ("eow", "this week") or re.fullmatch(r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week", said):
        return meeting_day + timedelta(days=(4 - meeting_day.weekday()) % 7)
    if said == "next week" or said.endswith("end of next week"):
        friday = meeting_day + timedelta(days=(4 - meeting_day.weekday()) % 7 + 7)
        return friday if "end" in said else friday - timedelta(days=4)
    if re.fullmatch(r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month", said):
        following = (meeting_day.replace(day=1) + timedelta(days=32)).replace(day=1)
        return following - timedelta(days=1)
    day = re.sub(r"^(?:next|this)\s+", "", said)
    if day in _WEEKDAYS:
        ahead = (_WEEKDAYS.index(day) - meeting_day.weekday()) % 7 or 7
        return meeting_day + timedelta(days=ahead + (7 if said.startswith("next ") and ahead < 3 else 0))
    base = datetime(meeting_day.year, meeting_day.month, meeting_day.day)
    parsed = dateparser.parse(said, settings={"PREFER_DATES_FROM": "future", "RELATIVE_BASE": base})
    return parsed.date() if parsed else None

