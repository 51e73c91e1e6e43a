"""Load benchmark: concurrent clients drive a running API on loopback for a bounded time, ingesting generated
meetings (bench/corpus.py; some synchronously, some as background jobs) and asking questions, then check that
nothing accepted was lost: every 201 ingest and every accepted job's meeting exists (GET /api/meetings/{id}).

Prints throughput, p50/p95/p99 latency and error counts per operation. With NEO4J_URI set (the service's
database), it also checks the graph's invariants (app/graph/integrity.py) at the end.

    AUTH_DISABLED=true .venv/bin/smartmeet serve --port 8000 &
    .venv/bin/python bench/load.py --api http://127.0.0.1:8000 --seconds 60 --clients 8
    .venv/bin/python bench/load.py --api ... --api-key smg_...      # against a service with auth on
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
from corpus import generate
from harness import percentile, table

# Weights of the operations each client picks from.
MIX = {"ingest": 2, "ingest_async": 1, "query": 5, "entities": 2}
QUESTIONS = (
    "What is the status of {item}?",
    "Who owns {item}?",
    "What does {item} depend on?",
    "What is blocking {item}?",
    "How has {item} changed over time?",
    "What is the critical path to {item}?",
)


@dataclass
class Run:
    meetings: Iterator[dict]
    rng: random.Random
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    accepted_meetings: list[str] = field(default_factory=list)
    accepted_jobs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


async def one_operation(client: httpx.AsyncClient, run: Run, operation: str) -> None:
    start = time.perf_counter()
    try:
        response = await request(client, run, operation)
    except httpx.HTTPError as exc:
        run.errors[operation][type(exc).__name__] += 1
        return
    elapsed = time.perf_counter() - start
    if response.status_code >= 400:
        run.errors[operation][str(response.status_code)] += 1
        return
    run.latencies[operation].append(elapsed * 1000)
    if operation == "ingest":
        run.accepted_meetings.append(response.json()["meeting_id"])
    elif operation == "ingest_async":
        run.accepted_jobs.append(response.json()["job_id"])
    elif operation == "entities":
        run.items = [e["name"] for e in response.json()["items"] if e.get("type") != "person"] or run.items


async def request(client: httpx.AsyncClient, run: Run, operation: str) -> httpx.Response:
    if operation in ("ingest", "ingest_async"):
        params = {"async": "true"} if operation == "ingest_async" else {}
        return await client.post("/api/ingest", params=params, json=next(run.meetings))
    if operation == "query" and run.items:
        question = run.rng.choice(QUESTIONS).format(item=run.rng.choice(run.items))
        return await client.post("/api/query", json={"question": question})
    return await client.get("/api/entities", params={"limit": 100, "offset": run.rng.randrange(0, 200)})


async def client_loop(client: httpx.AsyncClient, run: Run, deadline: float) -> None:
    operations, weights = list(MIX), list(MIX.values())
    while time.monotonic() < deadline:
        operation = run.rng.choices(operations, weights)[0]
        await one_operation(client, run, "entities" if operation == "query" and not run.items else operation)


async def drain_jobs(client: httpx.AsyncClient, job_ids: list[str], timeout_s: float) -> dict[str, dict]:
    deadline, finished = time.monotonic() + timeout_s, {}
    while len(finished) < len(job_ids) and time.monotonic() < deadline:
        for job_id in [j for j in job_ids if j not in finished]:
            job = (await client.get(f"/api/jobs/{job_id}")).json()
            if job["status"] in ("done", "failed"):
                finished[job_id] = job
        await asyncio.sleep(0.5)
    return finished


async def missing_meetings(client: httpx.AsyncClient, meeting_ids: list[str]) -> list[str]:
    semaphore = asyncio.Semaphore(8)

    async def exists(meeting_id: str) -> bool:
        async with semaphore:
            return (await client.get(f"/api/meetings/{meeting_id}")).status_code == 200

    found = await asyncio.gather(*(exists(m) for m in meeting_ids))
    return [m for m, ok in zip(meeting_ids, found, strict=True) if not ok]


def unique_meetings(seed: int) -> Iterator[dict]:
    """Generated meetings made new to the graph (external id and content) by a tag of this run."""
    run_id = uuid.uuid4().hex[:8]
    for meeting in generate(meetings=1_000_000, items=300, seed=seed):
        transcript = f"{meeting['transcript']}\n{meeting['participants'][0].split()[0]}: Load run {run_id}."
        yield meeting | {"external_id": f"load-{run_id}-{meeting['external_id']}", "transcript": transcript}


async def check_graph() -> str:
    from app.config import Settings
    from app.graph.driver import Graph
    from app.graph.integrity import check_integrity

    graph = Graph(Settings())
    try:
        report = await check_integrity(graph)
    finally:
        await graph.close()
    return "sound" if report.ok else f"BROKEN: {report.model_dump_json()}"


async def main(args: argparse.Namespace) -> None:
    headers = {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}
    limits = httpx.Limits(max_connections=args.clients * 2)
    async with httpx.AsyncClient(base_url=args.api, headers=headers, timeout=120, limits=limits) as client:
        (await client.get("/health")).raise_for_status()
        run = Run(meetings=unique_meetings(args.seed), rng=random.Random(args.seed))
        await one_operation(client, run, "entities")
        print(f"load: {args.clients} clients for {args.seconds} s against {args.api}, mix {MIX}")
        start = time.monotonic()
        await asyncio.gather(*(client_loop(client, run, start + args.seconds) for _ in range(args.clients)))
        elapsed = time.monotonic() - start

        rows = []
        for operation in MIX:
            ms = run.latencies[operation]
            errors = sum(run.errors[operation].values())
            rows.append([operation, len(ms), errors, len(ms) / elapsed, percentile(ms, 50), percentile(ms, 95),
                         percentile(ms, 99)])
        total_ok = sum(len(v) for v in run.latencies.values())
        total_errors = sum(sum(c.values()) for c in run.errors.values())
        rows.append(["total", total_ok, total_errors, total_ok / elapsed, float("nan"), float("nan"), float("nan")])
        print(table(["operation", "ok", "errors", "per s", "p50 ms", "p95 ms", "p99 ms"], rows))
        for operation, codes in run.errors.items():
            if codes:
                print(f"  {operation} errors: {dict(codes)}")

        jobs = await drain_jobs(client, run.accepted_jobs, args.drain_seconds)
        job_meetings = [j["meeting_id"] for j in jobs.values() if j["status"] == "done"]
        failed = [j for j in jobs.values() if j["status"] == "failed"]
        unfinished = len(run.accepted_jobs) - len(jobs)
        accepted = run.accepted_meetings + job_meetings
        missing = await missing_meetings(client, accepted)
        print(f"accepted: {len(run.accepted_meetings)} sync ingests + {len(run.accepted_jobs)} jobs "
              f"({len(job_meetings)} done, {len(failed)} failed, {unfinished} unfinished after the drain)")
        print(f"meetings found: {len(accepted) - len(missing)} of {len(accepted)} accepted"
              + ("; nothing lost" if not missing and not failed and not unfinished else f"; LOST: {missing}"))
        if args.check_graph:
            print(f"graph invariants: {await check_graph()}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    parser.add_argument("--api-key", default=None, help="An API key with read and write scopes (auth on)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--drain-seconds", type=float, default=300, help="How long to wait for accepted jobs")
    parser.add_argument("--check-graph", action="store_true", help="Check graph invariants (needs NEO4J_URI)")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
