"""Cue phrases that signal what a question asks, matched on canonical question text.

Groups named `c`, `c1`, `c2`... mark the scaffolding to cut away around the named item (without them the
whole match is cut); a group `p` marks a person. Words are single-spaced and lowercase; contractions are
expanded and a possessive is its own word ("omar 's plate").
"""

from __future__ import annotations

import re

from app.ingest.models import EntityType, Status


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_TAIL = (r"(?: (?:anything|something|right now|now|currently|at the moment|these days|this week|still|today"
        r"|at all|else))*")
_WORK = r"(?:items?|things?|projects?|features?|tasks?|work(?: items)?|stuff|workstreams?|else|other \w+)"
_WHAT_WORK = rf"(?:what|which)(?: (?:\w+ )?{_WORK})?"  # "what", "which items", "which blocked items"
_LEAD = r"^(?:\w+ ){0,3}?"  # "so", "ok tell me", "can you show me" before the question proper
_POLITE = (r"^(?:(?:please|ok|okay|so|hey|can you|could you|would you|will you|help me|i want to|i need to"
           r"|let us) )*")
_SLIPS = (
    r"slips?|slipped|slipping|slides"
    r"|(?:is|gets|got|was|were|is getting) (?:delayed|cancell?ed|dropped|pushed(?: back| out)?)"
    r"|(?:is|runs|running|goes|went) late|falls? behind|fails|failed|stalls|stalled|goes wrong|blows up|takes longer"
    r"|(?:does|did) not (?:ship|land|finish)|misses|missed|(?:is|was) not (?:done|finished|ready)|never ships"
)

COUNT = (_cue(r"\b(?P<c>how many|(?:total )?number of|count(?: of| the)?|tally of)\b"),)
LISTING_WORDS = _cue(
    r"\b(?:items?|things?|projects?|features?|tasks?|work ?items?|work|workstreams?|stuff|everything|anything"
    r"|all|any|list|show|are there|is there|there|currently|right now|that|which|open|unfinished|outstanding"
    r"|remaining|left)\b"
)
_MOST = (r"longest|biggest|heaviest|riskiest|largest|most critical|most (?:remaining )?work(?: left)?|most remaining"
         r"|most effort")
CRITICAL = (
    _cue(r"\b(?P<c>critical (?:path|chain)s?)\b"),
    _cue(rf"\b(?P<c1>{_MOST})\b.*?\b(?P<c2>chains?|paths?|sequences?)\b"),
    _cue(rf"\b(?P<c1>chains?|paths?|sequences?)\b.*?\b(?P<c2>{_MOST})\b"),
)
CRITICAL_FILLER = _cue(
    r"\b(?:unfinished|open|remaining|outstanding|incomplete|pending|of|work|dependency|dependencies|carries|carry"
    r"|contains|involves|has|have|left|the most|effort|items|tasks)\b"
)

_PATH_VERB = (r"depends? on|depend upon|dependent (?:on|upon)|rel(?:y|ies) on|needs?|requires?|hinges? on|waits? on"
              r"|(?:connected|linked|related|tied|chained) to")
PATH = (
    _cue(r"^(?:(?!what|which)\w+ ){0,3}?(?P<c1>how come|how|why|in what way|is|does|do|did|are|will)\b"
         r"(?: (?:does|do|is|are|exactly))? .+? "
         rf"(?P<c2>{_PATH_VERB})\b .+$"),
    _cue(r"\b(?P<c1>path|chain|route|links?|connection|trail|trace|lineage|sequence|walk me)\b.*?\b(?P<c2>from)\b .+? "
         r"(?P<c3>to|back to|down to|through to|up to)\b .+$"),
    _cue(r"\b(?P<c0>paths?|chains?|links?|connections?|relationships?|dependency|dependencies|relation|route)\b.*?"
         r"\b(?P<c1>between)\b .+? (?P<c2>and)\b .+$"),
    _cue(r"^how (?:are|is|do|does) .+? (?P<c1>and) .+ (?P<c2>connected|linked|related|tied together|chained|connect"
         r"|link|relate|tie together|tie in)$"),
    _cue(r"^what (?P<c1>connects|links|ties|chains) .+? (?P<c2>to|and|with) .+$"),
)
PATH_REVERSED = (  # the dependency is named first: "does SSO block the portal"
    _cue(_LEAD + r"(?P<c1>how|why|does|is|do|are)\b(?: (?:does|do|is|are))? .+? "
         r"(?P<c2>blocks?|blocking|gates?|gating|holds? up|holding up|feeds? into|feeding into|unblocks?|enables?)"
         r" .+$"),
)

