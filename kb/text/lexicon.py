"""Word lists that the extractor's rules use: attribution cues, event triggers, roles.

Plain data, kept apart from the rules so that it can be reviewed and extended on its own.
They describe English news language in general; none of it names a particular story.
"""

from __future__ import annotations

# Verbs that attribute a statement to a source when they take a clause or a quote.
CUE_VERBS = frozenset(
    """say tell estimate argue caution dispute believe claim deny report confirm announce
    warn add note insist predict state explain allege assert stress write acknowledge
    admit suggest contend maintain reveal disclose declare indicate testify concede
    reiterate emphasise emphasize recall agree forecast project calculate conclude
    mention remark reply respond answer complain boast vow pledge promise urge tweet
    post comment observe point show find recommend advise charge imply insinuate
    hint assure lament counter retort reaffirm joke quip brag threaten""".split()
)
# Of those, the verbs whose subject is always someone (or something) speaking, even
# one the article only describes ("the retired teacher said …"); not "show",
# "suggest", "indicate", whose subject may be a fact ("the result suggests …").
SPEAKING = frozenset(
    """say tell argue insist claim warn explain write state allege assert contend
    declare acknowledge admit concede complain boast reply respond answer testify
    reiterate tweet remark recall vow pledge promise caution maintain stress
    emphasise emphasize comment observe announce deny dispute report insinuate
    assure lament counter retort reaffirm joke quip brag""".split()
)
# Verbs that attribute a belief, not a statement, when they take a clause: "X believes
# that …", "X fears …". A claim with one of these is of attribution type "belief".
BELIEF_VERBS = frozenset(
    """believe think feel fear hope expect worry doubt suspect assume
    reckon know realize realise understand learn""".split()
)
# Adjectives that attribute a belief when they take a clause: "X is sure that …",
# "X came away convinced that …".
BELIEF_ADJECTIVES = frozenset(
    """sure certain convinced confident worried concerned afraid fearful hopeful
    optimistic pessimistic skeptical sceptical aware""".split()
)
# The prepositions by which an adjective of belief takes what it is about: "worried
# about the tax", "skeptical of the plan", "confident in the outcome"; not "sure",
# "certain" or "convinced" "of", which as often take a thing had ("sure of a seat").
BELIEF_ABOUT = {
    **dict.fromkeys(("worried", "concerned", "optimistic", "pessimistic"), ("about",)),
    **dict.fromkeys(("skeptical", "sceptical"), ("about", "of")),
    **dict.fromkeys(("confident",), ("in", "about")),
    **dict.fromkeys(("afraid", "fearful", "aware"), ("of",)),
    **dict.fromkeys(("hopeful",), ("about", "of")),
}
# Verbs of seeing something as something, which attribute a belief when they take an
# object and what it is seen as: "sees the plan as a trap", "considers the deal fair".
# The ones that may take a bare complement ("considers X fair") besides "as".
VIEW_VERBS = frozenset({"see", "view", "regard", "consider", "deem", "judge"})
VIEW_BARE = frozenset({"consider", "deem", "judge"})
# Verbs that attribute an intention when they take a "to" clause: "X plans to …".
# Not "refuse" or "decline": what follows them is what the source will not do, which
# a claim would tell as the intention itself (as a negated "does not plan to …").
INTENTION_VERBS = frozenset(
    """plan intend want aim seek hope vow pledge promise threaten vow resolve
    mean wish decide prefer""".split()
)
# Verbs that attribute a direct quote next to them, but not a reported clause:
# '"…," she continued', '"Why now?" he asked'.
QUOTE_VERBS = frozenset(
    """continue ask exclaim shout yell scream demand read charge retort
    snap laugh sigh bark beam chime muse marvel recount interject""".split()
)
#: nouns of saying or believing whose "that" clause is what their owner says or
#: holds ("his claim that …", "her fear that …"), and the kind of attribution
SAYING_NOUNS = {
    **dict.fromkeys(
        """claim assertion argument contention allegation insistence warning
        statement promise pledge prediction admission accusation""".split(),
        "statement",
    ),
    **dict.fromkeys("belief view fear hope conviction suspicion".split(), "belief"),
}

#: verbs that only utter a noun of saying, whose subject says it: "issued a warning
#: that …", "made the argument that …", "repeated the claim that …"
UTTERING_VERBS = frozenset(
    """issue make give repeat reiterate renew voice express sound raise advance
    offer put""".split()
)

# Verbs of saying a stance on what their object names: "criticised the plan",
# "condemned the attack" (their subject is no doer of an event they name).
STANCE_CUES = frozenset(
    """criticize criticise praise condemn denounce blame decry slam blast hail
    applaud lambaste ridicule dispute dismiss reject defend""".split()
)
# Verbs of saying whose object is what is said: "criticised the plan", "called for a
# ceasefire", "urged voters to stay home", "called the vote a farce". With the
# particle or preposition that must follow, where one must ("call for", "talk about").
OBJECT_CUES = STANCE_CUES | frozenset(
    """deny accuse urge question mock tout propose mention discuss cite
        characterize characterise label dub brand demand recommend announce confirm
        reveal express thank echo voice advise encourage stress emphasize emphasise
        reiterate""".split()
)
# Verbs of a fight that are verbs of saying only with what they fault: "attacked the
# plan as a giveaway", "attacked Orlen for its silence" (but not "attacked the town").
FAULTING_CUES = frozenset({"attack"})
# Verbs of saying that something is untrue: a claim, however short their object.
DENIALS = frozenset({"deny", "refute"})
# What shows that something happened; with "no" ("no evidence that it was hacked",
# "found no sign of a break-in") or under a denied verb, it did not.
SIGNS = frozenset({"evidence", "sign", "signs", "proof", "indication", "trace"})
# Verbs of posting a message, whose words, when they are quoted, are a claim: '"We
# won," Varda tweeted'.
MESSAGE_VERBS = frozenset({"tweet", "retweet", "post"})
# What a denial denies when it states something: "denied the allegations".
DENIED_THINGS = frozenset(
    """allegation allegations charge charges claim claims accusation accusations
    report reports wrongdoing involvement responsibility guilt rumour rumours rumor
    rumors wrongdoings link links it this that""".split()
)
# Verbs of saying whose object is what is said only with what it is said to be:
# "described the plan as a trap" (but not "described the scene").
AS_CUES = frozenset({"describe", "portray", "depict", "paint"})
OBJECT_CUE_PARTICLES = {
    "call": ("for", "on"),
    "talk": ("about",),
    "speak": ("about", "of"),
    "comment": ("on",),
    "complain": ("about", "of"),
    "warn": ("of", "about", "against"),
    "caution": ("against",),
    "refer": ("to",),
    "point": ("to",),
    "write": ("about", "of"),
    "testify": ("about",),
    "argue": ("for", "against"),
    "rule": ("out",),
    "admit": ("to",),
    "rail": ("against", "about"),
    "brag": ("about", "of"),
    "boast": ("about", "of"),
}
# Verbs of asking someone to do something: "asked the court to block the rule" is a
# request, which a source makes in words.
REQUEST_VERBS = frozenset({"ask", "tell"})
# Verbs that say nothing was said: "refused to discuss", "declined to comment on".
REFUSAL_VERBS = frozenset({"refuse", "decline", "fail", "avoid"})
# Cue verbs that need a quote or clause and an animate or institutional speaker.
WEAK_CUES = frozenset({"show", "find", "agree", "add", "point"})
# Verbs that pass on another source's words: "quoted / cited X as saying …".
RELAY_VERBS = frozenset({"quote", "cite", "describe", "paraphrase"})
# What is done to a document by someone who did not write it: "the memo, seen by
# the Herald", "a study funded by the ministry", "the lawsuit, dismissed by a
# judge", beside the verbs that pass its words on ("cited by"). Not "commissioned
# by", whose agent issues a poll.
READER_VERBS = RELAY_VERBS | frozenset(
    """see obtain review read examine receive acquire leak fund finance criticise
    criticize dispute challenge reject welcome praise dismiss overturn uphold
    block""".split()
)
# Words before a document that make it another one than the one met before: "a
# separate report", "another ruling".
OTHER_DOCUMENT_WORDS = frozenset(
    """another other separate new earlier previous later further different
    additional""".split()
)
# Nouns that make "according to X's <noun>" or "<noun> from X" name their source.
SOURCE_NOUNS = frozenset(
    """figure figures data statistics statement statements report reports estimate
    estimates source sources count tally survey study analysis results result filing
    document documents release account accounts projection projections poll polls
    research findings finding video footage transcript slide ruling memo letter
    records average averages review audit message messages email tweet""".split()
)
# Of those, the documents that speak for themselves when the article names no one
# behind them: "the study found …", "polls show …", "according to federal data".
SPEAKING_DOCUMENTS = frozenset(
    """data statistics report reports survey study analysis document documents poll
    polls research findings transcript slide ruling memo letter
    records average averages review audit lawsuit suit affidavit indictment
    editorial email emails petition""".split()
)

# Documents that someone issued, which speak only where "according to" cites
# them: "according to the release", "according to the complaint".
ISSUED_DOCUMENTS = frozenset(
    "statement release complaint filing filings bulletin announcement".split()
)
# What people send, so that "a letter from the nurses" is the nurses' words (not
# "data from the sensors").
SENT_DOCUMENTS = ISSUED_DOCUMENTS | frozenset(
    """letter letters message messages email emails memo tweet""".split()
)
# A document named by what was done ("the ruling"), with the verbs of the deed,
# in either spelling ("analyzed", "analysed").
DOCUMENT_DEEDS = {
    "ruling": frozenset({"rule"}),
    "findings": frozenset({"find"}),
    "report": frozenset({"report"}),
    "audit": frozenset({"audit"}),
    "review": frozenset({"review"}),
    "estimate": frozenset({"estimate"}),
    "analysis": frozenset({"analyze", "analyse"}),
    "lawsuit": frozenset({"sue"}),
    "suit": frozenset({"sue"}),
}
# Verbs by which someone issues a document: "the lawsuit the families filed", "his
# office sent a statement".
ISSUING_VERBS = frozenset(
    """file issue release publish send sign write submit post draft prepare
    bring""".split()
)
# Words before people that say how many or which of them, not who they are.
HOW_MANY_WORDS = frozenset(
    """other additional more further many several some few numerous various
    most""".split()
)
# Words that make a description people other than those met before ("other
# soldiers", "another official", "different witnesses"); after "the" they refer
# back ("the other soldiers"), see kb.extract.resolve._other_people.
OTHER_PEOPLE_WORDS = frozenset({"other", "another", "different"})
# Where an organisation publishes its words: "a statement on X's website".
PUBLISHING_CHANNELS = frozenset(
    {"website", "site", "page", "account", "feed", "blog", "channel"}
)
# What shows something but is no one, so never a source: "video footage shows …",
# "according to evidence presented at trial".
EVIDENCE_NOUNS = frozenset(
    """evidence video videos footage image images photo photos photograph
    photographs picture pictures test tests scan scans sample samples x-ray
    x-rays""".split()
)

# Cue verbs that things take as well as people ("the faces reveal …", "the
# scans suggest …"): their plural subject is a group only if it names people.
SHOWING_VERBS = frozenset(
    "reveal suggest confirm indicate show demonstrate prove highlight".split()
)

# Pronouns that open a relative clause and stand for the noun it describes.
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})

# Verbs that tag a quote as a question put to someone, not a claim.
ASKING_VERBS = frozenset({"inquire", "enquire", "query"})
# Verbs of answering, whose one-word answer says nothing without the question.
ANSWERING_VERBS = frozenset({"answer", "reply", "respond"})
# Words that open a clause of when something happened ("after the vote ended"),
# not of why or on what condition.
WHEN_MARKS = frozenset(
    {"after", "before", "when", "while", "as", "since", "until", "once"}
)

