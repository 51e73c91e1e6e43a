"""Find the date or meeting a question refers to, and pick the stored meeting the user means."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal

import dateparser
from pydantic import BaseModel

RelativeRef = Literal[
    "last_meeting", "previous_meeting", "first_meeting", "last_week", "this_week", "yesterday", "today"
]


class DateRef(BaseModel):
    on: date | None = None
    relative: RelativeRef | None = None
    meeting_ref: str | None = None  # an external id ("m03"), "#3" for the third meeting, or a title fragment
    has_year: bool = True  # False when the user named a day and month only; `on` then carries a guessed year


class MeetingRef(BaseModel):
    id: str
    external_id: str | None = None
    title: str
    date: date


class DateMatch(BaseModel):
    """A date reference and where it sits in the text it was found in."""

    ref: DateRef
    start: int
    end: int


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MEETING = r"(?:meeting|sync|call|standup|stand-up|session|review|retro|catch-up|check-in|one)"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}

# (pattern, kind) in priority order; the span of group "d", when present, is the date expression.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})\b"), "iso"),
    (re.compile(rf"\b(?P<d>\d{{1,2}}(?:st|nd|rd|th)?(?: of)? {_MONTH}\.?(?:,? (?P<y>\d{{4}}))?)\b", re.I), "named"),
    (re.compile(rf"\b(?P<d>{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? (?P<y>\d{{4}})\b)?)", re.I), "named"),
    (re.compile(r"\b(?P<d>\d{1,2}/\d{1,2}(?:/(?P<y>\d{2,4}))?)\b"), "numeric"),
    (re.compile(r"\b(?P<d>m\d{1,3})\b", re.I), "external_id"),
    (re.compile(rf"\b(?P<d>(?:the )?(?:{_MEETING} before (?:the )?(?:last|latest)(?: {_MEETING})?"
                rf"|(?:previous|prior|penultimate|second[- ]to[- ]last) {_MEETING}))\b", re.I), "previous_meeting"),
    (re.compile(rf"\b(?P<d>(?:the )?(?:first|kick-?off|opening|initial) {_MEETING}|the kick-?off)\b", re.I),
     "first_meeting"),
    (re.compile(rf"\b(?P<d>(?:the )?(?:last|past|previous) (?:7|seven) days|(?:a|one) week ago"
                rf"|last week(?:'s|s)?(?: {_MEETING})?|(?:the|this) past week|the last week)\b", re.I), "last_week"),
    (re.compile(rf"\b(?P<d>this week(?:'s)?(?: {_MEETING})?)\b", re.I), "this_week"),
    (re.compile(rf"\b(?P<d>yesterday(?:'s)?(?: {_MEETING})?)\b", re.I), "yesterday"),
    (re.compile(rf"\b(?P<d>today(?:'s)?(?: {_MEETING})?)\b", re.I), "today"),
    (re.compile(rf"\b(?P<d>(?:the )?(?:last|latest|most recent|recent|final|newest|current)"
                rf"(?: (?:weekly|team|status))? {_MEETING}|last time|we last (?:met|spoke|talked))\b", re.I),
     "last_meeting"),
    (re.compile(rf"(?<!\w)(?P<d>(?:weekly |daily |team )?(?:{_MEETING}) ?(?:number |no\.? |#)?\d{{1,3}}"
                r"|#\d{1,3})\b", re.I), "titled"),
    (re.compile(rf"\b(?P<d>(?:the )?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)}) {_MEETING})\b", re.I),
     "ordinal"),
    (re.compile(r"\b(?P<d>(?:\d+|a|an|one|two|three|four|five|six) (?:days?|weeks?|months?) ago"
                r"|(?:last |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?)\b", re.I),
     "dateparser"),
    (re.compile(r"\b(?:since|before|as of|in|during|until|after|by|at|from|on)"
                r" (?:early |the start of |the beginning of )?"
                rf"(?P<d>(?!may\b){_MONTH}(?: (?P<y>\d{{4}}))?)\b(?! \d)", re.I), "month"),
]
_LEADING_THE = re.compile(r"^the ", re.I)
_TRAILING_NUMBER = re.compile(r"(?<!\d)(\d+)\s*$")

_LIVE_DAYS = 14

_DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def parse_date_ref(text: str, today: date | None = None) -> DateRef | None:
    match = find_date_ref(text, today)
    return match.ref if match else None


def find_date_ref(text: str, today: date | None = None) -> DateMatch | None:
    """The highest-priority date reference in `text` (earliest one on ties)."""
    today = today or date.today()
    text = text.replace("\u2019", "'")
    for pattern, kind in _PATTERNS:
        for found in pattern.finditer(text):
            start, end = found.span("d") if "d" in pattern.groupindex else found.span()
            ref = _to_ref(kind, found, today)
            if ref is not None:
                return DateMatch(ref=ref, start=start, end=end)
    return None


def _to_ref(kind: str, found: re.Match[str], today: date) -> DateRef | None:
    if kind == "iso":
        try:
            return DateRef(on=date(int(found["y"]), int(found["m"]), int(found["day"])))
        except ValueError:
            return None
    if kind in ("named", "numeric", "month", "dateparser"):
        text = found["d"] if kind != "month" else f"1 {found['d']}"
        settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": datetime.combine(today, datetime.min.time())}
        if kind == "numeric":
            settings["DATE_ORDER"] = "MDY"
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
        if parsed is None:
            return None
        has_year = kind == "dateparser" or bool(found.groupdict().get("y"))
        return DateRef(on=parsed.date() if has_year else _latest_past(parsed.month, parsed.day, today),
                       has_year=has_year)
    if kind == "external_id":
        return DateRef(meeting_ref=found["d"].lower())
    if kind == "titled":
        return DateRef(meeting_ref=_LEADING_THE.sub("", found["d"]))
    if kind == "ordinal":
        word = found["n"].lower()
        number = _ORDINALS.get(word) or int(word[:-2])  # "3rd"
        return DateRef(relative="first_meeting") if number == 1 else DateRef(meeting_ref=f"#{number}")
    return DateRef.model_validate({"relative": kind})  # the remaining kinds are the relative words


def _latest_past(month: int, day: int, anchor: date) -> date:
    """The most recent `month`/`day` on or before `anchor` (Feb 29 falls back to the last leap year)."""
    for year in range(anchor.year, anchor.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate
    return date(anchor.year - 1, month, min(day, 28))


class MeetingBounds(BaseModel):
    """What resolving a relative reference needs to know about the stored meetings."""

    latest: date | None  # the newest stored meeting
    latest_past: date | None  # the newest one on or before today


class Newest(BaseModel):
    """The newest meeting on or before `on_or_before` (any date when None) and not before `not_before`,
    after skipping `skip` newer ones."""

    on_or_before: date | None = None
    not_before: date | None = None
    skip: int = 0


class Nth(BaseModel):
    """The `number`-th meeting in date order, counting from 1."""

    number: int


class ByReference(BaseModel):
    """An id, external id, title fragment or meeting number ("weekly sync 4")."""

    reference: str


MeetingLookup = Newest | Nth | ByReference


def needs_bounds(ref: DateRef) -> bool:
    """Whether resolving `ref` depends on which meetings are stored: not for a meeting reference or a full date."""
    return not (ref.meeting_ref or (ref.on and ref.has_year))


def plan_lookup(ref: DateRef, bounds: MeetingBounds | None, today: date) -> MeetingLookup | None:
    """Which stored meeting `ref` means, as one ordered lookup; None when no meeting can fit. `bounds` may be
    None when `needs_bounds(ref)` is False."""
    if ref.meeting_ref:
        wanted = ref.meeting_ref.strip().lower()
        if wanted.startswith("#"):
            number = _trailing_number(wanted)
            return Nth(number=number) if number else None
        return ByReference(reference=ref.meeting_ref.strip())
    if ref.on and ref.has_year:
        return Newest(on_or_before=ref.on)
    if bounds is None or bounds.latest is None:
        return None
    if ref.on:
        return Newest(on_or_before=_latest_past(ref.on.month, ref.on.day, bounds.latest))
    # "past" meetings are those up to today; when every stored meeting lies ahead, all of them
    past_end = today if bounds.latest_past else None
    match ref.relative:
        case "last_meeting":
            return Newest(on_or_before=past_end)
        case "previous_meeting":
            return Newest(on_or_before=past_end, skip=1)
        case "first_meeting":
            return Nth(number=1)
        case "today":
            return Newest(on_or_before=today)
        case "yesterday":
            return Newest(on_or_before=today - timedelta(days=1))
        case "this_week" | "last_week":
            return _by_week(ref.relative, bounds.latest_past or bounds.latest, today)
    return None


def _by_week(relative: str, latest_past: date, today: date) -> Newest:
    """Weeks are calendar weeks around "now". When the stored meetings stopped more than two weeks ago
    (an archive, a replayed series), "now" is the latest meeting, as if the user had just left it.
    "Last week" without a meeting falls back to the meeting before it."""
    anchor = today if (today - latest_past).days <= _LIVE_DAYS else latest_past
    week_start = anchor - timedelta(days=anchor.weekday())
    if relative == "this_week":
        return Newest(on_or_before=anchor, not_before=week_start)
    return Newest(on_or_before=week_start - timedelta(days=1))


def by_reference(reference: str, meetings: list[MeetingRef]) -> MeetingRef | None:
    """The meeting an external id, title fragment or meeting number ("sync 4") names, among all `meetings`."""
    ordered = sorted(meetings, key=lambda m: m.date)
    wanted = reference.strip().lower()
    for meeting in ordered:
        if meeting.external_id and meeting.external_id.lower() == wanted:
            return meeting
    number = _trailing_number(wanted)
    nth = ordered[number - 1] if number and 0 < number <= len(ordered) else None
    titled = [m for m in ordered if wanted in m.title.lower()]
    if titled:
        return titled[-1]
    if number is None:
        return None
    numbered = [m for m in ordered if _trailing_number(m.title) == number]  # "meeting 3" for "Weekly sync 3"
    return numbered[-1] if numbered else nth


def _trailing_number(text: str) -> int | None:
    found = _TRAILING_NUMBER.search(text)
    return int(found.group(1)) if found else None
