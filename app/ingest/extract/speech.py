"""Speech normalisation: what extraction reads instead of the words as transcribed.

Real transcripts carry transcriber markers ({disfmarker}, [Laughter.]), fillers ("um", "you know"),
repetitions and false starts ("We, we agreed", "the the", "h heavier", "I- I"), self-repairs ("the
billing page, no wait, I mean the onboarding flow"), names in lower case from speech-to-text, turns
that stop mid-sentence and go on in the speaker's next turn, and long runs with no punctuation.
Each pass rewrites the text while keeping, for every character, where it came from, so quotes are
cut from the original words: only extraction reads the normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from app.ingest.extract.lexicon import (
    AUXILIARIES,
    CLOSED_WORDS,
    DEFINITE_DETERMINERS,
    FEATURE_HEADS,
    GENERIC_NOUNS,
    INDEFINITE_DETERMINERS,
    PERSON_PRONOUNS,
    PROJECT_HEADS,
    TASK_HEADS,
    WORK_AREA_WORDS,
    english_word,
    number_word,
)
from app.ingest.models import Turn

_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-"})
_MARKER = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]|<[^<>]*>")  # {vocalsound}, [Laughter.], <inaudible>
_SPELLED = re.compile(r"\b(?:[A-Za-z]_){2,}")  # AMI spells letters out: "L_C_D_", "T_V_"
_FILLER = re.compile(
    r"(?:,\s*)?(?<!['\w])(?:uh(?:\s?-\s?)?huh|m+(?:\s?-\s?)?h+m+|u+m+|u+h+|uhm|e+r+m+|e+h+|h+m+|m+|mhm|ah+)\b"
    r"(?:\s*,)?",
    re.IGNORECASE,
)
_FILLER_PHRASE = re.compile(
    r"(?:^|(?<=[,.?!]))\s*(?:you\s+know|i\s+mean|so\s+yeah)\b\s*,?"
    r"|,\s*(?:you\s+know|i\s+mean)\s*(?:,|(?=[.?!]|$))",
    re.IGNORECASE,
)
_BECAUSE = re.compile(r"(?<![\w'])'(?:cause|cos|coz)\b", re.IGNORECASE)  # "'Cause it's cheaper" is no name
_OKAY = re.compile(r"(?<![\w'])'kay\b", re.IGNORECASE)  # "'Kay we're done designing." is no one's name
_CUT_OFF = re.compile(r"\b[A-Za-z]+-(?=\s)")  # "I- I think", "we were- we are"
# ICSI writes a hyphen with spaces round it, in compounds ("non - native", "mock - up") and after false starts
# ("Ro - Robert", "We - I think", "th - the").
_SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z]) - (?=[A-Za-z])")
_SIDE_WORD = re.compile(r"[A-Za-z']+")
_PREFIXES = frozenset("non pre re de co un sub semi anti multi inter intra mid post over under self cross".split())
_NO_COMPOUND = AUXILIARIES | PERSON_PRONOUNS | DEFINITE_DETERMINERS | INDEFINITE_DETERMINERS | frozenset(
    "and or but so because if then when where what which why how yeah yes okay ok well oh".split()
)
_REPEAT = re.compile(r"\b(\w+(?:'\w+)?(?:\s+\w+(?:'\w+)?){0,2})(?:\s*[,-]?\s+\1\b)+", re.IGNORECASE)
_FRAGMENT = re.compile(r"(?<![\w'])([A-Za-z]{1,3})\s+(?=(\1\w+))", re.IGNORECASE)  # "h heavier", "yo you"
_REPAIR = re.compile(
    r"\s*,?\s*\b(?:(?:no\s+)?wait|no|sorry|or\s+rather|actually)\s*,?\s*(?:i\s+mean|i\s+meant)\b\s*,?\s*"
    r"|\s*,\s*(?:i\s+mean|or\s+rather)\s*,?\s*(?=(?:the|a|an|our|this|that)\b)",
    re.IGNORECASE,
)
_DETERMINERS = DEFINITE_DETERMINERS | INDEFINITE_DETERMINERS
_SPACES = re.compile(r"\s{2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.?!])")
_STRAY_COMMA = re.compile(r"^[\s,.]+|,(?=[,.?!])|(?<=[.?!]),")
_ENDS_SENTENCE = re.compile(r"[.!?]['\"]?\s*$")
# Words a sentence can't end on: a turn ending on one was cut off and goes on later.
_OPEN_ENDINGS = frozenset(
    "the a an our their my your his her its this that to of in on at by for with from about and or but "
    "is are was were be been has have had will would can could should 's 're 've 'll".split()
)
# Where an unpunctuated run of speech starts a new sentence.
_RUN_BREAK = re.compile(r"\s+(?=(?:okay|ok|alright|anyway|so\s+yeah|so\s+anyway|so\s+okay)\s+\w)", re.IGNORECASE)
_RUN_WORDS = 14
_BACKCHANNEL_WORDS = 3
_WORK_WORDS = FEATURE_HEADS | TASK_HEADS | PROJECT_HEADS | WORK_AREA_WORDS


@dataclass(frozen=True)
class Spoken:
    """Normalised text and, for each of its characters, its offset in the original words."""

    text: str
    origin: tuple[int, ...]
    source: str

    def quote(self, start: int, end: int) -> str:
        """The original words behind text[start:end]."""
        if start >= end or not self.origin:
            return self.source.strip()
        return self.source[self.origin[start] : self.origin[end - 1] + 1].strip()

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Spoken:
        """Replace each match; a replacement's characters come from where the match started."""
        changes = [(m, new) for m in pattern.finditer(self.text) if (new := replace(m)) != m.group()]
        if not changes:
            return self
        text: list[str] = []
        origin: list[int] = []
        last = 0
        for m, new in changes:
            text.append(self.text[last : m.start()])
            origin.extend(self.origin[last : m.start()])
            kept = self.text.find(new, m.start(), m.end()) if new else -1
            origin.extend(self.origin[kept : kept + len(new)] if kept >= 0 else [self.origin[m.start()]] * len(new))
            text.append(new)
            last = m.end()
        text.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Spoken("".join(text), tuple(origin), self.source)

    def __add__(self, other: Spoken) -> Spoken:
        shift = len(self.source) + 1
        return Spoken(
            f"{self.text} {other.text}",
            (*self.origin, len(self.source), *(o + shift for o in other.origin)),
            f"{self.source} {other.source}",
        )


