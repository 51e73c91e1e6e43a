"""Values read out of a cue match: the percentage stated, whether a completion is qualified, the choice made."""

from __future__ import annotations

import re

from app.ingest.extract.lexicon import (
    CLOSED_WORDS,
    DEFINITE_DETERMINERS,
    FRACTION_WORDS,
    INDEFINITE_DETERMINERS,
    ITEM_PRONOUNS,
    NUMBER_WORDS,
    PERSON_PRONOUNS,
)

_AMOUNT_AFTER = re.compile(
    r"^\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+|only\s+)?"
    r"(?:\d|half|a\s+(?:quarter|third)|two[- ]thirds|three[- ]quarters|(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety|ten)\b)",
    re.IGNORECASE,
)
_DEGREE_BEFORE = re.compile(
    r"\b(?:almost|nearly|mostly|partly|partially|half|not\s+quite|close\s+to|about\s+to\s+be|far\s+from|largely)\s+$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\b(?:from|by)\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_CHOICE_END = re.compile(
    r"\s+(?:for|on|as|because|since|instead|over|rather|so|and|to|from|this|next|going|moving)\b|\s*[,.;!?:]|$",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+([a-z][a-z-]+)\b")
# a share of a set or of the people asked: "ninety percent of the buttons", "thirty four percent say"
_SHARE_OF = re.compile(
    r"^\s+(?:of|would|say|says|said|think|thought|want|wanted|wants|like|liked|likes|find|found|finds|prefer|"
    r"preferred|prefers|indicated|agree|agreed|use|used)\b",
    re.IGNORECASE,
)
# ... unless it is said of one item's work: "we've finished 30% of the audit", "30% of the migration is done"
_WORK_DONE_BEFORE = re.compile(
    r"\b(?:finished|completed|done|migrated|tested|reviewed|built|shipped)\s+(?:about\s+|around\s+)?$", re.IGNORECASE
)
_DONE_AFTER = re.compile(r"^\s+of\s+[^,.;!?]{1,60}?\b(?:is|'s|are)\s+(?:now\s+)?(?:done|complete|completed|finished)\b",
                         re.IGNORECASE)
_FUNCTION_WORDS = CLOSED_WORDS | DEFINITE_DETERMINERS | INDEFINITE_DETERMINERS | ITEM_PRONOUNS | PERSON_PRONOUNS


def percent_value(match: re.Match[str], text: str) -> int | None:
    """The percentage a PROGRESS match states, or None when it's a reference value ("up from 40%") or a share
    of something ("fifty percent people", "72 percent efficacy", "ninety one percent of the youngest age groups
    said", "thirty four percent say"): progress is "90 percent done", "90 percent of the way through" or "we've
    finished 30% of the audit"."""
    if _FROM_BEFORE.search(text[: match.start()]):
        return None
    after = text[match.end() :]
    if _SHARE_OF.match(after) and not (_WORK_DONE_BEFORE.search(text[: match.start()]) or _DONE_AFTER.match(after)):
        return None
    noun = _NOUN_AFTER.match(after)
    if noun and noun.group(1) not in _FUNCTION_WORDS:
        return None
    groups = match.groupdict()
    if groups.get("num"):
        value = int(groups["num"])
    elif groups.get("words"):
        value = sum(
            NUMBER_WORDS[w] for w in re.split(r"[- ]+", groups["words"].lower()) if w in NUMBER_WORDS and w != "a"
        )
        if "hundred" in groups["words"].lower():
            value = 100
    else:
        spoken = (groups.get("frac") or groups.get("halfway") or "").lower()
        value = FRACTION_WORDS.get(re.sub(r"\s+", " ", spoken), 50)
    return value if 0 <= value <= 100 else None


def degree_qualified(match: re.Match[str], text: str) -> bool:
    """ "almost done", "nearly finished", "completed 40% of": the cue is not reached yet."""
    return bool(_DEGREE_BEFORE.search(text[: match.start()]) or _AMOUNT_AFTER.match(text[match.end() :]))


def choice_after(text: str, start: int) -> tuple[str, int] | None:
    """The technology/option named right after a decision cue, and where it ends."""
    rest = text[start:]
    stripped = rest.lstrip()
    offset = start + len(rest) - len(stripped)
    end = _CHOICE_END.search(stripped)
    choice = _LEADING_ARTICLE.sub("", stripped[: end.start() if end else len(stripped)]).strip()
    words = choice.split()
    function_words = [w for w in words if w.islower() and (w in CLOSED_WORDS or w in ITEM_PRONOUNS)]
    if not choice or len(words) > 4 or function_words:
        return None
    return choice, offset + (end.start() if end else len(stripped))
