"""Items only on evidence, against more real speech (AMI excerpts, QMSum copy, source turns given): people called
on or praised, survey shares, work "being done" and the meeting itself are no work items."""

from __future__ import annotations

import datetime as dt

from app.ingest.extract.rules import extract_meeting
from app.ingest.extract.sentence import Sentence
from app.ingest.models import Extraction, MeetingInput, Turn

AMI_ROLES = ["Project Manager", "Marketing", "Industrial Designer", "User Interface"]


def extract(lines: list[tuple[str, str]], participants: list[str] = AMI_ROLES) -> Extraction:
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate(lines)]
    return extract_meeting(MeetingInput(title="m", date=dt.date(2026, 1, 5), participants=participants, turns=turns))


def items(x: Extraction) -> set[str]:
    return {m.surface.lower() for m in x.mentions} | {s.entity.lower() for s in x.states}


def test_well_done_is_praise_for_a_person_not_a_status() -> None:
    x = extract([  # ES2007b turns 94 and 137
        ("Project Manager", "Um I dunno if you guys have got any questions for Catherine on any of this ?"),
        ("Project Manager", "Okay . Right , well done , Catherine . Um Gab Gabriel let's uh let's hear from you on "
                            "on on such things ."),
    ])
    assert "catherine" not in items(x)
    assert not [s for s in x.states if s.status is not None]


def test_a_name_called_on_in_two_turns_is_a_person_whatever_is_said_of_them() -> None:
    x = extract([  # IS1000d turns 8, 36 and 899
        ("Project Manager", "So . Matthew is uh late again ."),
        ("Project Manager", "Okay Matthew . Nice uh you are here ."),
        ("Industrial Designer", "Right , Matthew ?"),
    ])
    assert "matthew" not in items(x)


def test_a_name_asked_something_is_a_person() -> None:
    x = extract([  # IS1005c turns 46 and 62
        ("Project Manager", "{gap} So , Hamed , can you {gap} ."),
        ("Industrial Designer", "Uh okay , so good news from me uh uh for me from Hamed , but bad news from Bob "
                                "obviously , because spongy design , I don't like it as {gap} {disfmarker}"),
    ])
    assert "hamed" not in items(x)


def test_a_name_asked_about_once_is_still_an_item() -> None:
    x = extract([("Project Manager", "The Redis cache is at risk ."), ("Marketing", "Okay , Redis ?")])
    assert "redis cache" in items(x)


def test_a_share_of_the_people_asked_is_no_progress() -> None:
    x = extract([  # ES2016b turn 113, ES2010b turn 80 (shortened)
        ("Marketing", "Another thing about these figures is ninety one percent of the youngest age groups said "
                      "they'd do it , but probably a lot of them that's actually their parents money ."),
        ("Marketing", "we need something simple , because most people , well thirty four percent say that it's "
                      "just too much time to learn how to use a new one ,"),
    ])
    assert not [s for s in x.states if s.progress is not None]
    assert not items(x) & {"youngest age groups", "something simple"}


def test_progress_of_one_items_work_is_still_read_through_of() -> None:
    x = extract([("Project Manager", "Thirty percent of the billing migration is done now .")])
    assert [(s.entity.lower(), s.progress) for s in x.states] == [("billing migration", 30)]


def test_work_being_done_is_no_done_status() -> None:
    x = extract([  # IS1008d turn 129
        ("Industrial Designer", "{vocalsound} Although customisation , because this is being done , you know , the "
                                "on {disfmarker} on-order basis , it might be uh the the quantity won't m won't uh"),
    ])
    assert not [s for s in x.states if s.status is not None]


def test_the_kick_off_meeting_is_no_start_of_work() -> None:
    x = extract([  # IS1000a turn 41
        ("Project Manager", "Welcome at uh {disfmarker} at the kick off meeting of our uh latest project ."),
    ])
    assert "welcome" not in items(x)
    assert not [s for s in x.states if s.status is not None]


def test_a_plural_said_as_a_modifier_stays_in_the_name() -> None:
    # IS1008d turn 319
    chunks = [c.text for c in Sentence.parse("pri and then to launch um at a a major sports event", frozenset()).chunks]
    assert "major sports event" in chunks
    assert "remote controls" in [c.text for c in Sentence.parse("the remote controls ugly", frozenset()).chunks]


def test_information_is_a_generic_noun() -> None:
    x = extract([  # ES2006c turns 20, 24 and 260 (shortened)
        ("Industrial Designer", "and this is the chip that I was talking about last time . This basically sends "
                                "information to a tr uh transistor here , which then uh sends the information to an "
                                "L_E_D_ device here ."),
        ("Industrial Designer", "on pressing this button I {disfmarker} a circuit completes , the information goes to "
                                "the chip , which is somewhere here"),
        ("Marketing", "I mean if you could make it integrate with the T_V_ then it could come up with new information "
                      "about what's on , and you could just see that on the remote rather than {disfmarker}"),
    ])
    assert "information" not in items(x)


