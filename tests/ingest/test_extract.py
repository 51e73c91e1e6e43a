"""The rule-based extractor on hand-written paraphrases: what it must read as state, and what it must not."""

from __future__ import annotations

import asyncio
import datetime as dt
import time

import pytest

from app.ingest.extract import Extractor
from app.ingest.extract.rules import RuleBasedExtractor, extract_meeting
from app.ingest.models import EntityType, Extraction, MeetingInput, StateAssertion, Status, Turn

PEOPLE = ["Ines Duarte", "Rafael Ortiz", "Yuki Tanaka", "Femi Adeyemi"]


def meeting(*lines: str) -> MeetingInput:
    """Turns written as "Speaker: text" (speaker defaults to Ines)."""
    turns = []
    for i, line in enumerate(lines):
        speaker, sep, text = line.partition(": ")
        named = bool(sep) and " " not in speaker
        turns.append(Turn(index=i, speaker=speaker if named else "Ines", text=text if named else line))
    return MeetingInput(title="sync", date=dt.date(2026, 3, 2), participants=PEOPLE, turns=turns)


def extract(*lines: str) -> Extraction:
    return extract_meeting(meeting(*lines))


def states(x: Extraction, surface: str) -> list[StateAssertion]:
    return [s for s in x.states if s.entity.lower() == surface.lower()]


def one_state(x: Extraction, surface: str) -> StateAssertion:
    found = states(x, surface)
    assert len(found) == 1, (surface, x.states)
    return found[0]


def surfaces(x: Extraction) -> set[str]:
    return {m.surface.lower() for m in x.mentions}


# --- statuses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "surface", "status"),
    [
        ("The reporting service is underway now.", "reporting service", Status.IN_PROGRESS),
        ("We got going on the invoice exporter this week.", "invoice exporter", Status.IN_PROGRESS),
        ("Development of the Helios project started on Monday.", "Helios project", Status.IN_PROGRESS),
        ("The mobile checkout is back on track after last week's scare.", "mobile checkout", Status.IN_PROGRESS),
        ("Good news, the tax engine is moving again.", "tax engine", Status.IN_PROGRESS),
        ("The partner API is green again.", "partner API", Status.IN_PROGRESS),
        ("Work's underway on the partner API.", "partner API", Status.IN_PROGRESS),
        ("Honestly the search revamp is slipping.", "search revamp", Status.AT_RISK),
        ("I'm nervous about the ledger rewrite, let's flag it as at risk.", "ledger rewrite", Status.AT_RISK),
        ("The data pipeline is behind schedule and at risk.", "data pipeline", Status.AT_RISK),
        ("The customer survey isn't on track.", "customer survey", Status.AT_RISK),
        ("so the ledger service went amber this week", "ledger service", Status.AT_RISK),
        ("The billing export is now red, we flagged it.", "billing export", Status.AT_RISK),
        ("The Kafka upgrade is on hold.", "Kafka upgrade", Status.BLOCKED),
        ("The export flow hit a snag.", "export flow", Status.BLOCKED),
        ("The invoice exporter has shipped.", "invoice exporter", Status.DONE),
        ("We wrapped up the vendor audit on Thursday.", "vendor audit", Status.DONE),
        ("The fraud rules engine went live for everyone yesterday.", "fraud rules engine", Status.DONE),
        ("That's a wrap on the Orion migration.", "Orion migration", Status.DONE),
        ("Leadership pulled the plug on the loyalty program.", "loyalty program", Status.CANCELLED),
        ("The legacy importer got scrapped.", "legacy importer", Status.CANCELLED),
        ("We've axed the chatbot pilot, it wasn't worth it.", "chatbot pilot", Status.CANCELLED),
    ],
)
def test_status_statements(line: str, surface: str, status: Status) -> None:
    assert one_state(extract(line), surface).status == status


