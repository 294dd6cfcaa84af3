"""``kb add``, ``kb stats``, ``kb query`` and ``kb remove`` in-process, on invented
articles: idempotent adds, every result format, --data files, and clear errors."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from kb.cli import cli
from kb.store.embedded import Store, Written

from .conftest import FIXED_TIME

ARTICLES = Path(__file__).parent / "data" / "articles"
TWO = [str(ARTICLES / "two-records.json"), str(ARTICLES / "ferry-strike.html")]
PEOPLE = (
    "SELECT DISTINCT ?name WHERE { ?p a kb:Person ; rdfs:label ?name } ORDER BY ?name"
)


def kb(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "store"
    result = kb("add", *TWO, "--store", str(path), "--fixed-time", FIXED_TIME)
    assert result.exit_code == 0, result.stderr
    assert "3 written" in result.stderr
    return path


def _graphs(path: Path) -> dict[str, bytes]:
    with Store(path, read_only=True) as opened:
        return dict(opened.article_graphs())


def test_re_adding_changes_nothing(store: Path) -> None:
    before = _graphs(store)
    # no --fixed-time: only the provenance time would differ, and the stored
    # article is kept as it is
    result = kb("add", *TWO, "--store", str(store))
    assert result.exit_code == 0
    assert "0 written, 3 unchanged; 0 triples written" in result.stderr
    assert _graphs(store) == before


def test_bulk_add_stores_the_same_graphs(store: Path, tmp_path: Path) -> None:
    bulk = tmp_path / "bulk"
    result = kb("add", *TWO, "--bulk", "--store", str(bulk), "--fixed-time", FIXED_TIME)
    assert result.exit_code == 0, result.stderr
    assert "3 written" in result.stderr
    assert _graphs(bulk) == _graphs(store)
    again = kb("add", *TWO, "--bulk", "--store", str(bulk))
    assert "0 written, 3 unchanged" in again.stderr


def _writes_used(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Store write methods that ``kb add`` calls from now on, in order."""
    used: list[str] = []
    for name in ("add_bulk", "add_many"):
        monkeypatch.setattr(Store, name, _spied(getattr(Store, name), name, used))
    return used


def _spied(
    method: Callable[..., Written], name: str, used: list[str]
) -> Callable[..., Written]:
    def spy(self: Store, items: object) -> Written:
        used.append(name)
        return method(self, items)

    return spy


