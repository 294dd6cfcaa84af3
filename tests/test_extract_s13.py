"""Claims on invented sentences (session 13): a gerund a cue reports, a name the
parser hangs on an opening phrase, and verbs that tag quotes only when they tag
(not "will continue to be"); trained English pipeline (slow)."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

from kb.extract.names import nationality_word
from kb.models import Extraction
from kb.rdf.namespaces import KB
from kb.text.gazetteer import gazetteer
from tests.conftest import run_export

pytestmark = pytest.mark.slow


def _claims(x: Extraction) -> list[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, c.claimant), c.statement) for c in x.claims]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a gerund is what is denied or admitted
        (
            "Kellan Orlen denied taking bribes from the Varda firm.",
            [("Kellan Orlen", "taking bribes from the Varda firm")],
        ),
        (
            "Maria Lopez admitted leaking the memo to reporters.",
            [("Maria Lopez", "leaking the memo to reporters")],
        ),
        # the parser reads "said legalizing it could …" as a gerund too
        (
            "Maria Lopez said legalizing it could put thousands of people to work.",
            [("Maria Lopez", "legalizing it could put thousands of people to work")],
        ),
    ],
)
def test_a_gerund_is_what_a_cue_reports(run, text, claims):
    assert _claims(run(text)) == claims


def test_a_name_after_an_opening_phrase_is_the_speaker(run):
    """The parser hangs the name on "wife" and takes "Campaigning" as the subject."""
    x = run(
        "Campaigning for his wife, former president Kellan Orlen said his wife "
        "was uniquely qualified to be president."
    )
    assert _claims(x) == [
        ("Kellan Orlen", "his wife was uniquely qualified to be president")
    ]


def test_a_quote_inside_a_reported_clause_stays_the_speakers(run):
    """ "will continue to be" does not tag the quote as Orlen's words."""
    x = run(
        "Maria Lopez said she is certain Orlen will continue to be "
        "\u201ca champion for working families in Varda.\u201d"
    )
    assert [who for who, _ in _claims(x)] == ["Maria Lopez"]
    assert _claims(x)[0][1].startswith("she is certain Orlen will continue")


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will win this seat,\u201d Kellan Orlen continued.",
        "Kellan Orlen continued: \u201cWe will win this seat and we will win it soon.\u201d",
    ],
)
def test_continue_still_tags_a_quote(run, text):
    assert [who for who, _ in _claims(run(text))] == ["Kellan Orlen"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # "six in 10" is a share of the people asked, as "60 percent" is
        (
            "Six in 10 say the new bridge was a waste of money.",
            [("Six in 10", "the new bridge was a waste of money")],
        ),
        # an "as" aside attributes the clause it sets off, before or after it
        (
            "As the Varda Times noted, Orlen raised more than $1 million last year.",
            [("Varda Times", "Orlen raised more than $1 million last year")],
        ),
        (
            "Orlen raised more than $1 million last year, as the Varda Times noted.",
            [("Varda Times", "Orlen raised more than $1 million last year")],
        ),
        # an aside that reports a clause of its own, or none at all, attributes nothing
        ("As Maria Lopez said he would, Kellan Orlen resigned on Monday.", []),
        ("As expected, Kellan Orlen resigned on Monday.", []),
    ],
)
def test_shares_and_asides(run, text, claims):
    assert _claims(run(text)) == claims


def _events(x: Extraction) -> list[tuple[str, str | None]]:
    return [(e.trigger.text, e.date and e.date.value) for e in x.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The Tarsk Rovers spent Monday trying to distance themselves from Sunday "
            "night's brawl with the Varda Lions.",
            ("brawl", "2025-06-08"),
        ),
        (
            "Two men were arrested after a scuffle outside the Varda stadium on Saturday.",
            ("scuffle", "2025-06-07"),
        ),
    ],
)
def test_a_fight_between_people_is_an_event(run, text, event):
    assert event in _events(run(text))


def test_a_name_after_a_nationality_is_the_same_organisation(run):
    """ "the Brotherhood" is "the Chilean Brotherhood" named again."""
    x = run(
        "The Chilean Brotherhood claimed responsibility for the attack on Monday.\n\n"
        "The government has ruled out Brotherhood involvement in the blast."
    )
    orgs = [e.name for e in x.entities if e.actor_kind == "Organization"]
    assert orgs.count("Chilean Brotherhood") == 1
    assert "Brotherhood" not in orgs


@pytest.mark.parametrize(
    ("word", "is_one"),
    [("British", True), ("Afghan", True), ("Chilean", True), ("Christian", False)],
)
def test_nationality_words(word, is_one):
    assert nationality_word(gazetteer(), word) is is_one