def test_colours_of_a_design_are_no_status() -> None:
    # the kind of speech AMI design meetings are full of, where a team picks a remote control's colours
    x = extract("Marketing: I think the case is yellow and the buttons are green",
                "Industrial Designer: yeah the logo's red on the corporate website")
    assert x.states == []


def test_no_longer_at_risk_means_back_in_progress() -> None:
    assert one_state(extract("The partner API is no longer at risk."), "partner API").status == Status.IN_PROGRESS


# --- progress --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "surface", "progress"),
    [
        ("The tax engine is at 35%.", "tax engine", 35),
        ("We're about 60 percent through the vendor audit.", "vendor audit", 60),
        ("The ledger rewrite is forty-five percent done.", "ledger rewrite", 45),
        ("The export flow is roughly seventy per cent complete.", "export flow", 70),
        ("We're halfway through the Orion migration.", "Orion migration", 50),
        ("The search revamp is three quarters of the way there.", "search revamp", 75),
        ("Progress on the partner API: 80 percent.", "partner API", 80),
        ("On the data pipeline, we're at 25 percent.", "data pipeline", 25),
        ("The reporting service has reached 90%.", "reporting service", 90),
        ("The tax engine is at 60% now, up from 40% last week.", "tax engine", 60),
        ("So far we've finished 30% of the vendor audit.", "vendor audit", 30),
    ],
)
def test_progress_in_numbers_and_words(line: str, surface: str, progress: int) -> None:
    state = one_state(extract(line), surface)
    assert state.progress == progress
    assert state.status is None  # "done"/"complete" after a percentage is not completion


@pytest.mark.parametrize(
    ("line", "surface", "status", "progress"),
    [
        ("The Orion migration is back on track and at 70 percent.", "Orion migration", Status.IN_PROGRESS, 70),
        ("The partner API is at about 40% and on schedule.", "partner API", Status.IN_PROGRESS, 40),
        ("The tax engine is on track, at roughly sixty percent.", "tax engine", Status.IN_PROGRESS, 60),
        ("The export flow is slipping and only at 20 percent.", "export flow", Status.AT_RISK, 20),
        ("The vendor audit is done and live.", "vendor audit", Status.DONE, None),
    ],
)
def test_coordinated_predicates_on_one_subject(line: str, surface: str, status: Status, progress: int | None) -> None:
    state = one_state(extract(line), surface)
    assert (state.status, state.progress) == (status, progress)


def test_blocked_and_at_risk_stays_blocked_with_its_blocker() -> None:
    state = one_state(extract("The export flow is blocked by the tax engine and at risk."), "export flow")
    assert state.status == Status.BLOCKED and state.blockers == ["tax engine"]


def test_almost_done_is_not_done() -> None:
    assert states(extract("The vendor audit is almost done."), "vendor audit") == []


# --- owners ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "surface", "owner"),
    [
        ("Yuki owns the tax engine.", "tax engine", "Yuki"),
        ("Rafael Ortiz is taking over the partner API.", "partner API", "Rafael Ortiz"),
        ("The ledger rewrite is assigned to Femi.", "ledger rewrite", "Femi"),
        ("Going forward Yuki will be running the export flow.", "export flow", "Yuki"),
        ("Femi is driving the Orion migration.", "Orion migration", "Femi"),
        ("The data pipeline now belongs to Rafael.", "data pipeline", "Rafael"),
        ("Let's hand the vendor audit over to Yuki.", "vendor audit", "Yuki"),
        ("I've asked Femi to lead the search revamp.", "search revamp", "Femi"),
        ("From now on the reporting service is Rafael's responsibility.", "reporting service", "Rafael"),
        ("Rafael: I'll take over the chatbot pilot.", "chatbot pilot", "Rafael"),
        ("Lena has picked up the loyalty program.", "loyalty program", "Lena"),  # not a participant
        ("Yuki has the invoice exporter now.", "invoice exporter", "Yuki"),
    ],
)
def test_owners_as_spoken(line: str, surface: str, owner: str) -> None:
    assert one_state(extract(line), surface).owner == owner


