"""Word lists the rule-based extractor reasons with.

Only closed-class words, discourse markers and generic nouns live here: the
vocabulary that tells a noun phrase naming a work item apart from the grammar
around it. Cue phrases (predicates) live in `frames.py`. Open-class word forms
(is this word a verb?) come from lemminflect's English lemma tables, shipped in
its wheel; given names from Faker's English person data, shipped in its wheel too.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas

from app.ingest.models import EntityType

DEFINITE_DETERMINERS = frozenset("the our their your my his her its this that these those whole entire".split())
# A noun phrase introduced by one of these is not a reference to a named work item.
INDEFINITE_DETERMINERS = frozenset("a an some any another more no every each several many few much other lots".split())
ITEM_PRONOUNS = frozenset("it that this they them these those".split())
# Groups of people: they act on items ("leadership pulled the plug on X") but are neither items nor owners.
AGENT_NOUNS = frozenset(
    "team teams squad crew devs developers engineers engineering leadership management execs stakeholders "
    "marketing legal finance sales ops client clients vendor vendors everyone".split()
)
AUXILIARIES = frozenset("is are was were be been am 's 're 'm has have had 've will 'll would 'd".split())
# Words that take a to-infinitive: "happy to report X" - the word after "to" is a verb, not part of X.
INFINITIVE_TAKERS = frozenset(
    "happy glad pleased sad sorry want wants wanted need needs needed going able unable trying try tried like "
    "love hoping hope plan planning planned decided agreed chose started begin began continue continued "
    "forgot remember managed".split()
)
PERSON_PRONOUNS = frozenset(
    "i me we us you he she him her everyone everybody someone somebody anyone anybody nobody "
    "myself ourselves yourself y'all folks guys team who whoever".split()
)

_AUXILIARIES = (
    "is are was were be been being am 's 're 'm 've 'd 'll has have had having do does did done doing "
    "will would shall should can could may might must ought "
    "isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't "
    "shouldn't can't cannot couldn't mustn't n't ca wo gonna wanna gotta"
)
_CONTRACTIONS = (
    "it's that's there's here's what's who's where's how's let's we're you're they're i'm "
    "i've we've you've they've i'll we'll you'll they'll it'll that'll i'd we'd you'd they'd"
)
_PREPOSITIONS = (
    "on in at by for with from to of into onto over under until till about through throughout "
    "after before behind during without within across against around toward towards via per "
    "than since upon off out up down along amid among beside besides beyond like as "
    "inside outside underneath beneath above below between near except unlike versus worth"
)
_CONJUNCTIONS = "and or but nor so yet plus because though although while whereas if unless whether once when then"
_ADVERBS = (
    "now still already just also too again anymore yet really actually basically finally currently "
    "officially fully completely totally mostly partly partially nearly almost roughly about approximately "
    "around maybe perhaps probably possibly hopefully definitely certainly apparently clearly "
    "honestly frankly obviously luckily unfortunately fortunately sadly thankfully anyway anyhow "
    "very quite pretty rather somewhat slightly only even ever never not no longer first last next "
    "soon later earlier previously originally recently lately today tonight tomorrow yesterday "
    "here there where how why what which whose whom either neither both all otherwise instead "
    "forward ahead further back away together well right ok okay yeah yes yep nope sure so um uh "
    "uhm hmm oh ah well alright like kind sort bit lot little much far fine great good cool thanks "
    "thank please sorry hey hi hello bye oops wow nice awesome perfect exactly true false "
    "same different late early overall generally typically usually due ready pending"
)
_VERBS = (
    "think thinks thought believe believes guess guessed feel feels felt hope hopes know knows knew "
    "mean means meant say says said tell tells told hear heard see sees saw seem seems seemed look "
    "looks looked looking sound sounds sounded reckon reckons suppose assume assumes expect expects "
    "want wants wanted need needs needed get gets got getting go goes went going gone come comes came "
    "coming make makes made making take takes took taking give gives gave giving put puts keep keeps "
    "kept let lets try tries tried trying check checked confirm confirms confirmed mention "
    "mentions mentioned reported note notes noted notice noticed remember recall "
    "worry worried worries afraid concerned glad happy pleased sad excited surprised sure aware "
    "share sharing show showing talk talking discuss discussing move moving moved wait waiting "
    "work working worked start started starting begin began begun beginning finish finished "
    "finishing ship shipped shipping mark marked flagged complete completed set call called agree agreed decide "
    "decided use used using built building run running ran lead leading led own owns owned "
    "handle handling handled drive driving drove driven pick picked picking hand handed handing "
    "assign assigned assigning happen happens happened slip slips slipped slipping recover "
    "recovered recovering continue continues continued proceed proceeds proceeded resume resumed "
    "land landed landing launched launching released deliver delivered wrap wrapped "
    "close closed cancel cancelled canceled cancelling canceling scrap scrapped drop dropped "
    "block blocks blocking hold holds holding held stuck depend depends depending require requires "
    "required rely relies relied wants goes got do did does sit sits sat stand stands stood"
)
# Verbs that are rarely nouns in project talk, in the forms people use between a subject and a cue
# ("X has reached 40%", "until Z ships"); verbs that double as nouns (test, search, report) stay out.
_MORE_VERBS = (
    "sit sits sitting sat stand stands standing stood reach reaches reached reaching hit hits hitting fall falls "
    "falling fell fallen stay stays stayed staying remain remains remained ships lands slips finishes wraps "
    "closes moves runs happens gets makes takes holds stalls stalled lags lagging misses missed missing drops "
    "catch catches caught catching ended becomes became become lose loses lost gain gains gained "
    "hits pushed pulled bring brings brought bringing send sends sent "
    "sending find finds found finding give gives seem seemed appear appears appeared "
    "turn turns turned turning kick kicks kicked kicking keep keeping grow grows grew growing climb climbs climbed "
    "jump jumps jumped jumping inch inches inched inching creep creeps crept crawl crawls crawled hover hovers "
    "hovered hovering tick ticks ticked ticking stuck sitting needs waits proceeds continues goes comes arrives "
    "arrived arrive lets said says suggest suggests suggested propose proposes proposed confirm decide decides "
    "handed volunteered cooperate cooperates cooperated "
    "complete completes completing finish finishes wrap wrapping closing opened reopened flag earnest "
    "flagging marking calling setting putting offline online else whatever most least enough such own "
    "other others long"
)
_INTERJECTIONS = (
    "huh nuh eh ugh whew whoa yay gee ooo oops ho yo wha ah aha oh ooh uh-huh uh-oh yeah yup nah mhm hm "
    "absolutely excellent interesting fantastic super wonderful awesome cool wow damn gosh jeez cuz cos coz"
)
# Reflexive and intensive pronouns end a noun phrase: "the schools themselves", "identified themselves".
_REFLEXIVES = "myself yourself himself herself itself oneself ourselves yourselves themselves"
_DISCOURSE_NOUNS = (
    "news update updates fyi heads-up reminder quick note worst best case sync standup stand-up retro call meeting"
)
# Time words end a name: "last week Onboarding Flow was at 40%".
_TIME_WORDS = (
    "week weeks month months year years day days today tonight tomorrow yesterday morning afternoon evening "
    "weekend monday tuesday wednesday thursday friday saturday sunday ago eod eow"
)

CLOSED_WORDS = frozenset(
    " ".join(
        [
            _AUXILIARIES,
            _CONTRACTIONS,
            _PREPOSITIONS,
            _CONJUNCTIONS,
            _ADVERBS,
            _VERBS,
            _MORE_VERBS,
            _INTERJECTIONS,
            _REFLEXIVES,
            _DISCOURSE_NOUNS,
            _TIME_WORDS,
        ]
    ).split()
)

# Nouns that name no particular work item on their own ("the work", "this week").
GENERIC_NOUNS = frozenset(
    """
    progress work status thing things stuff everything anything nothing something item items
    meeting meetings call calls screen screens way ways deadline deadlines schedule schedules plan plans
    risk risks track question questions point points part parts lot bit time times idea ideas
    problem problems side end ends one ones job jobs task tasks feature features project projects
    people person percent percentage number numbers moment today tomorrow yesterday week weeks
    month months quarter quarters sprint sprints day days year years morning afternoon evening
    monday tuesday wednesday thursday friday saturday sunday weekend minute hour hours
    team teams everyone everybody anyone someone help attention review approval sign-off signoff
    decision decisions update updates news blocker blockers dependency dependencies prerequisite
    owner owners lead issue issues case rest start beginning middle agenda notes note slide slides
    demo meantime while record sense goal goals target targets estimate estimates date dates
    bunch couple half quarter third chance reason reasons fact effort efforts priority priorities
    list step steps phase stage area areas space room mute audio video camera folks guys
    connection internet wifi line mic microphone sound concern concerns worry worries
    good news bad aim aims purpose objective objectives consideration considerations taste action actions
    top bottom front back left centre center plus minus information info figure figures
    answer answers situation situations difference differences amount amounts importance nature extent
    absence interest interests advantage advantages disadvantage disadvantages notion meaning aspect aspects
    potential confidence opposite intuition impact
    """.split()
)
# Thanks, praise and greetings, as a pattern: what they are said to is a person, never work.
COURTESIES = r"thanks|thank\s+you|cheers|well\s+done|good\s+job|welcome|hello|hi|bye"
# The basic colour terms: said alone, a colour is a value ("the colour should be yellow"), not a thing worked on.
COLOUR_WORDS = frozenset("black white red green yellow blue brown purple pink orange grey gray silver gold".split())

# Adjectives that pick out one of a kind by its place or its being the real one: "the final questionnaire" is
# a questionnaire, "this past one" is one, "the actual device" the device.
PICKING_WORDS = frozenset("actual final past previous initial original second third".split())
# ...and those that grade it: "a special colour" is the colour, "the basic principles" are principles.
GRADING_WORDS = PICKING_WORDS | frozenset(
    """
    favourite favorite special basic big small little new old good bad nice great simple young personal existing
    main whole same different certain particular general normal usual typical current possible real proper right
    wrong best better overall entire single essential
    """.split()
)

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
# Fractions spoken instead of percentages, when followed by done/through/of the way.
FRACTION_WORDS: dict[str, int] = {
    "halfway": 50,
    "half-way": 50,
    "half way": 50,
    "half": 50,
    "a quarter": 25,
    "one quarter": 25,
    "a third": 33,
    "one third": 33,
    "two thirds": 67,
    "two-thirds": 67,
    "three quarters": 75,
    "three-quarters": 75,
}

# Words that make a statement about the item's state non-factual when they precede the cue.
HEDGES = frozenset(
    "might may could would should maybe perhaps possibly hopefully potentially supposedly "
    "allegedly theoretically ideally wonder unsure probably".split()
)
NEGATIONS = frozenset("not n't never no nothing nobody none neither nor cannot".split())

# Words naming the kind of work item by their head noun (last word), or by a leading/trailing wrapper.
PROJECT_WORDS = frozenset("project program programme initiative workstream".split())
PROJECT_HEADS = frozenset("redesign overhaul rewrite revamp relaunch rebuild platform replatforming".split())
TASK_HEADS = frozenset(
    """
    migration migrations audit audits testing tests test upgrade upgrades cleanup refactor refactoring
    review rollout backfill deployment setup documentation docs research analysis training hiring spike
    investigation fix fixes bugfix patch evaluation assessment certification benchmark benchmarking
    cutover decommission decommissioning retrospective survey study onboarding-docs minutes
    """.split()
)
FEATURE_HEADS = frozenset(
    """
    service services api apis endpoint endpoints flow flows integration integrations dashboard dashboards
    gateway gateways portal page pages app apps model models ui ux widget module feature component
    button report reports search checkout login sso notifications notification pipeline pipelines
    plugin sdk cli bot tool engine workflow form view editor warehouse system library cache queue
    website site interface console extension connector scheduler
    """.split()
)


# Heads that name work without typing it (the type comes from `guess_type`).
_MORE_HEADS = frozenset(
    """
    design prototype pilot exporter importer tracker generator parser client server backend frontend database
    schema script crawler scraper release launch campaign experiment proposal contract upgrade
    """.split()
)
WORK_HEADS = FEATURE_HEADS | TASK_HEADS | PROJECT_HEADS | PROJECT_WORDS | _MORE_HEADS


def work_headed(head: str) -> bool:
    """Whether a name's last word (lower case) names work, in the singular or the plural."""
    return head in WORK_HEADS or head.rstrip("s") in WORK_HEADS

