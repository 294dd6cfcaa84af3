"""Features of the candidates an extraction holds, for the learned candidate filter
(:mod:`kb.extract.candidate_filter`): each event and each actor that may be dropped
becomes a set of readable names (``pos=NOUN``, ``in_quote``, ``kind=Group``).

The same functions serve training (``tools/train_filter.py``) and run time, so a
weight learnt for a name means the same thing in both. Most names are structural
(part of speech, dependency, where in the article, what the candidate holds); word
identities (``lemma=…``) are few, and the trainer keeps only those that recur.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kb.extract.extensions import text_of
from kb.extract.resolve import quote_spans_of
from kb.models import Entity, Event, Extraction, Span

__all__ = [
    "FAMILIES",
    "Candidates",
    "actor_candidates",
    "actor_features",
    "candidates",
    "event_features",
]

#: feature-name families; a weights file may name only these (``fam=value`` or
#: ``fam`` alone), which the tests check against the shipped file
FAMILIES = frozenset(
    """bias type modality pos dep lemma governor gov_pos tense in_quote in_claim
    claim_about negated has_date has_place has_agent has_participant has_quantity
    mentions paragraph figure_in_sentence title ner kind local linked has_role words
    agent participant head_lemma head_dep quote_only case repeat crowded ner_agrees
    kind_words name_in_other sent_start_only""".split()
)


@dataclass(frozen=True)
class Candidates:
    """What the filter may drop, with each one's features: events by trigger start,
    actors by entity key."""

    events: dict[int, frozenset[str]]
    actors: dict[str, frozenset[str]]


def candidates(
    doc: Doc, extraction: Extraction, events: bool = True, actors: bool = True
) -> Candidates:
    """The features of every event and of every actor the filter may drop; a kind
    turned off (``events=False``, ``actors=False``) gets none, since nothing of it
    will be judged."""
    if not (events or actors):
        return Candidates({}, {})
    ctx = _Context(doc, extraction)
    return Candidates(
        {e.trigger.start: event_features(ctx, e) for e in extraction.events}
        if events
        else {},
        {e.key: actor_features(ctx, e) for e in actor_candidates(extraction)}
        if actors
        else {},
    )


def actor_candidates(extraction: Extraction) -> list[Entity]:
    """Actors the filter may drop: not places (a place that acts stays a place),
    never a claimant, whose claims need it, and never one with no mention in the
    text, which has nothing to judge it by."""
    claimants = {c.claimant for c in extraction.claims}
    return [
        e
        for e in extraction.entities
        if e.actor_kind is not None
        and not e.is_location
        and e.key not in claimants
        and e.mentions
    ]


class _Context:
    """What the features of one article's candidates read, computed once."""

    def __init__(self, doc: Doc, extraction: Extraction) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.starts = [t.idx for t in doc]
        self.quotes = quote_spans_of(doc)
        self.claim_spans = [s for c in extraction.claims for s in c.content_spans()]
        self.about = {k for c in extraction.claims for k in c.about}
        self.agents = {k for e in extraction.events for k in e.agents}
        self.participants = {k for e in extraction.events for k in e.participants}
        self.first_paragraph_end = _first_paragraph_end(
            self.text, extraction.article.title or ""
        )
        self.figures = sorted(
            q.span.start
            for q in (
                *extraction.quantities,
                *(q for e in extraction.events for q in e.quantities),
                *(q for c in extraction.claims for q in c.quantities),
            )
        )
        #: the title's lowercased words: ``title`` is a whole-word match
        self.title = _words(extraction.article.title or "")
        #: the events' trigger starts, sorted, for ``crowded``
        self.event_starts = sorted(e.trigger.start for e in extraction.events)
        #: where each trigger lemma and each event type first occurs, for ``repeat``
        self.first_lemma: dict[str, int] = {}
        self.first_type: dict[str, int] = {}
        for e in sorted(extraction.events, key=lambda e: e.trigger.start):
            start = e.trigger.start
            self.first_lemma.setdefault(self.token(start).lemma_.lower(), start)
            self.first_type.setdefault(e.event_type, start)
        self.name_words = [set(e.name.lower().split()) for e in extraction.entities]

    def repeats(self, e: Event, lemma: str) -> set[str]:
        """``repeat=lemma`` or ``repeat=type``: an earlier event has the same."""
        start = e.trigger.start
        out = set()
        if self.first_lemma.get(lemma, start) < start:
            out.add("repeat=lemma")
        typed = e.event_type != "OtherEvent"
        if typed and self.first_type.get(e.event_type, start) < start:
            out.add("repeat=type")
        return out

    def crowded(self, tok: Token) -> bool:
        """Another event's trigger in the same sentence."""
        sent = tok.sent
        starts = self.event_starts
        inside = bisect_left(starts, sent.end_char) - bisect_left(
            starts, sent.start_char
        )
        here = bisect_right(starts, tok.idx) - bisect_left(starts, tok.idx)
        return inside - here > 0  # the sentence holds ``tok``, so its own count goes

    def in_other_name(self, name: str) -> bool:
        """The name's words all lie in another, longer entity name."""
        words = set(name.lower().split())
        return any(words < other for other in self.name_words)

    def token(self, char: int) -> Token:
        return self.doc[max(0, bisect_right(self.starts, char) - 1)]

    def in_quote(self, span: Span) -> bool:
        return any(a <= span.start < b for a, b in self.quotes)

    def in_claim(self, span: Span) -> bool:
        return any(s.start <= span.start < s.end for s in self.claim_spans)

    def figure_in(self, tok: Token) -> bool:
        sent = tok.sent
        lo, hi = sent.start_char, sent.end_char
        i = bisect_right(self.figures, lo - 1)
        return i < len(self.figures) and self.figures[i] < hi

    def paragraph(self, span: Span) -> str:
        return "first" if span.start < self.first_paragraph_end else "later"


