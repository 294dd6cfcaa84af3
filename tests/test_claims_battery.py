"""A battery of invented sentences in the ways news attributes what is said,
believed or intended, each with its claimant, the content's key words and the
kind of attribution written down by hand before the extractor was run: cues
beyond "said", unnamed and plural sources, titles and appositions, "said X",
"according to X" in every position, pronoun speakers, quotes split, partial or
of several sentences, questions, posts, reports, beliefs and intentions; and
sentences that make no claim (a so-called thing, titles of works, scare quotes,
a hypothetical saying, deeds that are no statements); published on Thursday,
12 June 2025; trained English pipeline with all three attribution types (slow)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kb.evaluate.names import contains, names_match
from kb.models import Article, Extraction

pytestmark = pytest.mark.slow
extract = pytest.importorskip("kb.extract")

#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


@dataclass(frozen=True)
class _Want:
    """One claim expected: who makes it (any of the names), words its statement
    holds, words it must not hold (the cue's frame), and its kind."""

    who: tuple[str, ...]
    words: tuple[str, ...]
    kind: str = "statement"
    absent: tuple[str, ...] = ()


def _w(
    who: str | tuple[str, ...],
    *words: str,
    kind: str = "statement",
    absent: tuple[str, ...] = (),
) -> _Want:
    return _Want((who,) if isinstance(who, str) else who, words, kind, absent)


@pytest.fixture(scope="module")
def read():
    nlp = extract.pipeline(attributions=extract.ATTRIBUTION_TYPES)

    def _read(text: str) -> Extraction:
        article = Article(text=_LEAD + text, origin="test", published="2025-06-12")
        return next(extract.extract_many([article], nlp))

    return _read


def _found(x: Extraction) -> list[tuple[str, str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, "?"), c.statement, c.attribution) for c in x.claims]


def _meets(x: Extraction, want: _Want) -> bool:
    names = {e.key: (e.name, *e.aliases) for e in x.entities}
    return any(
        names_match(names.get(c.claimant, ()), want.who)
        and all(contains([c.statement], w) for w in want.words)
        and not any(contains([c.statement], w) for w in want.absent)
        and c.attribution == want.kind
        for c in x.claims
    )


def _gap(text: str, *wants: _Want, why: str) -> object:
    """A case the extractor does not meet yet, kept so that meeting it shows."""
    return pytest.param(
        text, list(wants), marks=pytest.mark.xfail(strict=True, reason=why)
    )


