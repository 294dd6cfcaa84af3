"""The learned candidate filter: features of events and actors on invented sentences,
the run-time filter with tiny hand-made weights files, the shipped weights file, the
``--filter``/``--no-filter`` switch and its provenance, and the labels the dev
metric's matching gives each candidate."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import URIRef

from kb.evaluate.dev import entity_verdicts, match_events
from kb.evaluate.graph import FoundEntity, FoundEvent
from kb.models import Article, Extraction
from kb.rdf.namespaces import KB

pytestmark = pytest.mark.slow

extract = pytest.importorskip("kb.extract")
from kb.extract.candidate_features import (  # noqa: E402
    FAMILIES,
    actor_candidates,
    candidates,
)
from kb.extract.candidate_filter import (  # noqa: E402
    apply_filter,
    filtered,
    keep_probability,
    load_filter,
    shipped_filter_path,
)

_TEXT = (
    "Varda Holdings will open a plant in Porto on Monday.\n\n"
    "Kellan Mills, the mayor, met Tomas Brandt in Porto on Tuesday. "
    "Officials at the port did not strike.\n\n"
    "“We attacked nobody,” Maria Lopez said."
)


@pytest.fixture(scope="module")
def parsed():
    nlp = extract.load_pipeline()
    article = Article(text=_TEXT, origin="test", published="2025-06-12")
    doc = nlp(extract.make_doc(nlp, article))
    return doc, doc._.newskb_extraction


def _event(x: Extraction, word: str):
    return next(e for e in x.events if e.trigger.text.lower().startswith(word))


def test_event_features_name_structure(parsed):
    doc, x = parsed
    cands = candidates(doc, x)
    opened = cands.events[_event(x, "open").trigger.start]
    assert {"pos=VERB", "modality=planned", "paragraph=first", "bias"} <= opened
    assert {"has_date", "has_place", "has_agent", "tense=future"} <= opened
    met = cands.events[_event(x, "met").trigger.start]
    assert {"paragraph=later", "has_place", "has_date", "lemma=meet"} <= met
    assert "in_quote" not in met


def test_event_features_quote_and_negation(parsed):
    doc, x = parsed
    cands = candidates(doc, x)
    attacked = [e for e in x.events if e.trigger.text == "attacked"]
    struck = [e for e in x.events if e.trigger.text == "strike"]
    for e in attacked:
        assert {"in_quote", "in_claim"} <= cands.events[e.trigger.start]
    for e in struck:
        assert "negated" in cands.events[e.trigger.start]


def test_actor_features_and_claimants(parsed):
    doc, x = parsed
    cands = candidates(doc, x)
    claimants = {c.claimant for c in x.claims}
    assert claimants and not claimants & set(cands.actors)
    brandt = next(k for k in cands.actors if "brandt" in k)
    assert {"kind=Person", "words=2", "kind_words=Person/2", "ner=PERSON"} <= (
        cands.actors[brandt]
    )
    assert "ner_agrees" in cands.actors[brandt]
    mayor = next(k for k in cands.actors if "kellan" in k)
    assert {"agent", "paragraph=later", "mentions=1"} <= cands.actors[mayor]


def test_every_feature_belongs_to_a_family(parsed):
    doc, x = parsed
    cands = candidates(doc, x)
    for feats in (*cands.events.values(), *cands.actors.values()):
        for f in feats:
            assert f.split("=", 1)[0] in FAMILIES, f


def _weights(tmp_path: Path, events: dict, actors: dict) -> str:
    path = tmp_path / "weights.json"
    data = {
        "kinds": {
            "events": {"weights": events, "threshold": 0.5},
            "actors": {"weights": actors, "threshold": 0.5},
        }
    }
    path.write_text(json.dumps(data))
    return str(path)


def test_filter_drops_below_threshold_and_keeps_claimants(parsed, tmp_path):
    doc, x = parsed
    # events: keep all but the planned ones; actors: drop every one it may
    path = _weights(tmp_path, {"bias": 3.0, "modality=planned": -6.0}, {"bias": -3.0})
    model = load_filter(path)
    out = apply_filter(x, candidates(doc, x), model)
    assert [e for e in out.events if e.modality == "planned"] == []
    assert len(out.events) == len([e for e in x.events if e.modality != "planned"])
    keys = {e.key for e in out.entities}
    claimants = {c.claimant for c in x.claims}
    assert claimants <= keys
    dropped = {e.key for e in actor_candidates(x)}
    assert dropped and not dropped & keys
    for e in out.events:
        assert not dropped & {*e.agents, *e.participants}
    for c in out.claims:
        assert not dropped & set(c.about)
        assert all(
            int(k.split(":")[1]) in {e.trigger.start for e in out.events}
            for k in c.about
            if k.startswith("event:")
        )
    assert out.model == f"{x.model}; candidate filter {model.digest}"


def test_filter_with_weights_that_keep_everything(parsed, tmp_path):
    doc, x = parsed
    model = load_filter(_weights(tmp_path, {"bias": 4.0}, {"bias": 4.0}))
    out = apply_filter(x, candidates(doc, x), model)
    assert (out.entities, out.events, out.claims) == (x.entities, x.events, x.claims)


def test_filtered_graph_conforms(parsed, tmp_path):
    from kb.rdf.mapping import map_article
    from kb.rdf.validate import validate_article

    doc, x = parsed
    path = _weights(tmp_path, {"bias": -3.0}, {"bias": -3.0})
    out = apply_filter(x, candidates(doc, x), load_filter(path))
    assert validate_article(map_article(out), "full").conforms


def test_keep_probability_is_the_logistic_of_summed_weights(tmp_path):
    model = load_filter(_weights(tmp_path, {"bias": 1.0, "in_quote": -1.0}, {}))
    assert keep_probability(model.events, frozenset({"bias", "in_quote"})) == 0.5
    assert keep_probability(model.events, frozenset({"bias", "unknown"})) > 0.7


def test_a_bad_weights_file_is_an_extraction_error(tmp_path):
    from kb.errors import ExtractionError

    bad = tmp_path / "bad.json"
    bad.write_text('{"kinds": {}}')
    with pytest.raises(ExtractionError, match="not a candidate filter"):
        load_filter(str(bad))


def test_the_shipped_weights_load_and_name_known_features():
    model = load_filter()
    assert shipped_filter_path().is_file()
    for kind in (model.events, model.actors):
        assert 0.0 <= kind.threshold < 1.0
        for name in kind.weights:
            assert name.split("=", 1)[0] in FAMILIES, name
    data = json.loads(shipped_filter_path().read_text())
    assert data["training_sets"] and all(
        s["hashes_sha256"] for s in data["training_sets"]
    )
    names = {s["name"] for s in data["training_sets"]}
    assert not names & {"dev", "heldout_style"}  # acceptance sets stay out


def _nlp_model(graph) -> str:
    return str(next(graph.objects(None, KB.nlpModel)))


def test_export_records_the_filter_or_keeps_everything(tmp_path):
    from rdflib import Graph

    from kb.jobs.export import ExportOptions, export

    article = tmp_path / "a.txt"
    article.write_text(_TEXT)
    graphs = {}
    for on in (True, False):
        result = export([article], ExportOptions(fmt="nt", candidate_filter=on))
        assert result.exit_code == 0
        graphs[on] = Graph().parse(data=result.text, format="nt")
    digest = load_filter().digest
    assert _nlp_model(graphs[True]).endswith(f"; candidate filter {digest}")
    assert "candidate filter" not in _nlp_model(graphs[False])
    # off keeps every candidate: at least as many events and actors as on
    for cls in (KB.Event, KB.Actor):
        assert len(set(graphs[False].subjects(None, cls))) >= len(
            set(graphs[True].subjects(None, cls))
        )


def test_cli_switch(runner, tmp_path):
    from kb.cli import cli

    article = tmp_path / "a.txt"
    article.write_text(_TEXT)
    on = runner.invoke(cli, ["export", str(article), "--format", "nt", "--filter"])
    off = runner.invoke(cli, ["export", str(article), "--format", "nt", "--no-filter"])
    assert on.exit_code == 0 and off.exit_code == 0
    assert "candidate filter" in on.output
    assert "candidate filter" not in off.output
    by_env = runner.invoke(
        cli, ["export", str(article), "--format", "nt"], env={"KB_FILTER": "1"}
    )
    assert "candidate filter" in by_env.output
    default = runner.invoke(
        cli, ["export", str(article), "--format", "nt"], env={"KB_FILTER": None}
    )
    assert "candidate filter" not in default.output  # off unless asked


# ---------------------------------------------------------------- labels
def _entity(name: str) -> FoundEntity:
    return FoundEntity(URIRef(f"urn:x:{name.replace(' ', '-')}"), [name])


def test_entity_verdicts_follow_the_metric():
    found = [_entity(n) for n in ("Maria Lopez", "Lopez Maria", "Porto", "Varda Mills")]
    gold = [{"names": ["Maria Lopez"]}]
    places = [{"names": ["Porto"]}]
    verdicts = entity_verdicts(found, gold, places)
    assert verdicts == ["match", "duplicate", "neutral", "extra"]


def test_match_events_one_to_one():
    def ev(text: str) -> FoundEvent:
        return FoundEvent(URIRef(f"urn:e:{text}"), [text], [], [], [])

    found: list[FoundEvent] = []
    for text in ("met (meeting)", "met (meeting)", "opened (launch)"):
        found.append(ev(text))
    matched = match_events(found, [{"triggers": ["met"]}])
    assert list(matched) == [0] and matched[0] in (0, 1)


def test_rows_are_labelled_by_the_metric(parsed):
    from kb.evaluate.candidates import label_rows
    from kb.evaluate.gold import GoldArticle

    doc, x = parsed
    gold = {
        "article": "a.txt",
        "actors": [{"names": ["Tomas Brandt"]}, {"names": ["Maria Lopez"]}],
        "locations": [{"names": ["Porto"]}],
        "claims": [],
        "events": [{"triggers": ["met"]}],
    }
    rows = list(label_rows(GoldArticle(Path("a.txt"), gold), x, candidates(doc, x)))
    events = {r.ident: r.keep for r in rows if r.kind == "events"}
    assert events[str(_event(x, "met").trigger.start)] is True
    assert events[str(_event(x, "open").trigger.start)] is False
    actors = {r.ident: r.keep for r in rows if r.kind == "actors"}
    assert [k for k, keep in actors.items() if keep] == [
        k for k in actors if "brandt" in k
    ]


def test_workers_run_the_filter_too(tmp_path):
    """``--jobs 2`` hands the switch to its workers: the same bytes as one process."""
    from datetime import datetime

    from kb.jobs.export import ExportOptions, export

    paths = []
    for i, text in enumerate(_TEXT.split("\n\n")):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text)
        paths.append(path)
    when = datetime.fromisoformat("2026-01-01T00:00:00+00:00")
    texts = [
        export(
            paths,
            ExportOptions(
                fmt="nt", generated_at=when, jobs=jobs, candidate_filter=True
            ),
        ).text
        for jobs in (1, 2)
    ]
    assert texts[0] == texts[1]
    assert f"candidate filter {load_filter().digest}" in texts[1]


def test_the_component_in_a_users_pipeline(tmp_path):
    """``nlp.add_pipe("newskb_filter")`` after newskb's components, with a file of
    one's own weights: the Doc's extraction comes out filtered."""
    import spacy

    nlp = extract.add_components(spacy.load(extract.DEFAULT_MODEL))
    path = _weights(tmp_path, {"bias": -3.0}, {"bias": 3.0})
    nlp.add_pipe("newskb_filter", config={"path": path})
    doc = nlp(_TEXT)
    x = doc._.newskb_extraction
    assert x.events == () and x.entities
    assert x.model.endswith(f"candidate filter {load_filter(path).digest}")


def _titled(x: Extraction, title: str) -> Extraction:
    return replace(x, article=replace(x.article, title=title))


def test_title_is_a_whole_word_match(parsed):
    """``title``: the trigger, or every word of a mention, is a word of the title;
    a word that only lies inside a longer title word does not count."""
    doc, x = parsed
    opened = _event(x, "open").trigger.start
    kellan = next(e.key for e in x.entities if e.name.startswith("Kellan"))
    inside = candidates(doc, _titled(x, "Varda reopens; Kellan Millsford to speak"))
    assert "title" not in inside.events[opened]
    assert "title" not in inside.actors[kellan]
    words = candidates(doc, _titled(x, "Varda to open plant, Kellan Mills says"))
    assert "title" in words.events[opened]
    assert "title" in words.actors[kellan]


def test_an_actor_with_no_mention_is_no_candidate(parsed):
    doc, x = parsed
    kellan = next(e for e in x.entities if e.name.startswith("Kellan"))
    bare = replace(
        x,
        entities=tuple(
            replace(e, mentions=()) if e is kellan else e for e in x.entities
        ),
    )
    assert kellan.key not in {e.key for e in actor_candidates(bare)}
    assert kellan.key not in candidates(doc, bare).actors


def test_a_kind_at_threshold_zero_gets_no_features(parsed, tmp_path, monkeypatch):
    """A kind whose threshold is 0 drops nothing: its features are never computed."""
    import kb.extract.candidate_features as features

    doc, x = parsed
    path = tmp_path / "w.json"
    path.write_text(
        json.dumps(
            {
                "kinds": {
                    "events": {"weights": {"bias": 3.0}, "threshold": 0.5},
                    "actors": {"weights": {"bias": -3.0}, "threshold": 0.0},
                }
            }
        )
    )

    def refuse(*_: object) -> None:
        raise AssertionError("actor features computed")

    monkeypatch.setattr(features, "actor_features", refuse)
    out = filtered(doc, load_filter(str(path)))
    assert {e.key for e in out.entities} == {e.key for e in x.entities}
    assert len(out.events) == len(x.events)
    assert candidates(doc, x, events=False, actors=False) == features.Candidates({}, {})


def _trainer(monkeypatch):
    import importlib.util
    import sys

    where = Path(__file__).parent.parent / "tools" / "train_filter.py"
    spec = importlib.util.spec_from_file_location("train_filter", where)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # its dataclasses look their module up by name
    monkeypatch.setitem(sys.modules, "train_filter", module)
    spec.loader.exec_module(module)
    return module


def test_the_trainers_cache_key_follows_code_model_and_articles(tmp_path, monkeypatch):
    """A cached set is reused only for the same commit, model and HASHES."""
    trainer = _trainer(monkeypatch)
    (tmp_path / "HASHES").write_text("abc  articles/one.txt\n")
    made_by = {"commit": "1" * 40, "spacy_model": "en_x 1.0", "scikit_learn": "1.0"}
    key = trainer.cache_key(tmp_path, made_by)
    assert key == trainer.cache_key(tmp_path, dict(made_by))
    assert key != trainer.cache_key(tmp_path, {**made_by, "commit": "2" * 40})
    assert key != trainer.cache_key(tmp_path, {**made_by, "spacy_model": "en_x 1.1"})
    (tmp_path / "HASHES").write_text("abd  articles/one.txt\n")
    assert key != trainer.cache_key(tmp_path, made_by)
