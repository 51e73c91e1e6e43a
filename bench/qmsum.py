"""QMSum meetings and the AMI labels for bench/realworld.py: which meetings to ingest, how, and how figures match.

The matching rules are the benchmark's own and deliberately do not reuse the service's name normalisation, so a
change to the code under test cannot move the yardstick.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SERIES_START = date(2026, 1, 5)  # contracts.md: series a, b, c, d are consecutive weeks from here
OTHER_START = date(2025, 3, 3)  # other meetings: distinct weekly dates well before the series
DEFAULT_SERIES = ("ES2002", "ES2005")
MATCH_RULES = (
    "item: an extracted non-person entity of a series' graph is correct when its normalised name or one of its aliases "
    "equals, contains or is contained in (on word boundaries) a labelled item's normalised name or alias; "
    "recall = labelled items matched by at least one extracted entity. Normalised = lowercase, punctuation to "
    "spaces, leading the/a/an/our/this/that dropped, a final plural 's' dropped.\n"
    "decision: a labelled decision is found when a stored Decision of that meeting cites a memory whose turns "
    "overlap the labelled turns, or its quote is found in a labelled turn, or it is ABOUT an entity matching the "
    "labelled 'about' item.\n"
    "action item: a stored action item matches a labelled one of the same meeting with the same owner (normalised) "
    "when its quote lies within 3 turns of the labelled turns or its text shares >= 40% of the labelled text's "
    "content words; each labelled action is matched at most once.\n"
    "retrieval hit@5: one of the first 5 memories is of the query's meeting and its turn_start..turn_end overlaps a "
    "relevant_text_span."
)
_ARTICLES = {"the", "a", "an", "our", "this", "that"}
_STOP = {"the", "a", "an", "to", "of", "and", "or", "for", "in", "on", "at", "by", "with", "is", "are", "be", "we",
         "i", "you", "it", "they", "will", "should", "about", "that", "this", "their", "his", "her", "next", "meeting"}


@dataclass
class QMeeting:
    stem: str
    group: str  # ami | icsi | parliament
    turns: list[dict[str, str]]
    queries: list[dict[str, Any]]
    day: date = SERIES_START

    def request(self) -> dict[str, Any]:
        """The ingest body of contracts.md."""
        speakers = list(dict.fromkeys(t["speaker"] for t in self.turns if t.get("speaker")))
        return {"external_id": self.stem, "title": self.stem, "date": self.day.isoformat(),
                "turns": [{"speaker": t.get("speaker") or "Unknown", "text": t.get("content") or ""}
                          for t in self.turns],
                "participants": speakers}

    def spans(self, query: dict[str, Any]) -> list[tuple[int, int]]:
        return [(int(a), int(b)) for a, b in query.get("relevant_text_span") or []]

    def turns_quoting(self, quote: str | None) -> list[int]:
        """Turn indexes whose text contains the quote (memories and quotes keep the original words)."""
        key = _squash(quote or "")
        if len(key) < 8:
            return []
        return [i for i, t in enumerate(self.turns) if key in _squash(t.get("content") or "")]


@dataclass
class Labels:
    series: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = ""


def group_of(stem: str) -> str:
    if re.match(r"^(ES|IS|TS|IB|EN)\d{4}[a-d]$", stem):
        return "ami"
    if re.match(r"^B[a-z]{2}\d{3}$", stem):
        return "icsi"
    return "parliament"


def load(data: Path, stem: str) -> QMeeting:
    for split in ("train", "val", "test"):
        path = data / split / f"{stem}.json"
        if path.exists():
            raw = json.loads(path.read_text())
            return QMeeting(stem, group_of(stem), raw["meeting_transcripts"], raw.get("specific_query_list") or [])
    raise FileNotFoundError(f"{stem} is not in {data}/train|val|test")


def series_meetings(data: Path, series: str, labels: Labels) -> list[QMeeting]:
    stems = labels.series.get(series, {}).get("meetings") or [f"{series}{c}" for c in "abcd"]
    meetings = [load(data, s) for s in stems]
    for week, meeting in enumerate(meetings):
        meeting.day = SERIES_START + timedelta(weeks=week)
    return meetings


def sample_others(data: Path, count: int, exclude: set[str], seed: int = 11) -> list[QMeeting]:
    """`count` meetings of train+val, round-robin over AMI, ICSI and parliament, each group shuffled by `seed`."""
    groups: dict[str, list[str]] = {"ami": [], "icsi": [], "parliament": []}
    for split in ("train", "val"):
        for path in sorted((data / split).glob("*.json")):
            if path.stem not in exclude and not any(path.stem.startswith(s) for s in exclude if len(s) == 6):
                groups[group_of(path.stem)].append(path.stem)
    rng = random.Random(seed)
    for stems in groups.values():
        rng.shuffle(stems)
    picked: list[str] = []
    while len(picked) < count and any(groups.values()):
        for name in ("ami", "icsi", "parliament"):
            if groups[name] and len(picked) < count:
                picked.append(groups[name].pop())
    meetings = [load(data, s) for s in picked]
    for week, meeting in enumerate(meetings):
        meeting.day = OTHER_START + timedelta(weeks=week)
    return meetings


def load_labels(path: Path) -> Labels:
    if not path.exists():
        return Labels()
    raw = json.loads(path.read_text())
    return Labels(series=raw.get("series") or {}, source=raw.get("source") or "")


def label_key(name: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def names_match(a: str, b: str) -> bool:
    ka, kb = label_key(a), label_key(b)
    if not ka or not kb:
        return False
    return ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} "


def item_matches(names: list[str], item: dict[str, Any]) -> bool:
    wanted = [item["name"], *(item.get("aliases") or [])]
    return any(names_match(n, w) for n in names for w in wanted)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _STOP and len(w) > 2}


def text_similar(got: str, want: str) -> bool:
    wanted = content_words(want)
    return bool(wanted) and len(content_words(got) & wanted) / len(wanted) >= 0.4


def _squash(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))
