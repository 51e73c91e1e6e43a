"""Free text → safe Lucene queries for the fulltext indexes (plain words only, so no user syntax reaches the parser)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be by did do does for from had has have how i in is it its of on or our so that the this "
    "to was we were what when where which who why will with you your about any can could should would".split()
)


def lucene_query(text: str, fuzzy: bool = False) -> str | None:
    """The words of `text` OR-ed together; with `fuzzy`, words longer than four letters tolerate one typo."""
    words = dict.fromkeys(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOPWORDS)
    terms = [f"{w}~1" if fuzzy and len(w) > 4 else w for w in words]
    return " OR ".join(terms) or None


def lucene_phrase(text: str) -> str | None:
    """The words of `text` as one quoted phrase; stopwords are dropped only from its start ("the Atlas
    rollout"), since inside a name they belong to it ("Search and Rescue")."""
    words = [w.lower() for w in _WORD.findall(text)]
    while words and words[0] in _STOPWORDS:
        words.pop(0)
    return f'"{" ".join(words)}"' if words else None