@dataclass(frozen=True)
class SpokenTurn:
    turn: Turn
    spoken: Spoken


def normalise_meeting(turns: list[Turn], names: Iterable[str] = ()) -> list[SpokenTurn]:
    """Every turn normalised; a sentence cut off at a turn's end is joined with its continuation in
    the speaker's next turn (when only short backchannels come between) and read in the first turn."""
    forms = _said_in(turns, _casing(names))
    casing = (forms, _casing_pattern(forms)) if forms else None
    spoken = [normalise(t.text, casing) for t in turns]
    for i, turn in enumerate(turns):
        j = _continuation(turns, spoken, i)
        if j is None:
            continue
        head, rest = _first_sentence(spoken[j])
        spoken[i], spoken[j] = spoken[i] + head, rest
    return [SpokenTurn(t, s) for t, s in zip(turns, spoken) if s.text.strip()]


def plain_words(text: str) -> str:
    """`text` without transcriber markers or fillers: what the embedding model reads of a memory, since
    "{vocalsound}" and "um" are word pieces that carry no meaning (QMSum: 14% fewer word pieces, vector hit@5
    0.776 -> 0.802 on 237 questions)."""
    text = _FILLER.sub(" ", _MARKER.sub(" ", text))
    return _SPACES.sub(" ", text).strip(" ,")


