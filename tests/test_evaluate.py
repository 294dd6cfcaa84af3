"""``kb evaluate``: the brat reader, the matching rules and the tallies on invented
files, PolNeAR's closed test split, and the dev metric against the dev scorer."""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kb.cli import cli
from kb.errors import InputError, UsageError
from kb.evaluate.attribution import (
    AttributionTally,
    FoundAttribution,
    GoldDocument,
    source_right,
)
from kb.evaluate.brat import GoldAttribution, parse_ann, span_text
from kb.evaluate.corenlp import Parse
from kb.evaluate.corpus import BratFile, brat_files, polnear_split, read_document
from kb.evaluate.cues import cue_type
from kb.evaluate.devset import DevReport, evaluate_gold_set
from kb.evaluate.gold import GoldArticle, read_gold_set
from kb.evaluate.graph import Found, FoundEvent, read_graph
from kb.evaluate.match import lenient, pair_up, strict
from kb.evaluate.report import format_text

ROOT = Path(__file__).resolve().parent.parent
BRAT = ROOT / "tests" / "data" / "brat"
FLAT = BRAT / "flat"
DEV_SET = ROOT / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "dev" / "score.py"


def flat_document():  # type: ignore[no-untyped-def]
    return read_document(
        BratFile(FLAT / "harbour-ferry.ann", FLAT / "harbour-ferry.txt")
    )


# ------------------------------------------------------------------ brat reader
def test_reader_ties_roles_pieces_and_sources() -> None:
    doc = flat_document()
    by_id = {a.id: a for a in doc.attributions}
    assert len(by_id) == 6
    assert span_text(doc.text, by_id["E1"].source) == "Mayor Ana Obi"
    assert len(by_id["E2"].content) == 2  # "…," she said, "…"
    assert span_text(doc.text, by_id["E2"].source) == "she"
    assert by_id["E6"].source == ()  # Attribution-no-source
    types = [doc.type_of(a) for a in doc.attributions]
    assert types == ["speech", "speech", "speech", "belief", "intention", "belief"]


def test_reader_joins_words_that_run_over_lines_and_reads_type_attributes() -> None:
    lines = [
        "T1\tContent 0 9;11 14\tWe agree",
        "",
        "now",
        "T2\tCue 15 19\tsaid",
        "#1\tAnnotatorNotes T1\ta note",
        "E1\tAttribution:T2 Content:T1 Cue:T2",
        "A1\tType E1 Belief",
    ]
    (only,) = parse_ann(lines, "x.ann")
    assert only.content == ((0, 9), (11, 14)) and only.marked_type == "belief"


@pytest.mark.parametrize(
    "line", ["T1\tSource zero 2\tHe", "E1\tAttribution T1", "T1\tSource 0 2"]
)
def test_malformed_lines_name_the_file_and_line(line: str) -> None:
    with pytest.raises(InputError, match=r"bad\.ann:1: not a brat"):
        parse_ann([line], "bad.ann")


def test_an_annotation_of_another_text_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "harbour-ferry.txt"
    text.write_text("Another text entirely, of about the same length. " * 8)
    with pytest.raises(InputError, match="not of this text"):
        read_document(BratFile(FLAT / "harbour-ferry.ann", text))


# ------------------------------------------------------------------ matching
def test_strict_needs_half_the_longer_span_lenient_half_the_shorter() -> None:
    gold = ((52, 88),)  # 36 characters
    assert strict(((33, 88),), gold) and lenient(((33, 88),), gold)
    assert not strict(((0, 88),), gold) and lenient(((0, 88),), gold)
    assert not lenient(((0, 52),), gold)


def test_pairs_are_one_to_one_most_overlap_first() -> None:
    gold = [((10, 20),)]
    found = [((11, 20),), ((10, 20),)]
    assert pair_up(found, gold, strict) == {0: 1}


@pytest.mark.parametrize(
    ("cue", "kind"),
    [
        ("told", "speech"),
        ("according to", "speech"),
        ("has warned", "speech"),
        ("thinks", "belief"),
        ("are expected", "belief"),
        ("hopes", "intention"),
        ("planned", "intention"),
        ("—", "speech"),
        ("endorsed", "other"),
    ],
)
def test_cue_types(cue: str, kind: str) -> None:
    assert cue_type(cue) == kind


