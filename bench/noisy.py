"""The same facts told as messy speech: a deterministic rewrite of "Speaker: words" transcripts.

Each sentence may get a filler ("um", "so yeah", "you know"), a false start ("We, we agreed" or "We {disfmarker}
we agreed"), lowercase names as speech-to-text writes them, no final punctuation, a filler before a verb, or be
split (before a verb or preposition) across two turns with another speaker's backchannel ("Mm-hmm.",
"[inaudible]") between the halves. No word of the sentence is removed or changed except by case, so a labelled
corpus keeps its truth file unchanged.

    .venv/bin/python bench/noisy.py --in /work/shared/eval/dev --out /tmp/dev-noisy --seed 1
    python /work/shared/eval/score.py --api http://127.0.0.1:8000 --corpus /tmp/dev-noisy

With --score SCORER it also scores both, clean then noisy, each into an empty graph of a throwaway Neo4j behind
the real API on loopback, and prints the two scores side by side:

    .venv/bin/python bench/noisy.py --in /work/shared/eval/dev --out /tmp/dev-noisy --score /work/shared/eval/score.py

bench/corpus.py --noisy applies the same rewrite to the meetings it generates.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FILLERS = ("um", "uh", "so yeah", "you know", "okay so", "so", "yeah", "um so", "I mean")
MID_FILLERS = ("uh", "um", "you know", "like")
BACKCHANNEL = ("Mm-hmm.", "Yeah.", "Okay.", "Right.", "[inaudible]", "{vocalsound}", "Mm.")
# Words before which a speaker often hesitates; a filler there never lands inside a name.
_HESITATE_BEFORE = {"is", "was", "will", "can", "can't", "owns", "to", "for", "on", "by", "until", "depends",
                    "needs", "should", "could", "might", "has", "have", "are", "after", "because"}
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


class Noise:
    def __init__(self, seed: int, rate: float = 1.0) -> None:
        self.rng = random.Random(seed)
        self.rate = rate

    def chance(self, p: float) -> bool:
        return self.rng.random() < p * self.rate

    def sentence(self, text: str) -> str:
        words = text.split()
        if not words:
            return text
        if self.chance(0.3):  # speech-to-text lowercases names, or everything
            words = [w.lower() if self.chance(0.5) or w[1:] == w[1:].lower() else w for w in words]
        if self.chance(0.2):
            cut = [i for i in range(1, len(words) - 1) if words[i].lower() in _HESITATE_BEFORE
                   and words[i - 1][-1].isalnum()]
            if cut:
                at = self.rng.choice(cut)
                words.insert(at, self.rng.choice(MID_FILLERS) + ",")
        if self.chance(0.2) and len(words) > 2:
            first = words[0].rstrip(",")
            words.insert(0, first + (" {disfmarker}" if self.chance(0.3) else ","))
        if self.chance(0.35):
            filler = self.rng.choice(FILLERS)
            words.insert(0, (filler[0].upper() + filler[1:] if self.chance(0.5) else filler) + ",")
        if self.chance(0.5):
            words[-1] = words[-1].rstrip(".!?") or words[-1]
        return " ".join(words)

    def turn(self, speaker: str, text: str, others: list[str]) -> list[tuple[str, str]]:
        """One turn as one or more: a sentence may run on into the speaker's next turn."""
        sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()] or [text]
        out: list[tuple[str, str]] = [(speaker, " ".join(self.sentence(s) for s in sentences))]
        words = out[0][1].split()
        cuts = [i for i in range(2, len(words) - 1) if words[i].lower() in _HESITATE_BEFORE]
        if cuts and self.chance(0.15):
            at = self.rng.choice(cuts)
            out = [(speaker, " ".join(words[:at]))]
            if others and self.chance(0.6):
                out.append((self.rng.choice(others), self.rng.choice(BACKCHANNEL)))
            out.append((speaker, " ".join(words[at:])))
        if others and self.chance(0.05):
            out.append((self.rng.choice(others), self.rng.choice(BACKCHANNEL)))
        return out


