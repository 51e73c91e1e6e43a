"""Query benchmark: p50/p95 latency of every intent and structured endpoint over a large generated graph.

1. Loads `--meetings` generated meetings (bench/corpus.py) through the real pipeline, `--concurrency` at a time
   (consecutive meetings belong to different teams, so concurrent transactions never rebuild the same state
   chain). Meetings already in the graph are skipped, so an interrupted load resumes and a finished one is reused.
   With `--direct`, bench/direct_load.py writes the same meetings' rows in the graph's shape instead, in
   minutes (a data dir of its own, `...-direct`).
2. Serves the API (`smartmeet serve`, AUTH_DISABLED=true) over that graph and times, from an HTTP client on
   loopback, POST /api/query per intent and the GET endpoints, after a warm-up.
3. Adds a `--dependency-items` dependency graph (a DAG with long chains plus a few cycles, written with
   cypher/bench statements), times the critical path over it, and removes it again.

Without NEO4J_URI it runs its own Neo4j (`--heap`, `--pagecache`: 1 GB each) with its data in `--data-dir`,
kept for the next run.

    .venv/bin/python bench/query.py                        # 10,000 meetings (a long first load)
    .venv/bin/python bench/query.py --meetings 1000        # a quick run in its own data dir
    .venv/bin/python bench/query.py --load-only            # just load (or finish loading) the graph
    .venv/bin/python bench/query.py --meetings 100000 --direct --heap 3g --pagecache 4g   # 100k, 30k items
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

import httpx
from asking import FALLBACKS, Corpus, endpoints, questions
from corpus import Facts, build_teams, series, to_meeting
from direct_load import DirectLoader, Pool, pool_texts
from harness import bench_neo4j, machine, table
from timing import latency_row, measure, start_api, stop_api

from app.ingest.names import normalize_name
from app.query.critical_path import longest_chain
from app.query.structured import critical_subgraph
from app.services import Services, build_services

DEPENDENCY_PREFIX = "benchdep-"


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
            subgraph = await critical_subgraph(graph)
            t1 = time.perf_counter()
            result = longest_chain(**subgraph)
            t2 = time.perf_counter()
            reads.append((t1 - t0) * 1000)
            computes.append((t2 - t1) * 1000)
            sizes.append((len(subgraph["ids"]), len(result.path), len(result.cycles)))
        rows.append(latency_row("engine: critical_path_subgraph read", reads, 0, 0))
        rows.append(latency_row("engine: critical path in Python (longest_chain)", computes, 0, 0))
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


async def load_direct(services: Services, meetings: list[tuple[dict, Facts]]) -> None:
    """The corpus written by bench/direct_load.py; a partial direct load (interrupted) is started again."""
    prefix = meetings[0][0]["external_id"].rsplit("-", 1)[0] + "-"
    stored = len(await services.graph.read("bench/corpus_external_ids", prefix=prefix))
    if stored == len(meetings):
        print(f"load: reused the {stored:,} meetings already in the graph")
        return
    if stored:
        await services.graph.run_auto_commit("system/delete_all_data")
    print(f"load: writing {len(meetings):,} meetings directly (bench/direct_load.py); {machine()}")
    start = time.perf_counter()
    pool = Pool(services.embedder, pool_texts(meetings))
    print(f"  {len(pool.vectors):,} pool texts embedded in {time.perf_counter() - start:.0f} s", flush=True)
    loader = DirectLoader(services.graph, services.embedder, pool)
    await loader.load(meetings, len(meetings))
    elapsed = time.perf_counter() - start
    print(f"load: {len(meetings):,} meetings in {elapsed / 60:.1f} min ({len(meetings) / elapsed:.0f} meetings/s), "
          f"{machine()}; rows: {', '.join(f'{n} {name}' for name, n in loader.counts.items())}")


async def run(args: argparse.Namespace) -> None:
    data_dir = args.data_dir / f"m{args.meetings}-i{args.items}-s{args.seed}{'-direct' if args.direct else ''}"
    with bench_neo4j(data_dir, args.heap, args.pagecache) as neo4j:
        print(f"Neo4j: {neo4j.description}\nmachine: {machine()}")
        services = build_services(neo4j.settings)
        try:
            await services.ensure_schema()
            meetings = list(series(args.meetings, args.items, args.seed))
            payloads = [payload for payload, _ in meetings]
            total = (await services.graph.read("bench/count_meetings"))[0]["meetings"]
            prefix = payloads[0]["external_id"].rsplit("-", 1)[0] + "-"
            ours = len(await services.graph.read("bench/corpus_external_ids", prefix=prefix))
            if total != ours:
                if not args.wipe:
                    sys.exit(f"the graph holds {total - ours} meetings that are not this corpus; pass --wipe")
                await services.graph.run_auto_commit("system/delete_all_data")
            if args.direct:
                await load_direct(services, meetings)
            else:
                await load(services, payloads, args.concurrency)
            del meetings
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
                        # as many as every other row: a p95 of 10 requests is their slowest
                        rows = await bench_critical_path(services, client, args.dependency_items, args.requests)
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
    parser.add_argument("--direct", action="store_true",
                        help="load with bench/direct_load.py (minutes) instead of the pipeline (hours at 100k)")
    parser.add_argument("--heap", default="1g", help="the bench Neo4j's heap")
    parser.add_argument("--pagecache", default="1g", help="the bench Neo4j's page cache")
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument("--wipe", action="store_true", help="empty a graph that holds other meetings first")
    args = parser.parse_args()
    args.items = args.items or max(25, args.meetings * 3 // 10)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
