"""The work a chair hands out in a run of short phrases, at a meeting's end:

    "you each have individual actions, ID, you've your components concept, User Interface, the user interface
    concept, market trend watching."

A phrase after a person said on their own ("User Interface,") or after a name that addresses them ("Alima will be
doing ...", "Industrial Design you've your ...") is theirs. The phrases left over go to the people the run has not
given work yet: one that names a role is that role's ("user interface design"), one that shares a word with a role
is that role's ("look and feel design": the Industrial Designer), and the last phrase goes to the last person.
The chair's own work is read elsewhere, as a commitment. A run may also hand out imperatives ("so maybe we can
work on those aspects until next meeting. So have the final look and feel design according to the decision. And have
the user interface design and then evaluate the product.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from app.ingest.extract.action_cues import content_words, says_what
from app.ingest.extract.callnames import Callnames
from app.ingest.extract.lexicon import COURTESIES
from app.ingest.extract.speech import SpokenTurn
from app.ingest.names import STOPWORDS, stem, tokens

CUE = re.compile(
    r"\b(?:you\s+each\s+have|individual\s+(?:actions?|work|tasks?|assignments?)|doing\s+individually"
    r"|(?:have|got)\s+things\s+to\s+do|your\s+(?:tasks?|assignments?|actions)\s+(?:are|is)"
    r"|what's\s+(?:gonna\s+be\s+)?going\s+on"
    r"|work\s+on\s+(?:\w+\s+){0,3}?(?:until|till|before|for)\s+(?:the\s+)?next\s+(?:meeting|time))\b"
    r"|\bfor\s+(?:the\s+)?next\s+(?:time|meeting)\s*:",  # "for next time: the marketing report, ..."
    re.IGNORECASE,
)
# what joins an addressee to their work: "Alima will be doing", "ID, you've your", "Corinne, we'll want"
_JOIN = re.compile(
    r"^(?:\s*(?:,|that's\s+for|you've(?:\s+got)?|you\s+have|you(?:'ll|\s+will)(?:\s+be)?|will\s+be|is\s+gonna\s+be"
    r"|gets?|has|your|the|on|doing|working\s+on|work\s+on|do"
    r"|we(?:'ll|\s+will)\s+want|they\s+want|we\s+need|I\s+need|I'd\s+like)\b)+",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"^(?:I|we|you|it|that|this|there|they|he|she|so|but|if)\b|\b(?:is|are|was|were|'s|'re|'ll)\b",
                     re.IGNORECASE)
# thanks and greetings name no work ("Thank you very much Nathan."), nor does how work comes ("via the mail") or what
# it is like ("user interface is fairly obvious")
_COURTESY = re.compile(rf"^\W*(?:{COURTESIES})\b", re.IGNORECASE)
_NO_TASK = re.compile(r"^\W*(?:via|through|by\s+(?:the\s+)?(?:mail|e-?mail|post)|is|are|was|were)\b", re.IGNORECASE)
MAX_PHRASE_WORDS = 8
RUN_TURNS = 2  # the chair's next turns, past short replies, go on with the run


@dataclass
class Handed:
    owner: str
    what: str
    position: int  # of the spoken turn the phrase is in
    start: int  # the phrase's sentence, within that turn's text
    end: int


def handed_out(spoken: Sequence[SpokenTurn], position: int, people: Callnames, given: set[str]) -> list[Handed]:
    """The work a run that starts in the turn at `position` hands out, but to whom it is `given` already (read by
    the other rules); nothing if the turn starts no run. A run starts at a cue ("you each have individual
    actions"), or is a turn of its own that names work for two people or more ("so we've got the working design
    for I_D_. For U_I_D_ the technical functions design. Marketing, the user requirement specification.")."""
    text = spoken[position].spoken.text
    chair = spoken[position].turn.speaker
    cue = CUE.search(text)
    if cue is None:
        if len(set(people.named(text)) - {chair}) < 2:
            return []  # (the owners below are all named in the turn: most turns need no reading)
        handed, left = _read(spoken, [(position, 0)], people)
        # no cue to hand the unnamed phrases out by; "the specification by Industrial Designer" is who made it
        left = [(phrase, role) for phrase, role in left if role and not re.search(r"\bby\b", phrase.what, re.I)]
        if len({h.owner for h in handed} | {role for _, role in left}) < 2:
            return []
    else:
        after_cue = cue.end() + (0 if cue.group().endswith(":") else  # "you each have individual actions,"
                                 re.match(r"[^,:.?!]*", text[cue.end():]).end())
        handed, left = _read(spoken, _run(spoken, position, after_cue), people)
    idle = [p for p in _idle(spoken, chair, handed) if p not in given]
    return handed + _share(left, idle, people)


def _read(spoken: Sequence[SpokenTurn], run: list[tuple[int, int]],
          people: Callnames) -> tuple[list[Handed], list[tuple[Handed, str | None]]]:
    """The phrases of a run given to someone, and those nobody was named for, with the role they name."""
    chair = spoken[run[0][0]].turn.speaker
    handed: list[Handed] = []
    left: list[tuple[Handed, str | None]] = []
    pending: str | None = None
    for at, start in run:
        text = spoken[at].spoken.text
        clause_at = None  # the sentence a clause began: its other phrases go on with it ("it seems fancy, innovative")
        for offset, phrase in _phrases(text[start:]):
            sentence = _sentence(text, start + offset)
            said = list(people.pattern.finditer(phrase)) if people.pattern else []
            owner = next((n for n in reversed(people.named(phrase)) if n != chair), None)
            if sentence == clause_at and not owner or (pending and _JOIN.fullmatch(phrase)):
                continue  # "the User Interface Designer, that's for. Technical functions": still theirs
            before = phrase[: said[0].start()] if said else ""
            # "User Interface Designer", but not "User Interface Design" (the task, in a known item's capitals)
            after = re.sub(r"^\s+(?:[A-Z]\w*(?:er|ert)|Person)\b", "", phrase[said[-1].end():]) if said else ""
            joined = _JOIN.match(after)
            work_for = re.fullmatch(r"(?P<what>.+?)\s+(?:is\s+)?for\s+(?:the\s+)?", before, re.IGNORECASE)
            if owner and work_for and not after.strip() and _task(work_for["what"]):  # "the working design for ID"
                handed.append(Handed(owner, work_for["what"], at, *sentence))
                pending = None
            elif owner and not content_words(before) and not after.strip():
                pending = owner
            elif owner and not content_words(before) and (joined or not _task(phrase)):
                rest = _JOIN.sub("", after).strip()
                # (with its article: "doing the working design" says what, "working design" alone need not)
                if (rest and (says_what(rest) or says_what(after)) and len(rest.split()) <= MAX_PHRASE_WORDS + 4
                        and not _NO_TASK.match(rest)):
                    handed.append(Handed(owner, rest, at, *sentence))
                    pending = None
                else:
                    pending = owner
            elif _task(phrase) and not text[sentence[0] : sentence[1]].rstrip().endswith("?"):
                if pending:
                    handed.append(Handed(pending, phrase, at, *sentence))
                    pending = None
                else:
                    left.append((Handed("", phrase, at, *sentence), owner))
            elif _CLAUSE.search(phrase):
                pending, clause_at = None, None if CUE.search(phrase) else sentence
    return handed, left


def _phrases(text: str) -> Iterator[tuple[int, str]]:
    """The short phrases of a run, where each starts: between punctuation and around "and then" ("have the user
    interface design and then evaluate the product") or "so you" ("user requirements so you'll be hearing"),
    without a leading "so have" or a trailing "according to the decision"."""
    for m in re.finditer(r"[^,.;?!]+", text):
        for piece in re.split(r"\band\s+then\b|\s+so\s+(?=(?:you|we|I)\b)", m.group(), flags=re.IGNORECASE):
            piece = re.sub(r"^\s*(?:(?:and|so|then|also|okay)\b\s*)*(?:(?:we've\s+got|(?:we\s+)?have)\s+(?=the\b))?",
                           "", piece, flags=re.IGNORECASE)
            yield m.start(), re.sub(r"\s+(?:according\s+to|as\s+(?:we\s+)?(?:decided|discussed|agreed))\b.*$", "",
                                    piece, flags=re.IGNORECASE).strip()


def _run(spoken: Sequence[SpokenTurn], position: int, start: int) -> list[tuple[int, int]]:
    """(turn position, where the run starts in its text): the cue's turn and the chair's next turns."""
    chair = spoken[position].turn.speaker
    run, at = [(position, start)], position + 1
    while at < len(spoken) and len(run) <= RUN_TURNS:
        if spoken[at].turn.speaker == chair:
            run.append((at, 0))
        elif len(spoken[at].spoken.text.split()) > 3:
            break
        at += 1
    return run


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(".", 0, at), text.rfind("?", 0, at), text.rfind("!", 0, at)) + 1
    ends = [i for i in (text.find(c, at) for c in ".?!") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _task(phrase: str) -> bool:
    return (0 < len(phrase.split()) <= MAX_PHRASE_WORDS and not _CLAUSE.search(phrase) and not _COURTESY.match(phrase)
            and not _NO_TASK.match(phrase) and says_what(phrase))


def _idle(spoken: Sequence[SpokenTurn], chair: str, handed: list[Handed]) -> list[str]:
    given = {h.owner for h in handed}
    return list(dict.fromkeys(s.turn.speaker for s in spoken if s.turn.speaker not in given | {chair}))


def _share(left: list[tuple[Handed, str | None]], idle: list[str], people: Callnames) -> list[Handed]:
    out: list[Handed] = []
    for phrase, role in left:
        if role in idle:
            out.append(_to(phrase, role))
            idle.remove(role)
    rest = [p for p, role in left if role is None]
    for phrase in list(rest):
        words = {stem(w) for w in tokens(phrase.what) if w not in STOPWORDS}
        sharing = [p for p in idle if words & {stem(w) for f in people.forms_of(p) for w in tokens(f)}]
        if len(sharing) == 1:
            out.append(_to(phrase, sharing[0]))
            idle.remove(sharing[0])
            rest.remove(phrase)
    if len(rest) == len(idle) == 1:
        out.append(_to(rest[0], idle[0]))
    return [h for h in out if says_what(h.what)]


def _to(phrase: Handed, owner: str) -> Handed:
    return replace(phrase, owner=owner)