# Work areas people name with one bare lowercase word ("billing is done"); other bare single words
# ("parallel", "asked", "reading") are too often not names at all.
WORK_AREA_WORDS = frozenset(
    """
    billing onboarding payments checkout search login signup auth authentication authorization analytics
    reporting notifications messaging caching logging monitoring alerting infra infrastructure security
    compliance localization i18n accessibility observability provisioning deployment permissions
    """.split()
)


def guess_type(name: str) -> tuple[EntityType, bool]:
    """Type from the words of a name, and whether the guess rests on an explicit head/wrapper word."""
    words = [w.lower() for w in name.replace("-", " ").split()]
    if not words:
        return EntityType.FEATURE, False
    if words[0] in PROJECT_WORDS or words[-1] in PROJECT_WORDS or words[-1] in PROJECT_HEADS:
        return EntityType.PROJECT, True
    if words[-1] in TASK_HEADS:
        return EntityType.TASK, True
    if words[-1] in FEATURE_HEADS:
        return EntityType.FEATURE, True
    if len(words) == 1 and name[:1].isupper():
        return EntityType.PROJECT, False  # a bare proper name is usually a code-named project
    return EntityType.FEATURE, False


@lru_cache(maxsize=4096)
def finite_verb(word: str) -> bool:
    """A present-tense verb form that is never a noun ("relates", "consists"; not "needs", "controls")."""
    if not word.endswith("s"):
        return False
    lemmas = getAllLemmas(word.lower())
    return set(lemmas) == {"VERB"} and word.lower() not in lemmas["VERB"]