# (text, the claims expected)
_CLAIMS = [
    # cues beyond "said"
    (
        "Maria Lopez told reporters on Monday that the bridge would reopen in July.",
        [_w("Maria Lopez", "bridge would reopen in July", absent=("reporters",))],
    ),
    (
        "Tomas Brandt, the Varda finance minister, added that the talks had stalled "
        "over fishing rights.",
        [
            _w(
                "Tomas Brandt",
                "talks had stalled over fishing rights",
                absent=("finance minister",),
            )
        ],
    ),
    (
        "Ana Obi wrote in a letter to the council that the budget was illegal.",
        [_w("Ana Obi", "budget was illegal", absent=("letter",))],
    ),
    (
        "The Varda health ministry announced on Tuesday that schools would close "
        "for two weeks.",
        [
            _w(
                ("Varda health ministry", "health ministry"),
                "schools would close for two weeks",
            )
        ],
    ),
    (
        "Tomas Brandt warned that food prices could double by winter.",
        [_w("Tomas Brandt", "food prices could double by winter")],
    ),
    (
        "Maria Lopez insisted she had done nothing wrong.",
        [_w("Maria Lopez", "she had done nothing wrong")],
    ),
    (
        "Kellan Mining admitted that its dam had leaked for months.",
        [_w("Kellan Mining", "dam had leaked for months")],
    ),
    (
        "Mayor Ana Obi denied that the city had run out of money.",
        [_w("Ana Obi", "city had run out of money")],
    ),
    (
        "Tomas Brandt conceded that the vote had been closer than expected.",
        [_w("Tomas Brandt", "vote had been closer than expected")],
    ),
    (
        "Maria Lopez noted that exports rose 4 percent in May.",
        [_w("Maria Lopez", "exports rose 4 percent in May")],
    ),
    (
        "Ana Obi stressed that the ceasefire must hold through the winter.",
        [_w("Ana Obi", "ceasefire must hold")],
    ),
    (
        "The central bank of Kellan estimated that inflation would reach 9 percent "
        "this year.",
        [
            _w(
                ("central bank of Kellan", "Kellan central bank"),
                "inflation would reach 9 percent",
            )
        ],
    ),
    (
        "Analysts at Orlen Bank predicted that growth would slow to 2 percent next "
        "year.",
        [_w(("Orlen Bank", "analysts"), "growth would slow to 2 percent")],
    ),
    (
        "Tomas Brandt argued that the new tax would hurt small farmers.",
        [_w("Tomas Brandt", "new tax would hurt small farmers")],
    ),
    (
        "Maria Lopez claimed the election had been rigged in three districts.",
        [_w("Maria Lopez", "election had been rigged")],
    ),
    (
        "The Varda army confirmed that two soldiers were killed in the attack.",
        [_w("Varda army", "two soldiers were killed")],
    ),
    (
        "Tomas Brandt vowed that the school would be rebuilt within a year.",
        [_w("Tomas Brandt", "school would be rebuilt within a year")],
    ),
    (
        "Ana Obi pledged that no worker would lose a job.",
        [_w("Ana Obi", "no worker would lose a job")],
    ),
    (
        "Maria Lopez urged voters to stay calm.",
        [_w("Maria Lopez", "stay calm")],
    ),
    _gap(
        "The Tarsk union called for a general strike on Friday.",
        _w("Tarsk union", "general strike"),
        why="a place the tagger takes for an organisation stands for the institution it names",
    ),
    (
        "Tomas Brandt accused the Varda government of hiding the figures.",
        [_w("Tomas Brandt", "hiding the figures")],
    ),
    (
        "Maria Lopez explained that the plant had been shut for repairs.",
        [_w("Maria Lopez", "plant had been shut for repairs")],
    ),
    (
        "Ana Obi acknowledged that mistakes had been made.",
        [_w("Ana Obi", "mistakes had been made")],
    ),
    (
        "Tomas Brandt revealed that he had been offered a bribe.",
        [_w("Tomas Brandt", "had been offered a bribe")],
    ),
    (
        "Maria Lopez, the Orlen fire chief, cautioned that the blaze could spread "
        "overnight.",
        [_w("Maria Lopez", "blaze could spread overnight", absent=("fire chief",))],
    ),
    (
        "Maria Lopez denied taking the money.",
        [_w("Maria Lopez", "taking the money")],
    ),
    (
        "Tomas Brandt has repeatedly said that he will not step down.",
        [_w("Tomas Brandt", "will not step down")],
    ),
    _gap(
        "Maria Lopez signalled that she would not run again.",
        _w("Maria Lopez", "she would not run again"),
        why="'signal' as a cue was tried and dropped: it added false positives "
        "on PolNeAR dev",
    ),
    # unnamed and plural sources
    (
        "Officials in Varda said the road would stay closed until Monday.",
        [_w(("officials", "Varda officials"), "road would stay closed")],
    ),
    (
        "A spokesperson for the Kellan foreign ministry said the ambassador had been "
        "recalled.",
        [
            _w(
                ("Kellan foreign ministry", "foreign ministry", "spokesperson"),
                "ambassador had been recalled",
            )
        ],
    ),
    (
        "Maria Lopez's office said she would not attend the summit.",
        [_w(("Maria Lopez", "Maria Lopez's office"), "would not attend the summit")],
    ),
    (
        "The Varda interior ministry opened an inquiry. The ministry said in a "
        "statement that 14 people had been rescued.",
        [
            _w(
                ("Varda interior ministry", "interior ministry", "ministry"),
                "14 people had been rescued",
            )
        ],
    ),
    (
        "Police said the driver had fled the scene.",
        [_w("police", "driver had fled the scene")],
    ),
    _gap(
        "Sources close to the Tarsk president said he would resign next week.",
        _w("sources", "would resign next week"),
        why="the name inside 'close to' is taken for the speaker",
    ),
    (
        "Residents said the water had risen within minutes.",
        [_w("residents", "water had risen within minutes")],
    ),
    (
        "The news site Varda Today reported that the minister had quit.",
        [_w("Varda Today", "minister had quit")],
    ),
    (
        "Witnesses told police that the car was travelling at high speed.",
        [_w("witnesses", "car was travelling at high speed", absent=("police",))],
    ),
    (
        "Doctors at the Orlen hospital said three of the injured were in critical "
        "condition.",
        [_w("doctors", "three of the injured were in critical condition")],
    ),
    (
        "Analysts say the merger will face fierce opposition.",
        [_w("analysts", "merger will face fierce opposition")],
    ),
    (
        "A Kellan government official, speaking on condition of anonymity, said the "
        "talks had collapsed.",
        [
            _w(
                ("official", "Kellan government official", "Kellan government"),
                "talks had collapsed",
                absent=("anonymity",),
            )
        ],
    ),
    (
        "The Orlen Times, citing two officials, reported that the minister would "
        "resign.",
        [_w(("Orlen Times", "officials"), "minister would resign")],
    ),
    (
        "“It is too early to say,” a spokeswoman for Kellan Airways said when asked "
        "about the delays.",
        [_w(("Kellan Airways", "spokeswoman"), "too early to say")],
    ),
    (
        "The Varda foreign ministry issued a statement saying the border remained "
        "open.",
        [_w("Varda foreign ministry", "border remained open")],
    ),
    # titles and appositions
    (
        "Kellan's defence minister, Tomas Brandt, said the troops would stay.",
        [_w("Tomas Brandt", "troops would stay")],
    ),
    (
        "Maria Lopez, a professor of economics at Orlen University, said the "
        "recession was over.",
        [_w("Maria Lopez", "recession was over", absent=("professor",))],
    ),
    (
        "Varda Prime Minister Ana Obi said the border would reopen on Friday.",
        [_w("Ana Obi", "border would reopen")],
    ),
    (
        "The head of the Tarsk port authority, Tomas Brandt, told the council that "
        "cargo volumes had fallen.",
        [_w("Tomas Brandt", "cargo volumes had fallen", absent=("council",))],
    ),
    (
        "Maria Lopez, who led the inquiry, said the fire had been started "
        "deliberately.",
        [
            _w(
                "Maria Lopez",
                "fire had been started deliberately",
                absent=("led the inquiry",),
            )
        ],
    ),
    (
        "Tomas Brandt told the Varda Post that he would sue the newspaper.",
        [_w("Tomas Brandt", "would sue the newspaper", absent=("Varda Post",))],
    ),
    (
        "Speaking to reporters in Tarsk, Maria Lopez said the deal was close.",
        [_w("Maria Lopez", "deal was close", absent=("reporters",))],
    ),
    (
        "Ana Obi said in an interview that she regretted the decision.",
        [_w("Ana Obi", "regretted the decision", absent=("interview",))],
    ),
    # "said X" and other inversions
    (
        "The harvest was the worst in a decade, said Maria Lopez, a farmer near Tarsk.",
        [_w("Maria Lopez", "harvest was the worst in a decade", absent=("farmer",))],
    ),
    (
        "“We will not give up,” said Tomas Brandt, the leader of the strikers.",
        [_w("Tomas Brandt", "We will not give up", absent=("leader",))],
    ),
    (
        "Prices will keep rising, warned Tomas Brandt, an economist at Kellan Bank.",
        [_w("Tomas Brandt", "Prices will keep rising", absent=("economist",))],
    ),
    (
        "“The dam is safe,” insisted the Varda water board.",
        [_w("Varda water board", "dam is safe")],
    ),
    _gap(
        "The curfew will be lifted on Sunday, the Tarsk interior ministry announced.",
        _w("Tarsk interior ministry", "curfew will be lifted on Sunday"),
        why="a place the tagger takes for an organisation stands for the institution it names",
    ),
    # "according to" first, last, in the middle; of a person and of a document
    (
        "According to the Varda election commission, turnout was 61 percent.",
        [
            _w(
                "Varda election commission",
                "turnout was 61 percent",
                absent=("according",),
            )
        ],
    ),
    (
        "Turnout was 61 percent, according to the Kellan election commission.",
        [
            _w(
                "Kellan election commission",
                "Turnout was 61 percent",
                absent=("according",),
            )
        ],
    ),
    (
        "The fire, according to Orlen police, started in a kitchen.",
        [
            _w(
                ("Orlen police", "police"),
                "started in a kitchen",
                absent=("according",),
            )
        ],
    ),
    _gap(
        "Two ships were damaged in the storm, according to a statement from the "
        "Tarsk coast guard.",
        _w(("Tarsk coast guard", "coast guard"), "Two ships were damaged"),
        why="a place the tagger takes for an organisation stands for the institution it names",
    ),
    (
        "According to Maria Lopez, the company lost $3 million last year.",
        [_w("Maria Lopez", "company lost $3 million", absent=("according",))],
    ),
    _gap(
        "“The port is closed,” according to a notice from the Orlen harbour office.",
        _w(("Orlen harbour office", "harbour office"), "port is closed"),
        why="a place the tagger takes for a person stands for the office it names",
    ),
    # pronoun speakers, across sentences and paragraphs
    (
        "Tomas Brandt visited the flooded town on Monday. He said the government "
        "would pay for the repairs.",
        [_w("Tomas Brandt", "government would pay for the repairs")],
    ),
    (
        "Maria Lopez arrived in Varda on Sunday.\n\nShe told reporters the talks "
        "were going well.",
        [_w("Maria Lopez", "talks were going well")],
    ),
    (
        "Maria Lopez spoke after the vote. “This is a good day for Kellan,” she said.",
        [_w("Maria Lopez", "good day for Kellan")],
    ),
    _gap(
        "The Orlen workers' union met on Tuesday. It said the strike would continue.",
        _w(("Orlen workers' union", "Orlen workers union"), "strike would continue"),
        why="'it' is not resolved to an organisation the article names only by description",
    ),
    (
        "Tomas Brandt and Maria Lopez met in Tarsk on Friday. Brandt said the "
        "meeting had been useful.",
        [_w("Tomas Brandt", "meeting had been useful")],
    ),
    (
        "Tomas Brandt introduced Maria Lopez at the rally. She said the region "
        "needed new roads.",
        [_w("Maria Lopez", "region needed new roads")],
    ),
    # partial quotes inside reported speech
    (
        "Maria Lopez said the plan was “a disaster for farmers” and should be dropped.",
        [_w("Maria Lopez", "disaster for farmers", "should be dropped")],
    ),
    _gap(
        "Tomas Brandt called the ruling “deeply unfair.”",
        _w("Tomas Brandt", "deeply unfair"),
        why="the parser takes 'ruling' for an adjective of 'unfair'",
    ),
    # quotes split around the cue; quotes of several sentences
    (
        "“The bridge is safe,” Ana Obi said, “but the road is not.”",
        [_w("Ana Obi", "bridge is safe", "road is not")],
    ),
    (
        "“We have enough food,” the Varda mayor, Tomas Brandt, said. “What we need "
        "is water.”",
        [
            _w("Tomas Brandt", "enough food"),
            _w("Tomas Brandt", "What we need is water"),
        ],
    ),
    (
        "“The storm was the worst in fifty years. Whole streets are gone. We need "
        "help now,” Maria Lopez said.",
        [_w("Maria Lopez", "storm was the worst in fifty years", "need help now")],
    ),
    (
        "Tomas Brandt said: “The mine will close. There is no other way.”",
        [_w("Tomas Brandt", "mine will close", "no other way")],
    ),
    # questions quoted
    (
        "“Who will pay for this?” Ana Obi asked.",
        [_w("Ana Obi", "Who will pay for this")],
    ),
    (
        "“Why did the police wait so long?” asked Maria Lopez, whose shop was burned.",
        [_w("Maria Lopez", "Why did the police wait so long", absent=("shop",))],
    ),
    # social media
    (
        "Tomas Brandt wrote on X that the election had been stolen.",
        [_w("Tomas Brandt", "election had been stolen")],
    ),
    (
        "In a post on Facebook, Maria Lopez said the shelter was full.",
        [_w("Maria Lopez", "shelter was full", absent=("Facebook",))],
    ),
    (
        "Ana Obi posted on social media that she had tested positive for flu.",
        [_w("Ana Obi", "tested positive for flu", absent=("social media",))],
    ),
    (
        "The Kellan embassy tweeted that all its staff were safe.",
        [_w("Kellan embassy", "all its staff were safe")],
    ),
    # reports and studies
    (
        "A study by Orlen University showed that the river was polluted.",
        [_w("Orlen University", "river was polluted")],
    ),
    (
        "A survey by Kellan Research found that 60 percent of voters oppose the deal.",
        [_w("Kellan Research", "60 percent of voters oppose the deal")],
    ),
    (
        "A report by the Varda water board found that the lake was shrinking.",
        [_w(("Varda water board", "water board"), "lake was shrinking")],
    ),
    # beliefs and intentions
    (
        "Maria Lopez believes the company will recover next year.",
        [_w("Maria Lopez", "company will recover next year", kind="belief")],
    ),
    (
        "Tomas Brandt fears that the drought will last another year.",
        [_w("Tomas Brandt", "drought will last another year", kind="belief")],
    ),
    (
        "Kellan Motors expects sales to fall by 10 percent.",
        [_w("Kellan Motors", "sales to fall", kind="belief")],
    ),
    (
        "Investors think the bank will cut rates in July.",
        [_w("investors", "bank will cut rates", kind="belief")],
    ),
    (
        "Maria Lopez said she was confident that the bill would pass.",
        [_w("Maria Lopez", "bill would pass")],
    ),
    (
        "The Varda government plans to build three new hospitals.",
        [
            _w(
                ("Varda government", "Varda"),
                "build three new hospitals",
                kind="intention",
            )
        ],
    ),
    (
        "Tomas Brandt intends to run for president in 2027.",
        [_w("Tomas Brandt", "run for president", kind="intention")],
    ),
    _gap(
        "The Tarsk council wants to ban cars from the old town.",
        _w("Tarsk council", "ban cars from the old town", kind="intention"),
        why="a place the tagger takes for an organisation stands for the institution it names",
    ),
]

