"""Neo4j stopped, killed and restarted under the running API: 503s while it is down, recovery without restarting
the API, every accepted job finished afterwards, and never a partly stored meeting or a broken state chain.

Runs its own Neo4j (separate from the session one, since it is stopped and started) on free ports."""

from __future__ import annotations

import json
import os
import signal
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import anyio
import httpx
import pytest

from app.config import Settings
from app.graph.driver import Graph
from app.graph.integrity import IntegrityReport, check_integrity, memory_counts
from app.graph.server import Neo4jServer, free_port
from app.live import running_api
from tests.conftest import SEED, TEST_PASSWORD

pytestmark = pytest.mark.slow
T = TypeVar("T")

QUESTIONS = [
    "What is the status of Atlas?", "Who owns the checkout redesign?", "What does the reporting dashboard depend on?"
]


@dataclass
class Lab:
    neo4j: Neo4jServer
    settings: Settings
    api: httpx.Client

    def stop_neo4j(self, kill: bool = False) -> None:
        if kill and (pid := self.neo4j.status().pid):
            os.kill(pid, signal.SIGKILL)
        self.neo4j.stop()

    def wait_healthy(self, timeout_s: float = 120) -> None:
        deadline = time.monotonic() + timeout_s
        while self.api.get("/health").status_code != 200:
            assert time.monotonic() < deadline, "the API did not recover after Neo4j came back"
            time.sleep(0.5)

    def integrity(self) -> IntegrityReport:
        return anyio.run(self._with_graph, check_integrity)

    def memory_counts(self, meeting_ids: list[str]) -> dict[str, int]:
        return anyio.run(self._with_graph, lambda graph: memory_counts(graph, meeting_ids))

    async def _with_graph(self, work: Callable[[Graph], Awaitable[T]]) -> T:
        graph = Graph(self.settings)
        try:
            return await work(graph)
        finally:
            await graph.close()


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with tempfile.TemporaryDirectory(prefix="smartmeet-faults-") as data_dir:
        settings = Settings(
            _env_file=None, neo4j_data_dir=Path(data_dir), neo4j_bolt_port=free_port(), neo4j_http_port=free_port(),
            neo4j_password=TEST_PASSWORD, neo4j_heap_size="1g", neo4j_pagecache_size="512m",
            auth_disabled=True, job_poll_interval_s=0.2, job_lease_s=6, job_backoff_base_s=0.5, job_backoff_max_s=4,
        )
        settings.neo4j_uri = f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"
        neo4j = Neo4jServer(settings)
        neo4j.start()
        try:
            with running_api(settings) as base_url, httpx.Client(base_url=base_url, timeout=120) as api:
                lab = Lab(neo4j, settings, api)
                lab.wait_healthy()
                yield lab
        finally:
            neo4j.stop()


def variant(n: int) -> dict:
    """A seed meeting under a new external id, with a line of its own so its content is new too."""
    meeting = json.loads(SEED[n % len(SEED)].read_text())
    meeting["external_id"] = f"fault-{n}"
    meeting["transcript"] += f"\nHannah: Note {n} for the record."
    return meeting


# Each ingesting thread talks about its own items: concurrent meetings about the same item race on its state
# chain in the pipeline (a known issue outside this test's subject), which would muddle what a fault did.
THREAD_ITEMS = (
    ("Harbor Gateway", "Lumen Dashboard", "Quill Scheduler"),
    ("Tidal Portal", "Ember Connector", "Vesper Migration"),
    ("Onyx Audit", "Saffron Widget", "Cinder Console"),
)


def thread_meeting(worker: int, n: int) -> dict:
    first, second, third = THREAD_ITEMS[worker]
    lines = [
        f"Maya: The {first} is at {n % 90 + 5} percent.",
        f"Tomas: The {second} depends on the {first}.",
        f"Priya: I'll own the {third}; it is at {(n * 7) % 90 + 5} percent.",
        f"Tomas: The {second} is blocked by the {third}." if n % 3 == 0 else f"Maya: The {second} is in progress.",
        f"Maya: Thanks all, that was meeting {n}.",
    ]
    return {
        "external_id": f"thread-{worker}-{n}", "title": f"Stand-up {n}",
        "date": f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
        "participants": ["Maya Okafor", "Tomas Lindgren", "Priya Raman"],
        "transcript": "\n".join(lines),
    }


