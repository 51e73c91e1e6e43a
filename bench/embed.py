"""Embedding runtimes side by side, and one real 600-turn meeting through the whole pipeline.

    .venv/bin/python bench/embed.py                          # ES2002b (621 turns), 3 alternating rounds
    .venv/bin/python bench/embed.py --meeting Bmr005 --rounds 5

1. Encodes the same texts (a real QMSum meeting's memory chunks plus its turns as short texts) with the shipped
   PyTorch model, the OpenVINO export the service uses by default, the ONNX Runtime export and its int8 copy
   (onnx-int8), in alternating rounds of one run, and prints best/median milliseconds, each runtime's ratio to
   torch, and the lowest cosine of its vectors to torch's.
2. With `--quality N`: retrieval quality of each runtime on N QMSum train/val meetings (AMI, ICSI and parliament
   in turn): every meeting chunked as the service chunks it, each QMSum question ranked against its own meeting's
   chunks by the vectors alone, hit@5 = one of the first five chunks overlaps a relevant_text_span. No Neo4j and
   no fulltext, so the figure moves only with the vectors.
3. Ingests that meeting through `build_services(...).pipeline` (the default backend) into a throwaway Neo4j and
   prints the time per stage, cold (first meeting of the process, on a server just started) and then `--again`
   times under new external ids, with their median as the warm figure.

    .venv/bin/python bench/embed.py --quality 40 --rounds 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from datetime import date
from pathlib import Path

import numpy as np
from harness import bench_neo4j, machine
from qmsum import sample_others

from app.config import Settings
from app.embedding import SentenceTransformerEmbedder
from app.ingest.chunk import chunk_turns
from app.ingest.models import MeetingInput
from app.ingest.requests import IngestRequest

RUNTIMES = ("torch", "openvino", "onnx", "onnx-int8")
QMSUM = Path(__file__).resolve().parents[2] / "shared" / "data" / "qmsum"  # ../shared beside the checkout


def load_meeting(data: Path, name: str) -> MeetingInput:
    path = next(data.glob(f"*/{name}.json"))
    turns = [{"speaker": t["speaker"], "text": t["content"]} for t in json.loads(path.read_text())["meeting_transcripts"]]
    request = IngestRequest(title=name, date=date(2026, 1, 5), external_id=name, turns=turns,
                            participants=sorted({t["speaker"] for t in turns}))
    return request.to_meeting()


def compare_runtimes(texts: list[str], rounds: int) -> None:
    runtimes = {name: SentenceTransformerEmbedder(backend=name) for name in RUNTIMES}
    assert all(e.backend == name for name, e in runtimes.items()), "a runtime did not load"
    times: dict[str, list[float]] = {name: [] for name in runtimes}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for name, embedder in runtimes.items():
            start = time.perf_counter()
            vectors[name] = np.asarray(embedder.encode(texts))
            times[name].append((time.perf_counter() - start) * 1000)
    print(f"## Embedding {len(texts)} texts, {rounds} alternating rounds ({machine()})")
    print(f"{'runtime':10} {'best ms':>9} {'median ms':>10} {'/ torch':>8} {'lowest cosine to torch':>23}")
    for name, ms in times.items():
        ratio = min(ms) / min(times["torch"])
        cosine = float(np.min(np.sum(vectors[name] * vectors["torch"], axis=1)))
        print(f"{name:10} {min(ms):9.0f} {statistics.median(ms):10.0f} {ratio:8.2f} {cosine:23.6f}")


def compare_retrieval(data: Path, count: int) -> None:
    meetings = []
    for q in sample_others(data, count, set()):
        chunks = chunk_turns(IngestRequest(**q.request()).to_meeting().turns)
        meetings.append((chunks, [(x["query"], q.spans(x)) for x in q.queries if q.spans(x)]))
    texts = [c.embedding_text for chunks, _ in meetings for c in chunks]
    questions = [query for _, queries in meetings for query, _ in queries]
    print(f"\n## Retrieval by vectors alone: {len(questions)} QMSum questions against their own meeting's chunks "
          f"({count} meetings, {len(texts)} chunks; {machine()})")
    print(f"{'runtime':10} {'hit@5':>6} {'encode s':>9}")
    for name in RUNTIMES:
        embedder = SentenceTransformerEmbedder(backend=name)
        start = time.perf_counter()
        chunk_vectors, question_vectors = np.asarray(embedder.encode(texts)), np.asarray(embedder.encode(questions))
        elapsed = time.perf_counter() - start
        hits, first_chunk, asked = 0, 0, 0
        for chunks, queries in meetings:
            own = chunk_vectors[first_chunk:first_chunk + len(chunks)]
            first_chunk += len(chunks)
            for _, spans in queries:
                top = np.argsort(-(own @ question_vectors[asked]))[:5]
                asked += 1
                hits += any(chunks[i].turn_start <= b and a <= chunks[i].turn_end for i in top for a, b in spans)
        print(f"{name:10} {hits / len(questions):6.3f} {elapsed:9.1f}")


async def ingest_real(meeting: MeetingInput, again: int) -> None:
    """The meeting cold (the first of the process, on a server just started), then `again` times more under new
    external ids: a running service's server has long been warmed (its JIT, its page cache), and the first few
    transactions on a fresh one take several times longer than the rest."""
    from app.services import build_services

    with bench_neo4j() as neo4j:
        services = build_services(Settings(_env_file=None, **_connection(neo4j.settings)))
        try:
            await services.ensure_schema()
            warm: list[float] = []
            for round_ in range(again + 1):
                external_id = meeting.external_id if round_ == 0 else f"{meeting.external_id}-again-{round_}"
                start = time.perf_counter()
                result = await services.pipeline.ingest(meeting.model_copy(update={"external_id": external_id}))
                total = (time.perf_counter() - start) * 1000
                warm += [total] if round_ else []
                stages = ", ".join(f"{k} {v:.0f}" for k, v in result.timings_ms.items())
                label = "cold" if round_ == 0 else f"again {round_}"
                print(f"{label}: {total:.0f} ms total ({stages}); {result.memories} memories, {result.entities} items")
            if warm:
                print(f"warm ({len(warm)} after the cold one): median {statistics.median(warm):.0f} ms, "
                      f"best {min(warm):.0f} ms, last {warm[-1]:.0f} ms")
        finally:
            await services.close()


def _connection(settings: Settings) -> dict[str, object]:
    return {"neo4j_uri": settings.neo4j_uri, "neo4j_user": settings.neo4j_user, "neo4j_password": settings.neo4j_password}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=QMSUM)
    parser.add_argument("--meeting", default="ES2002b")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--again", type=int, default=6, help="ingests of the meeting after the cold one")
    parser.add_argument("--quality", type=int, default=0, metavar="N", help="hit@5 by vectors on N QMSum meetings")
    args = parser.parse_args()
    meeting = load_meeting(args.data, args.meeting)
    chunks = [c.embedding_text for c in chunk_turns(meeting.turns)]
    print(f"{args.meeting}: {len(meeting.turns)} turns, {len(chunks)} memory chunks")
    compare_runtimes(chunks + [t.text for t in meeting.turns][:200], args.rounds)
    if args.quality:
        compare_retrieval(args.data, args.quality)
    print(f"\n## {args.meeting} through the pipeline ({machine()})")
    asyncio.run(ingest_real(meeting, args.again))


if __name__ == "__main__":
    main()
