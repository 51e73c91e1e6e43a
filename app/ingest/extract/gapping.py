"""Work handed out in one sentence with the verb said once: "Kate will be looking at the look and feel, Kendra the
user interface and Andrew of course the product evaluation" gives Kendra "looking at the user interface" and
Andrew "looking at the product evaluation" (gapping); "..., and me the test matrix" is the speaker's. A gapped
conjunct is a name of the meeting's people, after a comma or "and", followed by a noun phrase that starts with a
determiner: "..., Tom is doing the deck" has a verb of its own and is read as a sentence of its own, and "..., Tom,
can you ...?" is a request."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.extract.action_cues import WORK

SPEAKER = ("me", "myself")
_DETERMINER = r"(?:the|a|an|this|that|these|those|his|her|their|our|your|my|some|all|any|each|one)"


@dataclass(frozen=True)
class Gapped:
    who: str  # as said; SPEAKER for the speaker
    what: str  # with the verb of the first conjunct


class Gapping:
    def __init__(self, said: str) -> None:
        who = rf"(?:{said}|{'|'.join(SPEAKER)})(?![\w-])"
        before = r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:of\s+course\s+|also\s+|then\s+)?(?:the\s+)?(?<![\w-])"
        self._conjunct = re.compile(
            rf"{before}(?P<who>{who})\s*,?\s+(?:of\s+course\s+|also\s+|then\s+)?(?P<what>{_DETERMINER}\b.+?)"
            rf"(?={before}{who}|,?\s+and\s+(?:you|we|I|they|he|she)\b|[.?!;]|$)",
            re.IGNORECASE,
        )

    def split(self, sentence: str, verb_start: int, end: int) -> tuple[int, list[Gapped]]:
        """Where the first conjunct's words end (`end` when nothing is gapped), and the gapped conjuncts between
        `verb_start` and `end`, each with the first conjunct's verb."""
        verb = re.match(WORK, sentence[verb_start:], re.IGNORECASE)
        if verb is None:
            return end, []
        found = list(self._conjunct.finditer(sentence, verb_start + verb.end(), end))
        if not found:
            return end, []
        return found[0].start(), [Gapped(m.group("who"), f"{verb.group()} {m.group('what')}") for m in found]