SUMMARY_NOUNS = _cue(
    r"\b(?P<c>summari[sz]e|summari[sz]ing|summary|summaries|recap|recaps|minutes|overview|highlights|tldr|tl dr"
    r"|rundown|run-down|debrief|key points|main points|takeaways|gist|notes from|brief me|briefing)\b"
)
SUMMARY = (
    SUMMARY_NOUNS,
    _cue(r"\b(?P<c>(?:was|were|got|did we|did you|do we|did they) (?:discuss|discussed|cover|covered|talk about"
         r"|talked about|go over|gone over|went over|review|reviewed)|happened|went on|came up|was said"
         r"|were the topics)\b"),
)
MEETING_WORDS = _cue(r"\b(?:meeting|meetings|sync|call|standup|stand-up|session)\b")
SUMMARY_FILLER = _cue(r"\b(?:topics?|subjects?|themes?|points|issues|things|stuff)\b")

SEARCH = (
    _cue(r"\b(?P<c>talk(?:ed|ing|s)? about|discuss(?:ed|es|ing)?|discussions?|mention(?:ed|s|ing)?|said|say|says"
         r"|saying|bring up|brought up|bringing up|raised?|come up|came up|comes up|conversations?|chat(?:ted)? about"
         r"|references? to|referred to|refer to|spoke about|spoken about|speak about|anything (?:on|about)"
         r"|notes (?:on|about)|quotes? (?:about|on))\b"),
    _cue(_POLITE + r"(?P<c>search (?:for|the meetings for|transcripts for|meetings for)|look up|look for|grep(?: for)?"
         r"|find (?:me )?(?:all |any |the |every )?(?:discussions?|conversations?|mentions?|references?|notes|places"
         r"|times|meetings?|anything|everything|where|when|quotes?|transcripts?)"
         r"(?: (?:about|on|of|regarding|for|where|that|mentioning|with))?)\b"),
)
BARE_SEARCH = (_cue(_POLITE + r"(?P<c>search|grep)\b"),)  # tried last: "Search API status" asks for a status
SPEAKER = _cue(
    r"\b(?:did|does|has|had|have) (?P<p>(?!(?:we|you|i|they|anyone|anybody|someone|somebody|everyone|everybody"
    r"|people|the team|team)\b)\w+(?: \w+)?) (?:say|said|mention|mentioned|think|thought|report|reported|bring up"
    r"|raise|suggest|suggested|propose|proposed|talk about|discuss|note)\b"
)

_WHY_SLOW = (r"blocked|stuck|delayed|late|behind(?: schedule)?|slipping|slipped|slow|stalled|on hold|at risk|paused"
             r"|waiting|held up|not (?:moving|done|finished|progressing|started|shipped|complete|completed|ready)"
             r"|taking (?:so|this|that) long")
WHY_BLOCKED = (
    _cue(rf"^(?P<c1>why)\b.*?\b(?P<c2>{_WHY_SLOW})\b"),
    _cue(r"^(?P<c1>why) (?:has|have|is|are|did|does|was|were|can|could) (?P<c2>not)\b"),
)