# Generational suffixes after a full name: "James P. Kellan Jr." is "Kellan" later.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Nouns for people acting together: a demonym or country before them makes a Group.
PEOPLE_NOUNS = frozenset(
    """soldiers troops forces fighters officials officers diplomats civilians workers
    residents citizens protesters demonstrators students farmers doctors nurses
    investors voters lawmakers legislators police militants rebels refugees migrants
    prisoners hostages journalists activists researchers scientists experts analysts
    authorities leaders ministers negotiators envoys sailors pilots miners teachers
    employees staff victims survivors villagers settlers delegates rescuers firefighters
    medics paramedics volunteers passengers patients sources aides advisers advisors
    insiders observers critics supporters opponents witnesses strategists operatives
    staffers donors pollsters economists people""".split()
)
# Nouns for one person whom the article leaves unnamed as a source: "a source said".
# Roles that speak for others or for an office: "the spokesman said" is not the
# person the article is about, unless the article gave them that role.
VOICE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official source aide adviser advisor
    diplomat analyst expert witness lawyer attorney prosecutor investigator
    officer""".split()
)
UNNAMED_SOURCES = frozenset(
    """source insider aide adviser advisor operative witness observer strategist
    staffer person questioner friend narrator announcer caller neighbour neighbor
    relative resident voter supporter critic""".split()
)

# Head nouns of institutions named by description ("Kenya's health ministry").
INSTITUTION_NOUNS = frozenset(
    """ministry department agency council parliament police army military navy court
    commission committee authority office service intelligence administration bureau
    board union party government cabinet senate assembly legislature regulator
    inspectorate prosecutor prosecutors watchdog campaign team network embassy
    coalition alliance caucus delegation federation league foundation panel jury
    tribunal bloc""".split()
)
#: a company noun that an adjective makes an institution: "the central bank"
INSTITUTION_PHRASES = frozenset(
    {("central", "bank"), ("reserve", "bank"), ("police", "force")}
)
#: the bodies a town's name goes before, whatever the NER calls the name there: "the
#: Lenholm police" is the town's police, never a person's
TOWN_BODIES = frozenset({"police"})
#: people who speak and act as the body named before them: "Varda Party members",
#: "the Porto police officers" are the party, the police (workers are not the firm)
MEMBER_NOUNS = frozenset(
    "members officers officials lawmakers legislators leaders".split()
)

#: what an outlet calls its own journalist ("our correspondent says")
REPORTER_NOUNS = frozenset({"correspondent", "reporter", "editor"})

# Words that are titles or roles, not parts of a name ("Interior Minister", "Dr.").
ROLE_WORDS = frozenset(
    """president vice minister prime deputy spokesman spokeswoman spokesperson executive
    chief officer leader mayor governor director investigator secretary chairman
    chairwoman chair ceo cfo coo head official ambassador general commander senator
    representative rep. sen. gov. premier chancellor king queen prince princess judge
    justice professor prof prof. dr. dr analyst economist founder manager editor reporter
    correspondent coach captain lieutenant colonel major admiral sergeant lead senior
    foreign interior defence defense finance health economy justice opposition
    secretary-general envoy attorney prosecutor mr. mrs. ms. mr mrs ms miss sir lady lord
    pope bishop cardinal rabbi imam sheikh chairperson president-elect acting former
    interim general-secretary engineer lawyer physician scientist researcher historian
    architect inspector auditor treasurer commissioner administrator councilmember
    councillor councilor councilman councilwoman alderman alderwoman assemblyman
    assemblywoman congressman congresswoman detective superintendent constable
    magistrate striker winger midfielder defender goalkeeper keeper substitute forecaster
    allrounder all-rounder batsman bowler skipper paceman spinner
    glaciologist hydrologist epidemiologist supt supt. insp insp. sgt sgt. cpl cpl.
    det. const. cmdr cmdr. lt lt. col. gen. capt capt. maj. cllr cllr. det const col
    gen maj""".split()
)
# Styles of address that may follow a role before a name, which are not part of the
# role: "Oil Minister Sheikh Ana Obi" is the oil minister.
STYLE_TITLES = frozenset({"sheikh", "sir", "dame", "lord"})
# What someone is named to: "named her to the post of counselor", "to the board".
POSTS = frozenset(
    """position post role job seat office board cabinet panel committee council
    bench""".split()
)
# Role words that only modify a role ("the finance minister", "the acting head"):
# alone they name no one ("the economy grew").
ROLE_MODIFIERS = frozenset(
    """vice prime deputy lead senior foreign interior defence defense finance health
    economy justice opposition acting former interim""".split()
)
# Titles written short before a name, and the role word each stands for: "Sen. Obi"
# is "the senator".
ROLE_ABBREVIATIONS = {
    "prof": "professor",
    "sen.": "senator",
    "sen": "senator",
    "gov.": "governor",
    "gov": "governor",
    "rep.": "representative",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "capt.": "captain",
    "sgt.": "sergeant",
    "atty.": "attorney",
    "supt.": "superintendent",
    "pres.": "president",
    "sec.": "secretary",
    "adm.": "admiral",
    "cmdr.": "commander",
    "det.": "detective",
    "prof.": "professor",
}
# Singular nouns that, as "the <noun>" with no name, describe one person the article
# has named before ("The nominee said …"): its roles, and words for a person.
PERSON_DESCRIPTIONS = ROLE_WORDS | frozenset(
    """nominee candidate challenger incumbent contender frontrunner front-runner
    lawmaker legislator politician billionaire businessman businesswoman mogul
    developer woman man activist actress actor singer author writer narrator
    announcer host anchor star celebrity musician rapper comedian artist novelist
    poet playwright filmmaker""".split()
)
# What a party names someone when it picks its candidate: "was named the nominee".
CANDIDACIES = frozenset({"nominee", "candidate", "standard-bearer"})
# Words for a person that are neither roles nor agent nouns: "a longtime friend
# said …"; and for a body of people: "a civil rights group says …".
PERSON_WORDS = frozenset(
    """friend colleague neighbour neighbor relative veteran tycoon magnate mogul
    person man woman native resident""".split()
)
BODY_WORDS = frozenset({"group", "panel", "coalition"})
# Gendered words that, just before a name, tell the person's gender; and the pronouns
# that must agree with it ("she said" never resolves to "Mr Hart").
_MALE_WORDS = """mr mr. sir lord king prince duke emperor spokesman chairman congressman
    businessman husband father son brother uncle nephew grandfather boyfriend
    grandson widower""".split()
_FEMALE_WORDS = """mrs mrs. ms ms. miss lady dame queen princess duchess empress
    spokeswoman chairwoman congresswoman businesswoman wife mother daughter sister
    aunt niece grandmother girlfriend granddaughter widow""".split()
GENDERED_WORDS = {
    **dict.fromkeys(_MALE_WORDS, "m"),
    **dict.fromkeys(_FEMALE_WORDS, "f"),
}
PRONOUN_GENDER = {
    **dict.fromkeys(["he", "him", "his", "himself"], "m"),
    **dict.fromkeys(["she", "her", "hers", "herself"], "f"),
}
# Nouns for a people that do not end as their place's name does ("Briton"); the
# others are the place's name and "-er" ("Icelander").
DEMONYM_NOUNS = frozenset(
    """Briton Britons Brit Brits Scot Scots Swede Swedes Dane Danes Finn Finns
    Welshman Welshmen Welshwoman Englishman Englishmen Englishwoman Irishman
    Irishmen Irishwoman Scotsman Scotsmen Scotswoman Frenchman Frenchmen
    Frenchwoman Dutchman Dutchmen Dutchwoman Filipino Filipinos Filipina""".split()
)
# Words for a part of a country, or of anything: "the north", "Central region".
AREA_PART_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center
    upper lower middle capital""".split()
)
# Words of a landform, a water or a part of a country: a province named by them ("Red
# Sea", "Gulf", "Central") is far more often the sea, the gulf or a plain word, so the
# bare name links to the province only in an article that names its country.
DOUBTFUL_PROVINCE_WORDS = AREA_PART_WORDS | frozenset(
    """sea gulf bay ocean river lake coast strait channel desert valley mountain
    mountains island islands peninsula delta plain plains highlands lowlands""".split()
)
# Nationality adjectives whose place's name the usual endings do not give back
# ("British" of Britain, "Afghan" of Afghanistan), folded.
NATIONALITY_ADJECTIVES = frozenset(
    """british english scottish welsh irish french dutch swiss greek thai danish
    swedish finnish spanish polish turkish portuguese lebanese congolese afghan
    uzbek kazakh tajik kyrgyz turkmen saudi emirati czech slovak icelandic
    norwegian filipino malagasy burmese bangladeshi""".split()
)
HONORIFICS = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "sir",
        "prof",
        "prof.",
    }
)

