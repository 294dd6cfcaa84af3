"""``newskb_extraction``: the token-level results of the other components become the
article's :class:`kb.models.Extraction`: entities with stable keys and links,
events and claims with character spans."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from kb.extract.claims import DOCUMENT_WORDS, claims_of
from kb.extract.entities import entities_of
from kb.extract.events import events_of
from kb.extract.extensions import Stage, article_of, gazetteer_of, stage, text_of
from kb.extract.figures import figures_of
from kb.extract.records import Cluster, Mention, RawClaim, RawEvent
from kb.extract.syntax import ends_a_hyphened_word, storm_name
from kb.models import (
    LOCAL_KEY,
    ActorKind,
    Claim,
    Entity,
    Event,
    Extraction,
    Quantity,
    Span,
)
from kb.text import lexicon as lx
from kb.text.gazetteer import Gazetteer, fold
from kb.text.quotes import QUOTE_PAIRS

__all__ = ["assemble", "describe_pipeline", "extraction_of"]


def assemble(doc: Doc, model: str) -> Extraction:
    """The Doc's Extraction (without conflicts: see ``newskb_conflicts``).

    :param model: the spaCy pipeline's name and version, for provenance.
    """
    claims, events = claims_of(doc), events_of(doc)
    return _Assembly(doc).run(claims, events, model)


def extraction_of(doc: Doc, model: str) -> Extraction:
    return stage(doc, "newskb_extraction", lambda d: assemble(d, model))


@Language.factory(
    "newskb_extraction",
    requires=["doc._.newskb_claims", "doc._.newskb_events"],
    assigns=["doc._.newskb_extraction"],
)
def make_extraction(nlp: Language, name: str) -> Stage:
    model = describe_pipeline(nlp)
    return Stage("newskb_extraction", lambda doc: assemble(doc, model))


def describe_pipeline(nlp: Language) -> str:
    """``"<lang>_<name> <version>"``, for provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


