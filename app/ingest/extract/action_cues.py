"""The words and patterns action items are read by (`actions.py`): work verbs, the forms of a commitment, a
request and a claim that work is done, and what makes a sentence not one (hedges, reported speech, speech acts
within the meeting)."""

from __future__ import annotations

import re

from app.ingest.names import STOPWORDS, stem, tokens

_VERBS = (
    "send email e-mail mail forward circulate share upload post put save get write type draft prepare finish "
    "complete do make build check book schedule organise organize arrange update fix contact call ask argue "
    "research investigate design sketch compile summarise summarize distribute print produce create collect "
    "gather deliver order buy test review handle chase confirm specify"
).split()
_PHRASAL = (
    r"look\s+(?:into|at|around|for)|find\s+out|follow\s+up|set\s+up|work\s+(?:together\s+)?(?:on|with|out)"
    r"|work\s+together"
    r"|come\s+up\s+with|look\s+and\s+see"
    r"|take\s+care\s+of|sort\s+out|figure\s+out|try\s+out|report\s+back|talk\s+to|speak\s+to|get\s+back\s+to"
    r"|let\s+(?:you|everyone|everybody)(?:\s+guys|\s+all)?\s+know"
    r"|think\s+about|play\s+(?:around\s+)?with"
)
# work said with a noun: "take a look at", "take the minutes" (the verbs inflect, "look" and "minutes" do not)
_WITH_NOUN = (r"(?:{have}|{take})\s+a\s+(?:quick\s+|closer\s+|good\s+)?look(?:\s+(?:at|into))?"
              r"|{take}\s+(?:the\s+|some\s+)?minutes")
_DOUBLED = {"put": "putting", "get": "getting", "set": "setting", "run": "running", "chat": "chatting"}


def _gerund(verb: str) -> str:
    if verb in _DOUBLED:
        return _DOUBLED[verb]
    return verb[:-1] + "ing" if verb.endswith("e") and not verb.endswith("ee") else verb + "ing"


def _forms(gerund: bool) -> str:
    words = [_gerund(v) if gerund else v for v in _VERBS]
    phrasal = re.sub(r"\b(look|find|follow|set|work|come|take|sort|figure|try|report|talk|speak|get|think|play)\b",
                     lambda m: _gerund(m.group()), _PHRASAL) if gerund else _PHRASAL
    with_noun = _WITH_NOUN.format(have="having", take="taking") if gerund else _WITH_NOUN.format(have="have",
                                                                                                   take="take")
    return rf"(?:{with_noun}|{phrasal}|{'|'.join(words)})\b"


# "be working on", "be thinking about" (future progressive: the way a chair hands out work)
GERUND = rf"(?:{_forms(True)})"  # "the marketing expert is coming up with the requirements"
WORK = rf"(?:(?:be\s+)?(?:just\s+)?(?:{GERUND}|thinking\s+about)|{_forms(False)})"
# "maybe for next meeting send me your presentation before by email": a bare imperative (read with a due day only)
IMPERATIVE = re.compile(r"^\W*(?:(?:so|okay|and|then|maybe|please|just|also|now)\W+|(?:for|by|before)\s+(?:the\s+)?"
                        r"next\s+\w+\W+)*(?P<verb>" + _forms(False) + ")", re.IGNORECASE)
# "I'll take this out", "I'll take that as a yes" take nothing on
ANTECEDENT = r"(?:do|handle)\s+(?:that|this)\b|take\s+(?:that|this)\s+on\b"
SELF = re.compile(
    r"\b(?:I(?:'ll|\s+will|\s+shall|(?:'m|\s+am)(?:\s+still|\s+also)?\s+(?:gonna|going\s+to)"
    r"|(?:\s+will|'ll|'d|\s+would|'m|\s+am)\s+be\s+happy\s+to|\s+still\s+(?:have|need)\s+to|'ve\s+got\s+to)"
    r"|you\s+want\s+me\s+to)"
    r"\s+(?:also\s+|then\s+|definitely\s+|certainly\s+|now\s+|try\s+(?:and|to)\s+|see\s+if\s+I\s+can\s+"
    r"|make\s+sure\s+(?:to|that\s+I|I)\s+|go\s+ahead\s+and\s+)*"
    r"(?P<verb>" + ANTECEDENT + r"|do\s*[.,]|do\s*$|" + WORK + ")",
    re.IGNORECASE,
)
_SUBORDINATE = (r"(?:if|when|unless|as|because|once|until|while|whether|do|did|can|could|would|will|should"
                r"|that|what|how)")
