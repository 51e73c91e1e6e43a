"""Links the extractor reads from sentence structure: causes of a blockage ("because of", "due to"),
the order of temporal clauses ("before", "until", "once") and coordinated items ("A and B")."""

from __future__ import annotations

import pytest

from app.ingest.models import Extraction, Status
from tests.ingest.test_extract import extract, one_state, states


def links(x: Extraction) -> list[tuple[str, str]]:
    return [(d.dependent.lower(), d.dependency.lower()) for d in x.dependencies]


def blockers(x: Extraction, item: str) -> list[str]:
    return [b.lower() for b in one_state(x, item).blockers or []]


# --- a blocked clause names its cause ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The export flow can't proceed because of the tax engine.",
        "The export flow cannot move forward due to the tax engine.",
        "The export flow is stuck because of the tax engine.",
        "Because of the tax engine, the export flow is on hold.",
        "Due to the tax engine the export flow has stalled.",
        "The export flow is paused owing to the tax engine.",
        "We can't make progress on the export flow due to the tax engine.",
        "Honestly the export flow is on ice on account of the tax engine.",
    ],
)
def test_the_cause_of_a_blockage_is_its_blocker(line: str) -> None:
    x = extract(line)
    assert one_state(x, "export flow").status == Status.BLOCKED
    assert blockers(x, "export flow") == ["tax engine"]
    assert links(x) == [("export flow", "tax engine")]
    assert states(x, "tax engine") == []


@pytest.mark.parametrize(
    "line",
    [
        "If the tax engine slipped, the export flow couldn't proceed.",
        "If the tax engine slips, the export flow can't proceed because of it.",
        "Should the tax engine slip, the export flow could end up stuck because of it.",
        "Is the export flow stuck because of the tax engine?",
        "Last week the export flow couldn't proceed because of the tax engine.",
        "The export flow might be on hold due to the tax engine.",
    ],
)
def test_a_cause_that_is_not_asserted_links_nothing(line: str) -> None:
    x = extract(line)
    assert states(x, "export flow") == [] and x.dependencies == []


def test_no_longer_blocked_because_of_something_clears_the_blockers() -> None:
    x = extract("The export flow is no longer stuck because of the tax engine.")
    assert one_state(x, "export flow").blockers == [] and x.dependencies == []


def test_a_denied_cause_is_no_blocker() -> None:
    x = extract("The export flow is blocked, but not because of the tax engine.")
    assert one_state(x, "export flow").status == Status.BLOCKED
    assert blockers(x, "export flow") == [] and x.dependencies == []


def test_a_cause_of_risk_is_no_blocker() -> None:
    x = extract("The export flow is at risk because of the tax engine.")
    assert one_state(x, "export flow").status == Status.AT_RISK
    assert blockers(x, "export flow") == [] and x.dependencies == []


# --- what has to come first ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "We need the partner API before the mobile checkout can begin.",
        "We really need the partner API before we can start on the mobile checkout.",
        "We have to finish the partner API before the mobile checkout can kick off.",
        "The partner API has to land before the mobile checkout can start.",
        "The mobile checkout can't start until the partner API is done.",
        "The mobile checkout can't begin before the partner API ships.",
        "We won't start the mobile checkout before the partner API.",
        "Once the partner API is live, we can pick up the mobile checkout.",
        "The mobile checkout needs the partner API before it can begin.",
    ],
)
def test_what_must_come_first_is_the_dependency(line: str) -> None:
    x = extract(line)
    assert links(x) == [("mobile checkout", "partner api")]
    assert x.states == []  # an order of work says nothing about either item's state


def test_a_requirement_before_a_third_item_links_the_required_one() -> None:
    x = extract("The mobile checkout needs the partner API before the search revamp can start.")
    assert set(links(x)) == {("mobile checkout", "partner api"), ("search revamp", "partner api")}


