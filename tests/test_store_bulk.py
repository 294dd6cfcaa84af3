"""The bulk path into the store (``Store.add_bulk``, ``kb add --bulk``): it stores
exactly what the transactional path stores, and a load killed in either of its two
phases is repaired by the next write, leaving every article whole or absent."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb.errors import StoreError
from kb.store import bulk, ordered_keys
from kb.store.embedded import Store

BASE = "https://w3id.org/newskb/id/article/"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PERSON = "<https://w3id.org/newskb/ontology#Person>"
SHARED = "<https://w3id.org/newskb/id/person/ada-brandt>"


def _article(i: int) -> tuple[str, str]:
    """An invented article graph: its own mention triples, and a person it shares
    with every other article (as real articles share entities)."""
    iri = f"{BASE}b{i}"
    lines = {
        f"{SHARED} {TYPE} {PERSON} .\n",
        f'{SHARED} {LABEL} "Ada Brandt" .\n',
        *(f'<{iri}/m{j}> {LABEL} "mention {i}.{j}" .\n' for j in range(30)),
        f"<{iri}/m0> <https://w3id.org/newskb/ontology#refersTo> {SHARED} .\n",
    }
    return iri, "".join(sorted(lines))


ARTICLES = [_article(i) for i in range(12)]


def _quads(store: Store) -> set[str]:
    return {str(q) for q in store._ox}


def _whole_or_absent(store: Store) -> None:
    """Every stored article is its whole graph, and the union is exactly the
    union of the stored articles."""
    expected = dict(ARTICLES)
    union: set[str] = set()
    for iri, data in store.article_graphs():
        assert sorted(data.decode().splitlines(True)) == sorted(
            expected[iri].splitlines(True)
        ), f"{iri} is not whole"
        union |= set(expected[iri].splitlines(True))
    in_union = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert int(in_union[0][0]) == len(union)


def test_bulk_stores_what_the_transactional_path_stores(tmp_path: Path) -> None:
    with Store(tmp_path / "a") as one, Store(tmp_path / "b") as other:
        assert one.add_many(ARTICLES).triples == other.add_bulk(ARTICLES).triples
        assert _quads(one) == _quads(other)
        assert one.entities_named("ada brandt") == other.entities_named("ada brandt")


def test_bulk_leaves_unchanged_articles_and_replaces_changed_ones() -> None:
    store = Store()
    store.add_bulk(ARTICLES[:4])
    iri, text = ARTICLES[0]
    changed = text.replace('"mention 0.1"', '"mention 0.1, corrected"')
    written = store.add_bulk([*ARTICLES[1:4], (iri, changed)])
    assert (written.unchanged, written.triples) == (3, len(changed.splitlines()))
    assert b"corrected" in store.article_graph(iri)
    old = store.query('SELECT ?s WHERE { ?s ?p "mention 0.1" }')
    assert old.rows == ()


def test_bulk_refuses_text_that_is_not_plain_ntriples() -> None:
    store = Store()
    with pytest.raises(StoreError, match="not plain N-Triples"):
        store.add_bulk([(f"{BASE}x", '_:b <http://x/p> "o" .\n')])
    assert store.articles() == []


def test_only_a_large_load_that_builds_a_store_suits_the_bulk_loader(
    tmp_path: Path,
) -> None:
    many = bulk.AUTO_BULK_ARTICLES
    with Store(tmp_path / "new") as new:
        assert new.suits_bulk(many)
        assert not new.suits_bulk(many - 1)
    with Store(tmp_path / "new") as reopened:
        assert reopened.suits_bulk(many)  # the name index alone is no article
        reopened.add_many(ARTICLES[:1])
        assert not reopened.suits_bulk(many)
    assert not Store().suits_bulk(many)  # in memory: nothing to gain


def test_a_write_that_rebuilds_every_list_does_not_make_its_keyed_triples() -> None:
    pending = ordered_keys.Pending(everyone=True)
    done: list[bool] = []

    def never() -> list[ox.Quad]:
        raise AssertionError("the keyed triples were made")

    pending.write(ox.Store(), never, lambda: done.append(True))
    assert done == [True]


# A load killed (os._exit: no handler runs) after the bulk loader wrote the first
# half of its input, in the first phase (article graphs) or the second (union).
_KILLED_LOAD = """
import os, sys
import pyoxigraph as ox
from kb.store import bulk
from kb.store.embedded import Store
from tests.test_store_bulk import ARTICLES

class Killed:
    def __init__(self, db, phase):
        self.db, self.phase, self.calls = db, phase, 0
    def __getattr__(self, name):
        return getattr(self.db, name)
    def bulk_load(self, data, format):
        self.calls += 1
        if self.calls == self.phase:
            lines = data.splitlines(True)
            half = "".join(lines[: len(lines) // 2])
            # cut where a graph block ends, so the half is well-formed
            if format == ox.RdfFormat.TRIG:
                half = half[: half.rfind("}") + 1] + "\\n"
            self.db.bulk_load(half, format=format)
            self.db.flush()
            os._exit(9)
        self.db.bulk_load(data, format=format)

store = Store(sys.argv[1])
store.add_many(ARTICLES[:2])
new, keys, _ = store._changed_texts(ARTICLES[2:])
bulk.load(Killed(store._ox, int(sys.argv[2])), new, keys)
"""


@pytest.mark.parametrize("phase", [1, 2], ids=["article-graphs", "union"])
def test_a_killed_bulk_load_is_repaired_by_the_next_write(
    tmp_path: Path, phase: int
) -> None:
    path = tmp_path / "store"
    root = Path(__file__).resolve().parents[1]
    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_LOAD), str(path), str(phase)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert killed.returncode == 9, killed.stderr
    with Store(path) as store:
        marked = store._ox.quads_for_pattern(
            None, ox.NamedNode("urn:newskb:loading"), None, None
        )
        assert list(marked), "the kill left no mark: nothing to repair"
        dropped = store.repair()
        _whole_or_absent(store)
        kept = store.articles()
        # phase 1 loses the batch (the two articles written before stay);
        # phase 2 finishes it
        assert len(kept) == (2 if phase == 1 else len(ARTICLES))
        assert len(dropped) == (len(ARTICLES) - 2 if phase == 1 else 0)
        store.add_bulk(ARTICLES)
        _whole_or_absent(store)
        assert len(store.articles()) == len(ARTICLES)
