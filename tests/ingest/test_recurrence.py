"""Recurring topics (`recurrence.py`): what a meeting keeps coming back to is evidence of work, unless it is a
formula, a place one goes to, a preposition, or a bare noun behind a grading word. Real turns from QMSum."""

from __future__ import annotations

import pytest

from app.ingest.extract.rules import extract_meeting
from tests.ingest.test_evidence import AMI_ROLES, items, meeting


def test_a_grading_word_is_left_out_of_a_recurring_phrase() -> None:
    # ES2016c turns 46 and 84: two people say "the actual device", meaning the remote itself
    x = extract_meeting(meeting([
        ("User Interface", "talking about the interface concept and how the customer relates to , will use the , "
                           "consumer will use the actual device ."),
        ("Industrial Designer", "Where you just move them m move the the actual device and this pr uh provides it "
                                "with with uh some energy ."),
    ], AMI_ROLES))
    assert "actual device" not in items(x)


def test_a_preposition_said_as_a_noun_is_no_recurring_topic() -> None:
    # ES2008c turns 311, 391, 397 and 401
    x = extract_meeting(meeting([
        ("User Interface", "So instead of opening the box you just kind of peel it , and the remote control's "
                           "inside ."),
        ("Project Manager", "I'm a little hesitant about it , because I'm worried about protecting the stuff on the "
                            "inside ."),
        ("Industrial Designer", "of latex cases before , is that there's uh like a hard plastic inside , and it's just "
                                "covered with the latex ."),
        ("Industrial Designer", "The inside is hard . I don't think we need to worry about protecting the circuit "
                                "board ,"),
    ], AMI_ROLES))
    assert "inside" not in items(x)


def test_what_is_only_ever_gone_to_or_through_is_no_recurring_topic() -> None:
    x = extract_meeting(meeting([  # ES2008d turns 635 and 637, 849 and 850
        ("Project Manager", "I'm very sad that I didn't get any links to the corporate website . {gap} ."),
        ("Industrial Designer", "what did I get through the corporate website ? It's just inspiration about circuit "
                                "boards ."),
        ("Industrial Designer", "Or yellow and blue . Lemme go to the web page ."),
        ("Project Manager", "Yeah , I was just kinda going by the web page , 'cause they didn't give me any clear , "
                            "like yellow , grey , or {gap} ."),
    ], AMI_ROLES))
    assert not {"corporate website", "web page"} & items(x)


@pytest.mark.parametrize(
    "lines",
    [
        # ES2008b turns 138, 143 and 144: a saying (which way a screw turns)
        [("Project Manager", "Lefty loosey , righty tighty , right ?"),
         ("Project Manager", "{vocalsound} Lefty loosey , righty tighty ."),
         ("User Interface", "Lefty loosey . Uh .")],
        # education_0 turns 121 and 122: Welsh thanks at the end of a hearing
        [("Lynne Neagle AM", "As usual, you will receive a transcript to check for accuracy following the meeting. "
                             "Diolch yn fawr."),
         ("Vaughan Gething AM", "Diolch yn fawr, Chair.")],
    ],
)
def test_a_formula_said_only_as_a_sentence_of_its_own_is_no_recurring_topic(lines: list[tuple[str, str]]) -> None:
    assert items(extract_meeting(meeting(lines))) == set()


def test_a_word_said_as_the_x_only_after_prepositions_like_round_is_no_recurring_topic() -> None:
    x = extract_meeting(meeting([  # ES2016b turns 241, 243, 249 and 270
        ("Project Manager", "To the thumb . Yeah ."),
        ("User Interface", "To the thumb yeah . Maybe the buttons could like uh decrease in s the bigger ones"),
        ("User Interface", "Yeah . Right on the {disfmarker} and your thumb would be up here type thing ."),
        ("User Interface", "whereas this is just a one-handed thing that you sort of almost wrap round the thumb . So "
                           "you'd have your , you'd put your hand into there with the thumb there ."),
    ], AMI_ROLES))
    assert "thumb" not in items(x)


