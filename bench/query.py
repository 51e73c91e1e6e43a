"""Query benchmark: p50/p95 latency of every intent and structured endpoint over a large generated graph.

1. Loads `--meetings` generated meetings (bench/corpus.py) through the real pipeline, `--concurrency` at a time
   (consecutive meetings belong to different teams, so concurrent transactions never rebuild the same state
   chain). Meetings already in the graph are skipped, so an interrupted load resumes and a finished one is reused.
2. Serves the API (`smartmeet serve`, AUTH_DISABLED=true) over that graph and times, from an HTTP client on
   loopback, POST /api/query per intent and the GET endpoints, after a warm-up.
3. Adds a `--dependency-items` dependency graph (a DAG with long chains plus a few cycles, written with
   cypher/bench statements), times the critical path over it, and removes it again.

Without NEO4J_URI it runs its own Neo4j (1 GB heap) with its data in `--data-dir`, kept for the next run.

    .venv/bin/python bench/query.py                        # 10,000 meetings (a long first load)
    .venv/bin/python bench/query.py --meetings 1000        # a quick run in its own data dir
    .venv/bin/python bench/query.py --load-only            # just load (or finish loading) the graph
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from corpus import TECHNOLOGIES, Team, build_teams, generate, to_meeting
from harness import bench_neo4j, machine, percentile, table

from app.config import Settings
from app.graph.server import free_port
from app.ingest.names import entity_id, normalize_name
from app.services import build_services
from app.query.critical_path import WorkItem, critical_path
from app.services import Services

DEPENDENCY_PREFIX = "benchdep-"
STRUCTURED_TARGET_MS, SEARCH_TARGET_MS, CRITICAL_TARGET_MS = 50, 100, 1000
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


# --- loading ------------------------------------------------------------------------------------------------


async def load(services: Services, payloads: list[dict], concurrency: int) -> None:
    prefix = payloads[0]["external_id"].rsplit("-", 1)[0] + "-"
    stored = {r["external_id"] for r in await services.graph.read("bench/corpus_external_ids", prefix=prefix)}
    todo = [p for p in payloads if p["external_id"] not in stored]
    if not todo:
        print(f"load: reused the {len(stored)} meetings already in the graph")
        return
    print(f"load: {len(stored)} meetings already stored; ingesting {len(todo)} through the pipeline, "
          f"{concurrency} at a time")
    pending = iter(todo)
    done = 0
    start = time.perf_counter()

    async def worker() -> None:
        nonlocal done
        for payload in pending:
            await services.pipeline.ingest(to_meeting(payload))
            done += 1
            if done % 500 == 0:
                elapsed = time.perf_counter() - start
                print(f"  {done}/{len(todo)} in {elapsed:.0f} s ({done / elapsed:.2f} meetings/s)", flush=True)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - start
    print(f"load: {len(todo)} meetings in {elapsed / 60:.1f} min = {len(todo) / elapsed:.2f} meetings/s")


# --- the API ------------------------------------------------------------------------------------------------


def start_api(settings: Settings) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": settings.neo4j_database,
        "AUTH_DISABLED": "true",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    smartmeet = Path(sys.executable).parent / "smartmeet"
    log = open("/tmp/smartmeet-bench-api.log", "ab")  # noqa: SIM115 - handed to the child process
    process = subprocess.Popen([str(smartmeet), "serve", "--port", str(port)], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the API exited; see /tmp/smartmeet-bench-api.log")
        try:
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    process.terminate()
    sys.exit("the API did not become healthy; see /tmp/smartmeet-bench-api.log")


def stop_api(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


Request = tuple[str, str, dict[str, Any] | None]  # method, path, JSON body or query parameters


def measure(client: httpx.Client, make: Callable[[], Request], count: int, warmup: int,
            expect: set[str] | None = None) -> tuple[list[float], int, int]:
    """Latencies in ms of `count` requests after `warmup`; and how many failed or answered another intent."""
    latencies, failed, other_intent = [], 0, 0
    for i in range(warmup + count):
        method, path, payload = make()
        start = time.perf_counter()
        if method == "POST":
            response = client.post(path, json=payload)
        else:
            response = client.get(path, params=payload)
        elapsed = (time.perf_counter() - start) * 1000
        if i < warmup:
            continue
        latencies.append(elapsed)
        if response.status_code >= 400:
            failed += 1
        elif expect and response.json().get("intent") not in expect:
            other_intent += 1
    return latencies, failed, other_intent


# --- questions and endpoints ----------------------------------------------------------------------------------


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


def target(name: str) -> float:
    if "critical" in name:
        return CRITICAL_TARGET_MS
    if "search" in name or "decisions" in name:
        return SEARCH_TARGET_MS
    return STRUCTURED_TARGET_MS


def latency_row(name: str, latencies: list[float], failed: int, other: int) -> list[object]:
    p95 = percentile(latencies, 95)
    verdict = "ok" if p95 < target(name) else "MISS"
    notes = ", ".join(n for n in (f"{failed} failed" if failed else "", f"{other} other intent" if other else "") if n)
    return [name, percentile(latencies, 50), p95, f"< {target(name):.0f}", verdict, notes]


# --- the critical path over a large dependency graph -------------------------------------------------------------


def dependency_graph(count: int, rng: random.Random) -> tuple[list[dict], list[dict]]:
    """`count` tasks: long chains (each often depends on the one before), random earlier dependencies, 3 cycles."""
    items, edges = [], set()
    for i in range(count):
        status = rng.choices(("in_progress", "planned", "blocked", "at_risk", "done"), (5, 3, 1, 1, 2))[0]
        name = f"Bench Chain Task {i:05d}"
        items.append({"id": f"{DEPENDENCY_PREFIX}{i:05d}", "name": name, "name_key": normalize_name(name),
                      "status": status, "progress": 100 if status == "done" else rng.randrange(0, 95, 5)})
        if i and rng.random() < 0.8:
            edges.add((i, i - 1))
        for _ in range(rng.choice((0, 1, 1, 2))):
            if i > 1:
                edges.add((i, rng.randrange(i - 1)))
    for _ in range(3):  # an unfinished chain high -> ... -> low, closed by low depending on high
        low = rng.randrange(count // 2)
        high = low + rng.randint(2, 5)
        for j in range(low, high + 1):
            items[j].update(status="in_progress", progress=rng.randrange(0, 95, 5))
            if j > low:
                edges.add((j, j - 1))
        edges.add((low, high))
    rows = [{"from_id": f"{DEPENDENCY_PREFIX}{a:05d}", "to_id": f"{DEPENDENCY_PREFIX}{b:05d}"} for a, b in sorted(edges)]
    return items, rows


async def bench_critical_path(services: Services, client: httpx.Client, count: int, requests: int) -> list[list[object]]:
    graph = services.graph
    items, edges = dependency_graph(count, random.Random(11))
    start = time.perf_counter()
    for i in range(0, len(items), 2000):
        await graph.write("bench/write_dependency_items", items=items[i:i + 2000])
    for i in range(0, len(edges), 5000):
        await graph.write("bench/write_dependency_edges", edges=edges[i:i + 5000])
    print(f"\n## Critical path over a {count:,}-item dependency graph ({len(edges):,} DEPENDS_ON, 3 cycles) "
          f"written in {time.perf_counter() - start:.1f} s with cypher/bench")
    try:
        rows: list[list[object]] = []
        reads, computes, sizes = [], [], []
        for _ in range(requests):
            t0 = time.perf_counter()
            subgraph = (await graph.read("queries/critical_path_subgraph", from_id=None))[0]["items"]
            t1 = time.perf_counter()
            result = critical_path([WorkItem(**item) for item in subgraph])
            t2 = time.perf_counter()
            reads.append((t1 - t0) * 1000)
            computes.append((t2 - t1) * 1000)
            sizes.append((len(subgraph), len(result.path), len(result.cycles)))
        rows.append(latency_row("engine: critical_path_subgraph read", reads, 0, 0))
        rows.append(latency_row("engine: critical_path() in Python", computes, 0, 0))
        rows.append(latency_row("GET /api/critical-path", *measure(
            client, lambda: ("GET", "/api/critical-path", None), requests, 1)))
        rows.append(latency_row("POST /api/query critical_path", *measure(
            client, lambda: ("POST", "/api/query", {"question": "What is the critical path?"}), requests, 1,
            {"critical_path"})))
        unfinished, path_length, cycles = sizes[-1]
        print(f"{unfinished:,} unfinished items read; critical path of {path_length} items; {cycles} cycles reported")
        return rows
    finally:
        await graph.write("bench/delete_dependency_items", prefix=DEPENDENCY_PREFIX)


# --- main -----------------------------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> None:
    data_dir = args.data_dir / f"m{args.meetings}-i{args.items}-s{args.seed}"
    with bench_neo4j(data_dir) as neo4j:
        print(f"Neo4j: {neo4j.description}\nmachine: {machine()}")
        services = build_services(neo4j.settings)
        try:
            await services.ensure_schema()
            payloads = list(generate(args.meetings, args.items, args.seed))
            total = (await services.graph.read("bench/count_meetings"))[0]["meetings"]
            prefix = payloads[0]["external_id"].rsplit("-", 1)[0] + "-"
            ours = len(await services.graph.read("bench/corpus_external_ids", prefix=prefix))
            if total != ours:
                if not args.wipe:
                    sys.exit(f"the graph holds {total - ours} meetings that are not this corpus; pass --wipe")
                await services.graph.run_auto_commit("system/delete_all_data")
            await load(services, payloads, args.concurrency)
            if args.load_only:
                return
            corpus = Corpus(payloads, build_teams(args.items, random.Random(args.seed)), random.Random(args.seed))
            print(f"graph: {len(payloads):,} meetings, {len(corpus.items):,} items named, {len(corpus.people)} people, "
                  f"{len(corpus.pairs):,} planned dependency pairs to ask about")
            process, base = start_api(neo4j.settings)
            try:
                with httpx.Client(base_url=base, timeout=120) as client:
                    rows = [
                        latency_row(f"POST /api/query {intent}", *measure(
                            client, lambda ask=ask: ("POST", "/api/query", {"question": ask()}), args.requests,
                            args.warmup, {intent, *FALLBACKS.get(intent, ())}))
                        for intent, ask in questions(corpus).items()
                    ]
                    print(f"\n## Latency over HTTP, {args.requests} requests each after {args.warmup} warm-up (ms)")
                    print(table(("request", "p50", "p95", "target", "", "notes"), rows))
                    rows = [latency_row(name, *measure(client, make, args.requests, args.warmup))
                            for name, make in endpoints(corpus).items()]
                    print()
                    print(table(("request", "p50", "p95", "target", "", "notes"), rows))
                    if args.dependency_items:
                        rows = await bench_critical_path(services, client, args.dependency_items,
                                                         max(5, args.requests // 4))
                        print(table(("request", "p50", "p95", "target", "", "notes"), rows))
            finally:
                stop_api(process)
        finally:
            await services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=None, help="default: 30%% of --meetings")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--concurrency", type=int, default=2, help="meetings ingested at once while loading")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per intent / endpoint")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--dependency-items", type=int, default=10_000, help="0 to skip the critical-path graph")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/smartmeet-bench-query"),
                        help="where the bench's own Neo4j keeps each corpus's graph between runs")
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument("--wipe", action="store_true", help="empty a graph that holds other meetings first")
    args = parser.parse_args()
    args.items = args.items or max(25, args.meetings * 3 // 10)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
