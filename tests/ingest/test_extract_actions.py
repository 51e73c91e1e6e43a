"""Action items from realistic speech: commitments, requests, hand-outs of work, and what is not an action item."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest.extract.action_cues import closes
from app.ingest.extract.due import resolve_due
from app.ingest.extract.rules import extract_meeting
from app.ingest.models import ActionAssertion, Curation, MeetingInput, Turn

MONDAY = date(2026, 3, 2)
TEAM = ["Maya Cohen", "Ravi Patel", "Lena Fischer"]


def actions(lines: list[tuple[str, str]], participants: list[str] | None = None,
            known_as: dict[str, list[str]] | None = None) -> list[ActionAssertion]:
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate(lines)]
    meeting = MeetingInput(title="weekly", date=MONDAY, participants=participants or [], turns=turns)
    return extract_meeting(meeting, (), Curation(known_as=known_as or {})).action_items


def owners(found: list[ActionAssertion]) -> list[tuple[str, str]]:
    return [(a.owner, a.text) for a in found]


def test_first_person_commitment_with_a_due_day() -> None:
    found = actions([("Ravi", "um okay so I'll send the uh the specs over by Friday"), ("Maya", "great thanks")], TEAM)
    assert len(found) == 1
    item = found[0]
    assert (item.owner, item.speaker, item.turn) == ("Ravi", "Ravi", 0)
    assert "send the" in item.text and "specs" in item.text and "Friday" not in item.text
    assert item.due_text == "by Friday" and item.due == date(2026, 3, 6)
    assert item.quote == "okay so I'll send the uh the specs over by Friday"  # the sentence, in the original words


def test_request_to_a_named_person_lowercase_no_punctuation() -> None:
    found = actions([("Maya", "ravi can you look into the battery cost before the next meeting"),
                     ("Lena", "I think it was about two euros"), ("Ravi", "yeah sure")], TEAM)
    assert owners(found) == [("Ravi", "look into the battery cost")]  # the pipeline resolves it to Ravi Patel
    assert found[0].due_text == "before the next meeting" and found[0].due is None


def test_unnamed_request_goes_to_whoever_answers() -> None:
    found = actions([("Maya", "Could you put the slides in the shared folder after this?"), ("Lena", "Yep, will do.")])
    assert owners(found) == [("Lena", "put the slides in the shared folder after this")]


def test_chair_hands_out_work_to_roles() -> None:
    """AMI style: the speakers are roles, and the Project Manager splits the work at the end."""
    found = actions([
        ("Project Manager", "Right so um just to wrap up , as the industrial designer , you're gonna be working on "
                            "the um components concept . And marketing , you'll be doing the trend watching ."),
        ("Industrial Designer", "Okay ."),
        ("Marketing", "Mm-hmm ."),
        ("Project Manager", "And um the user interface person is gonna be looking at the {disfmarker} the menu layout ."),
        ("User Interface", "Mm-hmm ."),
    ])
    assert {(a.owner, a.text) for a in found} == {
        ("Industrial Designer", "working on the components concept"),
        ("Marketing", "doing the trend watching"),
        ("User Interface", "looking at the menu layout"),
    }


def test_group_assignment_gives_one_item_per_owner() -> None:
    found = actions([
        ("Project Manager", "what I'd like you guys to do is work on a model of the remote in clay ."),
        ("Industrial Designer", "Oh neat ."),
        ("User Interface", "Cool ."),
        ("Project Manager", "Yeah ."),
    ])
    assert sorted(a.owner for a in found) == ["Industrial Designer", "User Interface"]


def test_third_person_and_action_item_notes() -> None:
    found = actions([
        ("Maya", "Okay. Lena will update the rollout checklist by tomorrow."),
        ("Maya", "Action item for Ravi: chase the vendor about the invoices."),
        ("Maya", "And let's have Lena do the survey write-up."),
    ], TEAM)
    assert owners(found) == [
        ("Lena", "update the rollout checklist"),
        ("Ravi", "chase the vendor about the invoices"),
        ("Lena", "do the survey write-up"),
    ]
    assert found[0].due == date(2026, 3, 3)


def test_work_said_before_a_question_in_the_same_sentence_is_still_handed_out() -> None:
    found = actions([
        ("Maya", "so lena will update the rollout checklist , ravi , can you book the room for thursday ?"),
        ("Ravi", "yep"),
        ("Maya", "Will Ravi send the notes, or should Lena?"),
        ("Maya", "So Ravi is going to send the invoices, right?"),
    ], TEAM)
    assert ("Lena", "update the rollout checklist") in owners(found)
    assert ("Ravi", "book the room") in owners(found)
    assert not [a for a in found if a.turn > 1]  # what the question itself asks is no item


def test_a_role_named_by_its_field_is_said_with_its_agent_in_a_gapped_hand_out() -> None:
    # TS3003b, turn 363 (shortened)
    found = actions([("Project Manager", "Um what we're going to do for the next meeting is the Industrial Designer "
                                         "will do the components concept , User Interface Designer the user "
                                         "interface concept .")],
                    ["Project Manager", "Industrial Designer", "User Interface", "Marketing"])
    assert owners(found) == [("Industrial Designer", "do the components concept"),
                             ("User Interface", "do the User Interface concept")]  # its case restored


def test_accepting_a_proposal_takes_it_on() -> None:
    # the last line is a short real excerpt: QMSum (MIT licence), AMI meeting ES2005c, turn 442
    found = actions([
        ("Marketing", "Or we could make two or three shapes and we can have a public survey and let people choose ."),
        ("Industrial Designer", "Okay , since you're the marketing guy ."),
        ("Marketing", "Yeah , sure . I will be happy to do that ."),
    ])
    assert [(a.owner, a.turn) for a in found] == [("Marketing", 2)]
    assert "public survey" in found[0].text


def test_forgotten_then_promised() -> None:
    # a short real excerpt: QMSum (MIT licence), AMI meeting ES2005d, turn 5
    found = actions([("Project Manager", "Uh oh I've forgotten to mail you the minutes , but I will do .")])
    assert owners(found) == [("Project Manager", "mail you the minutes")]


def test_a_request_and_its_acceptance_are_one_item() -> None:
    found = actions([
        ("Maya", "Can you send me the budget sheet again , Ravi ?"),
        ("Ravi", "Yeah ."),
        ("Ravi", "It was under a different name ."),
        ("Ravi", "I'll send it again after lunch ."),
    ], TEAM)
    assert [(a.owner, a.turn) for a in found] == [("Ravi", 0)]


@pytest.mark.parametrize("line", [
    "I'll just say a few words about the market first .",  # a speech act within the meeting
    "I'll show you the pictures in a second .",
    "I'm gonna write that down on the whiteboard .",
    "I'd probably send it to the vendor if they asked .",  # hypothetical
    "we could look into the battery cost at some point",
    "maybe I'll check the prices later",  # hedge
    "did you send the specs to the factory ?",  # a question about the past
    "he said he'll send the specs on Monday .",  # reported speech
    "God , I still don't know what I'm gonna write about .",
    "when the planet of the apes becomes real I'm gonna be up there with them",  # chit-chat
    "can you go back a slide ?",
    "you'll all get instructions emailed to you by the coach .",
    "and you'll be getting specific instructions from your coach",
    "what else can you do with a television ?",
    "could you put my slides up on the projector ?",
    "I think that's what you guys are gonna do next",
    "Let me share my screen.",
    "okay I'll share my screen in a sec",
    "Do you want me to d um {disfmarker} Do you want me to do my um design evaluation last ?",  # the meeting's order
    "the device has to r you know , based on you push button A_ , so I will do something with button A_ .",
    "I'll try and do it as quick as possible .",
    "If you if you can build space craft you'll have no problem with a remote control , yeah .",  # a condition
    "I'll finish up with just a bit of discussion plan on for the next phase .",
    "And um I'll put any {disfmarker} {gap} I'm I'm putting anything I do in there anyway , so",
])
def test_not_action_items(line: str) -> None:
    assert actions([("Maya", line), ("Ravi", "Mm-hmm ."), ("Lena", "Okay .")], TEAM) == []


def test_done_claims_close_matching_items() -> None:
    turns = [Turn(index=0, speaker="Ravi", text="so um I sent the specs over to the factory on Thursday"),
             Turn(index=1, speaker="Ravi", text="and I haven't done the market research yet")]
    claims = extract_meeting(MeetingInput(title="w", date=MONDAY, turns=turns)).done_claims
    assert [c.turn for c in claims] == [0]
    assert closes(claims[0].text, "send the specs")
    assert not closes(claims[0].text, "do the market research")


@pytest.mark.parametrize(("said", "due"), [
    ("by Friday", date(2026, 3, 6)), ("by Monday", date(2026, 3, 9)), ("tomorrow", date(2026, 3, 3)),
    ("by the end of the week", date(2026, 3, 6)), ("next week", date(2026, 3, 9)), ("by March 20", date(2026, 3, 20)),
    ("before the next meeting", None), ("as soon as possible", None),
])
def test_due_days_resolve_against_the_meeting_date(said: str, due: date | None) -> None:
    assert resolve_due(said, MONDAY) == due


def test_a_hand_out_turn_assigns_in_other_words_too() -> None:
    found = actions([
        ("Project Manager", "okay so marketing you're gonna do the product evaluation , the look and feel design is "
                            "for industrial designer , and user interface gets the interface design ."),
        ("Marketing", "Okay ."), ("Industrial Designer", "Yep ."), ("User Interface", "Mm-hmm ."),
    ])
    assert {(a.owner, a.text) for a in found} == {
        ("Marketing", "do the product evaluation"),
        ("Industrial Designer", "the look and feel design"),
        ("User Interface", "the interface design"),
    }


ROLES = ["Project Manager", "Marketing", "User Interface", "Industrial Designer"]


def test_roles_named_in_the_third_person_or_by_initials() -> None:
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "the I_D_ is supposed to come up with the look and feel design , and the marketing expert "
                            "is working on the product evaluation . the two designers are going to build the prototype"),
    ])
    assert sorted((a.owner, a.text) for a in found) == [
        ("Industrial Designer", "build the prototype"),
        ("Industrial Designer", "come up with the look and feel design"),
        ("Marketing", "working on the product evaluation"),
    ]


def test_a_commitment_that_goes_on_in_the_next_turn_is_quoted_from_there() -> None:
    found = actions([("Maya", "okay so thanks for the suggestion"), ("Ravi", "Mm ."),
                     ("Maya", "and I will write a summary of this meeting and put it in the shared folder")], TEAM)
    assert [(a.turn, a.quote) for a in found] == [
        (2, "and I will write a summary of this meeting and put it in the shared folder")]


ROLES_SAID = [("Project Manager", "Right, I'm Dana, I'm the Project Manager."),
              ("Industrial Designer", "Hi, I'm Tomas and I'm the Industrial Designer."),
              ("User Interface", "I'm Priya. I'm doing the user interface."),
              ("Marketing", "And I'm Joe, marketing expert.")]


def test_a_name_heard_only_in_the_introductions_owns_the_work_handed_to_it() -> None:
    found = actions([*ROLES_SAID, ("Project Manager", "Okay so Priya you'll be working on the button layout."),
                     ("Industrial Designer", "Mm."), ("User Interface", "Sure.")])
    assert owners(found) == [("User Interface", "working on the button layout")]


def test_a_role_said_as_its_field_and_a_closing_run_of_short_assignments() -> None:
    found = actions([*ROLES_SAID, ("Project Manager", "So you each have individual actions, Industrial "
                                  "Design you've your components concept, User Interface, the interface concept, "
                                  "trend watching."), ("Marketing", "Mm-hmm.")])
    assert owners(found) == [("Industrial Designer", "components concept"), ("User Interface", "the interface concept"),
                             ("Marketing", "trend watching")]


def test_an_unnamed_list_goes_to_the_role_each_task_names() -> None:
    found = actions([*ROLES_SAID, ("Project Manager", "Um you each have things to do, look and feel design, "
                                  "user interface design, product evaluation."), ("User Interface", "Cool.")])
    assert sorted((a.owner, a.text.lower()) for a in found) == [
        ("Industrial Designer", "look and feel design"), ("Marketing", "product evaluation"),
        ("User Interface", "user interface design")]


def test_a_commitment_on_a_condition_and_one_made_sure_of() -> None:
    found = actions([("Marketing", "I mean if I get more numbers, I'll e-mail you the figures before the meeting."),
                     ("Project Manager", "Great. I'll make sure to put up the minutes in the project folder.")])
    assert [a.owner for a in found] == ["Marketing", "Project Manager"]
    assert "figures" in found[0].text and "minutes" in found[1].text


def test_what_can_you_do_questions_are_no_requests() -> None:
    assert actions([("Project Manager", "how fashionable can you make a remote?"), ("Marketing", "Very.")]) == []


def test_speakers_whose_names_hold_brackets_are_read_as_written() -> None:
    # Welsh committee transcripts (QMSum covid_*) name speakers like this; their initials once broke a regex (500)
    chair = "Dr (Dawn) Bowden AM"
    found = actions([(chair, "I'll write to the minister about the testing figures by Friday"),
                     ("Vaughan Gething AM", "Thank you, Chair.")], [chair, "Vaughan Gething AM"])
    assert [a.owner for a in found] == [chair]


def test_a_chair_asking_a_role_said_loosely_gives_the_work_to_that_role() -> None:
    # IS1001a: the chair hands out work as "I will ask the X to ...", the roles garbled in speech
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "So so I will ask the Industrial Designer to find out more about this industrial "
                            "design so any working {disfmarker} any working function we have discussed ."),
        ("Project Manager", "So then I will ask the User Interf Interface Designer to to think about the point we "
                            "discussed like the number of buttons , the the fact that is lighted or not ."),
        ("Project Manager", "And also um {vocalsound} I will ask the Market Expert to uh try to find out what are the "
                            "absolute requirements ."),
    ])
    assert [a.owner for a in found] == ["Industrial Designer", "User Interface", "Marketing"]
    assert found[2].text.startswith("find out what are the absolute requirements")


def test_do_the_minutes_is_a_commitment() -> None:
    found = actions([("Project Manager", "Then we can come back and uh work on our individual work . Um "
                                         "{disfmarker} I'll do the minutes . Uh let's see ."), ("Marketing", "Okay .")])
    assert owners(found) == [("Project Manager", "do the minutes")]


def test_a_name_introduced_in_an_earlier_meeting_owns_the_work_handed_to_it() -> None:
    said = [*[(r, "Okay .") for r in ROLES],
            ("Project Manager", "Um okay so we will have another meeting in thirty minutes . Um Ryan you'll be "
                                "working on the user interface design . Um Manuel you'll be working on the "
                                "look-and-feel design .")]
    assert [a.owner for a in actions(said)] != ["User Interface", "Industrial Designer"]
    found = actions(said, known_as={"User Interface": ["Ryan"], "Industrial Designer": ["Manuel"]})
    assert [(o, t.lower()) for o, t in owners(found)] == [("User Interface", "working on the user interface design"),
                             ("Industrial Designer", "working on the look-and-feel design")]


def test_the_names_speakers_introduce_themselves_by_are_kept() -> None:
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate(ROLES_SAID)]
    extraction = extract_meeting(MeetingInput(title="kickoff", date=MONDAY, turns=turns))
    assert extraction.introduced == {"Project Manager": ["Dana"], "Industrial Designer": ["Tomas"],
                                     "User Interface": ["Priya"], "Marketing": ["Joe"]}


def test_what_speakers_say_of_their_role_while_introducing_themselves_is_no_item() -> None:
    found = actions([
        ("Marketing", "Okay . I am Corinne Whiting and I will be the Marketing Expert . In the conceptual design "
                      "phase I will be dealing with trend watching and I'll be doing marketing research on the web ."),
        ("Project Manager", "Great . Corinne , could you look into the market research before the next meeting ?"),
        ("Marketing", "Sure ."),
    ])
    assert owners(found) == [("Marketing", "look into the market research")]


def test_a_chair_who_would_like_a_role_to_do_something_or_asks_if_they_can() -> None:
    found = actions([
        *[(r, "Hi , I'm " + n + " .") for r, n in zip(ROLES, ["Marty", "Sarah", "Ron", "Nathan"], strict=True)],
        ("Project Manager", "Um we'll meet in another half an hour or so and I'd like the um Industrial Designer to "
                            "think about what needs to be done , like what the basic function of it ."),
        ("Project Manager", "And um Ron if you can figure out how probably best to lay out this idea of this simple "
                            "design with the voice recognition built in ."),
        ("User Interface", "Okay ."),
    ])
    assert [(a.owner, a.text.split()[0]) for a in found] == [("Industrial Designer", "think"),
                                                             ("User Interface", "figure")]


def test_a_commitment_said_twice_in_one_turn_is_one_item() -> None:
    found = actions([("Project Manager", "I'm gonna save th a copy of this in case you guys need any reminders . I'm "
                                         "gonna save a copy of this and the minutes that I'll do it in a second and "
                                         "put them in the shared folder for later reference ."),
                     ("User Interface", "I've put my files in the shared folder as well .")])
    assert [a.owner for a in found] == ["Project Manager"]


def test_you_guys_after_naming_two_people_are_those_two() -> None:
    # ES2009c: the chair names Nathan, then Ron, then asks "you guys" to build the prototype; Marketing only answers
    found = actions([
        *[(r, "Hi , I'm " + n + " .") for r, n in zip(ROLES, ["Marty", "Sarah", "Ron", "Nathan"], strict=True)],
        ("Project Manager", "Alright , so we'll have the next meeting about half an hour . Nathan , I'd like you to "
                            "work on just the basic look and feel ."),
        ("Marketing", "Mm-hmm ."),
        ("Project Manager", "And um Ron if you can figure out how best to lay out the menu options . Um I need you "
                            "guys to work together on making a prototype , using prototype building materials ."),
        ("Marketing", "Okay ."), ("Industrial Designer", "Cool ."),
    ])
    assert sorted((a.owner, a.text.split()[0]) for a in found) == [
        ("Industrial Designer", "work"), ("Industrial Designer", "work"), ("User Interface", "figure"),
        ("User Interface", "work")]


def test_an_emphatic_did_claims_nothing_done() -> None:
    # ES2002d: "I did learn something new" once closed the Industrial Designer's "working with Play-Doh"
    turns = [Turn(index=0, speaker="Industrial Designer", text="Oh , I did learn something new , Play-Doh is useful ."),
             Turn(index=1, speaker="Marketing", text="And I did the market research on the uh Play-Doh remotes .")]
    claims = extract_meeting(MeetingInput(title="w", date=MONDAY, turns=turns)).done_claims
    assert [(c.owner, c.turn) for c in claims] == [("Marketing", 1)]


def test_a_first_name_said_with_a_typo_is_the_introduced_person() -> None:
    # ES2016: "I am Corinne Whiting" in the kickoff, "Corrine we'll want a product evaluation" at the end
    found = actions([
        ("Marketing", "Okay . I am Corinne Whiting and I will be the Marketing Expert ."),
        ("User Interface", "Hiya , I'm Ryan ."), ("Industrial Designer", "Hi ."),
        ("Project Manager", "Here's what's gonna be going on . Um Ryan you'll be working on the user interface "
                            "design . Corrine we'll want a product evaluation ."),
        ("Marketing", "Okay ."),
    ])
    assert ("Marketing", "a product evaluation") in owners(found)


def test_work_handed_out_with_the_verb_said_once_goes_to_each_person_named() -> None:
    found = actions([
        ("Maya", "okay so for next week um ravi will draft the the release notes , lena the migration plan and and "
                 "of course me the uh test matrix"),
        ("Ravi", "sounds good"),
    ], TEAM)
    assert sorted(owners(found)) == [
        ("Lena", "draft the migration plan"), ("Maya", "draft the test matrix"), ("Ravi", "draft the release notes")]
    assert {a.due_text for a in found} == {"for next week"}
    found = actions([("Maya", "Ravi's going to set up the staging cluster, and Lena the monitoring."), ("Lena", "yep")],
                    TEAM)
    assert sorted(owners(found)) == [("Lena", "set up the monitoring"), ("Ravi", "set up the staging cluster")]


def test_a_conjunct_with_a_verb_or_a_question_of_its_own_is_not_gapped() -> None:
    found = actions([("Maya", "Ravi will send the notes, Lena is doing the deck."), ("Lena", "yep")], TEAM)
    assert sorted(owners(found)) == [("Lena", "doing the deck"), ("Ravi", "send the notes")]
    found = actions([("Maya", "Ravi will look at the pricing and the bundles, and the onboarding is Lena's."),
                     ("Lena", "yep")], TEAM)
    assert owners(found) == [("Ravi", "look at the pricing and the bundles")]


@pytest.mark.parametrize("subject", ["Ravi and Lena will be", "ravi , lena and maya are gonna be",
                                     "Ravi and Lena are going to be"])
def test_people_named_together_each_own_the_work(subject: str) -> None:
    found = actions([("Maya", f"so {subject} reviewing the vendor contract by Friday"), ("Ravi", "sure")], TEAM)
    named = {"ravi": "Ravi", "lena": "Lena", "maya": "Maya"}
    expected = sorted(named[w] for w in subject.lower().replace(",", " ").split() if w in named)
    assert sorted(a.owner for a in found) == expected
    assert {a.text for a in found} == {"reviewing the vendor contract"}


def test_a_round_of_names_and_roles_is_not_work() -> None:
    found = actions([("Maya", "I'll just go round the table , Ravi , marketing , um Lena with the uh designing the "
                              "the interface and and Ravi with the budget . Um .")], TEAM)
    assert found == []


@pytest.mark.parametrize(("line", "owner", "text"), [
    ("so uh lena will uh will take a look at the onboarding survey results", "Lena",
     "take a look at the onboarding survey results"),
    ("I'll have a quick look at the battery costs tonight", "Maya", "have a quick look at the battery costs"),
    ("um I'm still going to take the minutes , same as last time", "Maya", "take the minutes"),
    ("the designers and the uh the engineers are going to work together on the prototype", None, None),
])
def test_looking_at_something_and_taking_the_minutes_are_work(line: str, owner: str | None, text: str | None) -> None:
    found = actions([("Maya", line), ("Ravi", "okay")], TEAM)
    assert [(a.owner, a.text[: len(text or "")]) for a in found] == ([(owner, text)] if owner else [])


def test_roles_named_together_each_own_the_work() -> None:
    found = actions([("Project Manager", "and especially notice that uh the Industrial Designer and the User "
                                         "Interface Designer are going to work together on a prototype ,"),
                     ("Industrial Designer", "Okay ."), ("User Interface Designer", "Sure .")])
    assert sorted(a.owner for a in found) == ["Industrial Designer", "User Interface Designer"]


def test_go_away_and_do_it_hands_out_work() -> None:
    found = actions([("Maya", "so um ravi and lena now go away and uh play with the the prototype , and um maya can "
                              "go off and think about how we actually market this"), ("Ravi", "okay")], TEAM)
    assert sorted(owners(found)) == [
        ("Lena", "play with the prototype"), ("Maya", "think about how we actually market this"),
        ("Ravi", "play with the prototype")]
    assert actions([("Maya", "I think we can go away and think about it"), ("Ravi", "sure")], TEAM) == []


def test_a_work_word_used_as_a_noun_does_not_make_two_items_one() -> None:
    found = actions([("Maya", "for the next meeting ravi will be looking at the look and feel . and ravi and lena "
                              "will be producing a model for us to look at"), ("Ravi", "okay")], TEAM)
    assert sorted(owners(found)) == [("Lena", "producing a model for us to look at"),
                                     ("Ravi", "looking at the look and feel"),
                                     ("Ravi", "producing a model for us to look at")]
