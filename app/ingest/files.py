"""Uploaded transcript files (plain text, WebVTT, SRT) → turns."""

from __future__ import annotations

import re

from app.ingest.models import Turn
from app.ingest.parse import TranscriptError, parse_captions, parse_text

_SRT_START = re.compile(r"^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->", re.MULTILINE)


def decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise TranscriptError("the file is not UTF-8 (or UTF-16) text")


def file_format(filename: str, text: str) -> str:
    name = filename.lower()
    if name.endswith(".vtt") or text.lstrip().startswith("WEBVTT"):
        return "vtt"
    if name.endswith(".srt") or _SRT_START.match(text):
        return "srt"
    return "text"


def parse_file(filename: str, raw: bytes) -> list[Turn]:
    text = decode(raw)
    fmt = file_format(filename, text)
    turns = parse_text(text) if fmt == "text" else parse_captions(text, fmt)
    if not turns:
        raise TranscriptError(f"no transcript turns found in {filename or 'the file'} (read as {fmt})")
    return turns
