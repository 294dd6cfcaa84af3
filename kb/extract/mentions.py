"""``newskb_mentions``: the article's mentions of people, organisations, groups and
places: NER entities corrected by rules, plus the institutions, groups and
short names the NER misses."""

from __future__ import annotations

import re
from functools import cached_property
from itertools import takewhile

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.extract.dates import dates_of
from kb.extract.extensions import Stage, gazetteer_of, stage, text_of
from kb.extract.kinds import settle_kinds
from kb.extract.names import (
    SCORE,
    acronym,
    country_or_region,
    family_name,
    is_demonym,
    is_institution,
    merged_ents,
    name_start,
    nationality_word,
    only_clipped,
    strip_titles,
    web_name_stem,
)
from kb.extract.records import Mention, Mentions, clean_name
from kb.text import lexicon as lx
from kb.text.dates import AP_STATES
from kb.text.first_names import first_name_gender
from kb.text.gazetteer import REGION_WORDS, Place, fold

__all__ = ["find_mentions", "mentions_of"]

# Prepositions after which a name the NER calls a person is a place it also knows.
_WHERE_PREPS = {"in", "near", "across", "throughout", "outside", "around", "into"}
# Endings of nouns for a person by what they do ("master", "inspector", "economist").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant")


# Short words that only a title-case headline capitalises in mid-line.
_TITLE_FUNCTION_WORDS = frozenset(
    "In Of To For On At By And Or With From Over After Into About As Is Are Be "
    "Has Have Will Amid Says".split()
)


def _title_case(line: str, words_in_text: set[str]) -> bool:
    """A headline in title case: most of its longer words start with a capital, and
    some capitalised words are everyday ones (function words, or words the article
    writes in lower case too)."""
    tokens = re.findall(r"[^\W\d_][\w'’-]*", line)
    words = [w for w in tokens if len(w) >= 4]
    if len(words) < 3 or len(words) > 25:
        return False
    capitals = [w for w in words[1:] if w[0].isupper()]
    everyday = [w for w in capitals if w.lower() in words_in_text]
    function = [w for w in tokens[1:] if w in _TITLE_FUNCTION_WORDS]
    return len(capitals) + 1 >= 0.8 * len(words) and len(everyday) + len(function) >= 2


# "lost to X", "a win over X", "at home to X", "cruised past X": prepositions that
# lead to a side.
_SIDE_PREPS = frozenset({"against", "over", "than", "past"})
_LOSING = frozenset({"lose", "loss", "defeat", "fall", "succumb", "draw"})
_CLUB_WORDS = frozenset({"club", "side", "team", "outfit", "fans", "supporters"})


_LATIN_AFTER_IN = frozenset(
    {"absentia", "situ", "vitro", "vivo", "camera", "memoriam", "extremis", "loco"}
)


def not_a_name(ent: SpacySpan) -> bool:
    """What the NER takes for a name but is none: a verb that opens a sentence
    ("Conceding that …, he warned"), or a lone article ("the" of "the\u00a0Courier",
    cut off by a no-break space)."""
    if len(ent) == 1 and ent[0].tag_ in ("VBG", "VBD", "VBN", "RB"):
        return True  # "Conceding …", "Elsewhere, sales fell"
    if ent.text.lower().removeprefix("the ") in lx.DISEASES:
        return True  # "Zika spread": a disease, not an actor or a place
    if _disease_named(ent):
        return True  # "Orlen fever": a disease named after a place
    if ent.text.isupper() and _in_capitals_line(ent):
        return True  # "SCORES QUARANTINED": a subheading, not a name
    words = [t for t in ent if t.is_alpha]
    if (
        ent.label_ in ("PERSON", "GPE", "LOC")
        and words
        and all(t.is_lower for t in words)
    ):
        return True  # "marijuana", "gaunt": people and places have capitals
    if re.match(r"(?:trans|pro|anti|post|pre|non|mid|pan|inter|cross)-", ent.text):
        return True  # "trans-Atlantic", "pro-Kremlin": an adjective made of a name
    if (
        ent.start
        and ent.doc[ent.start - 1].lower_ == "in"
        and ent.text.lower() in (_LATIN_AFTER_IN)
    ):
        return True  # "tried in absentia"
    if _an_era(ent):
        return True  # "500 BC"
    if _a_time_zone(ent):
        return True  # "16:40 GMT"
    return all(t.lower_ in ("the", "a", "an") or not t.text.strip() for t in ent)


def _an_era(ent: SpacySpan) -> bool:
    """ "500 BC", "AD 79", "the third century BCE": a calendar's era, not a name."""
    if len(ent) != 1 or ent[0].text.rstrip(".") not in ("BC", "AD", "BCE", "CE"):
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    return any(
        t is not None and (t.like_num or t.lower_ in ("century", "millennium"))
        for t in (before, after)
    )


def _a_time_zone(ent: SpacySpan) -> bool:
    """ "at 16:40 GMT", "9 a.m. EST": a time zone after a clock time."""
    if len(ent) != 1 or ent.text not in lx.TIME_ZONES or not ent.start:
        return False
    before = ent.doc[ent.start - 1]
    return any(c.isdigit() for c in before.text) or before.lower_ in ("a.m.", "p.m.")


def _without_leading_verb(ent: SpacySpan) -> SpacySpan:
    """ "to assert Ana Obi would …": the NER's name may take in the verb before
    it; names open with a capital or a particle ("de", "van"), never a verb."""
    start = ent.start
    while (
        start < ent.end - 1
        and ent.doc[start].is_lower
        and ent.doc[start].pos_
        in (
            "VERB",
            "AUX",
        )
    ):
        start += 1
    if start == ent.start:
        return ent
    return SpacySpan(ent.doc, start, ent.end, ent.label_)


def _in_capitals_line(ent: SpacySpan) -> bool:
    """Whether the entity is on a line of two or more words in capitals only."""
    text = text_of(ent.doc)  # read once: each read walks the whole Doc
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return len(re.findall(r"[^\W\d_]+", line)) >= 2 and line.isupper()


_SHARE_NOUNS = frozenset({"shares", "share", "stock", "stocks"})
#: what one holds "in" a company, not in a place: "shares in Kellan", "a stake in"
_HOLDINGS = _SHARE_NOUNS | {"stake", "stakes", "holding", "holdings"}


def _office_of_a_title(ent: SpacySpan) -> bool:
    """ "State" of "Secretary of State", "Health" of "Minister of Health", "Ancient
    History" of "professor of Ancient History", "Marine Biology" of "a student in
    Marine Biology", "Housing" of "the Housing Secretary", "Federal Health" of
    "Federal Health Minister": a part of a title or the field of a degree, not a
    name."""
    doc = ent.doc
    if len(ent) > 2:
        return False
    if ent.start >= 2:  # "the Housing Secretary" may open the text
        before, prep = doc[ent.start - 2].lower_, doc[ent.start - 1].lower_
        if (prep, before) in (("of", t) for t in _TITLES_OF_OFFICES):
            return True
        if prep == "in" and before in lx.STUDY_NOUNS:
            return True
    after = doc[ent.end] if ent.end < len(doc) else None
    # "Federal Health Minister": a field after the level of government
    words = [t.lower_ for t in ent]
    if len(words) == 2 and words[0] in lx.NAME_QUALIFIERS:
        words = words[1:]
    return (
        after is not None
        and after.is_title
        and after.lower_ in lx.ROLE_WORDS
        and all(w in lx.PORTFOLIO_WORDS for w in words)
    )


#: titles named after their office or field: "Secretary of State", "Minister of
#: Health", "professor of Ancient History"
_TITLES_OF_OFFICES = frozenset(
    """secretary secretaries undersecretary minister ministers professor professors
    lecturer lecturers""".split()
)


def _after_kin(ent: SpacySpan) -> bool:
    """A name right after a relative: "his daughter Florence"."""
    return bool(ent.start) and ent.doc[ent.start - 1].lower_ in lx.KIN_WORDS


#: prepositions before a building where it is a place: "at Kelvin Hospital"
_AT_A_BUILDING = frozenset({"at", "in", "inside", "outside", "near", "to", "from"})


def _home_town(prep: Token) -> bool:
    """ "Ana Obi, 41, of Natick": where a person named with their age lives."""
    person = prep.head
    return (
        prep.lower_ == "of"
        and person.ent_type_ == "PERSON"
        and any(c.dep_ == "appos" and c.like_num for c in person.children)
    )


def _facility_slot(ent: SpacySpan) -> bool:
    """Where a building stands for where something happened: "treated at Kelvin
    Hospital", "protesters inside Kelvin University"; not "doctors at Kelvin
    Hospital", where it is who employs them."""
    root = ent.root
    while root.dep_ == "conj":
        root = root.head
    prep = root.head
    staff = prep.lower_ in ("at", "from") and _staff_noun(prep.head)
    # "researchers from Kelvin University", "a doctor at Kelvin Infirmary": who
    return root.dep_ == "pobj" and prep.lower_ in _AT_A_BUILDING and not staff