def noisy_transcript(transcript: str, noise: Noise) -> str:
    """Rewrites "Speaker: words" lines; lines without a speaker stay as they are."""
    lines = transcript.splitlines()
    speakers = sorted({line.split(":", 1)[0].strip() for line in lines if ":" in line})
    out: list[str] = []
    for line in lines:
        if ":" not in line:
            out.append(line)
            continue
        speaker, text = (part.strip() for part in line.split(":", 1))
        others = [s for s in speakers if s != speaker]
        out += [f"{s}: {t}" for s, t in noise.turn(speaker, text, others)]
    return "\n".join(out)


def noisy_meeting(meeting: dict[str, Any], noise: Noise) -> dict[str, Any]:
    """An ingest body with its `transcript` or `turns` rewritten; everything else is kept."""
    if meeting.get("transcript") is not None:
        return {**meeting, "transcript": noisy_transcript(meeting["transcript"], noise)}
    turns = meeting.get("turns") or []
    speakers = sorted({t.get("speaker") or "" for t in turns} - {""})
    rewritten = [{"speaker": s, "text": t} for turn in turns
                 for s, t in noise.turn(turn.get("speaker") or "", turn.get("text") or "",
                                        [x for x in speakers if x != turn.get("speaker")])]
    return {**meeting, "turns": rewritten}


def rewrite_corpus(source: Path, target: Path, seed: int, rate: float = 1.0) -> int:
    """An eval corpus directory (meetings/*.json + truth.json) with noisy meetings and the same truth file."""
    (target / "meetings").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "truth.json", target / "truth.json")
    noise = Noise(seed, rate)
    files = sorted((source / "meetings").glob("*.json"))
    for path in files:
        meeting = json.loads(path.read_text())
        (target / "meetings" / path.name).write_text(json.dumps(noisy_meeting(meeting, noise), indent=1))
    return len(files)


def score_both(scorer: Path, clean: Path, noisy: Path) -> dict[str, dict[str, Any]]:
    import anyio
    from harness import bench_neo4j, machine

    from app.graph.migrations import empty_graph
    from app.live import running_api

    results: dict[str, dict[str, Any]] = {}
    with bench_neo4j() as neo:
        if not neo.fresh:
            sys.exit("--score empties its database: run it without NEO4J_URI")
        settings = neo.settings.model_copy(update={"auth_disabled": True, "log_level": "WARNING"})
        with running_api(settings) as base:
            for name, corpus in (("clean", clean), ("noisy", noisy)):
                anyio.run(empty_graph, settings)
                report = noisy.parent / f"{noisy.name}-{name}-report.json"
                start = time.perf_counter()
                subprocess.run([sys.executable, str(scorer), "--api", base, "--corpus", str(corpus),
                                "--report", str(report)], check=True, stdout=subprocess.DEVNULL)
                results[name] = {**json.loads(report.read_text()), "seconds": time.perf_counter() - start}
            print(machine())
    metrics = sorted(results["clean"]["metrics"])
    width = max(map(len, metrics))
    print(f"{'':{width}}  clean  noisy")
    for key in ["score", *metrics]:
        row = [r["score"] if key == "score" else r["metrics"].get(key, float("nan")) for r in results.values()]
        print(f"{key:{width}}  {row[0]:.3f}  {row[1]:.3f}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--in", dest="source", type=Path, required=True, help="corpus dir: meetings/*.json, truth.json")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=float, default=1.0, help="scales every noise probability")
    parser.add_argument("--score", type=Path, metavar="SCORER", help="score.py: score clean and noisy side by side")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    count = rewrite_corpus(args.source, args.out, args.seed, args.rate)
    print(f"{count} meetings rewritten as noisy speech into {args.out} (truth.json copied unchanged)")
    if args.score:
        score_both(args.score, args.source, args.out)


if __name__ == "__main__":
    main()
