"""What this round's review found: a document issued further back than a plain
"was published" mention of it lost its issuer; a phrasal verb ("ruled out") was
taken for the deed a document is of ("the ruling"); a day counted "after the
blast" was counted from the last day named; a town's name beginning its council's
or party's was taken for that body's short name; ``-o week.rdf`` wrote Turtle.
Invented sentences; the extraction cases run the trained English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.errors import UsageError
from kb.models import Extraction
from kb.rdf import writers
from kb.rdf.namespaces import KB
from kb.text import lexicon as lx

_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _claims(x: Extraction) -> list[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, "?"), c.statement) for c in x.claims]


def _dates(x: Extraction) -> dict[str, str | None]:
    return {e.trigger.text: e.date.value if e.date else None for e in x.events}


# -- B1: a plain passive mention of the document does not hide its issuer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Kellan Bank issued a report on Friday. The report was published "
            "online. The report says prices will rise next year.",
            ("Kellan Bank", "prices will rise next year"),
        ),
        (
            "Kellan Bank issued a statement on Friday. The statement was posted "
            "online. The statement says prices will rise next year.",
            ("Kellan Bank", "prices will rise next year"),
        ),
    ],
)
def test_an_issuer_further_back_than_a_passive_mention_speaks(
    run, text: str, claim: tuple[str, str]
) -> None:
    # failed on main: "report" became an actor of its own; the statement's claim
    # was lost
    x = run(text, published=_PUBLISHED)
    assert _claims(x) == [claim]
    assert all(e.name not in ("report", "statement") for e in x.entities)


@pytest.mark.slow
def test_a_passive_mention_with_no_issuer_anywhere_keeps_the_document(run) -> None:
    """A guard: with no one who issued it, the report stays the claimant."""
    x = run(
        "The report was published online. The report says prices will rise next year.",
        published=_PUBLISHED,
    )
    assert _claims(x) == [("report", "prices will rise next year")]


# -- B4: a phrasal verb is not the deed of a document


@pytest.mark.slow
def test_ruling_out_is_not_a_ruling(run) -> None:
    # failed on main: the minister who "ruled out new taxes" issued "the ruling"
    x = run(
        "The minister ruled out new taxes on Monday. The ruling says the budget "
        "will balance.",
        published=_PUBLISHED,
    )
    assert [name for name, _ in _claims(x)] != ["minister"]


@pytest.mark.slow
def test_an_analysis_spelt_with_s_is_its_analyst_s(run) -> None:
    # failed on main: only "analyze" was the deed of "the analysis"
    x = run(
        "Kellan Bank analysed the data on Monday. The analysis found prices will rise.",
        published=_PUBLISHED,
    )
    assert _claims(x) == [("Kellan Bank", "prices will rise")]


# -- B2: a time counted from a thing named ("after the blast") is no day counted
# from the day named before; counting from the blast itself is not done yet


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        _LEAD + "A bomb exploded on Sunday. Kellan flew home on Tuesday. 48 hours "
        "after the blast, police arrested two men.",
        _LEAD + "A bomb exploded on Sunday. Two days after the blast, police "
        "arrested two men.",
    ],
)
def test_a_time_after_a_named_thing_is_not_counted_from_the_last_day(
    run, text: str
) -> None:
    # failed on main: the arrest on Thursday 12 June, two days after Tuesday
    dates = _dates(run(text, published=_PUBLISHED))
    assert dates["exploded"] == "2025-06-08"
    assert dates["arrested"] in (None, "2025-06-10")


@pytest.mark.slow
def test_the_day_after_a_vote_is_not_the_day_after_the_last_day_named(run) -> None:
    """A guard: "the day after the vote" does not count from Tuesday."""
    dates = _dates(
        run(
            _LEAD + "Voters went to the polls on Sunday. Kellan flew home on "
            "Tuesday. The day after the vote, the president resigned.",
            published=_PUBLISHED,
        )
    )
    assert dates["resigned"] in (None, "2025-06-09")


@pytest.mark.slow
def test_hours_later_still_count_from_the_day_named(run) -> None:
    """A guard: "48 hours later", with no object, counts from Sunday."""
    dates = _dates(
        run(
            _LEAD + "A bomb exploded on Sunday. 48 hours later, police arrested "
            "two men.",
            published=_PUBLISHED,
        )
    )
    assert dates["arrested"] == "2025-06-10"


# -- B3: a town's name begins its council's and party's names too


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "The storm hit Marbeck on Sunday. Marbeck Council said the roads were "
            "closed.",
            "Marbeck",
        ),
        (
            "Rebels attacked Varda on Sunday. The Varda Party said the town was calm.",
            "Varda",
        ),
    ],
)
def test_a_town_named_like_its_council_stays_a_place(run, text: str, town: str) -> None:
    # failed on main: the town became the council (the party), its place lost
    x = run(text, published=_PUBLISHED)
    assert [e.actor_kind for e in x.entities if e.name == town] == [None]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Shares in Kellan fell on Monday. Kellan Airlines said the fall was brief.",
        "The storm hit Varda on Sunday. Varda Holdings said its plant was closed.",
    ],
)
def test_a_company_s_short_name_is_still_the_company(run, text: str) -> None:
    """A guard: "Kellan" beside "Kellan Airlines" is the airline."""
    x = run(text, published=_PUBLISHED)
    assert all(e.actor_kind == "Organization" for e in x.entities), x.entities


def test_only_company_names_take_a_town_s_name_for_short() -> None:
    assert {"airlines", "holdings", "plc"} <= lx.COMPANY_NAME_ENDS
    assert not {"council", "party", "police", "hospital"} & lx.COMPANY_NAME_ENDS


# -- B5: an output extension that names an RDF syntax kb does not write


@pytest.mark.parametrize("name", ["week.rdf", "week.XML", "week.owl", "week.n3"])
def test_an_unwritten_syntax_in_the_extension_is_an_error(name: str) -> None:
    # failed on main: Turtle was written into the file
    with pytest.raises(UsageError) as caught:
        writers.export_format(name)
    assert all(fmt in str(caught.value) for fmt in writers.FORMATS)


def test_a_format_given_wins_over_the_extension_with_a_warning() -> None:
    """A guard: ``--format`` is written whatever the file is called."""
    assert writers.export_format("week.rdf", "nt") == "nt"
    assert writers.export_format("week.ttl", "nt") == "nt"
    assert writers.format_mismatch("week.ttl", "nt") is not None
    assert writers.format_mismatch("week.rdf", "ttl") is not None
    assert writers.format_mismatch("week.jsonld", "jsonld") is None
    assert writers.format_mismatch("week.json", "jsonld") is None
    assert writers.format_mismatch(None, "nt") is None
    assert writers.format_mismatch("week", "nt") is None


def test_the_cli_refuses_an_rdf_xml_file(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Maria Lopez opened a bridge in Porto on Monday.\n", "utf-8")
    for extra in ([], ["--scheduler", "local"]):
        out = tmp_path / "out.rdf"
        result = runner.invoke(cli, ["export", str(article), "-o", str(out), *extra])
        assert result.exit_code == 2, (extra, result.output)
        assert "RDF/XML" in result.stderr and "jsonld" in result.stderr
        assert not out.exists()


def test_the_cli_warns_of_a_format_against_the_extension(
    runner: CliRunner, tmp_path: Path
) -> None:
    # --format is checked before any article is read: a missing one is enough
    result = runner.invoke(
        cli,
        ["export", str(tmp_path / "missing.txt"), "--format", "nt"]
        + ["-o", str(tmp_path / "out.ttl")],
    )
    assert "warning: writing nt into" in result.stderr


# -- word lists live in the lexicon


def test_event_type_names_in_the_lexicon_are_terms_of_the_vocabulary() -> None:
    names = set(lx.SCENE_TYPES).union(*lx.ONE_DEED_TYPES)
    assert names and all(name in KB.__annotations__ for name in names), names


def test_the_deed_of_an_analysis_is_spelt_both_ways() -> None:
    assert {"analyze", "analyse"} <= lx.DOCUMENT_DEEDS["analysis"]
