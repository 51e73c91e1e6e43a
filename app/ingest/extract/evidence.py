"""Items only on evidence: which extracted names may become work items.

A name is kept when it is known already, a topic the meeting keeps coming back to (`recurrence.py`), has a work-like
head ("ledger service", "data migration"), is an acronym said in more than one turn or talked about ("let's go to
AMI" is said in passing), is introduced as work ("the Atlas project", "a ticket for dark mode", "the latest on
Atlas"), or - when it is more than one bare common word - is what a state, progress, ownership or dependency
statement is about (a single word then needs its capital). A name capitalised as a name (not just at a sentence's
start) is kept when something is stated about it or the meeting says it in more than one turn and does not ask it
questions as a person (`meeting_evidence.py`). In a hearing of more than `MAX_SPEAKERS` speakers only known,
recurring and work-worded names qualify. Numbers, dates, the meeting's people (also by the names they introduce
themselves with), names used as people ("as Raj pointed out", "Kate and Kendra will ..."), words that only pick or
grade ("the past"), self-repairs read as one name and speakers' roles ("Project Manager", "Grad A") are never items,
whatever is said about them, nor are the names an admin marked as not work items (the ignore list, compared
normalised). Nor are first names said on their own or with a surname ("Dave", "Dan Ellis"), unless known or
introduced as work.
The rule-based and the LLM extractors both pass their output through `keep_evidenced`, after
`with_catalogued` has added every catalogued name said in the meeting, in whatever case.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from app.ingest.extract.lexicon import (GENERIC_NOUNS, GRADING_WORDS, PICKING_WORDS, PROJECT_WORDS,
                                        WORK_AREA_WORDS, WORK_HEADS, finite_verb, given_names, number_word,
                                        only_modifier, work_headed)
from app.ingest.extract.meeting_evidence import Usage
from app.ingest.extract.recurrence import MAX_SPEAKERS
from app.ingest.extract.speech import SpokenTurn
from app.ingest.models import EntityMention, Extraction
from app.ingest.names import normalize_name

_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday weekend christmas easter"
_DATE_WORDS = frozenset(f"{_MONTHS} {_DAYS} jan feb mar apr jun jul aug sep sept oct nov dec".split())
_QUANTITIES = frozenset(
    "hundred hundreds thousand thousands million millions billion billions trillion percent "
    "euro euros dollar dollars pound pounds franc francs cent cents pence".split()  # "twenty five Euros"
)
_ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth)$"
)
_NUMBER = re.compile(r"^[\d.,]+(?:k|m|bn)?$")
# Role nouns: speakers in real transcripts are often named by role ("Project Manager", "Professor B").
ROLE_WORDS = frozenset(
    """
    manager managers designer designers marketing interface professor grad postdoc student students phd
    chair chairman chairwoman chairperson secretary minister member members director presenter moderator
    facilitator participant participants speaker speakers interviewer interviewee host
    """.split()
)
# "an update for the audience" is for someone, "the latest on Atlas" is about work
_INTRODUCERS = (r"(?:(?:ticket|tickets|epic|story|issue|card|jira|task)\s+(?:for|about|on|to|of)"
                r"|(?:latest|update|updates|status)\s+(?:about|on|of))")
_SMALL_WORDS = frozenset("of and for the to on in a an &".split())


def _words(surface: str) -> list[str]:
    return re.sub(r"^(?:the|a|an|our|my|their|this|that)\s+", "", surface.strip(), flags=re.IGNORECASE).split()


class Evidence:
    """What the meeting says about names: its people and roles, names known before, capitals used."""

    def __init__(
        self, speakers: Iterable[str], known: Collection[str], texts: Iterable[str], ignored: Collection[str] = (),
        recurring: Collection[str] = (), people: Collection[str] = (),
    ) -> None:
        names = [s for s in speakers if s.strip()]
        self.roles = {" ".join(_words(n)).lower() for n in names}
        self.person_words = {
            w.lower() for n in names if not _is_role(n) for w in re.findall(r"[A-Za-z][A-Za-z'-]+", n) if len(w) > 1
        } | {w.lower() for name in people for w in name.split()}  # and the names they go by ("I'm Kendra")
        self.known = {k.lower() for k in known}
        self.texts = list(texts)
        self.ignored = frozenset(ignored)
        self.recurring = {normalize_name(r) for r in recurring}  # topics the meeting kept coming back to
        # words written capitalised after another word: names, not sentence-case
        self.mid_capitals = {m.group(1).lower() for t in self.texts for m in _MID_CAPITAL.finditer(t)}
        # the first names said are people too, for what is coordinated with them ("Robert and Eva and Bhaskara are")
        said_names = {w.lower() for t in self.texts for w in _CAPITALISED.findall(t)} & given_names()
        self.usage = Usage(self.texts, self.person_words | said_names)
        self.hearing = len({n.lower() for n in names}) > MAX_SPEAKERS

    def never_item(self, surface: str) -> bool:
        words = [w.lower() for w in _words(surface)]
        if not words or " ".join(words) in self.roles or normalize_name(surface) in self.ignored:
            return True
        if all(_is_number(w) or w in _DATE_WORDS for w in words) or _is_number(words[0]) or words[-1] in _QUANTITIES:
            return True  # "62.5 million", "point five million"
        if any(w in _DATE_WORDS for w in words) and words[-1] not in WORK_HEADS:
            return True
        if all(w in GRADING_WORDS for w in words):
            return True  # words that pick or grade a thing, with no thing: "for the past month" read as "past"
        if len(words) > 2 and words[-1] in words[:-1]:
            return True  # a self-repair read as one name: "memory non volatile memory"
        if len(words) > 1 and finite_verb(words[-1]):
            return True  # a clause read as a name: "how the customer relates to"
        if only_modifier(words[-1]) and words[-1] not in self.mid_capitals:
            return True  # no noun heads it ("Furthermore, ...", "Less important."), unless it is a proper name
        return all(w in self.person_words or w in ROLE_WORDS for w in words) or self.usage.as_person(surface)

    def known_name(self, surface: str) -> bool:
        return " ".join(_words(surface)).lower() in self.known or surface.lower() in self.known

    def work_worded(self, surface: str) -> bool:
        """Evidence of work in the name itself or how it was introduced: a work-like head, an acronym."""
        return self._work_named(surface) or _has_acronym(_words(surface))  # an acronym: "SSO", "QA"

    def _work_named(self, surface: str) -> bool:
        lowered = [w.lower() for w in _words(surface)]
        if work_headed(lowered[-1]) or lowered[0] in PROJECT_WORDS:
            return True
        if len(lowered) == 1 and lowered[0] in WORK_AREA_WORDS:
            return True
        return self._introduced(lowered)

    def _in_passing(self, surface: str) -> bool:
        """A bare work head said inside one sentence of one turn ("the next page", "the integration of speech
        recognition"): a common noun in passing, where the head alone is no evidence of work. Said as a heading
        ("Evaluation."), as a work area ("billing"), as an acronym or introduced as work, it still is."""
        words = _words(surface)
        while len(words) > 1 and words[0].lower() in GRADING_WORDS:  # "proper testing" is testing
            words = words[1:]
        if len(words) != 1 or words[0].isupper() or not work_headed(word := words[0].lower()):
            return False
        if word in WORK_AREA_WORDS or self.usage.turns(surface) > 1 or self._introduced([word]):
            return False
        heading = re.compile(rf"(?:^|[.?!]\s)\W*(?:the\s+)?{re.escape(word)}\s*[.?!:]", re.IGNORECASE)
        return not any(heading.search(t) for t in self.texts)

    def capitalised(self, surface: str) -> bool:
        """Written as a name: every content word capitalised ("Horizon 2020": numbers aside), a single word also
        after another word."""
        words = _words(surface)
        content = [w for w in words if w.lower() not in _SMALL_WORDS and not w.isdigit()]
        return bool(content) and all(w[:1].isupper() for w in content) and (
            len(content) > 1 or content[0].lower() in self.mid_capitals
        )

    def _introduced(self, lowered: list[str]) -> bool:
        phrase = r"\s+".join(map(re.escape, lowered))
        pattern = re.compile(rf"\b{_INTRODUCERS}\s+(?:the\s+)?{phrase}\b|\b{phrase}\s+(?:project|initiative)\b", re.I)
        return any(pattern.search(t) for t in self.texts)

    def given_name(self, surface: str) -> bool:
        """A first name, alone or before a capitalised surname ("Dave", "Dan Ellis"): someone the meeting talks
        about, however they are talked about ("Don is gonna be working on prosody", "Chuck is getting himself in
        trouble"), unless the name is work on other evidence ("the Jordan project")."""
        words = _words(surface)
        return (0 < len(words) <= 2 and all(w[:1].isupper() and w[1:].islower() for w in words)
                and words[0].lower() in given_names() and not self.work_worded(surface))

    def stated_enough(self, surface: str) -> bool:
        """A statement's subject counts as evidence unless it is one bare lowercase word ("family"), also once
        the words that only pick it out are left out ("the final questionnaire" is a questionnaire)."""
        words = _words(surface)
        while len(words) > 1 and words[0].lower() in PICKING_WORDS:
            words = words[1:]
        if words[-1].lower() in GENERIC_NOUNS and not any(work_headed(w.lower()) for w in words):
            return False  # "it depends on the individual taste": a generic head names nothing worked on
        return len(words) > 1 or words[0][:1].isupper()

    def item(self, surface: str, stated: bool) -> bool:
        if self.never_item(surface):
            return False
        if self.known_name(surface) or normalize_name(surface) in self.recurring:
            return True
        if self.given_name(surface):
            return False
        if self.hearing:
            return self.work_worded(surface)  # dozens of speakers: names of places, bills and people abound
        if self._work_named(surface):
            return stated or not self._in_passing(surface)
        if _has_acronym(_words(surface)):  # said once and never talked about: in passing ("let's go to AMI")
            return stated or self.usage.turns(surface) > 1
        if self.capitalised(surface):  # a name said once and never talked about was mentioned in passing
            return stated or (self.usage.turns(surface) > 1 and not self.usage.addressed(surface))
        return stated and self.stated_enough(surface)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_MID_CAPITAL = re.compile(r"(?<=[a-z0-9,;:] )([A-Z][a-z][\w-]*)")


def _is_role(name: str) -> bool:
    return bool(re.search(r"\b[A-Z]\b", name)) or any(w.lower() in ROLE_WORDS for w in name.split())


def _has_acronym(words: list[str]) -> bool:
    return any(len(w) > 1 and w.isupper() and w.isalpha() for w in words)


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or number_word(word) or word in _QUANTITIES or bool(_ORDINAL.match(word))


def keep_evidenced(extraction: Extraction, evidence: Evidence) -> Extraction:
    """The extraction without the names that lack evidence (and what was said only about them)."""
    stated = {s.entity.lower() for s in extraction.states}
    stated |= {b.lower() for s in extraction.states for b in s.blockers or []}
    stated |= {n.lower() for d in extraction.dependencies for n in (d.dependent, d.dependency)}
    stated |= {d.entity.lower() for d in extraction.decisions if d.entity}
    verdicts: dict[str, bool] = {}

    def ok(surface: str) -> bool:
        key = surface.lower()
        if key not in verdicts:
            verdicts[key] = evidence.item(surface, key in stated)
        return verdicts[key]

    states = []
    for s in extraction.states:
        if not ok(s.entity):
            continue
        blockers = None if s.blockers is None else [b for b in s.blockers if ok(b)]
        kept = s.model_copy(update={"blockers": blockers})
        cleared = s.blockers == []
        if any(v is not None for v in (kept.status, kept.progress, kept.owner)) or blockers or cleared:
            states.append(kept)
    return Extraction(
        mentions=[m for m in extraction.mentions if ok(m.surface)],
        action_items=extraction.action_items,
        done_claims=extraction.done_claims,
        introduced=extraction.introduced,
        states=states,
        dependencies=[d for d in extraction.dependencies if ok(d.dependent) and ok(d.dependency)],
        decisions=[
            d if d.entity is None or ok(d.entity) else d.model_copy(update={"entity": None})
            for d in extraction.decisions
        ],
    )


def with_catalogued(extraction: Extraction, spoken: list[SpokenTurn], names: Collection[str]) -> Extraction:
    """The extraction with a mention of each catalogued name wherever it is said, as a whole phrase in any
    case, whether or not anything was said about it."""
    if not names:
        return extraction
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    seen = {(m.surface.lower(), m.turn) for m in extraction.mentions}
    added = []
    for said in spoken:
        for match in pattern.finditer(said.spoken.text):
            if (match.group(0).lower(), said.turn.index) not in seen:
                seen.add((match.group(0).lower(), said.turn.index))
                added.append(EntityMention(surface=match.group(0), turn=said.turn.index))
    return extraction.model_copy(update={"mentions": [*extraction.mentions, *added]})
