"""Paraphrases no rule was written for reach their intent: the rules first, then the nearest example questions.

None of these phrasings is among the router's examples or the eval generator's templates."""

from __future__ import annotations

import pytest

from app.embedding import get_embedder
from app.query.intents import Intent, parse_question
from app.query.routing import EXAMPLES, IntentRouter, masked
from app.query.text import NameIndex

NAMES = NameIndex(["Billing Migration", "Project Cobalt", "Ledger Service", "Mobile App", "Ravi Shah"])

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


def route(question: str, router: IntentRouter) -> Intent | None:
    parsed = parse_question(question, known_names=NAMES)
    return parsed.intent if parsed.intent is not Intent.UNKNOWN else router._route(masked(question, NAMES))


@pytest.fixture(scope="module")
def router() -> IntentRouter:
    return IntentRouter(get_embedder())


@pytest.mark.parametrize(("intent", "question"), [(i, q) for i, qs in PARAPHRASES.items() for q in qs])
def test_paraphrase_reaches_its_intent(router: IntentRouter, intent: Intent, question: str) -> None:
    assert route(question, router) == intent


def test_paraphrases_are_not_examples() -> None:
    examples = {text.lower() for texts in EXAMPLES.values() for text in texts}
    assert not [q for qs in PARAPHRASES.values() for q in qs if q.lower().replace("x", "") in examples]