def test_a_first_name_alone_or_with_a_surname_is_a_person() -> None:
    x = extract([
        ("PhD A", "And the reason here is just that for the people doing work not on microphones but on sort of like "
                  "dialogue and so forth , uh {disfmarker} or and even on prosody , which Don is gonna be working on "
                  "soon ,"),  # Bmr011 turn 58 (ICSI speakers are labelled by role)
        ("PhD G", "I 'm just talkin for the stuff that like Dan Ellis is gonna try ,"),  # Bmr016 turn 219
        ("Grad E", "Don is done with the prosody ."),
    ], participants=["PhD A", "PhD G", "Grad E"])
    assert not items(x) & {"don", "dan ellis"}


def test_a_first_name_known_or_introduced_as_work_is_still_an_item() -> None:
    x = extract([("Project Manager", "The Jordan project is blocked by the vendor contract .")])
    assert "jordan project" in items(x) or "jordan" in items(x)
    meeting = MeetingInput(title="m", date=dt.date(2026, 1, 5), participants=AMI_ROLES,
                           turns=[Turn(index=0, speaker="Marketing", text="Jordan is blocked by the vendor contract .")])
    assert "jordan" not in items(extract_meeting(meeting))
    assert "jordan" in items(extract_meeting(meeting, known_names=["Jordan"]))  # a catalogued or earlier item


def test_a_name_coordinated_with_first_names_or_doing_something_to_himself_is_a_person() -> None:
    x = extract([
        # Bed011 turn 71, Bro017 turn 576 (ICSI speakers are labelled by role)
        ("Grad C", "Yeah , but I {disfmarker} i i it 's happening . David and {disfmarker} and Jane and {disfmarker} "
                   "and Lila are working on that as we speak ."),
        ("Professor B", "Chuck is getting himself in trouble ."),
    ], participants=["Grad C", "Professor B"])
    assert not items(x) & {"lila", "chuck"}


def test_a_name_only_its_acronym_makes_work_like_needs_a_second_turn_or_a_statement() -> None:
    x = extract([
        ("Project Manager", "Yep . S Okay , let's go to A_M_I_ ."),  # IS1008d turn 12
        ("User Interface", "Because I know at the end of when I'm done watching T_V_ that when I'm done , oh I "
                           "better go find the remote and put it back where it belongs ."),  # IS1002b turn 419
        ("Project Manager", "Um your idea of the U_S_B_ would I think would largely depend on the cost ."),
        ("Industrial Designer", "The U_S_B_ for which ?"),  # ES2003c turns 258 and 260 (shortened)
        ("Project Manager", "The CRM migration is blocked by the vendor ."),
    ])
    assert not items(x) & {"ami", "watching tv"}
    assert {"usb", "crm migration"} <= items(x)


def test_an_abstract_noun_a_meeting_keeps_coming_back_to_is_no_item() -> None:
    x = extract([  # education_18 turns 178, 188 and 190 (shortened), then another member
        ("Eluned Morgan AM", "I think, first of all, you're absolutely right, but we are keeping a close eye on the "
                             "situation."),
        ("Eluned Morgan AM", "Let's wait for the outcome of the negotiations. I think we are very aware of the "
                             "situation."),
        ("Eluned Morgan AM", "Well, I think, already, we've got the situation in relation to teachers."),
        ("Suzy Davies AM", "And the situation with the pay settlement, is that resolved?"),
    ], participants=["Eluned Morgan AM", "Suzy Davies AM"])
    assert "situation" not in items(x)


def test_words_that_only_pick_out_a_thing_name_none() -> None:
    x = extract([  # covid_0 turn 293 (shortened), a hearing of 94 speakers
        ("Hon. Pierre Poilievre", "We have been asking for an economic update for the past month."),
    ] + [(f"Member {i}", "Thank you, Mr. Chair.") for i in range(13)],
        participants=["Hon. Pierre Poilievre", *(f"Member {i}" for i in range(13))])
    assert "past" not in items(x)


def test_an_update_for_someone_introduces_no_work_and_a_name_with_a_number_is_a_name() -> None:
    x = extract([  # TS3006b turn 142 (shortened)
        ("Marketing", "Well we got an update for the for the audience . Or the the the targeted group ."),
    ])
    assert "audience" not in items(x)
    x = extract([  # education_19: four members' turns (shortened)
        ("Kirsty Williams AM", "or the work that they might be doing with Horizon 2020, or their success"),
        ("Kirsty Williams AM", "we want to be able to continue in Horizon 2020."),
        ("Huw Morris", "that would only give us third-country status for Horizon 2020 and Erasmus."),
    ], participants=["Kirsty Williams AM", "Huw Morris"])
    assert "horizon 2020" in items(x)