def test_a_large_load_that_builds_a_store_takes_the_bulk_loader(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kb.jobs import export
    from kb.store import bulk

    # TWO holds 3 articles (estimate_articles counts a JSON array item by item)
    monkeypatch.setattr(bulk, "AUTO_BULK_ARTICLES", 2)
    # one write per command: on a loaded machine, articles extracted a second
    # apart went in two transactions (kb.jobs.export.ADD_BATCH_SECONDS)
    monkeypatch.setattr(export, "ADD_BATCH_SECONDS", float("inf"))
    used = _writes_used(monkeypatch)
    new = tmp_path / "new"
    result = kb("add", *TWO, "--store", str(new), "--fixed-time", FIXED_TIME)
    assert result.exit_code == 0, result.stderr
    assert set(used) == {"add_bulk"}
    assert _graphs(new) == _graphs(store)
    used.clear()
    # a store that holds articles already keeps its transactions, and so does
    # a new one when told
    kb("add", *TWO, "--store", str(new), "--fixed-time", FIXED_TIME)
    kb("add", *TWO, "--no-bulk", "--store", str(tmp_path / "other"))
    assert used == ["add_many", "add_many"]


def test_stats_lists_articles_and_classes(store: Path) -> None:
    result = kb("stats", "--store", str(store), "--articles")
    assert result.exit_code == 0
    assert "articles  3" in result.stdout
    assert "kb:Article" in result.stdout and "kb:Mention" in result.stdout


def test_stats_articles_says_what_each_article_is(store: Path) -> None:
    """An IRI alone says nothing: each line also has the headline, else the start
    of the text, and the IRI stays a word of its own to copy into kb remove."""
    listed = kb("stats", "--store", str(store), "--articles").stdout
    lines = listed.split("articles:\n", 1)[1].splitlines()
    titles = sorted(line.split(None, 1)[1] for line in lines)
    assert titles == [
        "A second, shorter record with only its text.",
        "Ferry crews walk out over night-shift rota",
        "Old bridge to close for repairs",
    ]
    with Store(store, read_only=True) as opened:
        assert [line.split()[0] for line in lines] == opened.articles()


def test_stats_counts_people_that_several_articles_name(tmp_path: Path) -> None:
    """Two people of one name in two articles are one node (the contract's
    identity); stats says how many such names there are and where to look."""
    feed = tmp_path / "two.jsonl"
    records = [
        {
            "text": "Maria Lopez, the mayor of Porto, said on Monday that the council "
            "would vote on the budget next week."
        },
        {
            "text": "Maria Lopez, a student from Varda, won the regional chess title on "
            "Sunday, her coach said."
        },
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    path = tmp_path / "store"
    assert kb("add", str(feed), "--store", str(path)).exit_code == 0
    stats = kb("stats", "--store", str(path)).stdout
    assert "shared    1 person named in 2+ articles: one node per name" in stats
    assert "kb query --named actors-in" in stats


def test_guard_stats_says_nothing_of_sharing_when_no_one_is_shared(
    store: Path,
) -> None:
    assert "shared" not in kb("stats", "--store", str(store)).stdout


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml"])
def test_select_formats_agree(store: Path, fmt: str) -> None:
    result = kb("query", PEOPLE, "--store", str(store), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    names = _names(result.stdout, fmt)
    reference = _names(
        kb("query", PEOPLE, "--store", str(store), "--format", "json").stdout, "json"
    )
    assert names == reference and names


def _names(text: str, fmt: str) -> list[str]:
    if fmt == "json":
        return [b["name"]["value"] for b in json.loads(text)["results"]["bindings"]]
    if fmt == "csv":
        return [row["name"] for row in csv.DictReader(io.StringIO(text))]
    if fmt == "tsv":
        return [json.loads(line) for line in text.splitlines()[1:]]
    if fmt == "xml":
        from xml.etree import ElementTree

        ns = "{http://www.w3.org/2005/sparql-results#}"
        return [e.text or "" for e in ElementTree.fromstring(text).iter(f"{ns}literal")]
    return [line.strip() for line in text.splitlines()[2:-1]]


def test_construct_as_turtle_and_jsonld_is_one_graph(store: Path) -> None:
    query = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kb:Person ; rdfs:label ?n }"
    ttl = kb("query", query, "--store", str(store), "--format", "ttl").stdout
    jsonld = kb("query", query, "--store", str(store), "--format", "jsonld").stdout
    assert len(Graph().parse(data=ttl, format="turtle")) > 0
    assert set(Graph().parse(data=ttl, format="turtle")) == set(
        Graph().parse(data=jsonld, format="json-ld")
    )


def test_named_query_and_query_file(store: Path, tmp_path: Path) -> None:
    named = kb(
        "query", "--named", "actors-in", "--store", str(store), "--format", "json"
    )
    assert named.exit_code == 0, named.stderr
    columns = json.loads(named.stdout)["head"]["vars"]
    assert columns == ["actor", "label", "mentions", "articles"]
    rq = tmp_path / "people.rq"
    rq.write_text(PEOPLE, encoding="utf-8")
    from_file = kb("query", "-f", str(rq), "--store", str(store), "--format", "csv")
    direct = kb("query", PEOPLE, "--store", str(store), "--format", "csv")
    assert from_file.stdout == direct.stdout


def test_query_on_exported_files(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "two.nq"
    assert (
        kb(
            "export", *TWO, "--format", "nq", "-o", str(out), "--fixed-time", FIXED_TIME
        ).exit_code
        == 0
    )
    on_file = kb("query", PEOPLE, "--data", str(out), "--format", "csv").stdout
    on_store = kb("query", PEOPLE, "--store", str(store), "--format", "csv").stdout
    assert on_file == on_store


def test_list_named_queries() -> None:
    result = kb("query", "--list")
    assert result.exit_code == 0
    assert "claims-by" in result.stdout and "--param actor=" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT WHERE {"], "does not parse"),
        (["PREFIX ex: <http://e/>\nINSERT DATA { ex:a ex:b ex:c }"], "only reads"),
        (["# tidy up\nDELETE WHERE { ?s ?p ?o }"], "kb add and kb remove"),
        ([], "give one query"),
        (["SELECT * {}", "--named", "actors-in"], "give one query"),
        (["SELECT * {}", "--param", "a=b"], "--param works with --named"),
        (["--named", "claims-by"], "missing --param actor"),
        (["--named", "claims-by", "--param", "actor"], "write it as key=value"),
        (["SELECT * { ?s ?p ?o }", "--format", "ttl"], "--format ttl is for CONSTRUCT"),
        (["SELECT * {}", "--data", __file__], "give --store or --data, not both"),
        (
            ["SELECT * {}", "--endpoint", "http://127.0.0.1:9/q"],
            "give --store or --endpoint, not both",
        ),
        (
            ["SELECT ?n { ?p foaf:name ?n }"],
            "unknown prefix foaf: — declared prefixes are: kb:, schema:",
        ),
    ],
)
def test_query_usage_errors_exit_2(store: Path, args: list[str], message: str) -> None:
    result = kb("query", *args, "--store", str(store))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # oxigraph says "expected CONSTRUCT" of a misspelt SELECT
        ("SELEC ?s WHERE { ?s ?p ?o }", "it starts with 'SELEC'; a query starts with"),
        ("PREFIX ex: <http://e/>\nDESCRIBEX ex:a", "it starts with 'DESCRIBEX'"),
        ("SELECT ?s WHERE { ?s a kb:Person", "a '{' is never closed"),
        ('SELECT ?s WHERE { ?s rdfs:label "Okafor }', "a string is never closed"),
        ("SELECT ?s WHERE { ?s ?p ?o } ORDER ?s", "line 1, column 38, expected BY"),
    ],
)
def test_a_query_that_does_not_parse_says_why_in_words(
    store: Path, query: str, message: str
) -> None:
    result = kb("query", query, "--store", str(store))
    assert result.exit_code == 2
    assert message in result.stderr
    # none of the parser's character classes (['A' ..= 'Z' | …]) or "[_]"
    assert "[" not in result.stderr and "Prefix not found" not in result.stderr