def _staff_noun(noun: Token) -> bool:
    """A noun for people who work or study somewhere, one or many, or a job:
    "researchers", "an expert", "a doctor", "the professor"."""
    lemma = noun.lemma_.lower()
    return (
        noun.lower_ in lx.PEOPLE_NOUNS
        or lemma + "s" in lx.PEOPLE_NOUNS
        or lemma in lx.ROLE_WORDS | lx.STAFF_NOUNS
    )


#: endings of nouns for people: "farmer", "activist", "historian", "fisherman"
_PEOPLE_ENDINGS = ("er", "ist", "ian", "man", "men")


def _people_of(ent: SpacySpan) -> bool:
    """ "a Varda fisherman", "the Varda nurses", "the miners of Varda": a one-word
    name set before or after a noun for people, which says where they are from."""
    root, head = ent.root, ent.root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.i == ent.start - 1:
        head = head.head
    elif root.dep_ != "compound" or head.i != ent.end:
        return False
    if len(ent) > 1:
        return False
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in lx.INSTITUTION_NOUNS | lx.PLACE_NOUNS:
        return False
    return (
        _staff_noun(head)
        or lemma in lx.PERSON_WORDS | lx.PERSON_DESCRIPTIONS | lx.UNNAMED_SOURCES
        or lemma.endswith(_PEOPLE_ENDINGS)
    )


def _side_slot(tok: Token) -> bool:
    """Where a side stands: "Leeds beat …", "Leeds's defeat", "Leeds coach X", "lost
    to Leeds", "wins over Bristol and Leeds"; not "the Leeds club"."""
    dep = tok.dep_
    if dep == "conj":
        return _side_slot(tok.head)
    if dep == "compound":
        return tok.head.lower_ not in _CLUB_WORDS
    if dep in ("nsubj", "nsubjpass", "dobj", "poss", "appos"):
        return True
    if dep != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "to":  # "lost to X", not "travel to X"
        return prep.head.lemma_.lower() in _LOSING
    if prep.lower_ == "past":  # "cruised past X", not "drove past X"
        return prep.head.lemma_.lower() not in lx.TRAVEL_VERBS | {"go", "pass"}
    return prep.lower_ in _SIDE_PREPS


def _national_side(tok: Token) -> bool:
    """Where a country is the side that plays: "Norway beat Austria", "drew with
    Chile", "lost to Peru", "Chile's goalkeeper"; not "in Chile"."""
    dep, head = tok.dep_, tok.head
    if dep == "conj":
        return _national_side(head)
    if dep in ("nsubj", "dobj"):
        return head.lemma_.lower() in lx.MATCH_VERBS
    if dep == "poss":
        return head.lower_ in lx.SIDE_WORDS
    if dep != "pobj":
        return False
    if head.lower_ == "with":
        return head.head.lemma_.lower() in ("draw", "tie")
    if head.lower_ == "to":
        return head.head.lemma_.lower() in _LOSING
    return head.lower_ in ("against", "over", "past")


def _place_by_words(ent: SpacySpan) -> bool:
    """What the words around a name say it is a place: a noun for a kind of place
    in apposition ("Ormsby, a town in the north"), after it ("the Kavrin slum") or
    before it ("the village of Ormsby"), or a side of it ("15 miles north of Ormsby").
    Not a body named after a place ("the Party Committee of Ormsby, the capital")."""
    if any(t.lower_ in lx.INSTITUTION_NOUNS for t in ent):
        return False
    root = ent.root
    beside = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    if root.dep_ == "compound" and root.head.i == ent.end:
        beside.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        # "Ormsby is a town in the north": what the sentence says the name is
        beside.extend(c for c in root.head.children if c.dep_ == "attr")
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in lx.PLACE_NOUNS for t in beside):
        return True
    while root.dep_ == "conj":
        root = root.head  # "the towns of Ormsby and Kellan": as the first one goes
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of":
        return False
    if of.head.lower_ in lx.OF_PLACE_WORDS:
        if any(t.pos_ == "PROPN" for t in ent.doc[of.i + 1 : ent.start]):
            return False  # "Mayor of Ormsby Sefa Milan": the mayor's name
        # "the mayor of Ormsby" (not "the governor of the Ormsby Bank")
        return not any(t.lower_ in lx.ORG_SUFFIXES for t in ent)
    # "east of Ormsby"; "the village of Ormsby", "the towns of …" (not "the people
    # of Ormsby")
    return of.head.lower_ in lx.COMPASS_WORDS or (
        of.head.pos_ == "NOUN" and of.head.lemma_.lower() in lx.PLACE_NOUNS
    )


#: a city this large, named where the NER saw a person, is the city anywhere
_WORLD_CITY = 1_000_000


#: a capitalised name after a word of where: "in Velmora", "near Kestrin"
_AFTER_WHERE = re.compile(
    r"\b(?:in|at|near|to|from|outside|around|across)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
)


def _where_slot(ent: SpacySpan) -> bool:
    """ "in X", "to X", "from X": where a place stands."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS | {
        "at",
        "to",
        "from",
    }


def _placed(ent: SpacySpan) -> bool:
    """Whether the words around ``ent`` show it to be a place: "in X", "the town
    of X", "fled to X"."""
    return _where_slot(ent) or _place_by_words(ent) or _travelled_to(ent)


def _travelled_to(ent: SpacySpan) -> bool:
    """ "sailed to Tarsk", "fled from Varda", "marched through Orlen", "the border
    between Tarsk and Varda", "born in Tarsk": where a journey leads, what a
    border or a road joins or where someone lives is a place; not a body by its
    name's last word ("returned to Orlen Bank")."""
    root = ent.root
    while root.dep_ == "conj":
        root = root.head  # "the border between Tarsk and Varda"
    prep = root.head
    if root.dep_ != "pobj" or ent[-1].lower_ in lx.ORG_SUFFIXES | lx.INSTITUTION_NOUNS:
        return False
    if ent.text.isupper():
        return False  # "moved to NASA": letters in capitals are a body's more often
    if prep.lower_ == "between":
        return prep.head.lemma_.lower() in lx.LINK_NOUNS
    if prep.lower_ == "in" and prep.head.pos_ == "VERB":
        return prep.head.lemma_.lower() in lx.HOME_VERBS  # "born in Ormsby"
    return (
        prep.lower_ in ("to", "from", "into", "through")
        and prep.head.lemma_.lower() in lx.TRAVEL_VERBS
    )


#: nouns for a part of a company, which a name before them names ("its Orlen unit")
_BUSINESS_PARTS = frozenset("unit division subsidiary affiliate".split())
#: nouns for a kind of business whose examples "like" or "such as" names
_BUSINESS_KINDS = (
    lx.BUSINESS_DESCRIPTORS
    | lx.BUSINESS_NOUNS
    | frozenset("website site platform app provider service network brand".split())
)


def _a_business(ent: SpacySpan) -> bool:
    """ "apps like Vardagram and Kellanbook", "firms such as Orlen": a name given
    as an example of a kind of business is a business."""
    root = ent.root
    while root.dep_ == "conj":
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("like", "as", "including"):
        return False
    if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
        return False  # "as" alone: "known as Orlen", "served as"
    kind = prep.head
    return kind.pos_ == "NOUN" and kind.lemma_.lower() in _BUSINESS_KINDS


def _maker_of_a_work(ent: SpacySpan) -> bool:
    """ "a Varda documentary", "the third Orlen series": a name right before the noun
    for a work made for the screen is the company or channel that made it."""
    root = ent.root
    head = root.head
    return (
        root.dep_ == "compound"
        and head.i == ent.end
        and head.pos_ == "NOUN"
        and head.lower_ in lx.SCREEN_WORKS
    )


def _an_airline(ent: SpacySpan) -> bool:
    """ "Air Varda", "Air Tarsk Cargo": a name that opens with "Air" is a carrier's
    (not "Air Force", a body the NER names as such)."""
    words = [t.text for t in ent if t.lower_ != "the"]
    return len(words) >= 2 and words[0] == "Air" and "Force" not in words


#: "Varda's version of Kellanbook", "its answer to Kellanbook"
_LIKENESS_NOUNS = frozenset({"version", "equivalent", "answer", "rival", "clone"})


def _with_own_s(ent: SpacySpan) -> SpacySpan:
    """The entity with the "'s" after it when that is part of its name: a firm's
    name ("Kellan's said …", "a spokesman for Kellan's") owns nothing, where a
    possessive ("Kellan's office") owns the noun after it. A person's "'s" stays
    a possessive, and so does that of a name the article writes without it too
    ("Kellan said …": the parser misreads "Kellan's and Varda's drugs")."""
    if ent.label_ in ("PERSON", "GPE") or ent.end >= len(ent.doc):
        return ent
    after = ent.doc[ent.end]
    owner = ent[-1]
    if after.lower_ not in lx.NAME_S or after.dep_ != "case" or after.head != owner:
        return ent
    if owner.dep_ == "poss" or _written_bare(ent):
        return ent
    return ent.doc[ent.start : ent.end + 1]


