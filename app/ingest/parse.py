"""Transcripts in their several shapes → turns.

Plain text is one turn per "Speaker: words" line (a line without a speaker continues the turn before it);
WebVTT and SRT exports are read with webvtt-py, taking the speaker from a `<v Name>` voice tag or a
"Name:" prefix.
"""

from __future__ import annotations

import io
import re

import webvtt

from app.ingest.models import Turn

UNKNOWN_SPEAKER = "Unknown"
_SPEAKER_LINE = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?([A-Z][\w.'\- ]{0,60}?)\s*:\s+(.+)$")
_VOICE_TAG = re.compile(r"<v(?:\.[\w.]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]+>")


class TranscriptError(ValueError):
    """The transcript cannot be read; the message says why."""


def parse_text(text: str) -> list[Turn]:
    turns: list[Turn] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _SPEAKER_LINE.match(line)
        if match:
            turns.append(Turn(index=len(turns), speaker=match.group(1).strip(), text=match.group(2).strip()))
        elif turns:
            turns[-1] = turns[-1].model_copy(update={"text": f"{turns[-1].text} {line}"})
        else:
            turns.append(Turn(index=0, speaker=UNKNOWN_SPEAKER, text=line))
    return turns


def parse_turns(turns: list[dict[str, str]]) -> list[Turn]:
    """Structured turns keep their position in the submitted list as their index, even when empty ones are dropped."""
    return [
        Turn(index=i, speaker=(t.get("speaker") or UNKNOWN_SPEAKER).strip(), text=t["text"].strip())
        for i, t in enumerate(turns)
        if (t.get("text") or "").strip()
    ]


def parse_captions(content: str, fmt: str) -> list[Turn]:
    """WebVTT (`fmt="vtt"`) or SRT (`fmt="srt"`) captions; consecutive cues of one speaker form one turn."""
    buffer = io.StringIO(content)
    try:
        captions = webvtt.from_buffer(buffer, format=fmt)
    except Exception as exc:  # webvtt raises several unrelated types for malformed input
        raise TranscriptError(f"not a valid {fmt.upper()} file: {exc}") from exc
    turns: list[Turn] = []
    for caption in captions:
        raw = caption.raw_text if hasattr(caption, "raw_text") else caption.text
        voice = _VOICE_TAG.search(raw)
        text = " ".join(_TAG.sub("", raw).split())
        if not text:
            continue
        speaker = voice.group(1).strip() if voice else None
        if speaker is None:
            prefixed = _SPEAKER_LINE.match(text)
            if prefixed:
                speaker, text = prefixed.group(1).strip(), prefixed.group(2).strip()
        speaker = speaker or (turns[-1].speaker if turns else UNKNOWN_SPEAKER)
        if turns and turns[-1].speaker == speaker and not voice and not _SPEAKER_LINE.match(raw):
            turns[-1] = turns[-1].model_copy(update={"text": f"{turns[-1].text} {text}"})
        else:
            turns.append(Turn(index=len(turns), speaker=speaker, text=text))
    return turns