# Event triggers by lemma. Nouns and verbs are listed apart because "strike" as a verb
# and "strike" as a noun need not mean the same thing.
VERB_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["capture", "seize", "detain", "abduct", "kidnap"], "Capture"),
    **dict.fromkeys(["arrest", "apprehend"], "Arrest"),
    **dict.fromkeys(["confiscate"], "Capture"),
    **dict.fromkeys(["jail", "imprison"], "LegalAction"),
    **dict.fromkeys(["arrive", "deploy", "station", "dispatch"], "MilitaryDeployment"),
    **dict.fromkeys(
        ["assemble", "amass", "mass", "mobilise", "mobilize"], "MilitaryBuildup"
    ),
    **dict.fromkeys(
        ["attack", "bomb", "shell", "invade", "raid", "ambush", "shoot"], "Attack"
    ),
    **dict.fromkeys(["kill", "wound", "injure", "die"], "Casualties"),
    **dict.fromkeys(["train"], "Training"),
    **dict.fromkeys(["exchange", "swap"], "PrisonerExchange"),
    **dict.fromkeys(["negotiate", "consult", "meet"], "Negotiation"),
    **dict.fromkeys(["sign", "ratify"], "Agreement"),
    **dict.fromkeys(["sanction", "embargo"], "Sanction"),
    **dict.fromkeys(["approve", "pass", "reject", "vote", "veto"], "Vote"),
    **dict.fromkeys(["elect", "re-elect"], "Election"),
    **dict.fromkeys(["appoint", "nominate", "name"], "Appointment"),
    **dict.fromkeys(["resign", "quit"], "Resignation"),
    **dict.fromkeys(["protest", "demonstrate", "march", "rally"], "Protest"),
    **dict.fromkeys(["enact", "legislate"], "Legislation"),
    **dict.fromkeys(
        ["sue", "charge", "convict", "sentence", "indict", "acquit", "fine"],
        "LegalAction",
    ),
    **dict.fromkeys(["cut", "lay", "axe", "shed", "eliminate"], "JobCuts"),
    **dict.fromkeys(
        ["invest", "lend", "fund", "finance", "loan", "grant"], "Investment"
    ),
    **dict.fromkeys(["close", "shut"], "Closure"),
    **dict.fromkeys(["acquire", "buy", "merge", "take"], "Acquisition"),
    **dict.fromkeys(["launch", "unveil", "introduce", "open", "inaugurate"], "Launch"),
    **dict.fromkeys(["crash", "collide", "derail", "explode", "collapse"], "Accident"),
    **dict.fromkeys(["rescue", "evacuate", "pull"], "Rescue"),
    **dict.fromkeys(
        ["suspend", "halt", "disrupt", "cancel", "ground"], "ServiceDisruption"
    ),
    **dict.fromkeys(["infect"], "Outbreak"),
    **dict.fromkeys(["enrol", "enroll"], "MedicalTrial"),
    **dict.fromkeys(["publish"], "StudyPublication"),
    **dict.fromkeys(["defeat", "beat", "win", "draw"], "SportsMatch"),
    **dict.fromkeys(["issue"], "Warning"),
    **dict.fromkeys(["plead", "extradite", "overturn", "uphold"], "LegalAction"),
    # a pardon, a court's reversal, a sealed record opened, a word taken back:
    # each only with what it is done to (``kb.extract.triggers``)
    **dict.fromkeys(["pardon", "reverse", "unseal"], "LegalAction"),
    **dict.fromkeys(["retract", "rescind", "revoke"], "OtherEvent"),
    # "left her post": only with a post (``kb.extract.triggers``)
    "leave": "Resignation",
    # "threatened the mayor": only done, to someone (``kb.extract.triggers``)
    "threaten": "OtherEvent",
    **dict.fromkeys(["hack"], "Attack"),
    **dict.fromkeys(["visit", "travel", "tour", "fly"], "DiplomacyEvent"),
    **dict.fromkeys(["endorse"], "PoliticsEvent"),
    **dict.fromkeys(["clash"], "Attack"),
    **dict.fromkeys(["delay"], "ServiceDisruption"),
    **dict.fromkeys(["deport", "expel", "hand"], "LegalAction"),
    **dict.fromkeys(["apologise", "apologize"], "DiplomacyEvent"),
    **dict.fromkeys(["request"], "OtherEvent"),
    **dict.fromkeys(["release", "conduct"], "StudyPublication"),
    **dict.fromkeys(
        ["trounce", "rout", "edge", "thrash", "hammer", "crush"], "SportsMatch"
    ),
    # general news events, each gated by its arguments in ``kb.extract.triggers``
    **dict.fromkeys(["announce", "declare", "reveal"], "OtherEvent"),
    **dict.fromkeys(["agree"], "Agreement"),
    **dict.fromkeys(["rule", "side", "appeal", "testify"], "LegalAction"),
    **dict.fromkeys(["investigate", "probe", "search"], "OtherEvent"),
    **dict.fromkeys(["enter"], "MilitaryDeployment"),
    **dict.fromkeys(["quarantine", "test"], "Outbreak"),
    **dict.fromkeys(["withdraw", "retreat", "abandon"], "MilitaryDeployment"),
    **dict.fromkeys(["expand"], "BusinessEvent"),
    **dict.fromkeys(["depart", "return"], "DiplomacyEvent"),
    **dict.fromkeys(["flee", "displace", "force"], "OtherEvent"),
    **dict.fromkeys(["gather"], "Protest"),
    **dict.fromkeys(["hire", "recruit"], "Appointment"),
    **dict.fromkeys(["fire", "sack", "oust", "dismiss"], "Resignation"),
    **dict.fromkeys(["retire", "step"], "Resignation"),
    **dict.fromkeys(
        ["score", "equalise", "equalize", "qualify", "lose", "play"], "SportsMatch"
    ),
    **dict.fromkeys(["sell", "purchase"], "Acquisition"),
    **dict.fromkeys(["postpone"], "ServiceDisruption"),
    **dict.fromkeys(["ban", "impose", "lift"], "Sanction"),
    **dict.fromkeys(["murder", "assassinate", "execute"], "Death"),
    **dict.fromkeys(["stab"], "Attack"),
    **dict.fromkeys(["drown", "hospitalise", "hospitalize", "hurt"], "Casualties"),
    **dict.fromkeys(["sink", "capsize"], "Accident"),
    **dict.fromkeys(["flood", "erupt"], "NaturalDisaster"),
    # each only with an object of ``OBJECTS_NEEDED``
    **dict.fromkeys(["pay", "discover", "recall", "order"], "OtherEvent"),
    **dict.fromkeys(["free"], "PrisonerExchange"),
    **dict.fromkeys(["report", "post", "book"], "FinancialResult"),
    **dict.fromkeys(["summon", "sever", "restore"], "DiplomacyEvent"),
    "hit": "Attack",
    **dict.fromkeys(["diagnose", "admit", "discharge"], "HealthEvent"),
    **dict.fromkeys(["reopen"], "LegalAction"),
    **dict.fromkeys(["bear"], "OtherEvent"),
    **dict.fromkeys(["airlift"], "Rescue"),
    **dict.fromkeys(["find"], "LegalAction"),  # only "found guilty" (triggers)
    **dict.fromkeys(["land"], "ScienceEvent"),  # only a craft that lands
    # a person takes a role: each only with a role (``kb.extract.triggers``)
    **dict.fromkeys(["join", "promote", "succeed", "become"], "Appointment"),
    # a player moves, a work is first shown, an oath is sworn, a theft, a rate moved
    **dict.fromkeys(["transfer"], "SportEvent"),
    **dict.fromkeys(["premiere", "debut"], "Launch"),
    **dict.fromkeys(["swear"], "Appointment"),
    **dict.fromkeys(["steal", "rob", "loot", "burgle"], "OtherEvent"),
    **dict.fromkeys(["raise", "hike", "lower"], "BusinessEvent"),
    # a suspect kept, a player listed or placed, a body founded, a text adopted
    **dict.fromkeys(["remand"], "LegalAction"),
    **dict.fromkeys(["re-sign"], "Agreement"),
    **dict.fromkeys(["place", "put"], "SportEvent"),
    **dict.fromkeys(["finish"], "SportsMatch"),
    **dict.fromkeys(["found", "co-found"], "OtherEvent"),
    **dict.fromkeys(["adopt"], "Vote"),
    # a work shown or a message put out: each only as a deed done (``triggers``)
    **dict.fromkeys(["air", "broadcast", "televise", "screen"], "Launch"),
    **dict.fromkeys(["tweet", "retweet"], "OtherEvent"),
    # police work: each only done, by the police or on a ring (``triggers``)
    **dict.fromkeys(["bust"], "Arrest"),
    **dict.fromkeys(["intercept"], "Capture"),
    **dict.fromkeys(["inspect", "frisk"], "OtherEvent"),
    # a case brought to a court: only with what is filed (``FILED_CASES``)
    **dict.fromkeys(["file", "lodge", "counter", "settle"], "LegalAction"),
    # someone wanted gives themself up: only to the police, or forces (triggers)
    "surrender": "Arrest",
    # what is found out: only a thing of ``OBJECTS_NEEDED`` or a disease
    "detect": "OtherEvent",
    # a craft that leaves the ground ("lifted off", see ``PHRASAL_TRIGGERS``)
    "liftoff": "Launch",
    # one person in another's role: only with the role (``kb.extract.triggers``)
    "replace": "Appointment",
}
# Phrasal verbs that are another trigger verb, whose rules they follow: "pulled
# out its soldiers" withdrew them, "the rocket blasted off" (a liftoff).
PHRASAL_TRIGGERS: dict[tuple[str, str], str] = {
    **dict.fromkeys([("pull", "out"), ("pull", "back")], "withdraw"),
    **dict.fromkeys([("blast", "off"), ("lift", "off"), ("take", "off")], "liftoff"),
}
# Craft that lift off and whose names are their own: "the shuttle Tomas".
SPACECRAFT = frozenset(
    """rocket rockets shuttle shuttles spacecraft spaceship capsule orbiter probe
    lander rover module""".split()
)
# What is filed, lodged or brought before a court or a body, and what one side
# counters with ("filed a complaint", "countered with a case of its own"); a lawsuit,
# an appeal, charges name their event themselves.
FILED_CASES = frozenset(
    """complaint complaints suit suits petition petitions case cases motion motions
    grievance grievances""".split()
)
# Orders of a court, whose lifting or granting is a legal act: "lifted the
# injunction", "imposed a restraining order" (``COURT_ORDER_KINDS`` on "order").
COURT_ORDERS = frozenset({"injunction", "injunctions"})
COURT_ORDER_KINDS = frozenset(
    """restraining gag protective court interim exclusion freezing""".split()
)
# What a business that fails "went": "went bankrupt", "went under"; and what it
# "went into": "went into administration".
INSOLVENT = frozenset({"bankrupt", "bust", "broke", "under", "insolvent"})
INSOLVENCY = frozenset(
    {"administration", "receivership", "liquidation", "bankruptcy", "insolvency"}
)
# What is won when an award is won: "won a Grammy award", "won gold".
AWARDS = frozenset(
    """award awards prize prizes medal medals oscar oscars grammy grammys emmy emmys
    trophy honour honor gold silver bronze""".split()
)
# What moves when a whole economy moves: "the economy grew", "inflation fell".
ECONOMY_SUBJECTS = frozenset(
    """economy gdp product inflation unemployment joblessness output exports imports
    growth""".split()
)
# What is raised or cut when a bank or a firm changes a rate or a price.
RATE_WORDS = frozenset(
    """rate rates price prices tariff tariffs fee fees fare fares tax taxes duty
    duties""".split()
)
# What a company reports when it reports its results: "posted a loss".
RESULTS = frozenset(
    """profit profits loss losses revenue revenues earnings income deficit surplus
    results""".split()
)
# What is discovered or detected when the finding is news: "discovered a body".
DISCOVERED = frozenset(
    """body bodies remains corpse corpses weapon weapons rifle rifles gun guns
    bomb bombs explosives drugs cocaine heroin cracks crack leak breach fraud
    grave wreckage virus malware tunnel tunnels species planet planets fossil
    fossils galaxy comet gene genes particle tomb ruins dinosaur cash money
    treasure hoard stash cache ammunition wreck shipwreck anchor skeleton skull
    bones artefact artefacts artifact artifacts coins cannon cannons shell shells
    grenade grenades""".split()
)
# Verbs that name an event only with one of these objects: "paid a fine", "discovered
# a body", "recalled 20,000 cars", "freed the hostages" (not "paid tribute").
OBJECTS_NEEDED: dict[str, frozenset[str]] = {
    "pay": frozenset(
        """fee fees fine fines ransom compensation damages dividend dividends
        instalment instalments installment installments bill debt debts tax taxes
        royalty royalties settlement bribe bribes penalty penalties premium wages
        salary salaries bonus bonuses""".split()
    ),
    # and a disease: "avian flu was detected" (``kb.extract.triggers``)
    **dict.fromkeys(["discover", "detect"], DISCOVERED),
    "recall": frozenset(
        """car cars vehicle vehicles truck trucks van vans product products unit
        units phone phones device devices model models toy toys drug drugs batch
        batches""".split()
    ),
    **dict.fromkeys(["post", "book"], RESULTS),
    # "reported a loss"; and "reported its third case of plague"
    "report": RESULTS | frozenset({"case", "cases", "infection", "infections"}),
    "summon": frozenset(
        """ambassador ambassadors envoy envoys diplomat diplomats charge""".split()
    ),
    "sever": frozenset({"ties", "relations"}),
    # "restored ties"; and what an outage cut: "power was restored"
    "restore": frozenset(
        """ties relations power electricity service services water supply supplies
        internet flights""".split()
    ),
    # what a court, a government or a buyer orders: "ordered the release of …",
    # "ordered an inquiry", "ordered 30 jets"; not "ordered a coffee"
    "order": frozenset(
        """release evacuation evacuations investigation inquiry probe arrest arrests
        closure shutdown recount retrial halt suspension withdrawal lockdown curfew
        seizure demolition deportation expulsion jets aircraft airliners planes
        jetliners""".split()
    ),
    "free": frozenset(
        """prisoner prisoners captive captives detainee detainees hostage hostages
        inmate inmates""".split()
    ),
}
# What a court reverses ("reversed the ruling"), a court or a clerk unseals ("the
# affidavit was unsealed"), and someone retracts or rescinds ("retracted the
# article", "rescinded the invitation"): each the event's object.
UNDONE_OBJECTS: dict[str, frozenset[str]] = {
    "reverse": frozenset(
        """decision decisions ruling rulings conviction convictions sentence sentences
        verdict verdicts judgment judgement order""".split()
    ),
    "unseal": frozenset(
        """affidavit affidavits indictment indictments warrant warrants complaint
        document documents record records filing filings""".split()
    ),
    **dict.fromkeys(
        ["retract", "rescind", "revoke"],
        frozenset(
            """article articles story stories report claim claims statement apology
            invitation invitations offer order orders ban decision visa visas licence
            license permit citizenship accreditation""".split()
        ),
    ),
}
# Verbs a threat is made with: "made threats against the mayor", "sent threats".
THREATENING = frozenset("make issue send post receive level".split())
# Where someone is held until they are released: "released from jail".
HELD_IN = frozenset(
    """jail prison custody detention captivity gaol lockup cell""".split()
)
# What a court throws out ("dismissed the case") and grants ("granted bail").
COURT_OBJECTS = frozenset(
    """case cases lawsuit lawsuits suit suits charge charges appeal appeals complaint
    indictment""".split()
)
COURT_GRANTS = frozenset({"bail", "asylum", "parole", "pardon", "clemency"})
# What a regulator approves when an approval is a health event: "approved the drug".
MEDICINES = frozenset(
    """drug drugs vaccine vaccines treatment treatments medicine medicines pill pills
    therapy therapies jab jabs""".split()
)
# Words before "of" that make the event after it one that has not happened.
FEARED = frozenset(
    """afraid fear fears threat threats risk risks possibility prospect danger
    likelihood chance chances spectre specter brink verge""".split()
)
# Words on an event noun that say it has not happened: "a possible attack".
MAYBE = frozenset({"possible", "potential", "hypothetical", "future", "feared"})
# Words on "trials" that make them a sporting contest: "the Olympic trials".
SPORTS_TRIALS = frozenset({"olympic", "qualifying", "time", "world", "national"})
# What falls down when a collapse is an accident (beside ``FACILITY_NOUNS``).
COLLAPSING = frozenset(
    """building buildings roof roofs wall walls house houses tower block stand stands
    stage ceiling floor dam crane scaffolding structure hillside cliff earth ground
    soil slope embankment shaft pit rock rocks""".split()
)
# Craft whose landing is news: "the rover landed on Mars".
LANDING_CRAFT = frozenset(
    """probe rover lander spacecraft craft capsule module""".split()
)
# Words a spaCy lemma gets wrong, mended for trigger lookup: "fined" gives "fin".
LEMMA_MENDS = {"fin": "fine", "premier": "premiere", "retweete": "retweet"}
# ... and for cue lookup: "hoped" gives "hop", "lambasted" gives "lambast" (apart
# from LEMMA_MENDS: the event rules read "is hoping to" on their own)
CUE_LEMMA_MENDS = {"hop": "hope", "lambast": "lambaste"}
NOUN_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["capture", "seizure", "detention", "abduction"], "Capture"),
    **dict.fromkeys(["arrest", "apprehend"], "Arrest"),
    **dict.fromkeys(["confiscate"], "Capture"),
    **dict.fromkeys(["arrival", "deployment"], "MilitaryDeployment"),
    **dict.fromkeys(
        ["buildup", "build-up", "mobilisation", "mobilization"], "MilitaryBuildup"
    ),
    **dict.fromkeys(
        [
            "attack",
            "offensive",
            "strike",
            "airstrike",
            "invasion",
            "bombing",
            "assault",
            "shelling",
            "raid",
            "ambush",
        ],
        "Attack",
    ),
    **dict.fromkeys(["casualty", "casualties", "death toll", "toll"], "Casualties"),
    **dict.fromkeys(
        ["training", "drills", "manoeuvres", "maneuvers", "maneuver", "manoeuvre"],
        "Training",
    ),
    **dict.fromkeys(["prisoner exchange", "swap"], "PrisonerExchange"),
    **dict.fromkeys(
        ["talk", "talks", "negotiation", "summit", "consultation"], "Negotiation"
    ),
    **dict.fromkeys(
        ["agreement", "deal", "treaty", "ceasefire", "truce", "accord"], "Agreement"
    ),
    **dict.fromkeys(["sanction", "sanctions", "embargo"], "Sanction"),
    **dict.fromkeys(["vote", "referendum", "ballot"], "Vote"),
    **dict.fromkeys(["election", "poll", "primary", "runoff"], "Election"),
    **dict.fromkeys(["appointment", "nomination"], "Appointment"),
    **dict.fromkeys(["resignation"], "Resignation"),
    **dict.fromkeys(["protest", "demonstration", "rally", "walkout"], "Protest"),
    **dict.fromkeys(["legislation"], "Legislation"),
    **dict.fromkeys(
        [
            "lawsuit",
            "trial verdict",
            "verdict",
            "indictment",
            "ruling",
            "conviction",
            "sentence",
            "sentencing",
        ],
        "LegalAction",
    ),
    **dict.fromkeys(
        ["cuts", "layoff", "layoffs", "redundancies", "job cuts"], "JobCuts"
    ),
    **dict.fromkeys(
        ["investment", "loan", "funding", "grant", "bailout"], "Investment"
    ),
    **dict.fromkeys(["closure", "shutdown"], "Closure"),
    **dict.fromkeys(["robbery", "theft", "burglary", "heist"], "OtherEvent"),
    # what people go to or take part in: culture, ceremonies, races
    **dict.fromkeys(
        """concert festival exhibition screening gig auction wedding parade
        marathon coronation debut discovery""".split(),
        "OtherEvent",
    ),
    **dict.fromkeys(["ipo"], "BusinessEvent"),
    **dict.fromkeys(["eclipse"], "ScienceEvent"),
    **dict.fromkeys(["fine"], "LegalAction"),
    **dict.fromkeys(["blaze", "bushfire", "inferno"], "NaturalDisaster"),
    **dict.fromkeys(["warrant", "manhunt", "deportation", "expulsion"], "LegalAction"),
    **dict.fromkeys(["apology"], "DiplomacyEvent"),
    "breach": "Attack",  # only a data or security breach (``triggers``)
    **dict.fromkeys(["acquisition", "merger", "takeover", "buyout"], "Acquisition"),
    **dict.fromkeys(["launch", "opening", "unveiling"], "Launch"),
    **dict.fromkeys(
        ["earthquake", "quake", "tremor", "aftershock", "shaking"], "Earthquake"
    ),
    **dict.fromkeys(
        [
            "flood",
            "flooding",
            "storm",
            "hurricane",
            "typhoon",
            "cyclone",
            "wildfire",
            "tsunami",
            "drought",
            "landslide",
            "eruption",
            "heatwave",
            "blizzard",
            "tornado",
            "landfall",
        ],
        "NaturalDisaster",
    ),
    **dict.fromkeys(
        ["crash", "collision", "explosion", "derailment", "blast", "fire"], "Accident"
    ),
    **dict.fromkeys(["rescue", "evacuation"], "Rescue"),
    **dict.fromkeys(["warning", "advisory", "alert"], "Warning"),
    **dict.fromkeys(
        ["outage", "suspension", "disruption", "cancellation"], "ServiceDisruption"
    ),
    **dict.fromkeys(["outbreak", "epidemic", "pandemic"], "Outbreak"),
    "season": "Outbreak",  # only "flu season" and the like (``triggers``)
    **dict.fromkeys(["trial", "clinical trial"], "MedicalTrial"),
    **dict.fromkeys(["match", "final", "tournament", "game"], "SportsMatch"),
    **dict.fromkeys(["meeting"], "Negotiation"),
    **dict.fromkeys(["visit", "trip", "tour"], "DiplomacyEvent"),
    **dict.fromkeys(["survey"], "StudyPublication"),
    **dict.fromkeys(
        ["hack", "hacking", "cyberattack", "shooting", "stabbing"], "Attack"
    ),
    **dict.fromkeys(
        ["death", "deaths", "killing", "killings", "murder", "slaying", "slayings"],
        "Death",
    ),
    **dict.fromkeys(["plea", "extradition", "hearing"], "LegalAction"),
    **dict.fromkeys(["endorsement", "debate", "convention", "caucus"], "PoliticsEvent"),
    **dict.fromkeys(["interview", "conference", "funeral", "ceremony"], "OtherEvent"),
    **dict.fromkeys(["riot", "riots", "boycott", "sit-in"], "Protest"),
    **dict.fromkeys(["kidnapping", "kidnap"], "Capture"),
    **dict.fromkeys(["hijacking", "hijack"], "Attack"),
    **dict.fromkeys(
        ["coup", "uprising", "rebellion", "mutiny", "blockade"],
        "ConflictEvent",
    ),
    **dict.fromkeys(["inauguration", "swearing-in"], "PoliticsEvent"),
    **dict.fromkeys(
        ["surgery", "transplant", "diagnosis", "miscarriage"], "HealthEvent"
    ),
    **dict.fromkeys(["crackdown", "clampdown"], "OtherEvent"),
    **dict.fromkeys(["expedition"], "OtherEvent"),
    **dict.fromkeys(["pact"], "Agreement"),
    **dict.fromkeys(["premiere"], "Launch"),
    **dict.fromkeys(
        ["fighting", "clash", "clashes", "gunfire", "bombardment"], "Attack"
    ),
    # fights between people, which no one reads as a struggle "against" something
    **dict.fromkeys(
        ["brawl", "scuffle", "altercation", "melee", "fistfight", "skirmish"],
        "Attack",
    ),
    **dict.fromkeys(["massacre", "siege", "incursion", "assassination"], "Attack"),
    **dict.fromkeys(["injury", "injuries"], "Casualties"),
    **dict.fromkeys(["race", "campaign"], "Election"),
    **dict.fromkeys(
        ["prosecution", "testimony", "appeal"],
        "LegalAction",
    ),
    **dict.fromkeys(["investigation", "inquiry", "probe", "search"], "OtherEvent"),
    **dict.fromkeys(["commemoration", "tribute"], "OtherEvent"),
    **dict.fromkeys(["execution"], "Death"),
    **dict.fromkeys(["quarantine"], "Outbreak"),
    **dict.fromkeys(["displacement"], "OtherEvent"),
    **dict.fromkeys(["withdrawal", "pullout"], "MilitaryDeployment"),
    **dict.fromkeys(["restructuring", "buyback"], "BusinessEvent"),
    **dict.fromkeys(["charges"], "LegalAction"),
    **dict.fromkeys(["bankruptcy", "insolvency"], "Closure"),
    **dict.fromkeys(["sale", "purchase"], "Acquisition"),
    **dict.fromkeys(["ban", "curfew", "tariff", "tariffs"], "Sanction"),
    **dict.fromkeys(["lockdown", "blackout"], "ServiceDisruption"),
    **dict.fromkeys(
        ["avalanche", "mudslide", "snowstorm", "thunderstorm", "sandstorm"],
        "NaturalDisaster",
    ),
    **dict.fromkeys(
        ["accident", "shipwreck", "sinking", "stampede", "spill", "leak"], "Accident"
    ),
    **dict.fromkeys(["victory", "defeat", "win"], "SportsMatch"),
    **dict.fromkeys(["announcement", "speech", "briefing"], "OtherEvent"),
    # events of every desk that the lists above lack: the weather and the ground,
    # the road, violence, votes and cabinets, the courts, money
    **dict.fromkeys(
        """sinkhole hailstorm rockfall rockslide cloudburst downpour
        windstorm""".split(),
        "NaturalDisaster",
    ),
    **dict.fromkeys(["pileup"], "Accident"),
    **dict.fromkeys(
        """shootout gunfight firefight arson carjacking poisoning
        rampage""".split(),
        "Attack",
    ),
    **dict.fromkeys(["recount", "byelection"], "Election"),
    **dict.fromkeys(["reshuffle"], "Appointment"),
    **dict.fromkeys(
        ["acquittal", "arraignment", "retrial", "impeachment"], "LegalAction"
    ),
    # threats made or sent to someone (``kb.extract.triggers``)
    **dict.fromkeys(["threat", "threats"], "OtherEvent"),
    # a pardon given, a prison term served, a march or unrest in the streets
    **dict.fromkeys(["pardon", "imprisonment", "incarceration"], "LegalAction"),
    **dict.fromkeys(["march", "unrest"], "Protest"),
    **dict.fromkeys(["devaluation"], "BusinessEvent"),
    "recall": "OtherEvent",  # only of cars, products … (``triggers``)
    # a craft's flight: its leaving the ground, a walk outside it, its return
    **dict.fromkeys(["liftoff", "blastoff"], "Launch"),
    **dict.fromkeys(["spacewalk", "splashdown"], "ScienceEvent"),
    "handover": "OtherEvent",
}
# Nouns that name an event only with a word before them that says which: "a
# takeover bid", "a rate cut", "an emergency landing", "a heat wave".
_TAKEOVER_WORDS = frozenset({"takeover", "buyout", "merger", "acquisition"})
_RATE_MOVES = frozenset({"rate", "rates", "interest"})
MODIFIED_TRIGGERS: dict[str, tuple[frozenset[str], str]] = {
    **dict.fromkeys(["bid", "offer"], (_TAKEOVER_WORDS, "Acquisition")),
    **dict.fromkeys(["cut", "hike"], (_RATE_MOVES, "BusinessEvent")),
    "landing": (frozenset({"emergency", "crash", "forced"}), "Accident"),
    "wave": (frozenset({"heat", "cold"}), "NaturalDisaster"),
    # a walk in space; an intervention of forces, not of a central bank
    "walk": (frozenset({"space"}), "ScienceEvent"),
    "intervention": (frozenset({"military", "armed"}), "ConflictEvent"),
}
# A verb and the one word beside it that together name an event: "the river burst
# its banks", "the ship ran aground", "took them hostage", "the firm went bust".
EVENT_IDIOMS: dict[tuple[str, str], str] = {
    ("burst", "bank"): "NaturalDisaster",
    ("run", "aground"): "Accident",
    ("take", "hostage"): "Capture",
    **{("go", word): "Closure" for word in INSOLVENT},  # "the firm went bust"
    # "a court declared the firm bankrupt", "was declared insolvent"
    **{("declare", word): "Closure" for word in ("bankrupt", "insolvent")},
}
# Objects with which a verb of an event names none: "killed the contest" ended
# it, "lent their support" gave support, no loan.
NO_EVENT_OBJECTS: dict[str, frozenset[str]] = {
    "kill": frozenset(
        """tie game match contest deal bill plan idea chance chances hope hopes
        proposal motion momentum story rumour rumor talk buzz mood""".split()
    ),
    "lend": frozenset(
        """backing support weight voice name hand ear credibility credence
        legitimacy""".split()
    ),
}
# Verbs (as written) that a particle makes another verb: "the search wound up
# with Kellan" is "ended", no wound.
NO_EVENT_PARTICLES: dict[str, frozenset[str]] = {
    "wound": frozenset({"up", "down"}),
    "wind": frozenset({"up", "down"}),
}
# Adjectives that a noun joined by a hyphen makes a quality, no event of its:
# "drought-prone", "flood-proof", "strike-free".
HYPHENED_QUALITIES = frozenset(
    "prone proof resistant free related like style ready".split()
)
# Verbs of doing whose object names what was done: "carried out raids".
LIGHT_VERBS = frozenset("carry conduct stage launch mount make hold issue".split())
# Nouns before "of" that speak of events of a kind, not of one: "a history of floods".
KIND_HEADS = frozenset(
    """history tradition record pattern culture prevention protection
    insurance""".split()
)
# Offences, whose cases are no disease's: "40 new cases of fraud".
OFFENCE_WORDS = frozenset(
    """fraud abuse corruption theft assault rape murder bribery harassment
    misconduct discrimination negligence malpractice trafficking smuggling""".split()
)
# Words on "fire" that make it shooting: "machine-gun fire".
WEAPON_WORDS = frozenset(
    """machine-gun gun sniper artillery mortar rocket tank cannon automatic small-arms
    anti-aircraft enemy hostile insurgent""".split()
)
# Words of bodily harm that make an attack on a person one with force.
VIOLENCE_WORDS = frozenset(
    """knife knives gun guns rifle pistol machete axe bat weapon weapons bomb
    grenade shot stabbed stabbing beaten beat punched kicked killed killing injured
    injuring wounded wounding dead died hospital hospitalised hospitalized
    gunman gunmen assailant assailants attacker attackers armed""".split()
)
# Those whose attacks are made with force, by lemma: "rebels attacked soldiers".
ARMED_LEMMAS = frozenset(
    """rebel militant insurgent gunman gunmen fighter troop soldier force army police
    attacker assailant mob jihadist terrorist extremist separatist guerrilla
    militia""".split()
)
# Parts of the body that make an injury a player's or a patient's: "a knee injury".
BODY_PARTS = frozenset(
    """hamstring knee ankle shoulder back head groin calf thigh foot wrist elbow hip
    neck muscle finger toe arm leg rib ribs chest eye achilles collarbone shin heel
    hand""".split()
)
# Words that make a "trial" a medical one.
# What is sold when a work sells: "sold 750,000 copies", "sold out every ticket".
SOLD_COPIES = frozenset("copy copies unit units ticket tickets album albums".split())
# What a candidate runs for: "a bid for president", "a campaign for re-election".
OFFICES = frozenset(
    """president presidency office re-election reelection nomination mayor governor
    senate congress parliament seat leadership chancellor premiership""".split()
)
# What someone withdraws from, or is put out of: a contest.
CONTESTS = frozenset(
    """race contest election tournament competition championship line-up lineup
    squad match game final semi-final primary games olympics cup show""".split()
)
# Where something is posted: "posted on Instagram".
PLATFORMS = frozenset(
    """twitter instagram facebook tiktok youtube snapchat linkedin weibo telegram
    reddit threads bluesky website blog""".split()
)
#: what words are posted, shared or said "on" a platform: "wrote on Kellanbook",
#: "a video on Kellanbook"; not "a fine on Kellanbook", which befalls it
POSTING_WORDS = frozenset(
    """post write share say publish stream tweet upload comment announce broadcast
    appear reply respond video photo clip message statement account page feed
    channel thread picture image livestream""".split()
)
MEDICAL_WORDS = frozenset(
    """clinical vaccine vaccines drug drugs patients participants volunteers dose
    doses placebo treatment therapy medicine phase malaria cancer""".split()
)
# Armed groups that withdraw or retreat, beside ``MILITARY_NOUNS``.
ARMED_GROUPS = frozenset(
    """rebels rebel fighters militants insurgents militia militias gunmen guerrillas
    islamists separatists""".split()
)
# What breaks out when an "outbreak" is no disease.
CONFLICT_WORDS = frozenset(
    """war wars fighting hostilities violence conflict clashes unrest revolution""".split()
)
# Conflicts that are launched: "launched an insurgency".
UPRISINGS = frozenset({"insurgency", "rebellion", "uprising", "invasion", "jihad"})
# Words for courts: "the court ruled", "the judge ruled".
# Words of a criminal case's last steps, that make a trial a court's.
SENTENCING_WORDS = frozenset(
    """sentencing verdict jurors defendant guilty acquitted convicted""".split()
)
# What one pleads when a plea is made in court: "pleaded guilty".
PLEAS = frozenset({"guilty", "innocent", "contest"})
# What is granted when a grant is money: "granted a loan".
MONEY_GIVEN = frozenset(
    """loan loans grant grants fund funds funding aid money sum subsidy subsidies
    credit credits bailout""".split()
)
# Titles won at the end of a season or a tournament: "captured the crown".
SPORTS_TITLES = frozenset(
    """crown title championship trophy cup medal pennant""".split()
)
COURT_WORDS = frozenset(
    """court courts judge judges justice justices tribunal jury panel magistrate
    magistrates arbitrator""".split()
)
# What is declared when a declaration is an event: "declared a state of emergency".
DECLARED = frozenset(
    """emergency state war bankruptcy insolvency independence victory disaster curfew
    ceasefire truce law holiday mourning winner candidacy martial""".split()
)
# What an appeal in court is against: "appealed the verdict".
APPEALED_OBJECTS = frozenset(
    """ruling verdict sentence conviction decision judgment judgement order""".split()
)
# What a government bans, imposes or lifts when it is a restriction.
RESTRICTION_NOUNS = frozenset(
    """ban bans sanction sanctions embargo curfew restriction restrictions tariff
    tariffs lockdown moratorium quota quotas controls blockade""".split()
)
# What is fired when the firing is an attack: "fired rockets", "fired tear gas".
FIRED_WEAPONS = frozenset(
    """shot shots round rounds rocket rockets missile missiles shell shells gas
    bullet bullets weapon weapons gun guns artillery mortar mortars salvo salvos
    torpedo torpedoes grenade grenades cannon""".split()
)
# What a player scores: "scored twice", "scored the winner".
SCORED_OBJECTS = frozenset(
    """goal goals try tries point points run runs hat-trick century winner
    equaliser equalizer penalty touchdown basket baskets header""".split()
)
# Words on "race" that make it an election: "the Senate race".
RACE_MODIFIERS = frozenset(
    """senate presidential governor gubernatorial mayoral congressional house
    leadership parliamentary election electoral general local municipal regional
    federal midterm""".split()
)
# Words that make an investigation or a search one by police or the courts.
POLICE_WORDS = frozenset(
    """police prosecutor prosecutors court courts judge fbi detective detectives officers
    attorney investigators""".split()
)
# Who searches, stops and seizes: "agents inspected the boat", "the coast guard
# intercepted a speedboat": the police words without those who judge or plead
# ("the family court took custody of the children" is no arrest).
ENFORCERS = POLICE_WORDS - frozenset(
    "prosecutor prosecutors court courts judge attorney".split()
) | frozenset(
    """agent agents officer customs guard guards coastguard inspector inspectors
    deputies deputy troopers trooper authorities navy sheriff marshals""".split()
)
# What police break up when they bust it: "a drug ring was busted".
CRIME_RINGS = frozenset(
    """ring rings gang gangs network networks operation operations lab labs cartel
    cell cells racket rackets brothel brothels den dens""".split()
)
# Who is exchanged when an exchange is of prisoners.
EXCHANGED = frozenset(
    """prisoner prisoners captive captives detainee detainees hostage hostages pow
    pows body bodies soldier soldiers""".split()
)
# People handed over or deported for a crime: "two suspects were handed over".
SUSPECTS = frozenset({"suspect", "suspects", "fugitive", "fugitives", "convict"})
# What a lost or won case is: "lost its court case".
CASE_NOUNS = frozenset({"case", "lawsuit", "suit", "appeal", "trial", "challenge"})
# Words that make "beat", "win" or "defeat" a match where no score is written.
SPORTS_CONTEXT = frozenset(
    """penalties penalty striker midfielder goalkeeper keeper league cup tournament
    semi-final quarter-final extra-time half-time stadium kick-off scorer fixture
    fixtures championship derby wicket wickets innings batsman batting bowler
    bowlers touchdown quarterback pitcher""".split()
)
# Words of a match report, with its score: broader than ``SPORTS_CONTEXT``, as a
# whole article is judged, not one sentence.
SPORTS_REPORT_WORDS = SPORTS_CONTEXT | frozenset(
    """match goal goals game season final coach club squad points win draw
    minute""".split()
)
# Words of games that other news seldom uses: four of them make a story of the game.
SPORTS_ONLY_WORDS = SPORTS_CONTEXT | frozenset("club coach squad match season".split())
# What is released when a release is no product launch: "released the emails".
DOCUMENT_NOUNS = frozenset(
    """email emails document documents record records file files name names detail
    details data statement transcript transcripts video tape tapes report letter
    list information photo photos image images footage""".split()
)
# Vehicles, for "derail" and "crash" with an object.
VEHICLES = frozenset(
    """train trains tram trams bus buses car cars truck trucks lorry plane planes
    jet jets aircraft helicopter helicopters drone drones coach van ferry boat
    ship""".split()
)
# Words for one kind of event, that merge as one event, while other kinds of the same
# type stay apart ("the typhoon" and the "mudslides" it caused).
EVENT_KINDS = {
    **dict.fromkeys(["apologise", "apologize", "apology"], "apology"),
    **dict.fromkeys(["manhunt", "hunt"], "manhunt"),
    **dict.fromkeys(["pay", "payment"], "payment"),
    **dict.fromkeys(["discover", "discovery"], "discovery"),
    **dict.fromkeys(["recall"], "recall"),
    **dict.fromkeys(["warrant", "warrants"], "warrant"),
    **dict.fromkeys(["deport", "deportation", "expel", "expulsion"], "expulsion"),
    **dict.fromkeys(["hand", "handover", "extradite", "extradition"], "handover"),
    **dict.fromkeys(["earthquake", "quake", "tremor", "shaking"], "quake"),
    **dict.fromkeys(["storm", "typhoon", "hurricane", "cyclone", "landfall"], "storm"),
    **dict.fromkeys(["flood", "flooding", "floods"], "flood"),
    **dict.fromkeys(["drought"], "drought"),
    **dict.fromkeys(["wildfire", "bushfire"], "wildfire"),
    **dict.fromkeys(["heatwave"], "heatwave"),
    **dict.fromkeys(["landslide", "mudslide"], "landslide"),
    **dict.fromkeys(["investigation", "inquiry", "probe", "investigate"], "inquiry"),
    **dict.fromkeys(["outbreak", "epidemic", "pandemic", "infect"], "outbreak"),
    **dict.fromkeys(["test"], "test"),
    **dict.fromkeys(["quarantine"], "quarantine"),
    # where a speaker makes news known: "made the announcement" at "the news
    # conference" that day is one occasion
    **dict.fromkeys(["announce", "announcement", "conference", "briefing"], "news"),
}
# Verbs whose object "charges" are criminal charges: "faces charges".
CHARGE_VERBS = frozenset({"face", "file", "bring", "press", "drop", "deny", "lay"})
# Boats, for "sank" and "capsized".
VESSELS = frozenset(
    """ship ships boat boats vessel vessels ferry ferries tanker trawler yacht
    submarine dinghy barge freighter warship""".split()
)
# Subjects that make "erupt" a disaster, and those that make it fighting or protest.
ERUPTING_VIOLENCE = frozenset({"violence", "fighting", "clashes", "clash", "war"})
ERUPTING_PROTEST = frozenset({"protest", "protests", "demonstrations", "riots"})
# Subjects of "flood" that flood places: "the river flooded the town".
FLOODING_SUBJECTS = frozenset({"river", "rivers", "water", "waters", "rain", "rains"})

