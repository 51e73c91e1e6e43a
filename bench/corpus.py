"""A deterministic generator of synthetic meeting series in the API's JSON shape, for the benchmarks.

Each team holds a weekly meeting about its own pool of work items; items move from planned to done over
the series, change hands, get blocked by and depend on each other (mostly on earlier items, so the graph
is close to a DAG), and the talk around them includes small talk, questions and hypotheticals that assert
nothing. The same `--seed` always yields the same meetings.

    python bench/corpus.py --meetings 20 --items 60 --seed 7 --out /tmp/corpus   # one JSON file per meeting
    python bench/corpus.py --meetings 3                                           # JSON Lines on stdout
    python bench/corpus.py --meetings 20 --items 60 --noisy --out /tmp/noisy      # the same facts as messy speech
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from noisy import Noise, noisy_meeting

from app.ingest.models import MeetingInput
from app.ingest.requests import IngestRequest

CODENAMES = (
    "Kestrel Basalt Juniper Quartz Marlin Tundra Saffron Falcon Cedar Orchid Granite Lynx Nimbus Sequoia "
    "Tamarind Walrus Zephyr Obsidian Pelican Magnolia Bison Cobra Heron Ibex Jackal Koala Lemur Mongoose "
    "Narwhal Ocelot Puffin Quokka Raven Stoat Toucan Urchin Vulture Wombat Yak Zebu Acacia Birch Cypress "
    "Dahlia Elder Fennel Gorse Hazel Indigo Jasper Kelp Larch Myrtle Nettle Olive Poplar Rowan Sorrel Teak "
    "Umber Violet Willow Yarrow Amber Beryl Coral Delta Ember Flint Garnet Harbor Iris Jade Krypton Lagoon"
).split()
DOMAINS = (
    "Invoice Payroll Telemetry Catalog Ledger Freight Loyalty Pricing Refund Inventory Onboarding Consent "
    "Warranty Booking Routing Billing Identity Metering Dispatch Rostering Fleet Tariff Voucher Audit Claims "
    "Quota Archive Tenant Checkout Courier"
).split()
HEADS = (
    "Service Gateway Dashboard Migration Portal Integration Redesign Pipeline Rollout Cleanup Widget Connector "
    "Scheduler Backfill Overhaul Upgrade Console Engine Refactor"
).split()
FIRST_NAMES = (
    "Amara Bjorn Chidi Dalia Emeka Farah Goran Hiro Ilse Jomo Keiko Lucan Mirela Nkosi Oksana Pavel Quilla "
    "Rosalind Soren Tamsin Ugo Valeria Wendell Xiomara Yusuf Zofia Anselm Beatrix Cosimo Dagny Eero Fenna "
    "Gideon Hedda Ivo Jolene Kasimir Linnea Marek Noor Orla Piet Rhea Stellan Thea Ulla Viggo Wilhelmina"
).split()
LAST_NAMES = (
    "Achterberg Bramley Castellanos Drummond Eriksen Fairweather Gallagher Halloran Ibarra Jankowski Kowalczyk "
    "Lindqvist Moreau Nakagawa Okonkwo Pemberton Quintero Rasmussen Szabo Thorvaldsen Underhill Valdivia "
    "Whitcombe Yamamoto Zielinski Abernathy Bellweather Carmody Delacroix Esposito"
).split()
TECHNOLOGIES = (
    "Postgres", "Kafka", "Redis", "Terraform", "GraphQL", "gRPC", "DynamoDB", "ClickHouse", "Temporal", "Rust",
    "Kotlin", "SQS", "Elasticsearch", "OpenTelemetry", "Snowflake", "Flink",
)

SMALL_TALK = (
    "Morning all, give me a second to find the notes.",
    "Can everyone hear me alright?",
    "Sorry, my train was late again.",
    "Did anyone watch the match last night?",
    "Let's keep this short, I have another call at half past.",
    "The coffee machine on the third floor is broken again.",
    "Quick reminder that Friday is a holiday here.",
    "I'll share my screen in a second.",
    "Thanks everyone, that's all from me.",
    "Okay, next on the list.",
    "Nice, good to hear.",
    "Makes sense to me.",
    "Let's take the rest offline.",
    "Great, moving on.",
)
STATUS_LINES = {
    "in_progress": (
        "{item} is in progress now.",
        "We kicked off {item} this week.",
        "{item} is under way.",
        "Work on {item} started on Monday.",
    ),
    "at_risk": (
        "{item} is at risk.",
        "Honestly {item} is falling behind.",
        "{item} is running late.",
    ),
    "done": (
        "{item} is done.",
        "We shipped {item}.",
        "{item} is finished and signed off.",
        "{item} went live on Tuesday.",
    ),
    "cancelled": (
        "We cancelled {item}.",
        "{item} has been scrapped.",
    ),
    "back_on_track": (
        "{item} is back on track.",
        "{item} is moving again.",
    ),
}
PROGRESS_LINES = (
    "{item} is at {pct}%.",
    "{item} is about {pct} percent done.",
    "We're {pct}% through {item}.",
    "{item} is sitting at {pct} percent.",
)
OWNER_LINES = (
    "{person} owns {item}.",
    "{item} is owned by {person}.",
    "{person} is taking over {item}.",
    "{person} is now in charge of {item}.",
)
BLOCKER_LINES = (
    "{item} is blocked by {other}.",
    "{item} is stuck waiting on {other}.",
    "{other} is blocking {item}.",
)
UNBLOCK_LINES = (
    "{item} is unblocked.",
    "Good news, the blocker on {item} is cleared.",
)
DEPENDENCY_LINES = (
    "{item} depends on {other}.",
    "{item} relies on {other}.",
    "{other} is a prerequisite for {item}.",
    "{item} builds on {other}.",
)
DECISION_LINES = (
    "We decided to use {tech} for {item}.",
    "For {item}, we're going with {tech}.",
    "We agreed to adopt {tech} for {item}.",
)
QUESTION_LINES = (
    "Is {item} still on track?",
    "Who is looking after {item} these days?",
    "What's the latest on {item}?",
    "Do we know when {item} will be ready?",
)
HYPOTHETICAL_LINES = (
    "If {other} slips, {item} might get blocked.",
    "Worst case we scrap {item}, but let's not go there.",
    "In theory {item} could be done by Friday.",
    "Suppose {other} is late, then {item} would be at risk.",
)
MAX_TEAMS = 200
OPEN_ITEMS = 8  # a team works on its next few unfinished items; later ones open as earlier ones finish


@dataclass
class Item:
    name: str
    team: int
    status: str = "planned"
    progress: int = 0
    owner: str | None = None
    blocker: Item | None = None
    depends_on: list[Item] = field(default_factory=list)


@dataclass
class Team:
    name: str
    people: list[str]
    items: list[Item]


def item_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct three-word names, "<Codename> <Domain> <Head>"."""
    combos = list(itertools.product(CODENAMES, DOMAINS, HEADS))
    if count > len(combos):
        raise ValueError(f"at most {len(combos)} items")
    rng.shuffle(combos)
    return [" ".join(c) for c in combos[:count]]


