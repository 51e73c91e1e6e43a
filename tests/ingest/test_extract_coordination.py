"""Coordinated subjects ("A and B are done", "A, B and C are at 50%"): each item in a list that is
the clause's subject gets what the clause says, while a list that is not the subject ("Apart from A,
B is done") or a second clause ("A is done and B is at 50%") does not spread."""

from __future__ import annotations

import pytest

from app.ingest.models import Extraction, Status
from tests.ingest.test_extract import extract, one_state, states

SUBJECTS = ["ledger rewrite", "search revamp"]


def links(x: Extraction) -> list[tuple[str, str]]:
    return [(d.dependent.lower(), d.dependency.lower()) for d in x.dependencies]


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The ledger rewrite and the search revamp are finished.", Status.DONE),
        ("Both the ledger rewrite and the search revamp have shipped.", Status.DONE),
        ("Good news: the ledger rewrite and the search revamp are on track.", Status.IN_PROGRESS),
        ("I think the ledger rewrite and search revamp are at risk.", Status.AT_RISK),
        ("Yuki says the ledger rewrite and the search revamp are on hold.", Status.BLOCKED),
    ],
)
def test_each_coordinated_subject_gets_the_status(line: str, status: Status) -> None:
    x = extract(line)
    assert [one_state(x, s).status for s in SUBJECTS] == [status, status]


@pytest.mark.parametrize(
    ("line", "subjects", "progress"),
    [
        ("The ledger rewrite, the search revamp and the Kafka upgrade are at 50%.", [*SUBJECTS, "Kafka upgrade"], 50),
        (
            "The ledger rewrite, the search revamp, and the Kafka upgrade are halfway there.",
            [*SUBJECTS, "Kafka upgrade"],
            50,
        ),
        ("The ledger rewrite and the search revamp are about 70 percent done.", SUBJECTS, 70),
    ],
)
def test_each_coordinated_subject_gets_the_progress(line: str, subjects: list[str], progress: int) -> None:
    x = extract(line)
    assert [one_state(x, s).progress for s in subjects] == [progress] * len(subjects)
    assert all(one_state(x, s).status is None for s in subjects)


@pytest.mark.parametrize(
    "line",
    [
        "The ledger rewrite and the search revamp are blocked by the vendor audit.",
        "The ledger rewrite and the search revamp are held up by the vendor audit.",
        "The ledger rewrite and the search revamp are stuck waiting on the vendor audit.",
    ],
)
def test_each_coordinated_subject_is_blocked(line: str) -> None:
    x = extract(line)
    for subject in SUBJECTS:
        state = one_state(x, subject)
        assert state.status == Status.BLOCKED and [b.lower() for b in state.blockers or []] == ["vendor audit"]
    assert links(x) == [(s, "vendor audit") for s in SUBJECTS]
    assert states(x, "vendor audit") == []


@pytest.mark.parametrize(
    "line",
    [
        "The ledger rewrite and the search revamp depend on the vendor audit.",
        "The ledger rewrite and the search revamp both need the vendor audit first.",
        "The ledger rewrite and the search revamp rely on the vendor audit.",
        "The ledger rewrite and the search revamp are waiting on the vendor audit.",
    ],
)
def test_each_coordinated_subject_depends(line: str) -> None:
    x = extract(line)
    assert links(x) == [(s, "vendor audit") for s in SUBJECTS]
    assert x.states == []


def test_each_coordinated_subject_gets_the_owner() -> None:
    x = extract("The ledger rewrite and the search revamp are assigned to Femi.")
    assert [one_state(x, s).owner for s in SUBJECTS] == ["Femi", "Femi"]


def test_each_coordinated_subject_is_unblocked() -> None:
    x = extract("The ledger rewrite and the search revamp are no longer blocked.")
    assert [one_state(x, s).blockers for s in SUBJECTS] == [[], []]


@pytest.mark.parametrize(
    "line",
    [
        "Apart from the ledger rewrite, the search revamp is done.",
        "Besides the ledger rewrite and the Kafka upgrade, the search revamp is done.",
        "We talked about the ledger rewrite and the search revamp is done.",
        "Yuki and the search revamp are done.",
    ],
)
def test_a_list_that_is_not_the_subject_does_not_spread(line: str) -> None:
    x = extract(line)
    assert [(s.entity.lower(), s.status) for s in x.states] == [("search revamp", Status.DONE)]


def test_coordinated_clauses_keep_their_own_states() -> None:
    x = extract("The ledger rewrite is done and the search revamp is at 50%.")
    assert (one_state(x, "ledger rewrite").status, one_state(x, "ledger rewrite").progress) == (Status.DONE, None)
    assert (one_state(x, "search revamp").status, one_state(x, "search revamp").progress) == (None, 50)


@pytest.mark.parametrize(
    "line",
    [
        "Are the ledger rewrite and the search revamp done?",
        "If the ledger rewrite and the search revamp are done, we can ship the export flow.",
        "The ledger rewrite and the search revamp might be blocked by the vendor audit.",
        "The ledger rewrite and the search revamp aren't done yet.",
        "Last week the ledger rewrite and the search revamp were at 30%.",
        "Last week the ledger rewrite and the search revamp were blocked by the vendor audit.",
        "Do the ledger rewrite and the search revamp depend on the vendor audit?",
        "The ledger rewrite and the search revamp could depend on the vendor audit.",
        "The ledger rewrite and the search revamp don't depend on the vendor audit.",
        "The ledger rewrite and the search revamp used to depend on the vendor audit.",
    ],
)
def test_coordinated_subjects_of_what_is_not_asserted_get_nothing(line: str) -> None:
    x = extract(line)
    assert x.states == [] and x.dependencies == []