# Verbs whose event type depends on their subject ("profit fell", "shares rose").
MOVEMENT_VERBS = frozenset(
    {
        "fall",
        "rise",
        "drop",
        "climb",
        "jump",
        "slump",
        "plunge",
        "surge",
        "soar",
        "tumble",
        "decline",
        "increase",
        "grow",
        "slide",
        "gain",
        "slip",
        "dip",
        "advance",
        "rebound",
        "add",
    }
)
# Nouns for such moves: "a 14% rise in profit", "a fall in shares".
MOVEMENT_NOUNS = frozenset(
    """rise fall drop increase decline jump gain surge slump plunge""".split()
)
FINANCIAL_SUBJECTS = frozenset(
    {
        "profit",
        "revenue",
        "earnings",
        "sales",
        "income",
        "loss",
        "margin",
        "turnover",
        "ebitda",
        "output",
        "growth",
    }
)
MARKET_SUBJECTS = frozenset(
    {
        "share",
        "shares",
        "stock",
        "stocks",
        "price",
        "prices",
        "index",
        "market",
        "markets",
        "bond",
        "bonds",
        "yield",
        "yields",
        "currency",
        "average",
        "composite",
    }
)
# Words of a stock index's name: "the Nasdaq Composite added 18 points".
MARKET_INDEX_WORDS = frozenset(
    """dow nasdaq s&p ftse nikkei dax cac hang seng stoxx kospi sensex topix
    russell""".split()
)
# Objects that JobCuts' "cut"/"shed"/"lay off" must have, so "cut rates" is no event.
JOB_NOUNS = frozenset(
    {
        "job",
        "jobs",
        "position",
        "positions",
        "post",
        "posts",
        "role",
        "roles",
        "worker",
        "workers",
        "staff",
        "employee",
        "employees",
        "workforce",
        "headcount",
    }
)
# Objects that make "pull", "take", "open", "issue" … the event they name.
RESCUE_OBJECTS = frozenset(
    {
        "people",
        "survivors",
        "person",
        "body",
        "bodies",
        "children",
        "residents",
        "victims",
    }
)
WARNING_OBJECTS = frozenset({"warning", "advisory", "alert", "evacuation"})

