"""The project's dev metric for one article: actors, locations, claims and events
matched one to one with the gold, plus accuracies of their details."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kb.evaluate.graph import Found, FoundClaim, FoundEntity, FoundEvent
from kb.evaluate.names import contains, keyword_cover, names_match, number_in

__all__ = [
    "KindResult",
    "entity_verdicts",
    "match_events",
    "score_claims",
    "score_entities",
    "score_events",
    "score_found",
    "unmatched",
]

Gold = list[dict[str, Any]]


@dataclass
class KindResult:
    """One kind's counts in one article, what it missed, and what it got wrong."""

    tp: int
    fp: int
    fn: int
    misses: list[str]
    extras: list[str] = field(default_factory=list)
    #: accuracies of details, as [hit, total] (or a share for "attribution")
    detail: dict[str, Any] = field(default_factory=dict)
    #: matched items whose details the gold has and the item lacks, said in words
    #: (events: "voted: place Tarsk (found none)"), for ``kb evaluate -v``
    wrong: list[str] = field(default_factory=list)


def _required(gold: Gold) -> list[int]:
    return [j for j, g in enumerate(gold) if g.get("required", True)]


def entity_verdicts(
    found: Sequence[FoundEntity], gold: Gold, also_ok: Gold | None = None
) -> list[str]:
    """What the metric makes of each found entity: ``match`` (it takes the best
    untaken gold name), ``duplicate`` (its gold is taken), ``extra`` (no gold
    name), or ``neutral`` (it matches only ``also_ok``: a place named as an actor)."""
    verdicts: list[str] = ["extra"] * len(found)
    for i, verdict in _entity_matching(found, gold, also_ok)[0]:
        verdicts[i] = verdict
    return verdicts


def _entity_matching(
    found: Sequence[FoundEntity], gold: Gold, also_ok: Gold | None
) -> tuple[list[tuple[int, str]], set[int]]:
    """Each found entity's verdict (see :func:`entity_verdicts`), best-matching
    ones first, and the gold entities taken."""
    taken: set[int] = set()
    verdicts: list[tuple[int, str]] = []
    order = sorted(
        range(len(found)),
        key=lambda i: (
            -max((names_match(found[i].names, g["names"]) for g in gold), default=0)
        ),
    )
    for i in order:
        f = found[i]
        best, best_q = None, 0
        for j, g in enumerate(gold):
            q = names_match(f.names, g["names"])
            if q > best_q and j not in taken:
                best, best_q = j, q
        if best is not None:
            taken.add(best)
            verdicts.append((i, "match"))
        elif any(names_match(f.names, g["names"]) for g in gold):
            verdicts.append((i, "duplicate"))
        elif any(names_match(f.names, g["names"]) for g in also_ok or []):
            verdicts.append((i, "neutral"))  # e.g. a country named as an actor
        else:
            verdicts.append((i, "extra"))
    return verdicts, taken


def score_entities(
    found: Sequence[FoundEntity], gold: Gold, also_ok: Gold | None = None
) -> KindResult:
    """Actors or locations: each found entity takes the best untaken gold name; one
    that matches only ``also_ok`` (a place named as an actor) counts neither way."""
    verdicts, taken = _entity_matching(found, gold, also_ok)
    extras = [
        "duplicate: " + "/".join(found[i].names[:2])
        if v == "duplicate"
        else "/".join(found[i].names[:2]) or str(found[i].node)
        for i, v in verdicts
        if v in ("duplicate", "extra")
    ]
    misses = [gold[j]["names"][0] for j in _required(gold) if j not in taken]
    tp = sum(1 for _, v in verdicts if v == "match")
    return KindResult(tp, len(extras), len(misses), misses, extras)


