"""Timing the API from an HTTP client: serving it over a bench's graph, timed requests, and the rows of figures
against the targets (issue 15: at 100,000 meetings NL p95 < 20 ms, structured < 10 ms, search < 50 ms, the
critical path over 10,000 items < 100 ms). Shared by bench/query.py's pipeline-loaded and direct-loaded graphs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from harness import percentile

from app.config import Settings
from app.graph.server import free_port

NL_TARGET_MS, STRUCTURED_TARGET_MS, SEARCH_TARGET_MS, CRITICAL_TARGET_MS = 20, 10, 50, 100


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



def target(name: str) -> float:
    if "critical" in name:
        return CRITICAL_TARGET_MS
    if "search" in name or "decisions" in name:
        return SEARCH_TARGET_MS
    return NL_TARGET_MS if name.startswith("POST /api/query") else STRUCTURED_TARGET_MS


def latency_row(name: str, latencies: list[float], failed: int, other: int) -> list[object]:
    p95 = percentile(latencies, 95)
    verdict = "ok" if p95 < target(name) else "MISS"
    notes = ", ".join(n for n in (f"{failed} failed" if failed else "", f"{other} other intent" if other else "") if n)
    return [name, percentile(latencies, 50), p95, f"< {target(name):.0f}", verdict, notes]
