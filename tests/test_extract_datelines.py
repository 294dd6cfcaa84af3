"""Datelines ("CITY, Country (Agency) —") place and date a report: the person after the
dash is the speaker, the dateline's names are places, and the article conforms.
Sentences invented here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kb.models import Article, Extraction
from kb.text.dates import find_dateline

STYLES = [
    # (dateline, the city as a place, the speaker)
    ("LAGOS, Nigeria (Wirecast) — ", "Lagos", "Temi Adeyanju"),
    ("GENEVA — ", "Geneva", "Odile Marchetti"),
    ("Kestrel Point, March 3 — ", "Kestrel Point", "Bram Okafor"),
    ("BRACKENFORD, Ostveria — ", "Brackenford", "Liesl Varga"),
    ("PORT ELSWICK, Dravania, 4 March 2026 — ", "Port Elswick", "Ines Kowalczyk"),
]


@pytest.fixture(scope="module")
def run():
    extract = pytest.importorskip("kb.extract")
    nlp = extract.load_pipeline()

    def _run(text: str) -> Extraction:
        article = Article(text=text, origin="t", published="2026-03-05")
        return extract.extract(article, nlp)

    return _run


def _name(x: Extraction, key: str) -> str:
    return next(e.name for e in x.entities if e.key == key)


def _lead(dateline: str, speaker: str) -> str:
    return (
        f"{dateline}{speaker}, the harbour master, said on Tuesday that the storm had "
        "damaged 40 boats.\n\nRepairs will take weeks, officials said."
    )


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("LAGOS, Nigeria (Wirecast) — Prices rose.", ["LAGOS", "Nigeria"]),
        ("GENEVA — Talks resumed.", ["GENEVA"]),
        ("Kestrel Point, March 3 — Talks resumed.", ["Kestrel Point"]),
        ("OSLO, 3 March 2026 (Wire) - Talks resumed.", ["OSLO"]),
    ],
)
def test_dateline_styles_are_found(text: str, places: list[str]) -> None:
    found = find_dateline(text)
    assert found is not None
    assert [text[a:b] for a, b in found.places] == places
    assert text[found.end :].startswith(("Prices", "Talks"))


@pytest.mark.parametrize(
    "text",
    [
        "Lima said on July 3 - yes.",  # a title-case place needs a date
        "Kestrel Point — Talks resumed.",
        "Prices rose in GENEVA — again.",
    ],
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_only_a_dated_dateline_with_a_year_dates_the_article() -> None:
    with_year = find_dateline("OSLO, March 3, 2025 — Talks resumed.")
    assert with_year is not None and with_year.date is not None
    assert with_year.date.value == "2025-03-03"
    no_year = find_dateline("OSLO, March 3 — Talks resumed.")
    assert no_year is not None and no_year.date is None


@pytest.mark.slow
@pytest.mark.parametrize(("dateline", "city", "speaker"), STYLES)
def test_the_person_after_the_dash_is_the_claimant(run, dateline, city, speaker):
    x = run(_lead(dateline, speaker))
    first = min(x.claims, key=lambda c: c.span.start)
    assert _name(x, first.claimant) == speaker
    assert first.cue is not None and first.cue.text == "said"


@pytest.mark.slow
@pytest.mark.parametrize(("dateline", "city", "speaker"), STYLES)
def test_the_dateline_city_is_a_place_not_an_actor(run, dateline, city, speaker):
    x = run(_lead(dateline, speaker) + f" Crews in {city} worked overnight.")
    cities = [e for e in x.entities if e.name.lower() == city.lower()]
    assert len(cities) == 1
    assert cities[0].is_location and cities[0].actor_kind is None


@pytest.mark.slow
@pytest.mark.parametrize(("dateline", "city", "speaker"), STYLES)
def test_an_article_with_a_dateline_conforms(run, dateline, city, speaker):
    from kb.rdf.mapping import MappingOptions, to_graph
    from kb.rdf.validate import validate_graph

    x = run(_lead(dateline, speaker))
    options = MappingOptions(
        "https://example.org/id/", datetime(2026, 3, 5, tzinfo=UTC)
    )
    report = validate_graph(to_graph(x, options))
    assert report.conforms, report.format()


@pytest.mark.slow
def test_the_dateline_date_is_not_the_event_date(run):
    # the dateline's date is when the report was filed; "on Monday" is the event's
    x = run(
        "HALVERSTEAD, Ostveria, March 4, 2026 — Police arrested 12 people on "
        "Monday, officials said."
    )
    dates = {e.date.value for e in x.events if e.date is not None}
    assert dates == {"2026-03-02"}


@pytest.mark.slow
def test_a_name_with_a_role_in_apposition_is_a_person(run):
    x = run("Quorin Abbet, the fire chief, said the blaze was out.")
    assert {e.name for e in x.entities if e.actor_kind == "Person"} == {"Quorin Abbet"}