def test_people_are_not_mentions() -> None:
    x = extract("Yuki owns the tax engine.", "The partner API is assigned to Rafael Ortiz.")
    assert surfaces(x) == {"tax engine", "partner api"}


@pytest.mark.parametrize(
    ("line", "surface", "owner"),
    [
        ("Femi: Yuki, you'll own the billing export.", "billing export", "Yuki"),
        ("Femi: Rafael, you're taking over the invoice exporter.", "invoice exporter", "Rafael"),
        ("Yuki: Okay Femi, you're on the tax engine from now on.", "tax engine", "Femi"),
        ("Femi: From today you're on the search revamp, Yuki.", "search revamp", "Yuki"),
        ("Femi: Tom, you'll be leading the ledger rewrite.", "ledger rewrite", "Tom"),  # not a participant
        ("Femi: Rafael's on the vendor audit now.", "vendor audit", "Rafael"),
    ],
)
def test_owner_spoken_to_by_name(line: str, surface: str, owner: str) -> None:
    assert one_state(extract(line), surface).owner == owner


@pytest.mark.parametrize(
    "line",
    [
        "Femi: Rafael, can you take the ledger migration?",
        "Femi: Yuki, could you own the billing export?",
        "Femi: You'll own the billing export.",  # nobody named: "you" is unknown
        "Femi: Honestly, you're on the billing export?",
    ],
)
def test_you_without_a_named_addressee_or_as_a_question_owns_nothing(line: str) -> None:
    assert [s.owner for s in extract(line).states if s.owner] == []


def test_the_person_spoken_to_is_not_a_mention() -> None:
    assert surfaces(extract("Femi: Tom, you're on the billing export from now on.")) == {"billing export"}


def test_a_name_before_a_filler_you_is_not_spoken_to() -> None:
    assert one_state(extract("Atlas, you know, is at risk."), "Atlas").status == Status.AT_RISK


@pytest.mark.parametrize("line", ["Rafael: I'm on it.", "Rafael: Yuki is on the call.", "Femi: Atlas is on track."])
def test_being_on_something_that_is_not_an_item_owns_nothing(line: str) -> None:
    assert [s.owner for s in extract(line).states if s.owner] == []


@pytest.mark.parametrize(
    "line",
    ["The new microphone picks up the background noise.", "Yuki has concerns about the tax engine now."],
)
def test_ownership_words_without_ownership_say_nothing(line: str) -> None:
    assert extract(line).states == []


# --- blockers and dependencies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "item", "blocker"),
    [
        ("The export flow is blocked by the tax engine.", "export flow", "tax engine"),
        ("The ledger rewrite is stuck waiting on the Kafka upgrade.", "ledger rewrite", "Kafka upgrade"),
        ("The data pipeline is held up by the vendor audit.", "data pipeline", "vendor audit"),
        ("The Kafka upgrade is holding up the search revamp, so it's blocked.", "search revamp", "Kafka upgrade"),
        ("The partner API is the bottleneck for the mobile checkout.", "mobile checkout", "partner API"),
        (
            "We can't push the Orion migration forward until the vendor audit is finished.",
            "Orion migration",
            "vendor audit",
        ),
        ("Because the tax engine isn't ready, the invoice exporter is blocked.", "invoice exporter", "tax engine"),
        ("The chatbot pilot hit a wall, it's waiting on the partner API.", "chatbot pilot", "partner API"),
        ("We're stuck on the reporting service until the data pipeline lands.", "reporting service", "data pipeline"),
        ("We're blocked on the reporting service by the data pipeline.", "reporting service", "data pipeline"),
        ("The export flow is blocked - dependency on the tax engine not met yet.", "export flow", "tax engine"),
        ("Blocker for the export flow: the tax engine.", "export flow", "tax engine"),
    ],
)
def test_blockers_imply_dependencies(line: str, item: str, blocker: str) -> None:
    x = extract(line)
    state = one_state(x, item)
    assert state.status == Status.BLOCKED
    assert [b.lower() for b in state.blockers or []] == [blocker.lower()]
    assert [(d.dependent.lower(), d.dependency.lower()) for d in x.dependencies] == [(item.lower(), blocker.lower())]