def number_word(word: str) -> bool:
    """A number said in words, also hyphenated ("twelve", "sixty-four")."""
    return word in NUMBER_WORDS or ("-" in word and all(part in NUMBER_WORDS for part in word.split("-")))


@lru_cache(maxsize=4096)
def english_word(word: str) -> bool:
    """A word the lemma tables know ("mock", "neural"; not the cut-off "th" or "wha")."""
    return bool(getAllLemmas(word.lower()))


@lru_cache(maxsize=4096)
def only_modifier(word: str) -> bool:
    """A known word that is only ever an adjective or adverb ("furthermore", "important"; not "forward", "online",
    nor a verb, whose noun use the tables may lack: "a revamp", nor an unknown word)."""
    lemmas = getAllLemmas(word.lower())
    return bool(lemmas) and set(lemmas) <= {"ADJ", "ADV"}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names in English-speaking use, lower case (Faker's en_US and en_GB lists: about 780, most of them
    names of people only; the other locales' lists add codenames such as Atlas, Aurora and Orion)."""
    from faker.providers.person import en_GB, en_US  # imported when first asked: faker takes 0.25 s to import

    return frozenset(
        name.lower() for provider in (en_US.Provider, en_GB.Provider)
        for attr in ("first_names_male", "first_names_female", "first_names_nonbinary")
        for name in getattr(provider, attr, ())
    )
