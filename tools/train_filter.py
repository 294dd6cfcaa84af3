"""Train the candidate filter (kb/extract/candidate_filter.py) on gold sets, measure it
leave-one-set-out with the dev metric, and write its weights file.

Usage (needs the train extra: ``pip install '.[train]'``):
    .venv/bin/python tools/train_filter.py SET... -o kb/extract/filter.json
        [--cache DIR] [--report FILE] [--no-cv]

Each SET is a folder with articles/ and gold/ (the dev metric's format), and a
HASHES file whose digest the weights file records. Each article is extracted once,
without the filter; every event and droppable actor becomes a row of features,
labelled by the dev metric's matching (kb/evaluate/candidates.py). The figures with
the filter on are exact: the filtered extraction is mapped and scored again.
Never train on the acceptance sets (eval/dev, tests/data/heldout_style).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kb.evaluate.candidates import Row, found_in, label_rows
from kb.evaluate.devset import DevReport
from kb.evaluate.gold import GoldArticle, read_gold_set
from kb.evaluate.graph import Found
from kb.evaluate.score import prf
from kb.extract import make_doc, pipeline
from kb.extract.assemble import describe_pipeline
from kb.extract.candidate_features import Candidates, candidates
from kb.extract.candidate_filter import (
    KINDS,
    FilterModel,
    KindModel,
    apply_filter,
    keep_probability,
)
from kb.ingest.sources import iter_articles
from kb.models import Article, Extraction

#: word-identity features (``lemma=…``) must recur in this many articles to count
MIN_ARTICLES = 3
#: other features must occur in this many rows
MIN_ROWS = 5
C = 1.0
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 11)]  # 0.0 .. 0.5
#: a threshold must beat dropping nothing by this much of F1 to be chosen
MARGIN = 0.003
WORD_FAMILIES = ("lemma=", "governor=", "head_lemma=")


@dataclass
class Doc1:
    """One gold article, extracted once, with its candidates and their labels, and
    what the dev metric reads in its unfiltered graph (mapped once: the labels and
    the unfiltered score both read it)."""

    set_name: str
    article: GoldArticle
    extraction: Extraction
    cands: Candidates
    rows: list[Row]
    off: Found


def provenance() -> dict[str, str]:
    """What made the rows: the code's commit ("unknown" outside git), the spaCy
    model, and scikit-learn's version."""
    import sklearn

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "commit": commit or "unknown",
        "spacy_model": describe_pipeline(pipeline()),
        "scikit_learn": sklearn.__version__,
    }


def cache_key(folder: Path, made_by: dict[str, str]) -> str:
    """The set's cache key: its path, its HASHES digest and what made the rows, so
    a pickle from other code, another model or other articles is never reused."""
    parts = {
        "folder": str(folder.resolve()),
        "hashes": hashes_digest(folder),
        **made_by,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def read_set(folder: Path, cache: Path | None, made_by: dict[str, str]) -> list[Doc1]:
    """Extract and label every article of a gold set (from the cache if there)."""
    cached = (
        cache / f"{folder.name}-{cache_key(folder, made_by)}.pickle" if cache else None
    )
    if cached and cached.exists():
        docs: list[Doc1] = pickle.loads(cached.read_bytes())
        return docs
    nlp = pipeline()
    docs = []
    for gold in read_gold_set(folder):
        article = next(a for a in iter_articles([gold.path]) if isinstance(a, Article))
        doc = nlp(make_doc(nlp, article))
        extraction = doc._.newskb_extraction
        cands = candidates(doc, extraction)
        off = found_in(extraction)
        rows = list(label_rows(gold, extraction, cands, off))
        docs.append(Doc1(folder.name, gold, extraction, cands, rows, off))
        print(f"  {folder.name}/{gold.name}: {len(rows)} rows", file=sys.stderr)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(docs))
    return docs


def vocabulary(docs: list[Doc1], kind: str, min_articles: int) -> list[str]:
    """The features kept for training: common ones, and word identities that recur
    in ``min_articles`` articles."""
    rows: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for d in docs:
        seen: set[str] = set()
        for r in d.rows:
            if r.kind == kind:
                rows.update(r.features)
                seen |= r.features
        articles.update(seen)
    return sorted(
        f
        for f, n in rows.items()
        if (
            articles[f] >= min_articles
            if f.startswith(WORD_FAMILIES)
            else n >= MIN_ROWS
        )
    )