def test_a_kb_term_the_vocabulary_lacks_is_named_with_the_nearest(store: Path) -> None:
    query = "SELECT ?p WHERE { ?p a kb:Persn ; kb:rol ?r }"
    result = kb("query", query, "--store", str(store))
    assert result.exit_code == 0
    assert "kb:Persn is not a term of the newskb vocabulary" in result.stderr
    assert "did you mean kb:Person?" in result.stderr
    assert "did you mean kb:role?" in result.stderr
    assert kb("query", PEOPLE, "--store", str(store)).stderr == ""


def test_a_name_that_names_nothing_says_so(store: Path) -> None:
    claims_by = ("query", "--named", "claims-by", "--store", str(store), "--param")
    result = kb(*claims_by, "actor=Reyse")
    assert result.exit_code == 0
    assert "'Reyse' names no actor or place here" in result.stderr
    assert "actors-in lists them" in result.stderr
    # a name the store holds gets no note, whether or not it made claims
    assert kb(*claims_by, "actor=reyes").stderr == ""


def test_an_article_that_is_not_stored_says_so(store: Path) -> None:
    actors_in = ("query", "--named", "actors-in", "--store", str(store), "--param")
    result = kb(*actors_in, "article=https://example.org/news/gone")
    assert result.exit_code == 0
    assert result.stderr == (
        "kb: 'https://example.org/news/gone' is no stored article's IRI or URL; "
        "kb stats --articles lists them\n"
    )
    stored = next(iter(_graphs(store)))
    assert kb(*actors_in, f"article={stored}").stderr == ""