DEPENDENTS = (
    _cue(_LEAD + rf"(?P<c1>(?:what|which|who)(?: {_WORK})?|anything|everything|any \w+|things|items|stuff)"
         r"(?: else)?(?: (?:is|are|will|would|could|might|do|does|that|actually|currently|still|directly))* "
         r"(?P<c2>depends? on|depending on|dependent on|rel(?:y|ies|ying) on|needs?(?! to\b)|requires?"
         r"|waiting (?:on|for)|waits? (?:on|for)|blocked by|held up by|gated (?:on|by)|stuck (?:on|behind)|builds? on"
         r"|built on|downstream of|hinges? on|hinging on"
         r"|can not (?:start|proceed|begin|ship|finish|move) (?:until|without|before))\b"),
    _cue(rf"^(?:\w+ ){{0,2}}?(?P<c1>{_WHAT_WORK}|who|anything)(?: else)?"
         r" (?P<c2>is|are|does|do|will|would|could|might)"
         r" .+? (?P<c3>blocking|block|blocks|unblock|unblocking|gate|gating|holding up|hold up|holding back|hold back"
         r"|feed into|feed|feeding into|feeding|enable|enabling|unlock|unlocking|needed for|needed by|required for"
         r"|required by|used by|used for|relied on by|a prerequisite for|a dependency for|a dependency of|upstream of"
         rf"|prerequisite for){_TAIL}$"),
    _cue(r"\b(?P<c>affected|affect|affects|impacted|impact|impacts|knock-on(?: effects?)?|knock on effects?"
         r"|ripple effects?|blast radius|downstream|fallout|consequences?|at stake|dependents|dependent items)\b"),
    _cue(rf"\b(?P<c1>if|when|should|in case|assuming)\b .+? (?P<c2>{_SLIPS})\b"),
)
DEPENDENTS_FILLER = _cue(
    r"\b(?:hit|hurt|broken|break|breaks|suffer|suffers|delayed|be late|late|stuck|blocked|in trouble|happens|happen"
    r"|else|would|effect|effects|slip|slips|slipped|slipping|delays? (?:to|on|in|of|with)|delay|slippage|ships"
    r"|finishes|lands|completes|is (?:done|finished|complete|shipped))\b"
)

DEPENDENCIES = (
    _cue(_LEAD + rf"(?P<c1>{_WHAT_WORK}|who)(?: else)? (?P<c2>does|do|did|will|would|is|are|has|have) .+? "
         r"(?P<c3>depends? on|dependent on|dependent upon|depend upon|rel(?:y|ies) on|rely upon|need|needs|require"
         r"|requires|hinge on|build on|based on|built on top of|wait on|sits? on top of|downstream of)"
         r"(?: first| to (?:start|begin|proceed|finish|ship|launch|complete|go live|move forward|land))?"
         r"(?P<c4> (?:before|so|until) (?:it|we|they|you) .+)?"
         rf"{_TAIL}$"),
    _cue(r"\b(?P<c1>must|need to|needs to|has to|have to|should|got to|gotta|needed to|had to|ought to|need|needs)\b"
         r" (?:be )?(?:get )?"
         r"(?P<c2>finish(?:ed)?|complete(?:d)?|done|happen|ship(?:ped)?|land(?:ed)?|go out|closed?|end|delivered|ready"
         r"|in place|first)\b.*?(?P<c3>before|prior to|ahead of|for|so)\b"),
    _cue(r"\b(?P<c>prerequisites?|pre-?reqs?|dependencies|dependency (?:for|of)|upstream|predecessors?"
         r"|(?:depends?|dependent|rel(?:y|ies)) on (?:what|which|anything|something|any other|other))\b"),
    _cue(r"\b(?:is|are) (?P<c>needed|required|necessary|missing|outstanding|left)"
         r" (?:for|before|to (?:start|finish|ship))\b"),
    _cue(r"\b(?P<c>comes? before|comes? first|goes? first|has to come first|to be done first|to happen first)\b"),
    _cue(r"^(?:\w+ ){0,3}?(?P<c1>what|which) .+? (?P<c2>depends on|relies on|needs|requires)$"),
    _cue(r"^(?P<c1>before)\b.*\b(?P<c2>(?:has|have|needs?|ought) to|must|should) (?:be )?"
         r"(?P<c3>finish(?:ed)?|complete(?:d)?|done|happen|ship(?:ped)?|land(?:ed)?|ready)\b"),
)

PAST_BLOCKED = _cue(r"\b(?:was|were)\b.*\b(?:blocked|stuck|held up|on hold)\b")  # "was X blocked on Feb 9?"
BLOCKERS = (
    _cue(r"\b(?P<c>blocking|blocks|blocked|blocker|blockers|block|blockage|blockages|held up|hold-?ups?"
         r"|stuck (?:on|behind|waiting on|waiting for)|stuck"
         r"|impediments?|obstacles?|preventing|stopping|waiting on|waiting for|in the way(?: of)?|stalled|stalling"
         r"|bottlenecks?|gating|standing in the way(?: of)?|slowing(?: down)?|holding up|holds up|hold up"
         r"|holding back)\b"),
    _cue(r"\b(?P<c1>holding|holds|hold|held|keeping|keeps)\b .+? (?P<c2>up|back)\b"),
    _cue(r"\b(?P<c1>keeping|keeps|stopping|stops|preventing|prevents)\b .+? (?P<c2>from)\b"),
)

