"""Read a plain-English question: what it asks (intent), about which items, person and date.

Rules are tried in precedence order; each has cue patterns (see `cues`) and may add a structural check.
Whatever is left once cue phrases, dates and scaffolding words are cut away names the item(s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import BaseModel

from app.ingest.models import EntityType, Status
from app.query import cues
from app.query.dates import DateMatch, DateRef, find_date_ref
from app.ingest.names import DETERMINERS
from app.query.text import (
    EDGE_WORDS,
    NAME_PLACEHOLDER,
    CanonicalText,
    NameIndex,
    canonicalize,
    leftover_phrases,
    strip_edges,
)

Span = tuple[int, int]  # first and last word index


class Intent(StrEnum):
    CURRENT_STATUS = "current_status"
    STATUS_AS_OF = "status_as_of"
    TIMELINE = "timeline"
    BLOCKERS = "blockers"
    DEPENDENCIES = "dependencies"
    DEPENDENTS = "dependents"
    DEPENDENCY_PATH = "dependency_path"
    CRITICAL_PATH = "critical_path"
    OWNER = "owner"
    OWNED_BY = "owned_by"
    CHANGES_SINCE = "changes_since"
    DECISIONS = "decisions"
    SEARCH = "search"
    MEETING_SUMMARY = "meeting_summary"
    COUNT = "count"
    ACTION_ITEMS = "action_items"
    UNKNOWN = "unknown"


class ParsedQuestion(BaseModel):
    """What a question asks; spans are the user's own words, to be linked to stored items and people."""

    question: str
    intent: Intent
    entity_spans: list[str]  # as typed, in order; for dependency_path [dependent, dependency]
    person_span: str | None = None
    date_ref: DateRef | None = None
    status_filter: Status | None = None
    type_filter: EntityType | None = None  # "how many projects ..."
    search_text: str = ""
    overdue: bool = False  # action items past their due date


@dataclass(frozen=True)
class Reading:
    """One rule's view of the question: the phrases left once its cues and the date are cut away."""

    canon: CanonicalText
    date: DateMatch | None
    phrases: list[Span]
    person: Span | None


@dataclass(frozen=True)
class Rule:
    intent: Intent
    triggers: tuple[re.Pattern[str], ...]
    fillers: tuple[re.Pattern[str], ...] = ()  # also cut, but only once a trigger matched
    accept: Callable[[Reading], bool] = lambda reading: True
    reverse: bool = False  # the dependency is named before the dependent


def _has_items(reading: Reading) -> bool:
    return bool(reading.phrases)


def _two_items(reading: Reading) -> bool:
    return len(reading.phrases) >= 2


def _no_items(reading: Reading) -> bool:
    return not reading.phrases


def _meeting_summary(reading: Reading) -> bool:
    if reading.phrases or (reading.date and _date_follows_since(reading)):
        return False
    text = reading.canon.text
    return reading.date is not None or bool(cues.MEETING_WORDS.search(text)) or bool(cues.SUMMARY_NOUNS.search(text))


def _date_follows_since(reading: Reading) -> bool:
    before = reading.canon.question[: reading.date.start].lower().split() if reading.date else []
    before = [word for word in before if word not in DETERMINERS]
    return bool(before) and before[-1] in ("since", "after")


def _not_a_past_status(reading: Reading) -> bool:
    """ "Was X blocked on Feb 9?" asks for a past status."""
    return reading.date is None or not cues.PAST_BLOCKED.search(reading.canon.text)


def _a_person(reading: Reading) -> bool:
    if reading.person is None:
        return False
    return reading.canon.words[reading.person[0]].text not in DETERMINERS


def _dated_or_no_items(reading: Reading) -> bool:
    return reading.date is not None or not reading.phrases


def _since_a_date(reading: Reading) -> bool:
    return reading.date is not None and _date_follows_since(reading)


def _not_how_far(reading: Reading) -> bool:
    return not cues.HOW_FAR.search(reading.canon.text)


_STATUS_PATTERNS = tuple(pattern for _, pattern in cues.STATUS_WORDS)
_CHANGE_PATTERNS = (*cues.CHANGES_SINCE_DATE, *cues.CHANGE_WORDS, *cues.NEWS_WORDS, cues.CHANGE_FILLER)

_RULES: list[Rule] = [
    Rule(Intent.ACTION_ITEMS, cues.ACTION_ITEMS, (cues.ACTION_FILLER,)),
    Rule(Intent.COUNT, cues.COUNT, (cues.LISTING_WORDS, *_STATUS_PATTERNS)),
    Rule(Intent.CRITICAL_PATH, cues.CRITICAL, (cues.CRITICAL_FILLER,)),
    Rule(Intent.DEPENDENCY_PATH, cues.PATH, accept=_two_items),
    Rule(Intent.DEPENDENCY_PATH, cues.PATH_REVERSED, accept=_two_items, reverse=True),
    Rule(Intent.MEETING_SUMMARY, cues.SUMMARY, (cues.MEETING_WORDS, cues.SUMMARY_FILLER), accept=_meeting_summary),
    Rule(Intent.OWNED_BY, cues.ON_PLATE, accept=_a_person),
    Rule(Intent.SEARCH, cues.SEARCH, (cues.SPEAKER,)),
    Rule(Intent.BLOCKERS, cues.WHY_BLOCKED),
    Rule(Intent.DEPENDENTS, cues.DEPENDENTS, (cues.DEPENDENTS_FILLER,)),
    Rule(Intent.DEPENDENCIES, cues.DEPENDENCIES),
    Rule(Intent.COUNT, _STATUS_PATTERNS, (cues.LISTING_WORDS,), accept=_no_items),
    Rule(Intent.OWNED_BY, cues.OWNED_BY, (cues.LISTING_WORDS, *_STATUS_PATTERNS), accept=_a_person),
    Rule(Intent.BLOCKERS, cues.BLOCKERS, accept=_not_a_past_status),
    Rule(Intent.DECISIONS, cues.DECISIONS, (cues.DECISION_FILLER,)),
    Rule(Intent.OWNER, cues.OWNER, (cues.OWNER_FILLER,), accept=_has_items),
    Rule(Intent.CHANGES_SINCE, cues.CHANGES_SINCE_DATE, _CHANGE_PATTERNS, accept=_since_a_date),
    Rule(Intent.CHANGES_SINCE, cues.CHANGE_WORDS, _CHANGE_PATTERNS, accept=_dated_or_no_items),
    Rule(Intent.CHANGES_SINCE, cues.NEWS_WORDS, _CHANGE_PATTERNS, accept=_no_items),
    Rule(Intent.TIMELINE, cues.TIMELINE, accept=_not_how_far),
    Rule(Intent.CURRENT_STATUS, cues.STATUS, accept=_has_items),
    Rule(Intent.SEARCH, cues.BARE_SEARCH, accept=_has_items),
]