@pytest.mark.parametrize(
    "line",
    [
        "The export flow isn't blocked anymore.",
        "Good news: the export flow got unblocked.",
        "Nothing is holding up the export flow now.",
        "The blocker on the export flow has been cleared.",
        "Whatever was blocking the export flow is resolved.",
        "The export flow is blocked on nothing right now.",
    ],
)
def test_unblocking_clears_blockers(line: str) -> None:
    state = one_state(extract(line), "export flow")
    assert state.blockers == [] and state.status in (None, Status.IN_PROGRESS)


@pytest.mark.parametrize(
    ("line", "dependent", "dependency"),
    [
        ("The mobile checkout depends on the partner API.", "mobile checkout", "partner API"),
        ("The mobile checkout needs the partner API first.", "mobile checkout", "partner API"),
        ("The mobile checkout can't start until the partner API is done.", "mobile checkout", "partner API"),
        ("The mobile checkout has a hard dependency on the partner API.", "mobile checkout", "partner API"),
        ("The mobile checkout is waiting on the partner API.", "mobile checkout", "partner API"),
        ("The partner API is a prerequisite for the mobile checkout.", "mobile checkout", "partner API"),
        ("The partner API has to ship before the mobile checkout can begin.", "mobile checkout", "partner API"),
        ("Once the partner API is live, we can start the mobile checkout.", "mobile checkout", "partner API"),
        ("We can't start the mobile checkout without the partner API.", "mobile checkout", "partner API"),
        ("The mobile checkout sits on top of the partner API.", "mobile checkout", "partner API"),
        ("The partner API blocks the start of the mobile checkout.", "mobile checkout", "partner API"),
    ],
)
def test_dependencies(line: str, dependent: str, dependency: str) -> None:
    x = extract(line)
    assert [(d.dependent.lower(), d.dependency.lower()) for d in x.dependencies] == [
        (dependent.lower(), dependency.lower())
    ]
    assert states(x, dependency) == []  # "until Z is done" says nothing about Z's state


@pytest.mark.parametrize(
    ("line", "dependent", "dependencies"),
    [
        (
            "The export flow depends on the tax engine and on the vendor audit.",
            "export flow",
            ["tax engine", "vendor audit"],
        ),
        (
            "The export flow relies on the tax engine and the vendor audit.",
            "export flow",
            ["tax engine", "vendor audit"],
        ),
        (
            "The export flow needs the tax engine, the vendor audit and the Kafka upgrade first.",
            "export flow",
            ["tax engine", "vendor audit", "Kafka upgrade"],
        ),
        (
            "The export flow is waiting on the tax engine as well as the vendor audit.",
            "export flow",
            ["tax engine", "vendor audit"],
        ),
    ],
)
def test_coordinated_dependencies(line: str, dependent: str, dependencies: list[str]) -> None:
    x = extract(line)
    assert [(d.dependent.lower(), d.dependency.lower()) for d in x.dependencies] == [
        (dependent.lower(), d.lower()) for d in dependencies
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The export flow is blocked by the tax engine and the vendor audit.",
        "The export flow is held up by the tax engine and by the vendor audit.",
        "We're stuck on the export flow because of the tax engine and the vendor audit.",
    ],
)
def test_coordinated_blockers(line: str) -> None:
    x = extract(line)
    state = one_state(x, "export flow")
    assert state.status == Status.BLOCKED
    assert [b.lower() for b in state.blockers or []] == ["tax engine", "vendor audit"]
    assert {d.dependency.lower() for d in x.dependencies} == {"tax engine", "vendor audit"}


