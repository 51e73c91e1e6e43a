"""Ingestion benchmark: N generated meetings through the real pipeline, then its Neo4j writes next to a baseline.

1. Ingests `--meetings` meetings from bench/corpus.py through `build_services(...).pipeline`, one after another,
   or with `--workers N` as `smartmeet ingest --workers N` does (app/ingest/backfill.py: N meetings chunked,
   extracted and embedded ahead of the one being written), and prints meetings per second and p50/p95/total per
   pipeline stage (IngestResult.timings_ms).
2. Replays the rows the pipeline wrote for each meeting (its MeetingWrite and ChainPlan) twice into an emptied
   graph, one transaction per meeting: through the pipeline's own write statements (cypher/ingest/) and through
   the plainest hand-written UNWIND statements that create the same nodes and relationships (cypher/bench/).
   Same rows, same batch shape, same driver; only the transaction is timed.

Runs against NEO4J_URI when set (emptied first only with --wipe; refuses a graph that holds meetings otherwise),
else against a fresh Neo4j of its own on free ports, stopped at the end.

    .venv/bin/python bench/ingest.py                     # 1,000 meetings
    .venv/bin/python bench/ingest.py --meetings 200      # a quick run
    .venv/bin/python bench/ingest.py --meetings 300 --workers 2 --rounds 0   # backfill throughput only
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence

from corpus import generate, to_meeting
from harness import bench_neo4j, machine, new_timings, percentile, table, timed_write

from app.embedding import Embedder
from app.graph.driver import Graph, Tx
from app.ingest.backfill import backfill
from app.ingest.diff import ChainPlan
from app.ingest.extract import Extractor
from app.ingest.models import IngestResult, MeetingInput
from app.ingest.pipeline import IngestPipeline
from app.ingest.rows import Built, Prepared
from app.ingest.write import MeetingWrite, unwind, write_meeting
from app.services import build_services

STAGES = ("chunk", "extract", "embed", "resolve", "recheck", "diff", "write")


class RecordingPipeline(IngestPipeline):
    """The real pipeline, keeping a copy of the rows each meeting's transaction writes."""

    def __init__(self, graph: Graph, embedder: Embedder, extractor: Extractor) -> None:
        super().__init__(graph, embedder, extractor)
        self.rows: dict[str, MeetingWrite] = {}
        self.plans: dict[str, ChainPlan] = {}

    async def _plan(self, tx: Tx, p: Prepared, meeting_id: str, built: Built) -> ChainPlan:
        plan = await super()._plan(tx, p, meeting_id, built)
        self.rows[meeting_id] = built.rows
        self.plans[meeting_id] = plan
        return plan


async def write_baseline(tx: Tx, rows: MeetingWrite, plan: ChainPlan) -> None:
    meeting_id = rows.meeting.id
    await tx.run("bench/baseline_write_meeting", meeting=rows.meeting.model_dump(),
                 memories=[m.model_dump() for m in rows.memories])
    await unwind(tx, "bench/baseline_write_entities", entities=[e.model_dump() for e in rows.entities])
    await unwind(tx, "bench/baseline_write_mentions", mentions=rows.mentions)
    await unwind(tx, "bench/baseline_write_attendance", meeting_id=meeting_id, attendees=rows.attendees)
    await unwind(tx, "bench/baseline_write_states", states=[
        {"id": v.id, "entity_id": v.entity_id, "meeting_id": v.meeting_id, "props": v.to_props()} for v in plan.upserts
    ])
    await unwind(tx, "bench/baseline_link_states", chains=[c.model_dump() for c in plan.chains])
    await unwind(tx, "bench/baseline_write_dependencies", dependencies=rows.dependencies)
    await unwind(tx, "bench/baseline_write_decisions", meeting_id=meeting_id, decisions=rows.decisions)
    await unwind(tx, "bench/baseline_write_action_items", meeting_id=meeting_id,
                 items=[a.model_dump() for a in rows.action_items])
    await unwind(tx, "bench/baseline_close_action_items", closures=[c.model_dump() for c in rows.closures])