class _Assembly:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.gaz: Gazetteer = gazetteer_of(doc)
        entities = entities_of(doc)
        self.clusters = entities.clusters
        self.mentions: list[Mention] = entities.mentions.items
        self.figures = figures_of(doc)
        self.faceless: set[int] = set()  # clusters left out: see _faceless

    def run(
        self, raw_claims: list[RawClaim], raw_events: list[RawEvent], model: str
    ) -> Extraction:
        self._retype_unknown_speakers(raw_claims, raw_events)
        speakers = {c.claimant for c in raw_claims}
        self.faceless = {
            i
            for i, cl in enumerate(self.clusters)
            if i not in speakers and _faceless(cl)
        }
        keys = self._keys()
        entities = [self._entity(cl, keys[i]) for i, cl in enumerate(self.clusters)]
        events = tuple(self._final_event(e, keys) for e in raw_events)
        starts = [self.doc[m.start].idx for m in self.mentions]
        claims = tuple(self._final_claim(c, keys, events, starts) for c in raw_claims)
        used = {k for e in events for k in (*e.agents, *e.participants, *e.places)}
        used |= {c.claimant for c in claims} | {k for c in claims for k in c.about}
        # whoever speaks, acts or takes part is an actor: a place too ("the Varda
        # Ridge was shelled"), so that every event's participant is one
        acting = {c.claimant for c in claims}
        acting |= {k for e in events for k in (*e.agents, *e.participants)}
        entities = [
            replace(e, actor_kind="Actor")
            if e.key in acting and not e.actor_kind
            else e
            for e in entities
        ]
        kept = [e for e in entities if e.actor_kind != "Group" or e.key in used]
        # a document whose issuer goes unnamed ("the letter") that neither speaks
        # nor acts is no actor of the story, nor what a claim is about
        idle = {e.key for e in kept if _bare_document(e) and e.key not in acting}
        kept = [e for e in kept if e.key not in idle]
        claims = tuple(
            replace(c, about=tuple(k for k in c.about if k not in idle)) for c in claims
        )
        # a faceless group's key may be a speaking group's too ("people"): keep it
        kept_keys = {k for i, k in enumerate(keys) if i not in self.faceless}
        gone = {keys[i] for i in self.faceless} - kept_keys
        kept = [e for e in kept if e.key not in gone]
        qualifying = self._qualifying(keys, acting)
        kept = [e for e in kept if e.key not in qualifying]
        events = tuple(
            replace(e, places=tuple(k for k in e.places if k not in qualifying))
            for e in events
        )
        claims = tuple(
            replace(c, about=tuple(k for k in c.about if k not in qualifying))
            for c in claims
        )
        return Extraction(
            article_of(self.doc),
            tuple(_with_containers(kept)),
            events,
            claims,
            model,
            (),
            self._loose_figures(events, claims),
        )

    def _loose_figures(
        self, events: tuple[Event, ...], claims: tuple[Claim, ...]
    ) -> tuple[Quantity, ...]:
        """The figures that no event or claim holds: the article states them all the
        same ("only 68 percent of two-year-olds are vaccinated")."""
        held = {q.span.start for e in events for q in e.quantities}
        held |= {q.span.start for c in claims for q in c.quantities}
        return tuple(q for q in self.figures if q.span.start not in held)

    def _retype_unknown_speakers(
        self, raw_claims: list[RawClaim], raw_events: list[RawEvent]
    ) -> None:
        """Whoever speaks or acts is an actor. A gazetteer place that speaks ("Russia
        said") stays a place and becomes an actor too (in ``run``). A "place"
        the gazetteer does not know that speaks is most likely a name the NER
        mislabelled ("said architect Ines Moreau"): it becomes a person (two or more
        capitalised words) or else an organisation; one named as a building
        ("Sedbergh Airport") stays a place, and an actor."""
        acting = {c.claimant for c in raw_claims}
        acting |= {a for e in raw_events for a in e.agents}
        placed = entities_of(self.doc).mentions.placed
        for index in acting:
            cl = self.clusters[index]
            if cl.kind != "Location" or cl.place is not None:
                continue
            if fold(_canonical(cl)) in placed:
                continue  # "Port Hallam approved …" after its dateline: a town acts
            words = _canonical(cl).split()
            if len(words) >= 2 and words[-1].lower() in lx.FACILITY_NOUNS:
                continue  # "Sedbergh Airport said": a place that speaks, as a country
            personal = (
                len(words) >= 2
                and all(w[:1].isupper() for w in words)
                and words[-1].lower() not in lx.ORG_SUFFIXES
            )
            cl.kind = "Person" if personal else "Organization"

    def _qualifying(self, keys: list[str], acting: set[str]) -> set[str]:
        """Keys of the countries named only to qualify someone or something ("U.S.
        Attorney Ana Hart", "UK-backed forces"), which neither speak nor act:
        no place of the story, nor where its events happened."""
        found = {
            keys[i] for i, cl in enumerate(self.clusters) if self._qualifies_only(cl)
        }
        return found - acting

    def _qualifies_only(self, cl: Cluster) -> bool:
        """A country whose every mention modifies a word after it ("U.S. officials",
        "US-backed"), never a place or an actor itself."""
        if cl.place is None or cl.place.kind != "country" or cl.acts:
            return False
        return all(self._modifier(m) for m in cl.mentions)

    def _modifier(self, m: Mention) -> bool:
        """ "U.S. Attorney Ana Hart", "U.S. officials", "UK-backed": the country
        qualifies a title, people, a firm or a deed; not "the U.S. economy" nor
        "the UK government", where the country itself is what the words are about."""
        root = self.doc[m.start : m.end].root
        head = root.head
        if root.dep_ not in _MODIFIER_DEPS or head.i < m.end:
            return False
        lemma = head.lemma_.lower()
        return head.pos_ in ("PROPN", "VERB") or lemma in _QUALIFIED_NOUNS

    def _key(self, cl: Cluster) -> str:
        if cl.place is not None:
            return cl.place.key
        link = self._link(cl)
        if link is not None:
            return f"user:{link}"
        kind = {"Location": "location"}.get(cl.kind, cl.kind.lower())
        return f"{kind}:{fold(_canonical(cl))}"

    def _keys(self) -> list[str]:
        """Each cluster's key; a key whose clusters are all descriptions holds in
        this article only (``local:``); one that is a name anywhere here does not
        ("Police said" and "the police")."""
        keys = [self._key(cl) for cl in self.clusters]
        named = {
            k
            for k, cl in zip(keys, self.clusters, strict=True)
            if not self._described(cl, k)
        }
        return [k if k in named else f"{LOCAL_KEY}{k}" for k in keys]

    def _described(self, cl: Cluster, key: str) -> bool:
        """A cluster of descriptions only ("officials", "the health ministry"), no
        proper name among its words and no link (its ``key`` a place's or the user
        gazetteer's): it names no one beyond this article."""
        if cl.kind == "Location" or cl.place is not None or key.startswith("user:"):
            return False
        # a lower-case word is no name, whatever the tagger or the NER call it
        # ("officials at the health ministry": the NER's organisation)
        return not any(
            (tok.pos_ == "PROPN" or tok.ent_type_) and not tok.is_lower
            for m in cl.mentions
            if not m.name.islower()  # named in lower case on purpose: "several"
            for tok in self.doc[m.start : m.end]
        )

    def _link(self, cl: Cluster) -> str | None:
        """The user gazetteer's IRI for one of the cluster's names, if any."""
        if cl.place is not None:
            return None
        for name in (_canonical(cl), *cl.names()):
            iri = self.gaz.link(name, cl.kind)
            if iri is not None:
                return iri
        return None

    def _entity(self, cl: Cluster, key: str) -> Entity:
        name = _canonical(cl)
        aliases = tuple(sorted({m.name for m in cl.mentions} - {name}))
        roles = tuple(sorted({m.role for m in cl.mentions if m.role}))
        spans = tuple(self._span(m.start, m.end) for m in cl.mentions)
        kind: ActorKind | None
        if cl.kind == "Location":
            kind = (
                "Actor"
                if cl.acts
                and cl.place is not None
                and cl.place.kind in ("country", "city", "admin")
                else None
            )
        else:
            kind = cl.kind  # type: ignore[assignment]
        within: tuple[str, ...] = ()
        if cl.place is not None and cl.place.country:
            within = (cl.place.country,)
        elif cl.kind == "Location":
            within = self._within_from_name(name)
        link = self._link(cl)
        same_as = cl.place.same_as if cl.place is not None else ()
        same_as = same_as or ((link,) if link else ())
        return Entity(
            key,
            name,
            spans,
            kind,
            cl.kind == "Location",
            aliases,
            roles,
            same_as,
            within,
        )

    def _within_from_name(self, name: str) -> tuple[str, ...]:
        """ "Kharkiv region" lies in the country of Kharkiv; "northern Kenya" in Kenya."""
        words = name.split()
        for cut in range(1, len(words)):
            for part in (" ".join(words[:cut]), " ".join(words[cut:])):
                place = self.gaz.lookup(part)
                if place is None:
                    continue
                if place.kind == "country":
                    return (place.key,)
                if place.country:
                    return (place.country,)
        return ()

    def _span(self, start_tok: int, end_tok: int) -> Span:
        s = self.doc[start_tok:end_tok]
        return Span(s.start_char, s.end_char, s.text)

    def _final_event(self, ev: RawEvent, keys: list[str]) -> Event:
        first = ev.triggers[0]
        # a "place" that turned out to be a speaker or agent ("Harbour City said") is
        # an actor now; an event's place must stay a location
        places = [p for p in ev.places if self.clusters[p].kind == "Location"]
        type_label = lx.EVENT_TYPE_LABELS.get(ev.event_type, ev.event_type.lower())
        words = " / ".join(dict.fromkeys(_trigger_phrase(t) for t in ev.triggers))
        return Event(
            self._span(first.i, first.i + 1),
            f"{words} ({type_label})",
            ev.event_type,
            tuple(keys[a] for a in ev.agents if a not in self.faceless),
            tuple(keys[p] for p in ev.participants if p not in self.faceless),
            tuple(keys[p] for p in dict.fromkeys(places)),
            ev.date,
            tuple(ev.quantities),
            ev.modality,  # type: ignore[arg-type]
            mentions=tuple(self._span(t.i, t.i + 1) for t in ev.triggers[1:]),
        )

    def _final_claim(
        self, c: RawClaim, keys: list[str], events: tuple[Event, ...], starts: list[int]
    ) -> Claim:
        """``starts``: where each mention starts, in characters."""
        text = self.text
        pieces = _without_last_comma(text, c.pieces())
        statement = _statement_text(text, pieces)
        about = [
            keys[m.cluster]
            for m, idx in zip(self.mentions, starts, strict=True)
            if c.states(idx)
            and m.cluster != c.claimant
            and m.cluster not in self.faceless
        ]
        about += [
            f"event:{e.trigger.start}" for e in events if c.states(e.trigger.start)
        ]
        figures = tuple(q for q in self.figures if c.states(q.span.start))
        speaker = _canonical(self.clusters[c.claimant])
        # the comma a quote ends with before "she said" ends no label
        said = statement.rstrip(",;: ")
        short = said if len(said) <= 90 else said[:87].rstrip() + "…"
        cue = self._span(c.cue.i, c.cue.i + 1) if c.cue is not None else None
        source = self._span(*c.source) if c.source is not None else None
        content = tuple(Span(a, b, text[a:b]) for a, b in pieces)
        return Claim(
            Span(c.start, c.end, text[c.start : c.end]),
            # the claim's IRI is minted from this span: it keeps the comma
            Span(c.stmt_start, c.stmt_end, text[c.stmt_start : c.stmt_end]),
            keys[c.claimant],
            statement,
            c.direct,
            f"{speaker}: {short}",
            tuple(dict.fromkeys(about)),
            figures,
            c.date,
            cue,
            content=content,
            source=source,
            attribution=c.attribution,  # type: ignore[arg-type]
        )