@pytest.mark.parametrize(
    "text",
    [
        "Kellan Orlen admitted on Tuesday to threatening to kill a Varda official.",
        "The rebels failed to seize the Varda airport on Sunday.",
    ],
)
def test_a_deed_threatened_or_failed_did_not_happen(run, text):
    assert not {"kill", "seize"} & {trigger for trigger, _ in _events(run(text))}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The plague has caused more than 50 million deaths over the centuries.",
            "deaths",
        ),
        # the deaths are the epidemic's toll, one event with it (2026-12-07)
        ("The epidemic has killed more than 7,000 people since it began.", "epidemic"),
        ("The flu has killed 300 people in Tarsk so far.", "killed"),
    ],
)
def test_a_perfect_over_a_span_is_not_dated_today(run, text, trigger):
    """The published day is 2025-06-12; a toll summed over years has no day."""
    assert (trigger, None) in _events(run(text))


def test_a_perfect_is_still_dated_today(run):
    assert ("laid", "2025-06-12") in _events(
        run("Tarsk Motors has laid off 500 workers at its Varda plant.")
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Nurses in Varda began a three-day strike on Monday over pay, their union "
            "said.",
            "Protest",
        ),
        ("Dock workers in Tarsk staged a 48-hour strike on Tuesday.", "Protest"),
        ("The army launched a strike on a rebel depot in Tarsk on Monday.", "Attack"),
    ],
)
def test_a_walkout_on_a_weekday_is_no_attack(run, text, kind):
    assert [e.event_type for e in run(text).events if e.trigger.text == "strike"] == [
        kind
    ]


def test_descriptions_are_minted_per_article(tmp_path):
    """Two articles' "officials" are not the same people; two articles' Varda
    Mills is one company."""
    records = [
        {
            "text": f"Officials said the {river} dam would open. Varda Mills said it "
            "would supply the turbines.",
            "published": "2025-06-12",
        }
        for river in ("Tarsk", "Orlen")
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    out = run_export([str(path), "--format", "nt"])
    assert out.exit_code == 0, out.stderr
    claimants = {
        o for s, p, o in Graph().parse(data=out.text, format="nt") if p == KB.claimant
    }
    officials = {c for c in claimants if str(c).endswith("/officials")}
    mills = {c for c in claimants if str(c).endswith("/varda-mills")}
    assert len(officials) == 2 and all("/article/" in str(c) for c in officials)
    assert len(mills) == 1 and "/article/" not in str(next(iter(mills)))


@pytest.mark.parametrize(
    ("text", "name", "linked"),
    [
        ("Tankers waited in the Gulf on Monday.", "Gulf", False),
        (
            "Heavy rain hit the Central region of Tarsk on Monday.",
            "Central region",
            False,
        ),
        # beside its country, the province is meant
        (
            "Heavy rain hit the Central region of Ghana on Monday.",
            "Central region",
            True,
        ),
        ("Wildfires spread across Alberta on Monday.", "Alberta", True),
    ],
)
def test_a_province_named_by_landform_words_needs_its_country(run, text, name, linked):
    (place,) = [e for e in run(text).entities if e.name.lower() == name.lower()]
    assert place.key.startswith("iso3166:") is linked


def test_a_quotes_comma_ends_no_label(run):
    x = run("\u201cThis bridge will cut commutes by half,\u201d Maria Lopez said.")
    assert [c.label for c in x.claims] == [
        "Maria Lopez: This bridge will cut commutes by half"
    ]


def test_two_measures_of_one_quarter_do_not_conflict(run):
    """Sales and a grain bill both "in the quarter" measure different things; the
    grain bill disputed six words after "grain" is the same measure."""
    x = run(
        "Varda Foods said second-quarter sales rose 12% to $48 million. Analysts at "
        "Orlen Bank said the drought had added about $20 million in grain costs "
        "during the quarter. Varda Foods disputed that, saying the extra grain bill "
        "was closer to $9 million."
    )
    pairs = [(x.claims[i].statement, x.claims[j].statement) for i, j in x.conflicts]
    assert len(pairs) == 1
    assert "$20 million" in pairs[0][0] and "$9 million" in pairs[0][1]


def test_figures_in_one_region_need_one_measure_to_conflict(run):
    """A convoy of 300 lorries and a fleet of 900 both "in the Tarsk region" are
    two measures; where the figures are says nothing of what they count."""
    x = run(
        "Orlen police said the first convoy had reached the Tarsk region. There are "
        "about 300 lorries in it, the police said.\n\n"
        "The Varda Times reported that the cooperative has gathered a fleet of 900 "
        "lorries for the harvest in the Tarsk region."
    )
    assert len(x.claims) >= 2
    assert x.conflicts == ()
