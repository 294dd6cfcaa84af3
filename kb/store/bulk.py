"""Large loads through oxigraph's bulk loader, which writes sorted files straight into
the database instead of one transaction at a time, and the marks that let a crash
in the middle of one be repaired.

The bulk loader is not atomic, so a load goes in two phases, each marked in the name
index graph before it starts: the article graphs (and their name keys), then their
copy in the default graph (the union). A store that still holds marks was stopped
during a load, and :func:`repair` finishes or undoes each marked article: one
stopped in its first phase is dropped (nothing of it reached the union), one stopped
in its second has its union copy written again from its complete graph."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kb.defaults import AUTO_BULK_ARTICLES
from kb.store.name_index import _INDEX

#: :meth:`kb.store.embedded.Store.add_bulk` loads with the rest of this module.
__all__ = ["AUTO_BULK_ARTICLES", "OPTIMIZE_AFTER_TRIPLES"]


#: A bulk load that wrote at least this many triples compacts the store after
#: (:meth:`kb.store.embedded.Store.optimize`).
OPTIMIZE_AFTER_TRIPLES = 1_000_000

_LOADING = ox.NamedNode("urn:newskb:loading")
_GRAPHS = ox.Literal("graphs")
_UNION = ox.Literal("union")


def _marks(articles: Iterable[ox.NamedNode], phase: ox.Literal) -> list[ox.Quad]:
    return [ox.Quad(article, _LOADING, phase, _INDEX) for article in articles]


def _marked(db: ox.Store) -> list[ox.Quad]:
    return list(db.quads_for_pattern(None, _LOADING, None, _INDEX))


def load(db: ox.Store, batch: list[tuple[ox.NamedNode, str]], keys: str) -> None:
    """Write each ``(article, plain N-Triples)`` of ``batch``, none of them stored
    yet, to its named graph and to the union, with the name keys (TriG) ``keys``.

    :raises SyntaxError: when a text is not N-Triples (found in the first phase,
        whose writes are then undone). Any failure is repaired (:func:`repair`)
        before it is raised.
    """
    names = [name for name, _ in batch]
    db.extend(_marks(names, _GRAPHS))
    try:
        graphs = [f"{name} {{\n{text}}}\n" for name, text in batch]
        db.bulk_load("".join(graphs) + keys, format=ox.RdfFormat.TRIG)
        db.flush()
        _set_marks(db, names, _GRAPHS, _UNION)
        union = "".join(text for _, text in batch)
        db.bulk_load(union, format=ox.RdfFormat.N_TRIPLES)
        db.flush()
    except BaseException:
        repair(db)
        raise
    _set_marks(db, names, _UNION, None)


def _set_marks(
    db: ox.Store, names: list[ox.NamedNode], old: ox.Literal, new: ox.Literal | None
) -> None:
    """Change the marks of ``names`` from phase ``old`` to ``new`` (or remove them),
    in one transaction."""
    graph = str(_INDEX)
    deletes = " ".join(f"{n} {_LOADING} {old} ." for n in names)
    update = f"DELETE DATA {{ GRAPH {graph} {{ {deletes} }} }}"
    if new is not None:
        inserts = " ".join(f"{n} {_LOADING} {new} ." for n in names)
        update += f" ;\nINSERT DATA {{ GRAPH {graph} {{ {inserts} }} }}"
    db.update(update)


def repair(db: ox.Store) -> list[str]:
    """Finish or undo every article a stopped load left marked (see the module's
    text). :returns: the IRIs of the articles that were dropped."""
    dropped: list[str] = []
    for mark in _marked(db):
        article = mark.subject
        assert isinstance(article, ox.NamedNode)
        if mark.object == _UNION:
            db.update(
                f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {article} {{ ?s ?p ?o }} }}"
            )
        else:
            db.update(f"DROP SILENT GRAPH {article}")
            dropped.append(article.value)
        db.remove(mark)
    return dropped
