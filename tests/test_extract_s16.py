"""Events, actors and sources on invented sentences (session 16): what a relative
clause or a participle acts on, nouns that broke out, contests, posts and sales;
an organisation's name written again, and the speaker a clause or a channel hides;
trained English pipeline (slow)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kb.extract import load_pipeline
from kb.extract.claims import claims_of
from kb.extract.entities import entities_of
from kb.extract.events import _finer
from kb.extract.pipeline import make_doc
from kb.models import Article, DateValue, Extraction

pytestmark = pytest.mark.slow


def _events(x: Extraction) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.event_type) for e in x.events]


def _tagged(text: str, ents: list[tuple[int, int, str]]) -> Doc:
    """``text`` parsed, with the NER's entities replaced by ``ents`` (token spans
    and labels), so that a test does not hang on what the NER makes of a name;
    our stages run afterwards, when asked for."""
    nlp = load_pipeline()
    ours = [
        n
        for n in nlp.pipe_names
        if n.startswith("newskb_") and n != "newskb_paragraphs"
    ]
    with nlp.select_pipes(disable=ours):
        doc = nlp(make_doc(nlp, Article(text=text, origin="test")))
    doc.ents = [Span(doc, a, b, label) for a, b, label in ents]
    return doc


def _claims(x: Extraction) -> list[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, "?"), c.statement) for c in x.claims]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a passive subject, a relative pronoun, a participle's noun
        ("Varda Media was bought by Orlen Group in May.", ("bought", "Acquisition")),
        (
            "Varda Media, which Orlen Group bought in May, said nothing.",
            ("bought", "Acquisition"),
        ),
        (
            "The Varda headset launched by Orlen Group in May sold well.",
            ("launched", "Launch"),
        ),
        ("Tarsk Labs was launched in May by two engineers.", ("launched", "Launch")),
        # a noun that broke out
        (
            "A fight broke out on Tuesday on a train in Utrecht.",
            ("fight", "OtherEvent"),
        ),
        # put out of a contest, or leaving one
        (
            "Maria Lopez has been eliminated from the dance contest.",
            ("eliminated", "SportEvent"),
        ),
        (
            "Kellan Orlen withdrew from the starting line-up.",
            ("withdrew", "OtherEvent"),
        ),
        # a post online, copies sold, money handed out
        ("Maria Lopez posted on Twitter on Monday.", ("posted", "OtherEvent")),
        ("Kellan Orlen posted a video on social media.", ("posted", "OtherEvent")),
        (
            "The novel sold 40,000 copies within a month.",
            ("sold", "BusinessEvent"),
        ),
        (
            "The Tarsk Trust handed out $14m to relief projects.",
            ("handed", "Investment"),
        ),
        # nouns of a body's course and of a campaign against people
        ("His wife had suffered a miscarriage.", ("miscarriage", "HealthEvent")),
        (
            "The regime must halt the violent crackdown.",
            ("crackdown", "OtherEvent"),
        ),
        # hearings, deaths, laws, results, arrests, politics
        (
            "Kellan Orlen is due to appear in court on Monday.",
            ("appear", "LegalAction"),
        ),
        ("The man, 34, was found dead at his home on May 30.", ("found", "Death")),
        ("The new law came into force on Monday.", ("came", "Legislation")),
        ("The law takes effect on Monday.", ("takes", "Legislation")),
        ("The suspect was taken into custody on Friday.", ("taken", "Arrest")),
        (
            "Varda Corp will release its earnings on July 24.",
            ("release", "FinancialResult"),
        ),
        ("The navy apprehended 26 pirates on Thursday.", ("apprehended", "Arrest")),
        ("Officers confiscated arms and ammunition.", ("confiscated", "Capture")),
        (
            "Launching his bid for mayor in May, Orlen said he would win.",
            ("Launching", "PoliticsEvent"),
        ),
    ],
)
def test_what_happened_to_someone_or_something(run, text, event):
    assert event in _events(run(text))


@pytest.mark.parametrize(
    "text",
    [
        # guards: no one put out of a contest, no contest left, leaflets, no war
        "The new plan eliminated waste from the process.",
        "Varda withdrew its offer.",
        "The officers handed leaflets to the crowd.",
        "His leg broke on the stairs.",
        # guards: appearing on a show, found a way, took effective control
        "Maria Lopez will appear on a talk show on Monday.",
        "Orlen found a way to win.",
        "Varda took control of the match after the break.",
        "Varda launched a bid for the Tarsk football club.",
        # a noun of one field used in another, a visit online
        "Witness testimony from villagers shows how far the water rose.",
        "Maria Lopez kept two of her early appointments.",
        "The malware spreads to users visiting the website.",
    ],
)
def test_everyday_senses_are_no_events(run, text):
    assert not _events(run(text))


def test_a_name_the_ner_calls_a_company_where_it_owns_one_is_the_person():
    text = (
        "The label was bought by talent manager Kellan Orlen in May. Two senators "
        "criticised Kellan Orlen's company."
    )
    # the NER's mistake: "Kellan Orlen's" (with its "'s") as an organisation
    doc = _tagged(text, [(7, 9, "PERSON"), (15, 18, "ORG")])
    assert doc[15:18].text == "Kellan Orlen's"
    kinds = [(c.kind, c.names()[0]) for c in entities_of(doc).clusters]
    assert kinds == [("Person", "Kellan Orlen")]


def test_a_company_named_again_untagged_still_speaks():
    text = (
        "The albums were released through Varda Machine. Varda Machine have twice "
        "denied doing anything wrong."
    )
    doc = _tagged(text, [(5, 7, "ORG")])  # the NER tags the first name only
    [claim] = claims_of(doc)
    assert entities_of(doc).clusters[claim.claimant].names()[0] == "Varda Machine"


def test_a_name_after_a_relative_clause_names_the_speaker(run):
    x = run(
        "The company that runs the show, Orlen Productions, denies that anything "
        "has been sorted."
    )
    assert _claims(x) == [("Orlen Productions", "anything has been sorted")]


def test_who_posts_on_a_platform_speaks_not_the_platform(run):
    x = run("Maria Lopez posted on Twitter accusing Varda Machine of lying.")
    assert [who for who, _ in _claims(x)] == ["Maria Lopez"]
    # the platform is where she posted: no place, and (since s22) no actor either
    assert not [e for e in x.entities if e.name == "Twitter"]


def _dated(x: Extraction) -> list[tuple[str, str | None]]:
    return [(e.trigger.text, e.date.value if e.date else None) for e in x.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the new time of what was put off, when the NER takes both days as one
        (
            "The vote will be delayed from Tuesday to Friday.",
            ("vote", "2025-06-13"),
        ),
        # a ceremony or games by name
        (
            "Maria Lopez will sing at the Orlen Music Awards on Sunday.",
            ("Awards", "2025-06-15"),
        ),
        ("The Varda Games begin on Friday in Utrecht.", ("Games", "2025-06-13")),
        # jobs lost, not a game
        ("About 1,000 workers will lose their jobs on Dec. 9.", ("lose", "2025-12-09")),
    ],
)
def test_dates_of_planned_events(run, text, event):
    assert event in _dated(run(text, published="2025-06-10"))  # a Tuesday


@pytest.mark.parametrize(
    ("first", "other", "kept"),
    [
        ("2025", "2025-06-14", "2025-06-14"),  # the same, more precisely
        ("2025-06", "2025-06-14", "2025-06-14"),
        (None, "2025-06-14", "2025-06-14"),
        # guards: another time, or nothing finer
        ("2024", "2025-06-14", "2024"),
        ("2025-06-14", "2025", "2025-06-14"),
        ("2025-06-14", None, "2025-06-14"),
    ],
)
def test_one_event_named_twice_takes_the_finer_date(first, other, kept):
    def value(v: str | None) -> DateValue | None:
        precision = {4: "year", 7: "month", 10: "day"}
        return None if v is None else DateValue(v, precision[len(v)])  # type: ignore[arg-type]

    assert _finer(value(first), value(other)) == value(kept)


def test_a_saying_is_dated_by_the_verb_beside_its_cue(run):
    x = run(
        "Kellan Orlen chose to comment on the dispute on Monday, saying that Varda "
        "should pay.",
        published="2025-06-10",
    )
    assert [c.date and c.date.value for c in x.claims] == ["2025-06-09"]


def test_a_date_inside_the_statement_does_not_date_the_saying(run):
    x = run(
        "Kellan Orlen said the vote will be held on Friday.", published="2025-06-10"
    )
    assert [c.date for c in x.claims] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Video footage shows police officers beating a man in Utrecht.",
        # what a video shows is evidence, not a statement (changed from session 9)
        "Video of the crash shows that the driver had both hands on the wheel.",
    ],
)
def test_footage_is_no_source_of_its_own(run, text):
    x = run(text)
    assert not x.claims
    assert not [e for e in x.entities if "footage" in e.name.lower()]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Dekalb, Ill. — Kellan Orlen threw for three touchdowns.",
            {"DeKalb", "Illinois"},
        ),
        ("Springfield, Mass. — The mayor said the road was shut.", {"Massachusetts"}),
    ],
)
def test_a_dateline_of_a_town_and_its_state_abbreviation(run, text, places):
    names = {e.name for e in run(text).entities if e.key.startswith(_PLACE_KEYS)}
    assert places <= names


_PLACE_KEYS = ("geonames:", "iso3166:")


def test_a_family_name_with_particles_is_the_person_named_in_full(run):
    x = run(
        "Maria van der Berg was voted off the show on Monday. Van Der Berg said she "
        "was proud of her dancing."
    )
    people = [e for e in x.entities if e.key.startswith("person:")]
    assert [p.name for p in people] == ["Maria van der Berg"]


def test_a_group_of_people_is_a_source_of_its_own(run):
    x = run(
        "Tarsk Bank, Varda's biggest investor, lent $9 billion to Varda in October. "
        "About 1,000 workers will lose their jobs in December, according to a group "
        "of employees. The group said that workers were told to sign by Monday."
    )
    assert {who for who, _ in _claims(x)} == {"group of employees"}


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "In an email sent by chief executive Kellan Orlen, workers were told "
            "that the depot would shut in June.",
            ["Kellan Orlen"],
        ),
        (
            "In a letter from Maria Lopez, staff were told that the plant would close.",
            ["Maria Lopez"],
        ),
        # those told are no source; with no teller there is no claim
        ("Voters were told that the bridge would be rebuilt.", []),
    ],
)
def test_who_tells_speaks_not_who_is_told(run, text, speakers):
    assert [who for who, _ in _claims(run(text))] == speakers


def test_the_n_year_old_goes_on_with_the_person_before(run):
    x = run(
        "Kellan Orlen has signed a contract to succeed Maria Lopez as the team's "
        "coach.\n\nThe Dutch coach had been without a job since March.\n\n"
        'The 56-year-old said after his appointment: "I am excited to be joining '
        'a club with such a great heritage."'
    )
    assert [who for who, _ in _claims(x)] == ["Kellan Orlen"]


@pytest.mark.parametrize(
    "text",
    [
        # the role named with the name before
        "Chile's ambassador to Britain Kellan Orlen said the army could be sent in."
        "\n\nSome of the marchers carried flags.\n\nChile's ambassador to Britain "
        "blamed the UK for meddling in the country's affairs.\n\nMaria Lopez, the "
        'commander of the district, said: "These rioters are criminals."',
        # and after: news may name the role first
        "Chile's ambassador to Britain blamed the UK for meddling in the country's "
        'affairs.\n\nMaria Lopez, the commander of the district, said: "These '
        "rioters are criminals.\"\n\nChile's ambassador to Britain Kellan Orlen "
        "has said that the army could be sent in.",
    ],
)
def test_a_role_goes_to_the_person_named_with_it(run, text):
    speakers = {statement[:6]: who for who, statement in _claims(run(text))}
    assert speakers["the UK"] == "Kellan Orlen"
    assert speakers["These "] == "Maria Lopez"


def test_a_role_and_a_name_in_one_phrase_is_the_person(run):
    x = run(
        "Varda Group said on Monday it had bought Tarsk. Varda chairman and chief "
        "executive Tom Read also spoke about the takeover, saying that the purchase would "
        "speed up growth."
    )
    speakers = {statement[:12]: who for who, statement in _claims(x)}
    assert speakers["the purchase"] == "Tom Read"


@pytest.mark.parametrize(
    "text",
    [
        "According to evidence shown to the jury, Kellan Orlen took the bag.",
        "According to images seen by reporters, officers fired at the crowd.",
    ],
)
def test_evidence_is_no_speaker(run, text):
    x = run(text)
    assert not x.claims


def test_the_message_said_goes_to_who_sent_it(run):
    x = run(
        "Polls will open at eight across the region, a message from the Varda "
        "election commission said.\n\n'Both lists will stand in every district', "
        "the message said."
    )
    assert len({c.claimant for c in x.claims}) == 1
    assert "message" not in {e.name for e in x.entities}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # guards: the same nouns and verb in their own fields
        ("Orlen gave testimony at the trial on Monday.", "testimony"),
        (
            "The board announced the appointment of Kellan Orlen as chief executive.",
            "appointment",
        ),
        ("Varda ordered the deployment of 5,000 troops to the border.", "deployment"),
        ("Maria Lopez visited Utrecht on Monday.", "visited"),
    ],
)
def test_nouns_in_their_own_field_are_events(run, text, trigger):
    assert trigger in {t for t, _ in _events(run(text))}
