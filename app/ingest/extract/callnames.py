"""How the people of a meeting are said, so that "Ryan, you'll be working on ..." has an owner.

A person is said by their name as a speaker or participant, by a participant's first name ("Lena" for "Lena
Fischer"), by a role's initials in capitals ("the ID", AMI's "I_D_"), by a role without its agent ending
("the industrial design" for "Industrial Designer"), and by the name a speaker introduces themselves with ("I'm
Ryan. I'm the User Interface Designer": Ryan is the speaker "User Interface"), in this meeting or, stored as the
person's aliases, in an earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.ingest.extract.evidence import ROLE_WORDS
from app.ingest.extract.speech import SpokenTurn
from app.ingest.models import Extraction, MeetingInput
from app.ingest.resolve.people import first_name_typo

_NAME = r"[A-Z][a-z]+(?:[ -](?:al-)?[A-Z][a-z]+)?"
_INTRODUCED = (
    re.compile(rf"\b(?:I'm|I\s+am|[Mm]y\s+name's|[Mm]y\s+name\s+is|[Cc]all\s+me)\s+(?P<name>{_NAME})"
               r"(?=\s*(?:[,.;!]|$|and\b)|\s+I(?:'m|\s+am)\b)"),  # "my name's Andrew I'm the Market Research person"
    re.compile(rf"(?:^|[,.]\s*)(?P<name>{_NAME})\s+is\s+my\s+name\b"),
)


class Callnames:
    """Every way the meeting's people are said, each mapped to the speaker or participant it names."""

    def __init__(self, meeting: MeetingInput, spoken: Sequence[SpokenTurn],
                 known_as: Mapping[str, Sequence[str]] | None = None) -> None:
        speakers = {t.speaker for t in meeting.turns}
        people = {n for n in [*meeting.participants, *speakers] if n.strip()}
        forms = {n.lower(): n for n in people}
        # "lena, can you ...": first names of participants who speak under another name ("Lena Fischer" as "Lena")
        # (kept as said: resolution makes it the participant)
        forms |= {p.split()[0].lower(): p.split()[0] for p in meeting.participants
                  if p not in speakers and len(p.split()) > 1}
        forms |= {_unagented(n).lower(): n for n in people if _unagented(n) != n}
        # a role named by its field is also said with its agent: "User Interface" as "the User Interface Designer"
        forms |= {f"{n} {agent}".lower(): n for n in people if _field_role(n) for agent in _AGENTS
                  if f"{n} {agent}".lower() not in forms}
        # name as said -> the speaker it introduces; the turns they introduce themselves in
        self.introduced, self.introductions = _introduced(spoken, speakers)
        forms |= {k.lower(): v for k, v in self.introduced.items() if k.lower() not in forms}
        aliases = [(a, p) for p, names in (known_as or {}).items() if p in people for a in names]
        forms |= {a.lower(): p for a, p in aliases if a.lower() not in forms}
        # the names people go by besides their speaker labels ("Kendra" for "User Interface")
        self.given_names = sorted({*self.introduced, *(a for a, _ in aliases)})
        forms |= _misspelt(spoken, forms)
        self.forms = forms
        self.people = sorted(people, key=len, reverse=True)
        # roles are also said by their initials, in capitals
        # (only of names whose words all start with a letter: "Dr (Dawn) Bowden" has none)
        # and by the initials of a role said with its agent: "UID" for "User Interface (Designer)"
        self.initials = {"".join(w[0] for w in f.split()).upper(): forms[f] for f in forms
                         if forms[f] in people and len(f.split()) > 1 and all(w[0].isalpha() for w in f.split())}
        said = sorted(forms, key=len, reverse=True)
        self.said = "|".join([*(re.escape(n) for n in said), *(f"(?-i:{re.escape(i)})" for i in self.initials)])
        self.pattern = re.compile(rf"(?<![\w-])(?:{self.said})(?![\w-])", re.IGNORECASE) if forms else None

    def with_people(self, read: Extraction) -> Extraction:
        """`read` with the names speakers introduced themselves by, and with states whose owner is said by another
        name of one of the meeting's people ("Ron owns it" of the Marketing speaker who introduced themselves as
        Ron) naming that person, so no second person is made of the name."""
        states = [s.model_copy(update={"owner": self.forms[s.owner.lower()]})
                  if s.owner and s.owner.lower() in self.forms else s for s in read.states]
        return read.model_copy(update={"introduced": self.introduced_by(), "states": states})

    def forms_of(self, person: str) -> list[str]:
        return [form for form, who in self.forms.items() if who == person]

    def named(self, text: str) -> list[str]:
        """The people named in `text`, in order (a role said in lower case counts)."""
        if self.pattern is None:
            return []
        found = [self.forms.get(m.group().lower()) or self.initials.get(m.group()) for m in self.pattern.finditer(text)]
        return [n for n in found if n]

    def introduced_by(self) -> dict[str, list[str]]:
        """Speaker -> the names they introduced themselves with in this meeting (stored as the person's aliases)."""
        by: dict[str, list[str]] = {}
        for name, speaker in self.introduced.items():
            by.setdefault(speaker, []).append(name)
        return by

    def addressed(self, phrase: str) -> str | None:
        """Who a phrase that addresses one person names, said however loosely: with a word cut off and said again
        ("the User Interf Interface Designer"), or a role by the start of its first word ("the Market Expert" for
        "Marketing")."""
        words = phrase.split()
        repaired = " ".join(w for i, w in enumerate(words)
                            if not (i + 1 < len(words) and words[i + 1].lower().startswith(w.lower())))
        if named := self.named(repaired):
            return named[-1]
        head = re.sub(r"^(?:the|our)\s+", "", repaired, flags=re.IGNORECASE).split()
        loose = [p for p in self.people if head and len(head[0]) >= 5 and p.lower().startswith(head[0].lower())]
        return loose[0] if len(loose) == 1 else None


