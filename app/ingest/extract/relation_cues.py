"""Cue tables for relations between items and people: dependencies, ownership, decisions, topics."""

from __future__ import annotations

from app.ingest.extract.frames import Frame, Kind, Slot
from app.ingest.extract.frames import rx as _rx

_PERSON_VERB_GUARD = (
    r"(?!\s+(?:by|on|into|with|out|late|behind|over|low|smoothly|fine|well|short|long|up\s+against|around|through"
    r"|across|along|off|away|up|down|fast|slow|slowly|quickly)\b)"
)
_NOT_OWN_POSSESSIVE = r"(?<!\bits )(?<!\bour )(?<!\bmy )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\btheir )"  # "on its own"

RELATION_FRAMES: tuple[Frame, ...] = (
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