_GROUP = r"(?:\s+(?:guys|all|two|both|people))?"
# "you two", "the two of you", "both of you"
_THE_GROUP = r"(?:you" + _GROUP + r"|(?:the\s+(?:two|three)|both|all|each)\s+of\s+you)"
# what makes a request to "you" one for everyone: "put all these reports in the folder", "send me your
# presentation ... so that we can see them altogether"
FOR_EVERYONE = re.compile(r"\ball\s+(?:these|those|your)\b|\baltogether\b|\beach\s+of\s+your\b", re.IGNORECASE)
TO_GROUP = re.compile(r"\byou\s+(?:guys|all|two|both|people)\b|\b(?:two|three|both|all|each)\s+of\s+you\b",
                      re.IGNORECASE)
REQUEST = re.compile(
    r"\b(?:(?:can|could|would|will)\s+you" + _GROUP + r"(?:\s+please|\s+maybe|\s+also)*"
    r"|if\s+you" + _GROUP + r"\s+c(?:ould|an)(?:\s+maybe|\s+just|\s+please|\s+also)*"
    r"|" + _THE_GROUP + r"(?:'re|\s+are)?\s+(?:gonna|going\s+to)|" + _THE_GROUP + r"(?:'ll|\s+will)"
    r"|" + _THE_GROUP + r"\s+get\s+to"  # "the two of you get to play with the modelling components"
    r"|you\s+could(?:\s+maybe|\s+just|\s+also)*(?:\s+[a-z](?=\s))?"  # "marketing, you could s find out": after a name
    r"|I(?:'d|\s+would)?\s+(?:like|want|need)\s+you" + _GROUP + r"\s+to(?:\s+do\s+is)?"
    r"|what\s+I(?:'d|\s+would)\s+like\s+you" + _GROUP + r"\s+to\s+do\s+is"
    r"|I(?:'ll|\s+will|'m\s+going\s+to|'m\s+gonna)?\s+ask\s+you" + _GROUP + r"\s+to"
    r"|your\s+(?:job|task|role|homework)\s+(?:is|will\s+be)(?:\s+to)?"
    # "so you do the looking around", "and Ryan you work on how well they'll work with the user"
    r"|^(?:(?:so|and|okay|then)\s+)*(?:(?!" + _SUBORDINATE + r"\b)\w+\s*,?\s+)?you"
    r"(?=\s+(?:do\s+(?:the|some)\b|work\s+on\b|look\s+(?:at|into)\b)))\s+(?P<verb>" + WORK + ")",
    re.IGNORECASE,
)
# "I will ask the Market Expert to try to find out ...", "I'd like the Industrial Designer to think about ...": the
# work is theirs, not the speaker's
ASKED = re.compile(r"\b(?:ask|like|want|need)\s+(?P<who>(?:\w+\s+){1,5}?)to\s+(?:try\s+(?:and|to)\s+)?"
                   r"(?P<verb>" + WORK + ")", re.IGNORECASE)
# "I would suggest that the Industrial Designer and the User Interface Designer work together": theirs, however
# politely put
SUGGESTED = re.compile(r"\b(?:suggest|propose|recommend)\s+(?:that\s+)?(?P<who>(?:\w+\s+){1,8}?)(?:should\s+)?"
                       r"(?P<verb>" + WORK + ")", re.IGNORECASE)