def test_a_second_clause_is_not_a_coordinated_object() -> None:
    x = extract("The export flow depends on the tax engine and the vendor audit is done.")
    assert [(d.dependent, d.dependency) for d in x.dependencies] == [("export flow", "tax engine")]
    assert one_state(x, "vendor audit").status == Status.DONE


def test_needing_an_unnamed_thing_is_no_dependency() -> None:
    x = extract("The mobile checkout needs some more design work.")
    assert x.dependencies == [] and x.mentions == []


# --- decisions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "entity", "choice"),
    [
        ("We decided to use Postgres for the ledger rewrite.", "ledger rewrite", "Postgres"),
        ("For the partner API we're going with GraphQL.", "partner API", "GraphQL"),
        ("Final call: the export flow will be built on Temporal.", "export flow", "Temporal"),
        ("After a long debate we settled on Snowflake for the data pipeline.", "data pipeline", "Snowflake"),
        ("The tax engine is going to run on Go.", "tax engine", "Go"),
    ],
)
def test_decisions(line: str, entity: str, choice: str) -> None:
    x = extract(line)
    assert len(x.decisions) == 1
    decision = x.decisions[0]
    assert (decision.entity or "").lower() == entity.lower() and choice in decision.summary
    assert choice.lower() not in surfaces(x)  # the choice is content, not a work item


# --- what must not become state --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "surface"),
    [
        # hypotheticals and conditionals
        ("If the tax engine slips, the export flow might get blocked.", "export flow"),
        ("Worst case we cancel the chatbot pilot, but nobody wants that.", "chatbot pilot"),
        ("The vendor audit could be done next week if legal signs off.", "vendor audit"),
        ("Assuming the partner API is late, the mobile checkout may end up stuck.", "mobile checkout"),
        ("In theory we could scrap the loyalty program.", "loyalty program"),
        # questions
        ("Is the search revamp still on track?", "search revamp"),
        ("Has the ledger rewrite shipped yet?", "ledger rewrite"),
        ("Who's looking at the data pipeline?", "data pipeline"),
        ("Any blockers on the reporting service?", "reporting service"),
        # negations that don't flip to another state
        ("The Orion migration isn't done yet.", "Orion migration"),
        ("We are not cancelling the loyalty program.", "loyalty program"),
        # recollections of older values
        ("Last week the tax engine was at 40%.", "tax engine"),
        ("Two sprints ago the vendor audit was still at 10 percent.", "vendor audit"),
        ("The export flow used to be owned by Yuki.", "export flow"),
        ("Back in January the partner API was blocked.", "partner API"),
        # plans
        ("We'll kick off the invoice exporter next sprint.", "invoice exporter"),
        ("The data pipeline should be finished by Friday.", "data pipeline"),
    ],
)
def test_mentions_without_state(line: str, surface: str) -> None:
    x = extract(line)
    assert surface.lower() in surfaces(x)
    assert states(x, surface) == []


@pytest.mark.parametrize(
    "line",
    [
        "Sounds good.",
        "Let me share my screen.",
        "Sorry, I was on mute.",
        "Can everyone hear me?",
        "Let's get started.",
        "Thanks all, that's it from me.",
        "Okay, moving on.",
        "Hmm {vocalsound} yeah.",
        "Let's take that offline.",
    ],
)
def test_small_talk_produces_nothing(line: str) -> None:
    assert extract(line) == Extraction()


def test_hypothetical_dependency_is_not_recorded() -> None:
    assert extract("If the partner API slips, the mobile checkout might get blocked.").dependencies == []


# --- reference -------------------------------------------------------------------------------


def test_pronoun_refers_to_the_item_of_the_previous_turn() -> None:
    x = extract("Rafael: Any news on the Orion migration?", "Yuki: It's about halfway.")
    assert one_state(x, "Orion migration").progress == 50


def test_pronoun_prefers_the_sentence_subject() -> None:
    x = extract("The export flow needs the tax engine first, so it's blocked.")
    assert one_state(x, "export flow").status == Status.BLOCKED
    assert states(x, "tax engine") == []