def _faceless(cl: Cluster) -> bool:
    """ "people", "many people", "thousands of people": a group that the words name
    by nothing but being people (no nationality, place or body: no capital), which
    no reader takes for an actor of the story."""
    return cl.kind == "Group" and all(
        m.name.islower() and m.name.split()[-1] in _FACELESS for m in cl.mentions
    )


_FACELESS = frozenset({"people", "persons"})
#: how a name modifies the word after it: "U.S. officials", "US-backed"
_MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
#: nouns for someone or a firm that a country's name qualifies ("U.S. officials",
#: "a U.S. tycoon", "a U.S. carmaker"); not a state's own bodies ("the Varda
#: government" is the country's, a place of the story)
_QUALIFIED_NOUNS = (
    (lx.ROLE_WORDS - lx.ROLE_MODIFIERS)
    | {w.removesuffix("s") for w in lx.PEOPLE_NOUNS}
    | lx.PERSON_WORDS
    | lx.BUSINESS_DESCRIPTORS
)


def _canonical(cl: Cluster) -> str:
    if cl.place is not None and cl.place.kind != "user":
        return cl.place.name
    return max(cl.names(), key=lambda n: (len(n.split()), len(n)))


def _with_containers(entities: list[Entity]) -> list[Entity]:
    """Drop containment links to places the article never names, and a place's
    link to itself (a country the gazetteer finds as its own country)."""
    named = {e.key for e in entities if e.is_location}
    out = []
    for e in entities:
        within = tuple(k for k in e.within if k in named and k != e.key)
        out.append(e if within == e.within else replace(e, within=within))
    return out