# Verbs whose everyday senses outnumber their event sense: each fires only when its
# arguments have the kinds that the event needs (see ``kb.extract.triggers``).
# "took control of X", "took a stake in X": the nouns that make "take" an acquisition.
TAKEOVER_NOUNS = frozenset({"control", "ownership", "stake", "majority", "charge"})
# What one buys or takes over when it is a takeover: a business, not goods or time.
BUSINESS_NOUNS = frozenset(
    """company firm business unit division subsidiary rival competitor group bank
    lender insurer carrier airline brand chain operator maker manufacturer retailer
    startup start-up stake assets operations portfolio franchise club team""".split()
)
# Facilities whose closing or opening is an event ("closed its factory", "the border
# was shut"); without one of them "close"/"open" is a price or a time of day.
FACILITY_NOUNS = frozenset(
    """factory plant mine store shop branch office school hospital clinic border
    airport port harbour harbor road bridge station line railway mill refinery site
    restaurant hotel museum embassy consulate airspace crossing facility warehouse
    outlet depot campus university college theatre theater cinema tunnel highway
    motorway route centre center park beach door doors pipeline terminal base camp
    shelter court library market headquarters hq premises showroom laboratory lab
    studio yard shipyard smelter farm venue stadium zoo prison barracks checkpoint
    gate""".split()
)
# Words that make a closing or opening a price movement ("closed 2% lower").
PRICE_MOVES = frozenset(
    {"higher", "lower", "up", "down", "flat", "unchanged", "firmer", "weaker"}
)
# Objects that make "win"/"draw"/"beat" a sports match, and those that make it a vote.
SPORTS_OBJECTS = frozenset(
    """match game final semifinal semi-final quarterfinal quarter-final title cup
    championship tournament race medal gold silver bronze league derby trophy series
    bout tie leg round stage grand prix open marathon triathlon regatta""".split()
)
ELECTION_OBJECTS = frozenset(
    {
        "election",
        "vote",
        "seat",
        "seats",
        "poll",
        "primary",
        "runoff",
        "majority",
        "nomination",
        "caucus",
        "delegates",
        "state",
        "states",
    }
)
# Words that make "won", "beat" or "captured" a vote, not a match or a capture.
ELECTION_CONTEXT = frozenset(
    """election elections primary primaries caucus caucuses nomination vote votes
    ballot ballots delegates polls runoff referendum seat seats electorate""".split()
)
# What a body votes on: "rejected the bill", "approved the merger".
VOTED_OBJECTS = frozenset(
    """bill bills law legislation motion measure amendment budget proposal
    resolution treaty plan deal nomination referendum appeal request application
    merger takeover bid package reform reforms ordinance regulation rule rules
    nominee candidate offer settlement""".split()
)
# Parts of a whole: "16 percent of the vote", "a share of the vote".
SHARE_WORDS = frozenset(
    """percent per cent % share majority half third quarter plurality portion most
    side fraction""".split()
)

