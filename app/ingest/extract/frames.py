"""Predicate cues and the argument slots around them.

A frame is a cue phrase ("is blocked by", "owns", "depends on", "40 percent") plus where its
arguments sit: the noun phrase just before the cue (LEFT), just after it (RIGHT), either of the
two (EITHER: the subject if there is one, else the object, as in "X shipped" / "we shipped X"),
a named group inside the cue pattern (GROUP), or the item the sentence is already about (FOCUS).
Whether what the frame says is asserted as the current state (not a question, hypothetical,
negation or recollection) is decided in `mood.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from app.ingest.extract.lexicon import CLOSED_WORDS, FRACTION_WORDS, ITEM_PRONOUNS, NUMBER_WORDS
from app.ingest.extract.prefilter import Fragments, required_fragments
from app.ingest.models import Status


class Kind(Enum):
    STATUS = "status"
    UNBLOCK = "unblock"
    PROGRESS = "progress"
    BLOCKED_BY = "blocked_by"  # item is blocked by other (implies item depends on other)
    DEPENDS = "depends"  # item depends on other
    OWNER = "owner"  # other (a person) owns item
    DECISION = "decision"  # a choice was made for item
    TOPIC = "topic"  # item is under discussion


class Slot(Enum):
    LEFT = "left"
    RIGHT = "right"
    EITHER = "either"
    GROUP = "group"
    FOCUS = "focus"  # the item the sentence is about so far ("X is stuck; Z has to land first")


@dataclass(frozen=True)
class Frame:
    kind: Kind
    pattern: re.Pattern[str]
    item: Slot | None  # None: a decision whose item is named by "for X" or is the focus
    other: Slot | None = None
    status: Status | None = None
    # what the frame means when negated: a status, UNBLOCK, or nothing (None)
    negated: Status | Kind | None = None
    # stative frames describe a condition, so "was"/"last week" make them a recollection;
    # event frames ("shipped", "took over") stay true after they happened
    stative: bool = True
    # owner frames whose verb is too common ("goes to", "is with") need a person from the meeting
    strict_person: bool = False
    # frames whose cue is a noun ("the blocker for X: Z") say nothing without their other item
    needs_other: bool = False
    fragments: Fragments | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fragments", required_fragments(self.pattern))

    def could_match(self, lowered: str) -> bool:
        return self.fragments is None or any(f in lowered for f in self.fragments)


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


_PERSON_VERB_GUARD = (
    r"(?!\s+(?:by|on|into|with|out|late|behind|over|low|smoothly|fine|well|short|long|up\s+against|around|through"
    r"|across|along|off|away|up|down|fast|slow|slowly|quickly)\b)"
)
_NOT_OWN_POSSESSIVE = r"(?<!\bits )(?<!\bour )(?<!\bmy )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\btheir )"  # "on its own"

NUMBER_PERCENT = (
    r"(?P<num>\d{1,3})\s*(?:%|percent\b|per\s*cent\b|pct\b)"
    r"|(?P<words>(?:(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|five|(?:a|one) hundred))"
    r"\s*(?:percent|per\s*cent)\b"
    r"|(?P<frac>half[- ]?way|half(?=\s+(?:done|finished|complete|through))|(?:a|one) quarter|(?:a|one) third"
    r"|two[- ]thirds|three[- ]quarters)(?=\s+(?:done|finished|complete|through|of the way|there|in)\b)"
    r"|(?P<halfway>half[- ]?way)\b"
)
_PERCENT_TAIL = (
    r"(?:\s+(?:of the way(?:\s+(?:through|there|done))?|done|complete|completed|finished|through|in|there))?"
)

FRAMES: tuple[Frame, ...] = (
    # --- progress --------------------------------------------------------------------------
    Frame(Kind.PROGRESS, _rx(rf"(?:{NUMBER_PERCENT}){_PERCENT_TAIL}"), Slot.EITHER),
    # --- blocked / unblocked -----------------------------------------------------------------
    Frame(
        Kind.BLOCKED_BY,
        _rx(
            r"\b(?:blocked|stuck|stalled|held\s+up|on\s+hold|on\s+ice|paused)\s+(?:(?:waiting\s+)?(?:by|on|behind|for)|because\s+of|due\s+to|pending)\b",
        ),
        Slot.LEFT,
        Slot.RIGHT,
        negated=Kind.UNBLOCK,
    ),
    Frame(
        Kind.BLOCKED_BY,
        _rx(
            r"\b(?:holding\s+up|holding\s+back|blocking)\b",
            r"\b(?:is|are|'s|'re)\s+(?:a|the)\s+(?:main\s+|big\s+|real\s+|only\s+)?(?:blockers?|bottlenecks?)\s+(?:for|on|to)\b",
        ),
        Slot.RIGHT,
        Slot.LEFT,
        negated=Kind.UNBLOCK,
    ),
    Frame(
        Kind.BLOCKED_BY,
        _rx(r"^\W*(?:the\s+)?(?:main\s+|only\s+)?blocker\s+(?:for|on)\s+(?P<item>[^,.;:]+?)\s*(?::|\bis\b|\bwas\b)"),
        Slot.GROUP,
        Slot.RIGHT,
        negated=Kind.UNBLOCK,
        needs_other=True,
    ),
    Frame(
        Kind.BLOCKED_BY,
        _rx(r"\bholding\s+(?P<item>[^,.;]+?)\s+(?:up|back)\b"),
        Slot.GROUP,
        Slot.LEFT,
        negated=Kind.UNBLOCK,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:blocked|stuck|on\s+hold|on\s+ice|stalled|paused|held\s+up|idle)\b|\bhit\s+(?:a|another)\s+(?:wall|snag|blocker|roadblock)\b"
        ),
        Slot.LEFT,
        status=Status.BLOCKED,
        negated=Kind.UNBLOCK,
    ),
    Frame(Kind.STATUS, _rx(r"\bno\s+(?:movement|progress)\s+(?:on|with)\b"), Slot.RIGHT, status=Status.BLOCKED),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:can't|cannot|can not|couldn't|unable to|not able to|no way to)\s+(?:move|push|take|get|bring)\s+(?P<item>[^,.;]+?)\s+(?:forward|ahead|along|further)\b"
        ),
        Slot.GROUP,
        status=Status.BLOCKED,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:can't|cannot|can not|couldn't|unable to|not able to|no way to)\s+(?:proceed|continue|progress|make\s+(?:any\s+)?progress|go\s+(?:any\s+)?further|move\s+(?:forward|ahead))(?:\s+(?:with|on))?\b"
        ),
        Slot.EITHER,
        status=Status.BLOCKED,
    ),
    Frame(
        Kind.UNBLOCK,
        _rx(
            r"\bun-?blocked\b|\bunstuck\b",
            r"\bblockers?\s+(?:(?:is|are|has been|have been|was|were|got)\s+)?(?:cleared|resolved|removed|gone|lifted|fixed|sorted(?:\s+out)?)\b",
            r"\b(?:cleared|resolved|removed|lifted)\s+(?:the\s+)?blockers?\s+(?:on|for)\b",
        ),
        Slot.EITHER,
        stative=False,
    ),
    Frame(
        Kind.UNBLOCK,
        _rx(
            r"\b(?:what(?:ever)?|the\s+thing)\s+(?:was|had\s+been)\s+(?:blocking|holding\s+up|holding\s+back)\s+"
            r"(?P<item>[^,.;]+?)\s+(?:is|has\s+been|got|was)\s+(?:now\s+)?(?:resolved|fixed|gone|cleared|sorted)\b"
        ),
        Slot.GROUP,
        stative=False,
    ),
    Frame(
        Kind.UNBLOCK,
        _rx(
            r"\bblockers?\s+(?:on|for)\s+(?P<item>[^,.;]+?)\s+(?:is|are|has\s+been|have\s+been|was|got)\s+(?:cleared|resolved|removed|gone|lifted|fixed)\b"
        ),
        Slot.GROUP,
        stative=False,
    ),
    # --- status ------------------------------------------------------------------------------
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:moving|going|rolling|progressing)(?:\s+(?:forward|ahead))?\s+again\b|\bout\s+of\s+the\s+woods\b",
            r"\bcan\s+(?:now\s+)?(?:move|go|proceed|continue|resume)(?:\s+(?:forward|ahead))?\s+(?:again|now)\b",
            r"\bback\s+(?:in\s+motion|on[- ]track|under\s*way|in\s+progress)\b",
            r"\bon[- ]track\s+again\b|\brecovered\b|\bresumed\b|\bback\s+on\s+schedule\b",
        ),
        Slot.LEFT,
        status=Status.IN_PROGRESS,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:free|clear|cleared|good)\s+to\s+(?:go|proceed|move|continue|resume)(?:\s+(?:ahead|forward|on|with))?\b"
        ),
        Slot.EITHER,
        status=Status.IN_PROGRESS,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\bon[- ](?:track|schedule)\b|\btracking\s+(?:well|fine|ok|okay|nicely|to\s+plan)\b",
            r"\b(?:is|'s|are|went|turned|back\s+to|now|looks?|looking)\s+green\b",
        ),
        Slot.LEFT,
        status=Status.IN_PROGRESS,
        negated=Status.AT_RISK,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\bin\s+progress\b|\bunder\s*way\b|\bin(?:to)?\s+(?:flight|development)\b|\bunder\s+development\b|\bbeing\s+worked\s+on\b"
        ),
        Slot.LEFT,
        status=Status.IN_PROGRESS,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:kicked|kicks|kicking|kick)\s+off\b",
            r"\b(?:started|starting|began|begun|commenced)\b(?:\s+(?:work|working)\s+on\b)?",
            r"\b(?:started|starting|began|begun)\s+(?:on|with)\b",
            r"\b(?:got|get|getting)\s+going\s+(?:on|with)\b|\b(?:is|'s|are)\s+(?:now\s+)?active\b|\boff\s+the\s+ground\b",
            r"\bmade\s+a\s+start\s+on\b|\bbroke\s+ground\s+on\b|\bkick-?off\s+(?:for|of|on)\b",
            r"\b(?:jumped|jumping)\s+on\b",
        ),
        Slot.EITHER,
        status=Status.IN_PROGRESS,
        stative=False,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\bat[- ]risk\b|\bbehind\s+schedule\b|\boff[- ]track\b|\bslip(?:s|ping|ped)?\b",
            r"\b(?:going to|gonna|likely to|about to|set to|expected to|will|'ll)\s+(?:slip|miss|be\s+late)\b",
            r"\bin\s+(?:trouble|danger|jeopardy)\b|\bfalling\s+behind\b|\brunning\s+(?:late|behind)\b",
            r"\b(?:won't|will\s+not)\s+make\s+(?:it|the\s+deadline|the\s+date)\b|\btrending\s+late\b",
            r"\bbehind\b(?=\s*(?:[,.;!?]|$|and\b|now\b|again\b))|\b(?:is|are|'s|'re|running)\s+late\b",
            r"\b(?:looking|looks|is|'s|seems)\s+(?:a\s+bit\s+|pretty\s+|really\s+|very\s+)?(?:shaky|wobbly|dicey|risky)\b",
            r"\b(?:is|'s|are|went|turned|flagged|now|looks?|looking)\s+(?:amber|yellow|red)\b",
        ),
        Slot.LEFT,
        status=Status.AT_RISK,
        negated=Status.IN_PROGRESS,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?<!\bhave )(?<!\bhas )(?<!\bhad )(?<!'ve )(?<!'d )done\b",  # not "we've done some tests"
            r"\b(?:finished|complete|completed|shipped|delivered|launched|released|wrapped(?:\s+up)?|closed\s+out|signed\s+off)\b",
            r"(?=live\b)(?:(?<=\bis )|(?<=\bare )|(?<='s )|(?<='re )|(?<=\bwent )|(?<=\bgone )|(?<=\bgo )|(?<=\bbe )|(?<=\bnow )|(?<=\band ))live\b",
            r"\bin\s+production\b|\bover\s+the\s+line\b|\bout\s+the\s+door\b",
            r"\b(?:ships|finishes|lands|launches|wraps\s+up|goes\s+live)\b|\ba\s+wrap\s+(?:on|for)\b",
        ),
        Slot.EITHER,
        status=Status.DONE,
        stative=False,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\bcancel(?:l?ed|l?ing|s)?\b|\bscrap(?:ped|ping|s)?\b|\bshelv(?:ed|ing|e)\b|\bax(?:ed|ing|e)\b",
            r"\babandon(?:ed|ing)?\b|\bde-?scop(?:ed|ing)\b|\bcall(?:ed|ing)?\s+off\b|\bpull(?:ed|ing)?\s+the\s+plug\s+on\b",
            r"\bsunset(?:ted|ting)\b|\boff\s+the\s+table\b|\bkilled\b",
            r"\b(?:drop|drops|dropping)\b(?!\s+(?:off|out|by|in|the\s+ball)\b)|(?=dropped\b)(?:(?<=\bbe )|(?<=\bbeen )|(?<=\bgot )|(?<=\bis )|(?<=\bwas )|(?<=\bwe ))dropped\b",
        ),
        Slot.EITHER,
        status=Status.CANCELLED,
        stative=False,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            r"\b(?:hasn't|haven't|has not|have not|not yet|not)\s+(?:been\s+)?(?:started|kicked\s+off)\b|\bstill\s+planned\b|\bon\s+the\s+roadmap\b|\bin\s+the\s+backlog\b"
        ),
        Slot.LEFT,
        status=Status.PLANNED,
    ),
    # --- dependencies ------------------------------------------------------------------------
    Frame(
        Kind.DEPENDS,
        _rx(
            r"\b(?:depends|depend|is dependent|are dependent)\s+(?:up)?on\b",
            r"\b(?:has|have|had)\s+(?:an?\s+)?(?:hard\s+|soft\s+|strong\s+|direct\s+|big\s+)?dependenc(?:y|ies)\s+on\b",
            r"\b(?:relies|rely|relying)\s+on\b|\b(?:requires|require|requiring)\b|\bneeds?\b(?!\s+to\b)",
            r"\b(?:waiting|wait|waits)\s+(?:on|for)\b|\bbuilds?\s+on(?:\s+top\s+of)?\b|\bsits?\s+on\s+top\s+of\b|\bgated\s+(?:on|by)\b",
            r"\bdownstream\s+(?:of|from)\b|\bhinges?\s+on\b|\b(?:comes?|goes|happens?)\s+after\b",
        ),
        Slot.LEFT,
        Slot.RIGHT,
    ),
    Frame(
        Kind.DEPENDS,
        _rx(
            r"\b(?:is|are|'s|'re)\s+(?:an?\s+|the\s+)?(?:hard\s+|key\s+|big\s+|main\s+)?(?:prerequisites?|prereqs?|pre-reqs?|preconditions?|dependency|dependencies)\s+(?:for|of|to)\b",
            r"\bupstream\s+(?:of|from)\b|\bfeeds?\s+into\b|\bunblocks?\b|\bblocks\b|\b(?-i:block)(?=\s+(?:the|our|their|this|that|these|those|both|all|(?-i:[A-Z])))|\b(?:is|are)\s+(?:needed|required)\s+(?:for|by|before)\b",
            r"\b(?:comes?|goes|(?:has|have|needs?|must)\s+to\s+(?:come|happen|land|ship|be\s+(?:done|finished|complete|ready|in\s+place)))\s+before\b",
            r"\bmust\s+(?:come|happen|land|ship|be\s+(?:done|finished|complete|ready|in\s+place))\s+before\b",
        ),
        Slot.RIGHT,
        Slot.LEFT,
    ),
    Frame(
        Kind.DEPENDS,
        _rx(
            r"\b(?:can't|cannot|can\s+not|won't|couldn't)\s+(?:start|begin|ship|launch|finish|do)\s+(?P<item>[^,.;]+?)\s+without\b"
        ),
        Slot.GROUP,
        Slot.RIGHT,
    ),
    Frame(
        Kind.DEPENDS,
        _rx(
            r"\b(?:can't|cannot|can\s+not|won't|couldn't)\s+(?:start|begin|ship|launch|happen|proceed|go\s+ahead)\s+without\b"
        ),
        Slot.LEFT,
        Slot.RIGHT,
    ),
    Frame(
        Kind.DEPENDS,
        _rx(
            r"\b(?:has|have|needs?|must)\s+to\s+(?:come|happen|land|ship|be\s+(?:done|finished|complete|ready|in\s+place))\s+first\b"
        ),
        Slot.FOCUS,
        Slot.LEFT,
    ),
    Frame(Kind.DEPENDS, _rx(r"\bdependenc(?:y|ies)\s+(?:on|upon)\b"), Slot.FOCUS, Slot.RIGHT),
    Frame(Kind.DEPENDS, _rx(r"\bdependenc(?:y|ies)\s+from\s+(?P<item>[^,.;]+?)\s+(?:on|to)\b"), Slot.GROUP, Slot.RIGHT),
    # --- ownership ---------------------------------------------------------------------------
    Frame(
        Kind.OWNER,
        _rx(
            rf"\b(?=own){_NOT_OWN_POSSESSIVE}(?:owns|own|owning)\b",
            r"\b(?:taking|took|taken|takes|take)\s+(?:over|on)\b(?:\s+ownership\s+of\b)?",
            r"\b(?:down\s+)?as\s+(?:the\s+)?(?:new\s+)?(?:owner|lead|dri)\s+(?:of|for|on)\b",
            r"\b(?:is|are|am|(?<!\blet)'s|'re|'m|will|'ll|gonna|going\s+to)\s+(?:be\s+)?(?:taking|take)\b(?!\s+(?:over|on|a|an|the\s+lead|care|time|longer|long|place|a\s+look)\b)",
            r"\b(?:picked|picks|pick|picking)\s+up\b",
            rf"\b(?:will|'ll|gonna|going\s+to|is|'s|am|'m|are|now|currently)\s+(?:be\s+)?(?:lead|leading|drive|driving|run|running|handle|handling|manage|managing|head(?:ing)?\s+up|own|owning){_PERSON_VERB_GUARD}\b",
            rf"\b(?:leads|drives|handles|manages|heads\s+up|runs){_PERSON_VERB_GUARD}\b",
            r"\b(?:is|'s|am|'m|are|will\s+be|'ll\s+be|going\s+to\s+be|gonna\s+be)\s+(?:now\s+|still\s+|also\s+)?(?:in\s+charge\s+of|responsible\s+for|accountable\s+for|on\s+point\s+for|point\s+on|working\s+on|the\s+(?:new\s+|current\s+)?(?:owner|lead|dri|point\s+person|driver)\s+(?:of|for|on))\b",
            r"\bvolunteered\s+(?:for|to\s+(?:take|own|lead|handle|drive))\b|\b(?:has|took|taking)\s+(?:taken\s+)?ownership\s+of\b",
        ),
        Slot.RIGHT,
        Slot.LEFT,
        stative=False,
    ),
    Frame(
        Kind.OWNER,
        _rx(
            r"\b(?:re)?assigned\s+to\b",
            r"\b(?:is|'s)\s+(?-i:(?P<other>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))'s\s+(?:responsibility|baby|job|area|remit|call|project|thing)\b",
            r"\b(?:owned|led|run|driven|handled|managed|headed(?:\s+up)?)\s+by\b",
            r"\b(?:transferred|handed\s+over|handed\s+off)\s+to\b",
            r"\b(?:owner|lead|dri)\s+(?:is|will\s+be|'s|:)",
        ),
        Slot.LEFT,
        Slot.RIGHT,
        stative=False,
    ),
    Frame(
        Kind.OWNER,
        _rx(r"\b(?:goes|went|moves|moved|passes|passed|belongs)\s+to\b", r"\b(?:is|'s|sits)\s+(?:now\s+)?with\b"),
        Slot.LEFT,
        Slot.RIGHT,
        stative=False,
        strict_person=True,
    ),
    Frame(
        Kind.OWNER,
        _rx(  # "you're on X from now on", "Ravi's on X": a person assigned to an item, not "on track"/"on it"
            r"\b(?-i:(?P<other>[Yy]ou|I|[Hh]e|[Ss]he|[A-Z][a-z]+))(?:'re|'m|'s|\s+are|\s+am|\s+is)\s+(?:now\s+|also\s+)?on\b"
            r"(?!\s+(?:track|schedule|hold|ice|it|that|this|them|board|leave|vacation|holiday|top|point|target|time"
            r"|budget|deck|call|site|record|the\s+(?:call|line|hook|fence|same|way|case|ball|roadmap|backlog))\b)"
        ),
        Slot.RIGHT,
        Slot.GROUP,
        stative=False,
        strict_person=True,
    ),
    Frame(
        Kind.OWNER,
        _rx(
            r"\b(?:has|has\s+got|'s\s+got)\s+(?P<item>[^,.;]+?)\s+"
            r"(?:now|from\s+(?:now\s+on|today|here\s+on)|going\s+forward)\b"
        ),
        Slot.GROUP,
        Slot.LEFT,
        stative=False,
    ),
    Frame(
        Kind.OWNER,
        _rx(
            r"\b(?:asked|asking|ask|want|wanted|need|needed|getting|got|have|had|let|letting)\s+"
            r"(?-i:(?P<other>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|me))\s+(?:to\s+)?"
            r"(?:lead|own|drive|run|handle|take\s+over|take\s+on|take|pick\s+up|manage|head\s+up)\b"
        ),
        Slot.RIGHT,
        Slot.GROUP,
        stative=False,
    ),
    Frame(
        Kind.OWNER,
        _rx(
            r"\b(?:hand|hands|handing|handed|pass|passes|passing|passed|give|gives|giving|gave|assign|assigns|assigning|assigned|reassign|reassigned|reassigning|transfer|transferring|transferred)\s+(?P<item>[^,.;]+?)\s+(?:over\s+|off\s+)?to\s+(?P<other>[^,.;]+?)(?=\s*(?:[,.;!?]|$)|\s+(?:for|from|as|since|because|now|starting|effective|this|next|going)\b)"
        ),
        Slot.GROUP,
        Slot.GROUP,
        stative=False,
    ),
    # --- decisions ---------------------------------------------------------------------------
    Frame(
        Kind.DECISION,
        _rx(
            r"\b(?:decided|agreed|chose|chosen|picked|selected|settled|opted|landed|committed|aligned)\s+(?:to\s+(?:use|go\s+with|adopt|build\s+(?:on|with)|standardi[sz]e\s+on|switch\s+to|move\s+to|migrate\s+to|run\s+on|stick\s+with|stay\s+with)|on|for|with)\b",
            r"\b(?:we're|we\s+are|we'll|we\s+will|let's|let\s+us|we've|we\s+have|i'm|i\s+am)\s+(?:going|gone|go)\s+with\b|\bwent\s+with\b|^\W*going\s+with\b",
            r"\b(?:decision|call|choice|pick|verdict)\s*(?:is|was|'s|:)\s*(?-i:(?=[A-Z]))",
            r"\b(?:we'll|we\s+will|let's)\s+(?:use|adopt|standardi[sz]e\s+on|switch\s+to|migrate\s+to)\b",
            r"\b(?:chose|chosen|picked|selected|opted\s+for)\b(?!\s+up\b)",
            r"\bdecision\s+(?:is|was|'s)\s+to\s+(?:use|go\s+with|adopt|build\s+on|switch\s+to|move\s+to)\b",
        ),
        None,
        Slot.RIGHT,
        stative=False,
    ),
    Frame(
        Kind.DECISION,
        _rx(
            r"\b(?:building|build|built|hosting|implementing|writing|rewriting)\s+(?P<item>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:on\s+top\s+of|on|with|using)\b"
        ),
        Slot.GROUP,
        Slot.RIGHT,
        stative=False,
    ),
    Frame(
        Kind.DECISION,
        _rx(
            r"\b(?:will|'ll|is\s+going\s+to|gonna|is\s+to)\s+be\s+(?:built|implemented|hosted|based|running|written|developed)\s+(?:on\s+top\s+of|on|with|using|in)\b",
            r"\b(?:will|'ll|is\s+going\s+to|gonna)\s+(?:use|run\s+on|be\s+on|sit\s+on|live\s+on)\b",
        ),
        Slot.LEFT,
        Slot.RIGHT,
        stative=False,
    ),
    # --- topic introducers (questions, agenda moves): mentions, no state ---------------------
    Frame(
        Kind.TOPIC,
        _rx(
            r"\b(?:update|updates|news|status|word|blockers?|risks?|eta)\s+(?:on|for|of|with|about|from)\b",
            r"\b(?:how|what)(?:'s|\s+is|\s+are)\s+(?:things|it|stuff)\s+(?:with|on)\b",
            r"\bwhere\s+(?:are|is|'re)\s+(?:we|things)\s+(?:with|on|at)\b|\bwhere\s+(?:do|does)\s+(?:we|things)\s+stand\s+(?:on|with)\b",
            r"\bwho(?:'s|\s+is|\s+will\s+be|\s+will)\s+(?:looking\s+(?:at|into)|on|handling|owning|working\s+on|leading|driving|responsible\s+for|in\s+charge\s+of|taking|covering)\b",
            r"\b(?:the\s+)?latest\s+(?:on|with|for)\b|\bwalk\s+(?:me|us)\s+through\b",
            r"\b(?:moving\s+on\s+to|move\s+on\s+to|next\s+up|next\s+(?:item|topic)\s+is|let's\s+(?:talk\s+about|discuss|turn\s+to|move\s+to|go\s+to|look\s+at|cover)|regarding|as\s+for|what\s+about|turning\s+to|switching\s+to|on\s+the\s+topic\s+of)\b",
        ),
        Slot.RIGHT,
    ),
    Frame(Kind.TOPIC, _rx(r"\bwhere\s+(?:are|do)\s+we(?:\s+stand)?(?=\s*[?.!]*\s*$)"), Slot.LEFT),
    Frame(
        Kind.TOPIC,
        _rx(
            r"\bhow(?:'s|\s+is|\s+are|\s+was)\s+(?P<item>[^,.;?]+?)\s+(?:doing|going|coming\s+along|looking|progressing|tracking|getting\s+on)\b"
        ),
        Slot.GROUP,
    ),
)

# Words between which a clause boundary can't fall, because they belong to one frame.
ANY_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|will|would|can|could|should|might|may|must|do|does|did"
    r"|isn't|aren't|wasn't|weren't|can't|won't|don't|doesn't|didn't|hasn't|haven't|gonna|let's)\b|'s\b|'re\b|'ll\b|'ve\b|'m\b",
    re.IGNORECASE,
)
COMPLETION = re.compile(
    r"\b(?:done|finished|complete|completed|ships?|shipped|lands?|landed|live|ready|in\s+place|in\s+production"
    r"|wrapped\s+up|wraps\s+up|delivered|released|merged|finali[sz]ed|signed\s+off|closes|over\s+the\s+line|out|sorted"
    r"|resolved)\b",
    re.IGNORECASE,
)
START_OR_PROCEED = re.compile(
    r"\b(?:start|starts|begin|begins|kick\s+off|kicks\s+off|proceed|continue|move\s+forward|move\s+ahead|go\s+ahead"
    r"|pick\s+up|work\s+on|resume|can|could|wait|waits|waiting)\b",
    re.IGNORECASE,
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


def percent_value(match: re.Match[str], text: str) -> int | None:
    """The percentage a PROGRESS match states, or None when it's a reference value ("up from 40%")."""
    if _FROM_BEFORE.search(text[: match.start()]):
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
