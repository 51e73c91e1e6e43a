"""What the query bench asks: the generated corpus's items, people and dates, and a question per intent and a
request per GET endpoint that name them (bench/query.py times them)."""

from __future__ import annotations

import random
from collections.abc import Callable

from corpus import TECHNOLOGIES, Team
from timing import Request

from app.ingest.names import entity_id

FALLBACKS = {"decisions": ("search",)}  # an item with no recorded decision is answered by a search


class Corpus:
    """What the generated meetings talk about: items, people and dates to ask questions with."""

    def __init__(self, payloads: list[dict], teams: list[Team], rng: random.Random) -> None:
        self.rng = rng
        names = {item.name for team in teams for item in team.items}
        self.dates = sorted({p["date"] for p in payloads})
        self.external_ids = [p["external_id"] for p in payloads]
        seen_items: dict[str, None] = {}
        seen_people: dict[str, None] = {}
        for p in payloads:
            for person in p["participants"]:
                seen_people.setdefault(person, None)
            for line in p["transcript"].splitlines():
                for name in _word_trios(line):
                    if name in names:
                        seen_items.setdefault(name, None)
        self.items, self.people = list(seen_items), list(seen_people)
        # (dependent, dependency) pairs of the corpus's plan, one and two hops apart, both talked about
        named = set(self.items)
        self.pairs = [
            (item.name, far.name)
            for team in teams for item in team.items if item.name in named
            for near in item.depends_on for far in (near, *near.depends_on) if far.name in named
        ]

    def pair(self) -> tuple[str, str]:
        return self.rng.choice(self.pairs) if self.pairs else (self.item(), self.item())

    def item(self) -> str:
        return self.rng.choice(self.items)

    def recent_date(self) -> str:
        """A date in the last tenth of the series: "what changed since" should not return the whole history."""
        return self.rng.choice(self.dates[-max(1, len(self.dates) // 10):])

    def any_date(self) -> str:
        return self.rng.choice(self.dates)


def _word_trios(line: str) -> list[str]:
    """Runs of three capitalised words: the corpus names every item that way."""
    words = line.split(": ", 1)[-1].replace(",", " ").replace(".", " ").replace("?", " ").split()
    return [" ".join(words[i:i + 3]) for i in range(len(words) - 2) if all(w[:1].isupper() for w in words[i:i + 3])]



def questions(corpus: Corpus) -> dict[str, Callable[[], str]]:
    c = corpus
    return {
        "current_status": lambda: f"What's the status of {c.item()}?",
        "status_as_of": lambda: f"What was the status of {c.item()} on {c.any_date()}?",
        "timeline": lambda: f"Show me the history of {c.item()}",
        "blockers": lambda: f"What is blocking {c.item()}?",
        "dependencies": lambda: f"What does {c.pair()[0]} depend on?",
        "dependents": lambda: f"What depends on {c.pair()[1]}?",
        "dependency_path": lambda: "How does {} depend on {}?".format(*c.pair()),
        "critical_path": lambda: "What is the critical path?",
        "owner": lambda: f"Who owns {c.item()}?",
        "owned_by": lambda: f"What is {c.rng.choice(c.people)} working on?",
        "changes_since": lambda: f"What changed since {c.recent_date()}?",
        "decisions": lambda: f"What did we decide about {c.item()}?",
        "search": lambda: f"Find discussions about {c.rng.choice(TECHNOLOGIES)}",
        "meeting_summary": lambda: f"Summarize the meeting on {c.any_date()}",
        "count": lambda: c.rng.choice(("How many items are blocked?", "How many items are done?",
                                       "How many items are at risk?")),
    }


def endpoints(corpus: Corpus) -> dict[str, Callable[[], Request]]:
    c = corpus

    def eid(name: str | None = None) -> str:
        return entity_id(name or c.item())

    def path() -> Request:
        dependent, dependency = c.pair()
        return "GET", "/api/paths", {"from": eid(dependent), "to": eid(dependency)}

    return {
        "GET /api/entities/{id}": lambda: ("GET", f"/api/entities/{eid()}", None),
        "GET /api/entities/{id}/timeline": lambda: ("GET", f"/api/entities/{eid()}/timeline", None),
        "GET /api/entities/{id}/dependencies": lambda: ("GET", f"/api/entities/{eid(c.pair()[0])}/dependencies", None),
        "GET /api/entities/{id}/dependents": lambda: ("GET", f"/api/entities/{eid(c.pair()[1])}/dependents", None),
        "GET /api/entities/{id}/state?as_of": lambda: ("GET", f"/api/entities/{eid()}/state", {"as_of": c.any_date()}),
        "GET /api/entities?q=": lambda: ("GET", "/api/entities", {"q": c.item().split()[1].lower(), "limit": 20}),
        "GET /api/paths": path,
        "GET /api/changes?since": lambda: ("GET", "/api/changes", {"since": c.recent_date(), "limit": 200}),
        "GET /api/meetings/{id}": lambda: ("GET", f"/api/meetings/{c.rng.choice(c.external_ids)}", None),
        "GET /api/meetings": lambda: ("GET", "/api/meetings", {"limit": 50}),
        "GET /api/critical-path": lambda: ("GET", "/api/critical-path", None),
        "GET /api/search": lambda: ("GET", "/api/search", {"q": f"{c.rng.choice(TECHNOLOGIES)} for {c.item()}"}),
    }
