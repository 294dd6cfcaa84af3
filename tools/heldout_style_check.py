"""Score ``kb export`` on the held-out-style articles against their expectation files.

Not a test: a report for whoever tunes extraction. It runs ``kb export`` in-process on
every article in ``tests/data/heldout_style/articles`` and matches the result with
``tests/data/heldout_style/gold/<stem>.gold.json`` through the dev scorer's own matching
functions (``../shared/dev/score.py``: loose names, claim keywords plus claimant,
event triggers), then prints precision and recall per category and, with ``-v``, each
article's misses and extras (including the claims and events that match nothing).

Usage, from the project's root:
    .venv/bin/python tools/heldout_style_check.py [-v] [--scorer PATH] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from click.testing import CliRunner
from rdflib import Graph

from kb.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "heldout_style"
CATEGORIES = ("actors", "locations", "claims", "events")


def load_scorer(path: Path) -> ModuleType:
    """The dev scorer as a module, for its matching functions."""
    spec = importlib.util.spec_from_file_location("dev_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_graph(article: Path) -> Graph:
    """The article's graph; an empty one (everything missed) when the export fails."""
    result = CliRunner().invoke(cli, ["export", str(article), "--format", "nt"])
    if result.exit_code != 0:
        print(
            f"FAILED kb export {article.name}: {result.output[-300:]}", file=sys.stderr
        )
        return Graph()
    return Graph().parse(data=result.stdout, format="nt")


def unmatched_claims(
    sc: ModuleType, found: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> list[str]:
    """Extracted claims that match no gold claim (content and claimant)."""
    out = []
    for c in found:
        hit = any(
            sc.keyword_cover(c["texts"], g["keywords"]) >= 0.5
            and sc.names_match(c["claimant"], g["claimant"])
            for g in gold
        )
        if not hit:
            who = "/".join(c["claimant"][:1]) or "?"
            out.append(f"{who}: {c['texts'][0][:70] if c['texts'] else ''}")
    return out


def unmatched_events(
    sc: ModuleType, found: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> list[str]:
    out = []
    for e in found:
        if not any(
            any(sc.contains(e["texts"], t) for t in g["triggers"]) for g in gold
        ):
            out.append(e["texts"][0] if e["texts"] else str(e["node"]))
    return out


def score_article(sc: ModuleType, gold_path: Path) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text())
    ex = sc.Extracted(export_graph(DATA / "articles" / gold["article"]))
    locs_as_actors = [{"names": loc["names"]} for loc in gold["locations"]]
    actors = sc.score_entities(ex.actors, gold["actors"], also_ok=locs_as_actors)
    locations = sc.score_entities(ex.locations, gold["locations"])
    claims = sc.score_claims(ex.claims, gold["claims"])
    events = sc.score_events(ex.events, gold["events"])
    nums = gold.get("numbers", [])
    dates = gold.get("dates", [])
    return {
        "article": gold["article"],
        "actors": actors,
        "locations": locations,
        "claims": claims,
        "events": events,
        "claim_extras": unmatched_claims(sc, ex.claims, gold["claims"]),
        "event_extras": unmatched_events(sc, ex.events, gold["events"]),
        "numbers": (sum(sc.number_in(ex.numbers, n) for n in nums), len(nums)),
        "number_misses": [n for n in nums if not sc.number_in(ex.numbers, n)],
        "date_misses": [d for d in dates if not any(x.startswith(d) for x in ex.dates)],
        "dates": (
            sum(any(x.startswith(d) for x in ex.dates) for d in dates),
            len(dates),
        ),
        "req_claims": sum(1 for c in gold["claims"] if c.get("required", True)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/dev/score.py")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    sc = load_scorer(args.scorer)
    rows = [score_article(sc, p) for p in sorted((DATA / "gold").glob("*.gold.json"))]
    totals = {k: [0, 0, 0] for k in CATEGORIES}
    ratios = {
        k: [0.0, 0]
        for k in (
            "attribution",
            "event_place",
            "event_date",
            "event_participants",
            "numbers",
            "dates",
        )
    }
    for r in rows:
        for k in CATEGORIES:
            m = r[k][0]
            totals[k] = [
                totals[k][0] + m["tp"],
                totals[k][1] + m["fp"],
                totals[k][2] + m["fn"],
            ]
        ratios["attribution"][0] += r["claims"][2]["attribution"] * r["req_claims"]
        ratios["attribution"][1] += r["req_claims"]
        for k, (hit, tot) in r["events"][2].items():
            ratios[k][0] += hit
            ratios[k][1] += tot
        for k in ("numbers", "dates"):
            ratios[k][0] += r[k][0]
            ratios[k][1] += r[k][1]
    summary = {k: sc.prf(*v) for k, v in totals.items()}
    shares = {k: round(h / t, 3) if t else None for k, (h, t) in ratios.items()}
    if args.json:
        print(json.dumps({"summary": summary, "ratios": shares}, indent=1))
        return 0
    for k, s in summary.items():
        print(
            f"{k:10s} P {s['p']:.2f}  R {s['r']:.2f}  F1 {s['f1']:.2f}   (tp {s['tp']} fp {s['fp']} fn {s['fn']})"
        )
    for k, v in shares.items():
        print(f"{k:20s} {v if v is not None else '-'}")
    if args.verbose:
        for r in rows:
            print(f"\n== {r['article']}")
            for k in CATEGORIES:
                m, misses, extra = r[k]
                print(f"  {k}: P {m['p']:.2f} R {m['r']:.2f}  missed: {misses}")
                if k in ("actors", "locations") and extra:
                    print(f"    extra: {extra}")
            if r["number_misses"] or r["date_misses"]:
                print(
                    f"    numbers missed: {r['number_misses']}  dates missed: {r['date_misses']}"
                )
            if r["claim_extras"]:
                print(f"    claims matching nothing: {r['claim_extras']}")
            if r["event_extras"]:
                print(f"    events matching nothing: {r['event_extras']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