def normalise(text: str, casing: tuple[dict[str, str], re.Pattern[str]] | None = None) -> Spoken:
    s = Spoken(text.translate(_TYPOGRAPHY), tuple(range(len(text))), text)
    if any(c in text for c in "{[<"):
        s = s.sub(_MARKER, lambda m: " ")
    if "_" in text:
        s = s.sub(_SPELLED, lambda m: m.group().replace("_", ""))
    lowered = text.lower()
    if "mean" in lowered or "rather" in lowered:
        s = _apply_repairs(s.sub(_REPAIR, lambda m: "\x00"))
    if "'c" in lowered:
        s = s.sub(_BECAUSE, lambda m: "because" if m.group()[1].islower() else "Because")
    if "'k" in lowered:
        s = s.sub(_OKAY, lambda m: "okay" if m.group()[1].islower() else "Okay")
    if " - " in text:
        s = s.sub(_SPACED_HYPHEN, _compound)
    s = s.sub(_FILLER, _drop_filler)
    s = s.sub(_SPACES, lambda m: " ")
    s = s.sub(_FILLER_PHRASE, lambda m: " ")
    if "- " in text:
        s = s.sub(_CUT_OFF, lambda m: "")
    s = s.sub(_FRAGMENT, _drop_fragment)
    s = s.sub(_REPEAT, lambda m: m.group(1))
    s = s.sub(_SPACES, lambda m: " ")
    s = s.sub(_SPACE_BEFORE_PUNCTUATION, lambda m: m.group(1))
    s = s.sub(_STRAY_COMMA, lambda m: "")
    if casing:
        forms, pattern = casing
        s = s.sub(pattern, lambda m: _recased(m, forms))
    return _break_runs(s)


_WORD_BEFORE = re.compile(r"([a-z][\w'-]*)\s+$")  # the lowercase word right before a name
_WORD_BEFORE_REACH = 40  # characters looked back for it: a turn's whole text, once per name, is too much


def _recased(m: re.Match[str], forms: dict[str, str]) -> str:
    """A name in its known case; but an item displayed in sentence case ("Remote control") stays as said after a
    word that modifies it ("the regular remote control"): a capital there would read as the start of a proper name
    and cut the modifier off into a name of its own."""
    form = forms.get(m.group().lower(), m.group())
    if not _sentence_cased_phrase(form):
        return form
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - _WORD_BEFORE_REACH), m.start())
    return m.group() if before and before.group(1) not in _COMMON else form


def _drop_filler(m: re.Match[str]) -> str:
    """A filler goes with the commas around it ("we, um, agreed"); a comma only before it stays, for it ends
    what came before ("the opening, uh acquaintance" lists two things)."""
    text, after = m.group(), m.string[m.end() :]
    kept = text.startswith(",") and not text.rstrip().endswith(",") and re.match(r"\s*\w", after)
    return ", " if kept else " "


def _compound(m: re.Match[str]) -> str:
    """The hyphen of a compound ("non - native" is "non-native"); after a false start it stays a break."""
    before = _SIDE_WORD.findall(m.string[max(0, m.start() - 30) : m.start()])[-1].lower()
    after = _SIDE_WORD.match(m.string, m.end()).group().lower()  # type: ignore[union-attr]
    if before in _NO_COMPOUND or after in _NO_COMPOUND or after.startswith(before):
        return m.group()
    if before in _PREFIXES or number_word(before) or english_word(before) or m.string[m.start() - 1].isupper():
        return "-"
    return m.group()  # a cut-off word: "Th - we", "sm - I"


def _drop_fragment(m: re.Match[str]) -> str:
    """A false start that is the beginning of the next word ("h heavier"), unless it is a word."""
    fragment, following = m.group(1).lower(), m.group(2).lower()
    if fragment in _COMMON or fragment in PERSON_PRONOUNS or fragment == following or len(following) < 3:
        return m.group()
    return ""


def _apply_repairs(s: Spoken) -> Spoken:
    """ "X, no wait, I mean Y": the words X being corrected go, back to a function word (or, when the
    repair opens with a determiner, that determiner too)."""
    while (at := s.text.find("\x00")) >= 0:
        before = s.text[:at]
        words = list(re.finditer(r"[\w'-]+", before))
        repair_word = re.match(r"\s*([\w'-]+)", s.text[at + 1 :])
        starts_with_det = bool(repair_word) and repair_word.group(1).lower() in _DETERMINERS
        cut = at
        for w in reversed(words):
            if re.search(r"[.?!;]", before[w.end() : cut]):
                break
            word = w.group().lower()
            if word in _DETERMINERS:
                if starts_with_det:
                    cut = w.start()
                break
            if word in CLOSED_WORDS:
                break
            cut = w.start()
        s = Spoken(s.text[:cut] + s.text[at + 1 :], s.origin[:cut] + s.origin[at + 1 :], s.source)
    return s


