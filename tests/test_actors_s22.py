"""Who is no actor of the story: the reporters an article credits, its byline, the
agency in its dateline, the page's own words ("Story continues below"), and the
cards of links a page nests in a paragraph; a country named only to qualify
someone is no place. Sentences and pages invented here (``run``: conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.ingest.sources import read_file
from kb.models import Extraction
from kb.text.dates import find_dateline


def _names(x: Extraction) -> set[str]:
    return {n for e in x.entities for n in (e.name, *e.aliases)}


def _places(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.is_location}


@pytest.mark.parametrize(
    ("text", "places", "rest"),
    [
        ("Porto (Wirecast) -- Talks resumed.", ["Porto"], "Talks"),
        ("Porto, Portugal (Wirecast)Talks resumed.", ["Porto", "Portugal"], "Talks"),
        ("(Wirecast) -- Talks resumed.", [], "Talks"),
        ("(Wirecast)Talks resumed.", [], "Talks"),
    ],
)
def test_an_agency_in_brackets_makes_a_dateline(
    text: str, places: list[str], rest: str
) -> None:
    found = find_dateline(text)
    assert found is not None
    assert [text[a:b] for a, b in found.places] == places
    assert text[found.end :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "The Varda Trust (VT) Board met on Monday.",  # guard: a short form
        "Porto (the old town) was quiet.",  # guard: a remark in brackets
        "Maria Lopez said (Wirecast) -- nothing.",  # guard: not at the start
    ],
)
def test_brackets_that_are_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


CREDITS = [
    # (article, reporters who must not be actors)
    (
        "(Wirecast) -- Maria Lopez opened a bakery in Porto on Monday, the city "
        "council said. She hired six bakers.\n\nThe Wirecast's Tomas Brandt "
        "contributed to this report.",
        {"Tomas Brandt", "Wirecast"},
    ),
    (
        "Porto (Wirecast)Maria Lopez opened a bakery on Monday. She hired six "
        "bakers. Kellan Varda compiled this report in Lisbon with help from Tomas "
        "Brandt in Madrid.",
        {"Kellan Varda", "Tomas Brandt", "Wirecast", "Wirecast)Maria"},
    ),
    (
        "By . Tomas Brandt . Maria Lopez opened a bakery in Porto on Monday, "
        "the city council said.",
        {"Tomas Brandt"},
    ),
    (
        "Maria Lopez opened a bakery in Porto on Monday, the council said.\n\n"
        "Additional reporting by Tomas Brandt and Kellan Varda.",
        {"Tomas Brandt", "Kellan Varda"},
    ),
]


@pytest.mark.parametrize(("text", "reporters"), CREDITS)
def test_credited_reporters_are_no_actors(run, text: str, reporters: set) -> None:
    x = run(text)
    names = _names(x)
    assert "Maria Lopez" in names  # guard: the story's own person stays
    assert not names & reporters


def test_a_credit_makes_no_claim_and_keeps_its_places(run) -> None:
    x = run(CREDITS[1][0])
    assert {"Lisbon", "Madrid"} <= _places(x)
    speakers = {e.key for e in x.entities if e.name in ("Kellan Varda", "Tomas Brandt")}
    assert not speakers
    assert all("compiled" not in c.statement for c in x.claims)


@pytest.mark.parametrize(
    "line",
    [
        "(Story continues below)",
        # guards: names the model takes for no one even without the rule
        "Story continues below the advertisement",
        "Click here to find more on Wirenet, the archive of our newspaper",
    ],
)
def test_the_pages_own_words_name_no_actor(run, line: str) -> None:
    x = run(
        "Maria Lopez opened a bakery in Porto on Monday, the city council said.\n\n"
        f"{line}\n\nShe hired six bakers, the council said."
    )
    names = _names(x)
    assert "Maria Lopez" in names
    assert not names & {"Story", "Wirenet"}


def test_an_organisation_in_an_agency_dateline_is_no_place(run) -> None:
    """Guard: a dateline only its agency marks takes no body for a place."""
    x = run(
        "Kellan Foundation, Porto (Wirecast)The head of the Kellan Foundation, "
        "Maria Lopez, said on Monday that it would open a school."
    )
    assert "Kellan Foundation" not in _places(x)
    assert "Porto" in _places(x)


PAGE = """<html><head><title>Bakery opens</title></head><body><article>
<h1>Bakery opens</h1>
<p>A new bakery was opened by <span class="who"><a href="/p/lopez">Maria Lopez</a><span
class="card"><img src="x.jpg"><a href="/p/lopez">Maria Lopez</a><a href="/s/1">Porto
mayor visits harbour</a> <a href="/s/2">Kellan Varda wins award</a> <a href="/p/lopez">MORE</a>
</span></span> in Porto on Monday, the city council said in a statement.</p>
<p>She hired six bakers and plans to open a second shop next year, the council
said. Read about <a href="/a">bread</a> and <a href="/b">cakes</a> on
<a href="/c">our food pages</a> this week.</p>
</article></body></html>"""


def test_a_card_of_links_in_a_paragraph_is_dropped(tmp_path: Path) -> None:
    page = tmp_path / "bakery.html"
    page.write_text(PAGE, encoding="utf-8")
    text = read_file(page)[0].text
    assert "opened by Maria Lopez in Porto on Monday" in text
    assert "Kellan Varda" not in text and "MORE" not in text
    # guard: links inside the words of a sentence stay
    assert "Read about bread and cakes on our food pages this week." in text


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez wrote on Twitter that the bakery in Porto would open on Monday.",
        "Kellan Varda posted the photo on Telegram, a rival's version of Kellanbook, on Monday.",
    ],
)
def test_a_network_words_were_posted_on_is_no_actor(run, text: str) -> None:
    names = _names(run(text))
    assert not names & {"Twitter", "Telegram"}


def test_a_network_that_acts_stays(run) -> None:
    """Guard: "Twitter removed …" names the company as an actor."""
    x = run("Twitter said on Monday that it had closed the account of Maria Lopez.")
    assert "Twitter" in _names(x)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez met U.S. Attorney Tomas Brandt in Porto on Monday.",
        "US-backed forces entered Porto on Monday, Maria Lopez said.",
        "UK ministers will fund a bakery in Porto, Maria Lopez said on Monday.",
    ],
)
def test_a_country_that_only_qualifies_is_no_place(run, text: str) -> None:
    x = run(text)
    places = _places(x)
    assert "Porto" in places
    assert not places & {"United States", "United Kingdom"}
    assert all(
        "geonames:6252001" not in e.places and "geonames:2635167" not in e.places
        for e in x.events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez flew to the United States on Monday, U.S. officials said.",
        "The United States imposed sanctions on Monday, U.S. officials said.",
        "The U.S. economy grew by 2 percent last year, Maria Lopez said in Porto.",
        "The U.S. government will fund a bakery in Porto, Maria Lopez said.",
    ],
)
def test_a_country_named_as_such_stays(run, text: str) -> None:
    """Guard: a country named as a place, an actor, or as what the words are
    about ("the U.S. economy", "the U.S. government") stays."""
    assert "United States" in _places(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "By Monday Maria Lopez had left Porto for the coast.",
        "By then Maria Lopez had left Porto for the coast.",  # guard
    ],
)
def test_a_sentence_that_opens_with_by_is_no_byline(run, text: str) -> None:
    """Found by review: only names up to a stop make a byline."""
    assert "Maria Lopez" in _names(run(text))


def test_a_network_something_befalls_stays(run) -> None:
    """Found by review: "on" names the medium only after words of posting."""
    names = _names(
        run("The ministry in Porto placed new limits on Telegram last week.")
    )
    assert "Telegram" in names