# What is launched when a launch is one: a product, a service, a craft, a scheme.
LAUNCHED_THINGS = frozenset(
    """product products service services app apps model models phone phones device
    devices satellite satellites rocket rockets spacecraft shuttle mission missions
    brand range line network website site channel platform console car cars vehicle
    vehicles edition version store stores shop shops fund funds drug vaccine
    newspaper magazine airline route routes program programs programme programmes
    scheme schemes initiative initiatives strategy project projects plan centre
    center office offices""".split()
)
# Subjects that "explode" only in figures: "phone use has exploded".
GROWING_THINGS = frozenset(
    """demand use price prices cost costs number numbers population interest
    popularity debt sale sales traffic spending crime""".split()
)

# Words that make a storm a figure of speech: "the perfect storm".
FIGURATIVE_STORMS = frozenset({"perfect", "political", "media", "diplomatic", "social"})

# Diseases with a season: "the flu season".
SEASONAL_DISEASES = frozenset(
    {"flu", "influenza", "cold", "allergy", "hay-fever", "rsv"}
)

# What explodes in an attack: "a car bomb exploded".
EXPLOSIVES = frozenset(
    """bomb bombs device devices explosive explosives grenade grenades mine mines
    shell shells rocket rockets missile missiles""".split()
)
# Who clashes in a fight, beyond armed groups: "protesters clashed with police".
FIGHTERS = frozenset(
    """police protesters demonstrators rioters fans supporters troops soldiers forces
    militants rebels gunmen villagers students crowds youths""".split()
)
# What a delay stops: "the flight was delayed".
SERVICES = frozenset(
    """flight flights train trains service services departure departures launch bus
    buses ferry ferries plane""".split()
)
# Words that make a breach a break-in, not "a breach of contract".
BREACH_KINDS = frozenset({"data", "security", "cyber", "cybersecurity"})

# Verbs whose "with/for/of X" names an offence: "charged with murder".
ACCUSING_VERBS = frozenset(
    """charge accuse convict suspect acquit indict arrest jail sentence detain
    prosecute try guilty""".split()
)

# Relatives, whose names follow them: "his wife Mary".
KIN_WORDS = frozenset(
    """wife husband son daughter mother father brother sister widow widower
    stepmother stepfather grandson granddaughter grandmother grandfather niece nephew
    cousin aunt uncle fiancee fiance partner mum mom dad mummy mommy daddy""".split()
)

# What is asked for when a request is news: "requested $50 million in aid".
AID_WORDS = frozenset(
    """aid assistance funding funds money help support loan loans relief grant
    grants bailout""".split()
)

# Things called off besides services and named events: "the cancellation of the
# concert".
CALLED_OFF = frozenset(
    """concert concerts show shows event events festival meeting meetings visit trip
    tour conference ceremony parade order orders contract contracts""".split()
)

# Prepositions that put a noun's event at another time than its verb's: "opened
# in May, a year after the fire".
TIME_APART = frozenset({"after", "before", "since", "until", "following"})
# Verbs of a clause that says when an event started: "the strike, which began on
# 12 March"; and verbs that then turn it: "… ended on Friday", "collapsed".
STARTING_VERBS = frozenset({"begin", "start", "open", "erupt", "commence"})
TURNING_VERBS = frozenset(
    {"end", "collapse", "spread", "escalate", "resume", "finish", "conclude"}
)
# Spans of time that set two things apart: "four months after", "days before".
INTERVAL_UNITS = frozenset(
    {"hour", "day", "week", "month", "year", "decade", "century"}
)

# Nouns of asking: what "a call / a demand / a claim for X" asks for has not happened.
ASKING = frozenset(
    """call demand claim request bid plea appeal push pressure clamour clamor""".split()
)

# News agencies, folded: a report's source, not the company it reports on.
NEWS_AGENCIES = (
    "reuters",
    "associated press",
    "agence france-presse",
    "afp",
    "bloomberg",
    "xinhua",
    "dow jones newswires",
    "united press international",
    "kyodo",
    "interfax",
)
# Words in the names of public bodies.
PUBLIC_BODY_WORDS = frozenset(
    """service department ministry bureau commission police court council party
    army government administration congress senate parliament agency office fbi
    cia""".split()
)

# Those who work for a person and speak for them: "the senator's aide".
AIDES = frozenset(
    """aide adviser advisor spokesman spokeswoman spokesperson counsellor counselor
    staffer""".split()
)
# People known by whose they are: "Berg's stepmother", "his lawyer", "Berg's
# family".
RELATIONS = KIN_WORDS | frozenset(
    """lawyer attorney friend neighbour neighbor colleague classmate girlfriend
    boyfriend family relative parent""".split()
)

