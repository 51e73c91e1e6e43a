"""Real-meetings benchmark: QMSum transcripts through the real HTTP API (in this process, on loopback) into a Neo4j
of its own, scored against QMSum's query spans and the AMI labels in bench/labels/ami.json (issues 11 and 12).

1. Each labelled AMI series (4 meetings, dated a week apart) goes into an empty graph of its own, so every
   extracted item is attributable: entities per meeting, a sample of item names, item precision/recall, decision
   recall, action-item precision/recall (`GET /api/action-items`; "n/a" while the endpoint is missing).
2. `--meetings` more meetings (deterministic round-robin over AMI, ICSI and parliament of train+val) join the last
   series' graph: entities per meeting, then every `specific_query_list` query of every meeting of that graph through `GET /api/search` (within the meeting via `meeting_id`, and across all meetings) and
   through `POST /api/query` (share answered `unknown`, hit@5 of the answer's results and sources).

    .venv/bin/python bench/realworld.py --data ../shared/data/qmsum            # about 5-10 min on 2 cores
    .venv/bin/python bench/realworld.py --series ES2002 --meetings 0 --json /tmp/rw.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import anyio
import httpx
from graphview import Decision, Entity, GraphView, read_graph
from app.graph.migrations import empty_graph
from app.live import running_api
from harness import bench_neo4j, machine, percentile, table
from qmsum import (DEFAULT_SERIES, MATCH_RULES, Labels, QMeeting, item_matches, label_key, load_labels, overlaps,
                   sample_others, series_meetings, text_similar)

REPO = Path(__file__).resolve().parents[1]
STAGES = ("chunk", "extract", "embed", "resolve", "diff", "write")


class Bench:
    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.stage_ms: dict[str, list[float]] = defaultdict(list)
        self.phase_s: Counter[str] = Counter()
        self.figures: dict[str, Any] = {"series": {}, "meetings": {}, "graphs": {}}

    def ingest(self, meeting: QMeeting) -> dict[str, Any]:
        start = time.perf_counter()
        response = self.client.post("/api/ingest", json=meeting.request())
        self.phase_s["ingest"] += time.perf_counter() - start
        if response.status_code not in (200, 201):
            sys.exit(f"ingest {meeting.stem}: {response.status_code} {response.text[:300]}")
        body = response.json()
        self.stage_ms["total"].append((time.perf_counter() - start) * 1000)
        for stage in STAGES:
            if stage in body.get("timings_ms", {}):
                self.stage_ms[stage].append(body["timings_ms"][stage])
        return body

    def timed(self, phase: str, method: str, url: str, **kw: Any) -> httpx.Response:
        start = time.perf_counter()
        response = self.client.request(method, url, **kw)
        self.phase_s[phase] += time.perf_counter() - start
        return response


def entities_table(view: GraphView, meetings: list[QMeeting], figures: dict[str, Any]) -> str:
    rows = []
    for m in meetings:
        items = view.items({m.stem})
        people = view.people_of(m.stem)
        figures[m.stem] = {"group": m.group, "turns": len(m.turns), "items": len(items), "people": len(people)}
        rows.append((m.stem, m.group, len(m.turns), len(items), len(people)))
    return table(("meeting", "group", "turns", "items", "people"), rows)


def score_items(items: list[Entity], labelled: dict[str, Any]) -> dict[str, Any]:
    wanted = labelled.get("items") or []
    correct = [e for e in items if any(item_matches(e.names, w) for w in wanted)]
    found = [w for w in wanted if any(item_matches(e.names, w) for e in items)]
    return {"extracted": len(items), "correct": len(correct), "labelled": len(wanted), "found": len(found),
            "precision": len(correct) / len(items) if items else float("nan"),
            "recall": len(found) / len(wanted) if wanted else float("nan"),
            "wrong": [e.name for e in items if e not in correct],
            "missed": [w["name"] for w in wanted if w not in found]}


def score_decisions(decisions: list[Decision], labelled: dict[str, Any],
                    meetings: dict[str, QMeeting]) -> dict[str, Any]:
    wanted = labelled.get("decisions") or []
    items = {i["name"]: i for i in labelled.get("items") or []}
    found = 0
    for d in wanted:
        span = (int(d["turns"][0]), int(d["turns"][-1]))
        for got in (g for g in decisions if g.meeting_id == d["meeting"]):
            quoted = meetings[d["meeting"]].turns_quoting(got.quote)
            about = items.get(d.get("about") or "")
            if (any(overlaps(t, span) for t in got.turns) or any(span[0] <= t <= span[1] for t in quoted)
                    or (about is not None and any(item_matches(e.names, about) for e in got.about))):
                found += 1
                break
    stored = sum(1 for g in decisions if g.meeting_id in meetings)
    return {"labelled": len(wanted), "found": found, "stored": stored,
            "recall": found / len(wanted) if wanted else float("nan")}


def read_actions(bench: Bench, meeting_ids: dict[str, str]) -> list[dict[str, Any]] | str:
    got: list[dict[str, Any]] = []
    for stem, meeting_id in meeting_ids.items():
        cursor = None
        while True:
            params = {"meeting_id": meeting_id, "limit": 100, **({"cursor": cursor} if cursor else {})}
            response = bench.timed("action-items", "GET", "/api/action-items", params=params)
            if response.status_code == 404 and "action" not in response.text.lower():
                return "n/a (endpoint missing)"
            response.raise_for_status()
            body = response.json()
            got += [{**a, "stem": stem} for a in body.get("items") or []]
            cursor = body.get("next_cursor")
            if not cursor:
                break
    return got


def score_actions(got: list[dict[str, Any]] | str, labelled: dict[str, Any],
                  meetings: dict[str, QMeeting]) -> dict[str, Any] | str:
    if isinstance(got, str):
        return got
    wanted = labelled.get("action_items") or []
    unmatched = list(range(len(wanted)))
    correct = 0
    for a in got:
        near = meetings[a["stem"]].turns_quoting(a.get("quote"))
        for i in unmatched:
            w = wanted[i]
            span = (int(w["turns"][0]) - 3, int(w["turns"][-1]) + 3)
            if (w["meeting"] == a["stem"] and label_key(w["owner"]) == label_key(a.get("owner") or "")
                    and (any(span[0] <= t <= span[1] for t in near) or text_similar(a.get("text") or "", w["text"]))):
                unmatched.remove(i)
                correct += 1
                break
    return {"extracted": len(got), "correct": correct, "labelled": len(wanted),
            "precision": correct / len(got) if got else float("nan"),
            "recall": correct / len(wanted) if wanted else float("nan")}


def run_series(bench: Bench, name: str, meetings: list[QMeeting], labels: Labels, rng: random.Random) -> None:
    meeting_ids = {m.stem: bench.ingest(m)["meeting_id"] for m in meetings}
    view = read_graph(bench.client)
    by_stem = {m.stem: m for m in meetings}
    print(f"\n## Series {name}: {len(meetings)} meetings in an empty graph")
    print(entities_table(view, meetings, bench.figures["meetings"]))
    items = view.items()
    people = sorted(e.name for e in view.entities.values() if e.type == "person")
    print(f"graph: {len(items)} items, {len(people)} people: {', '.join(people)}")
    print("items:", "; ".join(f"{e.name} ({e.type})" for e in items[:40]) + (" ..." if len(items) > 40 else ""))
    actions = read_actions(bench, meeting_ids)
    bench.figures["graphs"][name] = {"items": [asdict(e) for e in items], "actions": actions,
                                     "decisions": [asdict(d) for d in view.decisions]}
    print_labels(bench.figures, name, items, view.decisions, actions, labels, by_stem, rng)


def print_labels(figures: dict[str, Any], name: str, items: list[Entity], decisions: list[Decision],
                 actions: list[dict[str, Any]] | str, labels: Labels, meetings: dict[str, QMeeting],
                 rng: random.Random) -> None:
    labelled = labels.series.get(name)
    if labelled is None:
        print(f"{name}: no labels for this series")
        return
    a = score_actions(actions, labelled, meetings)
    if labelled.get("scope") == "action_items only":  # a series labelled for its action items alone
        figures["series"][name] = {"actions": a}
        print_actions(name, a)
        return
    scored = {"items": score_items(items, labelled), "decisions": score_decisions(decisions, labelled, meetings),
              "actions": a}
    figures["series"][name] = scored
    i, d = scored["items"], scored["decisions"]
    print(f"{name} items: precision {i['precision']:.2f} ({i['correct']}/{i['extracted']}), "
          f"recall {i['recall']:.2f} ({i['found']}/{i['labelled']})")
    print(f"  not labelled (sample): {'; '.join(rng.sample(i['wrong'], min(15, len(i['wrong']))))}")
    print(f"  missed: {'; '.join(i['missed'])}")
    print(f"{name} decisions: recall {d['recall']:.2f} ({d['found']}/{d['labelled']}), {d['stored']} stored")
    print_actions(name, a)


def print_actions(name: str, a: dict[str, Any] | str) -> None:
    print(f"{name} action items:", a if isinstance(a, str) else
          f"precision {a['precision']:.2f} ({a['correct']}/{a['extracted']}), "
          f"recall {a['recall']:.2f} ({a['correct']}/{a['labelled']})")


def rescore(path: Path, data: Path, labels: Labels, seed: int) -> None:
    """The label figures again, from the graphs a run saved with --json (labels that arrived after the run)."""
    figures = json.loads(path.read_text())
    for name, saved in figures["graphs"].items():
        meetings = {m.stem: m for m in series_meetings(data, name, labels)}
        items = [Entity(**e) for e in saved["items"]]
        decisions = [Decision(**{**d, "turns": [tuple(t) for t in d["turns"]],
                                 "about": [Entity(**e) for e in d["about"]]}) for d in saved["decisions"]]
        print_labels(figures, name, items, decisions, saved["actions"], labels, meetings, random.Random(seed))
    path.write_text(json.dumps(figures, indent=1, default=str))


def hit(rows: list[tuple[str, int, int]], meeting: QMeeting, query: dict[str, Any]) -> bool:
    spans = meeting.spans(query)
    return any(x == meeting.stem and any(overlaps((s, e), span) for span in spans) for x, s, e in rows[:5])


def run_questions(bench: Bench, meetings: list[QMeeting], view: GraphView) -> None:
    ids = {x: mid for mid, x in view.meetings.items()}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    intents: Counter[str] = Counter()
    for m in meetings:
        for q in m.queries:
            if not m.spans(q):
                continue
            text = q["query"][:1000]
            within = bench.timed("search", "GET", "/api/search", params={"q": text, "k": 5, "meeting_id": ids[m.stem]})
            across = bench.timed("search", "GET", "/api/search", params={"q": text, "k": 5})
            answer = bench.timed("query", "POST", "/api/query", json={"question": text})
            body = answer.json() if answer.status_code == 200 else {}
            intents[body.get("intent", f"HTTP {answer.status_code}")] += 1
            results = [(r.get("external_id") or "", r["turn_start"], r["turn_end"])
                       for r in (body.get("data") or {}).get("results") or [] if "turn_start" in r]
            sources = [view.memories[s["memory_id"]] for s in body.get("sources") or []
                       if s.get("memory_id") in view.memories]
            flags = {
                "search within": hit([_row(r) for r in within.json()["results"]], m, q),
                "search across": hit([_row(r) for r in across.json()["results"]], m, q),
                "answer results": hit(results, m, q),
                "answer sources": hit(sources, m, q),
                "answer results+sources": hit(results[:5] + sources[:5], m, q),
                "unknown intent": body.get("intent") == "unknown",
            }
            for group in ("all", m.group):
                counts[group]["questions"] += 1
                counts[group].update(k for k, v in flags.items() if v)
    groups = [g for g in ("all", "ami", "icsi", "parliament") if counts[g]["questions"]]
    keys = ("unknown intent", "search within", "search across", "answer results", "answer sources",
            "answer results+sources")
    print(f"\n## QMSum specific queries of the {len(meetings)} ingested meetings (share of questions)")
    rows = [("questions", *(counts[g]["questions"] for g in groups))]
    rows += [(k if k == "unknown intent" else f"hit@5 {k}", *(f"{counts[g][k] / counts[g]['questions']:.3f}"
                                                              for g in groups)) for k in keys]
    print(table(("", *groups), rows))
    print("intents:", ", ".join(f"{k} {v}" for k, v in intents.most_common()))
    bench.figures["questions"] = {g: {k: counts[g][k] / counts[g]["questions"] for k in keys}
                                  | {"questions": counts[g]["questions"]} for g in groups}
    bench.figures["intents"] = dict(intents)


def _row(r: dict[str, Any]) -> tuple[str, int, int]:
    return (r.get("external_id") or "", r["turn_start"], r["turn_end"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "qmsum")
    ap.add_argument("--labels", type=Path, default=REPO / "bench" / "labels" / "ami.json")
    ap.add_argument("--series", help="comma-separated AMI series (default: every labelled one, else ES2002,ES2005)")
    ap.add_argument("--meetings", type=int, default=6, help="non-labelled meetings added for retrieval/questions")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--wipe", action="store_true", help="allow emptying the database given by NEO4J_URI")
    ap.add_argument("--rescore", type=Path, help="only score the graphs saved in this --json file against --labels")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures show up as they are measured, even when piped to a file
    labels = load_labels(args.labels)
    if args.rescore:
        print(MATCH_RULES)
        rescore(args.rescore, args.data, labels, args.seed)
        return
    names = args.series.split(",") if args.series else (sorted(labels.series) or list(DEFAULT_SERIES))
    series = {s: series_meetings(args.data, s, labels) for s in names}
    others = sample_others(args.data, args.meetings, set(names) | {m.stem for ms in series.values() for m in ms},
                           args.seed)
    print(f"# Real meetings: {len(names)} labelled series, {len(others)} more meetings from {args.data}")
    print(f"labels: {args.labels} ({', '.join(sorted(labels.series)) or 'none'})")
    print(MATCH_RULES)
    started = time.perf_counter()
    with bench_neo4j() as neo:
        if not neo.fresh and not args.wipe:
            sys.exit("NEO4J_URI is set: pass --wipe to let the bench empty that database")
        settings = neo.settings.model_copy(update={"auth_disabled": True, "sync_ingest_max_chars": 10_000_000,
                                                   "job_poll_interval_s": 3600, "request_timeout_s": 3600.0,
                                                   "log_level": "WARNING"})
        print(f"neo4j: {neo.description}")
        with running_api(settings) as base, httpx.Client(base_url=base, timeout=900) as client:
            bench = Bench(client)
            rng = random.Random(args.seed)
            for name, meetings in series.items():
                anyio.run(empty_graph, settings)
                run_series(bench, name, meetings, labels, rng)
                print(machine())
            # re-ingesting the earlier series costs minutes on this machine: the last series' graph takes the others
            everything = (list(series.values())[-1] if series else []) + others
            for m in others:
                bench.ingest(m)
            view = read_graph(client)
            print(f"\n## {len(everything)} meetings in one graph (the last series and the others)")
            print(entities_table(view, others, bench.figures["meetings"]))
            items = view.items()
            people = [e for e in view.entities.values() if e.type == "person"]
            print(f"graph: {len(items)} items, {len(people)} people, {len(view.memories)} memories")
            print("item sample:", "; ".join(e.name for e in rng.sample(items, min(40, len(items)))))
            print(machine())
            run_questions(bench, everything, view)
            print(machine())
    stages = [(s, percentile(v, 50), percentile(v, 95), sum(v) / 1000) for s, v in bench.stage_ms.items()]
    print(f"\n## Time: {time.perf_counter() - started:.0f} s in all; ingest per meeting (ms)")
    print(table(("stage", "p50", "p95", "total s"), stages))
    print("client time per phase (s):", ", ".join(f"{k} {v:.0f}" for k, v in bench.phase_s.items()))
    print(machine())
    bench.figures |= {"machine": machine(), "seconds": round(time.perf_counter() - started),
                      "stages_ms_p50": {s: p50 for s, p50, _, _ in stages}}
    if args.json:
        args.json.write_text(json.dumps(bench.figures, indent=1, default=str))


if __name__ == "__main__":
    main()
