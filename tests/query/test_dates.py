"""parse_date_ref / find_date_ref: the date or meeting a question refers to."""

from __future__ import annotations

from datetime import date

import pytest

from app.query.dates import DateRef, find_date_ref, parse_date_ref

TODAY = date(2026, 3, 25)  # a Wednesday

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
