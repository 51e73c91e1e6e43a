"""Cue tables for an item's state: progress, blocked/unblocked and status frames.

Each frame is a cue phrase plus where its arguments sit (see `frames.py`); the tables are tried in
order. Dependency, ownership, decision and topic cues are in `relation_cues.py`.
"""

from __future__ import annotations

import re

from app.ingest.extract.frames import Frame, Kind, Slot
from app.ingest.extract.frames import rx as _rx
from app.ingest.extract.relation_cues import RELATION_FRAMES
from app.ingest.models import Status

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
            # a status colour only as a change ("went green", "is green again"): "the buttons are green" is a colour
            r"\b(?:went|turned|gone|back\s+to|now)\s+green\b|\b(?:is|'s|are)\s+green\s+again\b",
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
            r"\b(?:kicked|kicks|kicking|kick)\s+off\b(?!\s+meetings?\b)",  # "the kick off meeting" is a meeting
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
            r"\b(?:went|turned|gone|flagged(?:\s+as)?|now)\s+(?:amber|yellow|red)\b",  # "the case is yellow" is a colour
        ),
        Slot.LEFT,
        status=Status.AT_RISK,
        negated=Status.IN_PROGRESS,
    ),
    Frame(
        Kind.STATUS,
        _rx(
            # not "we've done some tests", "this is being done on an on-order basis" (no state) or "well done" (praise)
            r"\b(?<!\bhave )(?<!\bhas )(?<!\bhad )(?<!'ve )(?<!'d )(?<!\bbeing )(?<!\bwell )done\b",
            r"\b(?<!\bbeing )(?:finished|complete|completed|shipped|delivered|launched|released|wrapped(?:\s+up)?"
            r"|closed\s+out|signed\s+off)\b",
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
    *RELATION_FRAMES,
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