def _first_paragraph_end(text: str, title: str) -> int:
    """Where the body's first paragraph ends: the first line that is not the title
    and ends a sentence (a heading or a byline does not)."""
    at = 0
    for line in text.split("\n"):
        end = at + len(line)
        words = line.strip()
        if words and words != title.strip() and words[-1] in ".!?\"”’'":
            return end
        at = end + 1
    return len(text)


def _tense(tok: Token) -> str:
    """past, present, future (``will``/``would``) or none, from the token or its head."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if any(c.lower_ in ("will", "would", "'ll") for c in verb.children):
        return "future"
    tense = verb.morph.get("Tense", [])
    return tense[0].lower() if tense else "none"


def event_features(ctx: _Context, e: Event) -> frozenset[str]:
    """Features of one event, from its trigger word and what the event holds."""
    tok = ctx.token(e.trigger.start)
    head = tok.head
    feats = {
        "bias",
        f"type={e.event_type}",
        f"modality={e.modality}",
        f"pos={tok.pos_}",
        f"dep={tok.dep_}",
        f"lemma={tok.lemma_.lower()}",
        f"gov_pos={head.pos_ if head is not tok else 'ROOT'}",
        f"tense={_tense(tok)}",
        f"paragraph={ctx.paragraph(e.trigger)}",
        f"mentions={_count(1 + len(e.mentions))}",
    }
    if head is not tok and head.pos_ in ("VERB", "NOUN"):
        feats.add(f"governor={head.lemma_.lower()}")
    flags = {
        "in_quote": ctx.in_quote(e.trigger),
        "in_claim": ctx.in_claim(e.trigger),
        "claim_about": f"event:{e.trigger.start}" in ctx.about,
        "negated": e.modality == "negated"
        or any(c.dep_ == "neg" for c in (tok, head) for c in c.children),
        "has_date": e.date is not None,
        "has_place": bool(e.places),
        "has_agent": bool(e.agents),
        "has_participant": bool(e.participants),
        "has_quantity": bool(e.quantities),
        "figure_in_sentence": ctx.figure_in(tok),
        "title": tok.lower_ in ctx.title,
        "case=upper": tok.text[:1].isupper() and not tok.is_sent_start,
        "crowded": ctx.crowded(tok),
    }
    feats |= ctx.repeats(e, tok.lemma_.lower())
    return frozenset(feats | {k for k, v in flags.items() if v})


#: the actor kind each NER label names
_NER_OF = {"PERSON": "Person", "ORG": "Organization", "NORP": "Group"}


def _count(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else ">=3"


def actor_features(ctx: _Context, e: Entity) -> frozenset[str]:
    """Features of one actor, from its mentions and the part it plays."""
    first = _mention_head(ctx, e.mentions[0])  # actor_candidates: one at least
    words = len(e.name.split())
    feats = {
        "bias",
        f"kind={e.actor_kind}",
        f"mentions={_count(len(e.mentions))}",
        f"words={_count(words)}",
        f"paragraph={ctx.paragraph(e.mentions[0])}",
        f"head_dep={first.dep_}",
        f"ner={first.ent_type_ or 'none'}",
        f"kind_words={e.actor_kind}/{_count(words)}",
    }
    if e.key.startswith("local:"):
        feats.add(f"head_lemma={first.lemma_.lower()}")
    flags = {
        "local": e.key.startswith("local:"),
        "linked": bool(e.same_as),
        "has_role": bool(e.roles),
        "agent": e.key in ctx.agents,
        "participant": e.key in ctx.participants,
        "claim_about": e.key in ctx.about,
        "quote_only": all(ctx.in_quote(m) for m in e.mentions),
        "in_claim": any(ctx.in_claim(m) for m in e.mentions),
        "title": any(_in_title(ctx, m.text) for m in e.mentions),
        "case=lower": e.name.islower(),
        "case=upper": e.name.isupper() and len(e.name) > 1,
        "ner_agrees": _NER_OF.get(first.ent_type_) == e.actor_kind,
        "name_in_other": ctx.in_other_name(e.name),
        "sent_start_only": all(ctx.token(m.start).is_sent_start for m in e.mentions),
    }
    return frozenset(feats | {k for k, v in flags.items() if v})


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _in_title(ctx: _Context, text: str) -> bool:
    """Every word of ``text`` is a word of the title."""
    words = _words(text)
    return bool(words) and words <= ctx.title


def _mention_head(ctx: _Context, m: Span) -> Token:
    """The syntactic head of a mention's tokens (its last token if none stands out)."""
    toks = ctx.doc.char_span(m.start, m.end, alignment_mode="expand") or ()
    inside = {t.i for t in toks}
    outer = [t for t in toks if t.head.i not in inside or t.head is t]
    return outer[0] if outer else ctx.token(m.start)
