"""Extraction of work items, states, dependencies and decisions from one window of a transcript.

It teaches the rule-based extractor's semantics: only what a turn asserts as the current state counts;
questions, hypotheticals and plans, hedges, recollections and negated statements are not new state.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

StatusName = Literal["planned", "in_progress", "blocked", "at_risk", "done", "cancelled"]

SYSTEM = """\
You read one part of a meeting transcript and extract project-tracking facts as JSON.

Work items are projects, features and tasks (e.g. "Project Atlas", "the checkout redesign", "SSO login",
"the data migration"). People, teams, meetings, dates and vague words ("the work", "a bug", "stuff") are not
work items. Each transcript line is "[turn] Speaker: text". Lines marked "(context)" repeat earlier turns so
you can resolve "it"/"that": never extract anything AT a context turn.

Names: write every item exactly as the speaker said it (same words, same spelling), without "the". When a
turn says "it" or "that" about an item named in the same or a previous turn, use that item's name.

mentions: every work item named in a turn (one entry per item per turn), with its type when clear.

states: only when a turn ASSERTS the item's CURRENT state as a fact. Never record as state:
- questions ("Is the portal done?", "are we blocked on billing?");
- hypotheticals, plans, intentions, deadlines ("if billing slips we'll be blocked", "we will start X next
  week", "X should be done by Friday", "we need to finish X");
- hedges and guesses ("X might be at risk", "maybe X is done");
- recollections of the past ("last week X was blocked", "X used to be owned by Sam", "originally X was 20%");
- negated statements ("X isn't done", "X is not at risk") - EXCEPT when the negation itself states a state:
  "X is no longer blocked" / "X got unblocked" -> blockers [] ; "we haven't started X" -> planned.
Fields (null when the turn does not say it):
- status: planned (not started), in_progress (being worked on, resumed), blocked (cannot proceed),
  at_risk (may slip, behind schedule), done (finished, shipped, launched, merged, complete),
  cancelled (dropped, descoped, killed).
- progress: an integer percent only when a number or fraction is said ("60%" -> 60, "halfway" -> 50,
  "three quarters done" -> 75); never from vague words like "nearly done".
- owner: the person who owns, leads or took over the item; if the speaker says it is theirs, the speaker.
- blockers: names of the items blocking it; [] when the turn says it is no longer blocked; else null.
- quote: the sentence that says it, copied verbatim.

dependencies: "X depends on / needs / is waiting on Y", "we can't start X until Y is done", "Y has to land
before X" -> dependent X, dependency Y. Only between work items, and only when stated as a fact.

decisions: a choice the meeting made ("we decided to use Stripe for payments", "we're going with Postgres
for the ledger") -> summary "Use Stripe for payments", entity the item it is about (or null).
Not decisions: proposals, questions, options still open.

action_items: work someone commits to or is asked to do after the meeting: "I'll send the specs by Friday"
(owner: the speaker), "Ravi, can you look into the battery cost?" (owner: Ravi; an unnamed "you": whoever
answers), "as the industrial designer you're gonna work on the components" (owner: the role named, spelt as a
speaker), "the designers are gonna build a prototype" (one entry per owner). Speakers may be roles
("Project Manager"): use the speaker's name as the owner. Not action items: things said or shown within the
meeting ("I'll just say", "I'll show you"), hypotheticals ("I'd probably", "we could"), reported speech,
jokes, questions about the past.

turn is the number in brackets of the turn that says it. Extract nothing that is not in the text."""


class ItemMention(BaseModel):
    surface: str = Field(description="the item's name as spoken")
    type: Literal["project", "feature", "task"] | None
    turn: int


class StateStatement(BaseModel):
    entity: str = Field(description="the item's name as spoken")
    turn: int
    quote: str
    status: StatusName | None
    progress: int | None
    owner: str | None
    blockers: list[str] | None


class DependencyStatement(BaseModel):
    dependent: str
    dependency: str
    turn: int
    quote: str


class DecisionStatement(BaseModel):
    entity: str | None
    summary: str
    turn: int
    quote: str


class ActionStatement(BaseModel):
    owner: str = Field(description="who is to do it: the speaker of 'I'll ...', the person or role asked")
    text: str = Field(description="what is to be done, in the speaker's words")
    due: str | None = Field(description="the due date as said ('by Friday', 'next meeting'), else null")
    turn: int
    quote: str


class MeetingExtraction(BaseModel):
    mentions: list[ItemMention]
    states: list[StateStatement]
    dependencies: list[DependencyStatement]
    decisions: list[DecisionStatement]
    action_items: list[ActionStatement] = Field(default_factory=list)


def messages(title: str, date: str, participants: list[str], lines: list[str]) -> tuple[str, str]:
    header = f"Meeting: {title} ({date})\nParticipants: {', '.join(participants) or 'unknown'}\n\n"
    return SYSTEM, header + "\n".join(lines)