#: why a prediction of a noun phrase is no claim yet
_FORECAST_DROPPED = (
    "'predict' and 'forecast' with a noun phrase were tried as cues and dropped: "
    "on an open set they made a claim its gold does not list"
)

#: the cases that ``main`` before this battery missed, each met by a general rule
_FIXED_CLAIMS = [
    # the lemmatiser reads "hopes" and "hoped" as forms of "hop"
    (
        "Tomas Brandt hopes the talks will end the war.",
        [_w("Tomas Brandt", "talks will end the war", kind="belief")],
    ),
    (
        "Tomas Brandt hoped the rain would stop before the match.",
        [_w("Tomas Brandt", "rain would stop before the match", kind="belief")],
    ),
    (
        "Maria Lopez hopes to open a second shop in Orlen.",
        [_w("Maria Lopez", "open a second shop", kind="intention")],
    ),
    # the author of a report, named by a description only
    (
        "A report by the Varda audit office found that $40 million had gone missing.",
        [_w(("Varda audit office", "audit office"), "$40 million had gone missing")],
    ),
    # a noun of saying with a "that" clause, owned by the one who says it
    (
        "Tomas Brandt repeated his claim that the figures were false.",
        [_w("Tomas Brandt", "figures were false", absent=("claim",))],
    ),
    (
        "Kellan Steel stood by its claim that the mine was safe.",
        [_w("Kellan Steel", "mine was safe", absent=("claim",))],
    ),
    # an estimate or a forecast given as a noun phrase
    (
        "Varda officials estimated the damage at $2 billion.",
        [_w(("Varda officials", "officials"), "damage at $2 billion")],
    ),
    (
        "The Kellan army estimated the rebels' strength at 3,000 fighters.",
        [_w("Kellan army", "strength at 3,000 fighters")],
    ),
    _gap(
        "Maria Lopez predicted a close race.",
        _w("Maria Lopez", "a close race"),
        why=_FORECAST_DROPPED,
    ),
    _gap(
        "Analysts forecast a sharp fall in oil prices next year.",
        _w("analysts", "sharp fall in oil prices"),
        why=_FORECAST_DROPPED,
    ),
    # cues that take a clause as "said" does
    (
        "Tomas Brandt assured voters that taxes would not rise.",
        [_w("Tomas Brandt", "taxes would not rise", absent=("voters",))],
    ),
    (
        "Maria Lopez lamented that the town had been forgotten.",
        [_w("Maria Lopez", "town had been forgotten")],
    ),
    (
        "Tomas Brandt countered that the tax would create jobs.",
        [_w("Tomas Brandt", "tax would create jobs")],
    ),
    (
        "Maria Lopez retorted that the figures were false.",
        [_w("Maria Lopez", "figures were false")],
    ),
    (
        "Tomas Brandt reaffirmed that the border would stay open.",
        [_w("Tomas Brandt", "border would stay open")],
    ),
    (
        "Maria Lopez cautioned against reading too much into the poll.",
        [_w("Maria Lopez", "reading too much into the poll")],
    ),
    # what a source makes clear
    (
        "Tomas Brandt made clear that he would not resign.",
        [_w("Tomas Brandt", "he would not resign", absent=("clear",))],
    ),
    (
        "Maria Lopez made it clear that the deal was off.",
        [_w("Maria Lopez", "deal was off", absent=("clear",))],
    ),
    # what the blame is put on; a name given after a quote mark
    (
        "Maria Lopez blamed the floods on poor planning.",
        [_w("Maria Lopez", "floods on poor planning")],
    ),
    (
        "Tomas Brandt welcomed the decision, calling it “a victory for the people.”",
        [_w("Tomas Brandt", "victory for the people")],
    ),
]

