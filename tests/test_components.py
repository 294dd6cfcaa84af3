"""newskb's spaCy components, each run alone on sentences invented for these tests:
the trained model plus one component, whose inputs are computed on demand, and
the model plus the component and those before it. Needs the model (slow)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from kb.models import Article

pytestmark = pytest.mark.slow

spacy = pytest.importorskip("spacy")
extract = pytest.importorskip("kb.extract")

TEXT = (
    "BRANMOOR, Estvia (Wire) — Dock workers walked out on Monday at the port of "
    "Branmoor, the harbour authority said.\n\n"
    '"We will not unload a single ship until the wage offer improves," said Ilka '
    "Vorsen, who leads the Branmoor Dockers Union.\n\n"
    "Vorsen said about 1,200 workers had joined the strike. The authority said "
    "that only 300 workers had joined the strike."
)


@pytest.fixture(scope="module")
def nlp():
    return extract.pipeline()


@contextmanager
def only(nlp, *names: str) -> Iterator[None]:
    """The model's own components plus ``names`` of ours, the rest disabled."""
    with nlp.select_pipes(disable=[c for c in extract.COMPONENTS if c not in names]):
        yield


def doc_of(nlp, text: str = TEXT, published: str | None = "2025-03-03"):
    article = Article(text=text, origin="test", published=published)
    return nlp(extract.make_doc(nlp, article))


def test_pipeline_has_every_component_in_order(nlp):
    ours = [n for n in nlp.pipe_names if n.startswith("newskb_")]
    assert ours == ["newskb_paragraphs", *extract.COMPONENTS]
    assert ours.index("newskb_paragraphs") < nlp.pipe_names.index("parser") + 1


def test_the_pipeline_is_loaded_once_however_it_is_asked_for(nlp):
    # kb export asks for pipeline(None), a library user for pipeline(): one load
    assert extract.pipeline(None) is nlp
    assert extract.pipeline(extract.model_name()) is nlp


def test_dates_alone(nlp):
    with only(nlp, "newskb_dates"):
        doc = doc_of(nlp)
    found = doc._.newskb_dates
    assert found.ref == date(2025, 3, 3)
    assert found.dateline is not None and found.dateline_end > 0
    assert "branmoor" in found.dateline_names
    monday = [e.text for ents in found.by_sentence.values() for e in ents]
    assert monday == ["Monday"]
    assert doc._.newskb_mentions is None  # nothing later ran


def test_figures_alone(nlp):
    with only(nlp, "newskb_figures"):
        doc = doc_of(nlp)
    units = {q.span.text: q.unit for q in doc._.newskb_figures}
    assert units["1,200"] == "workers"
    assert units["300"] == "workers"


def test_mentions_alone(nlp):
    with only(nlp, "newskb_mentions"):
        doc = doc_of(nlp)
    found = {(m.name, m.kind) for m in doc._.newskb_mentions.items}
    assert ("Ilka Vorsen", "Person") in found
    assert ("Vorsen", "Person") in found  # a surname on its own
    assert ("Branmoor", "Location") in found  # from the dateline


def test_entities_alone(nlp):
    with only(nlp, "newskb_entities"):
        doc = doc_of(nlp)
    entities = doc._.newskb_entities
    person = next(c for c in entities.clusters if "Ilka Vorsen" in c.names())
    assert person.kind == "Person"
    assert "Vorsen" in person.names()  # "Vorsen" joined "Ilka Vorsen"


def test_quotes_alone(nlp):
    with only(nlp, "newskb_quotes"):
        doc = doc_of(nlp)
    quotes = doc._.newskb_quotes
    assert len(quotes) == 1
    clusters = doc._.newskb_entities.clusters
    assert "Ilka Vorsen" in clusters[quotes[0].claimant].names()
    assert quotes[0].direct and quotes[0].cue.text == "said"
    assert doc._.newskb_claims is None


def test_claims_alone(nlp):
    with only(nlp, "newskb_claims"):
        doc = doc_of(nlp)
    claims = doc._.newskb_claims
    clusters = doc._.newskb_entities.clusters
    text = doc.text
    reported = {
        clusters[c.claimant].names()[0]: text[c.stmt_start : c.stmt_end]
        for c in claims
        if not c.direct
    }
    assert any("1,200 workers" in s for s in reported.values())
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert sum(c.direct for c in claims) == 1


def test_events_alone(nlp):
    with only(nlp, "newskb_events"):
        doc = doc_of(nlp)
    events = doc._.newskb_events
    assert events, "the walkout is an event"
    strike = next(e for e in events if e.event_type == "Protest")
    assert {t.lower_ for t in strike.triggers} & {"walked", "strike"}


def test_extraction_alone(nlp):
    with only(nlp, "newskb_extraction"):
        doc = doc_of(nlp)
    x = doc._.newskb_extraction
    assert x.article.origin == "test"
    assert x.model.startswith("en_")
    assert "Ilka Vorsen" in {e.name for e in x.entities}
    assert x.conflicts == ()  # newskb_conflicts adds them


def test_conflicts_alone(nlp):
    with only(nlp, "newskb_conflicts"):
        doc = doc_of(nlp)
    x = doc._.newskb_extraction
    assert len(x.conflicts) == 1  # 1,200 workers against 300 workers
    a, b = (x.claims[i] for i in x.conflicts[0])
    assert a.claimant != b.claimant


def test_components_before_give_what_on_demand_gives(nlp):
    """Running the components in order, or only the last one (which computes its
    inputs itself), gives the same extraction."""
    full = doc_of(nlp)._.newskb_extraction
    with only(nlp, "newskb_conflicts"):
        alone = doc_of(nlp)._.newskb_extraction
    assert alone == full


def test_extract_many_without_our_components_is_a_clear_error():
    blank = spacy.blank("en")
    article = Article(text="Hello.", origin="test")
    with pytest.raises(Exception, match="no newskb components"):
        next(extract.extract_many([article], blank))


def test_add_components_up_to_one():
    nlp = extract.add_components(spacy.blank("en"), last="newskb_mentions")
    assert nlp.pipe_names == ["newskb_dates", "newskb_figures", "newskb_mentions"]


def test_registered_through_entry_points_in_a_users_pipeline():
    """After ``pip install newskb``, a user's own pipeline finds our components by
    name without importing kb: spaCy finds them through the ``spacy_factories`` entry
    point. A fresh interpreter, so that nothing here has registered them first."""
    script = (
        "import spacy\n"
        f"nlp = spacy.load({extract.DEFAULT_MODEL!r})\n"
        "nlp.add_pipe('newskb_claims')\n"
        "doc = nlp('The mayor of Tarsk, Ona Velik, said that the bridge would reopen.')\n"
        "print(len(doc._.newskb_claims))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