# Who votes: "the senate rejected …", "shareholders approved …".
VOTING_BODIES = frozenset(
    """parliament senate congress house lawmakers legislators council voters
    committee assembly legislature board shareholders members court judge jury
    panel cabinet regulators""".split()
)
# What is released or conducted when the release is a publication.
PUBLICATION_OBJECTS = frozenset(
    """poll polls survey surveys report reports study studies data figures results
    findings analysis forecast estimates""".split()
)
# Those who are deployed when they arrive: "troops arrived".
MILITARY_NOUNS = frozenset(
    """troops soldiers forces army navy military marines fighters units battalion
    brigade warships jets ships convoy tanks""".split()
)
# Objects of "attack" in words, not with weapons: "attacked his record".
CRITICISM_OBJECTS = frozenset(
    """record policy policies plan plans remarks comments statement statements
    position positions views campaign ad ads character credibility judgment
    judgement decision proposal program programme bill law idea ideas mandate
    agenda approach stance rhetoric claim claims coverage media press speech
    tweet tweets""".split()
)
# What "cuts" are of when they are no job cuts: "the tax cuts", "budget cuts".
NOT_JOB_CUTS = frozenset(
    """tax budget budgetary spending rate price interest funding aid benefit benefits
    welfare power service services subsidy pay wage pension""".split()
)
# Words on "sentence" that make it a punishment: "a prison sentence".
PUNISHMENT_WORDS = frozenset(
    """prison jail life death suspended custodial maximum minimum lenient harsh
    lengthy stiff mandatory heavy light""".split()
)
# What a sentence is done with in court: "served a sentence", "handed down".
PUNISHMENT_VERBS = frozenset(
    """serve hand impose receive give appeal reduce commute pass face overturn
    quash""".split()
)
# Verbs that a date does not make an event: states, plans, saying and seeing.
NOT_DEEDS = frozenset(
    """be have do get make take give go come seem appear remain stay continue become
    know think believe want need like expect plan hope try use include involve
    contain total mean cost own see look feel keep let put set show find note add
    rise fall increase decrease grow drop climb gain lose jump slip ease surge
    reach begin start end last regret cite reference refer witness prompt provide
    sit tap swing move mention describe consider face enjoy attract mark spend allow
    help lead serve work live stand hold run earn call proclaim float cement
    undermine""".split()
)
# Nouns for a group or a body that acts, beyond people and institutions.
BODY_NOUNS = frozenset(
    """company firm band group team club bank airline carrier court jury panel
    family couple crew gang orchestra studio school university hospital""".split()
)
# What is said, which a deed of saying issues: "issued a statement".
SAID_THINGS = frozenset(
    """statement comment remark response reply denial tweet post message question
    questions""".split()
)
# What a saying is made in, whose date is the saying's: "said in a Monday
# statement", "told reporters during Friday's briefing".
SAYING_OCCASIONS = frozenset(
    """statement analysis interview speech briefing address post tweet letter
    remarks news conference conference hearing report email memo""".split()
)
# Nouns of a part of the trading day, that date a market's move by the day told:
# "rose in early trading", "fell in afternoon trade", "slipped at the open".
TRADING_SESSIONS = frozenset({"trading", "trade", "session", "open", "close"})
# Verbs of a speaking whose participle tells where and when a saying was made:
# "Speaking at a rally on Monday, she said …", "addressing reporters".
TALKING = frozenset(
    """speak talk address testify appear answer respond reply write brief""".split()
)
# Adverbs that make a verb a habit, not an event: "he often travels abroad".
HABITUAL_ADVERBS = frozenset(
    """often frequently regularly usually routinely sometimes occasionally
    typically generally always never rarely seldom constantly""".split()
)
# "strike" is an attack with a weapon word on it ("air strike") and a walkout where
# workers, a union or pay are in its sentence.
STRIKE_WEAPONS = frozenset(
    {"air", "missile", "drone", "artillery", "rocket", "military", "precision"}
)
WALKOUT_MODIFIERS = frozenset(
    {"general", "hunger", "national", "nationwide", "one-day", "two-day", "indefinite"}
)
LABOUR_WORDS = frozenset(
    """union unions pay wage wages walkout pension pensions workers employees staff
    nurses doctors teachers miners drivers dockers pilots cabin crew""".split()
)
# Subjects that make "rally"/"march" people on the street, beyond named actors and
# ``PEOPLE_NOUNS``: "thousands (of …) rallied", "crowds marched".
CROWD_NOUNS = frozenset(
    """thousands hundreds dozens tens millions crowd crowds people supporters
    opponents protesters demonstrators marchers campaigners residents we they""".split()
)
# What a search is for when it is a rescue: people, bodies, wreckage.
SEARCH_WORDS = frozenset(
    """survivor survivors missing body bodies victim victims wreckage rubble rescuers
    rescuer person people man woman child children boy girl climber climbers
    fisherman fishermen sailor sailors crew passenger passengers box boxes
    debris""".split()
)
# Who protests: "protesters gathered".
PROTESTERS = frozenset(
    """protesters protestors demonstrators marchers activists strikers
    campaigners""".split()
)
# Words in a sentence that make a rally or march a protest even without a human subject.
PROTEST_CONTEXT = frozenset(
    {"protest", "protests", "against", "demand", "demanding", "chanting", "placards"}
)

# Stages of a legal case: two triggers of different stages ("convicted" and
# "jailed") are two events, even without a date or a party that tells them apart.
LEGAL_STAGES = {
    **dict.fromkeys(["sue", "lawsuit"], "suit"),
    **dict.fromkeys(["charge", "indict", "indictment"], "charge"),
    **dict.fromkeys(["convict", "acquit", "conviction", "verdict"], "verdict"),
    **dict.fromkeys(["sentence", "sentencing", "jail", "imprison", "fine"], "sentence"),
    **dict.fromkeys(["imprisonment", "incarceration"], "sentence"),
    **dict.fromkeys(["trial"], "trial"),
    # steps after the sentence: a higher court's reversal, a release, a pardon
    **dict.fromkeys(["reverse"], "reversal"),
    **dict.fromkeys(["release"], "release"),
    **dict.fromkeys(["pardon"], "pardon"),
}

EVENT_TYPE_LABELS = {
    "JobCuts": "job cuts",
    "FinancialResult": "financial result",
    "MarketMovement": "market movement",
    "MilitaryDeployment": "military deployment",
    "MilitaryBuildup": "military build-up",
    "PrisonerExchange": "prisoner exchange",
    "LegalAction": "legal action",
    "NaturalDisaster": "natural disaster",
    "ServiceDisruption": "service disruption",
    "MedicalTrial": "medical trial",
    "StudyPublication": "study publication",
    "SportsMatch": "sports match",
    "ConflictEvent": "conflict",
    "DiplomacyEvent": "visit or meeting",
    "PoliticsEvent": "politics",
    "BusinessEvent": "business",
    "HealthEvent": "health",
    "ScienceEvent": "science",
    "OtherEvent": "event",
}

#: the "'s" that ends a firm's name ("Kellan's"), straight or typographic
NAME_S = frozenset({"'s", "’s"})

PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "i",
        "we",
        "you",
        "who",
        "this",
        "that",
    }
)

# Event nouns that are plural by nature, so a bare plural is still one event.
PLURAL_EVENT_NOUNS = frozenset(
    {
        "threats",  # made or sent: "after making threats" (``triggers``)
        "talks",
        "warrants",
        "casualties",
        "sanctions",
        "cuts",
        "layoffs",
        "redundancies",
        "negotiations",
        "elections",
        "floods",
        "charges",
        "clashes",
        "mudslides",
        "drills",
        "manoeuvres",
        "maneuvers",
        "landslides",
        "wildfires",
        "aftershocks",
        "injuries",
    }
)

# Last words that make a "person" name an organisation ("Nordvik Shipping").
ORG_SUFFIXES = frozenset(
    """shipping railway railways airline airlines airways bank group holdings markets
    capital partners corporation corp corp. inc inc. ltd ltd. llc plc company co co.
    agency institute university council union party ministry department authority
    association foundation motors energy systems technologies labs media news times
    post press television tv radio network studios entertainment pharmaceuticals
    industries enterprises productions records pictures films publishing
    city united rovers fc athletic wanderers rangers albion""".split()
)
# Leading words that an organisation's short name drops ("the Treasury").
NAME_QUALIFIERS = frozenset(
    {"national", "federal", "state", "royal", "central", "general", "public", "united"}
    # a club's initials before its town: "FC Porto" is "Porto" in the same story
    | {"fc", "afc", "cf", "sc", "ac", "as", "ssc", "real"}
)
# Last words of clubs' names that no place has: "Varda United", "Orlen Rovers".
CLUB_NAME_ENDS = frozenset(
    "united rovers athletic wanderers albion hotspur rangers".split()
)
# Words that name a storm when a capitalised name follows ("Typhoon Kalmaegi").
STORM_WORDS = frozenset({"typhoon", "hurricane", "cyclone", "storm", "tropical"})
# The words for a storm that come before its name: "Hurricane Tomas", "Tropical Storm
# Kellan"; each such name is the storm's event.
STORM_NAMES = STORM_WORDS - {"tropical"}

# Event types that an organisation's statement reports about the organisation itself.
SELF_REPORTED_TYPES = frozenset(
    {
        "FinancialResult",
        "JobCuts",
        "Closure",
        "Investment",
        "Launch",
        "Acquisition",
        "MarketMovement",
    }
)

# Nouns for a business or an institution in general ("the company", "the agency"):
# "the <noun>" refers back to the organisation the story is about.
ORG_GENERIC = frozenset(
    {
        "giant",
        "hospital",
        "clinic",
        "charity",
        "club",
        "automaker",
        "carmaker",
        "conglomerate",
        "supplier",
        "publisher",
        "utility",
        "refiner",
        "brewer",
        "multinational",
        "company",
        "firm",
        "carrier",
        "group",
        "bank",
        "airline",
        "insurer",
        "maker",
        "manufacturer",
        "retailer",
        "chipmaker",
        "operator",
        "lender",
        "producer",
        "developer",
        "agency",
        "organisation",
        "organization",
        "university",
        "institute",
        "centre",
        "center",
        "broadcaster",
        "newspaper",
        "chain",
        "fund",
    }
)
# The nouns of ``ORG_GENERIC`` for a business, that a news agency or a public body
# is not: "the company said" after a Reuters report on it is the company, not Reuters.
BUSINESS_DESCRIPTORS = ORG_GENERIC - frozenset(
    """hospital clinic charity club group agency organisation organization university
    institute centre center broadcaster newspaper fund""".split()
)