_NOT_SEARCH_TEXT = EDGE_WORDS | DETERMINERS | frozenset("""
find search look up grep discussion discussions discuss discussed talk talked talking mention mentioned mentions
conversation conversations said say says meeting meetings transcript transcripts notes anything everything
""".split())


def parse_question(question: str, today: date | None = None, known_names: NameIndex | None = None) -> ParsedQuestion:
    """`today` anchors relative days ("two weeks ago") and defaults to the current date. `known_names`, the
    stored items' names and aliases when the caller has them, keeps cue words inside names from misleading."""
    canon = canonicalize(question, cues.VOCABULARY, known_names)
    mention = find_date_ref(question, today)
    date_words = canon.words_in_raw_span(mention.start, mention.end) if mention else set()
    rule, reading = _classify(canon, mention, date_words)
    intent = rule.intent if rule else Intent.UNKNOWN
    date_ref = mention.ref if mention else None
    if intent is Intent.CURRENT_STATUS and date_ref and date_ref.relative not in ("today", "this_week"):
        intent = Intent.STATUS_AS_OF
    if intent is Intent.MEETING_SUMMARY and date_ref is None:
        date_ref = DateRef(relative="last_meeting")
    spans = [canon.raw(*phrase) for phrase in reading.phrases]
    filtered = intent in (Intent.COUNT, Intent.OWNED_BY)
    return ParsedQuestion(
        question=question,
        intent=intent,
        entity_spans=spans[::-1] if rule and rule.reverse else spans,
        person_span=canon.raw(*reading.person) if reading.person else None,
        date_ref=date_ref,
        status_filter=_status_filter(canon.text) if filtered else None,
        type_filter=_type_filter(canon.text) if filtered else None,
        search_text=_search_text(canon, date_words),
        overdue=intent is Intent.ACTION_ITEMS and bool(cues.OVERDUE.search(canon.text)),
    )


def _classify(canon: CanonicalText, mention: DateMatch | None, date_words: set[int]) -> tuple[Rule | None, Reading]:
    for rule in _RULES:
        reading = _read(rule, canon, mention, date_words)
        if reading is not None and rule.accept(reading):
            return rule, reading
    return None, Reading(canon, mention, leftover_phrases(canon, date_words), None)


def _read(rule: Rule, canon: CanonicalText, mention: DateMatch | None, date_words: set[int]) -> Reading | None:
    matches = _matches(rule.triggers, canon)
    if not matches:
        return None
    matches += _matches(rule.fillers, canon)
    removed = set(date_words)
    person: Span | None = None
    for match in matches:
        for start, end in _cue_spans(match):
            removed.update(canon.word_indices(start, end))
        if person is None and match.re.groupindex.get("p") and match.group("p"):
            words = canon.word_indices(*match.span("p"))
            removed.update(words)
            person = strip_edges(canon, words.start, words.stop - 1) if words else None
    return Reading(canon, mention, leftover_phrases(canon, removed), person)


def _matches(patterns: tuple[re.Pattern[str], ...], canon: CanonicalText) -> list[re.Match[str]]:
    found = (m for pattern in patterns for m in pattern.finditer(canon.text))
    return [m for m in found if canon.on_word_boundaries(*m.span())]


def _cue_spans(match: re.Match[str]) -> list[tuple[int, int]]:
    named = [name for name in match.re.groupindex if name[0] == "c" and match.group(name) is not None]
    return [match.span(name) for name in named] if match.re.groupindex.keys() - {"p"} else [match.span()]


def _status_filter(text: str) -> Status | None:
    found = [
        (m.start(), -len(m.group()), status) for status, pattern in cues.STATUS_WORDS if (m := pattern.search(text))
    ]
    return min(found)[2] if found else None


def _type_filter(text: str) -> EntityType | None:
    return next((entity_type for entity_type, pattern in cues.TYPE_WORDS if pattern.search(text)), None)


def _search_text(canon: CanonicalText, date_words: set[int]) -> str:
    """The question's content words, as typed unless a typo was fixed, for semantic search over memories."""
    kept = []
    for i, word in enumerate(canon.words):
        if i in date_words or word.text in _NOT_SEARCH_TEXT:
            continue
        typed = canon.question[word.start:word.end]
        kept.append(typed if word.text in (typed.lower(), NAME_PLACEHOLDER) else word.text)
    return " ".join(kept) or canon.question.strip()