def test_typed_group_leaves_out_stances_but_all_counts_them() -> None:
    """ "endorsed" is a stance ("other"): in "all", not in "typed" (speech, belief
    and intention); a claim that matches it is no false positive of "typed"."""
    text = "Ana Obi said the ferry is late. Kellan Orlen endorsed the new mayor."
    said = GoldAttribution("E1", ((13, 30),), ((8, 12),), ((0, 7),))
    endorsed = GoldAttribution("E2", ((54, 67),), ((45, 53),), ((32, 44),))
    doc = GoldDocument("stances", text, (said, endorsed))
    found = [
        FoundAttribution(((13, 30),), ((0, 7),), "speech"),
        FoundAttribution(((54, 67),), ((32, 44),), "speech"),
    ]
    tally = AttributionTally()
    tally.add(doc, found)
    counts = {g: (c.tp, c.fp, c.fn) for g, c in tally.strict.items()}
    assert counts["typed"] == (1, 0, 0)
    assert counts["all"] == (2, 0, 0)
    assert counts["other"] == (1, 0, 0)


def test_tally_counts_content_and_sources() -> None:
    doc = flat_document()
    mayor = ((33, 46),)
    found = [
        FoundAttribution(((0, 88),), mayor, "speech"),  # E1, lenient only
        FoundAttribution(((90, 119), (130, 152)), mayor, "speech"),  # E2: "she"
        FoundAttribution(((169, 189),), (), "speech"),  # E3, no claimant
        FoundAttribution(((219, 241),), ((191, 209),), "belief"),  # E4
        FoundAttribution(((0, 31),), (), "speech"),  # the headline: no gold
    ]
    tally = AttributionTally()
    tally.add(doc, found)
    assert (tally.strict["all"].tp, tally.strict["all"].fp, tally.strict["all"].fn) == (
        3,
        2,
        3,
    )
    assert (
        tally.lenient["all"].tp,
        tally.lenient["all"].fp,
        tally.lenient["all"].fn,
    ) == (4, 1, 2)
    assert (tally.strict["belief"].tp, tally.strict["belief"].fn) == (1, 1)
    # "she" resolves to the nearest earlier named source, the mayor: right
    assert (tally.source("pronoun").hit, tally.source("pronoun").total) == (1, 1)
    assert (tally.source("unnamed").hit, tally.source("unnamed").total) == (1, 2)
    assert tally.categories["missed speech: boundaries"] == 1
    assert tally.categories["false positive speech: no gold attribution"] == 1
    # the unnamed source E3 got no claimant: listed with what the gold source says
    (wrong,) = tally.wrong_sources
    assert wrong == "harbour-ferry E3 [unnamed] 'Officials' taken as '?'"


# ------------------------------------------------------------------ PolNeAR layout
def test_polnear_test_split_is_refused_without_final_report(tmp_path: Path) -> None:
    (tmp_path / "data" / "test" / "attributions").mkdir(parents=True)
    with pytest.raises(UsageError, match="reserved for reporting quality"):
        polnear_split(tmp_path, "test")
    assert polnear_split(tmp_path, "test", final_report=True).name == "test"


@pytest.mark.parametrize(
    "args",
    [
        ["--polnear", str(BRAT / "polnear"), "--split", "test"],
        [str(BRAT / "polnear" / "data" / "test")],
    ],
)
def test_cli_refuses_the_test_split(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, ["evaluate", *args])
    assert result.exit_code == 2
    assert "reserved for reporting quality" in result.stderr


