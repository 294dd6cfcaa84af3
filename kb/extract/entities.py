"""``newskb_entities``: mentions grouped into entities ("Ana Hart", "Hart" and "Ms
Hart" are one person; "WHO" and "World Health Organization" one organisation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kb.extract.extensions import Stage, gazetteer_of, stage
from kb.extract.mentions import mentions_of
from kb.extract.names import (
    acronym,
    family_name,
    nationality_word,
    only_clipped,
    web_name_stem,
)
from kb.extract.records import Cluster, Entities, Mention
from kb.text import lexicon as lx
from kb.text.gazetteer import REGION_WORDS, Gazetteer, fold

__all__ = ["cluster_mentions", "entities_of"]


def cluster_mentions(doc: Doc) -> Entities:
    """Each mention joins the first cluster of the same entity, longest names first."""
    mentions = mentions_of(doc)
    clusters: list[Cluster] = []
    items = mentions.items
    short_forms = _bracketed_short_forms(doc, items)
    gaz = gazetteer_of(doc)
    short_forms |= _papers_by_last_word(items, gaz)
    _owners_are_people(doc, items)
    kin = any(t.lower_.rstrip(".") in _KIN for t in doc)
    for i in sorted(range(len(items)), key=lambda i: -len(items[i].name)):
        m = items[i]
        # a surname on its own is the person named in full, even when the NER calls
        # it an organisation ("Halloran", "Obi"); that comes before any other match
        surname = _nearest_named(
            m, [c for c, cl in enumerate(clusters) if _surname_of(m, cl)], clusters
        )
        target = surname
        if target is None:
            full = short_forms.get(m.name)
            target = next(
                (
                    c
                    for c, cl in enumerate(clusters)
                    if _same(cl, m, kin)
                    or (full is not None and full in cl.names())
                    or _same_but_nationality(cl, m, gaz)
                ),
                None,
            )
        if target is None:
            target = _only_clipped(m, clusters)
        if target is None:
            clusters.append(Cluster(m.kind, place=m.place))
            target = len(clusters) - 1
        cl = clusters[target]
        cl.mentions.append(m)
        m.cluster = target
        if m.kind == "Organization" and cl.kind == "Person" and surname is None:
            cl.kind = "Organization"
    for cl in clusters:
        cl.mentions.sort(key=lambda mm: mm.start)
    _unlink_doubtful_provinces(clusters)
    return Entities(mentions, clusters)


#: words that tell relatives of one family name apart ("his son", "Sr.")
_KIN = lx.KIN_WORDS | {"sr"}


def _only_clipped(m: Mention, clusters: list[Cluster]) -> int | None:
    """The one organisation whose name ``m`` writes short by clipping its words
    ("the Prov" of "the Provincial Water Board", "Kellan Assn"); None when none
    is, or more than one ("the Prov" beside two provincial boards: which one?)."""
    short = fold(m.name).split()
    if m.kind == "Location" or m.place is not None:
        return None
    if m.kind != "Organization" and len(short) < 2:
        return None  # "Tom" alone is someone's first name, not "Tomlinson Group"
    organisations = {
        c: [fold(n).split() for n in set(cl.names())]
        for c, cl in enumerate(clusters)
        if cl.kind == "Organization"
    }
    return only_clipped(short, organisations)


def _owners_are_people(doc: Doc, items: list[Mention]) -> None:
    """A name the NER calls an organisation only where it owns something ("Kellan
    Orlen's company"), and a person where the text names them: the person."""
    people = {m.name for m in items if m.kind == "Person"}
    for m in items:
        # the NER's span may hold the "'s" or stop before it
        owner = (
            doc[m.end - 1].tag_ == "POS"
            or m.end < len(doc)
            and doc[m.end].tag_ == "POS"
        )
        if m.kind == "Organization" and owner and m.name in people:
            m.kind = "Person"


def _unlink_doubtful_provinces(clusters: list[Cluster]) -> None:
    """A province found by a bare name with landform or compass words ("Red Sea",
    "Gulf"), or named by such words alone ("Central region"), stays a place the
    gazetteer does not know, unless the article names its country: Sudan's Red Sea
    State is not the sea."""
    places = [cl.place for cl in clusters if cl.place is not None]
    for cl in clusters:
        place = cl.place
        if place is None or place.kind != "admin":
            continue
        words = set(fold(place.name).split())
        doubtful = (place.weak and words & lx.DOUBTFUL_PROVINCE_WORDS) or (
            words - set(REGION_WORDS) <= lx.DOUBTFUL_PROVINCE_WORDS
        )
        if doubtful and not any(
            p is not place and place.country in (p.key, p.country) for p in places
        ):
            cl.place = None  # "Central region" alone is Ghana's only beside Ghana


def entities_of(doc: Doc) -> Entities:
    return stage(doc, "newskb_entities", cluster_mentions)


@Language.factory(
    "newskb_entities",
    requires=["doc._.newskb_mentions"],
    assigns=["doc._.newskb_entities"],
)
def make_entities(nlp: Language, name: str) -> Stage:
    return Stage("newskb_entities", cluster_mentions)


def _bracketed_short_forms(doc: Doc, items: list[Mention]) -> dict[str, str]:
    """Short forms an article defines in brackets after a name, whatever their
    letters: "the Kellan Roads Directorate (KVD)"."""
    found = {}
    for m in items:
        words = doc[m.end : m.end + 3]
        if (
            len(words) == 3
            and words[0].text == "("
            and words[2].text == ")"
            and words[1].is_upper
            and len(words[1]) >= 2
        ):
            found[words[1].text] = m.name
    return found


def _papers_by_last_word(items: list[Mention], gaz: Gazetteer) -> dict[str, str]:
    """ "the Herald" after "the Lagos Herald", "the Post" after "the Washington
    Post": an organisation named for its place, by the rest of its name."""
    found: dict[str, str] = {}
    for m in items:
        words = m.name.split()
        if m.kind == "Organization" and len(words) >= 2 and words[-1].istitle():
            if gaz.lookup(" ".join(words[:-1])) is not None:
                found.setdefault(words[-1], m.name)
    return found


def _same(cl: Cluster, m: Mention, kin: bool = False) -> bool:
    """Whether mention ``m`` names the entity of cluster ``cl``; ``kin``: the
    article speaks of relatives (see :func:`_same_full_name`)."""
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
    if {m.kind, cl.kind} <= {"Group", "Organization"} and _party_of(a, b):
        return True  # "the Liberals" and "the Liberal party"
    if m.kind == "Location":
        # "Varda" or "Upper Varda" after "the Upper Varda region"
        words = b.split()
        bare = [w for w in words if w not in REGION_WORDS]
        if "city" in words or len(bare) == len(words):
            return False
        return a in words or a.split() == bare
    short = m.name.replace("&", "")  # "PG&E": its initials without the ampersand
    if acronym(longest) == short or _initial_acronym(short, longest):
        return True
    if m.kind == cl.kind == "Organization" and web_name_stem(longest) == m.name:
        return True  # "Velmora" after "Velmora.com"
    if m.name.isupper() and short in (
        acronym(_without_legal_form(longest)),
        acronym(_without_place_prefix(longest)),
    ):
        return True  # "VM" for "Velmora Motors Corporation", "SEC" for "U.S. Sec…"
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return False  # a name of punctuation only matches nothing but itself
    if m.kind == "Person" and cl.kind == "Person" and _same_but_initials(ta, tb):
        return True  # "Tomas Vellacott" and "Tomas R. Vellacott"
    if m.kind == cl.kind == "Person" and _same_full_name(ta, tb, kin):
        return True  # "Tom Brandt" and "Tomas Brandt Jr." (one named in full)
    if m.kind == cl.kind == "Person" and _first_name_alone(m.name, longest):
        return True  # "Anna-Lena" after "Anna-Lena Kovalik"
    if m.kind == "Person" and cl.kind == "Person" and _same_but_articles(ta, tb):
        return True  # "Omar Haddad" and "Omar al-Haddad"
    if m.name.islower() and cl.kind == m.kind == "Organization" and ta == tb[-1:]:
        return True  # "the navy" after "the Kellan Navy"
    if m.kind == "Person" and cl.kind == "Person":
        # "Hart" after "Ana Hart"; and a first name on its own ("Ana"), which
        # features and quotes use for someone already named in full
        return len(ta) == 1 and (ta[0] == tb[-1] or (len(tb) >= 2 and ta[0] == tb[0]))
    if "Person" in (m.kind, cl.kind):
        return len(ta) == 1 and ta[0] == tb[0] and "Organization" in (m.kind, cl.kind)
    if m.kind == cl.kind == "Organization" and _founders_name(ta, tb):
        return True  # "Brandt" after "Tomas Brandt" (a firm's name)
    return (
        len(ta) < len(tb)
        and (
            ta == tb[: len(ta)]
            or (len(ta) >= 2 and set(ta) <= set(tb))
            # "the Treasury" after "the National Treasury"
            or (ta == tb[-len(ta) :] and set(tb[: -len(ta)]) <= lx.NAME_QUALIFIERS)
        )
    )


def _party_of(a: str, b: str) -> bool:
    """A party's name and its members' ("Liberal party" and "Liberals",
    "Democratic Party" and "Democrats"), in either order, folded."""
    members, party = sorted((a.split(), b.split()), key=len)
    if party[:1] == ["the"]:
        party = party[1:]
    if len(members) != 1 or len(party) != 2 or party[1] != "party":
        return False
    stem, word = members[0].removesuffix("s"), party[0]
    return stem != members[0] and word.startswith(stem) and len(word) - len(stem) <= 2


def _founders_name(short: list[str], name: list[str]) -> bool:
    """A body's two-word name that is a person's, and its last word alone, as
    one writes a founder's surname for the firm ("Brandt" of "Tomas Brandt");
    not a word for a kind of body ("Bank" of "Kellan Bank")."""
    return (
        len(short) == 1
        and len(name) == 2
        and short[0] == name[1]
        and short[0] not in _NOT_NAMES
    )


#: last words that say what kind of body a name is, not whose it is
_NOT_NAMES = lx.BODY_NAME_WORDS | lx.COMPANY_FORMS


def _same_but_nationality(cl: Cluster, m: Mention, gaz: Gazetteer) -> bool:
    """An organisation's name and the same name after a nationality ("the Brotherhood"
    after "the Chilean Brotherhood"), which "Chilean" does not tell apart in one
    article."""
    if not m.kind == cl.kind == "Organization":
        return False
    ta = fold(m.name).split()
    return any(
        len(tb) == len(ta) + 1 and tb[1:] == ta and nationality_word(gaz, tb[0])
        for tb in (fold(name).split() for name in cl.names())
    )


def _without_legal_form(name: str) -> str:
    """ "Velmora Motors" of "Velmora Motors Corporation"."""
    words = name.split()
    while len(words) > 2 and words[-1].lower() in lx.COMPANY_FORMS:
        words.pop()
    return " ".join(words)


def _without_place_prefix(name: str) -> str:
    """ "Securities and Exchange Commission" of "U.S. Securities and Exchange
    Commission": a short place word before a name is not in its initials."""
    words = name.split()
    if len(words) > 2 and len(words[0].replace(".", "")) <= 3 and words[0].isupper():
        return " ".join(words[1:])
    return name


def _same_but_initials(a: list[str], b: list[str]) -> bool:
    """Two full names (folded words) that differ only by middle initials."""

    def full(words: list[str]) -> list[str]:
        return [w for w in words if len(w) > 1]

    return len(full(a)) >= 2 and a != b and full(a) == full(b) and a[0] == b[0]


def _same_full_name(a: list[str], b: list[str], kin: bool) -> bool:
    """Two full names (folded words) of one person: the same family name, the
    same first name or one written short by its start ("Tom" of "Tomas"), and
    middle initials or a generational suffix ("Jr.") left out of one of them.
    Never two different suffixes ("Jr." and "Sr."); and in an article that
    speaks of relatives (``kin``: "his son", "her sister") only names that
    differ by middle initials: a father and son, or two sisters, share a name."""
    sa, sb = _suffix(a), _suffix(b)
    fa, fb = _plain(family_name(a)), _plain(family_name(b))
    if len(fa) != 2 or len(fb) != 2 or fa[1] != fb[1] or a == b:
        return False
    if sa != sb and (kin or (sa and sb)):
        return False
    return fa[0] == fb[0] or not kin and _first_names_agree(fa[0], fb[0])


def _suffix(words: list[str]) -> str:
    """The generational suffix a full name ends with ("jr"), or ""."""
    return words[-1] if len(family_name(words)) < len(words) else ""


def _plain(words: list[str]) -> list[str]:
    """A full name's words without middle initials ("w" of "patrick w carlineo")."""
    last = len(words) - 1
    return [w for i, w in enumerate(words) if len(w) > 1 or i in (0, last)]


def _first_names_agree(a: str, b: str) -> bool:
    """The same first name, or one its short form by its start ("pat" of
    "patrick", three or four letters): not any other first name."""
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    return (
        3 <= len(short) <= 4 and len(full) >= len(short) + 2 and full.startswith(short)
    )


def _first_name_alone(name: str, full: str) -> bool:
    """A hyphenated first name alone ("Anna-Lena") that begins a full name: one
    word as the text writes it, as "Ana" after "Ana Hart" (folded, it would be
    two)."""
    words = name.split()
    parts = full.split()
    return (
        len(words) == 1
        and "-" in name
        and len(parts) >= 2
        and fold(parts[0]) == fold(name)
    )


def _same_but_articles(a: list[str], b: list[str]) -> bool:
    """Two full names (folded words) that differ only by an Arabic article before
    a name ("al", "el")."""

    def bare(words: list[str]) -> list[str]:
        return [w for w in words if w not in ("al", "el")]

    return len(bare(a)) >= 2 and a != b and bare(a) == bare(b)


def _initial_acronym(short: str, name: str) -> bool:
    """ "CDC" for the "Centers for Disease Control and Prevention": the initials of
    the name's first three or more capitalised words."""
    initials = acronym(name)
    return (
        short.isupper()
        and 3 <= len(short) < len(initials)
        and initials.startswith(short)
    )


def _nearest_named(m: Mention, found: list[int], clusters: list[Cluster]) -> int | None:
    """Of the people a surname could be ("Biden" after "Joe Biden" and "Beau
    Biden"), the one named last before it; else the first named after it."""
    if len(found) < 2:
        return found[0] if found else None

    def last_before(c: int) -> int:
        return max(
            (x.start for x in clusters[c].mentions if x.start < m.start), default=-1
        )

    best = max(found, key=last_before)
    if last_before(best) >= 0:
        return best
    return min(found, key=lambda c: min(x.start for x in clusters[c].mentions))


def _surname_of(m: Mention, cl: Cluster) -> bool:
    """A person or organisation mention that is the last word of a person's full
    name in the cluster, or its last words when the surname has a particle ("Van
    Halst" of "Louis van Halst")."""
    if cl.kind != "Person" or m.kind not in ("Person", "Organization") or m.place:
        return False
    words = fold(m.name).split()
    if len(words) > 1 and not (
        len(words) == 2
        and m.name.split()[0].istitle()
        or len(words) <= 4
        and set(words[:-1]) <= _SURNAME_PARTICLES
    ):
        return False
    return any(
        len(full) > len(words) and full[-len(words) :] == words
        for full in (family_name(fold(n).split()) for n in cl.names())
    )


#: the words before a family name that belong to it: "Van Der Beek", "de la Cruz"
_SURNAME_PARTICLES = frozenset(
    "van der den de del della di da du la le von ter ten bin ben al el dos das".split()
)


def _group_stem(folded: str) -> str:
    """ "north koreans" and "north korean soldiers" share the stem "north korean"."""
    words = folded.split()
    if len(words) > 1 and words[-1] in lx.PEOPLE_NOUNS:
        words = words[:-1]
    return " ".join(words).removesuffix("s")
