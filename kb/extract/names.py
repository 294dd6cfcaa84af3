"""Where a name starts and ends: the NER's entities joined, split and trimmed, and
titles moved out of names. Helpers of the ``newskb_mentions`` component."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.text import lexicon as lx
from kb.text.gazetteer import REGION_WORDS, Gazetteer

__all__ = [
    "ENTITY_LABELS",
    "SCORE",
    "acronym",
    "clipped",
    "country_or_region",
    "is_demonym",
    "merged_ents",
    "name_start",
    "nationality_word",
    "only_clipped",
    "strip_titles",
]

# How a nationality's name ends: "Afghan", "Mongolian", "Sudanese", "Iraqi".
_DEMONYM_END = r"(?:an|ian|ese|ish|i)$"

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"}

# A match score ("2-1", "3 – 0"), which makes "won"/"drew"/"beat" a sports result.
SCORE = re.compile(r"(?<![\d.,])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d.,%])")


def merged_ents(
    doc: Doc, ent_at: dict[int, SpacySpan], dateline_tok: int, gaz: Gazetteer
) -> list[SpacySpan]:
    """Join split person names ("Park Min" + "Jun") and extend "X region"."""
    out: list[SpacySpan] = []
    ents = _split_at_brackets(
        _split_possessive(_split_at_breaks(_without_leading_possessive(doc.ents)), gaz)
    )
    ents = _split_listed_places(ents, gaz)
    for raw in _split_at(ents, dateline_tok):
        if raw.label_ == "WORK_OF_ART" and _media_source(raw):
            raw = SpacySpan(doc, raw.start, raw.end, label="ORG")
        trimmed = (
            _without_trailing_figures(raw) if raw.label_ in ENTITY_LABELS else None
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
            if prev[-1].tag_ != "POS":
                out[-1] = SpacySpan(doc, prev.start, ent.end, label=prev.label_)
                continue
            ent = SpacySpan(doc, ent.start, ent.end, label="ORG")  # see below
        if (
            prev is not None
            and prev.label_ == "ORG"
            and prev.end == ent.start
            and prev[-1].lower_ in ("of", "for", "on", "and")
        ):
            # "Public Health Agency of" + "Canada": one organisation's name
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="ORG")
            continue
        if prev is not None and _one_place_with_and(doc, prev, ent, gaz):
            # "Trinidad" + "and" + "Tobago": one country, whatever the NER called them
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="GPE")
            continue
        if prev is not None and _and_more(doc, prev, ent):
            # "Office for Roads" + "and" + "Bridges": one body's name
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="ORG")
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if (
            nxt is not None
            and nxt.lower_ in REGION_WORDS
            # not a body's name ("the Kellan Corp state"), though a one-word name
            # before a region's word in lower case is a region's ("Orlen state")
            and (ent.label_ != "ORG" or (len(ent) == 1 and nxt.is_lower))
            # "the Mongolian province of Dornod": a nationality, not a place's name
            and not (
                nxt.is_lower
                and ent.label_ == "NORP"
                and re.search(_DEMONYM_END, ent.text)
                and gaz.lookup(ent.text) is None
            )
        ):
            ent = SpacySpan(doc, ent.start, ent.end + 1, label="LOC")
        elif (
            nxt is not None
            and nxt.is_title
            and ent.label_ in ("GPE", "LOC")
            and gaz.lookup(f"{ent.text} {nxt.text}") is not None
        ):
            # "Ilocos" + "Norte": the gazetteer knows the longer name
            ent = SpacySpan(doc, ent.start, ent.end + 1, label=ent.label_)
        if ent.label_ == "PERSON":
            ent = SpacySpan(doc, name_start(doc, ent_at, ent.start), ent.end, "PERSON")
        ent = _with_field(doc, ent, gaz)
        out.append(_with_hyphen_prefix(doc, ent))
    return out


def _media_source(ent: SpacySpan) -> bool:
    """A title that speaks is a publication's: "according to The Wrap", "The Daily
    Varda reported"; not a work that is only talked of."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "to":
        return root.head.head.lower_ == "according"
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in lx.CUE_VERBS