def _without_last_comma(
    text: str, pieces: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The pieces, the last one without the comma a quote ends with before "she
    said" ('"We will not give up," she said': the content is the words)."""
    a, b = pieces[-1]
    while b > a and text[b - 1] in ",;: ":
        b -= 1
    return (*pieces[:-1], (a, b)) if b > a else pieces


#: a line break inside a quote and the mark that reopens the quote's next paragraph
_OPENINGS = sorted({m for m, _close in QUOTE_PAIRS}, key=lambda m: (-len(m), m))
_PARAGRAPH_REOPENED = re.compile(
    r"\s*\n\s*(?:" + "|".join(map(re.escape, _OPENINGS)) + ")?"
)


def _statement_text(text: str, pieces: tuple[tuple[int, int], ...]) -> str:
    """The words of a statement: its pieces joined, each paragraph's opening quote
    mark dropped, and a comma that the attribution cut off made a full stop."""
    out = ""
    for a, b in pieces:
        piece = _PARAGRAPH_REOPENED.sub(" ", text[a:b].strip())
        if out:
            if out.endswith(",") and piece[:1].isupper():
                out = out[:-1] + "."
            out += " "
        out += piece
    return out


# What may follow a trigger verb in its phrase, and the prepositions that may lead it.
_PHRASE_DEPS = ("dobj", "acomp", "oprd", "attr", "prep")
_PHRASE_PREPS = ("with", "against", "past")
_PARTICLES = frozenset({"back", "off", "out", "up", "down", "over"})
# Verbs of a deed's beginning or going on, before its "-ing": "started investigating".
_ASPECTS = frozenset({"start", "begin", "continue", "resume", "keep"})
# Verbs that say that their subject happened: "the talks began", "were held".
_HAPPENING = frozenset(
    """begin start end occur happen hold resume continue unfold""".split()
)
# Verbs that add little to the noun they take, so the mention of "held talks" or
# "made landfall" reaches the verb; not lexicon.LIGHT_VERBS, which are the verbs
# whose object names the event itself ("carried out raids"), another question.
_NOUN_TAKING_VERBS = frozenset(
    {"pay", "make", "hold", "stage", "launch", "give", "conduct", "take", "open", "set"}
)


def _verb_of_happening(noun: Token) -> int:
    """Where a noun's phrase ends: with the verb that says it happened right after
    it ("the fair began", "talks were held"), else at the noun."""
    verb = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() in _HAPPENING
        and verb.i > noun.i
        and all(t.dep_ in ("aux", "auxpass") for t in noun.doc[noun.i + 1 : verb.i])
    ):
        return verb.i
    return noun.i