def assert_sound(lab: Lab) -> None:
    report = lab.integrity()
    assert report.ok, report.model_dump_json(indent=1)


def test_while_neo4j_is_down_the_api_answers_503_and_recovers_without_a_restart(lab: Lab) -> None:
    assert lab.api.post("/api/ingest", json=variant(0)).status_code == 201
    lab.stop_neo4j()
    health = lab.api.get("/health")
    assert health.status_code == 503 and health.headers["retry-after"]
    for method, path, body in [
        ("POST", "/api/query", {"question": QUESTIONS[0]}),
        ("GET", "/api/entities", None),
        ("POST", "/api/ingest", variant(1)),
        ("POST", "/api/ingest?async=true", variant(2)),
    ]:
        response = lab.api.request(method, path, json=body)
        assert response.status_code == 503, f"{method} {path}: {response.status_code} {response.text}"
        assert response.headers["retry-after"] and response.headers["content-type"] == "application/problem+json"
    lab.neo4j.start()
    lab.wait_healthy()
    assert lab.api.post("/api/query", json={"question": QUESTIONS[0]}).status_code == 200
    assert lab.api.post("/api/ingest", json=variant(1)).status_code == 201
    assert_sound(lab)


def test_jobs_accepted_before_neo4j_is_killed_all_finish_after_it_returns(lab: Lab) -> None:
    accepted = []
    for n in range(100, 108):
        response = lab.api.post("/api/ingest", params={"async": "true"}, json=variant(n))
        assert response.status_code == 202, response.text
        accepted.append(response.json()["job_id"])
    deadline = time.monotonic() + 60
    while lab.api.get(f"/api/jobs/{accepted[0]}").json()["status"] == "queued":  # kill it mid-ingestion
        assert time.monotonic() < deadline
        time.sleep(0.05)
    lab.stop_neo4j(kill=True)
    time.sleep(2)
    lab.neo4j.start()
    lab.wait_healthy()
    deadline = time.monotonic() + 240
    jobs = {}
    while len(jobs) < len(accepted):
        assert time.monotonic() < deadline, f"unfinished jobs: {set(accepted) - set(jobs)}"
        for job_id in set(accepted) - set(jobs):
            job = lab.api.get(f"/api/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                jobs[job_id] = job
        time.sleep(0.5)
    assert {j["status"] for j in jobs.values()} == {"done"}, [j["error"] for j in jobs.values()]
    stored = lab.memory_counts([j["meeting_id"] for j in jobs.values()])
    assert len(stored) == len(accepted)
    assert_sound(lab)


@dataclass
class Traffic:
    accepted: dict[str, int] = field(default_factory=dict)  # meeting id -> memories the API reported
    statuses: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def test_ingestion_and_queries_through_a_restart_leave_no_partial_meeting(lab: Lab) -> None:
    traffic, stop = Traffic(), threading.Event()

    def ingest(worker: int) -> None:
        with httpx.Client(base_url=str(lab.api.base_url), timeout=120) as client:
            n = 0
            while not stop.is_set():
                n += 1
                response = client.post("/api/ingest", json=thread_meeting(worker, n))
                with traffic.lock:
                    traffic.statuses.append(response.status_code)
                    if response.status_code == 201:
                        traffic.accepted[response.json()["meeting_id"]] = response.json()["memories"]

    def ask() -> None:
        with httpx.Client(base_url=str(lab.api.base_url), timeout=120) as client:
            while not stop.is_set():
                for question in QUESTIONS:
                    status = client.post("/api/query", json={"question": question}).status_code
                    with traffic.lock:
                        traffic.statuses.append(status)

    threads = [threading.Thread(target=ingest, args=(w,)) for w in range(len(THREAD_ITEMS))]
    threads.append(threading.Thread(target=ask))
    for thread in threads:
        thread.start()
    try:
        time.sleep(8)
        lab.stop_neo4j()
        time.sleep(3)
        lab.neo4j.start()
        lab.wait_healthy()
        time.sleep(8)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=180)
    assert set(traffic.statuses) <= {200, 201, 409, 503}, sorted(set(traffic.statuses))  # 409: a write conflict
    assert 503 in traffic.statuses and 201 in traffic.statuses
    assert lab.memory_counts(list(traffic.accepted)) == traffic.accepted  # every accepted meeting, whole
    assert_sound(lab)
