"""Action items from speech, no LLM: who committed or was asked to do what, by when.

Read from the same normalised speech as the rest of extraction (`speech.py`), sentence by sentence:
- commitments: "I'll send the specs by Friday", "I'll be putting the minutes in the project folder",
  "I've forgotten to mail you the minutes, but I will do", "I'm happy to do that" (after a proposal);
- requests and assignments: "can you look into the battery cost?", "if you could find out ...",
  "as the industrial designer, you're gonna be working on the components concept", "I'd like you guys to ...";
- third person: "Ravi will update the deck", "let's have Maya do the survey", "the designers are gonna be
  working with Play-Doh" (one item per owner), "action item: Ravi to send the notes", "I will ask the Market
  Expert to find out ...".
The owner is the speaker of a commitment; for a request, the person or role named ("Ravi, can you ..."), for
"you guys" the people just named, else whoever answers it. Only work verbs count, so speech acts within the meeting ("I'll just say",
"I'll show you", "can you go back a slide") and chit-chat are not items; nor are hypotheticals ("I'd
probably ...", "we could ..."), reported speech ("he said he'll ...") or questions about oneself.
Claims that something is done ("I sent the specs", "I've done the market research") are read too:
they close a matching open item of the same owner from an earlier meeting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from app.ingest.extract.action_cues import (
    ANTECEDENT,
    ASKED,
    ASKING,
    CONDITION,
    DONE,
    EMBEDDED,
    FILLER_WORDS,
    FOR_EVERYONE,
    GERUND,
    GOT_DONE,
    HEDGED,
    IMPERATIVE,
    IN_MEETING,
    MAIN_CLAUSE,
    NEGATED,
    REPORTED,
    REQUEST,
    SELF,
    SUGGESTED,
    TO_GROUP,
    VAGUE_WORK,
    WORK,
    clause,
    says_what,
)
from app.ingest.extract.action_refs import antecedent, referent
from app.ingest.extract.action_runs import runs
from app.ingest.extract.addressees import GROUP_REPLY_TURNS, REPLY_TURNS, just_addressed, named_before, repliers
from app.ingest.extract.callnames import Callnames
from app.ingest.extract.due import find_due, resolve_due
from app.ingest.extract.gapping import SPEAKER, Gapping
from app.ingest.extract.handout import handed_out
from app.ingest.extract.speech import SpokenTurn
from app.ingest.extract.text import question_start, sentence_spans
from app.ingest.models import ActionAssertion, DoneClaim, MeetingInput

# what hands work out within a turn that already assigns some
_HANDED = (
    re.compile(r"\bfor\s+(?:the\s+|our\s+)?(?P<name>[\w' -]+?)\s*,\s*(?P<what>(?!\s*(?:and|or|but)\b)[^,.?!]+)",
               re.IGNORECASE),
    re.compile(r"(?P<what>\b(?:the\s+)?\w+(?:[\s-]+\w+){0,4}?)\s+is\s+for\s+(?P<name>\w+(?:\s+\w+)?)", re.IGNORECASE),
    re.compile(r"\b(?P<name>\w+(?:\s+\w+)?)\s+gets?\s+(?P<what>(?:the\s+)?[^,.?!]+)", re.IGNORECASE),
)
# what may follow a name without being part of it ("the Marketing Expert is going to", not "Marketing is going")
_NOT_A_NAME_WORD = r"(?:you|we|they|I|is|are|will|gonna|going|supposed|expected|needs?|has|to|also)"


def extract_actions(
    meeting: MeetingInput, spoken: Sequence[SpokenTurn], people: Callnames | None = None
) -> tuple[list[ActionAssertion], list[DoneClaim]]:
    reader = _Reader(meeting, list(spoken), people or Callnames(meeting, spoken))
    for position in range(len(reader.spoken)):
        reader.read(position)
    return runs(reader.items), reader.claims


# A meeting's patterns embed how its people are said; a team meeting every week says them the same way, and the
# work verbs in these patterns make each one take milliseconds to compile.
@lru_cache(maxsize=64)
def _third_person_pattern(said: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\blet's\s+(?:have|get)\s+(?P<who1>{said})\s+(?:to\s+)?(?P<verb1>{WORK})"
        # "Kate and Kendra", "the Industrial Designer and the User Interface Designer"
        rf"|(?<![\w-])(?:(?P<who>(?:{said})(?:\s*,\s*(?:the\s+)?(?:{said}))*"
        rf"(?:\s*,?\s+and\s+(?:the\s+)?(?:{said}))?)"
        rf"(?:\s+(?!{_NOT_A_NAME_WORD}\b)\w+){{0,2}}"
        rf"|the\s+(?:two\s+|three\s+)?(?P<plural>\w+)s)(?P<aux>\s+is|'s|\s+are|'re)?\s+"
        rf"(?:(?:also\s+)?(?P<modal>gonna|going\s+to|(?:can\s+|now\s+)?go\s+(?:away\s+|off\s+)?and"
        rf"|will|'ll|should|needs?\s+to|has\s+to|supposed\s+to|expected\s+to|to)\s+(?:hopefully\s+)?(?P<verb2>{WORK})"
        rf"|(?:also\s+)?(?P<verb3>{GERUND})))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=64)
def _gapping(said: str) -> Gapping:
    return Gapping(said)


class _Reader:
    def __init__(self, meeting: MeetingInput, spoken: list[SpokenTurn], people: Callnames) -> None:
        self.meeting, self.spoken, self.people = meeting, spoken, people
        said = people.said
        self.third_person = _third_person_pattern(said) if said else None
        self.gapping = _gapping(said) if said else None
        self.items: list[ActionAssertion] = []
        self.claims: list[DoneClaim] = []

    def read(self, position: int) -> None:
        said = self.spoken[position]
        text = said.spoken.text
        sentences = [(text[start:end], *_quotes(said, start, end)) for start, end in sentence_spans(text)]
        found: list[ActionAssertion] = []
        for sentence, quote, went_on in sentences:
            here = self._commitments(position, sentence, quote) + self._requests(position, sentence, quote)
            here += self._third_person(position, sentence, quote)
            for item in here if went_on else []:  # said in the speaker's next turn, which this one runs into
                head = _squash(" ".join(item.text.split()[:3]))
                if head in _squash(went_on) and head not in _squash(quote):
                    item.quote, item.turn = went_on, self._next_turn(said)
            found += here
            if not here and not sentence.endswith("?"):
                for done in DONE.finditer(sentence):
                    what = clause(sentence, done.start("verb"))
                    if not NEGATED.search(sentence[max(0, done.start() - 20) : done.start()] + " " + what):
                        self.claims.append(DoneClaim(owner=said.turn.speaker, text=what, turn=said.turn.index,
                                                     quote=quote))
        if any(a.speaker != a.owner for a in found):  # a turn handing out work
            for sentence, quote, _ in sentences:
                found += self._for_role(position, sentence, quote, found)
        alone = {a.owner for a in found if sum(b.turn == a.turn and b.text == a.text for b in found) == 1}
        for h in handed_out(self.spoken, position, self.people, alone):  # group work leaves a role's own to hand out
            quote, _ = _quotes(self.spoken[h.position], h.start, h.end)
            sentence = self.spoken[h.position].spoken.text[h.start : h.end]
            if item := self._item(h.position, h.owner, h.what, sentence, quote):
                found.append(item)
        for item in found:
            if not any(k.owner == item.owner and k.turn == item.turn and k.text == item.text for k in self.items):
                self.items.append(item)

    def _item(self, position: int, owner: str, what: str, sentence: str, quote: str) -> ActionAssertion | None:
        said = self.spoken[position]
        due = find_due(sentence)
        text = re.sub(r"^(?:be\s+)?(?:just\s+)?", "", FILLER_WORDS.sub("", what), flags=re.IGNORECASE)
        if due:
            text = text.replace(due.group(), "")
        text = re.sub(r"(?:[\s,]+(?:and|or|but|so))+$", "", " ".join(text.split()), flags=re.IGNORECASE).strip(" ,.;-")
        if len(text.split()) < 2 or not says_what(text) or VAGUE_WORK.match(text):
            return None
        return ActionAssertion(
            owner=owner, text=text, turn=said.turn.index, quote=quote, speaker=said.turn.speaker,
            due_text=due.group() if due else None,
            due=resolve_due(due.group(), self.meeting.date) if due else None,
        )

    def _commitments(self, position: int, sentence: str, quote: str) -> list[ActionAssertion]:
        if self.spoken[position].turn.index in self.people.introductions:
            return []  # "I'm Corinne ... in the conceptual phase I'll be doing market research": the role
        found, covered = [], 0
        for m in SELF.finditer(sentence):
            if m.start() < covered:
                continue  # "I'll make a summary that I will put in the folder": one item
            before = sentence[: m.start()]
            asks = sentence.rstrip().endswith("?") and ASKING.search(before) and "want me" not in m.group()
            near = before[-40:]
            if condition := CONDITION.search(near):
                near = near[condition.end():]
            if asks or REPORTED.search(before) or HEDGED.search(near) or EMBEDDED.search(before):
                continue
            verb = m.group("verb").lower()
            if re.match(r"just\b", verb) or IN_MEETING.search(sentence[m.start():]):
                continue
            if ASKED.match(sentence, m.start("verb")):
                continue  # delegated: read as the asked person's
            if re.match(ANTECEDENT + "|do\\s*(?:[.,]|$)", sentence[m.start("verb"):]):
                what = antecedent(self.spoken, position, sentence)
            else:
                what = clause(sentence, m.start("verb"))
                covered = m.start("verb") + len(what)
                if not says_what(what) and re.search(r"\b(?:that|this|it|them|those|know)\b", what, re.IGNORECASE):
                    what = referent(self.spoken, position, before, what)
            if what and (item := self._item(position, self.spoken[position].turn.speaker, what, sentence, quote)):
                found.append(item)
        return found

    def _requests(self, position: int, sentence: str, quote: str) -> list[ActionAssertion]:
        found, previous = [], 0
        speaker = self.spoken[position].turn.speaker
        for m in REQUEST.finditer(sentence):
            lead = sentence[previous : m.start()]
            previous = m.end()
            conditional = re.search(r"\b(?:if|when|whether)\s*$|\b(?:if|when)\s+you\b",
                                    sentence[max(0, m.start() - 12) : m.start()])
            if conditional and not m.group().lower().startswith("if you"):
                continue
            if re.match(r"if\s+you\s+can\b", m.group(), re.IGNORECASE) and MAIN_CLAUSE.search(sentence[m.end():]):
                continue  # "if you can build space craft, you'll have no problem with a remote": a condition
            inverted = re.search(r"\b(?:are|were|will|do|did)\s*$", lead, re.IGNORECASE) and re.match(
                r"you\b", m.group(), re.IGNORECASE)  # "are you gonna come up with ideas?"
            if re.match(r"you\s+could", m.group(), re.IGNORECASE) and not (
                    re.search(r",\s*$", lead) and self.people.named(lead[-25:])):
                continue  # "you could" is a request only said to someone by name: else a suggestion
            if REPORTED.search(lead) or IN_MEETING.search(sentence[m.end():]) or EMBEDDED.search(lead) or inverted:
                continue  # "what else can you do with it?"
            what = clause(sentence, m.start("verb"))
            if re.match(r"(?:be\s+)?get(?:ting)?\b", what, re.IGNORECASE) and not GOT_DONE.search(what):
                continue  # "you'll get instructions": receiving, not doing
            named = [n for n in self.people.named(lead) if n != speaker] or [
                n for n in self.people.named(sentence[m.start("verb") + len(what) :]) if n != speaker
            ] or just_addressed(self.spoken, self.people, position, sentence)
            if group := TO_GROUP.search(m.group()):  # a role named in the hand-out before it is no group
                pair = re.search(r"two|both", group.group(), re.IGNORECASE)
                owners = named_before(self.spoken, self.people, position, sentence, group.group()) or repliers(
                    self.spoken, position, GROUP_REPLY_TURNS, every=True)[: 2 if pair else None]
            elif not named and FOR_EVERYONE.search(sentence[m.start("verb"):]):
                owners = repliers(self.spoken, position, GROUP_REPLY_TURNS, every=True)
            elif rest := _the_one_left(self.people, speaker, lead):
                owners = rest
            else:
                owners = named[-1:] or repliers(self.spoken, position, REPLY_TURNS, every=False)
            found += [item for owner in owners if (item := self._item(position, owner, what, sentence, quote))]
        bare = IMPERATIVE.match(sentence)
        if not found and bare and find_due(sentence) and not sentence.rstrip().endswith("?"):
            what = clause(sentence, bare.start("verb"))
            everyone = bool(FOR_EVERYONE.search(sentence[bare.start("verb"):]))
            owners = repliers(self.spoken, position, GROUP_REPLY_TURNS if everyone else REPLY_TURNS, every=everyone)
            found += [item for owner in owners if (item := self._item(position, owner, what, sentence, quote))]
        return found

    def _for_role(
        self, position: int, sentence: str, quote: str, found: list[ActionAssertion]
    ) -> list[ActionAssertion]:
        """In a turn handing out work, "for user interface, technical functions", "Ravi gets the survey", "the
        survey is for Ravi" and "you get the evaluation" assign too."""
        handed = [(m.group("name"), m.group("what")) for pattern in _HANDED for m in pattern.finditer(sentence)]
        items: list[ActionAssertion] = []
        for name, what in handed:
            you = re.search(r"\byou$", name, re.IGNORECASE)
            named = repliers(self.spoken, position, REPLY_TURNS, every=False) if you else self.people.named(name)
            if named and not REQUEST.search(what) and not any(a.owner == named[-1] for a in found + items):
                if item := self._item(position, named[-1], what, sentence, quote):
                    items.append(item)
        return items

    def _third_person(self, position: int, sentence: str, quote: str) -> list[ActionAssertion]:
        if self.third_person is None:
            return []
        found, speaker = [], self.spoken[position].turn.speaker
        action = re.search(r"\baction\s+(?:items?|points?)\b\s*(?:for\s+(?P<for>[\w ]+?))?\s*[:,-]\s*(?P<what>.+)",
                           sentence, re.IGNORECASE)
        matches = list(self.third_person.finditer(sentence))
        asked = question_start(sentence)
        for m, following in zip(matches, [*matches[1:], None]):  # noqa: B905 (the last has no following)
            if m.start() >= asked or HEDGED.search(sentence[max(0, m.start() - 30) : m.start()]):
                continue
            start = next(m.start(v) for v in ("verb1", "verb2", "verb3") if m.group(v))
            lead = sentence[: m.start()]
            before_verb = sentence[: m.start("verb2") if m.group("verb2") else 0]
            be_to = re.search(r"(?:\bis|\bare|'s|'re)\s+to\s*$", before_verb)  # "the designer is to work on"
            if (m.group("modal") or "").lower() == "to" and lead.strip(" ,-") and not be_to and not re.search(
                    r"\b(?:like|want|need|ask|asking|get|have|expect)\s+(?:the\s+|our\s+)?$", lead, re.IGNORECASE):
                continue  # "Ravi to send the notes" is a note only at the start: "a lot of marketing to get"
            who = m.group("who1") or m.group("who")
            if m.group("verb3") and not m.group("aux") and m.group("who") and (
                    len(self.people.named(who)) > 1 or sentence[m.end("who") : m.start("verb3")].strip()):
                continue  # "Andrew, marketing, Kendra with the designing ...": a round of names, not work
            owners = self.people.named(who) if who else [
                n for n in self.people.people if n.lower().split()[-1] == m.group("plural").lower()]
            first_end, gapped = self.gapping.split(sentence, start, following.start() if following else len(sentence))
            what = clause(sentence[: min(first_end, asked)], start)
            found += [item for owner in owners if (item := self._item(position, owner, what, sentence, quote))]
            for g in gapped:
                said_by = [speaker] if g.who.lower() in SPEAKER else self.people.named(g.who)
                found += [item for owner in said_by if owner not in owners
                          and (item := self._item(position, owner, g.what, sentence, quote))]
        for m in ASKED.finditer(sentence):
            owner = self.people.addressed(m.group("who"))
            if owner and owner != speaker and not sentence.rstrip().endswith("?"):
                if item := self._item(position, owner, clause(sentence, m.start("verb")), sentence, quote):
                    found.append(item)
        for m in SUGGESTED.finditer(sentence):
            what = clause(sentence, m.start("verb"))
            if not says_what(what):
                what = referent(self.spoken, position, sentence[: m.start()], what)  # "to prepare the prototype"
            found += [item for owner in self.people.named(m.group("who")) if owner != speaker
                      and (item := self._item(position, owner, what, sentence, quote))]
        if action and not found:
            owner = (self.people.named(action.group("for") or "") or [self.spoken[position].turn.speaker])[0]
            if item := self._item(position, owner, clause(action.group("what"), 0), sentence, quote):
                found.append(item)
        return found

    def _next_turn(self, said: SpokenTurn) -> int:
        turns = self.meeting.turns
        return next((t.index for t in turns if t.index > said.turn.index and t.speaker == said.turn.speaker),
                    said.turn.index)


def _the_one_left(people: Callnames, speaker: str, lead: str) -> list[str]:
    """Whom "and you" ends a list of work with: "the I_D_ is going to work on the components concept, U_I_D_ the
    user interface concept, and you're going to do some trend watching" is said to the one person not named."""
    named = set(people.named(lead)) - {speaker}
    if len(named) < 2 or not re.search(r",\s*(?:and|then)\s*$", lead):
        return []
    left = [p for p in people.people if p not in named and p != speaker]
    return left if len(left) == 1 else []


def _quotes(said: SpokenTurn, start: int, end: int) -> tuple[str, str | None]:
    """The original words of a sentence within its own turn, and those in the speaker's next turn when the
    sentence goes on there (normalisation joins a sentence cut off at a turn's end with its continuation)."""
    spoken, own = said.spoken, len(said.turn.text)
    if start >= end or not spoken.origin or spoken.origin[start] >= own:
        return spoken.quote(start, end), None
    last = spoken.origin[end - 1] + 1
    went_on = spoken.source[own + 1 : last].strip() if last > own + 1 else None
    return spoken.source[spoken.origin[start] : min(last, own)].strip(), went_on or None


def _squash(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))