def _one_place_with_and(
    doc: Doc, first: SpacySpan, ent: SpacySpan, gaz: Gazetteer
) -> bool:
    """Two names joined by "and" that the gazetteer knows as one country's name."""
    if ent.start != first.end + 1 or doc[first.end].lower_ != "and":
        return False
    place = gaz.lookup(doc[first.start : ent.end].text)
    return place is not None and place.kind == "country"


def _and_more(doc: Doc, org: SpacySpan, ent: SpacySpan) -> bool:
    """A name the NER cut at its "and": an organisation ending in what it is for
    ("the Office for Roads"), then "and" and capitalised words ("Bridges"), or
    "of" and the place it belongs to after that."""
    if org.label_ != "ORG" or len(org) < 3 or org[-2].lower_ not in ("for", "of"):
        return False
    if ent.start == org.end + 1 and doc[org.end].lower_ == "and":
        return all(t.is_title for t in ent) and ent.label_ in ("ORG", "PERSON")
    return (
        ent.start == org.end + 1
        and doc[org.end].lower_ == "of"
        and ent.label_ == "GPE"
        and " and " in org.text
    )


def _with_field(doc: Doc, org: SpacySpan, gaz: Gazetteer) -> SpacySpan:
    """ "the Centre for Research" + "in Security Studies": a body named for what
    it does, which the NER cut at the "in" of its field; not "the Institute for
    Peace in Velmora", a place, nor words the NER names on their own."""
    if org.label_ != "ORG" or len(org) < 3 or org[-2].lower_ not in ("for", "of"):
        return org
    if org.end + 1 >= len(doc) or doc[org.end].lower_ != "in":
        return org
    end = org.end + 1
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        if doc[end].ent_type_:
            return org
        end += 1
    field = doc[org.end + 1 : end]
    if len(field) == 0 or gaz.lookup(field.text) is not None:
        return org
    return SpacySpan(doc, org.start, end, label="ORG")


def name_start(doc: Doc, ent_at: dict[int, SpacySpan], i: int) -> int:
    """Where a person's name starts that the NER or the parse took from its last
    word: "Sefa" in "Sefa Obi", a capitalised proper noun just before it in the
    same sentence, that is neither a title nor part of another name."""
    while i > 0 and not doc[i].is_sent_start:
        prev = doc[i - 1]
        if (
            prev.pos_ != "PROPN"
            or not prev.is_title
            or prev.whitespace_ != " "
            or prev.i in ent_at
            or (
                prev.lower_ in lx.ROLE_WORDS | lx.HONORIFICS
                and not _pageant(doc, prev.i)
            )
            or not (prev.dep_ == "compound" or prev.is_sent_start)
        ):
            break
        i -= 1
    return i


def _with_hyphen_prefix(doc: Doc, ent: SpacySpan) -> SpacySpan:
    """ "sub-Saharan Africa", "Trans-Siberian Railway": a hyphenated capitalised
    modifier just before a place or organisation belongs to its name."""
    i = ent.start
    if (
        i >= 3
        and doc[i - 2].text == "-"
        and doc[i - 1].is_title
        and doc[i - 3].is_alpha
        and not doc[i - 3].whitespace_
        and not doc[i - 2].whitespace_
    ):
        return SpacySpan(doc, i - 3, ent.end, label=ent.label_)
    return ent


