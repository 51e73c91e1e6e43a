"""parse_date_ref / find_date_ref and resolve_date_ref: what a user means by a date or a meeting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.query.dates import DateRef, MeetingRef, find_date_ref, parse_date_ref, resolve_date_ref

TODAY = date(2026, 3, 25)  # a Wednesday
FIRST = date(2026, 1, 5)
WEEKLY = [  # Mondays, 2026-01-05 .. 2026-03-23
    MeetingRef(id=f"id{n}", external_id=f"m{n:02d}", title=f"Weekly sync {n}", date=FIRST + timedelta(weeks=n - 1))
    for n in range(1, 13)
]


def on(day: str) -> MeetingRef:
    return next(m for m in WEEKLY if m.date == date.fromisoformat(day))


@pytest.mark.parametrize(
    ("text", "expected", "matched"),
    [
        ("as of 2026-02-09?", DateRef(on=date(2026, 2, 9)), "2026-02-09"),
        ("since March 2", DateRef(on=date(2026, 3, 2), has_year=False), "March 2"),
        ("on 2 March 2026", DateRef(on=date(2026, 3, 2)), "2 March 2026"),
        ("Feb 9", DateRef(on=date(2026, 2, 9), has_year=False), "Feb 9"),
        ("feb. 9th", DateRef(on=date(2026, 2, 9), has_year=False), "feb. 9th"),
        ("the 9th of February", DateRef(on=date(2026, 2, 9), has_year=False), "9th of February"),
        ("Dec 31", DateRef(on=date(2025, 12, 31), has_year=False), "Dec 31"),
        ("on 2/9", DateRef(on=date(2026, 2, 9), has_year=False), "2/9"),
        ("12/31/2025", DateRef(on=date(2025, 12, 31)), "12/31/2025"),
        ("since February", DateRef(on=date(2026, 2, 1), has_year=False), "February"),
        ("as of last week's meeting", DateRef(relative="last_week"), "last week's meeting"),
        ("changed last week?", DateRef(relative="last_week"), "last week"),
        ("in the past week", DateRef(relative="last_week"), "the past week"),
        ("in the last meeting", DateRef(relative="last_meeting"), "the last meeting"),
        ("at the latest sync", DateRef(relative="last_meeting"), "the latest sync"),
        ("since we last met", DateRef(relative="last_meeting"), "we last met"),
        ("at the previous meeting", DateRef(relative="previous_meeting"), "the previous meeting"),
        ("the meeting before last", DateRef(relative="previous_meeting"), "the meeting before last"),
        ("at the first meeting", DateRef(relative="first_meeting"), "the first meeting"),
        ("yesterday's sync", DateRef(relative="yesterday"), "yesterday's sync"),
        ("today", DateRef(relative="today"), "today"),
        ("this week", DateRef(relative="this_week"), "this week"),
        ("in the m03 meeting", DateRef(meeting_ref="m03"), "m03"),
        ("summary of M12", DateRef(meeting_ref="m12"), "M12"),
        ("weekly sync 4", DateRef(meeting_ref="weekly sync 4"), "weekly sync 4"),
        ("meeting #5", DateRef(meeting_ref="meeting #5"), "meeting #5"),
        ("the third meeting", DateRef(meeting_ref="#3"), "the third meeting"),
        ("the 4th sync", DateRef(meeting_ref="#4"), "the 4th sync"),
        ("two weeks ago", DateRef(on=date(2026, 3, 11)), "two weeks ago"),
        ("last monday", DateRef(on=date(2026, 3, 23)), "last monday"),
    ],
)
def test_finds_date_references(text: str, expected: DateRef, matched: str) -> None:
    found = find_date_ref(text, TODAY)
    assert found is not None
    assert (found.ref, text[found.start:found.end]) == (expected, matched)


@pytest.mark.parametrize("text", ["what is blocking atlas", "may I ask who owns it", "in may", "2026-02-31", ""])
def test_no_date_reference(text: str) -> None:
    assert parse_date_ref(text, TODAY) is None


@pytest.mark.parametrize(
    ("ref", "today", "expected"),
    [
        (DateRef(on=date(2026, 2, 9)), TODAY, "2026-02-09"),
        (DateRef(on=date(2026, 2, 11)), TODAY, "2026-02-09"),  # no meeting that day: the one before
        (DateRef(on=date(2027, 1, 1)), TODAY, "2026-03-23"),
        (DateRef(on=date(2026, 2, 9), has_year=False), date(2027, 1, 10), "2026-02-09"),  # the year of the meetings
        (DateRef(on=date(2025, 3, 2), has_year=False), date(2026, 11, 21), "2026-03-02"),
        (DateRef(relative="last_meeting"), TODAY, "2026-03-23"),
        (DateRef(relative="last_meeting"), date(2026, 3, 20), "2026-03-16"),  # later meetings are not "last" yet
        (DateRef(relative="previous_meeting"), TODAY, "2026-03-16"),
        (DateRef(relative="first_meeting"), TODAY, "2026-01-05"),
        (DateRef(relative="last_week"), TODAY, "2026-03-16"),  # this Monday's meeting is this week's
        (DateRef(relative="last_week"), date(2026, 3, 23), "2026-03-16"),
        (DateRef(relative="last_week"), date(2026, 3, 29), "2026-03-16"),
        (DateRef(relative="last_week"), date(2026, 3, 31), "2026-03-23"),
        (DateRef(relative="last_week"), date(2026, 4, 6), "2026-03-23"),  # no meeting last week: the one before
        (DateRef(relative="last_week"), date(2026, 11, 21), "2026-03-16"),  # stale: "now" is just after the last one
        (DateRef(relative="this_week"), TODAY, "2026-03-23"),
        (DateRef(relative="yesterday"), date(2026, 3, 24), "2026-03-23"),
        (DateRef(relative="today"), date(2026, 3, 9), "2026-03-09"),
        (DateRef(meeting_ref="m03"), TODAY, "2026-01-19"),
        (DateRef(meeting_ref="M03"), TODAY, "2026-01-19"),
        (DateRef(meeting_ref="#3"), TODAY, "2026-01-19"),
        (DateRef(meeting_ref="weekly sync 4"), TODAY, "2026-01-26"),
        (DateRef(meeting_ref="meeting 1"), TODAY, "2026-01-05"),
        (DateRef(meeting_ref="sync 11"), TODAY, "2026-03-16"),
    ],
)
def test_resolves_the_meeting_meant(ref: DateRef, today: date, expected: str) -> None:
    assert resolve_date_ref(ref, WEEKLY, today) == on(expected)


@pytest.mark.parametrize(
    "ref",
    [
        DateRef(on=date(2025, 12, 1)),
        DateRef(meeting_ref="m99"),
        DateRef(meeting_ref="#13"),
        DateRef(meeting_ref="planning"),
    ],
)
def test_nothing_fits(ref: DateRef) -> None:
    assert resolve_date_ref(ref, WEEKLY, TODAY) is None


def test_title_fragment_and_unordered_input() -> None:
    planning = MeetingRef(id="p", external_id=None, title="Q1 planning", date=date(2026, 1, 7))
    meetings = [*reversed(WEEKLY), planning]
    assert resolve_date_ref(DateRef(meeting_ref="planning"), meetings, TODAY) == planning
    assert resolve_date_ref(DateRef(relative="first_meeting"), meetings, TODAY) == on("2026-01-05")


def test_previous_meeting_needs_two() -> None:
    assert resolve_date_ref(DateRef(relative="previous_meeting"), WEEKLY[:1], TODAY) is None


def test_no_meetings() -> None:
    assert resolve_date_ref(DateRef(relative="last_meeting"), [], TODAY) is None
