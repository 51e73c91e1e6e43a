"""Names, their normalisation and the ids minted from them: the one place ingest, curation and questions agree on.

A leaf module (nothing from the rest of `app`), so every layer can import it. Names may be in any script:
words are Unicode letters and digits after NFKC and case folding, so "Иван Петров", "李雷" and "Γιώργος Παπάς"
keep their own keys and ids instead of collapsing to the key of "".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

# Words that open a noun phrase without naming anything: "the Atlas project", "our new dashboard".
DETERMINERS = frozenset("the a an our their my its this that these those".split())
LEADING_FILLERS = DETERMINERS | {"your", "his", "her", "new"}
# Words too common to search by, in the fulltext indexes.
STOPWORDS = LEADING_FILLERS - {"new"} | frozenset(
    "and are as at be by did do does for from had has have how i in is it of on or so to was we were what when "
    "where which who why will with you about any can could should would".split()
)
# The fields of an item's state that are versioned from meeting to meeting.
TRACKED_FIELDS = ("status", "progress", "owner", "blockers")

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"'s\b")


def fold(text: str) -> str:
    """Compatibility-normalised and case-folded, with one apostrophe: the form every comparison uses."""
    return unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")


def tokens(text: str) -> list[str]:
    """The words of `text`, folded, without possessives or punctuation ("&" reads as "and")."""
    return _WORD.findall(_POSSESSIVE.sub("", fold(text).replace("&", " and ")))


def words(surface: str) -> list[str]:
    """The words of a name without its leading determiners ("the new dashboard" -> ["dashboard"])."""
    found = tokens(surface)
    while len(found) > 1 and found[0] in LEADING_FILLERS:
        found.pop(0)
    return found


def stem(word: str) -> str:
    """Plural and gerund endings off a folded word; "-as", "-os", "-us", "-is" and "-ss" are kept ("Atlas")."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os")):
        return word[:-1]
    return word


def normalize_name(surface: str) -> str:
    """The key a name is stored and looked up by: folded words, no leading determiner, stemmed."""
    return " ".join(stem(w) for w in words(surface))


def search_keys(name: str, aliases: Iterable[str] = (), *kept: Iterable[str]) -> list[str]:
    """What the resolver and `q=` look names up by: every name and alias normalised, plus any keys kept."""
    keys = {normalize_name(n) for n in [name, *aliases]} | {k for keys_ in kept for k in keys_}
    return sorted(keys - {""})


def entity_id(name: str, person: bool = False) -> str:
    """Deterministic from the name, so concurrent writers of the same new entity meet on one node. A name
    with no letters or digits is keyed by its folded text, never by the empty key."""
    key = normalize_name(name) or " ".join(fold(name).split())
    prefix = "person" if person else "item"
    return f"{prefix}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def action_item_id(meeting_id: str, index: int) -> str:
    """The `index`-th action item raised in a meeting: a re-ingest under the same meeting id mints the same ids."""
    return f"{meeting_id}-a{index}"


def action_item_order_key(meeting_key: str, turn: int, item_id: str) -> str:
    """Action items in meeting order, then by the turn that raised them: what `cursor` pages by."""
    return f"{meeting_key}|{turn:08d}|{item_id}"


def meeting_sort_key(day: date, external_id: str | None, meeting_id: str) -> str:
    """How meetings (and the states they record) are ordered: by date, then by identity."""
    return f"{day.isoformat()}|{external_id or meeting_id}"


def distinct_aliases(name: str, *alias_lists: Iterable[str]) -> list[str]:
    """Aliases in first-seen order, case-insensitively distinct, never the name itself."""
    seen = {fold(name)}
    aliases: list[str] = []
    for alias in (a for aliases_ in alias_lists for a in aliases_):
        if fold(alias) not in seen:
            seen.add(fold(alias))
            aliases.append(alias)
    return aliases