def strip_titles(doc: Doc, span: SpacySpan) -> tuple[SpacySpan, str | None]:
    """Move leading titles out of a name, and pick up titles just before it."""
    start, end = span.start, span.end
    while (
        start < end - 1
        and doc[start].lower_ in (lx.ROLE_WORDS | {"the"})
        and not _pageant(doc, start)
    ):
        start += 1
    role_toks = [t for t in doc[span.start : start] if t.lower_ != "the"]
    j = span.start - 1
    before: list[Token] = []
    joined = False
    while j >= 0 and (
        doc[j].lower_ in lx.ROLE_WORDS
        or _elect_part(doc, j)
        or (before and doc[j].dep_ == "compound" and doc[j].is_title)
    ):
        if doc[j].ent_type_ in ("GPE", "NORP") and not before or _pageant(doc, j):
            break
        before.insert(0, doc[j])
        j -= 1
        if _joined_portfolio(doc, j, before):
            before[:0] = [doc[j - 1], doc[j]]  # "Finance and Petroleum Minister"
            j -= 2
            joined = True
    while before and (
        before[0].ent_type_ if joined else before[0].lower_ not in lx.ROLE_WORDS
    ):
        before.pop(0)  # a role opens with a role word, or with joined portfolios
    tokens = [t for t in before + role_toks if t.lower_ not in lx.HONORIFICS]
    while len(tokens) > 1 and tokens[-1].lower_ in lx.STYLE_TITLES:
        tokens.pop()  # "Oil Minister Sheikh Ana Obi": the minister, not "Minister Sheikh"
    words = [t.text for t in tokens]
    return doc[start:end], (" ".join(words).replace(" - ", "-") or None)


def _joined_portfolio(doc: Doc, j: int, role: list[Token]) -> bool:
    """ "Finance and" before "Petroleum Minister": two portfolios that one person
    holds, the first joined by "and" to the role's words (not "Ana Obi and Finance
    Minister …", two people: a name is an entity, and its "and" joins another)."""
    if j < 1 or doc[j].lower_ not in ("and", "&") or doc[j].is_sent_start:
        return False
    first = doc[j - 1]
    return (
        first.is_title
        and not first.ent_type_
        and any(t.dep_ == "conj" and t.head == first for t in role)
    )


def _elect_part(doc: Doc, i: int) -> bool:
    """ "President-elect" is three tokens: its "-" and "elect" are the role's too."""
    if doc[i].lower_ == "elect":
        return i > 1 and doc[i - 1].text == "-"
    return doc[i].text == "-" and i + 1 < len(doc) and doc[i + 1].lower_ == "elect"


def _pageant(doc: Doc, i: int) -> bool:
    """ "Miss World", "Miss Kellavia": a contest's title, not an honorific."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (
        doc[i].lower_ == "miss"
        and nxt is not None
        and (nxt.lower_ in _PAGEANTS or nxt.ent_type_ == "GPE")
    )


#: what a beauty contest is named after, besides a country: "Miss World"
_PAGEANTS = frozenset({"universe", "world", "earth", "international", "teen"})


def is_institution(tok: Token) -> bool:
    """A word for a public body: "ministry", "police", or "bank" in "central bank"."""
    return tok.lower_ in lx.INSTITUTION_NOUNS or any(
        (c.lower_, tok.lower_) in lx.INSTITUTION_PHRASES
        for c in tok.children
        if c.dep_ in ("amod", "compound")
    )


def nationality_word(gaz: Gazetteer, word: str) -> bool:
    """ "Palauan", "Georgian", "Japanese": a country's (or a region's) name with
    the ending of a nationality, which the gazetteer knows without it; and the
    nationalities whose endings do not give their place back ("British")."""
    if word.lower() in lx.NATIONALITY_ADJECTIVES:
        return True
    for ending in ("i", "n", "an", "ian", "ese", "ish"):
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
            continue
        if country_or_region(gaz, stem) or country_or_region(gaz, stem + "a"):
            return True
    return False


def country_or_region(gaz: Gazetteer, name: str) -> bool:
    """A country or a top-level region the gazetteer knows by this name."""
    place = gaz.lookup(name)
    return place is not None and place.kind in ("country", "admin")


def is_demonym(ent: SpacySpan) -> bool:
    return (
        len(ent) <= 2
        and ent[-1].pos_ == "ADJ"
        or bool(
            re.search(_DEMONYM_END, ent.text) and ent.root.dep_ in ("amod", "compound")
        )
    )


def family_name(words: list[str]) -> list[str]:
    """A full name's words without a generational suffix ("Kellan Jr" → "Kellan"),
    so that the surname alone finds the person; ``words`` in any case."""
    if len(words) > 2 and words[-1].lower().rstrip(".") in lx.NAME_SUFFIXES:
        return words[:-1]
    return words


_WEB_NAME = re.compile(r"([A-Z][\w-]+)\.(?:com|org|net|io)")


def web_name_stem(name: str) -> str | None:
    """ "Velmora" of "Velmora.com": a business named for its web address is also
    called by the name alone."""
    found = _WEB_NAME.fullmatch(name)
    return found.group(1) if found else None


def acronym(name: str) -> str:
    """The initials of a name of two or more capitalised words ("WHO"), else ""."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_Key = TypeVar("_Key")


