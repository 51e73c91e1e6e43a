"""Sentences, tokens and noun-phrase chunks of transcript text."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

from app.ingest.extract.lexicon import (
    AGENT_NOUNS,
    CLOSED_WORDS,
    DEFINITE_DETERMINERS,
    FEATURE_HEADS,
    GENERIC_NOUNS,
    INDEFINITE_DETERMINERS,
    INFINITIVE_TAKERS,
    ITEM_PRONOUNS,
    PERSON_PRONOUNS,
    PROJECT_HEADS,
    PROJECT_WORDS,
    TASK_HEADS,
    WORK_AREA_WORDS,
    number_word,
)

_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\w))+[.!?]*")
_TOKEN = re.compile(
    r"[A-Za-z]+n't\b"  # can't, isn't
    r"|[A-Za-z0-9]+(?:[-./&+][A-Za-z0-9]+)*"  # words, incl. sign-on, v2.0, Node.js
    r"|'(?:s|re|ll|ve|d|m)\b|n't\b"  # split-off contractions (it 's, ca n't)
    r"|%|[^\sA-Za-z0-9]"
)
_QUESTION_OPENERS = frozenset(
    "who whom whose what when where why how which is are was were do does did has have had can could will "
    "would should shall may might isn't aren't wasn't doesn't didn't hasn't haven't can't won't any anything "
    "anyone anybody".split()
)
_DISCOURSE_OPENERS = frozenset(
    "so and but okay ok um uh well also then alright right hey quick question now just".split()
)
# Words that trail a name without being part of it ("the billing work").
_TRAILING_FILLERS = frozenset(
    "work stuff thing things piece bits side effort efforts progress status timeline update updates schedule "
    "estimate eta".split()
)
# Plural in form, yet said before a noun as its modifier: "a major sports event", "the sales pitch", "customs duty"
_PLURAL_MODIFIERS = frozenset("sports sales goods savings customs arms news".split())
_NOT_ADVERBS = frozenset(
    "supply family assembly anomaly monopoly reply rally ally italy july weekly monthly daily nightly hourly "
    "quarterly yearly".split()
)
MAX_ITEM_WORDS = 6


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence is, without surrounding whitespace; empty ones are skipped."""
    spans = []
    for m in _SENTENCE.finditer(text):
        if m.group().strip(" \t.!?,;:-"):
            lead = len(m.group()) - len(m.group().lstrip())
            spans.append((m.start() + lead, m.start() + len(m.group().rstrip())))
    return spans


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# a last clause that asks, after a statement: ", Tom, can you book the room?", "; and who takes the minutes?"
_ASKING_CLAUSE = re.compile(
    r"[,;:]\s+(?:(?:and|so|but|then)\s+)?(?:\w+(?:\s+\w+)?\s*,\s*)?(?:"
    + "|".join(sorted(_QUESTION_OPENERS - {"any", "anything", "anyone", "anybody"})) + r")\b",
    re.IGNORECASE,
)


def question_start(sentence: str) -> int:
    """Where the question a sentence ends in begins: its length when it asks nothing, 0 when all of it asks,
    and the last clause's start when a question follows a statement ("Ravi will send the notes, Tom, can you
    book the room?": what Ravi will do is not asked)."""
    if not sentence.rstrip().endswith("?"):
        return len(sentence)
    starts = [m.start() for m in _ASKING_CLAUSE.finditer(sentence)]
    return starts[-1] if starts else 0


def is_question(sentence: str) -> bool:
    if sentence.rstrip().endswith("?"):
        return True
    words = [t.lower for t in tokenize(sentence) if t.text[0].isalnum() or t.text[0] == "'"]
    while words and words[0] in _DISCOURSE_OPENERS:
        words.pop(0)
    if words[:1] == ["when"]:  # "When will Z land" asks; "When Z lands we'll start X" states
        return len(words) > 1 and words[1] in _QUESTION_OPENERS
    return bool(words) and words[0] in _QUESTION_OPENERS