def test_query_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = kb("query", PEOPLE, "--store", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "kb add" in result.stderr


def test_remove(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    added = kb("add", TWO[1], "--store", str(copy), "--fixed-time", FIXED_TIME)
    assert added.exit_code == 0
    with Store(copy, read_only=True) as opened:
        (article,) = opened.articles()
    for bad in ("not-an-iri", "https://exa mple.org/a"):
        refused = kb("remove", bad, "--store", str(copy))
        assert refused.exit_code == 2 and "is not an article IRI" in refused.stderr
        assert "Traceback" not in refused.stderr
    # copied from `kb stats --articles`, with its indent
    assert kb("remove", f"  {article}", "--store", str(copy)).exit_code == 0
    missing = kb("remove", article, "--store", str(copy))
    assert missing.exit_code == 2 and "not in" in missing.stderr
    assert "articles  0" in kb("stats", "--store", str(copy)).stdout


def _names_in(path: Path) -> list[str]:
    """Names to ask about: each actor's and place's labels and alternate names,
    their last words, and one that names nothing."""
    with Store(path, read_only=True) as opened:
        rows = opened.query(
            "SELECT DISTINCT ?n WHERE { { ?e a kb:Actor } UNION { ?e a kb:Location } "
            "?e rdfs:label|schema:alternateName ?n } ORDER BY ?n"
        ).rows
    names = {str(row[0]) for row in rows}
    return sorted(names | {n.rsplit(" ", 1)[-1] for n in names} | {"NOBODY"})


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("claims-by", "actor"),
        ("events-at", "place"),
        ("timeline", "entity"),
        ("articles-mentioning", "entity"),
    ],
)
def test_named_queries_give_the_rows_of_their_text(
    store: Path, query: str, param: str
) -> None:
    # kb query looks names up in the store's name index (kb.store.queries.for_store); a
    # remote endpoint runs the query text as it is: the rows must be the same
    from kb.store.querying import QueryRequest, prepare, run_query

    answered = 0
    for name in _names_in(store):
        for value in (name, name.upper()):
            request = QueryRequest(named=query, params=[(param, value)], store=store)
            prepared = prepare(request)
            with Store(store, read_only=True) as opened:
                assert prepared.text_for(opened) != prepared.text
                scanned = opened.query(prepared.text, prepared.bindings)
            rows = run_query(request).rows
            assert rows == prepared.finish(scanned).rows, (query, value)
            answered += bool(rows)
    with Store(store, read_only=True) as opened:
        placed = opened.query("ASK { ?e kb:place ?p }").boolean
    assert answered > 0 or (query == "events-at" and not placed)


@pytest.mark.parametrize(("fmt", "answer"), [("csv", "true\n"), ("tsv", "true\n")])
def test_ask_as_text_is_true_or_false(store: Path, fmt: str, answer: str) -> None:
    result = kb("query", "ASK { ?s ?p ?o }", "--store", str(store), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == answer
    piped = kb("query", "ASK { ?s a kb:Nothing }", "--store", str(store))
    assert (piped.exit_code, piped.stdout) == (0, "false\n")


@pytest.mark.parametrize("kind", ["CONSTRUCT", "DESCRIBE"])
def test_a_piped_graph_answer_is_turtle_by_default(store: Path, kind: str) -> None:
    shape = "{ ?p rdfs:label ?n }" if kind == "CONSTRUCT" else "?p"
    query = f"{kind} {shape} WHERE {{ ?p a kb:Person ; rdfs:label ?n }}"
    result = kb("query", query, "--store", str(store))
    assert result.exit_code == 0, result.stderr
    assert len(Graph().parse(data=result.stdout, format="turtle")) > 0


def test_ctrl_c_stops_a_long_query_at_once(store: Path) -> None:
    # four copies of every triple: billions of rows, which oxigraph counts in Rust
    endless = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    command = [sys.executable, "-m", "kb", "query", endless, "--store", str(store)]
    running = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _wait_until_querying(running.pid, store)
    running.send_signal(signal.SIGINT)
    try:
        _, stderr = running.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        running.kill()
        running.communicate()
        pytest.fail("kb query went on for 15 s after Ctrl-C")
    assert running.returncode == 130
    assert stderr == "kb: interrupted\n"


def _wait_until_querying(pid: int, store: Path, seconds: float = 180) -> None:
    """Wait until process ``pid`` has the store open and has used a second of CPU
    since: it is inside the query, however long imports took on a loaded machine
    (a fixed sleep was too short there)."""
    deadline = time.monotonic() + seconds
    opened_at: float | None = None
    while time.monotonic() < deadline:
        cpu = _cpu_seconds(pid)
        if opened_at is None and _has_open_under(pid, store):
            opened_at = cpu
        if opened_at is not None and cpu - opened_at >= 1.0:
            return
        time.sleep(0.05)
    pytest.fail(f"kb query did not start its query within {seconds} s")


def _has_open_under(pid: int, folder: Path) -> bool:
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:  # the process ended, or a descriptor closed meanwhile
        return False
    return any(link.startswith(f"{folder.resolve()}/") for link in links)


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of ``pid`` (``/proc/PID/stat`` fields 14 and 15)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_ctrl_c_during_add_says_what_was_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store"
    write = Store.add_many

    def written_then_stopped(self: Store, items: list[tuple[str, str]]) -> Written:
        if items:
            write(self, items)
            raise KeyboardInterrupt
        return Written(0)

    monkeypatch.setattr(Store, "add_many", written_then_stopped)
    result = kb("add", *TWO, "--store", str(path), "--fixed-time", FIXED_TIME)
    assert result.exit_code == 130
    assert "Aborted" not in result.stderr and "Traceback" not in result.stderr
    # how many went in the first batch depends on time (kb.jobs.export.add)
    said = re.search(
        r"interrupted; (\d+) new articles? written before it", result.stderr
    )
    assert said, result.stderr
    kept = int(said[1])
    with Store(path, read_only=True) as opened:
        assert len(opened.articles()) == kept >= 1
    monkeypatch.setattr(Store, "add_many", write)
    again = kb("add", *TWO, "--store", str(path), "--fixed-time", FIXED_TIME)
    assert again.exit_code == 0 and f"{kept} unchanged" in again.stderr


@pytest.mark.parametrize("fmt", ["ttl", "html"])
def test_ctrl_c_during_export_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from kb.jobs import export

    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "build_graphs", stopped)
    monkeypatch.setattr("kb.report.build_graphs", stopped)
    out = tmp_path / f"out.{fmt}"
    out.write_text("before", encoding="utf-8")
    result = kb("export", *TWO, "--format", fmt, "-o", str(out))
    assert result.exit_code == 130
    assert f"interrupted; {out} was not written" in result.stderr
    assert out.read_text(encoding="utf-8") == "before"