def only_clipped(
    short: list[str], organisations: Mapping[_Key, Iterable[list[str]]]
) -> _Key | None:
    """The one organisation (a key of ``organisations``, which maps each to its
    names as folded words) that the folded words ``short`` write short
    (:func:`clipped`); None when none is, or more than one ("the Prov" beside two
    provincial boards: which one?). The one rule for both stages that ask: the
    mentions (a clipped name the NER did not tag) and the entities (any mention,
    against the clusters).

    >>> only_clipped(["assn"], {1: [["dockers", "association"]], 2: [["kellan", "bank"]]})
    1
    >>> only_clipped(["prov"], {1: [["provincial", "board"]], 2: [["provincial", "council"]]})
    """
    found = [
        key
        for key, names in organisations.items()
        if any(clipped(short, words) for words in names)
    ]
    return found[0] if len(found) == 1 else None


def clipped(short: list[str], name: list[str]) -> bool:
    """Whether the folded words ``short`` write the name ``name`` short by
    clipping its words: one word for any of its words ("prov" of "provincial
    water board", "assn" of "dockers association"), or each word in turn the
    same or clipped ("natl rail board"); at least one word clipped, none another
    word ("kellan city" is not "kellan united").

    >>> clipped(["prov"], ["provincial", "water", "board"])
    True
    >>> clipped(["natl", "rail"], ["national", "rail"])
    True
    >>> clipped(["kellan", "city"], ["kellan", "united"])
    False
    >>> clipped(["porto"], ["portofino", "bank"])
    False
    """
    if len(short) == 1 and len(name) > 1:
        return any(_clip_of(short[0], w) for w in name)
    pairs = list(zip(short, name, strict=False))
    return (
        len(short) == len(name)
        and all(a == b or _clip_of(a, b) for a, b in pairs)
        and any(a != b for a, b in pairs)
    )


def _clip_of(short: str, word: str) -> bool:
    """ "prov" of "provincial", "corp" of "corporation": a word cut to its first
    three or four letters; "natl" of "national", "assn" of "association": at
    most half its letters, in order, from its first to its last."""
    if not 3 <= len(short) < len(word) or short[0] != word[0] or not short.isalpha():
        return False
    if len(short) <= _CLIP_LETTERS and word.startswith(short):
        return True
    rest = iter(word[1:])
    return (
        short[-1] == word[-1]
        and 2 * len(short) <= len(word)  # "porto" is no contraction of "portofino"
        and all(ch in rest for ch in short[1:])
    )


#: the most letters a word cut to its start keeps ("Prov", "Corp", "Univ"): a
#: longer start ("Porto" of "Portofino") is more likely a word of its own
_CLIP_LETTERS = 4


def _without_trailing_figures(ent: SpacySpan) -> SpacySpan | None:
    """ "Redmere United 3-1": a score or number that the NER ran into a name."""
    end = ent.end
    while end > ent.start and (
        ent.doc[end - 1].like_num
        or ent.doc[end - 1].text in ("-", "–")
        or SCORE.fullmatch(ent.doc[end - 1].text)
    ):
        end -= 1
    tail = ent.doc[end : ent.end].text
    if end == ent.end or not re.search(r"\d\s?[-–]\s?\d", tail):
        return ent  # "Channel 4", "FTSE 100": a number in the name itself
    if end == ent.start:
        return None
    return SpacySpan(ent.doc, ent.start, end, label=ent.label_)


