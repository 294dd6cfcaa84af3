"""Score extracted claims against gold attributions of one document: content
precision and recall (strict and lenient), and whether each source is right."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kb.evaluate.brat import GoldAttribution, Spans, span_text
from kb.evaluate.corenlp import Parse
from kb.evaluate.cues import ATTRIBUTION_TYPES, cue_type
from kb.evaluate.match import Rule, lenient, overlap, pair_up, source_kind, strict
from kb.evaluate.names import norm
from kb.evaluate.score import Counts, Ratio
from kb.models import Extraction

__all__ = ["AttributionTally", "FoundAttribution", "GoldDocument", "found_attributions"]

SOURCE_KINDS = ("named", "pronoun", "unnamed")
#: the types a claim can have (speech, belief, intention), without PolNeAR's "other"
#: attributions of stance ("endorsed", "supports", "opposed"), which are none of them
TYPED = tuple(t for t in ATTRIBUTION_TYPES if t != "other")
#: each type, "typed" (speech, belief and intention together) and "all"
GROUPS = (*ATTRIBUTION_TYPES, "typed", "all")


def groups_of(kind: str) -> tuple[str, ...]:
    """The groups an attribution of type ``kind`` counts in."""
    return (kind, "typed", "all") if kind in TYPED else (kind, "all")


@dataclass(frozen=True)
class GoldDocument:
    """An article's raw text, its gold attributions and, if shipped, its parse."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    parse: Parse | None = None
    published: str | None = None

    @property
    def proper_nouns(self) -> tuple[tuple[int, int], ...] | None:
        """The parse's proper-noun tokens; None without a parse."""
        return self.parse.proper_nouns if self.parse else None

    def type_of(self, gold: GoldAttribution) -> str:
        """The type an attribute marks, else the type of the cue's words."""
        if gold.marked_type:
            return gold.marked_type
        return cue_type(span_text(self.text, gold.cue)) if gold.cue else "other"


@dataclass(frozen=True)
class FoundAttribution:
    """One extracted claim as spans: its content, its claimant's mentions, its type."""

    content: Spans
    claimant: Spans
    kind: str
    cue: str = ""
    #: the claimant's names, folded (see :func:`kb.evaluate.names.norm`)
    names: tuple[str, ...] = ()


def found_attributions(extraction: Extraction) -> list[FoundAttribution]:
    """The extraction's claims as spans of the article's text."""
    entities = {e.key: e for e in extraction.entities}
    out = []
    for c in extraction.claims:
        cue = c.cue.text if c.cue else ""
        who = entities.get(c.claimant)
        mentions = tuple((m.start, m.end) for m in who.mentions) if who else ()
        names = tuple(norm(n) for n in (who.name, *who.aliases)) if who else ()
        content = tuple((s.start, s.end) for s in c.content_spans())
        kind = cue_type(cue) if cue else "speech"
        out.append(FoundAttribution(content, mentions, kind, cue, names))
    return out


def _named(doc: GoldDocument, mention: tuple[int, int]) -> bool:
    assert doc.parse is not None
    return any(overlap((mention,), (p,)) for p in doc.parse.proper_nouns)


def antecedents(doc: GoldDocument, gold: GoldAttribution) -> list[Spans]:
    """Who a pronoun source may stand for: the mentions holding a proper noun in the
    parse's coreference chains that hold the pronoun, and the nearest earlier gold
    source that is named. Both: the chains are CoreNLP's guesses, not gold, and
    where they miss, the annotators' own earlier source is what the pronoun
    continues (checked by hand on the dev split: '"…," he said' after a quote of
    the named source, which CoreNLP had chained elsewhere)."""
    if doc.parse:
        chains = [
            c for c in doc.parse.chains if any(overlap(gold.source, (m,)) for m in c)
        ]
        names: list[Spans] = [(m,) for c in chains for m in c if _named(doc, m)]
    else:
        names = []
    earlier = [
        g.source
        for g in doc.attributions
        if g.source
        and g.source[0][0] < gold.source[0][0]
        and source_kind(doc.text, g.source, doc.proper_nouns) == "named"
    ]
    return names + ([max(earlier)] if earlier else [])


def _names_it(doc: GoldDocument, found: FoundAttribution, antecedent: Spans) -> bool:
    """A claimant mention overlaps the antecedent, or it holds a claimant's surname."""
    if overlap(found.claimant, antecedent):
        return True
    words = set(norm(span_text(doc.text, antecedent)).split())
    return any(name.split()[-1] in words for name in found.names if name)