class ChunkKind(Enum):
    ITEM = "item"
    ITEM_PRONOUN = "item_pronoun"
    PERSON = "person"
    PERSON_PRONOUN = "person_pronoun"


@dataclass(frozen=True)
class Chunk:
    kind: ChunkKind
    text: str  # as spoken, without a leading determiner
    start: int
    end: int
    valid: bool = True  # for ITEM: plausibly names a specific work item

    @property
    def names_item(self) -> bool:
        return self.kind is ChunkKind.ITEM and self.valid

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _is_number(word: str) -> bool:
    return word.isdigit() or number_word(word) or word == "%"


def _is_adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 5 and word.lower() not in _NOT_ADVERBS


def _is_past_verb(word: str) -> bool:
    """ "X crossed 40%": a lowercase -ed word ending a name is the verb after it."""
    return word.islower() and word.endswith("ed") and not word.endswith("eed") and len(word) > 4  # not "page speed"


def _is_infinitive_verb(tokens: list[Token], i: int) -> bool:
    """ "happy to report X": a lowercase word after "to" that follows an infinitive-taking word."""
    return (
        i >= 2 and tokens[i - 1].lower == "to" and tokens[i - 2].lower in INFINITIVE_TAKERS and tokens[i].text.islower()
    )


def _starts_proper_name(tokens: list[Token], j: int) -> bool:
    """ "a chance GDPR Audit": lowercase words before a capitalised name are not part of it."""
    if not tokens[j - 1].text.islower():
        return False
    word = tokens[j].text
    if word[:1].isupper() and not word.isupper():
        return True
    follower = tokens[j + 1].text if j + 1 < len(tokens) else ""
    return word.isupper() and len(word) > 1 and follower[:1].isupper() and not follower.isupper()


_HEADS = FEATURE_HEADS | TASK_HEADS | PROJECT_HEADS | PROJECT_WORDS | WORK_AREA_WORDS


def _ends_phrase(previous: Token, token: Token) -> bool:
    """A lowercase word no noun phrase goes on with: a verb after a head noun ("the ledger service passed
    QA", "the search api supports"), a word after a plural ("remote controls ugly"), a verb in -ing after
    a generic noun ("the thing saying")."""
    word, before = token.text, previous.lower
    if not word.islower() or word in _HEADS or word.rstrip("s") in _HEADS:
        return False
    plural = (previous.text.islower() and before.endswith("s") and not before.endswith(("ss", "us", "is", "ics"))
              and len(before) > 3 and before not in _PLURAL_MODIFIERS)
    if before in _HEADS or before.rstrip("s") in _HEADS:
        return word.endswith("ed") or (word.endswith("s") and not word.endswith("ss")) or plural
    return plural or (word.endswith("ing") and before in GENERIC_NOUNS)


def _is_nominal(token: Token, masked: bool) -> bool:
    if masked or not token.text[0].isalnum():
        return False
    word = token.lower
    if word.isalpha() and not token.text.isupper() and not re.search(r"[aeiouy]", word):
        return False  # hmm, mmm, th: fillers, not words
    if _is_adverb(word):
        return False
    return not (
        word in CLOSED_WORDS
        or word in DEFINITE_DETERMINERS
        or word in INDEFINITE_DETERMINERS
        or word in ITEM_PRONOUNS
        or word in PERSON_PRONOUNS
        or _is_number(word)
    )


def _names_work_area(word: str) -> bool:
    return word in WORK_AREA_WORDS or word in FEATURE_HEADS or word in TASK_HEADS or word in PROJECT_HEADS


def _is_valid_item(words: list[str]) -> bool:
    if not words or len(words) > MAX_ITEM_WORDS or _is_number(words[0]):
        return False
    return any(w not in GENERIC_NOUNS and not _is_number(w) and len(w) > 2 for w in words)


