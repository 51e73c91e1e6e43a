"""Free text → safe Lucene queries for the fulltext indexes.

The one place user text becomes Lucene: only whole words of any script are kept (never a syntax character), and
their number is capped below Lucene's clause limit, so no question can make the query parser fail."""

from __future__ import annotations

from app.ingest.names import STOPWORDS, tokens

MAX_TERMS = 64
# A valid query that matches nothing, for statements that must run a fulltext call whatever the text.
NOTHING = '"_"'


def lucene_query(text: str, fuzzy: bool = False) -> str | None:
    """The words of `text` OR-ed together; with `fuzzy`, words longer than four letters tolerate one typo."""
    words = list(dict.fromkeys(w for w in tokens(text) if w not in STOPWORDS))[:MAX_TERMS]
    terms = [f"{w}~1" if fuzzy and len(w) > 4 else w for w in words]
    return " OR ".join(terms) or None


def lucene_phrase(text: str) -> str | None:
    """The words of `text` as one quoted phrase; stopwords are dropped only from its start ("the Atlas
    rollout"), since inside a name they belong to it ("Search and Rescue")."""
    words = tokens(text)
    while words and words[0] in STOPWORDS:
        words.pop(0)
    return f'"{" ".join(words[:MAX_TERMS])}"' if words else None