def test_subjectless_clause_continues_the_item() -> None:
    x = extract("The search revamp is behind and at risk.")
    assert one_state(x, "search revamp").status == Status.AT_RISK


def test_a_bare_question_puts_an_item_in_focus() -> None:
    x = extract("And the data pipeline?", "Yuki: It shipped on Tuesday.")
    assert one_state(x, "data pipeline").status == Status.DONE


def test_pronoun_without_antecedent_says_nothing() -> None:
    assert extract("It's done.").states == []


def test_later_statement_in_the_turn_comes_later() -> None:
    x = extract("The tax engine was at 40% last week, now it's at 65%.")
    assert [s.progress for s in states(x, "tax engine")] == [65]


# --- noun phrases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "surface"),
    [
        ("The Orion migration is done.", "Orion migration"),
        ("Our new onboarding is done.", "new onboarding"),
        ("Payments service is done.", "payments service"),  # sentence case, not a proper name
        ("Project Helios kicked off this week.", "Project Helios"),
        ("Yuki will lead the Helios project from now on.", "Helios project"),
        ("Single sign-on is at 20% so far.", "single sign-on"),
        ("Last week Onboarding Flow was at 40%.", "Onboarding Flow"),
        ("There's a chance GDPR Audit finishes early if legal helps.", "GDPR Audit"),
        ("Happy to report the load tests are fully done.", "load tests"),
    ],
)
def test_surfaces_are_clean_noun_phrases(line: str, surface: str) -> None:
    assert surface in {m.surface for m in extract(line).mentions}


@pytest.mark.parametrize(
    ("surface", "type_"),
    [
        ("Project Helios", EntityType.PROJECT),
        ("Helios project", EntityType.PROJECT),
        ("Helios", EntityType.PROJECT),
        ("billing migration", EntityType.TASK),
        ("GDPR audit", EntityType.TASK),
        ("load testing", EntityType.TASK),
        ("payments service", EntityType.FEATURE),
        ("search API", EntityType.FEATURE),
        ("onboarding flow", EntityType.FEATURE),
    ],
)
def test_type_guess_from_the_name(surface: str, type_: EntityType) -> None:
    x = extract(f"{surface[0].upper()}{surface[1:]} is blocked.")
    assert [(m.surface.lower(), m.type) for m in x.mentions] == [(surface.lower(), type_)]


def test_every_surface_used_in_assertions_is_a_mention() -> None:
    x = extract(
        "The export flow is blocked by the tax engine.",
        "We decided to use Kafka for the ledger rewrite.",
        "The Orion migration can't start until the vendor audit is done.",
    )
    used = {s.entity for s in x.states} | {b for s in x.states for b in s.blockers or []}
    used |= {d.dependent for d in x.dependencies} | {d.dependency for d in x.dependencies}
    used |= {d.entity for d in x.decisions if d.entity}
    assert used <= {m.surface for m in x.mentions}


# --- the extractor as a component ------------------------------------------------------------


def test_rule_based_extractor_is_an_async_extractor() -> None:
    extractor: Extractor = RuleBasedExtractor()
    x = asyncio.run(extractor.extract(meeting("The tax engine is done.")))
    assert one_state(x, "tax engine").status == Status.DONE
    assert x.states[0].turn == 0 and x.states[0].quote == "The tax engine is done."


def test_a_long_meeting_is_fast() -> None:
    lines = [
        "Um, so, I think we should look at the numbers again before we decide anything.",
        "The tax engine is at 40% and the export flow is blocked by the partner API.",
        "Yeah, that makes sense, but I'm not sure the vendor audit will be done by Friday.",
        "Rafael: I'll take over the ledger rewrite, it needs the Kafka upgrade first.",
    ] * 500
    started = time.process_time()
    x = extract(*lines)
    assert time.process_time() - started < 3.0
    assert len({m.surface for m in x.mentions}) == 6