def _written_bare(ent: SpacySpan) -> bool:
    """Whether the article writes the entity's words somewhere with no "'s" after."""
    bare = re.compile(rf"\b{re.escape(ent.text)}\b(?![’']s\b)")
    return bare.search(ent.doc.text) is not None


def _named_with_s(ent: SpacySpan) -> bool:
    """An entity that ends in the "'s" of its name (see :func:`_with_own_s`)."""
    last = ent[-1]
    return (
        len(ent) > 1
        and ent.label_ not in ("PERSON", "GPE")
        and last.lower_ in lx.NAME_S
        and last.dep_ == "case"
        and last.head.dep_ != "poss"
        and not _written_bare(ent[:-1])
    )


def _platform_as_medium(ent: SpacySpan) -> bool:
    """A social network named as where words were posted ("she wrote on Twitter")
    or as a likeness ("a rival's version of Kellanbook"): the medium, no actor of the
    story; not one that acts ("Twitter removed the post", "the Twitter account")."""
    if fold(ent.text.removeprefix("the ")) not in lx.PLATFORMS:
        return False
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj":
        return False
    if prep.lower_ in ("across", "via"):
        return True
    if prep.lower_ == "on":  # "wrote on X", not "a fine on X"
        return prep.head.lemma_.lower() in lx.POSTING_WORDS
    return prep.lower_ in ("of", "to") and prep.head.lemma_.lower() in _LIKENESS_NOUNS


def _listed_with_an_agent(tok: Token) -> bool:
    """ "Paris and Orlen signed the deal": a name joined to the subject of a deed
    acts with it, whatever the first one is; not "Tarsk and Berlin were hit" nor
    "Tarsk and Varda are cities"."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_ != "be"


def _common_noun_first(ent: SpacySpan) -> bool:
    """ "Media accounts claimed …": a common noun that opens a sentence, capitalised for
    that alone, which the NER took for a name (the tagger knows it is none)."""
    tok = ent[0]
    return (
        len(ent) == 1
        and bool(tok.is_sent_start)
        and tok.tag_ in ("NN", "NNS")
        and not tok.is_upper
    )


def _unit_of(ent: SpacySpan) -> bool:
    """ "(0700 GMT)", "40 mbd": a one-word abbreviation (not a capitalised name:
    "20 Taliban") right after a figure, and no modifier of a noun ("20 AFP
    reporters"), is a unit or a time zone, not a name."""
    if len(ent) != 1 or not ent.start or ent[0].is_title:
        return False
    before = ent.doc[ent.start - 1]
    figure = any(c.isdigit() for c in before.text) and before.like_num
    return figure and ent.root.dep_ != "compound"


def _disease_named(ent: SpacySpan) -> bool:
    """ "Orlen fever", "Tarsk flu": a name with the word for a disease after it, in
    the name or as the noun it qualifies (the NER often leaves that noun out)."""
    if len(ent) > 1 and ent[-1].lower_ in lx.DISEASE_NAME_ENDS:
        return True
    root = ent.root
    return (
        root.dep_ == "compound"
        and root.head.i == ent.end
        and root.head.lower_ in lx.DISEASE_NAME_ENDS
    )


def _names_a_thing(ent: SpacySpan) -> bool:
    """ "the Velmora Composite Index", "the Northern Games", "the Velmora Accord": a name whose
    head noun is a measure, an event or an agreement; or what a company makes ("it
    makes Crunchos and Fizzbars"). None of these is an actor."""
    root = ent.root
    if len(ent) > 1 and root.is_title and root.lower_ in lx.THING_NAME_HEADS:
        return True
    if _title_of_a_work(ent):
        return True
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root.dep_ == "dobj" and root.head.lemma_.lower() in lx.MAKING_VERBS


#: last words of a company's name, never of a work's title
_COMPANY_ENDS = lx.COMPANY_FORMS | frozenset(
    "productions records pictures films studios entertainment group".split()
)


def _title_of_a_work(ent: SpacySpan) -> bool:
    """ "the album Midnight Rivers", "her novel, The Silent Harbour,": a title that
    stands beside the noun for its work."""
    root = ent.root
    if ent[-1].lower_ in _COMPANY_ENDS and ent.label_ == "ORG":
        return False  # "the company that runs the show, Orlen Productions,"
    beside = [root.head] if root.dep_ in ("appos", "compound") else []
    beside += [c for c in root.children if c.dep_ == "appos"]
    if ent.start > 0 and root.dep_ not in ("nsubj", "nsubjpass"):
        beside.append(ent.doc[ent.start - 1])  # "the film Blue Orchard", unparsed
    if any(t.lemma_.lower() in lx.WORK_NOUNS and t.pos_ == "NOUN" for t in beside):
        return True
    return _starred_in(root) or _part_of_a_work(root)


def _part_of_a_work(root: Token) -> bool:
    """ "the third season of Varda Nights", "the sequel to Orlen Road": what a
    season, an episode or a sequel is of is a work."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in ("of", "to")
        and prep.head.lower_ in lx.WORK_PARTS
    )


def _a_character(ent: SpacySpan) -> bool:
    """ "she plays Captain Varda Orlen in the series", "cast as Orlen": the part a
    performer plays, a character of a work (the sentence names one), not a person.
    Not a side's opponent: callers leave match reports out."""
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":
        # "cast as", "his role as", "reprise her role as"
        verb = head.head
        role = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return verb.lemma_.lower() in lx.ROLE_VERBS | lx.PERFORMING_VERBS or any(
            t.lemma_.lower() in lx.ROLE_NOUNS for t in role
        )
    if root.dep_ != "dobj" or head.lemma_.lower() not in lx.ROLE_VERBS:
        return False
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in lx.WORK_NOUNS for t in ent.sent)


def _a_competition(ent: SpacySpan) -> bool:
    """ "the Orlen Open", "the Varda Cup": a contest named after a place."""
    return len(ent) > 1 and ent[-1].is_title and ent[-1].lower_ in lx.COMPETITION_HEADS


def _starred_in(root: Token) -> bool:
    """ "starred in Breaking Orlen", "appeared in Varda Nights": what a performer
    is in is a work."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.lemma_.lower() in lx.PERFORMING_VERBS
    )


def _numbered(ent: SpacySpan) -> bool:
    """ "the SX 500", "the VT 200": an abbreviation that a number (no year) follows,
    the name of an index, a model or a series, which is no actor; and the word of a
    model's name after its number ("the Boeing 737 Max")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        len(ent) == 1
        and before is not None
        and before.is_digit
        and not 1900 <= int(before.text) <= 2100
        and not 1 <= int(before.text) <= 31
    ):
        return True
    if len(ent) != 1 or not ent[0].is_upper or ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return (
        nxt.is_digit
        and 2 <= len(nxt) <= 4
        and not 1900 <= int(nxt.text) <= 2100
        and bool(ent[0].whitespace_)
    )


def _a_device(ent: SpacySpan) -> bool:
    """ "iPhone", "Microsoft Windows", "MacBook Pro", "iPad 2": a device, a system
    or a currency by its name; not "the Bitcoin Foundation"."""
    # the NER may run on over a full stop and a paragraph break
    words = [t for t in ent if t.pos_ != "DET" and not (t.is_punct or t.is_space)]
    if not words:
        return False
    last = words[-1]
    if last.text in lx.TECH_PRODUCTS:
        return True
    model = last.like_num or last.text in ("Pro", "Air", "Mini", "Max", "Plus")
    return words[0].text in lx.TECH_PRODUCTS and len(words) == 2 and model


def _thing_named(ent: SpacySpan) -> bool:
    """ "a drone named Varda Hawk", "a strain of malware, dubbed Orlen Smith": the
    name given to a made thing (not "a man named Tomas Varda")."""
    root = ent.root
    verb = root.head
    thing = verb.head
    return (
        root.dep_ in ("oprd", "attr")
        and verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.lemma_.lower() in lx.NAMING_VERBS
        and thing.pos_ == "NOUN"
        and thing.lemma_.lower() in lx.PRODUCT_NOUNS | lx.WORK_NOUNS
    )


def _things_named(ents: list[SpacySpan]) -> set[str]:
    """The names, folded, that the article gives to a made thing or a work beside
    the word for it somewhere ("the Orlen jet", "the film Varda Nights"): a thing
    where else they modify a word or follow one ("Orlen production"). Not a name
    with a firm's word ("Orlen Motors cars"), nor one that speaks anywhere, nor a
    channel before its work ("a Varda documentary"): the maker's."""
    named = [_without_article(e) for e in ents]
    things = {
        fold(clean_name(e.text))
        for e in named
        if (_product_of(e) or _title_of_a_work(e) or _thing_named(e))
        and not _maker_of_a_work(e)
    }
    makers = {
        fold(clean_name(e.text))
        for e in ents
        if e[-1].lower_ in lx.ORG_SUFFIXES
        or e.root.dep_ == "nsubj"
        and e.root.head.lemma_.lower() in lx.CUE_VERBS
    }
    return things - makers


