"""Entity resolution: one entity per thing, however it is named, and never two things merged."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from app.ingest.models import EntityMention, EntityType
from app.ingest.names import normalize_name
from app.ingest.resolve import KnownEntity, Resolution, resolve_entities, resolve_person

Embed = Callable[[list[str]], list[list[float]]]


def mentions(*surfaces: str) -> list[EntityMention]:
    return [EntityMention(surface=s, turn=i) for i, s in enumerate(surfaces)]


def known(name: str, *aliases: str, type_: EntityType = EntityType.FEATURE, id_: str | None = None) -> KnownEntity:
    return KnownEntity(id=id_ or f"id-{normalize_name(name)}", name=name, type=type_, aliases=list(aliases))


def resolve(surfaces: list[str], candidates: Sequence[KnownEntity] = (), embed: Embed | None = None) -> Resolution:
    return resolve_entities(mentions(*surfaces), list(candidates), embed)


def groups(r: Resolution) -> list[set[str]]:
    """The surfaces each resolved entity got."""
    by_id: dict[str, set[str]] = {}
    for surface, entity_id in r.by_surface.items():
        by_id.setdefault(entity_id, set()).add(surface)
    return sorted(by_id.values(), key=lambda g: sorted(g))


# --- normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "normal"),
    [
        ("the Payment Service", "payment service"),
        ("payments service", "payment service"),
        ("Payments Services", "payment service"),
        ("the load tests", "load test"),
        ("Load Testing", "load test"),
        ("our new onboarding", "onboard"),
        ("single sign-on", "single sign on"),
        ("Search API", "search api"),
        ("Project Atlas", "project atlas"),
        ("the team's analytics dashboard", "team analytic dashboard"),
    ],
)
def test_normalize_name(surface: str, normal: str) -> None:
    assert normalize_name(surface) == normal


# --- within one meeting ----------------------------------------------------------------------


def test_project_wrappers_are_one_entity_named_by_the_proper_form() -> None:
    r = resolve(["Atlas", "the Atlas project", "Project Atlas"])
    assert len(r.entities) == 1
    entity = r.entities[0]
    assert entity.name == "Project Atlas" and entity.is_new and entity.type == EntityType.PROJECT
    assert set(entity.aliases) == {"Atlas", "the Atlas project"}


def test_capitalised_surface_names_a_new_entity() -> None:
    r = resolve(["payments service", "Payment Service"])
    assert [e.name for e in r.entities] == ["Payment Service"]
    assert r.entities[0].aliases == ["payments service"]


def test_lowercase_only_names_get_a_capital() -> None:
    assert resolve(["billing migration"]).entities[0].name == "Billing migration"


def test_every_surface_maps_to_exactly_one_entity() -> None:
    surfaces = ["the dashboard", "Analytics Dashboard", "load testing", "the load tests", "Project Atlas"]
    r = resolve(surfaces)
    assert set(r.by_surface) == set(surfaces)
    assert {e.id for e in r.entities} == set(r.by_surface.values())
    assert groups(r) == [
        {"Analytics Dashboard", "the dashboard"},
        {"Project Atlas"},
        {"load testing", "the load tests"},
    ]


def test_new_entity_ids_are_stable() -> None:
    assert resolve(["Customer Portal"]).entities[0].id == resolve(["the customer portal"]).entities[0].id


# --- against the graph's candidates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "candidate"),
    [
        ("GDPR Audit", known("GDPR Audit", type_=EntityType.TASK)),  # exact name
        ("the privacy audit", known("GDPR Audit", "the privacy audit", type_=EntityType.TASK)),  # alias
        ("payments service", known("Payment Service")),  # plural
        ("the load tests", known("Load Testing", type_=EntityType.TASK)),  # gerund
        ("Atlas", known("Project Atlas", type_=EntityType.PROJECT)),  # project wrapper
        ("the Atlas project", known("Project Atlas", type_=EntityType.PROJECT)),
        ("the dashboard", known("Analytics Dashboard")),  # same head noun
        ("mobile redesign", known("Mobile App Redesign", type_=EntityType.PROJECT)),
        ("fraud detection", known("Fraud Detection Model")),  # the modifiers of the full name
        ("single sign-on", known("SSO Integration")),  # acronym
        ("SSO", known("Single Sign-On")),
        ("the SSO rollout", known("Single Sign-On Rollout", type_=EntityType.TASK)),  # acronym for part of it
        ("single sign-on rollout", known("SSO Rollout", type_=EntityType.TASK)),
        ("search endpoint", known("Search API")),  # synonymous head nouns
        ("checkout re-design", known("Checkout Redesign", type_=EntityType.PROJECT)),  # a hyphen more
        ("user on-boarding", known("User Onboarding")),
        ("SSO", known("Single Sign-On Integration")),  # the acronym of all but a kind of artefact
    ],
)
def test_matches_a_known_entity(surface: str, candidate: KnownEntity) -> None:
    r = resolve([surface], [candidate, known("Customer Portal"), known("Billing Migration", type_=EntityType.TASK)])
    assert r.by_surface[surface] == candidate.id
    [entity] = r.entities
    assert not entity.is_new and surface in entity.aliases + [entity.name]


@pytest.mark.parametrize(
    ("surface", "candidate"),
    [
        ("Search API", known("API Gateway")),
        ("Project Atlas", known("Project Borealis", type_=EntityType.PROJECT)),
        ("billing integration", known("Billing Migration", type_=EntityType.TASK)),
        ("Payment Service Migration", known("Payment Service")),  # a task about the feature, not the feature
        ("Phase 2 rollout", known("Phase 1 rollout", type_=EntityType.TASK)),
        ("API", known("API Gateway")),
        ("SSO rollout", known("Single Sign-On Migration", type_=EntityType.TASK)),
        ("the sign-on rollout", known("SSO Rollout", type_=EntityType.TASK)),
        ("web redesign", known("Mobile Redesign", type_=EntityType.PROJECT)),
        ("Project Borelais", known("Project Borealis", type_=EntityType.PROJECT)),  # a typo needs the embeddings too
        ("billing export", known("Billing Report")),
        ("search api", known("Search UI")),
    ],
)
def test_distinct_items_stay_apart(surface: str, candidate: KnownEntity) -> None:
    r = resolve([surface], [candidate])
    assert r.entities[0].is_new and r.by_surface[surface] != candidate.id


def test_an_ambiguous_short_name_is_not_forced_onto_either() -> None:
    r = resolve(["the dashboard"], [known("Analytics Dashboard"), known("Admin Dashboard")])
    assert r.entities[0].is_new


def test_known_entity_gains_new_surfaces_as_aliases() -> None:
    r = resolve(["the portal", "customer portal"], [known("Customer Portal", "the customer portal")])
    [entity] = r.entities
    assert entity.name == "Customer Portal"
    assert entity.aliases == ["the customer portal", "the portal"]  # case-insensitive duplicates kept once


def test_a_fuller_proper_name_replaces_a_short_one() -> None:
    r = resolve(["Analytics Dashboard"], [known("Dashboard", "the dashboard", id_="d1")])
    [entity] = r.entities
    assert (entity.id, entity.name) == ("d1", "Analytics Dashboard")
    assert "Dashboard" in entity.aliases and "the dashboard" in entity.aliases


def test_an_existing_proper_name_is_kept() -> None:
    r = resolve(["payments service"], [known("Payment Service")])
    assert r.entities[0].name == "Payment Service"


def test_a_full_name_spanning_two_known_items_is_neither() -> None:
    """It might be either, both or a third thing: a duplicate is safer than a false merge."""
    candidates = [
        known("App redesign", "the app redesign", type_=EntityType.PROJECT, id_="a"),
        known("Mobile redesign", type_=EntityType.PROJECT, id_="m"),
    ]
    r = resolve(["Mobile App Redesign"], candidates)
    [entity] = r.entities
    assert entity.is_new and entity.name == "Mobile App Redesign"


# --- embeddings (the model loads once for the module) ----------------------------------------


@pytest.fixture(scope="module")
def embed() -> Embed:
    from app.embedding import get_embedder

    return get_embedder().encode


@pytest.mark.slow
def test_a_plain_word_for_a_jargon_name_matches_by_meaning(embed: Embed) -> None:
    candidates = [known("GDPR Audit", type_=EntityType.TASK), known("Load Testing", type_=EntityType.TASK)]
    r = resolve(["the privacy audit"], candidates, embed)
    assert r.by_surface["the privacy audit"] == candidates[0].id


@pytest.mark.slow
@pytest.mark.parametrize(
    ("surface", "candidate", "same"),
    [
        ("Project Borelais", known("Project Borealis", type_=EntityType.PROJECT), True),  # letters swapped
        ("the analytics dashbaord", known("Analytics Dashboard"), True),
        ("code preview", known("Code Review"), False),  # a letter more makes another word
        ("media layer", known("Media Player"), False),
        ("data leader", known("Data Loader"), False),
    ],
)
def test_a_typo_merges_only_when_the_embeddings_agree(
    surface: str, candidate: KnownEntity, same: bool, embed: Embed
) -> None:
    r = resolve([surface], [candidate], embed)
    assert (r.by_surface[surface] == candidate.id) is same


@pytest.mark.slow
def test_names_with_no_word_in_common_are_not_merged_by_meaning_alone(embed: Embed) -> None:
    r = resolve(["login page", "sign-in screen", "onboarding emails", "welcome messages"], [], embed)
    assert len(r.entities) == 4


@pytest.mark.slow
def test_a_paraphrase_within_one_meeting_is_one_entity(embed: Embed) -> None:
    r = resolve(["the privacy audit", "GDPR Audit", "Search API", "API Gateway"], [], embed)
    assert groups(r) == [{"API Gateway"}, {"GDPR Audit", "the privacy audit"}, {"Search API"}]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("surface", "candidate"),
    [
        ("security audit", known("Privacy Audit", type_=EntityType.TASK)),  # siblings, though 0.8 similar
        ("admin dashboard", known("User Dashboard")),
        ("billing service", known("Payment Service")),
        ("search endpoint", known("API Gateway")),
        ("Project Cobalt", known("Project Atlas", type_=EntityType.PROJECT)),
        ("SOC2 audit", known("GDPR Audit", type_=EntityType.TASK)),
    ],
)
def test_embeddings_do_not_merge_siblings(surface: str, candidate: KnownEntity, embed: Embed) -> None:
    r = resolve([surface], [candidate], embed)
    assert r.entities[0].is_new


# --- people ----------------------------------------------------------------------------------

PARTICIPANTS = ["Kwame Mensah", "Priya Nair", "Tom Becker"]


@pytest.mark.parametrize(
    ("spoken", "full"),
    [
        ("Kwame", "Kwame Mensah"),
        ("kwame", "Kwame Mensah"),
        ("Priya Nair", "Priya Nair"),
        ("Becker", "Tom Becker"),
        ("Tom B.", "Tom Becker"),
        ("Kwmae", "Kwame Mensah"),  # a transcription typo
        ("Lena", "Lena Fischer"),  # not in the meeting, known from before
        ("Sara", "Sara"),  # unknown: as said
    ],
)
def test_resolve_person(spoken: str, full: str) -> None:
    assert resolve_person(spoken, PARTICIPANTS, ["Lena Fischer", "Omar Haddad"]) == full


def test_resolve_person_prefers_the_meetings_participants() -> None:
    assert resolve_person("Tom", ["Tom Becker"], ["Tom Hanks"]) == "Tom Becker"
    assert resolve_person("Tom", [], ["Tom Hanks", "Tom Becker"]) == "Tom"  # ambiguous: as said
