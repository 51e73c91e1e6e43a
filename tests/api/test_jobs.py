"""Background ingestion jobs over the real HTTP API: 202 + job, polling, server-sent events, retry of failed jobs."""

from __future__ import annotations

import json
import time

import httpx

from tests.conftest import SEED


def wait_for_job(api: httpx.Client, job_id: str, timeout_s: float = 120) -> dict:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        job = api.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {timeout_s} s")


def test_async_ingest_answers_202_and_the_job_finishes_with_the_meeting(api: httpx.Client) -> None:
    response = api.post("/api/ingest", params={"async": "true"}, json=json.loads(SEED[0].read_text()))
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["status"] == "queued" and response.headers["location"] == f"/api/jobs/{body['job_id']}"
    job = wait_for_job(api, body["job_id"])
    assert job["status"] == "done" and job["error"] is None and job["attempts"] == 1
    assert job["external_id"] == "seed-01" and job["result"]["status"] == "created"
    assert api.get(f"/api/meetings/{job['meeting_id']}").status_code == 200


def test_job_events_stream_status_changes_until_done(api: httpx.Client) -> None:
    job_id = api.post("/api/ingest", params={"async": "true"}, json=json.loads(SEED[1].read_text())).json()["job_id"]
    statuses = []
    with api.stream("GET", f"/api/jobs/{job_id}/events") as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        for line in stream.iter_lines():
            if line.startswith("data:"):
                statuses.append(json.loads(line.removeprefix("data:"))["status"])
    assert statuses[-1] == "done"
    assert statuses == sorted(set(statuses), key=["queued", "running", "done"].index)  # in order, no repeats


def test_unknown_jobs_are_404_and_only_failed_jobs_can_be_retried(api: httpx.Client) -> None:
    for path in ("/api/jobs/nope", "/api/jobs/nope/events"):
        response = api.get(path)
        assert response.status_code == 404 and response.headers["content-type"] == "application/problem+json"
    assert api.post("/api/jobs/nope/retry").status_code == 404
    job_id = api.post("/api/ingest", params={"async": "true"}, json=json.loads(SEED[2].read_text())).json()["job_id"]
    wait_for_job(api, job_id)
    response = api.post(f"/api/jobs/{job_id}/retry")
    assert response.status_code == 409 and "has not failed" in response.json()["detail"]


def test_a_batch_queues_one_job_per_meeting_and_ingests_them_in_date_order(api: httpx.Client) -> None:
    def said(external_id: str, date: str, progress: int) -> dict:
        return {"external_id": external_id, "title": external_id, "date": date, "participants": ["Maya Okafor"],
                "transcript": f"Maya Okafor: The ledger service is at {progress} percent."}

    batch = [said("b3", "2026-05-15", 60), said("b1", "2026-05-01", 20), said("b2", "2026-05-08", 40)]
    response = api.post("/api/ingest/batch", json={"meetings": batch})
    assert response.status_code == 202, response.text
    jobs = response.json()["jobs"]
    assert [j["external_id"] for j in jobs] == ["b1", "b2", "b3"] and {j["status"] for j in jobs} == {"queued"}
    assert all(wait_for_job(api, j["job_id"])["status"] == "done" for j in jobs)
    ledger = api.get("/api/entities", params={"q": "ledger"}).json()["items"][0]
    events = api.get(f"/api/entities/{ledger['id']}/timeline").json()["events"]
    assert [(e["external_id"], e["progress"]) for e in events] == [("b1", 20), ("b2", 40), ("b3", 60)]


def test_a_batch_names_the_meeting_that_is_wrong(api: httpx.Client) -> None:
    good = {"title": "ok", "date": "2026-05-01", "transcript": "Maya: The ledger service is done."}
    assert api.post("/api/ingest/batch", json={"meetings": []}).status_code == 422
    response = api.post("/api/ingest/batch", json={"meetings": [good, {**good, "date": "May 1st"}]})
    assert response.status_code == 422 and "meetings" in response.text and "1" in response.text