def chunk(
    text: str,
    tokens: list[Token],
    person_words: Collection[str] = (),
    masked: Collection[int] = (),
) -> list[Chunk]:
    """Noun-phrase chunks of `text`: maximal runs of open-class words, plus pronouns and people.

    `masked` holds indexes of tokens that belong to a predicate cue and so can't be part of a name;
    `person_words` are lowercase first/last names of the people in the meeting.
    """
    chunks: list[Chunk] = []
    i, n = 0, len(tokens)
    while i < n:
        tok, word = tokens[i], tokens[i].lower
        if i not in masked and word in person_words and tok.text[0].isupper():
            j = i + 1
            while j < n and j not in masked and tokens[j].lower in person_words and tokens[j].text[0].isupper():
                j += 1
            chunks.append(Chunk(ChunkKind.PERSON, text[tok.start : tokens[j - 1].end], tok.start, tokens[j - 1].end))
            i = j
            continue
        determiner = word in DEFINITE_DETERMINERS or word in INDEFINITE_DETERMINERS
        first = i + 1 if determiner and i not in masked else i
        j, skip_verb = first, False
        if j < n and _is_infinitive_verb(tokens, j):
            i = j + 1
            continue
        while j < n and (
            _is_nominal(tokens[j], j in masked)
            or (j > first and _is_number(tokens[j].lower) and tokens[j].text != "%" and j not in masked)
        ):
            if tokens[j].lower in person_words and tokens[j].text[0].isupper():
                break
            if j > first and _starts_proper_name(tokens, j):
                break
            if j > first and _ends_phrase(tokens[j - 1], tokens[j]):
                skip_verb = True
                break
            j += 1
        if j > first:
            chunks.append(_item_chunk(text, tokens, i, first, j))
            i = j + 1 if skip_verb else j  # the word that ended the phrase starts none
        elif i not in masked and word in ITEM_PRONOUNS:
            chunks.append(Chunk(ChunkKind.ITEM_PRONOUN, tok.text, tok.start, tok.end))
            i += 1
        elif i not in masked and word in PERSON_PRONOUNS:
            chunks.append(Chunk(ChunkKind.PERSON_PRONOUN, tok.text, tok.start, tok.end))
            i += 1
        else:
            i += 1
    return chunks


# words before "minutes" that make them a span of time ("a couple of minutes", "the next few minutes")
_TIMED = frozenset("few couple several many more extra last next first final other".split())


def _item_chunk(text: str, tokens: list[Token], det: int, first: int, end: int) -> Chunk:
    words = tokens[first:end]
    while len(words) > 1 and (
        words[-1].lower in _TRAILING_FILLERS or _is_adverb(words[-1].text) or _is_past_verb(words[-1].text)
    ):
        words = words[:-1]
    surface = " ".join(text[words[0].start : words[-1].end].split())  # blanked annotations leave gaps
    starts_sentence = det == first and text[: words[0].start].strip(" \"'") == ""
    if starts_sentence and len(words) > 1 and all(w.text.islower() for w in words[1:]) and surface[1:2].islower():
        surface = surface[0].lower() + surface[1:]  # sentence case, not a proper name
    lowered = [w.lower for w in words]
    if all(w in AGENT_NOUNS for w in lowered) or (len(lowered) > 1 and lowered[-1] in ("team", "squad", "crew")):
        return Chunk(ChunkKind.PERSON_PRONOUN, surface, tokens[det].start, words[-1].end)
    indefinite = det != first and tokens[det].lower in INDEFINITE_DETERMINERS
    bare_word = det == first and len(words) == 1 and words[0].text.islower()
    valid = not indefinite and _is_valid_item(lowered) and not (bare_word and not _names_work_area(lowered[0]))
    if lowered[-1] == "minutes" and any(_is_number(w) or w in _TIMED
                                        for w in [t.lower for t in tokens[max(0, det - 2) : det]] + lowered):
        valid = False  # a span of time; "the minutes" are a meeting's notes
    return Chunk(ChunkKind.ITEM, surface, tokens[det].start, words[-1].end, valid)