_TECH = (r"tech|technology|technologies|tool|tools|stack|framework|frameworks|database|db|vendor|library|libraries"
         r"|platform|language|provider|solution|approach|option|engine|queue|broker")
DECISIONS = (
    _cue(r"\b(?P<c>decide|decided|deciding|decision|decisions|choose|chose|chosen|choosing|choice|choices"
         r"|pick(?:ed|ing|s)?(?! up)|select(?:ed|ing)?|selection|settle(?:d)? on|settling on|opt(?:ed)? for"
         r"|(?:we|we are|are we|did we|we will|will we) (?:be )?(?:go|going|went|gone) with|agreed?(?: on| to)?"
         r"|final call|conclu(?:de|ded|sion)|landed on|land on|verdict|(?:made|make|making) (?:a|the) call"
         r"|plan of record)\b"),
    _cue(r"\b(?P<c>(?:are|were|will|do|did|does|is|should) (?:we|they|you|it|\w+) (?:be )?(?:using|use|built on"
         r"|built with|running on|run on|based on|powered by)"
         r"|(?:is|was|will be) (?:being )?(?:built|running|based|powered) (?:on|with|by)"
         r"|built on|built with|powered by|runs on|running on)\b"),
    _cue(rf"\b(?P<c1>(?:what|which) (?:{_TECH}))\b.* (?P<c2>using|use|uses|built on|built with|running on|runs on"
         r"|based on|powered by|run on)\b"),
)
DECISION_FILLER = _cue(
    rf"\b(?:(?:what|which) (?:{_TECH})|to use|using|use|call on)\b|(?<= 's )(?:{_TECH})\b"
    rf"|\b(?:a|an|the) (?:{_TECH})(?= (?:for|on|to)\b)"
)

_OWN_VERB = (r"working on|work on|works on|doing|busy with|busy on|handling|handle|handles|own|owns|owning"
             r"|responsible for|in charge of|leading|lead|leads|running|run|runs|driving|drive|drives|looking after"
             r"|look after|looks after|assigned|assigned to|on the hook for|accountable for|focused on|focusing on"
             r"|managing|manage|manages|(?:got|have|has) on (?:his|her|their) plate|juggling|tackling"
             r"|(?:have|has|got) going on|have|has|got")
ON_PLATE = (_cue(r"\bon (?P<p>.+?) 's (?P<c>plate|list|desk|radar|queue|backlog|docket|agenda)\b"),)
OWNED_BY = (
    _cue(rf"^(?:(?!how|why|where|when|who)\w+ ){{0,2}}?(?P<c1>{_WHAT_WORK}|anything|everything|is|does|do"
         r"|has)(?: else)?(?: (?P<c2>is|are|does|do|has|have|did|was|were|got))?"
         rf" (?P<p>.+?) (?P<c3>{_OWN_VERB}){_TAIL}$"),
    _cue(r"\b(?P<p>\w+(?: \w+)?) 's (?P<c>items|tasks|work|projects|features|stuff|workload|plate|responsibilities"
         r"|assignments|queue|portfolio|open items|things)\b"),
    _cue(r"^(?:\w+ ){0,2}?(?:what|which|list|show|everything|anything|all|items?|tasks?|projects?|features?|things"
         r"|stuff|work)\b.*?\b(?P<c>assigned to|owned by|led by|handled by|run by|belonging to|belongs to|under)"
         r" (?P<p>.+)$"),
)

_OWNER_WORDS = (r"owned|responsible|in charge|go-to|contact for|ask about|talk to|took over|taking over|picked up"
                r"|behind|heading up|heads up|heading|heads|maintains|maintaining|the person|person|of|for|on|ping"
                r"|ask|contact|reach out to|message|go to|about|regarding|plate|lead|owner|dri")
OWNER = (
    _cue(rf"\b(?P<c>who|whom|(?:which|what) (?:person|people|individual|team member|one of us))\b"
         rf"(?=.*\b(?:{_OWN_VERB}|{_OWNER_WORDS})\b)"),
    _cue(r"\b(?P<c>whose)\b"),
    _cue(r"\b(?P<c>owner|owners|ownership|point person|point of contact|dri|assignee|responsible person)\b"),
    _cue(r"\b(?P<c>(?:assigned|owned) (?:to|by) (?:anyone|anybody|someone|somebody|whom|who))\b"),
)
OWNER_FILLER = _cue(rf"\b(?:{_OWN_VERB}|{_OWNER_WORDS})\b")

