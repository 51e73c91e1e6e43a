"""Paraphrases no rule was written for reach their intent: the rules first, then the nearest example questions.

None of these phrasings is among the router's examples or the eval generator's templates."""

from __future__ import annotations

import anyio
import pytest

from app.embedding import get_embedder
from app.query.intents import Intent
from app.query.routing import EXAMPLES, IntentRouter, place
from app.query.text import NameIndex

NAMES = NameIndex(["Billing Migration", "Project Cobalt", "Ledger Service", "Mobile App"], people=["Ravi Shah"])

PARAPHRASES: dict[Intent, list[str]] = {
    Intent.CURRENT_STATUS: [
        "How's Billing Migration coming along?", "Is the Ledger Service ready?", "Update me on Project Cobalt",
        "Where is Mobile App at these days?", "Has Billing Migration been completed?", "Ledger Service: done or not?",
        "How much of Project Cobalt is finished?", "Can you tell me how Mobile App is doing",
        "is billing migration finished now", "what's the latest on the ledger service",
        "how is project cobalt going", "are we done with the mobile app", "state of play for Billing Migration?",
        "Is Ledger Service complete?", "how far has Project Cobalt got", "Mobile App - where are we?",
        "Any news on Billing Migration's progress?", "what percentage of the ledger service is done",
        "is project cobalt still in progress", "has the mobile app been delivered",
    ],
    Intent.TIMELINE: [
        "How did Billing Migration evolve?", "Show how Ledger Service changed week by week",
        "Give me the full history of Project Cobalt", "What has Mobile App gone through so far?",
        "trace billing migration from the beginning", "history of the ledger service please",
        "how has project cobalt moved over the meetings", "mobile app's journey so far",
        "What were the stages of Billing Migration?", "Chronological view of Ledger Service",
        "Timeline for Project Cobalt", "how did the mobile app's status change over time",
        "how has Billing Migration changed over the weeks", "what has happened to the ledger service since it started",
        "how has Project Cobalt developed", "the evolution of Mobile App", "past statuses of Billing Migration",
        "how has ledger service changed", "Project Cobalt progress history", "track record of the Mobile App",
    ],
    Intent.BLOCKERS: [
        "What's stopping Billing Migration?", "Why is the Ledger Service stalled?",
        "What's in the way of Project Cobalt?", "what is holding up the mobile app",
        "Is something preventing Billing Migration from moving forward?", "Ledger Service is stuck on what?",
        "What obstacles does Project Cobalt face?", "why has mobile app stalled",
        "What is Billing Migration blocked on?", "what's keeping the ledger service from progressing",
        "what's the holdup with project cobalt", "Mobile App impediments?", "Why isn't Billing Migration moving?",
        "what is the ledger service waiting for", "what hinders Project Cobalt", "blockers on the mobile app",
        "why is billing migration delayed", "Is anything blocking Ledger Service?",
        "What roadblocks are there for Project Cobalt?", "why can't we finish the mobile app",
    ],
    Intent.DEPENDENCIES: [
        "List everything Billing Migration needs before it can finish", "What does Ledger Service need first?",
        "Prerequisites for Project Cobalt?", "what must be done before the mobile app",
        "what has to be finished for Billing Migration to start", "What does the Ledger Service rely on?",
        "What needs to happen before Project Cobalt can go ahead?", "what does mobile app need in place",
        "billing migration requires what", "what does the ledger service need underneath it",
        "which work comes before project cobalt", "what has to land before Mobile App",
        "What are Billing Migration's dependencies?", "what must ledger service wait for",
        "what has to be ready before Project Cobalt can proceed", "upstream items for the mobile app",
        "what do we need to deliver before billing migration", "things the ledger service depends upon",
        "What work does Project Cobalt require first?", "what does the mobile app hinge on",
    ],
    Intent.DEPENDENTS: [
        "What would be affected if Billing Migration is late?", "Which items need Ledger Service?",
        "What is waiting on Project Cobalt?", "what relies on the mobile app",
        "If Billing Migration slips, what else is hit?", "what's downstream of the ledger service",
        "what can't start until project cobalt is done", "who is blocked by mobile app",
        "Which work depends on Billing Migration?", "what does a delay in Ledger Service hold up",
        "What's built on top of Project Cobalt?", "what breaks if the mobile app is delayed",
        "things that need billing migration", "impact of the ledger service slipping",
        "What else relies on Project Cobalt?", "which features wait for Mobile App",
        "what is billing migration holding up", "what's gated by the ledger service",
        "what needs project cobalt to finish first", "what is dependent on the mobile app",
    ],
    Intent.CRITICAL_PATH: [
        "Which chain of tasks decides our end date?", "which sequence of remaining work is longest",
        "longest chain of unfinished items", "what sequence of work gates delivery",
        "Which path of dependencies is the longest?", "what determines when we can ship",
        "show me the critical chain", "which run of dependent tasks takes longest",
        "What work sequence drives the schedule?", "what is on the critical path right now",
        "what ordered chain of work pins our finish date", "the chain that sets our deadline",
        "What is the longest dependency chain left?", "which chain of tasks holds the whole release",
        "which string of tasks leaves us no slack", "the path that limits delivery",
        "Which dependency chain controls the end date?", "what's the critical path of the work",
        "longest remaining path through the dependencies", "which chain of work is most time-critical",
    ],
    Intent.OWNER: [
        "Who's in charge of Billing Migration?", "Who takes care of the Ledger Service?",
        "Who is leading Project Cobalt?", "whose responsibility is the mobile app",
        "Who should I talk to about Billing Migration?", "who is running the ledger service",
        "who has project cobalt", "Who's driving Mobile App?", "Billing Migration owner?",
        "who handles the ledger service", "who is the lead on Project Cobalt", "who's on the mobile app",
        "Who was Billing Migration given to?", "who is accountable for ledger service",
        "which person runs Project Cobalt", "who looks after the mobile app",
        "Who is the point person for Billing Migration?", "whose job is the ledger service",
        "who heads Project Cobalt", "who is assigned to the mobile app",
    ],
    Intent.DECISIONS: [
        "What tech stack did we pick for Project Cobalt?", "What was agreed about the Ledger Service?",
        "Which option did we go with for Billing Migration?", "what did we settle on for the mobile app",
        "What was concluded about Project Cobalt?", "what did the team agree for ledger service",
        "what choice did we make on billing migration", "what approach was approved for Mobile App",
        "What was the final call on Project Cobalt?", "which vendor did we choose for the ledger service",
        "what did we land on for billing migration", "what framework was chosen for the mobile app",
        "What was the outcome of the Project Cobalt debate?", "what was resolved about Ledger Service",
        "Which database did we go for on Billing Migration?", "what was the verdict on the mobile app",
        "what did the group determine about Project Cobalt", "what was selected for the ledger service",
        "Which design won for Billing Migration?", "what did we opt for on the mobile app",
    ],
    Intent.OWNED_BY: [
        "What is Ravi Shah working on?", "What's on Ravi Shah's plate?", "which items does Ravi Shah own",
        "what has been given to Ravi Shah", "show everything Ravi Shah is responsible for", "Ravi Shah's tasks?",
        "what does ravi shah look after", "what work is ravi shah doing", "which projects is Ravi Shah leading",
        "what's Ravi Shah got on", "tell me what Ravi Shah owns", "list the things assigned to ravi shah",
        "what is ravi shah accountable for", "which features does Ravi Shah run", "Ravi Shah: what are they handling?",
        "what falls under Ravi Shah", "what did Ravi Shah take on", "everything Ravi Shah is driving",
        "what is ravi shah on the hook for", "which of the items belong to Ravi Shah",
    ],
    Intent.CHANGES_SINCE: [
        "What changed since last Monday?", "anything new since the previous meeting", "what's moved on since last time",
        "What's different since March 3?", "give me the changes since the kickoff", "what has happened since last week",
        "what progress since the last sync", "updates since yesterday?", "what's changed lately",
        "which statuses changed this week", "what has shifted since the last meeting", "recent updates please",
        "what did I miss since Friday", "what got updated since the last standup", "changes in the past two weeks",
        "what's been updated recently", "new developments since our last meeting", "what's the delta since last week",
        "anything changed since 2026-03-09?", "bring me up to date on what changed",
    ],
    Intent.MEETING_SUMMARY: [
        "Summarize the last meeting", "what happened in the last meeting", "give me a summary of the kickoff",
        "what was covered in yesterday's meeting", "recap of the March 9 meeting", "key points from the last meeting",
        "what did we talk about in the last meeting", "sum up the previous meeting", "meeting notes for the last sync",
        "what were the takeaways from the last meeting", "brief summary of the latest meeting",
        "what came out of the last meeting", "overview of the meeting on 2026-03-16",
        "what did the last meeting decide and change", "tl;dr of the last meeting", "highlights from the kickoff",
        "what was discussed in the most recent meeting", "run me through the last meeting",
        "a quick summary of the previous sync please", "what went on at the last meeting",
    ],
    Intent.COUNT: [
        "How many projects are there?", "how many items are blocked", "how many tasks are done",
        "count of features in progress", "number of blocked items?", "how many things have we finished",
        "how many open tasks do we have", "how many projects are at risk", "total count of items",
        "how many features have shipped", "what's the number of items in progress", "how many tasks are planned",
        "how many pieces of work are stuck", "how many projects are complete", "count the tasks",
        "how many items have been cancelled", "how many features are there in total", "how many tasks remain blocked",
        "number of projects that are done", "how many work items are open",
    ],
    Intent.SEARCH: [
        "What was said about the Ledger Service?", "Summarize the discussion about Project Cobalt",
        "what did people say about hiring", "what were the arguments about the remote's material",
        "what concerns were raised about the budget", "what was the plan for the battery",
        "what did the team think about the new colours", "discussion of the user interface",
        "what came up about the battery", "what was mentioned about speech recognition",
        "what did they discuss regarding the marketing report", "what ideas were floated for the case",
        "what did the group say about costs", "what was the feedback on the prototype",
        "summarise what was said about the LCD screen", "what were people's opinions on the price",
        "what did the industrial designer present", "what did marketing say about the target group",
        "how did the discussion about the buttons go", "what points were made about fashion trends",
    ],
    Intent.STATUS_AS_OF: [
        "What was the status of Billing Migration on March 9?", "where was the ledger service last week",
        "how far along was Project Cobalt at the kickoff", "what state was Mobile App in on 2026-03-16",
        "was billing migration blocked in the last meeting", "who owned the Ledger Service back in March",
        "status of project cobalt as of last Monday", "what was mobile app's progress two weeks ago",
        "Billing Migration status at the previous meeting", "how was the ledger service doing on March 2",
        "what did project cobalt look like last week", "was the mobile app done by March 20",
        "how far was billing migration as of 2026-03-09", "ledger service status before the last meeting",
        "what was blocking Project Cobalt last week", "Mobile App progress as of the kickoff",
        "where did Billing Migration stand on the 9th of March", "what was the state of the ledger service a week ago",
        "was project cobalt in progress on March 16", "status of the mobile app at the first meeting",
    ],
    Intent.DEPENDENCY_PATH: [
        "How does Billing Migration depend on Ledger Service?", "Is Project Cobalt connected to the Mobile App?",
        "what's the chain from billing migration to the ledger service", "path from Project Cobalt to Ledger Service",
        "does the mobile app depend on billing migration somehow", "how is Ledger Service linked to Project Cobalt",
        "show the dependency chain between Mobile App and Ledger Service",
        "what links billing migration and project cobalt",
        "is there a path from the mobile app to the ledger service",
        "how does project cobalt lead to billing migration",
        "through what does Mobile App depend on Ledger Service", "what connects the ledger service to the mobile app",
        "does billing migration rely on project cobalt indirectly",
        "route from Project Cobalt to Mobile App in the dependencies",
        "how are billing migration and the ledger service related",
        "trace the dependencies from Mobile App to Billing Migration",
        "which items sit between Project Cobalt and Ledger Service",
        "what is the dependency path from mobile app to project cobalt",
        "is Billing Migration downstream of Ledger Service", "how does the Mobile App end up waiting on Project Cobalt",
    ],
    Intent.ACTION_ITEMS: [
        "What is Ravi Shah supposed to do next?", "Which things are overdue?", "list the action points",
        "what did we promise to deliver last week", "who volunteered to write the minutes", "what are my to-dos",
        "anything past due?", "what tasks came out of the last meeting", "who owes what after the kickoff",
        "what did people sign up for in the meeting", "remind me what I promised to do",
        "which assignments are still open", "what follow-up work do we have", "what deadlines have we missed",
        "what should Ravi Shah get done by Friday", "what jobs were handed out", "who said they'd send the slides",
        "what did the team commit to doing", "the list of things people agreed to take care of",
        "what homework do we have before next time", "what does Ravi Shah owe us by the next meeting",
        "who is meant to be looking into the battery cost",
    ],
}


def route(question: str, router: IntentRouter) -> Intent:
    """Where the engine takes the question: a question placed nowhere gets the passages (search)."""
    parsed, _ = anyio.run(place, question, NAMES, router)
    return Intent.SEARCH if parsed.intent is Intent.UNKNOWN else parsed.intent


@pytest.fixture(scope="module")
def router() -> IntentRouter:
    return IntentRouter(get_embedder())


@pytest.mark.parametrize(("intent", "question"), [(i, q) for i, qs in PARAPHRASES.items() for q in qs])
def test_paraphrase_reaches_its_intent(router: IntentRouter, intent: Intent, question: str) -> None:
    assert route(question, router) == intent


def test_paraphrases_are_not_examples() -> None:
    examples = {text.lower() for texts in EXAMPLES.values() for text in texts}
    assert not [q for qs in PARAPHRASES.values() for q in qs if q.lower().replace("x", "") in examples]