def _split_at_breaks(ents: Iterable[SpacySpan]) -> list[SpacySpan]:
    """An entity never runs across a line break ("Spain\\n\\nSpanish") nor a colon
    ("Kellan Orlen: Dealing in …", a list of charges)."""
    out = []
    for ent in ents:
        start = ent.start
        for tok in ent:
            if tok.is_space or tok.text == ":":
                if tok.i > start:
                    out.append(SpacySpan(ent.doc, start, tok.i, label=ent.label_))
                start = tok.i + 1
        if start < ent.end:
            out.append(SpacySpan(ent.doc, start, ent.end, label=ent.label_))
    return out


def _split_at_brackets(ents: Iterable[SpacySpan]) -> list[SpacySpan]:
    """ "the Tarsk Health Agency (THA": a name and, in brackets, its short
    form, which the NER ran together: two names of one entity."""
    out = []
    for ent in ents:
        mark = next((t.i for t in ent[1:] if t.text == "("), None)
        if mark is None:
            out.append(ent)
            continue
        out.append(SpacySpan(ent.doc, ent.start, mark, label=ent.label_))
        inner = [t for t in ent.doc[mark + 1 : ent.end] if t.text != ")"]
        if inner:
            out.append(
                SpacySpan(ent.doc, inner[0].i, inner[-1].i + 1, label=ent.label_)
            )
    return out


def _without_leading_possessive(ents: Iterable[SpacySpan]) -> list[SpacySpan]:
    """ "’s Orlen Hill" of "Tarsk’s Orlen Hill prison": the owner's mark is not the
    name's."""
    out = []
    for ent in ents:
        start = ent.start
        while start < ent.end and ent.doc[start].tag_ == "POS":
            start += 1
        if start < ent.end:
            out.append(SpacySpan(ent.doc, start, ent.end, label=ent.label_))
    return out


def _split_possessive(ents: Iterable[SpacySpan], gaz: Gazetteer) -> list[SpacySpan]:
    """ "Ana Obi's Hathor Holdings": a person's name with a possessive inside is the
    person and what she owns, an organisation (as when the NER gives two names);
    and "Glasgow's Kelvin Hospital" a place and what lies in it."""
    out = []
    for ent in ents:
        mark = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
        if mark is None or not ent.doc[mark + 1].is_title:
            out.append(ent)
            continue
        owner = ent.doc[ent.start : mark]
        if ent.label_ == "PERSON":
            label = "PERSON"
        elif ent.label_ == "ORG" and gaz.lookup(owner.text) is not None:
            label = "GPE"
        else:
            out.append(ent)
            continue
        out.append(SpacySpan(ent.doc, ent.start, mark, label=label))
        out.append(SpacySpan(ent.doc, mark + 1, ent.end, label="ORG"))
    return out


def _split_listed_places(ents: Iterable[SpacySpan], gaz: Gazetteer) -> list[SpacySpan]:
    """ "Porto and Braga" the NER took for one name (a body's, a person's or one
    place's): two places where the gazetteer knows each side (and not the whole,
    as it knows "Trinidad and Tobago") as a place of its own."""
    out = []
    for ent in ents:
        ands = [t.i for t in ent[1:-1] if t.lower_ == "and"]
        if ent.label_ not in ("ORG", "PERSON", "GPE", "LOC") or len(ands) != 1:
            out.append(ent)
            continue
        sides = (ent.doc[ent.start : ands[0]], ent.doc[ands[0] + 1 : ent.end])
        if gaz.lookup(ent.text) is not None or not all(
            _strong_place(gaz, side.text) for side in sides
        ):
            out.append(ent)
            continue
        out.extend(SpacySpan(ent.doc, s.start, s.end, label="GPE") for s in sides)
    return out


def _strong_place(gaz: Gazetteer, name: str) -> bool:
    """A name the gazetteer knows as a place on its own: not a bare subdivision's
    name, which may be a common word or a firm's ("Marks", "Spencer")."""
    place = gaz.lookup(name)
    return place is not None and not place.weak and place.kind != "user"


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