DONE = re.compile(
    r"\bI(?:'ve|\s+have)?\s+(?:already\s+|just\s+|finally\s+)?(?P<verb>sent|e-?mailed|mailed|forwarded|circulated|"
    r"shared|uploaded|posted|put|saved|written|wrote|typed\s+up|drafted|prepared|finished|completed|done|"
    r"did(?=\s+(?:the|an?|my|our|your|some|that|this|these|those|it|them|all|everything|what)\b)|made|"
    r"built|looked\s+into|checked|found\s+out|followed\s+up|set\s+up|booked|scheduled|organi[sz]ed|arranged|"
    r"updated|fixed|contacted|called|researched|investigated|sorted\s+out|ordered|bought|tested|reviewed|"
    r"compiled|summari[sz]ed|distributed|printed)\b",
    re.IGNORECASE,
)
ASKING = re.compile(r"^\W*(?:\w+\W+){0,2}(?:shall|should|will|can|do|did|what|how|when|why|where)\b",
                     re.IGNORECASE)
# "what I'm gonna write", "what else can you do"
EMBEDDED = re.compile(r"\b(?:(?:what|how)(?:\s+\w+)?|where|which|whether|who|why)(?:\s+else)?\s*$", re.IGNORECASE)
GOT_DONE = re.compile(r"get\s+(?:\w+\s+){0,5}?(?:done|ready|sorted|finished|out|up|back|together|printed|sent|"
                       r"fixed|over)\b", re.IGNORECASE)
# "if I get more numbers, I'll e-mail you": the condition is not a hedge on what follows it
CONDITION = re.compile(r"\b(?:if|when|once|as\s+soon\s+as)\s+I\b[^,]*,\s*$", re.IGNORECASE)
HEDGED = re.compile(r"\b(?:if|maybe|probably|perhaps|might|could|would|'d|unless|whether)\b", re.IGNORECASE)
REPORTED = re.compile(r"\b(?:said|says|told|tells|mentioned|promised|asked)\b", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:not|never|n't|haven't|hasn't|didn't|forgot|forgotten|yet)\b", re.IGNORECASE)
IN_MEETING = re.compile(
    r"\b(?:on|onto|up\s+on)\s+(?:the\s+|this\s+|that\s+)?(?:screen|board|whiteboard|slide|projector)\b"
    r"|\bmake\s+(?:this|it|that)\s+(?:quick|short|brief)\b|\bmake\s+(?:a\s+)?notes?\b"
    r"|\bfor\s+(?:about\s+)?(?:a|one|two|a\s+few|\d+)\s+(?:seconds?|minutes?|moments?)\b|\bask\s+you\b"
    r"|\bwrite\s+(?:\w+\s+){0,3}?down\b|\b(?:presentation|slides?|slide\s+show)\s+(?:running|up|going|on)\b"
    r"|\bgo\s+ahead\s+and\s+(?:\w+\s+){1,3}?presentation\b"  # "go ahead and make a brief presentation": now
    r"|\bfull\s+screen\b|\bshar(?:e|ing)\s+(?:my|the|your|our)\s+screen\b|\btalking\b"
    # (but "I'll put up the minutes and these PowerPoint slides" is work)
    r"|\b(?:microphones?|mics?|laptops?|cables?|powerpoint(?!\s+(?:slides?|files?|documents?))|the\s+pen)\b"
    r"|\bhere\b\s*[.?!]*$|\bnow\b\s*[.?!]*$"
    # "do you want me to do my evaluation last?", "I'll finish up with a bit of discussion": the meeting's order
    r"|\b(?:first|last)\s*[.?!]*$|\b(?:finish|start|end)(?:\s+up|\s+off)?\s+with\b"
    # the agenda: "I'm gonna do an opening", "I'm gonna review the minutes of the last meeting"
    r"|\bdo\s+(?:an|the)\s+opening\b|\b(?:review|go\s+(?:over|through)|recap)\s+(?:\w+\s+){0,2}?minutes\b",
    re.IGNORECASE,
)
FORGOT = re.compile(r"\bforg(?:o|ot|otten)\s+to\s+(?P<what>.+?)\s*,?\s*but\s+I\s+will\b", re.IGNORECASE)
PROPOSAL = re.compile(r"\b(?:we\s+can|we\s+could|you\s+could|can\s+you|could\s+you|should|let's|someone|somebody)\b",
                       re.IGNORECASE)