#: sentences that make no claim: what a thing is called, titles of works, scare
#: quotes, what may be said, deeds that are no statements
_NO_CLAIMS = [
    "The so-called peace plan was dropped by the Varda government on Monday.",
    "Tomas Brandt is said to be the richest man in Kellan.",
    "Maria Lopez starred in the film “The Long Night” in 2019.",
    "The “temporary” checkpoint has stood on the Tarsk road for six years.",
    "The said company was fined twice last year.",
    "Maria Lopez will decide what to say at the summit.",
    "Maria Lopez signed the letter on Monday.",
    "Tomas Brandt read the report on the train.",
    "Ana Obi won the Tarsk marathon on Sunday.",
    "The Varda Herald published the photos on Tuesday.",
    "Police found the stolen car near Orlen.",
    "Maria Lopez showed the visitors around the factory.",
    "Tomas Brandt wrote a book about the war.",
    "Maria Lopez answered the phone at midnight.",
    "The Orlen hospital admitted 40 patients overnight.",
    "The word “ceasefire” was not in the Kellan treaty.",
    "Tomas Brandt did not say whether he would run.",
    "Maria Lopez refused to comment on the case.",
    "The Varda choir sang “Home Again” at the festival.",
    "Ask Maria Lopez and she will tell you about the war.",
    "The Kellan team, nicknamed “the Wolves”, won the cup.",
    "Maria Lopez was asked about the budget.",
    "The Orlen police report is due next week.",
    "Tomas Brandt heard the explosion from his office.",
    "If Maria Lopez confirms the deal, shares in Kellan Steel will rise.",
    "Unless Tomas Brandt promises to stay, the team will leave.",
    "Tomas Brandt put the plan at risk.",
    "Maria Lopez called the mayor on Sunday.",
    "The sign made clear that visitors were not welcome.",
    "Tomas Brandt did not make clear whether he would run.",
    "The flood made it clear that the dam was too weak.",
    # a document's claim, named again where it is disputed
    "The report's claim that the mine was safe was disputed by the union.",
]

