"""Evidence from a name's use across the whole meeting, not one sentence: in how many turns it is said, and
whether it is used as a person ("as Raj pointed out", "thanks, Craig").

A name said together with one of the meeting's people ("Kate and Kendra will be producing a model") is a
person too: work items are coordinated with work, people with people.

A name a meeting says once and never says anything about is usually an object or a person mentioned in
passing, not something the team works on; `evidence.py` weighs that with what the name itself shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.ingest.extract.lexicon import COURTESIES

# What is said of people and never of work items: "X said", "X pointed out", "thanks, X", "well done, X".
_SPEECH_AFTER = (
    r"(?:said|says|mentioned|pointed\s+out|suggested|asked|told\s+(?:me|us)|was\s+saying|is\s+saying|"
    r"thinks|thought|reckons|presented|explained)"
)
_ADDRESS_BEFORE = rf"(?:{COURTESIES}|sorry)\s*,?"
# Only people are coordinated with the speaker: "Bhaskara and I started working", "for Johno and me".
_WITH_SPEAKER = r"\s+and\s+(?:I|me|myself)\b"
# "Kate and Kendra will ...": the subject of a verb, together with one of the meeting's people
_AND = r"\s*,?\s+and\s+"
_VERB_AFTER = r"(?=\s+(?:will|'ll|are|'re|were|have|had|can|now|both|gonna|going)\b)"
# A question put to someone by name at its end: "did you wanna comment Craig?"
_ASKED = r"\byou\b[^.?!]*?\s"
# Calling on someone: a sentence of nothing but an opener and the name ("Okay Matthew.", "Right, Matthew?"), or
# a question ending on the name after a comma ("we didn't see this chip, uh Matthew?")
_OPENER = r"(?:okay|ok|right|alright|so|yes|yeah|well|and|now)"
_REFLEXIVE = r"[^.?!,;]{0,40}?\b(?:himself|herself)\b"  # "Chuck is getting himself in trouble"
_ASKED_AFTER = r"\s*,\s*(?:can|could|would|will|do|did|are|have|should)\s+you\b"  # "So, Hamed, can you ..."
_CALLED_ON = (r"(?:^|[.?!]\s+)(?i:{opener})\s*,?\s+{name}\s*[.?!]|,\s*(?:(?i:uh|um)\s+)?{name}\s*\?")
# What each of the name patterns of `as_person` holds besides the names: a meeting none of whose texts matches
# one cannot match that pattern either, so it compiles (milliseconds each, for every name) only the others.
_BESIDES_NAMES = {
    "said": re.compile(rf"\s+{_SPEECH_AFTER}\b"),
    "addressed": re.compile(rf"\b{_ADDRESS_BEFORE}\s+"),
    "with speaker": re.compile(_WITH_SPEAKER),
    "asked": re.compile(_ASKED_AFTER),
    "reflexive": re.compile(_REFLEXIVE),
    "listed": re.compile(_AND),
    "listed verb": re.compile(_VERB_AFTER),
}
_CALL_END = re.compile(r"\s*[.?!]")  # how both shapes of a call on someone end, after the name


class Usage:
    """How the names of one meeting are used, over the meeting's normalised turn texts."""

    def __init__(self, texts: Iterable[str], people: Iterable[str] = ()) -> None:
        self.texts = [t for t in texts if t.strip()]
        self._turns: dict[str, int] = {}
        said = "|".join(re.escape(p) for p in sorted(set(people), key=len, reverse=True))
        self._people = rf"(?i:{said})(?![\w-])" if said else None
        self._found = {part: any(p.search(t) for t in self.texts) for part, p in _BESIDES_NAMES.items()}

    def turns(self, surface: str) -> int:
        """In how many turns the name is said (whole words, any case), counted up to 2."""
        key = surface.lower()
        if key not in self._turns:
            pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])", re.IGNORECASE)
            count = 0
            for text in self.texts:
                count += bool(pattern.search(text))
                if count >= 2:
                    break
            self._turns[key] = count
        return self._turns[key]

    def as_person(self, surface: str) -> bool:
        """A capitalised name somebody is said to have said something, is thanked or greeted, is asked something
        ("Hamed, can you"), does something to himself or herself ("Chuck is getting himself in trouble"), is named
        together with the speaker ("Bhaskara and I") or as a subject with one of the meeting's people ("Kate and
        Kendra will"; the first names it says count), or is called on in two turns ("Okay Matthew." ... "Right,
        Matthew?")."""
        if not surface[:1].isupper():
            return False
        name = re.escape(surface)
        shapes = {
            "said": rf"\b{name}\s+{_SPEECH_AFTER}\b",
            "addressed": rf"\b{_ADDRESS_BEFORE}\s+{name}\b(?![\w-])",
            "with speaker": rf"\b{name}{_WITH_SPEAKER}",
            "asked": rf"\b{name}{_ASKED_AFTER}",
            "reflexive": rf"\b{name}\b{_REFLEXIVE}",
        }
        if self._people and self._found["listed verb"]:
            shapes["listed"] = (rf"\b{name}{_AND}{self._people}{_VERB_AFTER}"
                                rf"|(?<![\w-]){self._people}{_AND}{name}\b{_VERB_AFTER}")
        possible = [shape for part, shape in shapes.items() if self._found[part]]
        if possible:
            pattern = re.compile("|".join(possible))
            if any(pattern.search(t) for t in self.texts):
                return True
        if sum(self._ends_call(surface, t) for t in self.texts) < 2:
            return False
        called_on = re.compile(_CALLED_ON.format(opener=_OPENER, name=name))
        return sum(bool(called_on.search(t)) for t in self.texts) >= 2  # once could be a choice checked: "Okay, Redis?"

    @staticmethod
    def _ends_call(surface: str, text: str) -> bool:
        """Whether the name is said somewhere in the text as a call on someone would end: before a full stop,
        question or exclamation mark."""
        at = text.find(surface)
        while at >= 0:
            if _CALL_END.match(text, at + len(surface)):
                return True
            at = text.find(surface, at + 1)
        return False

    def addressed(self, surface: str) -> bool:
        """A name a question to "you" ends with: the person asked, unless the name is work on other evidence."""
        pattern = re.compile(rf"{_ASKED}{re.escape(surface)}\s*\?")
        return any(pattern.search(t) for t in self.texts)
