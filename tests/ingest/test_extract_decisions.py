"""Decisions as real meetings make them: the group settling something in its own words, or a requirement handed
down, kept as said; questions, hedges, conditionals, recollections and the meeting's own logistics are not.

The speech is written in the style of the AMI design meetings (QMSum, MIT licence): roles as speakers,
markers, fillers, lowercase, no final punctuation."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.extract.rules import extract_meeting
from app.ingest.models import MeetingInput, Turn

ROLES = ["Project Manager", "Marketing", "Industrial Designer", "User Interface"]


def meeting(*lines: str) -> MeetingInput:
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate(line.split(": ", 1) for line in lines)]
    return MeetingInput(title="design", date=dt.date(2026, 3, 2), participants=ROLES, turns=turns)


@pytest.mark.parametrize(
    "said",
    [
        "Okay , so we've decided on the yellow case then .",
        "um so let's go with the rubber buttons {vocalsound}",
        "I think we'll go for the kinetic battery , it's cheaper",
        "So that's decided , the remote only works with one television",
        "we all agree on the single curved shape",
        "The company wants the corporate colour and slogan on the new design .",
        "uh management has decided that teletext is out",
        "Alright we're going with the jog dial for the channels",
        "So we'll drop the L_C_D_ screen , it's too expensive .",
        "Okay , so we stick with what we've got there .",  # ES2005c turn 610
        "s I guess we decided on material , right ?",  # ES2005c turn 603: a tag question confirms
        "And {vocalsound} we want um we want large buttons for the essential things .",  # ES2008b turn 390
        "And also the company want to keep it stuck to the T_V_ for uh to keep down the production time .",
        "We dropped the scroll wheel .",  # TS3005d turn 1071
        "Y yea the scroll wheel is dropped .",  # TS3005d turn 1076
        "We went for the double-curved case made out of plastic and rubber .",  # TS3008d turn 588
    ],
)
def test_a_settled_choice_is_a_decision_in_the_speakers_words(said: str) -> None:
    extraction = extract_meeting(meeting("Marketing: Right .", f"Project Manager: {said}", "Marketing: Mm-hmm ."))
    assert [d.turn for d in extraction.decisions] == [1]
    decision = extraction.decisions[0]
    assert "{" not in decision.summary and decision.summary[0].isupper() and decision.quote in said


@pytest.mark.parametrize(
    "said",
    [
        "Should we go with the rubber buttons ?",
        "maybe we'll go for the kinetic battery , I'm not sure",
        "If the company wants it yellow we'll use yellow .",
        "We haven't decided on the case material yet",
        "We could go with a jog dial I suppose",
        "last meeting we decided on the yellow case",
        "Okay we're gonna have to wrap up in five minutes",
        "We'll have another meeting in half an hour about it",
        "Let's go with the presentation first .",
        "um I dunno whether we agree on that",
        "do we want a long-life battery ?",
        "we want to finish the prototype by Friday",
    ],
)
def test_questions_hedges_recollections_and_logistics_decide_nothing(said: str) -> None:
    extraction = extract_meeting(meeting("Marketing: Right .", f"Project Manager: {said}"))
    assert extraction.decisions == []


def test_a_decision_is_about_the_item_its_sentence_names() -> None:
    extraction = extract_meeting(meeting(
        "Industrial Designer: The Battery Pack is at fifty percent .",
        "Project Manager: Okay so we'll go for the Battery Pack with the kinetic charger .",
    ))
    assert [(d.turn, d.entity) for d in extraction.decisions] == [(1, "Battery Pack")]


# Proposals and their replies as said in ES2002c (turns 365-370 and 478-479) and ES2016a (turn 153).
@pytest.mark.parametrize(
    ("proposal", "reply"),
    [
        ("Project Manager: Could have things like backlighting the buttons and stuff like that .",
         "Marketing: Like {disfmarker} Okay so so backlighting , that would be good ."),
        ("User Interface: I'd quite like a sort of uh snowman type shape .",
         "Project Manager: Uh-huh . That's quite a distinctive shape , that would be good"),
        ("Industrial Designer: We could also try to do the hinge thing , so it could like flip out that way .",
         "Marketing: yeah definitely"),
    ],
)
def test_a_proposal_another_speaker_approves_is_a_decision(proposal: str, reply: str) -> None:
    extraction = extract_meeting(meeting("Marketing: Right .", proposal, "Industrial Designer: Mm-hmm .", reply))
    assert [d.turn for d in extraction.decisions] == [1]


@pytest.mark.parametrize(
    ("proposal", "reply"),
    [
        ("Project Manager: Could have things like backlighting the buttons and stuff like that .",
         "Project Manager: that would be good"),  # the proposer's own approval
        ("Project Manager: Could have things like backlighting the buttons and stuff like that .",
         "Marketing: that would be good but it costs too much , I think we'd need a lot more in the budget for it"),
        ("User Interface: I'd quite like a sort of uh snowman type shape .",
         "Marketing: I don't think that's a good idea"),
        ("User Interface: we could use a jog dial ?", "Marketing: sounds good"),
        ("Industrial Designer: you could make a device , I think", "Marketing: I think I have a nice idea ."),
        ("Marketing: I'd like to hear your thoughts .", "Project Manager: Fair enough ."),
    ],
)
def test_a_proposal_nobody_else_approves_is_not(proposal: str, reply: str) -> None:
    extraction = extract_meeting(meeting("Marketing: Right .", proposal, "Industrial Designer: Mm-hmm .", reply))
    assert extraction.decisions == []


@pytest.mark.parametrize("lines", [
    ("Project Manager: Um did we decide on a chip ? Let's go with a simple chip ?",
     "Industrial Designer: Simple chip .", "Project Manager: Okay ."),
    ("Project Manager: so we'll go with the rubber case then ?", "Marketing: yeah {vocalsound}"),
    ("Industrial Designer: shall we just use the kinetic battery ?", "User Interface: sure , fine by me"),
])
def test_a_settling_question_answered_yes_or_said_back_is_a_decision(lines: tuple[str, ...]) -> None:
    decisions = extract_meeting(meeting(*lines)).decisions
    assert len(decisions) == 1 and decisions[0].turn == 0
    assert not decisions[0].summary.endswith("?")


@pytest.mark.parametrize("lines", [
    ("Project Manager: shall we use the kinetic battery ?", "Marketing: I'm not sure , it's expensive"),
    ("Project Manager: so we'll go with the rubber case then ?", "Marketing: well what about plastic ?"),
    ("Project Manager: let's go with a simple chip ?", "Marketing: chip ?"),
    ("Project Manager: are we going to use the LCD screen ?", "Marketing: yeah"),
    ("Project Manager: do we have to use an advanced chip for the LCD ?", "Industrial Designer: yeah"),
    ("Project Manager: shall we maybe go with rubber ?", "Marketing: yeah"),
    ("Project Manager: should we have a look at the costs ?", "Marketing: yeah"),
])
def test_a_settling_question_left_open_is_no_decision(lines: tuple[str, ...]) -> None:
    assert extract_meeting(meeting(*lines)).decisions == []