CLAUSE_END = re.compile(
    r"\s*(?:[,;]\s*(?:and|but|so|please|okay|right|yeah|then)\b|\s+(?:and|but|so)\s+(?:you|I|we|he|she|they)\b"
    r"|\s+and\s+(?=(?:the\s+)?\w+(?:\s+\w+){0,2}\s+(?:is|are|will|'s|gets?)\s)|,\s*I\s+(?:guess|think)\b"
    r"|,\s*(?:I|we|you)(?:'ll|\s+will)\b|,\s*(?=the\b)|\s+so\s+(?:that|you)\b|\s+and\s+then\b|\s+because\b|[.?!]|$)",
    re.IGNORECASE,
)
# "get to see", "get kicked", "do something with button A", "do it as quick as possible", "asking if you feel ...":
# no work said
VAGUE_WORK = re.compile(r"get\s+to\b|get\s+(?!started\b)\w+ed\b"
                         r"|(?:do|put)\s+(?:something|anything|any|it|stuff|things)\b|ask(?:ing)?\s+(?:if|whether)\b"
                         r"|do\s+without\b"  # "I'll do without that"
                         # "do some individual work", "work on your individual works": which work, unsaid
                         r"|(?:do|work\s+on)\s+(?:(?:some|your|my|our|their)\s+)?(?:(?:individual|own|personal)\s+)?"
                         r"works?\s*$", re.IGNORECASE)
MAIN_CLAUSE = re.compile(r"\b(?:you|we|I|it|they|that)(?:'ll|\s+will|'d|\s+would)\b|\bthen\b", re.IGNORECASE)
FILLER_WORDS = re.compile(r"\b(?:(?<!let\s)you\s+know|sort\s+of|kind\s+of|I\s+guess|basically|like)\b\s*",
                          re.IGNORECASE)
VERB_WORDS = frozenset(
    w for v in [*_VERBS, *re.findall(r"[a-z]+", _PHRASAL)] for w in (v, _gerund(v), stem(v))
) | {"sent", "done", "did", "made", "wrote", "written", "put", "thinking", "think", "about", "bit", "thing", "things"}


MAX_WORDS = 18


def clause(sentence: str, start: int) -> str:
    """The words from `start` to the end of their clause, at most MAX_WORDS."""
    rest = sentence[start:]
    end = CLAUSE_END.search(rest, 1)
    words = rest[: end.start() if end else len(rest)].split()
    return " ".join(words[:MAX_WORDS])


# words that say when, or nothing in particular: "do next", "do the same", "do some stuff"
_VAGUE_WORDS = frozenset("next now then later again also first soon today tomorrow time week same some something "
                         "stuff anything everything lot lots".split())


def content_words(text: str) -> set[str]:
    """The words that say what the work is: no function words, no work verbs."""
    return {stem(w) for w in tokens(text) if len(w) > 2 and w not in STOPWORDS and w not in VERB_WORDS
            and w not in _VAGUE_WORDS}


def says_what(text: str) -> bool:
    """Whether words say what the work is: a content word, or a work word used as a noun ("the working design")."""
    nouns = re.findall(r"\b(?:the|a|an|your|our|my|some)\s+(?:\w+\s+)?([a-z]{4,})\b", text.lower())
    return bool(content_words(text)) or any(n not in _VAGUE_WORDS and n not in STOPWORDS for n in nouns)


def closes(claim: str, item_text: str) -> bool:
    """Whether what a claim says is done is this item: at least half of the item's content words."""
    wanted = content_words(item_text)
    return bool(wanted) and len(content_words(claim) & wanted) * 2 >= len(wanted)