def fit(docs: list[Doc1], kind: str, min_articles: int) -> dict[str, float]:
    """Logistic-regression weights (the ``bias`` feature is the intercept)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(docs, kind, min_articles)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [r for d in docs for r in d.rows if r.kind == kind]
    if len({r.keep for r in rows}) < 2:
        return {"bias": 5.0}
    x = np.zeros((len(rows), len(vocab)))
    for n, r in enumerate(rows):
        for f in r.features:
            if f in index:
                x[n, index[f]] = 1.0
    y = np.array([int(r.keep) for r in rows])
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=5000)
    model.fit(x, y)
    return {
        f: round(float(w), 4) for f, w in zip(vocab, model.coef_[0]) if abs(w) >= 1e-4
    }


def score(docs: list[Doc1], model: FilterModel | None) -> DevReport:
    """The dev metric over the articles, the filter on (a model) or off (None)."""
    report = DevReport(Path("."), articles=len(docs))
    for d in docs:
        if model is None:
            found = d.off
        else:
            found = found_in(apply_filter(d.extraction, d.cands, model))
        report.add(d.article, found)
    return report


def choose_threshold(
    docs: list[Doc1], kind: str, min_articles: int, folds: int = 5
) -> tuple[float, dict[str, Any]]:
    """The threshold that maximises the kind's F1 over out-of-fold predictions
    (folds of whole articles), dropping nothing unless that gains ``MARGIN``."""
    probs: list[tuple[Doc1, Row, float]] = []
    for k in range(folds):
        train = [d for i, d in enumerate(docs) if i % folds != k]
        test = [d for i, d in enumerate(docs) if i % folds == k]
        km = KindModel(fit(train, kind, min_articles), 0.0)
        probs += [
            (d, r, keep_probability(km, r.features))
            for d in test
            for r in d.rows
            if r.kind == kind
        ]
    from sklearn.metrics import roc_auc_score

    labels = [int(r.keep) for _, r, _ in probs]
    auc = (
        roc_auc_score(labels, [p for _, _, p in probs]) if len(set(labels)) > 1 else 0.5
    )
    base = score(docs, None).totals[kind]
    curve = {}
    for t in THRESHOLDS:
        lost = sum(1 for _, r, p in probs if p < t and r.keep)
        cut = sum(1 for _, r, p in probs if p < t and not r.keep)
        curve[t] = prf(base.tp - lost, base.fp - cut, base.fn + lost)["f1"]
    best = max(curve.values())
    chosen = min(t for t, f in curve.items() if f >= best - 0.002)
    if curve[chosen] < curve[0.0] + MARGIN:
        chosen = 0.0
    return chosen, {
        "cv_auc": round(float(auc), 3),
        "cv_f1_by_threshold": {str(t): round(f, 3) for t, f in curve.items()},
    }


def train(docs: list[Doc1], min_articles: int) -> tuple[FilterModel, dict[str, Any]]:
    """Weights and thresholds of both kinds, from all ``docs``."""
    kinds, notes = {}, {}
    for kind in KINDS:
        threshold, notes[kind] = choose_threshold(docs, kind, min_articles)
        kinds[kind] = KindModel(fit(docs, kind, min_articles), threshold)
    return FilterModel(kinds["events"], kinds["actors"], "training"), notes


def figures(report: DevReport) -> dict[str, dict[str, float]]:
    out = {k: report.totals[k].scores() for k in ("events", "actors")}
    return {
        k: {m: round(v[m], 3) for m in ("p", "r", "f1", "tp", "fp", "fn")}
        for k, v in out.items()
    }


def loso(sets: dict[str, list[Doc1]], min_articles: int) -> dict[str, Any]:
    """Leave one set out: train on the others, score the held-out set off and on.
    With one set, folds of its articles stand in for sets."""
    groups = sets if len(sets) > 1 else _article_folds(next(iter(sets.values())))
    table: dict[str, Any] = {}
    for name, held in groups.items():
        rest = [d for n, ds in groups.items() if n != name for d in ds]
        model, notes = train(rest, min_articles)
        table[name] = {
            "articles": len(held),
            "thresholds": {k: getattr(model, k).threshold for k in KINDS},
            "inner_cv_auc": {k: notes[k]["cv_auc"] for k in KINDS},
            "off": figures(score(held, None)),
            "on": figures(score(held, model)),
        }
        print(f"  held out {name}: {json.dumps(table[name])}", file=sys.stderr)
    return table


def print_table(table: dict[str, Any]) -> None:
    """The leave-one-set-out figures, off and on, and their sums over the sets."""
    sums = {(k, s): [0, 0, 0] for k in KINDS for s in ("off", "on")}
    print(
        "held-out  kind    thr   off P/R/F1          on P/R/F1           (tp fp fn off -> on)"
    )
    for name, row in table.items():
        for k in KINDS:
            off, on = row["off"][k], row["on"][k]
            for s, v in (("off", off), ("on", on)):
                for n, m in enumerate(("tp", "fp", "fn")):
                    sums[(k, s)][n] += int(v[m])
            print(
                f"{name:9s} {k:7s} {row['thresholds'][k]:.2f}  "
                f"{off['p']:.3f}/{off['r']:.3f}/{off['f1']:.3f}   "
                f"{on['p']:.3f}/{on['r']:.3f}/{on['f1']:.3f}   "
                f"({off['tp']:.0f} {off['fp']:.0f} {off['fn']:.0f} -> "
                f"{on['tp']:.0f} {on['fp']:.0f} {on['fn']:.0f})"
            )
    for k in KINDS:
        off, on = (prf(*sums[(k, s)]) for s in ("off", "on"))
        print(
            f"{'all':9s} {k:7s}       {off['p']:.3f}/{off['r']:.3f}/{off['f1']:.3f}   "
            f"{on['p']:.3f}/{on['r']:.3f}/{on['f1']:.3f}   "
            f"({sums[(k, 'off')]} -> {sums[(k, 'on')]})"
        )


def held_out_policy(
    model: FilterModel, table: dict[str, Any], notes: dict[str, Any]
) -> FilterModel:
    """A kind whose F1, summed over the held-out sets, does not rise by ``MARGIN``
    with the filter on ships with threshold 0: it drops nothing of that kind."""
    for kind in KINDS if table else ():
        counts = {
            s: [
                sum(int(row[s][kind][m]) for row in table.values())
                for m in ("tp", "fp", "fn")
            ]
            for s in ("off", "on")
        }
        gain = prf(*counts["on"])["f1"] - prf(*counts["off"])["f1"]
        notes[kind]["held_out_f1_gain"] = round(gain, 4)
        if gain < MARGIN:
            notes[kind]["threshold_chosen_by_cv"] = getattr(model, kind).threshold
            off = KindModel(getattr(model, kind).weights, 0.0)
            if kind == "events":
                model = replace(model, events=off)
            else:
                model = replace(model, actors=off)
    return model


def _article_folds(docs: list[Doc1], folds: int = 4) -> dict[str, list[Doc1]]:
    return {
        f"fold{k}": [d for i, d in enumerate(docs) if i % folds == k]
        for k in range(folds)
    }


def hashes_digest(folder: Path) -> str | None:
    path = folder / "HASHES"
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--cache", type=Path, help="keep each set's extraction here")
    ap.add_argument("--report", type=Path, help="write the LOSO table here too")
    ap.add_argument("--no-cv", action="store_true", help="skip leave-one-set-out")
    ap.add_argument(
        "--no-words",
        action="store_true",
        help="structural features only: no lemma=, governor=, head_lemma=",
    )
    args = ap.parse_args(argv)
    for s in args.sets:
        if s.resolve().name in ("dev", "heldout_style"):
            ap.error(f"{s}: an acceptance set, never trained on")
    # --no-words: no word identity recurs that often
    min_articles = sys.maxsize if args.no_words else MIN_ARTICLES
    made_by = provenance()
    sets = {s.name: read_set(s, args.cache, made_by) for s in args.sets}
    table = {} if args.no_cv else loso(sets, min_articles)
    if table:
        print_table(table)
    everything = [d for ds in sets.values() for d in ds]
    model, notes = train(everything, min_articles)
    model = held_out_policy(model, table, notes)
    out = {
        "format": "newskb candidate filter 1",
        "trained": datetime.now(UTC).date().isoformat(),
        **made_by,
        "training_sets": [
            {
                "name": s.name,
                "articles": len(sets[s.name]),
                "hashes_sha256": hashes_digest(s),
                **{
                    f"{k}_rows": sum(
                        1 for d in sets[s.name] for r in d.rows if r.kind == k
                    )
                    for k in KINDS
                },
                **{
                    f"{k}_keep": sum(
                        1
                        for d in sets[s.name]
                        for r in d.rows
                        if r.kind == k and r.keep
                    )
                    for k in KINDS
                },
            }
            for s in args.sets
        ],
        "learner": f"scikit-learn LogisticRegression(C={C}, fit_intercept=False); "
        f"features in >= {MIN_ROWS} rows; "
        + (
            "no word identities"
            if args.no_words
            else f"word identities in >= {MIN_ARTICLES} articles"
        ),
        "kinds": {
            k: {
                "threshold": getattr(model, k).threshold,
                "weights": dict(sorted(getattr(model, k).weights.items())),
                **notes[k],
            }
            for k in KINDS
        },
        "leave_one_set_out": table,
    }
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    if args.report:
        args.report.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