def _in_phrase(verb: Token, child: Token) -> bool:
    """Whether ``child`` says which event ``verb`` names: its object or complement,
    and what a failing or refusing verb did not do ("failed to ratify")."""
    if child.dep_ == "xcomp":
        return verb.lemma_.lower() in lx.REFUSAL_VERBS
    return child.dep_ in _PHRASE_DEPS


def _trigger_phrase(tok: Token) -> str:
    """A trigger with the words that say which event it is: "nuclear deal",
    "Illinois primary", "suspended sentence", "laid off"."""
    doc = tok.doc
    name = storm_name(tok)
    if name is not None:  # "Hurricane Tomas", "Tropical Storm Kellan"
        tropical = tok.i > 0 and doc[tok.i - 1].lower_ == "tropical"
        return doc[tok.i - tropical : name.i + 1].text
    if tok.pos_ in ("NOUN", "PROPN"):
        start = tok.i
        if ends_a_hyphened_word(tok):
            start = tok.i - 2  # "pile-up": the tokenizer splits it in three
        for child in reversed(list(tok.lefts)):
            if child.i >= start:
                continue
            if (
                child.dep_ not in ("compound", "amod", "nummod")
                or child.right_edge.i != start - 1
            ):
                break
            start = child.left_edge.i
        head = tok.head
        if (
            tok.dep_ == "dobj"
            and head.lemma_.lower() in _NOUN_TAKING_VERBS
            and head.i < start
            and all(t.dep_ in ("det", "poss") for t in doc[head.i + 1 : start])
        ):
            start = head.i  # "paid tribute", "made landfall", "held talks"
        return doc[start : _verb_of_happening(tok) + 1].text
    if tok.dep_ == "prt" and tok.head.i == tok.i - 1:
        return doc[tok.i - 1 : tok.i + 1].text  # "picked up": the particle's verb
    first = tok.i
    if tok.dep_ == "xcomp" and tok.head.i == tok.i - 1 and tok.tag_ == "VBG":
        if tok.head.lemma_.lower() in _ASPECTS:
            first = tok.head.i  # "started investigating": when it began
    end = tok.i + 1
    if end < len(doc) and (
        doc[end].dep_ == "prt"
        or doc[end].lower_ in _PARTICLES
        and doc[end].dep_ != "prep"
        or doc[end].lower_ == "missing"
    ):
        end += 1  # "laid off", "buy back" (which the parser may call an adjective),
        # "went missing"
    elif doc[end : end + 2].text.lower() == "on hold":
        # "was put on hold": the phrase says it stopped
        return doc[tok.i : end + 2].text
    # the object or complement right after it: "pleaded guilty", "cut 300 jobs",
    # "sided with the rebels"
    for child in tok.rights:
        # the phrase must go on right after the verb (or take in its particle)
        if child.i < end or child.left_edge.i > end or not _in_phrase(tok, child):
            continue
        if child.dep_ == "prep":
            # "sided with the rebels"; and a particle's word as a preposition
            # right after the verb: "pulled off the road"
            said = child.lower_ in _PHRASE_PREPS or (
                child.lower_ in _PARTICLES and child.i == end
            )
            if not said or any(c.dep_ == "dobj" for c in tok.children):
                break
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        last = child.right_edge.i if child.right_edge.i - end < 4 else child.i
        if last - end < 4:
            end = last + 1
        break
    return doc[first:end].text


def _bare_document(e: Entity) -> bool:
    """An actor that is a document's words alone ("the report", "a new poll"),
    as made when a claim first went to the document, not to someone named."""
    return (
        e.actor_kind == "Actor"
        and e.key.startswith(LOCAL_KEY)
        and e.name.split()[-1].lower() in DOCUMENT_WORDS
    )