@pytest.mark.parametrize(
    "line",
    [
        "We need the partner API before Friday.",
        "We don't need the partner API before the mobile checkout can begin.",
        "We might need the partner API before the mobile checkout can begin.",
        "Do we need the partner API before the mobile checkout can begin?",
        "If we need the partner API before the mobile checkout can begin, we should say so.",
        "The partner API shipped before the mobile checkout started.",
        "We demoed the partner API before the mobile checkout review.",
    ],
)
def test_an_order_that_is_not_a_requirement_links_nothing(line: str) -> None:
    assert extract(line).dependencies == []


# --- coordinated items --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The tax engine and the vendor audit are holding up the export flow.",
        "The tax engine and the vendor audit are blocking the export flow.",
        "The export flow is blocked by the tax engine and the vendor audit, so it's at risk.",
        "The export flow is blocked by the tax engine and also the vendor audit.",
        "The export flow is blocked by the tax engine plus the vendor audit.",
        "The export flow can't proceed because of the tax engine and the vendor audit.",
        "We're stuck on the export flow until the tax engine and the vendor audit land.",
    ],
)
def test_every_coordinated_blocker_counts(line: str) -> None:
    x = extract(line)
    assert one_state(x, "export flow").status == Status.BLOCKED
    assert blockers(x, "export flow") == ["tax engine", "vendor audit"]
    assert links(x) == [("export flow", "tax engine"), ("export flow", "vendor audit")]


@pytest.mark.parametrize(
    "line",
    [
        "The tax engine and the vendor audit block the export flow.",
        "The tax engine and the vendor audit are prerequisites for the export flow.",
        "The tax engine and the vendor audit have to land before the export flow can start.",
        "The export flow can't start until the tax engine and the vendor audit are done.",
        "Once the tax engine and the vendor audit ship, we can start the export flow.",
        "We need the tax engine and the vendor audit before the export flow can begin.",
        "The export flow is waiting on the tax engine and the vendor audit.",
    ],
)
def test_every_coordinated_dependency_counts(line: str) -> None:
    x = extract(line)
    assert links(x) == [("export flow", "tax engine"), ("export flow", "vendor audit")]
    assert states(x, "tax engine") == [] and states(x, "vendor audit") == []


def test_a_list_of_three_before_the_cue() -> None:
    x = extract("The tax engine, the vendor audit and the Kafka upgrade are blocking the export flow.")
    assert blockers(x, "export flow") == ["tax engine", "vendor audit", "kafka upgrade"]


def test_coordinated_dependents_each_wait() -> None:
    x = extract("The export flow and the search revamp can't start until the tax engine is done.")
    assert links(x) == [("export flow", "tax engine"), ("search revamp", "tax engine")]


@pytest.mark.parametrize(
    ("line", "blocker"),
    [
        ("Apart from the tax engine, the vendor audit is holding up the export flow.", "vendor audit"),
        ("The tax engine is done and the vendor audit is holding up the export flow.", "vendor audit"),
        ("Yuki and the vendor audit are holding up the export flow.", "vendor audit"),
    ],
)
def test_only_what_is_coordinated_with_the_blocker_counts(line: str, blocker: str) -> None:
    x = extract(line)
    assert blockers(x, "export flow") == [blocker]
    assert links(x) == [("export flow", blocker)]


@pytest.mark.parametrize(
    "line",
    [
        "The tax engine and the vendor audit don't block the export flow.",
        "If the tax engine and the vendor audit slip, they could block the export flow.",
        "Are the tax engine and the vendor audit blocking the export flow?",
    ],
)
def test_coordinated_blockers_that_are_not_asserted_link_nothing(line: str) -> None:
    assert extract(line).dependencies == []


def test_no_longer_blocked_by_coordinated_items() -> None:
    x = extract("The export flow is no longer blocked by the tax engine and the vendor audit.")
    assert one_state(x, "export flow").blockers == [] and x.dependencies == []