# ---------------------------------------------------------------- entity precision
# (kept together and apart from the lists above; used by kb.extract.mentions)
# Nouns for a made thing that a name before them makes a product or a model of it:
# "the Vexa tablets", "a Corvan jet", "the Qorix browser". The name is no actor there.
PRODUCT_NOUNS = frozenset(
    """software browser app apps os phone phones smartphone smartphones handset
    handsets tablet tablets laptop laptops pc pcs computer computers console consoles
    chip chips processor processors car cars sedan suv vehicle vehicles truck trucks
    jet jets jetliner airliner airliners aircraft plane planes helicopter helicopters
    model models engine engines drone drones strain strains variant variants virus
    vaccine vaccines drug drugs smartwatch smartwatches camera cameras headset
    headsets printer printers router routers robot robots rocket rockets missile
    missiles rifle rifles lander landers capsule capsules trojan trojans malware
    ransomware worm botnet telescope telescopes satellite satellites
    spacecraft""".split()
)
# Nouns for a work or a made thing whose name may stand beside them: "the album
# Midnight Rivers", "her novel, The Silent Harbour,", "the ship Orlen Star", "the
# drug Keytruda": the name is no actor.
# Last words of the names of contests, which are no places: "the Orlen Open".
COMPETITION_HEADS = frozenset(
    """open masters classic invitational cup games championship championships
    tournament marathon olympics prix derby""".split()
)
# What a performer does in a work: "starred in Breaking Orlen".
PERFORMING_VERBS = frozenset({"star", "co-star", "costar", "feature", "cast"})
# What an actor does to a character: "she plays Captain Orlen in the series".
ROLE_VERBS = frozenset({"play", "portray", "voice"})
# Parts or versions of a work, after which "of" leads to its title: "the third
# season of Varda Nights", "the sequel to Orlen Road".
WORK_PARTS = frozenset(
    """season seasons episode episodes sequel prequel finale premiere remake
    spinoff spin-off installment instalment""".split()
)
# What joins two places, whose "between" leads to them: "the border between Tarsk
# and Varda", "flights between Orlen and Kellan".
LINK_NOUNS = frozenset(
    """border borders frontier bridge road highway railway rail route routes flight
    flights ferry ferries pipeline tunnel corridor""".split()
)
# Verbs of a journey, whose "to" or "from" leads to a place: "sailed to Tarsk".
TRAVEL_VERBS = frozenset(
    """fly sail travel drive walk flee relocate emigrate deport evacuate ride
    commute swim march hike cycle""".split()
)
# Verbs of where someone lives or comes from: "born in X", "lives in X", "grew up
# in X", "a firm based in X" say that X is a place, whatever the NER calls it.
HOME_VERBS = frozenset("bear born live grow reside settle base".split())
WORK_NOUNS = frozenset(
    """album albums film films movie movies novel novels book books song songs single
    show shows series play plays opera documentary painting poem track memoir
    musical sitcom drama episode ep ship vessel tanker ferry yacht boat drug
    vaccine medicine satellite rover spacecraft racehorse horse""".split()
)
# What people air when they speak their minds: "aired their grievances".
AIRED_VIEWS = frozenset(
    """grievance grievances concern concerns view views complaint complaints
    frustration frustrations opinion opinions doubt doubts worry worries anger
    criticism""".split()
)
# Software a maker puts out, whose release is a launch: "released a patch".
SOFTWARE_NOUNS = frozenset(
    """patch patches fix fixes firmware software upgrade upgrades update updates
    hotfix""".split()
)
# What is posted online as a post, not as a result: "posted a video".
# What is released when a picture or a paper is put out: "released a photograph".
RELEASED_MEDIA = frozenset(
    """image photo photograph picture video footage recording letter letters
    memo""".split()
)
POSTED_MEDIA = frozenset(
    """image images photo photos photograph photographs picture pictures video
    videos clip clips footage selfie selfies message messages""".split()
)
# What a national side does in a match report, as the verb it is the subject or the
# object of: "Norway beat Austria", "Peru drew with Chile".
MATCH_VERBS = frozenset(
    """beat defeat draw tie play face host lose win edge thrash rout overcome stun
    upset eliminate meet trail lead hold miss concede score qualify""".split()
)
# Who belongs to a side: "Chile's goalkeeper", "Norway's squad".
SIDE_WORDS = frozenset(
    """striker winger midfielder defender goalkeeper keeper substitute coach captain
    skipper manager batsman bowler side team squad players fans supporters""".split()
)
# Legal forms that end a company's name: "Hathor Holdings Inc" is no place.
COMPANY_FORMS = frozenset(
    """inc inc. corp corp. corporation ltd ltd. llc plc co co. company holdings ag
    gmbh bhd""".split()
)
# Words that say what kind of body a name is, which no person's name holds:
# "Brandt Holdings", "Brandt Foundation".
BODY_NAME_WORDS = ORG_SUFFIXES | INSTITUTION_NOUNS | ORG_GENERIC
# Last words of a company's name, whose first word alone is the company for short:
# "Kellan" beside "Kellan Airlines" is the airline; beside "Kellan Council" or
# "the Kellan Party" it is the town they are named after.
COMPANY_NAME_ENDS = COMPANY_FORMS | frozenset(
    """airline airlines airways shipping motors energy systems technologies labs
    pharmaceuticals industries enterprises group partners capital""".split()
)
# Head nouns of names of things that happen, are agreed or are measured, which act
# and speak through no one: "the Velmora Composite Index", "the Velmora Accord", "the
# Northern Games", "World Water Day".
THING_NAME_HEADS = frozenset(
    """index average report act treaty agreement accord protocol policy agenda cup
    games day olympics championship championships tournament festival exhibition expo
    award awards prize prizes medal medals trophy globe globes oscar oscars emmy
    emmys grammy grammys marathon show fair carnival bowl open masters classic
    invitational summit prix gala pageant parade derby""".split()
)
# Words for a bomb's going off, a general word for the bombing ("the blast").
BLAST_WORDS = frozenset({"blast", "explosion", "detonation"})
# Nouns that name an event of another type than their own, the general word for
# the specific: "the deal" after (or before) a takeover, "the ballot" for an
# election, "the death" of someone killed.
ANAPHOR_TYPES: dict[str, frozenset[str]] = {
    "deal": frozenset({"Acquisition", "Merger", "Investment"}),
    "takeover": frozenset({"Acquisition", "Merger"}),
    "ballot": frozenset({"Election"}),
    "vote": frozenset({"Election"}),
    "poll": frozenset({"Election"}),
    **dict.fromkeys(
        ["death", "killing", "murder", "slaying"], frozenset({"Casualties"})
    ),
    # "a bomb exploded … after the blast": the noun is the attack's, not an accident
    **dict.fromkeys(BLAST_WORDS, frozenset({"Attack"})),
}
# Kinds of attack that tell two attacks apart when both words say theirs: a clash
# is not a stabbing, though "the attack" or "the violence" may be either.
ATTACK_KINDS = {
    **dict.fromkeys(["clash", "clashes", "skirmish", "brawl"], "clash"),
    **dict.fromkeys(["stab", "stabbing", "knife", "slash"], "stabbing"),
    **dict.fromkeys(["shoot", "shooting", "gunfire", "gun"], "shooting"),
    **dict.fromkeys(
        ["bomb", "bombing", "explode", "explosion", "blast", "detonate"], "bombing"
    ),
    **dict.fromkeys(["shell", "shelling", "airstrike", "bombard"], "shelling"),
    **dict.fromkeys(["hijack", "hijacking", "carjack"], "hijacking"),
}
# Kinds of event (EVENT_KINDS) that last for days, so that the days of the several
# sentences that tell of one ("the storm neared on Wednesday … will make landfall on
# Friday") do not make it several. Not strikes ("strike" is an air strike too, done
# in a day) nor sieges (not a kind: a siege and "the assault" may be one).
LASTING_KINDS = frozenset(
    {"storm", "flood", "drought", "wildfire", "heatwave", "outbreak"}
)
# Types of event that tell one deed in two words: "has been arrested … police
# detained him on Monday".
ONE_DEED_TYPES = (frozenset({"Arrest", "Capture"}),)
# Deeds whose scene the next sentence sets ("A man has been stabbed. Police were
# called to the street on Saturday."), and the verbs that set it.
SCENE_TYPES = frozenset({"Attack", "Casualties", "Death", "Accident"})
SCENE_VERBS = frozenset({"call", "alert", "summon", "happen", "occur"})
# Where a patient is admitted and discharged: "admitted to hospital".
CARE_PLACES = frozenset("hospital hospitals clinic icu ward care infirmary".split())
# Diseases the NER takes for names: "Covid-19", "Zika".
DISEASES = frozenset(
    {
        *"ebola covid covid-19 sars mers zika cholera measles malaria polio".split(),
        *"dengue mpox tuberculosis hiv aids plague".split(),
        "black death",
        "multiple sclerosis",
        "alzheimer's",
        "parkinson's",
    }
)
# Last words of the names of diseases named after a place or a person: "Lassa
# fever", "Orlen flu"; a name ending so is no actor or place.
DISEASE_NAME_ENDS = frozenset("fever flu influenza virus disease syndrome".split())
# Acronyms of common nouns, which name no one: "an IPO", "GDP".
COMMON_ACRONYMS = frozenset(
    """IPO IPOs GDP CEO CEOs CFO COO AGM ETF ETFs SMS MMS PDF PDFs DOC DOCX PPT XLS
    JPEG JPG PNG GIF MP3 MP4 HTML URL URLs USB GPS VPN VPNs API APIs PIN PINs ATM
    ATMs ICU ICUs""".split()
)
# Devices, systems and currencies that the NER takes for companies ("an iPhone",
# "on Android", "paid in Bitcoin"): things, never actors.
TECH_PRODUCTS = frozenset(
    """Android iOS iPhone iPhones iPad iPads iPod iMac iMacs MacBook macOS Windows
    Linux Bitcoin Ethereum Xbox PlayStation Kindle Alexa Siri Chromebook""".split()
)
# The processes a prosecutor or a court drops or reopens: "dropped the case".
LEGAL_PROCESSES = frozenset(
    """investigation investigations probe inquiry case cases charge charges lawsuit
    suit prosecution""".split()
)
# What is left of the dead: "the bodies were found", "recovered his remains".
REMAINS = frozenset({"body", "bodies", "remains", "corpse", "corpses"})
# Award shows and games the news names by one word: events, not actors or places.
ONE_WORD_EVENTS = frozenset(
    "oscars emmys grammys baftas tonys olympics paralympics".split()
)
# Holidays and feasts, which the NER takes for places or people at times: times of
# the year, neither actors nor places.
HOLIDAYS = frozenset(
    """christmas easter ramadan eid diwali deepavali hanukkah chanukah thanksgiving
    passover halloween holi navratri pentecost lent advent purim sukkot nowruz vesak
    songkran hogmanay kwanzaa""".split()
    + [
        "yom kippur",
        "rosh hashanah",
        "eid al-fitr",
        "eid al-adha",
        "lunar new year",
        "chinese new year",
        "good friday",
        "boxing day",
        "christmas eve",
        "christmas day",
    ]
)
# Verbs whose object is a product: "the company that makes Crunchos and Fizzbars".
MAKING_VERBS = frozenset({"make", "manufacture", "produce", "brew", "bake"})
# Languages, which the NER takes for names ("an Urdu daily"); none is an actor or a
# place on its own.
LANGUAGE_NAMES = frozenset(
    """arabic hindi urdu bengali punjabi telugu marathi gujarati kannada malayalam
    amharic hausa yoruba igbo xhosa farsi pashto dari hebrew yiddish mandarin
    cantonese tagalog malay khmer lao esperanto latin sanskrit gaelic catalan
    basque swahili quechua aymara tigrinya""".split()
)
# Nouns for a kind of place: a name in apposition with one, or set before one, is
# the name of a place ("Ormsby, a town in the north", "the Kavrin slum").
PLACE_NOUNS = frozenset(
    """city town village hamlet township district province region capital island port
    suburb slum neighbourhood neighborhood municipality prefecture county beach valley
    river lake bay coast peninsula mountain hill""".split()
)
# Last words of the names of streets, squares, parks and natural features: "Oxford
# Street", "Yellowstone National Park", "Lake Victoria" (as the name's last word).
PLACE_NAME_HEADS = frozenset(
    """street road avenue boulevard lane square plaza park bridge river lake
    mountain mountains valley island islands bay sea ocean beach forest desert canal
    highway motorway airport stadium arena harbour harbor coast peninsula gulf strait falls
    hill hills glacier reservoir dam volcano hotel platz embassy prison jail
    suites northwest northeast southwest southeast midwest range basin delta plateau
    plains archipelago atoll reef strip county parish prefecture""".split()
)
# Words that open a street's or square's name in other languages: "Place Orlen",
# "Piazza Varda", "Rue Kellan".
PLACE_NAME_FIRST_WORDS = frozenset(
    """place piazza plaza rue via avenida calle praça mount mt lake cape sierra isle
    county""".split()
)
# Last words of the names of buildings that are places where the text says where
# ("at Kelvin Hospital") and bodies where they act ("Kelvin Hospital said").
FACILITY_HEADS = frozenset(
    "hospital clinic university college school campus academy infirmary".split()
)
# Of those, the ones that are surnames too.
SURNAME_PLACE_WORDS = frozenset(
    "park lane hill hills bay lake forest sea hotel plaza".split()
)
# Words for the side of a place: "15 miles north of Ormsby".
COMPASS_WORDS = frozenset(
    """north south east west northeast northwest southeast southwest outskirts""".split()
)
# Offices held over a town or a province, and those who live there, whose "of"
# names a place: "the mayor of Ormsby", "residents of Ormsby" (a body's head is
# "the chairman of", and a body may be no place).
OF_PLACE_WORDS = frozenset(
    "mayor mayors governor governors residents inhabitants".split()
)
# Nouns for someone who works or studies at a place, beside PEOPLE_NOUNS and
# ROLE_WORDS: "a doctor at Kelvin Infirmary", "a partner at Orlen Capital"
# say who employs them, not where something happened.
STAFF_NOUNS = frozenset(
    """doctor surgeon nurse partner fellow student expert teacher lecturer dean
    clinician consultant academic staffer employee""".split()
)
# Time zones, written after a clock time ("16:40 GMT"): never a name.
TIME_ZONES = frozenset(
    """GMT UTC BST CET CEST EET EEST WET EST EDT CST CDT MST MDT PST PDT AEST AEDT
    JST KST""".split()
)
# Nouns for the body that a leader heads, whose name it takes: "the Orlen
# administration" is an organisation, not the person Orlen.
LEADERS_BODIES = frozenset({"administration", "government"})
# Works made for the screen or the air, whose maker or channel a name before them
# is: "a Varda documentary", "the third Orlen series".
SCREEN_WORKS = frozenset(
    "documentary documentaries film series show special sitcom podcast".split()
)
# Fields a minister, secretary or director is in charge of, written before the title
# ("the Housing Secretary", "Policy and Trade Director"): no names of their own.
PORTFOLIO_WORDS = frozenset(
    """energy health finance defence defense interior foreign education transport
    transportation justice agriculture environment trade labour labor housing
    culture tourism research advocacy communications policy security science
    technology sport sports development treasury commerce industry""".split()
)
# Nouns after which "in" names a field of study: "a PhD student in Marine Biology".
STUDY_NOUNS = frozenset(
    """student students degree degrees phd doctorate graduate graduates major
    masters diploma""".split()
)
# Verbs that give a thing its name: "a drone named Varda Hawk", "malware dubbed X".
NAMING_VERBS = frozenset({"call", "dub", "name", "nickname", "brand"})
# Nouns for the part an actor plays: "his role as Captain Orlen".
ROLE_NOUNS = frozenset({"role", "part"})
