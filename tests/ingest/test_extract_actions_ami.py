"""Action items as the AMI meetings say them: short real turns (QMSum, MIT licence; AMI Meeting Corpus, CC BY 4.0),
each with its meeting and turn."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest.extract.rules import extract_meeting
from app.ingest.models import ActionAssertion, Curation, MeetingInput, Turn

ROLES = ["Project Manager", "Marketing", "User Interface", "Industrial Designer"]


def actions(lines: list[tuple[str, str]]) -> list[ActionAssertion]:
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate(lines)]
    return extract_meeting(MeetingInput(title="ami", date=date(2026, 3, 2), turns=turns)).action_items


def work(found: list[ActionAssertion]) -> list[tuple[str, str]]:
    return sorted((a.owner, " ".join(a.text.lower().split()[:3])) for a in found)


def test_the_two_of_you_after_addressing_a_third_are_the_other_two() -> None:
    # ES2016c turns 269-271: Ryan, Manuel, then Corrine get their work; "the two of you" are Ryan and Manuel
    found = actions([
        ("Marketing", "I am Corinne Whiting ."), ("User Interface", "I'm Ryan ."),
        ("Industrial Designer", "I'm Manuel ."),
        ("Project Manager", "Here's what's gonna be going on . Um Ryan you'll be working on the user interface design "
                            ". Um Manuel you'll be working on the look-and-feel design ."),
        ("Project Manager", "Corrine we'll want a product evaluation . And the two of you get to play with the uh "
                            "modelling components and uh maybe and and get us a prototype ."),
        ("Industrial Designer", "Okay ."),
    ])
    assert ("Marketing", "a product evaluation") in work(found)
    assert sorted(a.owner for a in found if "modelling" in a.text) == ["Industrial Designer", "User Interface"]


def test_you_two_in_an_unnamed_hand_out_leaves_each_role_its_own_task() -> None:
    # ES2008c turn 474, and the three replies after it
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "um you each have things to do , look and feel design , user interface design , product "
                            "evaluation , and you two are going to work together on a prototype using modelling "
                            "clay ."),
        ("Industrial Designer", "Ooh ."), ("User Interface", "Cool ."), ("Marketing", "Wow ."),
    ])
    assert work(found) == [
        ("Industrial Designer", "look and feel"), ("Industrial Designer", "work together on"),
        ("Marketing", "product evaluation"),
        ("User Interface", "user interface design"), ("User Interface", "work together on")]


def test_a_commitment_to_that_takes_the_clause_or_question_it_answers() -> None:
    asked = actions([  # ES2008a turns 122-124
        ("User Interface", "Um or should we just stick to just stick to having television television related buttons "
                           "on it ?"),
        ("Project Manager", "It's a good question . Um . I'll look into that ."),
    ])
    lead = actions([("Project Manager", "I haven't gotten an agenda yet , um I'll put that together .")])  # ES2008a 158
    condition = actions([  # ES2008c turn 301
        ("Marketing", "If I get any more information of fruits and vegetables , I'll let you know .")])
    assert [(a.owner, a.turn) for a in asked + lead + condition] == [
        ("Project Manager", 1), ("Project Manager", 0), ("Marketing", 0)]
    assert "television related buttons" in asked[0].text
    assert "agenda" in lead[0].text and "fruits and vegetables" in condition[0].text


def test_a_chair_suggesting_that_two_roles_work_together_gives_both_the_work() -> None:
    # IS1001c turn 325
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "So so to prepare the prototype I would suggest that the Industrial Designer and the User "
                            "Interface Designer uh work together . That would uh"),
    ])
    assert sorted((a.owner, a.text) for a in found) == [
        ("Industrial Designer", "work together: to prepare the prototype"),
        ("User Interface", "work together: to prepare the prototype")]


def test_a_bare_imperative_with_a_due_day_goes_to_whoever_answers() -> None:
    found = actions([
        # IS1001b turns 576-579 (shortened: "so that we can see them altogether" makes it everyone's, below)
        ("Project Manager", "Uh maybe for next meeting uh send me your presentation before by email . That would be "
                            "easier ."),
        ("User Interface", "What is the folder that you put yours in ?"),
        # no due day: a remark, no item
        ("Project Manager", "Send me a smile ."), ("Marketing", "Ha ."),
    ])
    assert [(a.owner, a.text, a.due_text) for a in found] == [
        ("User Interface", "send me your presentation before by email", "for next meeting")]


def test_a_bare_imperative_for_them_altogether_goes_to_everyone_who_answers() -> None:
    found = actions([  # IS1001b turns 576-578
        ("Project Manager", "and uh and then you will um you will be able to to see what has been uh has been said on "
                            "on this meeting and and what has been decided . Uh maybe for next meeting uh send me your "
                            "presentation before by email so that we can see them uh altogether . That would be "
                            "easier ."),
        ("User Interface", "Yeah ."), ("Marketing", "Mm ."),
        ("User Interface", "What is the folder that you put yours in ? And did it it did work ?"),
        ("Marketing", "{vocalsound} No ."),
    ])
    assert work(found) == [("Marketing", "send me your"), ("User Interface", "send me your")]


def test_work_until_next_meeting_handed_out_as_imperatives() -> None:
    # IS1001c turn 323 (nobody named; each task goes to the role it names or shares a word with, the last to the last)
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "So maybe we can um we can uh work on those aspects uh until next meeting . So have the "
                            "final uh look and feel design according to the decision . And have the the user interface "
                            "design and uh then evaluate the prodyuc {disfmarker} the product . It seems to be fancy , "
                            "innovative , and easy to use ."),
    ])
    assert work(found) == [("Industrial Designer", "the final look"), ("Marketing", "evaluate the prodyuc"),
                           ("User Interface", "the user interface")]


@pytest.mark.parametrize("line", [
    "I'm gonna do an opening , talk about um {disfmarker} did you all get the minutes ?",  # ES2008b turn 0
    "okay our agenda , we're gonna do an opening , I'm gonna review the minutes of the last meeting , then we'll have "
    "your three presentations",  # ES2008c turn 4
])
def test_the_chair_reading_out_the_agenda_takes_on_no_work(line: str) -> None:
    assert actions([("Project Manager", line), ("Marketing", "Okay .")]) == []


def test_putting_up_powerpoint_slides_after_the_meeting_is_work() -> None:
    # ES2008b turn 434
    found = actions([("Project Manager", "Um I'll make sure to put up um the minutes and the project documentation "
                                         "and including these PowerPoint slides .")])
    assert [(a.owner, a.text.split()[0]) for a in found] == [("Project Manager", "put")]
    assert actions([("Project Manager", "I'll just get the PowerPoint up .")]) == []


def test_you_could_said_to_someone_by_name_is_a_request() -> None:
    # ES2016a turn 88; Bro016 turn 273 ("you could" said to nobody by name is a suggestion)
    found = actions([
        ("Project Manager", "So marketing , you know , how maybe uh marketing , you could s find out what is the most "
                            "universally um appealing remote control out there ."),
        ("Marketing", "Okay ."),
        ("User Interface", "Well , you could put them both in as separate streams or something ."),
        ("Industrial Designer", "Mm ."),
    ])
    assert work(found) == [("Marketing", "find out what")]


def test_a_hand_out_after_for_next_time_and_a_role_that_is_to_work() -> None:
    # the hand-out forms the AMI chairs use ("for next time: ..."; "the user interface designer is to work on ...")
    found = actions([*[(r, "Okay .") for r in ROLES],
                     ("Project Manager", "Okay for the next meeting : market trend watching , components concept , "
                                         "user interface concept .")])
    assert work(found) == [("Industrial Designer", "components concept"), ("Marketing", "market trend watching"),
                           ("User Interface", "user interface concept")]
    found = actions([*[(r, "Okay .") for r in ROLES],
                     ("Project Manager", "Um so for the next meeting the user interface designer is to work on the "
                                         "interface concept .")])
    assert work(found) == [("User Interface", "work on the")]
    assert actions([("Project Manager", "There's a lot of marketing to get through .")]) == []


def test_a_task_said_in_a_known_items_capitals_is_no_part_of_the_role() -> None:
    # ES2008c turn 474 as ingested into a graph that knows "Design": "user interface Design" is the task
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "um you each have things to do , look and feel design , user interface design , product "
                            "evaluation ."), ("User Interface", "Cool .")])]
    found = extract_meeting(MeetingInput(title="ami", date=date(2026, 3, 2), turns=turns), ["Design"]).action_items
    assert work(found) == [("Industrial Designer", "look and feel"), ("Marketing", "product evaluation"),
                           ("User Interface", "user interface design")]


def test_a_breakdown_of_individual_work_over_three_turns() -> None:
    # ES2008a turns 147-151 (Alima introduced herself as the Industrial Designer)
    found = actions([
        ("Industrial Designer", "I'm Alima ."), ("User Interface", "Hi ."), ("Marketing", "Hello ."),
        ("Project Manager", "but this is just a breakdown of what we'll be doing individually ."),
        ("Industrial Designer", "Mm-hmm ."),
        ("Project Manager", "Um the industrial design , Alima will be doing um the working design ."),
        ("Industrial Designer", "Yeah ."),
        ("Project Manager", "Um the User Interface Designer , that's for {disfmarker} . Technical functions , I guess "
                            "like keeping in mind the buttons thing , the size of the buttons . Um user requirements um "
                            ", so you'll be hearing about different trends , uh about different things that people "
                            "need ."),
    ])
    assert work(found) == [("Industrial Designer", "doing the working"), ("Marketing", "user requirements"),
                           ("User Interface", "technical functions")]


def test_the_one_who_takes_a_request_on_owns_it_not_the_first_to_say_right() -> None:
    # ES2005a turns 70-75
    found = actions([
        ("Project Manager", "Um , if you could maybe come up with sort of shapes and suggested shades or whatever ."),
        ("Industrial Designer", "Right ."),
        ("Project Manager", "Which will probably just usurp what I said so"),
        ("User Interface", "So you want me to look at shapes and everything you said ?"),
        ("Project Manager", "Shapes and colours and um basically how to make it attractive ."),
    ])
    assert [(a.owner, a.turn) for a in found] == [("User Interface", 0)]


def test_a_request_right_after_calling_on_someone_is_theirs() -> None:
    # ES2010a turn 144 (the blank turns after it leave nobody to answer within reach)
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "Here's what we're going to do . Um the I_D_ , which is who ? Okay , you're going to think "
                            "about the working design . What do you think that means ?"),
        ("Project Manager", "Okay . And the marketing person , that's Courtney ."),
    ])
    assert work(found) == [("Industrial Designer", "think about the")]


def test_a_name_introduced_without_punctuation_before_i_am_is_the_speakers() -> None:
    # the way ES2012a turn 3 introduces Marketing (speech to text without punctuation), then work handed to him
    found = actions([
        ("Marketing", "Oh my name's Andrew I'm a {disfmarker} I'm the Market Research person for this meeting ."),
        ("Project Manager", "And um Andrew can go away and think about how we can actually market this as a concept ."),
    ])
    assert work(found) == [("Marketing", "think about how")]


def test_a_turn_that_names_work_for_each_role_by_initials_hands_it_out_without_a_cue() -> None:
    # ES2014a turn 190: no "individual actions" cue, the roles said by their initials, one of them after its work
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "Okay , so we've got um the working design for I_D_ . For U_I_D_ the technical functions "
                            "design . Marketing , the user requirement specification . Specific instructions will be "
                            "sent to you by your person by your personal coach ."),
    ])
    assert work(found) == [("Industrial Designer", "the working design"), ("Marketing", "the user requirement"),
                           ("User Interface", "technical functions design")]


def test_presentations_by_two_roles_are_no_work_handed_out() -> None:
    # IS1001c turn 2: the meeting's agenda names who presents what
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "So now uh we will have three presentations . So the conceptual specification by "
                            "Industrial Designer , the specification of the U_I_ by {disfmarker} or U_I_ ."),
    ])
    assert found == []


def test_a_gapped_role_by_its_initials_takes_the_verb_and_stops_at_the_next_clause() -> None:
    # ES2010b turn 421: "U_I_D_ the user interface concept" is the User Interface Designer's, without the clause after
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "Um here's what we're each going to do . The I_D_ is going to work on the components "
                            "concept , um U_I_D_ the user interface concept , and you're going to do some trend "
                            "watching ."),
    ])
    assert ("Industrial Designer", "work on the") in work(found)
    assert "work on the user interface concept" in [a.text.lower() for a in found if a.owner == "User Interface"]
    assert ("Marketing", "do some trend") in work(found)  # "and you": the one person the list has not named


def test_a_filler_before_a_commitment_to_that_leaves_it_to_the_question_asked() -> None:
    # ES2014a turns 134-136
    found = actions([
        ("User Interface", "Or is it just a television that we're supposed to be doing ?"), ("Marketing", "Mm ."),
        ("Project Manager", "Oh I w um basically I'll get back to you on that ."),
    ])
    assert [(a.owner, a.text) for a in found] == [
        ("Project Manager", "get back to you on that: Or is it just a television that we're supposed to be doing?")]


def test_a_commitment_said_again_in_fewer_words_is_one_item() -> None:
    # ES2014a turns 192 and 207
    found = actions([
        ("Project Manager", "And I guess I'll try and write up some minutes of uh this meeting to uh to give it to "
                            "you for the next meeting ."),
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "We will stay here and uh and break off . And I'll do minutes and and we'll see you in "
                            "half and hour ."),
    ])
    assert [a.turn for a in found] == [0]


def test_thanking_one_person_and_calling_the_next_presenter_hands_out_no_work() -> None:
    # ES2009b turns 33-35, with the names the team introduced themselves by in ES2009a
    turns = [Turn(index=i, speaker=s, text=t) for i, (s, t) in enumerate([
        *[(r, "Okay .") for r in ROLES],
        ("Industrial Designer", "{vocalsound} That's the end of my presentation ."),
        ("Marketing", "Cool ."),
        ("Project Manager", "Great . Thank you very much Nathan . {vocalsound} Um if next we can have the um User "
                            "Interface Developer go ahead and make a brief presentation that'd be great as well ."),
    ])]
    curation = Curation(known_as={"Industrial Designer": ["Nathan"], "User Interface": ["Ron"]})
    meeting = MeetingInput(title="ami", date=date(2026, 3, 2), turns=turns)
    assert extract_meeting(meeting, curation=curation).action_items == []


def test_a_request_for_all_these_reports_goes_to_everyone_who_answers() -> None:
    # ES2005b turns 535-542
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        ("Project Manager", "And also , integrating the , remember to integrate the logo and the s slogan ."),
        ("User Interface", "Mm-hmm ."),
        ("Project Manager", "Okay , so . Um can you put all these reports in the project documents folder if they're "
                            "not already in there as well . So , it just helps me summarize them ."),
        ("Industrial Designer", "Yeah yeah ."),
        ("Marketing", "Here ? Sure ."),
        ("Industrial Designer", "{vocalsound}"),
        ("Project Manager", "And um I'll put any {disfmarker} {gap} I'm I'm putting anything I do in there anyway , so "
                            "uh {disfmarker}"),
        ("User Interface", "And where is it sorry ?"),
    ])
    assert work(found) == [("Industrial Designer", "put all these"), ("Marketing", "put all these"),
                           ("User Interface", "put all these")]


def test_doing_that_takes_on_proposed_work_not_a_clause_that_only_sounds_like_one() -> None:
    found = actions([  # ES2006b turns 0-5 (shortened) and TS3012a turn 22
        ("Project Manager", "The agenda for the meeting , I put it in the sh shared documents folder . I don't know if "
                            "that meant that you could see it or not ."),
        ("User Interface", "{vocalsound}"),
        ("Project Manager", "Did anyone ?"), ("Industrial Designer", "Mm ."), ("User Interface", "No ."),
        ("Project Manager", "No . Oh well . Um I'll try and do that for the next meeting as well so if you check in "
                            "there , there's a shared project documents folder . Um and it should be in there ."),
        ("Project Manager", "So I'll take this out ."),
    ])
    assert not [a for a in found if a.text in ("see it or not", "in there") or "take this out" in a.quote]


def test_how_work_comes_and_what_a_role_is_like_are_no_work() -> None:
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        # TS3007a turn 381: the hand-out after "individual actions" names how feedback comes, then each one's work
        ("Project Manager", "Okay , uh next meeting will start in thirty minutes . So uh you uh will have uh individual "
                            "actions where I presume uh will be some feedback , uh via the m the mail . Um {vocalsound} "
                            "the the the Industrial uh Designer has to uh look at the working design . {vocalsound} Uh "
                            "the User Interface Designer has to look at the technical functions . So that's the thing "
                            "we uh discussed ."),
        ("User Interface", "Yeah . Um one thing uh ,"),
        # TS3012b turn 347, ES2013b turn 143 (shortened)
        ("Project Manager", "{vocalsound} Um {disfmarker} Yeah , I think user interface is fairly obvious . I mean it "
                            "should be very intuitive ,"),
        ("User Interface", "Pretty straightforward ."),
        ("Industrial Designer", "Cheers . Mm , I haven't actually got a display on my screen ."),
        ("Industrial Designer", "Still , I'll do without that . Okay um , now I wanna bring us down to earth again I'm "
                                "afraid and talk about the actual practicalities of how the thing needs to work ."),
    ])
    assert work(found) == [("Industrial Designer", "look at the"), ("User Interface", "look at the")]


def test_a_role_that_should_do_work_and_i_am_gonna_are_commitments_and_a_reason_is_no_part_of_them() -> None:
    found = actions([
        *[(r, "Okay .") for r in ROLES],
        # TS3006a turns 286-289 and 413, IS1004b turn 9
        ("Project Manager", "Okay so the um {vocalsound} uh {gap} this industrati Industrial Designer should produce a "
                            "working design . Am I correct ?"),
        ("Industrial Designer", "True ."),
        ("Project Manager", "Okay . Uh the User Interface Designer should specify the technical functions . Right ? "
                            "Yeah ?"),
        ("User Interface", "Yep ."),
        ("Project Manager", "The U_I_ guy also uh work on that , yeah , and for the mar our Marketing Expert should "
                            "deliver some specs ."),
    ])
    assert work(found) == [("Industrial Designer", "produce a working"), ("Marketing", "deliver some specs"),
                           ("User Interface", "specify the technical")]
    found = actions([("Industrial Designer", "I am gonna work on the conceptual design already 'cause yeah it's fairly "
                                             "important to know what kind of components we want to put in .")])
    assert [a.text for a in found] == ["work on the conceptual design already"]
    assert not actions([("Project Manager", "I'm gonna get kicked if I don't do it so")])  # TS3006b turn 955
    assert not actions([("Project Manager", "Y you do some individual work ,"), ("Marketing", "Yeah .")])  # TS3006a 403