def source_right(
    doc: GoldDocument, gold: GoldAttribution, found: FoundAttribution
) -> bool:
    """A claimant mention overlaps the gold source, or (for a pronoun) the
    claimant is one of the pronoun's antecedents."""
    if overlap(found.claimant, gold.source):
        return True
    kind = source_kind(doc.text, gold.source, doc.proper_nouns)
    return kind == "pronoun" and any(
        _names_it(doc, found, a) for a in antecedents(doc, gold)
    )


@dataclass
class AttributionTally:
    """Counts over documents, by attribution type ("typed" for speech, belief and
    intention, "all" for every one)."""

    strict: dict[str, Counts] = field(
        default_factory=lambda: {g: Counts() for g in GROUPS}
    )
    lenient: dict[str, Counts] = field(
        default_factory=lambda: {g: Counts() for g in GROUPS}
    )
    #: (type, source kind) -> right sources among strictly matched attributions
    sources: dict[tuple[str, str], Ratio] = field(default_factory=dict)
    documents: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_sources: list[str] = field(default_factory=list)
    #: why gold attributions were missed or their sources wrong, counted
    categories: Counter[str] = field(default_factory=Counter)

    def source(self, kind: str, group: str = "all") -> Ratio:
        return self.sources.setdefault((group, kind), Ratio())

    def add(self, doc: GoldDocument, found: list[FoundAttribution]) -> None:
        """Score one document's claims against its gold."""
        self.documents += 1
        types = [doc.type_of(g) for g in doc.attributions]
        loose = self._count(doc, found, types, lenient, self.lenient)
        matched = self._count(doc, found, types, strict, self.strict)
        self._sources(doc, found, types, matched)
        self._note_misses(doc, found, types, matched, loose)

    def _count(
        self,
        doc: GoldDocument,
        found: list[FoundAttribution],
        types: list[str],
        rule: Rule,
        counts: dict[str, Counts],
    ) -> dict[int, int]:
        gold = [g.content for g in doc.attributions]
        matched = pair_up([f.content for f in found], gold, rule)
        for j, kind in enumerate(types):
            hit = j in matched
            for group in groups_of(kind):
                counts[group].add(tp=int(hit), fn=int(not hit))
        taken = set(matched.values())
        for i, f in enumerate(found):
            if i not in taken:
                for group in groups_of(f.kind):
                    counts[group].add(fp=1)
        return matched

    def _sources(
        self,
        doc: GoldDocument,
        found: list[FoundAttribution],
        types: list[str],
        matched: dict[int, int],
    ) -> None:
        for j, i in matched.items():
            gold = doc.attributions[j]
            if not gold.source:
                continue
            kind = source_kind(doc.text, gold.source, doc.proper_nouns)
            right = source_right(doc, gold, found[i])
            for group in groups_of(types[j]):
                self.source(kind, group).add(int(right))
                self.source("any", group).add(int(right))
            if not right:
                self.categories[f"wrong source: {kind}"] += 1
                said = span_text(doc.text, gold.source)
                ours = ", ".join(found[i].names[:2]) or "?"
                self.wrong_sources.append(
                    f"{doc.name} {gold.id} [{kind}] {said!r} taken as {ours!r}"
                )

    def _note_misses(
        self,
        doc: GoldDocument,
        found: list[FoundAttribution],
        types: list[str],
        matched: dict[int, int],
        loose: dict[int, int],
    ) -> None:
        for j, gold in enumerate(doc.attributions):
            if j in matched:
                continue
            cue = span_text(doc.text, gold.cue) if gold.cue else ""
            near = any(overlap(f.content, gold.content) for f in found)
            why = "boundaries" if j in loose else "overlap only" if near else "no claim"
            self.categories[f"missed {types[j]}: {why}"] += 1
            content = span_text(doc.text, gold.content)
            self.misses.append(
                f"{doc.name} {gold.id} [{types[j]}] {cue!r}: {content[:100]}"
            )
        taken = set(matched.values())
        for i, f in enumerate(found):
            if i not in taken:
                inside = any(overlap(f.content, g.content) for g in doc.attributions)
                why = "overlaps a gold content" if inside else "no gold attribution"
                self.categories[f"false positive {f.kind}: {why}"] += 1
                content = span_text(doc.text, f.content)
                self.false_positives.append(
                    f"{doc.name} [{f.kind}] {f.cue!r}: {content[:100]}"
                )
