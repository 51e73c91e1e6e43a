"""resolve_meeting / find_meeting: the stored meeting a date or meeting reference means, read from a real Neo4j."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.graph.driver import Graph, Tx
from app.ingest.write import MeetingRow
from app.query.dates import DateRef, MeetingRef
from app.query.structured import MeetingNotFound, find_meeting, resolve_meeting

TODAY = date(2026, 3, 25)  # a Wednesday
FIRST = date(2026, 1, 5)
WEEKLY = [  # Mondays, 2026-01-05 .. 2026-03-23
    MeetingRef(id=f"id{n}", external_id=f"m{n:02d}", title=f"Weekly sync {n}", date=FIRST + timedelta(weeks=n - 1))
    for n in range(1, 13)
]
PLANNING = MeetingRef(id="p", external_id=None, title="Q1 planning", date=date(2026, 1, 7))


def on(day: str) -> MeetingRef:
    return next(m for m in WEEKLY if m.date == date.fromisoformat(day))


async def store(graph: Graph, meetings: list[MeetingRef]) -> None:
    async def write(tx: Tx) -> None:
        for m in meetings:
            row = MeetingRow(
                id=m.id, external_id=m.external_id, title=m.title, date=m.date.isoformat(),
                sort_key=f"{m.date.isoformat()}|{m.external_id or m.id}", content_hash=m.id, participants=[],
                turn_count=0, extractor="rules",
            )
            await tx.run("ingest/write_meeting", meeting=row.model_dump(), memories=[])

    await graph.in_write_transaction(write)


@pytest.fixture
async def weekly(graph: Graph) -> Graph:
    await store(graph, [*reversed(WEEKLY)])
    return graph


@pytest.mark.anyio
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
        (DateRef(relative="last_meeting"), date(2025, 6, 1), "2026-03-23"),  # all ahead: the newest of them
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
async def test_resolves_the_meeting_meant(weekly: Graph, ref: DateRef, today: date, expected: str) -> None:
    assert await resolve_meeting(weekly, ref, today) == on(expected)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("ref", "today"),
    [
        (DateRef(on=date(2025, 12, 1)), TODAY),
        (DateRef(meeting_ref="m99"), TODAY),
        (DateRef(meeting_ref="#13"), TODAY),
        (DateRef(meeting_ref="planning"), TODAY),
        (DateRef(relative="this_week"), date(2026, 1, 4)),  # every meeting is still ahead
        (DateRef(relative="previous_meeting"), date(2026, 1, 5)),
    ],
)
async def test_nothing_fits(weekly: Graph, ref: DateRef, today: date) -> None:
    assert await resolve_meeting(weekly, ref, today) is None


@pytest.mark.anyio
async def test_title_fragment_among_dated_meetings(weekly: Graph) -> None:
    await store(weekly, [PLANNING])
    assert await resolve_meeting(weekly, DateRef(meeting_ref="planning"), TODAY) == PLANNING
    assert await resolve_meeting(weekly, DateRef(relative="first_meeting"), TODAY) == on("2026-01-05")
    assert await resolve_meeting(weekly, DateRef(meeting_ref="#2"), TODAY) == PLANNING


@pytest.mark.anyio
async def test_previous_meeting_needs_two(graph: Graph) -> None:
    await store(graph, WEEKLY[:1])
    assert await resolve_meeting(graph, DateRef(relative="previous_meeting"), TODAY) is None


@pytest.mark.anyio
async def test_no_meetings(graph: Graph) -> None:
    assert await resolve_meeting(graph, DateRef(relative="last_meeting"), TODAY) is None


@pytest.mark.anyio
async def test_find_meeting_by_id_external_id_or_date(weekly: Graph) -> None:
    assert await find_meeting(weekly, "id4") == on("2026-01-26")
    assert await find_meeting(weekly, "m05") == on("2026-02-02")
    assert await find_meeting(weekly, "2026-02-11") == on("2026-02-09")
    with pytest.raises(MeetingNotFound):
        await find_meeting(weekly, "2025-01-01")


@pytest.mark.anyio
async def test_an_external_id_that_looks_like_a_date_is_that_meeting(weekly: Graph) -> None:
    # A daily stand-up filed under its own date string, but held (and stored) on another day.
    standup = MeetingRef(id="s", external_id="2026-02-02", title="Stand-up", date=date(2026, 2, 4))
    await store(weekly, [standup])
    assert await find_meeting(weekly, "2026-02-02") == standup
    assert await find_meeting(weekly, "2026-02-03") == on("2026-02-02")