def _held_in(ent: SpacySpan) -> bool:
    """ "shares of Orlen", "a stake in Orlen", "Orlen's shares": a name that shares
    or a stake are held in, a firm."""
    root = ent.root
    if root.dep_ in ("poss", "compound"):
        return root.head.lower_ in _HOLDINGS
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "in"):
        return False
    # "bought shares in Orlen", where the parser hangs "in" on the verb
    held = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj")]
    return any(t.lower_ in _HOLDINGS for t in held)


def _without_article(ent: SpacySpan) -> SpacySpan:
    """The name without the "the" the NER took in, which the parse may hang on the
    noun after it ("the Orlen jet")."""
    if len(ent) > 1 and ent[0].lower_ == "the":
        return SpacySpan(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def _model_code(tok: Token) -> bool:
    """A model's code: capital letters then figures ("K350", "B52"), one token."""
    return bool(re.fullmatch(r"[A-Z]{1,3}-?\d{2,4}", tok.text))


def _product_of(ent: SpacySpan) -> bool:
    """ "the Qorix browser", "Vexa tablets": a name that only says which make or
    model of a thing is meant, as the modifier of a noun for a made thing."""
    root = ent.root
    head = root.head
    return (
        root.dep_ == "compound"
        and head.pos_ == "NOUN"
        and (head.lower_ in lx.PRODUCT_NOUNS or head.lemma_.lower() in lx.PRODUCT_NOUNS)
    )


# "Ana Hart contributed to this report", "Ana Hart wrote this story in Porto",
# "Additional reporting by …": a sentence that credits the reporters, whom no
# reader takes for actors of the story (nor their outlet, "the Wire's Ana Hart");
# not "she wrote the report", a deed of the story
_CREDIT = re.compile(
    r"\b(?:contributed|reported|wrote|compiled|written)\s+(?:to\s+)?this\s+"
    r"(?:report|story|article)\b|\bcontributed\s+(?:reporting|from)\b"
    r"|^(?:Additional\s+)?(?:reporting|writing|editing)\s+by\b",
    re.I,
)
# the page around the story, left in its text: "(Story continues below)",
# "Click here …", "Read more: …"
_FURNITURE = re.compile(
    r"^\W*(?:story continues|see next story|click here|read more\b|"
    r"read the (?:original|full) (?:article|story))",
    re.I,
)
# "By Ana Hart", "By . Ana Hart .": a byline left at the top of the text, names
# only up to its stop (not "By Monday Ana Hart had left", a sentence)
_BYLINE = re.compile(r"By\s*\.?\s+(?:[A-Z][\w'’-]*\.?[ \t]*){1,5}(?=\s*(?:[.,\n|]|$))")


def off_story(doc: Doc) -> set[int]:
    """Indices of the tokens that are no part of the story: a sentence that credits
    the article's reporters, a byline at the top, the page's own words ("Story
    continues below"). Their names are no mentions (the places where reporters
    wrote still are), and their verbs no claims."""
    found: set[int] = set()
    for sent in doc.sents:
        if _CREDIT.search(sent.text) or _FURNITURE.match(sent.text):
            found.update(range(sent.start, sent.end))
    byline = _BYLINE.match(doc.text)
    if byline is not None:
        found.update(t.i for t in takewhile(lambda t: t.idx < byline.end(), doc))
    return found


def _is_sports_report(doc: Doc) -> bool:
    """A match report (a score and the words of the game), or a story of the game
    without a score (a manager's sacking, a signing) that uses four of the words
    only games have ("squad", "season", "league"; not "goal", "win" or "draw",
    which politics uses too)."""
    lemmas = [t.lemma_.lower() for t in doc]
    if SCORE.search(doc.text):
        return sum(1 for w in lemmas if w in lx.SPORTS_REPORT_WORDS) >= 3
    return len(set(lemmas) & lx.SPORTS_ONLY_WORDS) >= 4


def find_mentions(doc: Doc) -> Mentions:
    """The :class:`Mentions` of a parsed Doc."""
    return _MentionFinder(doc).run()


def mentions_of(doc: Doc) -> Mentions:
    return stage(doc, "newskb_mentions", find_mentions)


@Language.factory(
    "newskb_mentions",
    requires=["doc.ents", "token.dep", "token.pos", "doc._.newskb_dates"],
    assigns=["doc._.newskb_mentions"],
)
def make_mentions(nlp: Language, name: str) -> Stage:
    return Stage("newskb_mentions", find_mentions)


class _MentionFinder:
    """The mention rules over one parsed article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text = text_of(doc)
        self.dates = dates_of(doc)
        self.gaz = gazetteer_of(doc)
        self.found = Mentions(
            ent_at={i: e for e in doc.ents for i in range(e.start, e.end)}
        )
        self.ent_at = self.found.ent_at
        self.lower_words = set(re.findall(r"[\w-]+", text))
        # surnames of the people the NER names in full, and names of storms
        self.surnames = {
            family_name([t.text for t in e])[-1]
            for e in doc.ents
            if e.label_ == "PERSON" and len(e) >= 2
        }
        self.place_names = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
        # "Orlen Meria" of "the Orlen Meria district": a name the text gives a
        # region's word after, a place wherever the NER takes it for someone
        self.region_names = {
            fold(e.text)
            for e in doc.ents
            if e.label_ in ("GPE", "LOC")
            and e.end < len(doc)
            and doc[e.end].lower_ in REGION_WORDS
        }
        self.first_names = {
            e[0].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
        }
        # names of companies: the first words of the organisations the NER names in
        # two words or more, and "the Japanese Hamamatsu"
        self.companies = {
            e[0].text if len(e) > 1 else e.text
            for e in doc.ents
            if e.label_ == "ORG" and (len(e) > 1 or self._company_of_a_nation(e))
        }
        self.title_lines: dict[int, bool] = {}  # line start → whether in title case
        self.storm_names = {
            fold(doc[t.i + 1].text)
            for t in doc[:-1]
            if t.lower_ in lx.STORM_WORDS and doc[t.i + 1].is_title
        }
        # "XWB" of "the K350 XWB": the letters after a model's code name a
        # version of the model wherever they stand alone
        self.model_names = {
            fold(doc[t.i + 1].text)
            for t in doc[:-1]
            if _model_code(t) and doc[t.i + 1].pos_ == "PROPN"
        }
        self.sports = self.found.sports = _is_sports_report(doc)
        self.off_story = self.found.off_story = off_story(doc)

    def run(self) -> Mentions:
        ents = merged_ents(self.doc, self.ent_at, self.dates.dateline_tok, self.gaz)
        self.things = _things_named(ents)
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
            self._share_issuer(tok)
        self._short_forms()
        self._repeated_names()
        self.found.placed |= self._placed_names()
        settle_kinds(
            self.found.items,
            self.found.placed,
            self._people_names(),
            self._titled_surnames(),
        )
        return self.found

    def _placed_names(self) -> set[str]:
        """The names the article itself shows to be places: its dateline's, and
        those it writes where a place stands ("in Marbeck", "the mayor of
        Marbeck"), besides the towns of bodies (``_institution``)."""
        found = set(self.dates.dateline_names)
        places = {fold(m.name) for m in self.found.items if m.kind == "Location"}
        for m in self.found.items:
            span = self.doc[m.start : m.end]
            if m.kind == "Organization" and fold(m.name) in places:
                # "protested at the Statehouse" where the NER calls it a body, and a
                # place elsewhere: a building a verb takes place at is a place
                if _where_slot(span) and span.root.head.head.pos_ == "VERB":
                    found.add(fold(m.name))
            if m.kind != "Location":
                continue
            # the gazetteer alone is no such evidence: a town may share its name with a firm
            if _place_by_words(span) or _travelled_to(span):
                found.add(fold(m.name))
            elif _where_slot(span) and not _held_in(span):
                found.add(fold(m.name))  # "in Marbeck", not "shares in Kellan"
        return found

    def _titled_surnames(self) -> set[str]:
        """Folded one-word names of people the article writes after a title ("Mr
        Brandt", "Dr. Lopez"): surnames, whoever the NER took the full name for."""
        return {
            fold(m.name)
            for m in self.found.items
            if m.kind == "Person"
            and len(m.name.split()) == 1
            and m.start > 0
            and self.doc[m.start - 1].lower_ in lx.HONORIFICS
        }

    def _people_names(self) -> set[str]:
        """Folded names that are someone's as well as a place's: a named person's
        first name or surname, a company's short name."""
        names = self.surnames | self.first_names | self.companies
        return {fold(n) for n in names}

    def _add(self, m: Mention) -> None:
        self.found.add(m)

    def _taken(self, start: int, end: int) -> bool:
        return any(i in self.found.token_mention for i in range(start, end))

    def _dateline_places(self) -> None:
        """The place and region of a dateline are places, whatever the NER calls
        them ("CALLOWAY BAY" as a person): a report is filed from somewhere."""
        if self.dates.dateline is None:
            return
        for a, b in self.dates.dateline.places:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            # "Ill." of "Dekalb, Ill. —" is Illinois
            place = self.gaz.lookup(AP_STATES.get(span.text, span.text))
            name = self._usual_case(span.text)
            self._add(Mention(span.start, span.end, "Location", name, place=place))

    def _usual_case(self, name: str) -> str:
        """ "KESTREL POINT" as the article writes it elsewhere, else in title case."""
        if not name.isupper():
            return name
        for m in re.finditer(re.escape(name), self.text, re.IGNORECASE):
            if not m.group(0).isupper():
                return m.group(0)
        return name.title()

    def _entity_mention(self, ent: SpacySpan) -> None:
        if ent.start < self.dates.dateline_tok:
            # the dateline's place and region are mentions already; an agency there
            # filed the report, it does nothing in the story
            return
        if ent.start in self.off_story and self.gaz.lookup(ent.text) is None:
            return  # a reporter credited, their outlet, the page's links
        if _platform_as_medium(ent):
            return  # "posted on Twitter": where the words went, not who spoke
        ent = self._without_office_place(_with_own_s(_without_leading_verb(ent)))
        text = clean_name(ent.text, owns=not _named_with_s(ent))
        if (
            not text
            or not any(c.isalpha() for c in text)
            or text.lower() in lx.PRONOUNS
        ):
            return
        if len(ent) == 1 and (
            ent[0].lower_ in lx.ROLE_WORDS | lx.KIN_WORDS
            or self._common_word(ent[0])
            or ent[0].text in lx.COMMON_ACRONYMS
        ):
            return
        if _a_device(ent):
            return  # "Microsoft Windows", "the MacBook Pro" stay things
        if not_a_name(ent) or _office_of_a_title(ent):
            return
        if fold(ent[-1].text) in self.storm_names:
            return  # "Typhoon Kalmaegi": a storm is the event, not an actor or a place
        if len(ent) == 1 and fold(ent.text) in self.model_names:
            return  # "XWB stands for …" after "the K350 XWB": a model, no one
        place = self.gaz.lookup(self._state_name(ent, text))
        if place is None and not self._confirmed(ent):
            return
        if place is None and (
            _common_noun_first(ent)
            or _product_of(ent)
            or _thing_named(ent)
            or _unit_of(ent)
            or _numbered(ent)
        ):
            return
        if (
            place is None
            and fold(text) in self.things
            and ent.root.dep_ not in ("nsubj", "nsubjpass")
            and not _held_in(ent)
        ):
            # "the Orlen jet" once: the jet where the NER takes it for a body; a
            # subject ("Orlen flew past …") stays, as the doer of an event, and so
            # does a firm that shares are held in
            return
        if place is None and ent.label_ not in ("GPE", "LOC") and _names_a_thing(ent):
            self._place_in_name(ent)
            return
        if place is None and (_a_competition(ent) or _starred_in(ent.root)):
            self._place_in_name(ent)
            return  # "the Orlen Open", "starred in Varda Nights", as a place too
        if not self.sports and ent.label_ == "PERSON" and _a_character(ent):
            return  # "plays Captain Orlen in the series": a character
        if place is None and text.lower() in lx.ONE_WORD_EVENTS:
            return  # "the Oscars", whatever the NER took it for
        if text.lower() in lx.HOLIDAYS:
            return  # "during Ramadan": a time of the year
        label = self._label(ent, text, place)
        if label is None:
            return  # nationalities make groups and institutions, see _group/_institution
        if label == "PERSON" and ent.label_ in ("GPE", "LOC", "FAC"):
            start = name_start(self.doc, self.ent_at, ent.start)
            if start < ent.start or place is None:
                # the first name the NER left out, and no town of that name
                ent, place = SpacySpan(self.doc, start, ent.end, "PERSON"), None
        if place is None and label in ("GPE", "LOC") and ent[-1].tag_ == "NNPS":
            if not self._a_region_of_plurals(ent, text):
                self._add(Mention(ent.start, ent.end, "Group", text))
                return
        if self._team(ent, place):
            self._add(Mention(ent.start, ent.end, "Organization", text))
            return
        if label in ("GPE", "LOC", "FAC") or self._is_misfiled_place(ent, place):
            self._add(Mention(ent.start, ent.end, "Location", text, place=place))
            return
        if label == "PRODUCT":
            return
        if label == "PERSON" and ent[-1].lower_ in _NOT_PEOPLE_ENDS:
            label = "ORG"  # "Orlen Productions", "Twitter"
        elif label == "ORG" and ent[0].lower_ in lx.HONORIFICS and len(ent) > 1:
            label = "PERSON"  # "Mr Obi said": no organisation has an honorific
        elif label == "ORG" and self._has_role(ent):
            label = "PERSON"  # "Ana Obi, the mayor": the NER's organisation is a person
            ent = SpacySpan(
                self.doc,
                name_start(self.doc, self.ent_at, ent.start),
                ent.end,
                "PERSON",
            )
        if label == "ORG" and self._title_of_name(ent):
            return
        if label == "PERSON":
            span, role = strip_titles(self.doc, ent)
            name = clean_name(span.text)
            if name and name.lower() not in lx.ROLE_WORDS:
                self._add(Mention(span.start, span.end, "Person", name, role))
            return
        self._add(Mention(ent.start, ent.end, "Organization", text))

    def _without_office_place(self, ent: SpacySpan) -> SpacySpan:
        """ "Mayor of Velmora Anna Kovalik": the NER runs the place of the office
        into the name after it. The place is a mention of its own; the rest of
        the name, the person's."""
        if len(ent) < 2 or ent.start < 2:
            return ent
        of, title = self.doc[ent.start - 1], self.doc[ent.start - 2]
        if of.lower_ != "of" or not title.is_title or title.lower_ not in lx.ROLE_WORDS:
            return ent
        for end in range(ent.end - 1, ent.start, -1):
            rest = self.doc[end : ent.end]
            if not all(t.pos_ == "PROPN" and t.is_title for t in rest):
                continue
            if ent.label_ != "PERSON" and (
                len(rest) < 2 or first_name_gender(rest[0].text) is None
            ):
                continue  # "Minister of Varda Energy Company": no one's name
            place = self.gaz.lookup(self.doc[ent.start : end].text)
            if place is not None and not place.weak:
                name = clean_name(self.doc[ent.start : end].text)
                self._add(Mention(ent.start, end, "Location", name, place=place))
                return SpacySpan(self.doc, end, ent.end, "PERSON")
        return ent

    def _state_name(self, ent: SpacySpan, text: str) -> str:
        """ "Calif.", "S.C.": a state by its abbreviation, with the full stop that
        makes it one, is the state, as in a dateline; any other name as it is."""
        start = ent.start_char
        short = text + "."
        if short in AP_STATES and self.text[start : start + len(short)] == short:
            return AP_STATES[short]
        return text

    def _place_in_name(self, ent: SpacySpan) -> None:
        """ "the Berlin Marathon", "the Oslo Film Festival": the place an event is
        named after, when the gazetteer knows its words: the words before its head
        (not "Summit" of "the Summit of the Northern States")."""
        words = [
            t
            for t in ent
            if t.i < ent.root.i and not (t.lower_ == "the" and t.i == ent.start)
        ]
        for end in range(len(words), 0, -1):
            span = self.doc[words[0].i : words[end - 1].i + 1]
            place = self.gaz.lookup(span.text)
            if place is not None and not place.weak:
                name = clean_name(span.text)
                self._add(Mention(span.start, span.end, "Location", name, place=place))
                return

    def _title_of_name(self, ent: SpacySpan) -> bool:
        """ "U.S. Surgeon General Ana Ruiz": the NER's organisation ends a title that
        runs on into a name; the name is a person with that title. True when the
        organisation is no more than the title's first words ("… General")."""
        doc = self.doc
        j = ent.end
        while j < len(doc) and doc[j].is_title and doc[j].lower_ in lx.ROLE_WORDS:
            j += 1
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
            k += 1
        if j == ent.end or k == j:
            return False
        if not any(self.ent_at.get(i) is not None for i in range(j, k)):
            role = doc[ent.start : j].text
            self._add(Mention(j, k, "Person", clean_name(doc[j:k].text), role))
        return doc[ent.end].lower_ == "general"

    def _confirmed(self, ent: SpacySpan) -> bool:
        """A name in a line in title case ("Mayor Wades In, Urges Calm") counts only
        when the article writes it elsewhere too: the NER cannot tell names by their
        capitals there."""
        start = self.text.rfind("\n", 0, ent.start_char) + 1
        end = self.text.find("\n", ent.end_char)
        end = len(self.text) if end < 0 else end
        if start not in self.title_lines:
            self.title_lines[start] = _title_case(
                self.text[start:end], self.lower_words
            )
        if not self.title_lines[start]:
            return True
        rest = self.text[:start] + "\n" + self.text[end:]
        return re.search(rf"\b{re.escape(ent.text)}\b", rest) is not None

    def _label(self, ent: SpacySpan, text: str, place: Place | None) -> str | None:
        """The NER's label, corrected by what the article and the gazetteer say;
        None for a nationality or demonym."""
        label = ent.label_
        if label == "NORP" and len(ent) > 1 and ent[-1].lower_ in lx.PLACE_NAME_HEADS:
            return "LOC"  # "Plaquemines Parish": no people is named by a place's head
        if label == "NORP" and fold(text) in self._norp_places:
            return "GPE"  # "in Velmora", "the city of Velmora": the NER saw a people
        if label == "NORP" or (label == "GPE" and place is None and is_demonym(ent)):
            return None
        if label in ("ORG", "PERSON") and len(ent) == 1 and ent[0].tag_ == "JJ":
            return None  # "her Zorvian trip": an adjective, not a name
        if place is None and text.lower() in lx.LANGUAGE_NAMES:
            return None  # "an Urdu daily": a language
        if place is None and len(ent) == 1 and nationality_word(self.gaz, text):
            return None  # "a Palauan official": a country's people, not a name
        if place is None and self._someone_from(text):
            return None  # "a Briton", "an Icelander": someone from a place
        if (
            label in ("GPE", "LOC", "ORG", "PERSON")
            and len(ent) == 1
            and (place is None or place.kind == "city")
            and text in self.first_names
            and not _where_slot(ent)
        ):
            return "PERSON"  # "Austin" after "Austin Reed", where no place stands
        if _after_kin(ent):
            return "PERSON"  # "his daughter Florence"
        if fold(text) in lx.NEWS_AGENCIES:
            return "ORG"  # "a report from Bloomberg": the agency, not a place
        if label != "PRODUCT" and fold(text) in lx.PLATFORMS:
            return "ORG"  # "posted on Reddit": a company's site, not a place
        if label in ("GPE", "LOC", "PERSON") and place is None and _a_business(ent):
            return "ORG"  # "apps like Vardagram and Kellanbook"
        if label in ("GPE", "LOC") and place is None and _maker_of_a_work(ent):
            return "ORG"  # "a Varda documentary": the channel that made it
        if label in ("GPE", "LOC", "FAC", "PERSON") and _an_airline(ent):
            return "ORG"  # "Chile's Air Varda": a carrier, not an airport
        if fold(text) in self.dates.dateline_names:
            return "GPE"  # "Residents of Kelbridge" after the dateline "KELBRIDGE —"
        if label in ("PERSON", "ORG") and fold(text) in self.region_names:
            return "GPE"  # "fled Orlen Meria" after "the Orlen Meria district"
        if (
            label in ("GPE", "LOC", "FAC")
            and ent[-1].lower_ in lx.INSTITUTION_NOUNS - lx.PLACE_NAME_HEADS
        ):
            return "ORG"  # "North Yorkshire Police", "Leinster Council"
        if (
            label in ("GPE", "LOC", "FAC")
            and (place is None or place.kind == "city")
            and text in self.surnames
        ):
            # "Ferreira" after "Lucas Ferreira"; also when a town shares the name
            return "PERSON"
        if label != "PERSON" and self._titled_surname(ent):
            return "PERSON"  # "Sheikh Fenn" after "Dario Fenn", taken for a title
        if self.sports and place is None and ent[-1].lower_ in lx.CLUB_NAME_ENDS:
            return "ORG"  # "Varda United", in a story of the game
        if label in ("GPE", "LOC", "FAC") and place is None:
            unknown = self._unknown_place_label(ent)
            if unknown is not None:
                return unknown
        if (
            label in ("GPE", "LOC")
            and len(ent) == 1
            and (place is None or place.kind == "city")
            and ent.root.dep_ in ("nsubj", "nsubjpass", "poss")
            and name_start(self.doc, self.ent_at, ent.start) < ent.start
        ):
            return "PERSON"  # "Rosa Vardo said": a first name before a town's name
        if (
            label in ("PERSON", "ORG")
            and place is not None
            and self._in_place_slot(ent)
        ):
            return "GPE"  # "in Lethbridge and Medicine Hat"
        if label in ("PERSON", "ORG") and text in self.place_names and _people_of(ent):
            return "GPE"  # "a Varda fisherman" where the NER calls Varda a place too
        if self._town_of_people(ent, label, place):
            return "GPE"  # "Porto officials said": no one in the article is Porto
        if place is None and self._unknown_name(ent, label) and _travelled_to(ent):
            return "GPE"  # "sailed to Tarsk", "fled from Varda"
        if label in ("PERSON", "ORG", "PRODUCT") and self._beside_place(ent):
            return "LOC"  # "near Dunmore, Kellavon", "Wales, Kellavon and Scotland"
        if label in ("PERSON", "ORG", "PRODUCT", "FAC") and _place_by_words(ent):
            return "LOC"  # "in Ormsby, a town in the north", "east of Ormsby"
        if (
            label == "ORG"
            and len(ent) > 1
            and ent[-1].lower_ in lx.FACILITY_HEADS
            and _facility_slot(ent)
        ):
            return "LOC"  # "treated at Kelvin Hospital": where, not who
        first = ent[1] if ent[0].lower_ == "the" and len(ent) > 2 else ent[0]
        if (
            label in ("PERSON", "ORG")
            and len(ent) > 1
            and first.is_title
            and first.lower_ in lx.PLACE_NAME_FIRST_WORDS
            and ent[-1].lower_
            not in lx.FACILITY_HEADS
            | lx.INSTITUTION_NOUNS
            | lx.COMPANY_FORMS
            | lx.ORG_GENERIC
        ):
            return "LOC"  # "Place Orlen", "Via Roma"
        if (
            label in ("PERSON", "ORG")
            and len(ent) > 1
            and ent[-1].is_title
            and ent[-1].lower_ in lx.PLACE_NAME_HEADS
            # a body's name the tagger cut short after a hyphened word
            and ent[-2].text != "-"
            and not any(t.pos_ == "ADP" and t.lower_ != "of" for t in ent)
            # "Anita Hill", "Grace Park": surnames too, where the NER saw a person
            and not (label == "PERSON" and ent[-1].lower_ in lx.SURNAME_PLACE_WORDS)
        ):
            return "LOC"  # "Oxford Street", "Yellowstone National Park"
        return label

    def _town_of_people(self, ent: SpacySpan, label: str, place: Place | None) -> bool:
        """A town the gazetteer knows, named before a noun for people ("Velmora
        officials", "the Velmora nurses"), where the article shows the name as a
        place somewhere ("in Velmora") and no one in it bears the name as a first
        name or surname: a surname that is also some town's name ("Kellan aides")
        stays a person's."""
        if label != "PERSON" or place is None or place.kind != "city":
            return False
        names = self.surnames | self.first_names
        return (
            ent.text not in names
            and fold(ent.text) in self._shown_as_places
            and _people_of(ent)
        )

    @cached_property
    def _shown_as_places(self) -> set[str]:
        """Folded names the article shows as a place at least once: by the NER's
        label, by the words around them ("the town of X", "fled to X"), or after a
        word of where ("in X", "near X") wherever the NER saw no name."""
        shown = {
            fold(ent.text)
            for ent in self.doc.ents
            if ent.label_ in ("GPE", "LOC") or _placed(ent)
        }
        return shown | {fold(m[1]) for m in _AFTER_WHERE.finditer(self.doc.text)}

    def _someone_from(self, name: str) -> bool:
        """ "Briton", "Icelander", "Icelanders": a word for the people of a place,
        which names no one."""
        if name in lx.DEMONYM_NOUNS:
            return True
        stem = name.removesuffix("s").removesuffix("er")
        if not name.removesuffix("s").endswith("er") or len(stem) < 4:
            return False
        return country_or_region(self.gaz, stem)

    def _unknown_place_label(self, ent: SpacySpan) -> str | None:
        """What a "place" the gazetteer does not know is when its words or its
        apposition say so: a person after a title ("Prince Osvald"), a company by its
        legal form ("Hathor Holdings Inc") or the part of one it names ("its Del
        Rio unit"), a body by the word for one that opens it ("the Bloc
        Quebecois") or by the noun set beside it ("its parent company, Hathor
        International"). None when nothing says so."""
        first, root = ent[0], ent.root
        if len(ent) > 1 and first.is_title and first.lower_ in lx.ROLE_WORDS:
            return "PERSON"
        if ent[-1].lower_ in lx.COMPANY_FORMS:
            return "ORG"
        opening = ent[1] if first.lower_ == "the" and len(ent) > 1 else first
        bodies = lx.INSTITUTION_NOUNS - lx.PLACE_NAME_HEADS
        if opening.is_title and opening.lower_ in bodies:
            if ent[-1].lower_ not in lx.PLACE_NAME_HEADS:
                return "ORG"  # "the Bloc Quebecois", "Union Velmorienne"
        if root.dep_ == "compound" and root.head.lemma_.lower() in _BUSINESS_PARTS:
            return "ORG"  # "its Del Rio unit": a part of a company
        beside = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            beside.append(root.head)
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in lx.ORG_GENERIC for t in beside):
            return "ORG"
        return None

    def _beside_place(self, ent: SpacySpan) -> bool:
        """A one-word name listed with, or set after, a name the NER calls a place;
        not "midfielder Ivo Marsh and Kenya"."""
        if len(ent) > 1 or ent.text.isupper():
            return False  # "WASHINGTON (AP)": an agency, not a place
        if ent.text in self.surnames:
            return False  # "held Obi and Moor" after "Ana Obi": a person
        before = self.doc[ent.start - 1] if ent.start else None
        if before is not None and (before.text == "(" or self._is_role(before)):
            return False
        root = ent.root
        if _listed_with_an_agent(root):
            return False
        partners = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ in ("conj", "appos"):
            partners.append(root.head)
        return any(
            (e := self.ent_at.get(p.i)) is not None and e.label_ in ("GPE", "LOC")
            for p in partners
        )

    def _in_place_slot(self, ent: SpacySpan) -> bool:
        """A name governed by a preposition of place ("in X"), or joined by "and" to
        one, stands where a place stands."""
        if ent.text in self.place_names:
            return True  # the NER calls the same name a place elsewhere
        root = ent.root
        if root.dep_ == "conj":  # "Isabela and Ilocos Norte": as the first one goes
            if _listed_with_an_agent(root):
                return False
            first = self.ent_at.get(root.head.i)
            return first is not None and (
                first.label_ in ("GPE", "LOC")
                or (
                    self.gaz.lookup(first.text) is not None
                    and self._in_place_slot(first)
                )
            )
        if root.dep_ != "pobj":
            return False
        return root.head.lower_ in _WHERE_PREPS or _home_town(root.head)

    def _team(self, ent: SpacySpan, place: Place | None) -> bool:
        """In a sports report, a club named after its city ("Leeds", "Bristol City")
        where a side stands: the one that plays, beats or loses to another; not "in
        Leeds". A country is a national side only where it plays the match."""
        if not self.sports or (place is None and ent.label_ not in ("GPE", "LOC")):
            return False
        if place is not None and place.kind == "country":
            return _national_side(ent.root)
        if place is not None and place.kind not in ("city", "admin"):
            return False
        return _side_slot(ent.root)

    def _common_word(self, tok: Token) -> bool:
        """A capitalised common noun ("Malaria killed…") that the text also writes in
        lower case elsewhere is not a name."""
        if not tok.is_title or tok.is_upper:
            return False
        if tok.lower_ in self.lower_words:
            return True
        # "Sharks are common here" beside "a shark": a plural that opens a sentence,
        # whose singular the text writes in lower case (the tagger calls it NNP)
        one = tok.lower_.removesuffix("s")
        return (
            bool(tok.is_sent_start)
            and tok.lower_.endswith("s")
            and tok.tag_ in ("NNP", "NNPS")
            and (one in self.lower_words or one.removesuffix("e") in self.lower_words)
        )

    def _is_misfiled_place(self, ent: SpacySpan, place: Place | None) -> bool:
        """spaCy calls some places PRODUCT, ORG or PERSON ("Kharkiv"): trust the gazetteer
        when the name is a country, a region, or a large city and nothing else."""
        if place is None or ent.label_ == "NORP":
            return False
        if place.weak:  # "Espírito Santo" in a story that names Brazil
            return place.kind == "admin" and place.country in self._countries
        if self._company_of_a_nation(ent) or _after_kin(ent):
            return False
        if ent.label_ == "PERSON" and self._after_role(ent):
            return False  # "the singer Houston": what someone does makes a person
        if ent.text in self.surnames:
            return place.kind in ("country", "continent")  # "Preston" of "Ann Preston"
        if ent.text in self.first_names and not _where_slot(ent):
            return place.kind in ("country", "continent")  # "Austin" of "Austin Reed"
        if place.kind == "city" and ent.label_ == "ORG" and ent.text in self.companies:
            return False  # "Hamamatsu" after "Hamamatsu Ltd": the company, for short
        if (
            place.kind == "city"
            and ent.label_ == "PERSON"
            and place.population < _WORLD_CITY
            and ent.root.dep_ in ("compound", "poss")
            and not _place_by_words(ent)
        ):
            return False  # "the Bush tax cuts": a person's name is a town's elsewhere
        if place.kind in ("country", "admin", "continent", "user"):
            return True
        return place.population >= 100_000 and len(ent) <= 2

    def _a_region_of_plurals(self, ent: SpacySpan, text: str) -> bool:
        """ "the Alps", "the Balkans", "the Rockies": a region or a range named in
        the plural, not a people ("North Koreans", "the Democrats") nor a family
        ("the Beckhams" after "David Beckham")."""
        one = text.removesuffix("s")
        return (
            ent.label_ == "LOC"
            and ent.start > 0
            and self.doc[ent.start - 1].lower_ == "the"
            and not nationality_word(self.gaz, one)
            and one not in self.surnames
        )

    @cached_property
    def _norp_places(self) -> set[str]:
        """Folded names the NER calls a people somewhere that the article shows,
        once at least, to be a town the gazetteer knows: "in X", "the city of X";
        every mention of such a name is the town (a people's name is a demonym,
        never a town's, so "in Kurdish" stays a language)."""
        found = set()
        for ent in self.doc.ents:
            if ent.label_ != "NORP" or is_demonym(ent):
                continue
            if nationality_word(self.gaz, ent.text):
                continue
            place = self.gaz.lookup(ent.text)
            if place is None or place.weak or place.kind != "city":
                continue
            if _placed(ent):
                found.add(fold(ent.text))
        return found

    @cached_property
    def _countries(self) -> set[str]:
        """The keys of the countries the NER names as places in the article."""
        found = (self.gaz.lookup(name) for name in self.place_names)
        return {p.key for p in found if p is not None and p.kind == "country"}

    def _company_of_a_nation(self, ent: SpacySpan) -> bool:
        """ "the Japanese Hitachi": a company the gazetteer also knows as a town."""
        return (
            ent.label_ == "ORG"
            and ent.start >= 2
            and self.doc[ent.start - 1].ent_type_ == "NORP"
            and self.doc[ent.start - 2].lower_ == "the"
        )

    def _institution(self, tok: Token) -> None:
        """ "Kenya's health ministry", "Porto's city council": place + institution noun."""
        if not is_institution(tok):
            return
        # the tagger calls "ministry" a proper noun after a nationality at times
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.is_lower):
            return
        mods = [
            c
            for c in tok.children
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i
        ]
        if tok.dep_ == "compound" and tok.head.lower_ in lx.MEMBER_NOUNS:
            # "Orlen Vale police officers": the parse hangs the town on "officers"
            mods += [
                c for c in tok.head.children if c.dep_ == "compound" and c.i < tok.i
            ]
        owner = next((c for c in mods if c.ent_type_ in ("GPE", "NORP", "LOC")), None)
        town = self._town_of_body(tok, mods) if owner is None else None
        owner = owner or town
        leader = owner is None and self._leaders_body(tok, mods)
        if owner is None and not leader:
            return
        owner = owner or mods[0]
        owner_span = self.ent_at.get(owner.i)
        start = owner_span.start if owner_span else owner.i
        if town is not None and owner_span is not None:
            self.found.placed.add(fold(clean_name(owner_span.text)))
        # a town the NER took for an organisation names the town's body: "Lenholm
        # police said …" at an article's start
        town_end = owner_span.end if owner_span is not None else owner.i + 1
        own = range(start, start if town is None else town_end)
        if not leader and any(
            self.doc[i].ent_type_ == "ORG" and not self.doc[i].is_lower
            for i in range(start, tok.i + 1)
            if i not in own
        ):
            return  # a name of its own ("Kenya's Ministry of Health"); not "health
            # ministry", which the NER also calls an organisation
        words = [
            t.text
            for t in self.doc[start : tok.i + 1]
            if t.dep_ != "case" and t.text not in ("'s", "’s", "'")
        ]
        name = clean_name(" ".join(words))
        place_name = clean_name(owner_span.text) if owner_span is not None else ""
        place = self.gaz.lookup(place_name) if place_name and not leader else None
        if owner_span is not None and (place is not None or town is not None):
            # the place is named inside the organisation's name: a mention of its own,
            # kept out of the token map so that the tokens resolve to the organisation
            self.found.items.append(
                Mention(
                    owner_span.start,
                    owner_span.end,
                    "Location",
                    place_name,
                    place=place,
                )
            )
        self._add(Mention(start, tok.i + 1, "Organization", name))

    def _town_of_body(self, tok: Token, mods: list[Token]) -> Token | None:
        """ "the Lenholm police", "the Porto police force": the name right before a
        town's body is the town, even where the NER takes it for a person."""
        police = tok.lower_ in lx.TOWN_BODIES or any(
            c.lower_ in lx.TOWN_BODIES for c in mods if c.dep_ == "compound"
        )
        if not police:
            return None
        return next(
            (
                c
                for c in mods
                if c.dep_ == "compound"
                and c.pos_ == "PROPN"
                and c.is_title
                and c.i in self.ent_at
            ),
            None,
        )

    def _leaders_body(self, tok: Token, mods: list[Token]) -> bool:
        """ "the Orlen administration", "the Varda government": the body a leader
        heads, named after them, right before its noun (a name of one or two words
        the NER calls a person or an organisation, even one a town has too)."""
        if tok.lower_ not in lx.LEADERS_BODIES or not mods or tok.i == 0:
            return False
        ent = self.ent_at.get(tok.i - 1)
        return (
            ent is not None
            and ent.label_ in ("PERSON", "ORG")
            and len(ent) <= 2
            and mods[0].i >= ent.start
        )

    def _share_issuer(self, tok: Token) -> None:
        """ "Groupon shares jumped", "Orlen stock fell": a name the NER missed on
        shares or stock is the company that issued them."""
        if tok.lower_ not in _SHARE_NOUNS:
            return
        names = [
            c
            for c in tok.children
            if c.dep_ == "compound" and c.i < tok.i and c.is_title and not c.is_stop
        ]
        if not names or self._taken(names[0].i, tok.i):
            return
        start = names[0].left_edge.i
        words = self.doc[start : tok.i]
        if not all(t.is_title or t.is_upper for t in words):
            return
        if self.gaz.lookup(words.text) is not None:
            return  # "Leeds shares", "Tokyo stocks": a market's place
        self._add(Mention(start, tok.i, "Organization", clean_name(words.text)))

    def _group(self, tok: Token) -> None:
        """ "South Sudanese soldiers", "The Sudanese", "French officials"."""
        if tok.i in self.found.token_mention or tok.pos_ not in ("NOUN", "PROPN"):
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
            name = clean_name(self.doc[start : tok.i + 1].text)
            self._add(Mention(start, tok.i + 1, "Group", name))
        elif tok.ent_type_ == "NORP" and tok.tag_ == "NNPS" and tok.dep_ != "pobj":
            ent = self.ent_at[tok.i]
            self._add(Mention(ent.start, ent.end, "Group", clean_name(ent.text)))

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
        if j > tok.i + 1 and not self._taken(tok.i + 1, j):
            name = clean_name(self.doc[tok.i + 1 : j].text)
            if self.gaz.lookup(name) is None:
                self._add(Mention(tok.i + 1, j, "Organization", name))

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
        start = name_start(self.doc, self.ent_at, tok.i)
        name = clean_name(self.doc[start : tok.i + 1].text)
        if self._taken(start, tok.i + 1):
            return
        if (
            self.gaz.lookup(name) is None
            and fold(name) not in self.dates.dateline_names
        ):
            self._add(Mention(start, tok.i + 1, "Person", name))

    def _titled_surname(self, ent: SpacySpan) -> bool:
        """A title and the surname of someone the NER names in full: that person
        under a title the NER took the two words for something else."""
        return (
            len(ent) == 2
            and ent[0].lower_ in lx.ROLE_WORDS | lx.HONORIFICS
            and ent[1].text in self.surnames
        )

    def _has_role(self, ent: SpacySpan) -> bool:
        """A name (no company or institution word in it) with a role in apposition,
        either side ("Ana Obi, the mayor", "the deputy mayor, Ana Obi"), or before
        it ("lawyer Ana Obi")."""
        if any(t.lower_ in lx.ORG_SUFFIXES | lx.INSTITUTION_NOUNS for t in ent):
            return False
        root = ent.root
        beside = [
            c
            for c in root.children
            if c.dep_ == "appos" or c.dep_ == "compound" and c.i < ent.start
        ]
        if root.dep_ == "appos" and root.head.i < ent.start:
            beside.append(root.head)
        return any(self._is_role(t) and t.pos_ == "NOUN" for t in beside)

    def _unknown_name(self, ent: SpacySpan, label: str) -> bool:
        """A name the NER calls a body, or one word it calls a person that is no
        one's first name or surname here: not "returned to Ana Obi"."""
        if label == "ORG":
            return True
        names = self.surnames | self.first_names
        return label == "PERSON" and len(ent) == 1 and ent.text not in names

    def _after_role(self, ent: SpacySpan) -> bool:
        """A name right after the noun for what someone does: "the singer Houston",
        "rapper Milan"."""
        return bool(ent.start) and self._is_role(self.doc[ent.start - 1])

    def _is_role(self, tok: Token) -> bool:
        """ "the mayor", "the Finance Minister", "the chief executive", and agent nouns
        ("the harbour master", "the inspector") that no company noun is."""
        if (
            tok.pos_ == "NOUN"
            and tok.lower_.endswith(_AGENT_ENDINGS)
            and tok.lower_ not in lx.ORG_GENERIC
        ):
            return True
        return tok.lower_ in lx.ROLE_WORDS or any(
            c.lower_ in lx.ROLE_WORDS
            for c in tok.children
            if c.dep_ in ("compound", "amod")
        )

    def _short_forms(self) -> None:
        """Short forms the NER missed: an upper-case token that abbreviates a named
        organisation ("WHO"), a web business's name without its address ("Velmora"
        of "Velmora.com"), and a named person's surname on its own ("Elkins")."""
        items = self.found.items
        acronyms = {acronym(m.name): m for m in items if m.kind == "Organization"}
        stems = {web_name_stem(m.name) for m in items if m.kind == "Organization"}
        surnames = {
            family_name(m.name.split())[-1]
            for m in items
            if m.kind == "Person" and len(m.name.split()) > 1
        }
        given = self._given_names_alone()
        taken = self.found.token_mention
        for tok in self.doc:
            if tok.text in surnames and tok.is_title and tok.i not in taken:
                self._add(Mention(tok.i, tok.i + 1, "Person", tok.text))
            elif tok.text in given and tok.pos_ == "PROPN" and tok.i not in taken:
                self._add(Mention(tok.i, tok.i + 1, "Person", tok.text))
            if (
                tok.is_upper
                and 2 <= len(tok) <= 6
                and tok.text in acronyms
                and tok.i not in taken
            ):
                self._add(Mention(tok.i, tok.i + 1, "Organization", tok.text))
            if tok.text in stems and tok.i not in taken:
                self._add(Mention(tok.i, tok.i + 1, "Organization", tok.text))
        self._clipped_forms()

    def _given_names_alone(self) -> set[str]:
        """The first words of two-word personal names that the article uses for
        the person instead of the last word, which it never writes alone
        ("Meles" of "Meles Zenawi", as some naming customs have it); only a word
        no other name of a person holds, nor one a name runs on from."""
        names = [
            m.name.split()
            for m in self.found.items
            if m.kind == "Person" and len(m.name.split()) == 2
        ]
        words = [w for name in names for w in {*name}]
        doc = self.doc
        texts = [t.text for t in doc]

        def alone(word: str, before: str, after: str) -> bool:
            return any(
                w == word
                and (i == 0 or texts[i - 1] != before)
                and (i + 1 == len(texts) or texts[i + 1] != after)
                for i, w in enumerate(texts)
            )

        return {
            first
            for first, last in names
            if first.istitle()
            and words.count(first) == 1
            and alone(first, "", last)
            and not alone(last, first, "")
        }

    def _clipped_forms(self) -> None:
        """An organisation's name clipped where the NER did not tag it ("Dockers
        Assn said …" after "the Dockers Association"): a run of one or two capitalised
        proper nouns that clips one organisation's name and no other's: the rule the
        entities apply (:func:`only_clipped`), with an organisation's names known so
        far as those that fold alike (clustering's first test of one name)."""
        organisations = {
            folded: [folded.split()]
            for folded in {
                fold(m.name) for m in self.found.items if m.kind == "Organization"
            }
        }
        for tok in self.doc:
            for end in (tok.i + 2, tok.i + 1):
                run = self.doc[tok.i : end]
                if (
                    end > len(self.doc)
                    or self._taken(tok.i, end)
                    or any(
                        not t.is_title
                        or t.pos_ != "PROPN"
                        or t.ent_type_ not in ("", "ORG")  # "Jan." is a month's
                        for t in run
                    )
                ):
                    continue
                short = fold(run.text).split()
                if only_clipped(short, organisations) is not None:
                    self._add(Mention(tok.i, end, "Organization", run.text))
                    break

    def _repeated_names(self) -> None:
        """An organisation's name written again where the NER did not tag it: the
        same words, in the same capitals, are the same organisation ("Varda
        Machine said …" once tagged, "Varda Machine have denied …" not)."""
        names: dict[str, list[tuple[list[str], str]]] = {}
        for m in self.found.items:
            words = [t.text for t in self.doc[m.start : m.end]]
            if m.kind == "Organization" and all(w[:1].isupper() for w in words):
                names.setdefault(words[0], []).append((words, m.name))
        for tok in self.doc:
            for words, name in names.get(tok.text, ()):
                end = tok.i + len(words)
                span = self.doc[tok.i : end]
                if [t.text for t in span] == words and not self._taken(tok.i, end):
                    self._add(Mention(tok.i, end, "Organization", name))

    def _ent_start(self, tok: Token) -> int:
        ent = self.ent_at.get(tok.i)
        return ent.start if ent is not None else tok.i


#: last words of a name that no person has: a company's, a building's, a website's
_NOT_PEOPLE_ENDS = lx.ORG_SUFFIXES | lx.FACILITY_HEADS | lx.PLATFORMS