def _one_to_one(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """Gold index -> found index, best pairs first, each side used once."""
    used: set[int] = set()
    matched: dict[int, int] = {}
    for _, i, j in sorted(pairs, reverse=True):
        if i in used or j in matched:
            continue
        used.add(i)
        matched[j] = i
    return matched


def score_claims(found: Sequence[FoundClaim], gold: Gold) -> KindResult:
    """Claims: half the gold keywords in the claim's texts and a matching claimant."""
    pairs, content_only = [], set()
    for i, c in enumerate(found):
        for j, g in enumerate(gold):
            cov = keyword_cover(c.texts, g["keywords"])
            if cov >= 0.5:
                content_only.add(j)
                who = names_match(c.claimant, g["claimant"])
                if who:
                    pairs.append((cov + 0.1 * who, i, j))
    matched = _one_to_one(pairs)
    req = _required(gold)
    misses = [
        f"{gold[j]['claimant'][0]}: {' / '.join(gold[j]['keywords'][:3])}"
        for j in req
        if j not in matched
    ]
    nums, direct = [0, 0], [0, 0]
    for j, i in matched.items():
        for n in gold[j].get("numbers", []):
            nums[0] += number_in(found[i].numbers, n)
            nums[1] += 1
        if "direct_quote" in gold[j]:
            direct[0] += gold[j]["direct_quote"] in found[i].direct
            direct[1] += 1
    content = sum(1 for j in req if j in content_only)
    attributed = sum(1 for j in req if j in matched)
    detail = {
        "attribution": attributed / content if content else 0.0,
        "claim_numbers": nums[0] / nums[1] if nums[1] else None,
        "direct_quote_flag": direct[0] / direct[1] if direct[1] else None,
    }
    return KindResult(
        len(matched), len(found) - len(matched), len(misses), misses, detail=detail
    )


def _event_details(e: FoundEvent, g: dict[str, Any]) -> dict[str, bool | None]:
    """Whether the event has the gold's place, date and participants (None: no gold)."""
    return {
        "event_place": bool(names_match(e.places, g["place"]))
        if g.get("place")
        else None,
        "event_date": any(d.startswith(g["date"]) for d in e.dates)
        if g.get("date")
        else None,
        "event_participants": bool(names_match(e.people, g["participants"]))
        if g.get("participants")
        else None,
    }


def match_events(found: Sequence[FoundEvent], gold: Gold) -> dict[int, int]:
    """Gold index -> found index: events with a gold trigger among their texts,
    one to one, those with the most of the gold's details first."""
    pairs = []
    for i, e in enumerate(found):
        for j, g in enumerate(gold):
            if any(contains(e.texts, t) for t in g["triggers"]):
                hits = _event_details(e, g).values()
                pairs.append((float(sum(1 for h in hits if h)), i, j))
    return _one_to_one(pairs)


def score_events(found: Sequence[FoundEvent], gold: Gold) -> KindResult:
    """Events: a gold trigger among the event's texts; ties go to the most details."""
    matched = match_events(found, gold)
    misses = [gold[j]["triggers"][0] for j in _required(gold) if j not in matched]
    acc = {k: [0, 0] for k in ("event_place", "event_date", "event_participants")}
    for j, i in matched.items():
        for k, hit in _event_details(found[i], gold[j]).items():
            if hit is not None:
                acc[k][0] += hit
                acc[k][1] += 1
    fp = len(found) - len(matched)
    wrong = [_details_lacking(found[i], gold[j]) for j, i in sorted(matched.items())]
    return KindResult(
        len(matched), fp, len(misses), misses, detail=acc, wrong=[w for w in wrong if w]
    )


#: each event detail: the gold's key and what the found event holds for it
_DETAILS = {
    "event_place": ("place", "places"),
    "event_date": ("date", "dates"),
    "event_participants": ("participants", "people"),
}


def _details_lacking(e: FoundEvent, g: dict[str, Any]) -> str | None:
    """The gold details a matched event lacks, with what it has instead, or None."""
    lacking = [
        f"{key} {g[key]} (found {getattr(e, attr) or 'none'})"
        for detail, hit in _event_details(e, g).items()
        if hit is False
        for key, attr in [_DETAILS[detail]]
    ]
    return f"{g['triggers'][0]}: {'; '.join(lacking)}" if lacking else None


def unmatched(found: Found, gold: dict[str, Any]) -> dict[str, list[Any]]:
    """What matches no gold item at all: claims (content and claimant), events
    (trigger), and the gold numbers and dates nothing holds."""
    claims = [
        f"{'/'.join(c.claimant[:1]) or '?'}: {c.texts[0][:70] if c.texts else ''}"
        for c in found.claims
        if not any(
            keyword_cover(c.texts, g["keywords"]) >= 0.5
            and names_match(c.claimant, g["claimant"])
            for g in gold["claims"]
        )
    ]
    events = [
        e.texts[0] if e.texts else str(e.node)
        for e in found.events
        if not any(contains(e.texts, t) for g in gold["events"] for t in g["triggers"])
    ]
    numbers = [n for n in gold.get("numbers", []) if not number_in(found.numbers, n)]
    dates = [
        d
        for d in gold.get("dates", [])
        if not any(x.startswith(d) for x in found.dates)
    ]
    return {
        "unmatched_claims": claims,
        "unmatched_events": events,
        "missed_numbers": numbers,
        "missed_dates": dates,
    }


def locations_as_actors(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold places, as names an actor may bear without being counted wrong
    (a country named as an actor)."""
    return [{"names": loc["names"]} for loc in gold["locations"]]


def score_found(found: Found, gold: dict[str, Any]) -> dict[str, KindResult]:
    """Every kind of one article."""
    return {
        "actors": score_entities(
            found.actors, gold["actors"], locations_as_actors(gold)
        ),
        "locations": score_entities(found.locations, gold["locations"]),
        "claims": score_claims(found.claims, gold["claims"]),
        "events": score_events(found.events, gold["events"]),
    }