def test_one_annotation_per_text_the_first_by_name() -> None:
    (only,) = brat_files(polnear_split(BRAT / "polnear", "dev"))
    assert only.ann.name == "harbour-ferry_a1b2.ann"
    assert only.text.parent.name == "text"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/folder"], "no/such/folder: no such folder"),
        (["tests/data/queries"], "no .ann files"),
        (["--polnear", "no/such/corpus"], "no PolNeAR dev split"),
        ([], "nothing to score"),
    ],
)
def test_bad_paths_exit_2_with_the_fix(
    runner: CliRunner, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("KB_POLNEAR", raising=False)
    result = runner.invoke(cli, ["evaluate", *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_gold_file_naming_a_missing_article(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.gold.json").write_text('{"article": "a.txt"}')
    with pytest.raises(InputError, match="a.txt is missing"):
        read_gold_set(tmp_path)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ('"actors": [{"name": ["Kellan Orlen"]}]', 'actors[0] has no "names" (it has'),
        (
            '"claims": [{"claimant": "Kellan Orlen", "keywords": ["the port"]}]',
            'claims[0] "claimant" is str, not a list of strings',
        ),
        ('"events": [{"trigger": ["voted"]}]', 'events[0] has no "triggers"'),
        ('"locations": "Tarsk"', '"locations" must be a list of objects, not str'),
        ('"locations": ["Tarsk"]', "locations[0] must be an object"),
    ],
)
def test_a_gold_item_the_scorer_cannot_read_exits_2_naming_it(
    tmp_path: Path, runner: CliRunner, items: str, message: str
) -> None:
    # a slip in a hand-made gold file was a KeyError traceback, and a string
    # where a list belongs was matched letter by letter
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Kellan Orlen said so.\n")
    gold = tmp_path / "gold" / "a.gold.json"
    gold.write_text(f'{{"article": "a.txt", {items}}}')
    with pytest.raises(InputError, match="GOLD-GUIDE.md"):
        read_gold_set(tmp_path)
    result = runner.invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{gold}: {message}" in result.stderr


# ------------------------------------------------------------------ with the model
@pytest.mark.slow
def test_brat_folder_end_to_end(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["evaluate", str(FLAT), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["documents"], report["gold"]) == (1, 6)
    assert set(report["types"]) == {
        *("speech", "belief", "intention", "other", "typed", "all")
    }
    text = runner.invoke(cli, ["evaluate", "--polnear", str(BRAT / "polnear"), "-v"])
    assert text.exit_code == 0 and "strict" in text.stdout and "missed:" in text.stdout


def _load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("dev_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_dev_set_figures_equal_the_dev_scorers(
    runner: CliRunner,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not SCORER.is_file():
        pytest.skip(f"the dev scorer is not at {SCORER}")
    scorer = _load_scorer()

    def export_in_process(kb_cmd: str, article: Path, timeout: float):  # type: ignore[no-untyped-def]
        result = runner.invoke(cli, ["export", str(article), "--format", "nt"])
        if result.exit_code:
            return None, f"exit {result.exit_code}"
        return Graph().parse(data=result.stdout, format="nt"), None

    monkeypatch.setattr(scorer, "run_kb", export_in_process)
    assert scorer.main(["--set", str(DEV_SET), "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    result = runner.invoke(
        cli, ["evaluate", str(DEV_SET), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    for key in (
        "articles",
        "failed",
        "f1",
        "detail",
        "ratios",
        "overall_f1",
        "per_article",
    ):
        assert got[key] == expected[key], key


@pytest.mark.slow
def test_polnear_dev_split_when_present(runner: CliRunner) -> None:
    corpus = os.environ.get("KB_POLNEAR")
    if not corpus or not Path(corpus).is_dir():
        pytest.skip("set KB_POLNEAR to a PolNeAR copy (tools/polnear_extract.py)")
    args = ["evaluate", "--polnear", corpus, "--split", "dev", "--limit", "3", "--json"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["documents"] == 3 and report["gold"] > 0


def test_a_pronoun_may_continue_the_earlier_named_source() -> None:
    doc = flat_document()
    she = doc.text.index("she said")
    # a coreference chain that wrongly puts "she" with the headline's "Harbour"
    parse = Parse(chains=(((she, she + 3), (0, 7)),), proper_nouns=((0, 7), (39, 46)))
    doc = replace(doc, parse=parse)
    (gold,) = [g for g in doc.attributions if g.source == ((she, she + 3),)]
    mayor = FoundAttribution(gold.content, ((33, 46),), "speech")
    assert source_right(doc, gold, mayor)
    harbour = FoundAttribution(gold.content, ((0, 7),), "speech")
    assert source_right(doc, gold, harbour)  # the chain's guess counts as well


@pytest.mark.slow
def test_attributions_option_extracts_intentions_for_brat_gold(
    runner: CliRunner,
) -> None:
    def intention_tp(*extra: str) -> int:
        result = runner.invoke(
            cli, ["evaluate", str(FLAT), "--json", *extra], catch_exceptions=False
        )
        assert result.exit_code == 0, result.stderr
        return int(json.loads(result.stdout)["types"]["intention"]["strict"]["tp"])

    assert intention_tp() == 0  # "plans to appeal": not extracted by default
    assert intention_tp("--attributions", "statement,belief,intention") == 1
    bad = runner.invoke(
        cli, ["evaluate", str(FLAT), "--attributions", "statement,wish"]
    )
    assert bad.exit_code == 2 and "unknown attribution type 'wish'" in bad.stderr


def _dated_gold(tmp_path: Path) -> GoldArticle:
    gold = {"article": "tarsk.txt", "published": "2026-10-05", "dates": ["2026-10-05"]}
    gold |= {kind: [] for kind in ("actors", "locations", "claims", "events")}
    return GoldArticle(tmp_path / "tarsk.txt", gold)


def test_verbose_report_says_when_the_article_was_read_without_its_date(
    tmp_path: Path,
) -> None:
    # the gold dates a .txt article that kb read undated: "missed dates" alone
    # sent the user looking at extraction
    article = _dated_gold(tmp_path)
    graph = Graph().parse(
        data="<https://w3id.org/newskb/id/article/t-1> "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/newskb/ontology#Article> .",
        format="nt",
    )
    report = DevReport(tmp_path, articles=1)
    report.add(article, read_graph(graph))
    text = format_text(report, verbose=True)
    assert "note: the gold says published 2026-10-05 but kb read no date" in text
    assert report.as_json()["notes"]["tarsk.txt"]
    assert "note:" not in format_text(report)  # only with -v


def test_no_note_when_the_article_is_dated_as_the_gold_says(tmp_path: Path) -> None:
    graph = Graph().parse(
        data="<https://w3id.org/newskb/id/article/t-1> "
        '<http://schema.org/datePublished> "2026-10-05T08:00:00Z" .',
        format="nt",
    )
    found = read_graph(graph)
    assert found.published == ["2026-10-05T08:00:00Z"]
    report = DevReport(tmp_path, articles=1)
    report.add(_dated_gold(tmp_path), found)
    assert report.notes == {}


def test_verbose_report_says_which_details_a_matched_event_lacks(
    tmp_path: Path,
) -> None:
    # "event_place 0.0" alone did not say which event lacked what
    article = _dated_gold(tmp_path)
    article.gold["events"] = [
        {
            "triggers": ["voted"],
            "place": ["Tarsk"],
            "date": "2026-10-05",
            "participants": ["Tarsk council"],
        }
    ]
    voted = FoundEvent(URIRef("urn:e"), ["voted"], [], ["Kellan Orlen"], [])
    report = DevReport(tmp_path, articles=1)
    report.add(article, Found(events=[voted], published=["2026-10-05"]))
    assert report.unmatched["tarsk.txt"]["event_details_missed"] == [
        "voted: place ['Tarsk'] (found none); date 2026-10-05 (found none); "
        "participants ['Tarsk council'] (found ['Kellan Orlen'])"
    ]
    assert '    event details missed: ["voted: place' in format_text(report, True)
    assert "wrong" not in json.dumps(report.rows)  # the dev scorer's rows as they were


def _two_article_gold_set(folder: Path) -> Path:
    (folder / "gold").mkdir()
    (folder / "articles").mkdir()
    for stem in ("a", "b"):
        (folder / "articles" / f"{stem}.txt").write_text("Kellan Orlen said so.\n")
        (folder / "gold" / f"{stem}.gold.json").write_text(
            json.dumps({"article": f"{stem}.txt"})
        )
    return folder


def test_a_gold_set_run_ticks_a_progress_bar_for_each_article(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a large set extracted for minutes with nothing on stderr
    import kb.cli.options
    import kb.evaluate.devset

    folder = _two_article_gold_set(tmp_path)
    monkeypatch.setattr(kb.evaluate.devset, "_export", lambda a, m: "not exported")
    totals: list[int] = []
    ticks: list[int] = []

    @contextmanager
    def progress(total: int) -> Iterator[Callable[[], None]]:
        totals.append(total)
        yield lambda: ticks.append(1)

    report = evaluate_gold_set(folder, progress=progress)
    assert (report.articles, totals, len(ticks)) == (2, [2], 2)
    # off a terminal the CLI writes a line now and then, as kb export does
    monkeypatch.setattr(kb.cli.options, "PROGRESS_LINES_MIN_ARTICLES", 1)
    monkeypatch.setattr(kb.cli.options, "PROGRESS_EVERY", 0.0)
    result = runner.invoke(cli, ["evaluate", str(folder)])
    assert "kb: 1 of about 2 articles (50%)" in result.stderr


def test_the_count_of_articles_scored_is_said_in_good_english(tmp_path: Path) -> None:
    # "1 articles, 0 failed"
    first = [
        format_text(DevReport(tmp_path, articles=n)).split("\n")[0] for n in (1, 2)
    ]
    assert first == ["1 article, 0 failed", "2 articles, 0 failed"]