_AGENTS = ("designer", "expert", "person")


def _field_role(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in ROLE_WORDS and not re.search(r"(?:er|or|ist|ant|ent)$", words[-1])


def _unagented(name: str) -> str:
    """A role said as its field: "Industrial Designer" as "industrial design"."""
    words = name.split()
    if len(words) > 1 and re.search(r"[a-z]{2}[^aeiou\W]{2}er$", words[-1]):  # not "Manager" as "manag"
        return " ".join([*words[:-1], words[-1][:-2]])
    return name


def _misspelt(spoken: Sequence[SpokenTurn], forms: Mapping[str, str]) -> dict[str, str]:
    """Capitalised words one typo from a one-word name ("Corrine" for the "Corinne" introduced), never said in
    lower case, as that name's person."""
    words = {w for said in spoken for w in re.findall(r"\b[A-Z][a-z]{3,}\b", said.spoken.text)}
    lower = {w for said in spoken for w in re.findall(r"\b[a-z]{4,}\b", said.spoken.text)}
    names = [(f, who) for f, who in forms.items() if " " not in f]
    found: dict[str, str] = {}
    for word in words:
        key = word.lower()
        if key in forms or key in lower:
            continue
        close = {who for f, who in names if f[0] == key[0] and first_name_typo(key, f)}
        if len(close) == 1:
            found[key] = close.pop()
    return found


def _introduced(spoken: Sequence[SpokenTurn], speakers: set[str]) -> tuple[dict[str, str], set[int]]:
    """The names speakers introduce themselves by, full and first ("I'm Nick Debusk"), as said. A word the meeting
    also says in lower case is no name ("I'm sure."); a name two speakers claim is nobody's."""
    lower = {w for said in spoken for w in re.findall(r"\b[a-z][a-z-]+\b", said.spoken.text)}
    claimed: dict[str, set[str]] = {}
    said_as: dict[str, str] = {}
    turns: set[int] = set()
    for said in spoken:
        for pattern in _INTRODUCED:
            for m in pattern.finditer(said.spoken.text):
                name = m.group("name")
                if any(w.lower() in lower for w in re.split(r"[ -]", name)) or name in speakers:
                    continue
                for form in {name, name.split()[0]}:
                    claimed.setdefault(form.lower(), set()).add(said.turn.speaker)
                    said_as.setdefault(form.lower(), form)
                turns.add(said.turn.index)
    return {said_as[form]: next(iter(who)) for form, who in claimed.items() if len(who) == 1}, turns