def people_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct full names."""
    combos = [f"{first} {last}" for first, last in itertools.product(FIRST_NAMES, LAST_NAMES)]
    return rng.sample(combos, min(count, len(combos)))


def build_teams(items: int, rng: random.Random) -> list[Team]:
    """About 25 items and 5 people per team; first names are distinct within a team (speakers go by them)."""
    team_count = max(1, min(MAX_TEAMS, items // 25))
    names = item_names(items, rng)
    pool = people_names(len(FIRST_NAMES) * len(LAST_NAMES), rng)
    teams = []
    for t in range(team_count):
        staff: list[str] = []
        while len(staff) < 5 and pool:
            person = pool.pop()
            if person.split()[0] not in {p.split()[0] for p in staff}:
                staff.append(person)
        items_of_team = [Item(name=n, team=t) for n in names[t::team_count]]
        teams.append(Team(name=f"{CODENAMES[t % len(CODENAMES)]} {DOMAINS[t % len(DOMAINS)]} team", people=staff,
                          items=items_of_team))
    for team in teams:  # dependencies point mostly at earlier items of the same team, sometimes across teams
        for i, item in enumerate(team.items[1:], start=1):
            if rng.random() < 0.35:
                item.depends_on.append(team.items[rng.randrange(i)])
            if rng.random() < 0.05 and len(teams) > 1:
                other = rng.choice([t for t in teams if t is not team])
                item.depends_on.append(rng.choice(other.items))
    return teams


@dataclass
class Facts:
    """What one meeting asserted, by turn, for loaders that write the graph without the pipeline."""

    states: dict[str, tuple[int, str, int, str | None, str | None]]  # item -> turn, status, progress, owner, blocker
    dependencies: list[tuple[int, str, str]]  # turn, dependent, dependency
    decisions: list[tuple[int, str]]  # turn, item


class _MeetingWriter:
    """Turns one meeting's agenda into "Speaker: words" lines, updating the items' states as it goes."""

    def __init__(self, team: Team, rng: random.Random) -> None:
        self.team, self.rng = team, rng
        self.attendees = rng.sample(team.people, k=min(len(team.people), rng.randint(3, 5)))
        self.lines: list[str] = []
        self.facts = Facts(states={}, dependencies=[], decisions=[])

    def say(self, text: str, speaker: str | None = None) -> None:
        who = speaker or self.rng.choice(self.attendees)
        self.lines.append(f"{who.split()[0]}: {text[:1].upper()}{text[1:]}")

    def ref(self, item: Item) -> str:
        return item.name if self.rng.random() < 0.6 else f"the {item.name}"

    def first_name(self, person: str) -> str:
        return person.split()[0]

    def discuss(self, item: Item) -> None:
        rng = self.rng
        if item.status in ("done", "cancelled"):
            self.say(rng.choice(QUESTION_LINES).format(item=self.ref(item)))
            self.say(rng.choice(STATUS_LINES[item.status]).format(item="It" if rng.random() < 0.5 else self.ref(item)))
            return
        if item.owner is None or rng.random() < 0.08:
            item.owner = rng.choice(self.attendees)
            others = [a for a in self.attendees if a != item.owner] or self.attendees
            line = rng.choice(OWNER_LINES).format(person=self.first_name(item.owner), item=self.ref(item))
            self.say(line, speaker=rng.choice(others))
        if item.blocker is not None and rng.random() < 0.6:
            item.blocker = None
            item.status = "in_progress"
            self.say(rng.choice(UNBLOCK_LINES).format(item=self.ref(item)))
        roll = rng.random()
        if item.status == "planned" or roll < 0.2:
            item.status = "in_progress"
            self.say(rng.choice(STATUS_LINES["in_progress"]).format(item=self.ref(item)))
        if roll < 0.55:
            item.progress = min(100, item.progress + rng.choice((5, 10, 15, 20, 25)))
            if item.progress == 100:
                item.status = "done"
                self.say(rng.choice(STATUS_LINES["done"]).format(item=self.ref(item)))
            else:
                self.say(rng.choice(PROGRESS_LINES).format(item=self.ref(item), pct=item.progress))
        elif roll < 0.65 and item.depends_on and item.blocker is None:
            item.blocker = rng.choice(item.depends_on)
            item.status = "blocked"
            self.say(rng.choice(BLOCKER_LINES).format(item=self.ref(item), other=self.ref(item.blocker)))
        elif roll < 0.72 and item.status != "at_risk":
            item.status = "at_risk"
            self.say(rng.choice(STATUS_LINES["at_risk"]).format(item=self.ref(item)))
        elif roll < 0.78 and item.status == "at_risk":
            item.status = "in_progress"
            self.say(rng.choice(STATUS_LINES["back_on_track"]).format(item=self.ref(item)))
        elif roll < 0.80:
            item.status = "cancelled"
            self.say(rng.choice(STATUS_LINES["cancelled"]).format(item=self.ref(item)))
        if item.depends_on and rng.random() < 0.4:
            other = rng.choice(item.depends_on)
            self.say(rng.choice(DEPENDENCY_LINES).format(item=self.ref(item), other=self.ref(other)))
            self.facts.dependencies.append((len(self.lines) - 1, item.name, other.name))
        if rng.random() < 0.15:
            tech = rng.choice(TECHNOLOGIES)
            self.say(rng.choice(DECISION_LINES).format(item=self.ref(item), tech=tech))
            self.facts.decisions.append((len(self.lines) - 1, item.name))
        if rng.random() < 0.15:
            other = rng.choice(item.depends_on or self.team.items)
            self.say(rng.choice(HYPOTHETICAL_LINES).format(item=self.ref(item), other=self.ref(other)))
        if rng.random() < 0.3:
            self.say(rng.choice(SMALL_TALK))


def generate(meetings: int, items: int = 300, seed: int = 7, start: date = date(2024, 1, 8)) -> Iterator[dict]:
    """`meetings` meetings in date order, in the API's JSON shape (`IngestRequest`)."""
    for payload, _ in series(meetings, items, seed, start):
        yield payload