def test_worth_governs_what_follows_like_a_preposition() -> None:
    x = extract_meeting(meeting([  # education_3 turns 12 and 78
        ("Meilyr Rowlands", "The other thing that's worth saying about funding is that even a small decrease in real "
                            "terms can be disproportionate."),
        ("Claire Morgan", "It's probably worth saying that skill development is a strength in about three quarters of "
                          "our schools."),
    ]))
    assert "worth saying" not in items(x)


def test_a_colour_a_place_on_the_product_or_the_hand_holding_it_is_no_recurring_topic() -> None:
    # TS3005c turns 132-134 and 297-318, TS3003c turns 219-339 (shortened): the team keeps coming back to them,
    # but they are values, places and hands, while the buttons they are said of are the work
    x = extract_meeting(meeting([
        ("Marketing", "Like the blue , the red , the white , the yellow , that stuff . And the colour should be "
                      "yellow , or something ."),
        ("Industrial Designer", "With the with the yellow uh {disfmarker} the yellow buttons on the top ."),
        ("Project Manager", "Yeah the yellow , I mean it , on the left and the right side ."),
        ("Marketing", "Because some fat people with thick fingers will press three buttons at once ."),
        ("Industrial Designer", "Yeah they have thick fingers , so the buttons need to be bigger ."),
        ("User Interface", "That's the top . The on-off button , still on the top , and the left is for volume ."),
        ("Project Manager", "And the left and the top , and the fingers , yeah ."),
        ("Marketing", "the fingers , the thick fingers , the yellow buttons ."),
    ], AMI_ROLES))
    found = items(x)
    assert not found & {"yellow", "top", "left", "fingers", "thick fingers"}
    assert "buttons" in found or "yellow buttons" in found


def test_what_something_only_ever_is_is_a_property_not_a_recurring_topic() -> None:
    # TS3003a turns 240-243: "shock proof" is said as what the remote has to be, then echoed
    x = extract_meeting(meeting([
        ("Marketing", "Think it has to be shock proof , and the battery should be easy to change ."),
        ("Project Manager", "Shock proof ."),
        ("Industrial Designer", "Yeah it's shock proof if the battery sits in rubber ."),
        ("Marketing", "And the battery lasts long , the battery is cheap ."),
    ], AMI_ROLES))
    found = items(x)
    assert "shock proof" not in found
    assert "battery" in found


def test_a_word_said_as_our_x_is_a_specific_thing_like_the_x() -> None:
    # ES2005c turns 183, 194, 233 and 276 (shortened): "our budget", never "the budget"
    lines = [
        ("User Interface", "the L_C_D_ , it does look smart , but I think maybe for our budget , do you think that "
                           "would be a bit too"),
        ("User Interface", "Uh-huh . But our budget , we've {disfmarker}"),
        ("User Interface", "It's a good idea , but for our budget and for the thing we're trying to go for , it's not "
                           "the thing we should go for , I think ."),
        ("Industrial Designer", "and then we'll throw in our new innovations and keep it all within budget ."),
    ]
    assert "budget" in items(extract_meeting(meeting(lines, AMI_ROLES)))
    lines = [(s, t.replace("our budget", "your budget")) for s, t in lines]  # as in "your name"
    assert "budget" not in items(extract_meeting(meeting(lines, AMI_ROLES)))


def test_who_the_product_is_for_is_no_recurring_topic() -> None:
    # TS3006b turns 160, 222, 234 and 374 (shortened)
    x = extract_meeting(meeting([
        ("Marketing", "Uh but below that age they uh they pretty much are . So I think we can build that in ."),
        ("User Interface", "Um but yeah the the age is uh under forty ?"),
        ("Marketing", "Yeah from age of sixteen so yeah ."),
        ("Marketing", "Uh six {disfmarker} the marketing research started on s on the age of sixteen ."),
    ], AMI_ROLES))
    assert "age" not in items(x)