#: non-claims that ``main`` before this battery took for claims
_FIXED_NO_CLAIMS = [
    # a title of a work, quoted: its words hold a verb, but no one says them
    "The Orlen theatre staged “Winter Is Coming Home” last week.",
    "The Kellan band played “We Will Rise Again” at the rally.",
    # a saying only supposed
    "If Tomas Brandt says no, the deal will collapse.",
]


@pytest.mark.parametrize(("text", "wants"), _CLAIMS)
def test_the_ways_news_attributes_a_claim(read, text, wants):
    x = read(text)
    for want in wants:
        assert _meets(x, want), (want, _found(x))


@pytest.mark.parametrize(("text", "wants"), _FIXED_CLAIMS)
def test_claims_that_general_rules_now_find(read, text, wants):
    x = read(text)
    for want in wants:
        assert _meets(x, want), (want, _found(x))


@pytest.mark.parametrize("text", _NO_CLAIMS)
def test_sentences_that_make_no_claim(read, text):
    assert _found(read(text)) == []


@pytest.mark.parametrize("text", _FIXED_NO_CLAIMS)
def test_non_claims_that_general_rules_now_drop(read, text):
    assert _found(read(text)) == []


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # a quote mark that opens the reported clause stays with its closing one
        (
            "Tomas Brandt said that “nobody” would lose their job.",
            ["“nobody” would lose their job"],
        ),
        (
            "Maria Lopez said “the worst is over” and the town would recover.",
            ["“the worst is over” and the town would recover"],
        ),
        # ... and a closing mark after a comma stays with the opening one
        (
            "The talks, which Maria Lopez said were “very productive,” will resume "
            "in May.",
            ["were “very productive,”"],
        ),
        # the "and" that joins the next cue is not said
        pytest.param(
            "Tomas Brandt said Varda would retaliate and warned that the war could "
            "spread.",
            ["Varda would retaliate", "the war could spread"],
            marks=pytest.mark.xfail(
                strict=True,
                reason="trimming a last 'and' or 'but' was tried and dropped: on "
                "PolNeAR dev it cut one content below the strict overlap",
            ),
        ),
        # "when asked": the question was put to the speaker, not asked by her
        (
            "“Nobody knows,” Maria Lopez said when asked how long the strike would "
            "last.",
            ["Nobody knows"],
        ),
    ],
)
def test_where_the_content_begins_and_ends(read, text, statements):
    assert [s for _, s, _ in _found(read(text))] == statements


def test_a_claim_owned_by_someone_else_is_not_the_subjects(read):
    # guard: "his claim" is not the claim of the woman who rejects it
    x = read("Maria Lopez rejected his claim that the figures were false.")
    assert _found(x) == [
        ("Maria Lopez", "his claim that the figures were false", "statement")
    ]