def series(meetings: int, items: int = 300, seed: int = 7,
           start: date = date(2024, 1, 8)) -> Iterator[tuple[dict, Facts]]:
    """The meetings of `generate`, each with what it asserted."""
    rng = random.Random(seed)
    teams = build_teams(items, rng)
    for index in range(meetings):
        team_index = index % len(teams)
        team = teams[team_index]
        week = index // len(teams)
        day = start + timedelta(days=7 * week + team_index * 5 // len(teams))
        writer = _MeetingWriter(team, rng)
        writer.say(rng.choice(SMALL_TALK[:6]), speaker=writer.attendees[0])
        open_items = [i for i in team.items if i.status not in ("done", "cancelled")][:OPEN_ITEMS] or team.items
        agenda = rng.sample(open_items, k=min(len(open_items), rng.randint(3, 7)))
        if rng.random() < 0.2:
            agenda.append(rng.choice(team.items))
        for item in agenda:
            writer.discuss(item)
            blocker = item.blocker.name if item.blocker else None
            writer.facts.states[item.name] = (len(writer.lines) - 1, item.status, item.progress, item.owner, blocker)
        writer.say(SMALL_TALK[8], speaker=writer.attendees[0])
        yield {
            "external_id": f"bench-{seed}-{index:05d}",
            "title": f"{team.name} weekly {week + 1}",
            "date": day.isoformat(),
            "participants": writer.attendees,
            "transcript": "\n".join(writer.lines),
        }, writer.facts


def to_meeting(payload: dict) -> MeetingInput:
    return IngestRequest.model_validate(payload).to_meeting()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=20)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write one <external_id>.json per meeting here (else JSON Lines)")
    parser.add_argument("--noisy", action="store_true", help="tell the same facts as messy speech (bench/noisy.py)")
    args = parser.parse_args()
    noise = Noise(args.seed) if args.noisy else None
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for payload in generate(args.meetings, args.items, args.seed):
        if noise is not None:
            payload = noisy_meeting(payload, noise)
        if args.out:
            (args.out / f"{payload['external_id']}.json").write_text(json.dumps(payload, indent=1))
        else:
            sys.stdout.write(json.dumps(payload) + "\n")


if __name__ == "__main__":
    main()
