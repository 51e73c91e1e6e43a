"""Recurring topics: the lowercase noun phrases a meeting keeps coming back to, as evidence of work items.

Design and research meetings rarely say "X is done"; they name the things being built and talk about them turn
after turn ("the battery", "a rubber case", "speech recognition"). A phrase counts when several people say it in
several turns: a phrase of two or three words in two turns by two speakers; a single word in three turns by two
speakers, twice as "the <word>" (or "this", "these", "those", "our": not "your", as in "your name") and once so
not after a preposition ("in the dark", "on the left" are places in
speech, not things), shaped like a concrete noun (not -ly, -ing, -ed, -ity, -ness, -ism, -ship) and not a colour
(a value: "the colour should be yellow"). Words written with a capital (names of people and places in
transcripts), generic nouns ("thing", "idea", "people"), who the product is for ("the age group"), grading words
used as nouns ("the basics"), the meeting's own tools ("whiteboard", "email"), the hands that hold it ("thick
fingers"), closed-class words, numbers, fillers and agents ("users", "team") never count. A long
meeting needs more turns (one more per `TURNS_PER_STEP` turns). Only a working group's meeting is read this way:
in a hearing or an assembly of dozens of speakers, what keeps coming up is the subject of debate ("the economy"),
not work the group does.
A phrase mostly said as a reference - compared with ("shaped like a mobile phone", "such as watches") or as where
the product is kept ("you put it in the fruit bowl") - is something the group talks about, not works on: it must
be said otherwise in at least half of its turns. So is a phrase said as "the <phrase>" only ever right after a
preposition of place or way: where one goes or looks ("go to the web page", "through the corporate website").
A phrase said only as a sentence of its own, opening it and followed by nothing but a comma or its end, is a
formula, a greeting or a saying ("Bore da.", "Diolch yn fawr.", "Lefty loosey, righty tighty"), not a topic; one
said within a sentence only ever right after a copula, without a determiner, is a property ("it has to be shock
proof"), not a thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from app.ingest.extract.lexicon import (AGENT_NOUNS, CLOSED_WORDS, COLOUR_WORDS, GENERIC_NOUNS, GRADING_WORDS,
                                        NUMBER_WORDS, number_word, work_headed)
from app.ingest.extract.text import Chunk, ChunkKind
from app.ingest.names import normalize_name

MAX_WORDS = 3
MAX_SPEAKERS = 12
TURNS_PER_STEP = 1000
_WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")
# Who and where, rather than what is worked on: never a topic of work on their own.
_SOCIAL_NOUNS = frozenset(
    """
    user users customer customers consumer consumers client clients person people man men woman women kid kids
    child children family families parent parents friend friends member members staff worker workers student
    students country countries nation nations city cities town towns place places world government state states
    company companies market public society community opinion view views reason example sort kind type types lots
    percent euro euros dollar dollars pound pounds money technology alternative group groups age ages audience
    discussion discussions presentation presentations whiteboard email e-mail computer computers laptop laptops
    pen pens document documents folder folders file files finger thumb hand palm
    """.split()
)
_PREPOSITIONS = frozenset(
    "in on at to of from into onto for with by about over under through round around across behind beside inside "
    "near between within".split()
)
_PLACE_PREPOSITIONS = frozenset("in on at to from into onto by through via".split())
# What comes right before a phrase said as a reference, within its clause: a comparison ("like", not "we'd like"),
# or the place the product is put or kept ("put it in the", "keep them next to your").
_REFERENCE = re.compile(
    r"(?:(?<!'d\s)(?<!would\s)(?<!\bi\s)(?<!\bwe\s)(?<!you\s)(?<!they\s)(?<!\bdon't\s)\blike"
    r"|\bsuch\s+as|\bsimilar\s+to|\bcompared\s+(?:to|with)|\bfor\s+example|\bfor\s+instance)(?:\s+[\w']+){0,5}\s*$"
    r"|\b(?:put|keep|leave|stick|place|lose)\s+(?:it|them)\s+(?:\w+\s+)?"
    r"(?:in|into|onto|inside|under|behind|beside|near|next\s+to)\s+(?:the|a|an|your|their|my|our)?\s*$",
    re.IGNORECASE,
)
_ALONE_AFTER = re.compile(r"\s*(?:[,.?!;]|$)")  # what follows a phrase that opens its sentence and stands alone
# a copula right before a phrase said without a determiner: "it has to be shock proof", a property, not a thing
_PREDICATE = re.compile(
    r"\b(?:be|is|are|was|were|'s|'re|being|been)(?:\s+(?:very|quite|really|more|less|too|so|also|still))?\s*$",
    re.IGNORECASE,
)
_DETERMINED = re.compile(r"(?:the|a|an|this|that|these|those|our|your|my|their|its|some)\s", re.IGNORECASE)
_SPECIFIC = re.compile(r"(?:the|this|these|those|our)\s", re.IGNORECASE)  # "the battery", "our prototypes"
_NOT_CONCRETE = ("ly", "ing", "ed", "ity", "ness", "ism", "ship")
_NEVER = GENERIC_NOUNS | CLOSED_WORDS | AGENT_NOUNS | _SOCIAL_NOUNS | GRADING_WORDS | frozenset(NUMBER_WORDS)


@dataclass
class _Seen:
    surfaces: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    turns: set[int] = field(default_factory=set)
    as_such: set[int] = field(default_factory=set)  # turns where it is said other than as a reference
    speakers: set[str] = field(default_factory=set)
    definite: int = 0  # times said as "the <phrase>", "our <phrase>", "these <phrase>"
    free: int = 0  # of those, times not right after a preposition
    placed: int = 0  # of those, times right after a preposition of place or way ("to", "through", "in")
    in_clause: set[int] = field(default_factory=set)  # turns where it is said within a sentence, not as one
    as_thing: set[int] = field(default_factory=set)  # of those, turns where it is not a copula's bare complement

    def single(self, key: str) -> bool:
        """One word, as keyed ("new creativity" is "creativity") or as said ("high-tech")."""
        return " " not in key or any(" " not in s for s in self.surfaces)


class Recurrence:
    """Fed every noun-phrase chunk as the meeting is read; then names the recurring topics."""

    def __init__(self) -> None:
        self._seen: dict[str, _Seen] = defaultdict(_Seen)

    def add(self, sentence_text: str, chunk: Chunk, turn: int, speaker: str) -> None:
        words = chunk.text.split()
        while len(words) > 1 and words[0] in GRADING_WORDS:
            words.pop(0)
        if chunk.kind is not ChunkKind.ITEM or not 0 < len(words) <= MAX_WORDS or not _plain(words):
            return
        surface = " ".join(words)
        seen = self._seen[normalize_name(surface)]
        seen.surfaces[surface] += 1
        seen.turns.add(turn)
        seen.speakers.add(speaker)
        if not _REFERENCE.search(sentence_text[: chunk.start]):
            seen.as_such.add(turn)
        if sentence_text[: chunk.start].strip(" ,") or not _ALONE_AFTER.match(sentence_text[chunk.end :]):
            seen.in_clause.add(turn)
            said = sentence_text[chunk.start : chunk.end]
            if _DETERMINED.match(said) or not _PREDICATE.search(sentence_text[: chunk.start]):
                seen.as_thing.add(turn)
        if _SPECIFIC.match(sentence_text[chunk.start : chunk.end]):
            seen.definite += 1
            before = sentence_text[: chunk.start].split()
            seen.free += not before or before[-1].lower() not in _PREPOSITIONS
            seen.placed += bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS

    def topics(self, turns: int) -> dict[str, set[int]]:
        """The most said surface of each recurring phrase, and the turns it was said in, for a meeting of that
        many turns."""
        speakers = {s for seen in self._seen.values() for s in seen.speakers}
        if len(speakers) > MAX_SPEAKERS:
            return {}
        more = turns // TURNS_PER_STEP
        found = {}
        for key, seen in self._seen.items():
            single = seen.single(key)
            speakers_needed = 1 if not single and work_headed(key.split()[-1]) else 2  # "final report", said by one
            if len(seen.speakers) < speakers_needed or len(seen.turns) < (3 if single else 2) + more:
                continue
            if 2 * len(seen.as_such) < len(seen.turns):
                continue  # mostly a reference
            if single and (seen.definite < 2 or not seen.free or key.endswith(_NOT_CONCRETE) or key in COLOUR_WORDS):
                continue
            if not seen.in_clause:
                continue  # a formula said on its own, a greeting or a saying: "Bore da.", "Lefty loosey, righty tighty"
            if not seen.as_thing:
                continue  # only ever what something is: "it has to be shock proof", then echoed "Shock proof."
            if seen.definite >= 2 and seen.placed == seen.definite:
                continue  # only ever where one goes or looks: "go to the web page", "through the corporate website"
            found[max(seen.surfaces, key=seen.surfaces.__getitem__)] = seen.turns
        return found


def _plain(words: list[str]) -> bool:
    """Lowercase words of a noun phrase: no names, numbers, codes or fillers, and a head that names a thing."""
    if not all(_WORD.match(w) for w in words) or any(w in CLOSED_WORDS or number_word(w) for w in words):
        return False
    return words[-1] not in _NEVER and words[-1].rstrip("s") not in _NEVER and words[0] not in GENERIC_NOUNS