def stage_rows(timings: list[dict[str, float]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for stage in STAGES:
        values = [t.get(stage, 0.0) for t in timings]
        rows.append([stage, percentile(values, 50), percentile(values, 95), sum(values) / 1000])
    own = [t.get("write", 0.0) - t.get("recheck", 0.0) - t.get("diff", 0.0) for t in timings]
    rows.append(["  write statements (write - recheck - diff)", percentile(own, 50), percentile(own, 95), sum(own) / 1000])
    return rows


def statement_rows(per_statement: dict[str, list[float]]) -> list[list[object]]:
    return [
        [name, percentile(v, 50), percentile(v, 95), sum(v) / 1000]
        for name, v in sorted(per_statement.items(), key=lambda kv: -sum(kv[1]))
    ]


async def replay(graph: Graph, meeting_ids: Sequence[str], pipeline: RecordingPipeline, baseline: bool
                 ) -> tuple[list[float], dict[str, list[float]]]:
    await graph.run_auto_commit("system/delete_all_data")
    per_statement = new_timings()
    totals = []
    for mid in meeting_ids:
        rows, plan = pipeline.rows[mid], pipeline.plans[mid]
        writer = write_baseline if baseline else write_meeting
        totals.append(await timed_write(graph, lambda tx, r=rows, p=plan, w=writer: w(tx, r, p), per_statement))
    return totals, per_statement


async def ingested(pipeline: IngestPipeline, meetings: list[MeetingInput], workers: int) -> AsyncIterator[IngestResult]:
    if not workers:
        for meeting in meetings:
            yield await pipeline.ingest(meeting)
        return
    async for outcome in backfill(pipeline, meetings, workers=workers):
        if outcome.result is None:
            raise RuntimeError(f"{outcome.meeting.external_id}: {outcome.error}")
        yield outcome.result


async def run(args: argparse.Namespace) -> None:
    with bench_neo4j() as neo4j:
        print(f"Neo4j: {neo4j.description}\nmachine: {machine()}")
        services = build_services(neo4j.settings)
        try:
            await services.ensure_schema()
            graph = services.graph
            existing = (await graph.read("bench/count_meetings"))[0]["meetings"]
            if existing and not args.wipe:
                sys.exit(f"the graph at {neo4j.settings.neo4j_uri} holds {existing} meetings; pass --wipe to empty it")
            if args.wipe and not neo4j.fresh:
                await graph.run_auto_commit("system/delete_all_data")
            pipeline = RecordingPipeline(graph, services.embedder, services.extractor)
            meetings = [to_meeting(p) for p in generate(args.meetings, args.items, args.seed)]
            print(f"corpus: {len(meetings)} meetings, {args.items} items, seed {args.seed}, "
                  f"{sum(len(m.turns) for m in meetings)} turns")

            timings: list[dict[str, float]] = []
            ids: list[str] = []
            counts: dict[str, int] = defaultdict(int)
            start = time.perf_counter()
            async for result in ingested(pipeline, meetings, args.workers):
                timings.append(result.timings_ms)
                ids.append(result.meeting_id)
                for key in ("memories", "entities", "states", "dependencies", "decisions"):
                    counts[key] += getattr(result, key)
                counts["statements"] = max(counts["statements"], len(result.statements))
            elapsed = time.perf_counter() - start
            how = f"backfill, {args.workers} workers" if args.workers else "one after another"
            print(f"\n## Pipeline ({how}): {len(meetings)} meetings in {elapsed:.1f} s = "
                  f"{len(meetings) / elapsed:.2f} meetings/s ({machine()})")
            print("written: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
            print(table(("stage (ms per meeting)", "p50", "p95", "total s"), stage_rows(timings)))

            if not args.rounds:
                return
            best: dict[bool, tuple[list[float], dict[str, list[float]]]] = {}
            for _ in range(args.rounds):  # alternate, keep each one's best round: the machine's load drifts
                for baseline in (False, True):
                    totals, per_statement = await replay(graph, ids, pipeline, baseline)
                    if baseline not in best or sum(totals) < sum(best[baseline][0]):
                        best[baseline] = (totals, per_statement)
            (pipe_totals, pipe_statements), (base_totals, base_statements) = best[False], best[True]
            print(f"\n## Neo4j write transaction per meeting, same rows replayed into an emptied graph "
                  f"(best of {args.rounds} alternating rounds)")
            rows = []
            for label, values in (("pipeline (cypher/ingest)", pipe_totals), ("baseline (cypher/bench)", base_totals)):
                rows.append([label, percentile(values, 50), percentile(values, 95), sum(values) / len(values),
                             sum(values) / 1000])
            print(table(("transaction (ms)", "p50", "p95", "mean", "total s"), rows))
            print(f"pipeline / baseline: {sum(pipe_totals) / sum(base_totals):.2f}x (target <= 1.1x)")
            print("\nper statement, pipeline:")
            print(table(("statement (ms)", "p50", "p95", "total s"), statement_rows(pipe_statements)))
            print("\nper statement, baseline:")
            print(table(("statement (ms)", "p50", "p95", "total s"), statement_rows(base_statements)))
        finally:
            await services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=2, help="replays of each write path (0: none)")
    parser.add_argument("--workers", type=int, default=0, help="ingest as a backfill with this many meetings ahead")
    parser.add_argument("--wipe", action="store_true", help="empty the graph at NEO4J_URI first")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