_ACTION_NOUNS = (r"action items?|action points?|actions|to-?dos?|to do list|next steps?|follow-?ups?|follow ups?"
                 r"|commitments?|promises|assignments|homework")
_TAKE_ON = r"(?:do|doing|take on|taking on|take care of|handle|deliver|delivering|get done|work on)"
OVERDUE = _cue(r"\b(?P<c>overdue|past due|past (?:its|their) due dates?|late on|behind on (?:their|his|her|my)"
               r"|missed (?:its|their|the|our|any|our) (?:due dates?|deadlines?)|deadlines? (?:have|has) we missed"
               r"|deadlines? (?:did|have) we miss(?:ed)?)\b")
_PEOPLE = r"(?:we|you|they|the team|everyone|everybody|people|i)"
ACTION_ITEMS = (
    _cue(rf"\b(?P<c>{_ACTION_NOUNS})\b"),
    OVERDUE,
    _cue(rf"\b(?P<c>(?:(?:did|do|have|had) )?{_PEOPLE} (?:agree|agreed|promise|promised|commit|committed|offer|offered"
         rf"|volunteer|volunteered|say we would|said we would|said i would) to {_TAKE_ON}"
         rf"|(?:(?:did|do|have) )?{_PEOPLE}"
         r" (?:sign|signed) up for)\b"),
    _cue(r"\b(?P<c>(?:what|which) (?:tasks|work|things|jobs|actions) (?:were|got|have been) (?:handed out|given out"
         r"|assigned|shared out|divided up|split up))\b"),
    _cue(r"^(?P<c>who(?: else)? (?:(?:is|are|was|were|will be|has been) )?"
         r"(?:(?:going|supposed|meant|expected|on the hook"
         r"|volunteered|agreed|promised|offered|committed|signed up|said (?:they|he|she) would) to(?: be)?"
         r"(?! (?:own|lead|run|drive|manage)\b)|(?:is|are|will be) (?:doing|taking on|looking into|taking care of)"
         r"|will(?! (?:own|lead|run)\b)|said (?:they|he|she) would|owes?)\b)"),
    _cue(r"\bwhat (?P<c1>does|do|did|is|are|was|were|should|must) "
         r"(?P<p>(?!we\b|you\b|they\b|i\b|the team\b)\w+(?: \w+)?)"
         r" (?P<c2>(?:have|need|got|supposed|meant|expected|promised|committed|agreed|going|signed up|volunteered|say"
         r"|said) to (?:do|deliver|get done)|have left to do|still have to do|get done|deliver|owe us|owe)\b"),
    _cue(r"\b(?P<p>\w+(?: \w+)?) 's (?P<c>action items?|action points?|to-?dos?|to do list|next steps?|follow-?ups?"
         r"|commitments?|promises)\b"),
    _cue(rf"\b(?P<c>(?:{_ACTION_NOUNS}) (?:for|of|assigned to|owned by)) (?P<p>(?!the\b|a\b|an\b)\w+(?: \w+)?)"
         r"(?: (?:from|in|since|last|this|due)\b.*)?$"),
)
ACTION_FILLER = _cue(r"\b(?:open|outstanding|pending|remaining|left|are|is|what|which|the|our|any|all|list|show)\b")
ACTION_DONE = _cue(r"\b(?:done|finished|completed|closed|delivered|ticked off)\b")

CHANGES_SINCE_DATE = (_cue(r"\b(?P<c>since|ever since)\b"),)
CHANGE_WORDS = (
    _cue(r"\b(?P<c>changed|changes|change|(?:what is|anything|something) new|happened|different|moved|shifted"
         r"|updated|happening|catch me up|catch up|fill me in|bring me up to speed|up to speed)\b"),
)
CHANGE_FILLER = _cue(r"\b(?:new|stuff|things|compared(?: to| with)?|versus|vs)\b")
NEWS_WORDS = (_cue(r"\b(?P<c>news|latest|updates|recent changes|anything new)\b"),)

