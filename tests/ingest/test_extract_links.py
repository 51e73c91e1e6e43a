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


# --- a sentence-initial condition without a comma ----------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Once the partner API is live we can start the mobile checkout.",
        "As soon as the partner API ships the mobile checkout can begin.",
        "When the partner API lands we'll kick off the mobile checkout.",
        "After the partner API is in production the team can pick up the mobile checkout.",
        "So once the partner API is ready we can begin the mobile checkout.",
        "Until the partner API is done we can't start the mobile checkout.",
        "Before the mobile checkout can start we need the partner API to be done.",
        "We can start the mobile checkout as soon as the partner API ships.",
    ],
)
def test_a_condition_without_a_comma_still_orders_the_work(line: str) -> None:
    x = extract(line)
    assert links(x) == [("mobile checkout", "partner api")]
    assert x.states == []


def test_a_condition_on_coordinated_items_without_a_comma() -> None:
    x = extract("Once the tax engine and the vendor audit ship we can start the export flow and the search revamp.")
    assert links(x) == [
        ("export flow", "tax engine"),
        ("export flow", "vendor audit"),
        ("search revamp", "tax engine"),
        ("search revamp", "vendor audit"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Once we start the mobile checkout we'll see.",  # no prerequisite item
        "Once the partner API is live can we start the mobile checkout?",
        "If the partner API is live we can start the mobile checkout.",
        "Once the partner API is live we might start the mobile checkout.",
        "Once the partner API is live we still won't start the mobile checkout.",
        "The mobile checkout doesn't have to wait until the partner API is live.",
        "Last week the mobile checkout couldn't start until the partner API was done.",
        "Two weeks ago we couldn't start the mobile checkout until the partner API was live.",
    ],
)
def test_a_condition_that_orders_nothing(line: str) -> None:
    assert extract(line).dependencies == []


@pytest.mark.parametrize(
    "line",
    [
        "When the partner API shipped, the mobile checkout started.",
        "When the partner API shipped we started the mobile checkout.",
    ],
)
def test_past_narration_is_a_sequence_not_a_dependency(line: str) -> None:
    """ "When Z shipped, X started" tells what happened in which order, not that X had to wait for Z:
    no dependency. The start itself is a fact told (X is in progress); the "when" clause is read as a
    time, not as news about Z."""
    x = extract(line)
    assert x.dependencies == []
    assert one_state(x, "mobile checkout").status == Status.IN_PROGRESS
    assert states(x, "partner API") == []


def test_when_that_asks_is_still_a_question() -> None:
    assert extract("When will the partner API be done so we can start the mobile checkout?").dependencies == []


# --- waiting on something for an item ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "We're waiting on the partner API for the mobile checkout.",
        "We're still waiting for the partner API for the mobile checkout.",
        "The team is waiting on the partner API for the mobile checkout.",
        "For the mobile checkout we're waiting on the partner API.",
        "We need the partner API for the mobile checkout.",
        "The mobile checkout is still waiting on the partner API.",
    ],
)
def test_waiting_on_something_for_an_item_is_a_dependency(line: str) -> None:
    x = extract(line)
    assert links(x) == [("mobile checkout", "partner api")]
    assert x.states == []  # waiting alone is no blockage, as in "X is waiting on Z"


@pytest.mark.parametrize(
    "line",
    [
        "We're stuck waiting on the partner API for the mobile checkout.",
        "We're waiting on the partner API for the mobile checkout, so it's blocked.",
    ],
)
def test_stuck_waiting_for_an_item_blocks_it(line: str) -> None:
    x = extract(line)
    assert one_state(x, "mobile checkout").status == Status.BLOCKED
    assert blockers(x, "mobile checkout") == ["partner api"]
    assert links(x) == [("mobile checkout", "partner api")]
    assert states(x, "partner API") == []


def test_waiting_on_coordinated_items_for_an_item() -> None:
    x = extract("We're still waiting on the partner API and the vendor audit for the mobile checkout.")
    assert links(x) == [("mobile checkout", "partner api"), ("mobile checkout", "vendor audit")]


@pytest.mark.parametrize(
    "line",
    [
        "Are we waiting on the partner API for the mobile checkout?",
        "If we're waiting on the partner API for the mobile checkout, we should say so.",
        "We might be waiting on the partner API for the mobile checkout.",
        "We're not waiting on the partner API for the mobile checkout anymore.",
        "Last week we were waiting on the partner API for the mobile checkout.",
        "We used to wait on the partner API for the mobile checkout.",
        "We're waiting on the partner API for two more weeks.",  # no item it's for
        "We're waiting on legal for the mobile checkout.",  # people, not an item
    ],
)
def test_waiting_that_is_not_asserted_or_not_on_an_item_links_nothing(line: str) -> None:
    x = extract(line)
    assert x.dependencies == [] and x.states == []