def _break_runs(s: Spoken) -> Spoken:
    """Long speech with no punctuation at all (speech-to-text) gets sentence breaks before discourse openers."""
    if re.search(r"[,.?!;]", s.text.rstrip(".?! ")) or len(s.text.split()) < _RUN_WORDS:
        return s
    return s.sub(_RUN_BREAK, lambda m: ". " if _unpunctuated_before(s.text, m.start()) else m.group())


def _unpunctuated_before(text: str, position: int) -> bool:
    start = max(text.rfind(p, 0, position) for p in ".?!;")
    return len(text[start + 1 : position].split()) >= 4


def _casing(names: Iterable[str]) -> dict[str, str]:
    """Lowercase forms of the capitalised names to restore: people's names word by word (not roles
    or common words: "Project Manager", "will"), known item names as whole phrases."""
    casing: dict[str, str] = {}
    for name in names:
        if not any(c.isupper() for c in name):
            continue
        casing.setdefault(name.lower(), name)
        for word in name.split():
            lowered = word.lower()
            if len(word) > 2 and word[0].isupper() and lowered not in _COMMON and not word.isupper():
                casing.setdefault(lowered, word)
    return casing


_COMMON = CLOSED_WORDS | GENERIC_NOUNS | _WORK_WORDS | _DETERMINERS


def _sentence_cased_phrase(name: str) -> bool:
    """"Remote control", "Speech recognition": words with only the first letter up, as item names are displayed."""
    words = name.split()
    return len(words) > 1 and words[0][1:].islower() and all(w.islower() for w in words[1:])


_WORD_RUN = re.compile(r"[\w'-]+")


def _said_in(turns: list[Turn], forms: dict[str, str]) -> dict[str, str]:
    """The forms whose every word is said in these turns, as only those can match: the casing pattern then holds
    the meeting's names, not every name the graph knows (compiling one of 30,000 names took longer than reading
    the meeting). Each word of a name that matches is a whole word of the text, which loses only markers,
    fillers and the underscores of spelled-out letters before names are restored."""
    said: set[str] = set()
    for turn in turns:
        text = turn.text.translate(_TYPOGRAPHY).lower()
        said.update(_WORD_RUN.findall(text))
        if "_" in text:
            said.update(_WORD_RUN.findall(text.replace("_", "")))
    return {form: name for form, name in forms.items() if said.issuperset(_WORD_RUN.findall(form))}


def _casing_pattern(casing: dict[str, str]) -> re.Pattern[str]:
    phrases = sorted(casing, key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w'-])", re.IGNORECASE)


def _continuation(turns: list[Turn], spoken: list[Spoken], i: int) -> int | None:
    text = spoken[i].text.rstrip()
    last = re.findall(r"[\w']+", text.lower())
    if not text or _ENDS_SENTENCE.search(text) or not last:
        return None
    for j in range(i + 1, min(i + 4, len(turns))):
        if turns[j].speaker == turns[i].speaker:
            following = spoken[j].text.lstrip(" ,")
            opens_low = following[:1].islower()
            return j if following and (opens_low or last[-1] in _OPEN_ENDINGS) else None
        if len(spoken[j].text.split()) > _BACKCHANNEL_WORDS:
            return None
    return None


def _first_sentence(s: Spoken) -> tuple[Spoken, Spoken]:
    m = re.search(r"[.!?]+", s.text)
    end = m.end() if m else len(s.text)
    start = len(s.text[:end]) - len(s.text[:end].lstrip(" ,"))
    return Spoken(s.text[start:end], s.origin[start:end], s.source), Spoken(s.text[end:], s.origin[end:], s.source)


def person_names(names: Collection[str]) -> list[str]:
    """The names among participants and speakers that belong to people, not roles or labels."""
    return [n for n in names if n and not re.search(r"\b[A-Z]\b", n)]
