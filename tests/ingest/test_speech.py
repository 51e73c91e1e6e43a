"""Speech normalisation: what extraction reads, and that quotes keep the words as spoken."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.extract.rules import extract_meeting
from app.ingest.extract.speech import normalise, normalise_meeting
from app.ingest.models import MeetingInput, Status, Turn

PEOPLE = ["Priya Shah", "Ravi Kumar"]


def meeting(*lines: str, participants: list[str] = PEOPLE) -> MeetingInput:
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate(line.split(": ", 1) for line in lines)]
    return MeetingInput(title="sync", date=dt.date(2026, 3, 2), participants=participants, turns=turns)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("um so yeah the the billing migration is uh blocked", "the billing migration is blocked"),
        ("We, we agreed on Stripe.", "We agreed on Stripe."),
        ("I- I think the export service is done.", "I think the export service is done."),
        ("Um clunky in what sense , like um h heavier ?", "clunky in what sense, like heavier?"),
        ("Ravi owns the billing page, no wait, I mean the onboarding flow.", "Ravi owns the onboarding flow."),
        ("Priya, no wait, I mean Ravi owns it.", "Ravi owns it."),
        ("{vocalsound} The dashboard is {disfmarker} is about [Laughter.] forty percent done .",
         "The dashboard is about forty percent done."),
        ("I mean like the one on the left, you know, looks quite um quite complicated .",
         "like the one on the left looks quite complicated."),
        ("the L_C_D_ screen", "the LCD screen"),
        ("I'm sure it's fine, hmm.", "I'm sure it's fine."),
        # a contraction's ending is no cut-off word: "I'm Manuel" once read "I'Manuel", "we're really" "we'really"
        ("Right . {vocalsound} I'm Manuel and I'm the Industrial Designer .",
         "Right. I'm Manuel and I'm the Industrial Designer."),
        ("we're really late on the uh case", "we're really late on the case"),
        # ES2016a turn 9: the comma before the filler ends one item of the agenda's list
        ("our our agenda is the opening , uh acquaintance which we've kinda done .",
         "our agenda is the opening, acquaintance which we've kinda done."),
        ("We , um , agreed on Stripe .", "We agreed on Stripe."),
        # TS3008d turn 243: "'Cause" once became an item "Cause"
        ("Yeah , we'll talk about the lights later . 'Cause I also don yeah ,",
         "Yeah, we'll talk about the lights later. Because I also don yeah,"),
        # ES2015d turn 369: "'Kay" once became an item "Kay", done
        ("'Kay we're done designing .", "Okay we're done designing."),
        # ICSI spaces its hyphens: compounds (Bmr018 turn 464) keep theirs, false starts (Bmr019 turn 789) and
        # backchannels do not; "non" once became an item
        ("Yeah , cuz some of our non - natives are pretty non - native .",
         "Yeah, cuz some of our non-natives are pretty non-native."),
        ("We - I ju Otherwise we won't get the work done", "We - I ju Otherwise we won't get the work done"),
        ("Ro - Robert has the sixty - four millisecond frames", "Ro - Robert has the sixty-four millisecond frames"),
        ("Mm - hmm . Uh-huh . The mock - up is done .", "The mock-up is done."),
    ],
)
def test_fillers_repeats_false_starts_repairs_and_markers_go(said: str, read: str) -> None:
    assert normalise(said).text == read


def test_quotes_are_cut_from_the_original_words() -> None:
    said = "um so the the export service is {disfmarker} is done ."
    spoken = normalise(said)
    assert spoken.text == "so the export service is done."
    assert spoken.quote(0, len(spoken.text)) == "so the the export service is {disfmarker} is done ."


def test_names_get_their_case_back_but_roles_and_common_words_do_not() -> None:
    [turn] = normalise_meeting(
        [Turn(index=0, speaker="Project Manager", text="priya owns it and the project manager will check")],
        ["Priya Shah", "Will Hart", "Project Manager", "Checkout Redesign"],
    )
    assert turn.spoken.text == "Priya owns it and the Project Manager will check"
    [turn] = normalise_meeting([Turn(index=0, speaker="A", text="the checkout redesign is done")], ["Checkout Redesign"])
    assert turn.spoken.text == "the Checkout Redesign is done"


def test_known_names_get_their_case_back_through_markers_fillers_and_curly_quotes_among_many_names() -> None:
    # the pattern holds only the names whose words the meeting says: these are said around what speech drops
    names = [*(f"Item {n:05d}" for n in range(5000)), "Checkout Redesign", "Aoife O'Brien", "Single Sign-On"]
    said = "the checkout {disfmarker} redesign waits on single sign-on, o’brien says"
    [turn] = normalise_meeting([Turn(index=0, speaker="A", text=said)], names)
    assert turn.spoken.text == "the Checkout Redesign waits on Single Sign-On, O'Brien says"


def test_a_sentence_cased_item_name_after_a_word_that_modifies_it_keeps_the_speakers_case() -> None:
    # TS3005d turn 297: restored as "the regular Remote control", the capital cut "regular" off into an item
    names = ["Remote control", "Atlas", "LCD screen"]
    [turn] = normalise_meeting([Turn(index=0, speaker="Industrial Designer",
                                     text="It's easier than the regular uh remote control .")], names)
    assert turn.spoken.text == "It's easier than the regular remote control."
    [turn] = normalise_meeting([Turn(index=0, speaker="A", text="the remote control needs the lcd screen")], names)
    assert turn.spoken.text == "the Remote control needs the LCD screen"


def test_a_sentence_cut_off_at_a_turn_goes_on_in_the_speakers_next_turn() -> None:
    x = extract_meeting(
        meeting(
            "Ravi Kumar: the reporting dashboard is {disfmarker} is about",
            "Priya Shah: Yeah.",
            "Ravi Kumar: forty percent done . And then lunch.",
        )
    )
    [state] = x.states
    assert (state.entity, state.progress, state.turn) == ("reporting dashboard", 40, 0)
    assert state.quote == "the reporting dashboard is {disfmarker} is about forty percent done ."


def test_a_long_interruption_does_not_join_turns() -> None:
    x = extract_meeting(
        meeting(
            "Ravi Kumar: the reporting dashboard is",
            "Priya Shah: Hang on, I have a question about the budget first.",
            "Ravi Kumar: forty percent done.",
        )
    )
    assert [s.progress for s in x.states if s.entity == "reporting dashboard"] == []


def test_noisy_speech_keeps_owners_states_and_dependencies() -> None:
    x = extract_meeting(
        meeting(
            "Priya Shah: um so yeah the the billing migration is uh blocked by the ledger service",
            "Ravi Kumar: We, we agreed that priya owns the checkout redesign",
            "Priya Shah: ravi owns the billing page, no wait, I mean the onboarding flow",
            "Ravi Kumar: the search api is done okay and then the export service is at risk",
        )
    )
    by_item = {s.entity: s for s in x.states}
    assert by_item["billing migration"].blockers == ["ledger service"]
    assert by_item["checkout redesign"].owner == "Priya"
    assert by_item["onboarding flow"].owner == "Ravi"
    assert "billing page" not in by_item
    assert by_item["search api"].status is Status.DONE
    assert by_item["export service"].status is Status.AT_RISK
    assert [(d.dependent, d.dependency) for d in x.dependencies] == [("billing migration", "ledger service")]
    assert by_item["billing migration"].quote.startswith("the the billing migration is uh blocked")