TIMELINE = (
    _cue(r"\b(?P<c>history|histories|timeline|timelines|time line|evolve|evolved|evolving|evolution|over time"
         r"|over the (?:weeks|months|meetings|course of \w+)|across (?:the )?meetings|week by week|week over week"
         r"|meeting by meeting|trajectory|journey|chronology|chronological|progression|changelog|change log|audit trail"
         r"|track record|past status(?:es)?|status history|progressed|developed|development|changed|changes"
         r"|happened to|happened with|walk me through|over the past|so far|develop|developing|every status"
         r"|all (?:the )?(?:past |previous )?statuses|previous statuses|past states|gone through|been through)\b"),
)
HOW_FAR = _cue(r"\bhow (?:far|much)\b")

STATUS = (
    _cue(r"\b(?P<c>state of play|status|statuses|state|standing|stand|stands|progress|progressing|update|updates"
         r"|doing|going|coming along|getting on|shaping up|coming|looking|looked like|look like|looks|look|tracking"
         r"|on track|off track|how far along|far along|how far|how much|how close|percent|percentage|complete|completed"
         r"|completion|done|finished|shipped|live|started|begun|kicked off|launched|landed|at risk|blocked|health"
         r"|healthy|eta|where are we(?: at)?|where do we stand|where does|where is|where was|where were"
         r"|what is up with|what is new with|news on|latest on|the latest|how is|how are|how was|how were|situation"
         r"|pulse|any word on|word on|update on|tell me about|what about|info on|details on|how about|the deal with"
         r"|the story (?:with|on)|the situation with|the scoop on|the lowdown on"
         r"|(?:what|which) (?:stage|phase|point))\b"),
    _cue(r"\b(?P<c1>where)\b.*? (?P<c2>is at|are at|stands|is now|sits)$"),
)

_STATUS_WORDS: list[tuple[Status, str]] = [
    (Status.PLANNED, r"planned|not (?:yet )?started|upcoming|to do|todo|pending|queued|in the backlog|scheduled"
                     r"|not begun"),
    (Status.CANCELLED, r"cancell?ed|dropped|killed|scrapped|abandoned|shelved|axed"),
    (Status.BLOCKED, r"blocked|stuck|on hold|held up"),
    (Status.AT_RISK, r"at risk|slipping|behind schedule|behind|off track|in trouble|late|delayed|risky|in danger"),
    (Status.DONE, r"done|finished|complete|completed|shipped|delivered|closed|launched|live|wrapped up"),
    (Status.IN_PROGRESS, r"in progress|ongoing|underway|under way|active|in flight|being worked on|started|wip"
                         r"|in development"),
]
STATUS_WORDS = [(status, _cue(rf"\b(?:{words})\b")) for status, words in _STATUS_WORDS]
TYPE_WORDS = [
    (EntityType.PROJECT, _cue(r"\bprojects?\b")),
    (EntityType.FEATURE, _cue(r"\bfeatures?\b")),
    (EntityType.TASK, _cue(r"\btasks?\b")),
]

# Words a misspelt word may be corrected to: the cue words above, spelt out in full, and the base forms
# of those that are plurals (so "project" is not "corrected" to "projects").
VOCABULARY = tuple(sorted(set("""
blocking blocks blocked blocker blockers block blockage holding stuck impediment impediments obstacle obstacles
preventing stopping waiting stalled bottleneck bottlenecks depend depends depending dependent dependency dependencies
dependents prerequisite prerequisites require requires needed required relies rely upstream downstream affected
impacted impact affect slips slipped slipping delayed cancelled canceled critical longest chain chains path paths
sequence connected linked related status progress progressing progressed update updates doing going coming along
shaping tracking percent percentage complete completion finished shipped history timeline timelines evolve evolved
evolving evolution trajectory journey chronology progression changelog changed changes change happened different
since latest decide decided deciding decision decisions choose chose chosen choosing choice choices picked picking
select selected selection settle settled agreed conclude concluded conclusion verdict using built powered technology
tools stack framework database vendor library platform language provider owns owner owners ownership responsible
charge leading running driving handling working assigned accountable managing manages looking plate workload
summarise summarize summary recap minutes overview highlights rundown debrief takeaways discussed discuss discussion
discussions talked mentioned mention conversation conversations brought raised search between where which whose
planned started upcoming pending queued scheduled dropped killed scrapped abandoned shelved behind risk delivered
launched underway ongoing active meeting meetings projects features tasks items things many number count
project feature task item thing delay delays action actions overdue commitments commitment steps
""".split())))
