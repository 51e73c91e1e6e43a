"""link_entity and link_person: names as people type them, typos, and honest ambiguity."""

from __future__ import annotations

import pytest

from app.query.linking import LinkCandidate, link_entity, link_person, normalize, people_named, worded_as

CANDIDATES = [
    LinkCandidate(id="atlas", name="Project Atlas", type="project", aliases=["Atlas", "the Atlas project"]),
    LinkCandidate(id="borealis", name="Project Borealis", type="project", aliases=["Borealis"]),
    LinkCandidate(id="payments", name="Payment Service", type="feature", aliases=["the payment service"]),
    LinkCandidate(id="search", name="Search API", type="feature", aliases=["search endpoint"]),
    LinkCandidate(id="gateway", name="API Gateway", type="feature", aliases=["the gateway"]),
    LinkCandidate(id="sso", name="SSO Integration", type="feature", aliases=["single sign-on"]),
    LinkCandidate(id="gdpr", name="GDPR Audit", type="task", aliases=["the privacy audit"]),
    LinkCandidate(id="load", name="Load Testing", type="task", aliases=["the load tests"]),
    LinkCandidate(id="onboarding", name="Onboarding Flow", type="feature", aliases=["new onboarding"]),
    LinkCandidate(id="fraud", name="Fraud Detection Model", type="project", aliases=["the fraud model"]),
    LinkCandidate(id="analytics", name="Analytics Dashboard", type="feature", aliases=[]),
    LinkCandidate(id="sales", name="Sales Dashboard", type="feature", aliases=[]),
]
PEOPLE = ["Alice Chen", "Bob Martinez", "Omar Haddad", "Priya Nair", "Alicia Keys"]


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Project Atlas", "atlas"),
        ("the Atlas project", "atlas"),
        ("ATLAS", "atlas"),
        ("atlas", "atlas"),
        ("Atlas's", "atlas"),
        ("atlas project", "atlas"),
        ("atlsa", "atlas"),
        ("borealis", "borealis"),
        ("payments", "payments"),
        ("the payment service", "payments"),
        ("paymnt service", "payments"),
        ("the search API", "search"),
        ("search endpoint", "search"),
        ("gateway", "gateway"),
        ("SSO", "sso"),
        ("single sign on", "sso"),
        ("the sso integration", "sso"),
        ("privacy audit", "gdpr"),
        ("gdpr", "gdpr"),
        ("load tests", "load"),
        ("the load-testing", "load"),
        ("onbording flow", "onboarding"),
        ("new onboarding", "onboarding"),
        ("fraud detection", "fraud"),
        ("FDM", "fraud"),
        ("analytics", "analytics"),
        ("the sales dashboards", "sales"),
        ("atlas rollout", "atlas"),
    ],
)
def test_links_the_named_item(span: str, expected: str) -> None:
    result = link_entity(span, CANDIDATES)
    assert result.match is not None and result.match.id == expected
    assert result.ambiguous == []


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("dashboard", {"analytics", "sales"}),
        ("the dashboard", {"analytics", "sales"}),
        ("the API", {"search", "gateway"}),
        ("the project", {"atlas", "borealis", "fraud"}),
        ("projects", {"atlas", "borealis", "fraud"}),
    ],
)
def test_equally_good_candidates_are_ambiguous(span: str, expected: set[str]) -> None:
    result = link_entity(span, CANDIDATES)
    assert result.match is None
    assert {c.id for c in result.ambiguous} == expected


def test_a_generic_word_with_one_item_of_its_type_links_it() -> None:
    result = link_entity("the task", [c for c in CANDIDATES if c.id != "load"])
    assert result.match is not None and result.match.id == "gdpr"


def test_an_alias_decides_between_lookalikes() -> None:
    with_alias = [*CANDIDATES[:-2], CANDIDATES[-2].model_copy(update={"aliases": ["the dashboard"]}), CANDIDATES[-1]]
    result = link_entity("the dashboard", with_alias)
    assert result.match is not None and result.match.id == "analytics"


@pytest.mark.parametrize("span", ["latency", "the budget", "xyz", "", "the", "?!"])
def test_unrelated_phrases_link_nothing(span: str) -> None:
    result = link_entity(span, CANDIDATES)
    assert result.match is None and result.ambiguous == []


def test_exact_scores_higher_than_partial() -> None:
    assert link_entity("Project Atlas", CANDIDATES).score > link_entity("atlas rollout", CANDIDATES).score


def test_no_candidates() -> None:
    assert link_entity("atlas", []).match is None


def test_normalize() -> None:
    assert normalize("The Load-Tests' owner's") == ["load", "test", "owner"]
    assert normalize("the Atlas project") == normalize("Atlas projects")


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Omar", "Omar Haddad"),
        ("omar haddad", "Omar Haddad"),
        ("Omar's", "Omar Haddad"),
        ("Haddad", "Omar Haddad"),
        ("Omr", "Omar Haddad"),
        ("Pryia", "Priya Nair"),
        ("Alicia", "Alicia Keys"),
        ("Alice", "Alice Chen"),
        ("Bob", "Bob Martinez"),
        ("Zed", None),
        ("", None),
    ],
)
def test_link_person(span: str, expected: str | None) -> None:
    assert link_person(span, PEOPLE) == expected


def test_a_shared_first_name_is_not_guessed() -> None:
    assert link_person("Alice", ["Alice Chen", "Alice Wong"]) is None
    assert people_named("Alice", ["Alice Chen", "Bob Martinez", "Alice Wong"]) == ["Alice Chen", "Alice Wong"]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Lena: For the load tests we're going with gRPC.", "the load tests", True),
        ("Lena: For load testing we're going with Kafka.", "the load tests", False),
        ("We picked Postgres for the ledger service", "Ledger Service", True),
        ("We picked Postgres for the ledger", "Ledger Service", False),
        ("single sign-on goes with Okta", "Single Sign-On", True),
    ],
)
def test_worded_as(text: str, span: str, expected: bool) -> None:
    assert worded_as(text, span) is expected