def test_an_iri_param_may_be_written_as_tables_and_turtle_show_it(store: Path) -> None:
    with Store(store, read_only=True) as opened:
        claimants = opened.query("SELECT DISTINCT ?c WHERE { ?x kb:claimant ?c }").rows
    iri = str(claimants[0][0])
    assert iri.startswith("https://w3id.org/newskb/id/")

    def rows(actor: str) -> list[str]:
        args = ["--named", "claims-by", "--param", f"actor={actor}", "--format", "tsv"]
        result = kb("query", *args, "--store", str(store))
        assert result.exit_code == 0, result.stderr
        return result.stdout.splitlines()[1:]

    bare = rows(iri)
    assert bare
    assert rows(f"<{iri}>") == bare
    assert rows("id:" + iri.removeprefix("https://w3id.org/newskb/id/")) == bare


def test_a_table_tells_long_iris_apart_by_their_end() -> None:
    from rdflib import URIRef

    from kb.store.results import CELL_WIDTH, format_result
    from kb.store.sparql import QueryResult

    article = "http://127.0.0.1:18439/id/article/u-9eb7775a378561ed"
    claims = [URIRef(f"{article}/claim/{span}") for span in ("606-653", "76-98")]
    table = format_result(QueryResult("select", ("c",), tuple((c,) for c in claims)))
    cells = table.splitlines()[2:4]
    assert len(set(cells)) == 2
    assert all(len(c) <= CELL_WIDTH and c.startswith("<http://127.0") for c in cells)
    assert cells[0].endswith("/claim/606-653>")


def test_select_star_columns_come_in_query_order(store: Path) -> None:
    query = "SELECT * WHERE { ?person a kb:Person ; rdfs:label ?name } LIMIT 1"
    result = kb("query", query, "--store", str(store), "--format", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "?person\t?name"
    assert result.stdout.splitlines()[1].startswith("<")


@pytest.mark.parametrize("command", ["query", "push"])
def test_an_endpoint_that_is_no_http_url_is_refused_with_an_example(
    store: Path, command: str
) -> None:
    args = ["ASK {}"] if command == "query" else ["--store", str(store)]
    result = kb(command, *args, "--endpoint", "localhost:7878/query")
    assert result.exit_code == 2
    assert (
        "--endpoint localhost:7878/query: give an http:// or https:// URL, e.g. "
        in (result.stderr)
    )
