"""Turns → memories: runs of consecutive turns small enough to embed well and to quote.

Long turns are split at sentence ends; every piece keeps the turn range it came from. A memory keeps the original
words; its embedding is made from them without transcriber markers and fillers, and without the lines that held
nothing else ("User Interface: {vocalsound}").
"""

from __future__ import annotations

import re

from app.ingest.extract.speech import plain_words
from app.ingest.models import Chunk, Turn

MAX_WORDS = 150  # all-MiniLM-L6-v2 reads 256 word pieces; QMSum hit@5 was best here
MAX_TURNS = 8
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _pieces(turn: Turn) -> list[str]:
    """The turn's text as one or more pieces of at most MAX_WORDS words."""
    if len(turn.text.split()) <= MAX_WORDS:
        return [turn.text]
    pieces, current = [], []
    for sentence in _SENTENCE_END.split(turn.text):
        words = sentence.split()
        while len(words) > MAX_WORDS:
            if current:
                pieces.append(" ".join(current))
                current = []
            pieces.append(" ".join(words[:MAX_WORDS]))
            words = words[MAX_WORDS:]
        if current and len(current) + len(words) > MAX_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        pieces.append(" ".join(current))
    return pieces


def chunk_turns(turns: list[Turn]) -> list[Chunk]:
    chunks: list[Chunk] = []
    lines: list[str] = []
    speakers: list[str] = []
    start = end = 0
    words = 0

    def flush() -> None:
        nonlocal lines, speakers, words
        if lines:
            text = "\n".join(lines)
            chunks.append(Chunk(index=len(chunks), text=text, turn_start=start, turn_end=end, speakers=speakers,
                                embedding_text=_embedding_text(lines) or text))
        lines, speakers, words = [], [], 0

    for turn in turns:
        for piece in _pieces(turn):
            size = len(piece.split())
            if lines and (words + size > MAX_WORDS or end - start + 1 >= MAX_TURNS and turn.index != end):
                flush()
            if not lines:
                start = turn.index
            lines.append(f"{turn.speaker}: {piece}")
            if turn.speaker not in speakers:
                speakers.append(turn.speaker)
            end = turn.index
            words += size
    flush()
    return chunks


def _embedding_text(lines: list[str]) -> str:
    plain = []
    for line in lines:
        speaker, _, said = line.partition(": ")
        words = plain_words(said)
        if words.strip(" .,?!"):
            plain.append(f"{speaker}: {words}")
    return "\n".join(plain)
