"""Attribution cues: which verbs report speech ("said", "warned"), the clause each
one reports, and the character span of a statement's words."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.extract.extensions import text_of
from kb.text import lexicon as lx

__all__ = [
    "asked",
    "attribution_of",
    "content",
    "cue_adjuncts",
    "intended",
    "is_cue",
    "is_quote_cue",
    "made_clear",
    "object_content",
    "passive_participle",
    "put_it",
    "reporting_cue",
    "second_cue",
    "shown",
    "sure_of",
    "trim",
    "verb_lemma",
    "viewed_as",
    "worried_about",
]


def verb_lemma(tok: Token) -> str:
    """The token's lemma, lower-cased, with the lemmatiser's slips on cue verbs
    mended (:data:`~kb.text.lexicon.CUE_LEMMA_MENDS`: "hoped" and "hoping" are
    "hope", not "hop"; but "hopped" and "hopping", which double the consonant,
    stay "hop")."""
    lemma = tok.lemma_.lower()
    fixed = lx.CUE_LEMMA_MENDS.get(lemma)
    if fixed is None or tok.lower_.startswith(lemma + lemma[-1]):
        return lemma
    return fixed


def is_cue(tok: Token) -> bool:
    """A verb of saying or believing that is not negated ("did not say") nor
    only supposed ("if he says no, …")."""
    lemma = verb_lemma(tok)
    if tok.pos_ not in ("VERB", "AUX") or not (
        lemma in lx.CUE_VERBS or lemma in lx.BELIEF_VERBS
    ):
        return False
    return not _negated(tok) and not _supposed(tok)


def is_quote_cue(tok: Token) -> bool:
    """A cue of a direct quote: any cue, and verbs that attribute quoted words only
    ('"…," she continued', '"Why now?" he asked')."""
    if is_cue(tok):
        return True
    return (
        tok.pos_ in ("VERB", "AUX")
        and verb_lemma(tok) in lx.QUOTE_VERBS
        and not _negated(tok)
        # "will continue to be", "asked them to wait": the verb of a deed, no tag;
        # but 'yelled "Stay there!"' holds the quote the parser took for one
        and not any(c.dep_ == "xcomp" and not _quoted(c) for c in tok.children)
    )


def _quoted(tok: Token) -> bool:
    """A phrase that opens with a quote mark."""
    first = tok.left_edge
    return first.is_quote or (first.i > 0 and tok.doc[first.i - 1].is_quote)


def attribution_of(cue: Token) -> str:
    """ "belief" for "believes", "fears", "hopes that"; else "statement"."""
    lemma = verb_lemma(cue)
    return "belief" if lemma in lx.BELIEF_VERBS else "statement"


def intended(verb: Token) -> SpacySpan | None:
    """The clause of an intention verb: "to build a wall" in "plans to build a wall"."""
    if verb.pos_ != "VERB" or verb_lemma(verb) not in lx.INTENTION_VERBS:
        return None
    if _negated(verb) or _supposed(verb):
        return None
    clause = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
        None,
    )
    # "will decide what to say": a question still open, no intention yet
    if clause is None or clause.left_edge.lower_ in _WH:
        return None
    sub = list(clause.subtree)
    return verb.doc[sub[0].i : sub[-1].i + 1]


_WH = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who"})


def passive_participle(verb: Token) -> bool:
    """ "Asked if she would run, Ana Obi said …", "When asked whether …": an
    opening participle with no auxiliary is passive, so the subject it shares
    was asked, not asking."""
    # the tagger calls an opening "Asked" a past tense at times
    return (
        verb.tag_ in ("VBN", "VBD")
        and verb.dep_ == "advcl"
        and (verb.i < verb.head.i or _after_when(verb))
        and all(c.dep_ in ("advmod", "mark", "punct") for c in verb.lefts)
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    )


def _after_when(verb: Token) -> bool:
    """ "…, she said when asked how long it would last": a participle after its
    clause, opened by "when" or "if", is passive too."""
    lefts = list(verb.lefts)
    return bool(lefts) and lefts[-1].lower_ in ("when", "if", "once", "after")


def asked(verb: Token) -> SpacySpan | None:
    """The question a source asks in reported speech: "[whether the plan would
    pass]" in "she asked whether the plan would pass"; None for "was asked"
    (whoever asked is not its subject) and "asked him to leave"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "ask" or _negated(verb):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    if passive_participle(verb):
        return None
    # "asked the workers if they would strike": the parser may hang the question
    # on the verb as an adverbial clause, after whom it was asked; but "asked for
    # help when the storm hit" asks no question
    clause = next(
        (
            c
            for c in verb.rights
            if (c.dep_ == "ccomp" and c.left_edge.lower_ in _WH)
            or (c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether"))
        ),
        None,
    )
    if clause is None:
        return None
    return verb.doc[clause.left_edge.i : clause.right_edge.i + 1]


def sure_of(adj: Token) -> SpacySpan | None:
    """What an adjective of belief holds true: "[the plan will fail]" in "is sure
    the plan will fail", "came away convinced that …"; None when negated ("not
    sure"), for a question ("not sure whether …") or with no clause."""
    if not _belief_adjective(adj):
        return None
    clause = next((c for c in adj.rights if c.dep_ == "ccomp"), None)
    if clause is None or clause.left_edge.lower_ in _WH:
        return None
    end = _clause_tail(adj, clause)
    return adj.doc[_clause_start(clause) : end]


def _belief_adjective(adj: Token) -> bool:
    """An adjective of belief that tells its subject's mind, not negated ("not
    sure"); the tagger takes "convinced" and "concerned" after "is" for participles
    at times, which are the same words here."""
    participle = adj.pos_ == "VERB" and adj.tag_ == "VBN" and adj.dep_ == "acomp"
    if adj.lower_ not in lx.BELIEF_ADJECTIVES or not (adj.pos_ == "ADJ" or participle):
        return False
    if adj.dep_ not in ("acomp", "oprd", "advcl", "xcomp", "conj"):
        return False
    return not _negated(adj) and not _negated(adj.head)


def worried_about(adj: Token) -> SpacySpan | None:
    """What an adjective of belief is about when it takes a preposition, not a
    clause: "[the new tax]" in "is worried about the new tax", "skeptical of the
    plan", "confident in the outcome"; None for a preposition the adjective does
    not take (:data:`~kb.text.lexicon.BELIEF_ABOUT`) or when negated."""
    if not _belief_adjective(adj):
        return None
    words = lx.BELIEF_ABOUT.get(adj.lower_, ())
    objs = [
        obj
        for prep in adj.rights
        if prep.dep_ == "prep" and prep.lower_ in words
        for obj in prep.children
        if obj.dep_ in ("pobj", "pcomp")
    ]
    if not objs:
        return None
    return adj.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]


def viewed_as(verb: Token) -> SpacySpan | None:
    """What a verb of seeing-as holds true: "[the plan as a trap]" in "sees the plan
    as a trap", "[the deal fair]" in "considers the deal fair"; None for seeing
    alone ("saw the film"), a negated or a passive verb ("is seen as", no one's)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in lx.VIEW_VERBS or _negated(verb):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    rights = list(verb.rights)
    if lemma in lx.VIEW_BARE:
        clause = next(
            (c for c in rights if c.dep_ == "ccomp" and _has_subject(c)), None
        )
        if clause is not None:  # "considers the deal fair", parsed as a small clause
            return verb.doc[clause.left_edge.i : clause.right_edge.i + 1]
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    kinds = ("oprd", "xcomp", "ccomp") if lemma in lx.VIEW_BARE else ()
    as_what = [
        c
        for c in (*rights, *obj.rights)
        if c.i > obj.i and ((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in kinds)
    ]
    if not as_what:
        return None
    end = max(c.right_edge.i for c in as_what) + 1
    return verb.doc[obj.left_edge.i : end]


#: what a source makes a "that" clause: "made clear that …", "made it plain that …"
_MADE = frozenset({"clear", "plain"})


def made_clear(verb: Token) -> SpacySpan | None:
    """What a source makes clear: "[he would not resign]" in "made clear that he
    would not resign" or "made it clear that …"; None for "made clear" with no
    "that" clause, negated or supposed."""
    if verb.pos_ != "VERB" or verb_lemma(verb) != "make":
        return None
    if _negated(verb) or _supposed(verb):
        return None
    adj = next((c for c in verb.rights if c.lower_ in _MADE and c.pos_ == "ADJ"), None)
    if adj is None:
        return None
    clause = next(
        (
            c
            for c in (*adj.rights, *verb.rights)
            if c.i > adj.i
            and c.dep_ in ("advcl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    return verb.doc[_clause_start(clause) : clause.right_edge.i + 1]


#: verbs by which a document tells what it holds: "the survey shows …"
_FINDING = frozenset({"show", "find"})


def shown(verb: Token) -> SpacySpan | None:
    """What a document shows or finds when it takes a noun phrase, not a clause
    ("the survey shows [a wide gap between the towns]", "the audit found [no
    fault in the books]"): from the object to the end of the verb's phrase."""
    if verb.lemma_.lower() not in _FINDING or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("ccomp", "neg", "auxpass", "nsubjpass") for c in verb.children):
        return None  # a clause is a cue's claim; "was found" is no finding
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if obj is None or subj is None or not _document_noun(subj):
        return None  # "the team found a way": only a document's finding is told
    return verb.doc[obj.left_edge.i : verb.right_edge.i + 1]


def _document_noun(tok: Token) -> bool:
    words = lx.SPEAKING_DOCUMENTS | lx.SOURCE_NOUNS
    return tok.pos_ == "NOUN" and (tok.lower_ in words or tok.lemma_.lower() in words)


# what may follow an object and still be what is said: "accused X of Y", "praised
# X for Y", "described X as Y", "criticised X over Y", "called X Y"; not when or
# where it was said ("at a rally", "on Monday")
_OBJECT_TAILS = ("for", "of", "as", "over", "against")


def object_content(cue: Token) -> SpacySpan | None:
    """What a verb of saying says when it takes a noun phrase, not a clause: the
    object and what completes it ("criticised [the plan for its cost]"), or what
    follows its particle ("called for [a ceasefire]", "talked about [jobs]")."""
    lemma = verb_lemma(cue)
    if cue.pos_ != "VERB" or _negated(cue) or _supposed(cue):
        return None
    rights = list(cue.rights)
    if lemma in _ESTIMATING:
        return _put_at(cue, rights)
    if lemma in lx.REQUEST_VERBS:
        return _request(cue, rights)
    if lemma == "claim":
        # "claimed responsibility for the attack"; not "claimed the title"
        obj = next((c for c in rights if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in ("responsibility", "credit"):
            return None
        return _completed(cue, obj.left_edge.i, rights, obj)
    if lemma == "report" and not any(c.dep_ == "auxpass" for c in cue.children):
        # "the ministry reported 40 new cases": a figure it gives; not "reported
        # the theft", an act
        obj = next((c for c in rights if c.dep_ == "dobj"), None)
        if obj is None or not any(map(_a_figure, obj.subtree)):
            return None
        return _completed(cue, obj.left_edge.i, rights, obj)
    if lemma in lx.OBJECT_CUE_PARTICLES and any(
        c.dep_ in ("auxpass", "nsubjpass") for c in cue.children
    ):
        return None  # "was admitted to hospital": no one's saying
    if lemma in lx.OBJECT_CUE_PARTICLES:
        words = lx.OBJECT_CUE_PARTICLES[lemma]
        particle = next(
            (c for c in rights if c.dep_ in ("prep", "prt") and c.lower_ in words),
            None,
        )
        if particle is not None and particle.i == cue.i + 1:
            return _completed(cue, particle.i + 1, rights, particle)
        clause = _marked_by(cue, words)
        if clause is not None:  # "called for the mayor to resign", parsed as a clause
            return cue.doc[cue.i + 2 : clause.right_edge.i + 1]
        if lemma != "call":
            return None
    elif lemma in lx.FAULTING_CUES:
        return _faulted(cue, rights)
    elif lemma not in lx.OBJECT_CUES and lemma not in lx.AS_CUES:
        return None
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is None:
        return _clause_of(cue, rights) if lemma in lx.OBJECT_CUES else None
    if lemma in _CLAUSE_ONLY:
        return None
    if lemma in lx.AS_CUES and not any(
        c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i
        for c in (*rights, *obj.rights)
    ):
        return None  # "described the scene": no statement
    if lemma == "call" and not (
        any(c.dep_ in ("oprd", "xcomp") for c in rights)
        or _named_as(obj)
        # "calling it “a victory”", parsed with two objects
        or any(c.dep_ == "dobj" and c.i > obj.i for c in rights)
    ):
        return None  # "called the mayor": a phone call, not a statement
    # "blamed the floods on poor planning": what the blame is put on
    tails = (*_OBJECT_TAILS, "on") if lemma == "blame" else _OBJECT_TAILS
    return _completed(cue, obj.left_edge.i, rights, obj, tails)


#: verbs of saying that state something only with a clause ("demanded that the
#: port reopen"); with a noun ("demanded the withdrawal of the troops", "are
#: demanding armed guards") they tell what someone wants, not a statement
_CLAUSE_ONLY = frozenset({"demand"})


#: what a verb of fighting needs after its object to fault it in words (not "over",
#: which is as often a place: "attacked targets over the city")
_FAULTS = ("for", "as")


def _faulted(cue: Token, rights: list[Token]) -> SpacySpan | None:
    """ "attacked [the plan as a giveaway]", "attacked [Orlen for its silence]": the
    object and what it is faulted for; None without the fault ("attacked the
    town at dawn", an act)."""
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None
    if any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lx.ARMED_LEMMAS for c in cue.children
    ):
        return None  # "gunmen attacked the bus as a warning": an assault
    if not any(_a_fault(c) for c in (*rights, *obj.rights) if c.i > obj.i):
        return None
    return _completed(cue, obj.left_edge.i, rights, obj)


def _a_fault(prep: Token) -> bool:
    """ "as a fraud", "for her vote", "for failing to act": what
    something is faulted as or for; not a time ("for three hours") nor a bare
    reason ("for no reason"), which a physical attack has too."""
    if prep.dep_ != "prep" or prep.lower_ not in _FAULTS or _when(prep):
        return False
    if prep.lower_ != "for":
        return True
    return any(
        c.dep_ == "pcomp" or any(d.dep_ == "poss" for d in c.children)
        for c in prep.children
    )


def _a_figure(tok: Token) -> bool:
    """A number or a count ("40", "a third case"); not the ordinal of a period
    ("second-quarter sales")."""
    if tok.pos_ == "NUM":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.like_num and (nxt is None or nxt.text != "-")


def _request(cue: Token, rights: list[Token]) -> SpacySpan | None:
    """What a source asks for: "asked [the council to delay the vote]", "asked [to
    see the budget]"; not "was asked to leave", whose asker is not its subject."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None
    wanted = next(
        (
            c
            for c in rights
            if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)
        ),
        None,
    )
    if wanted is None or _anonymity(wanted):
        return None
    obj = next((c for c in rights if c.dep_ == "dobj" and c.i < wanted.i), None)
    start = (obj or wanted).left_edge.i
    return cue.doc[start : wanted.right_edge.i + 1]


def _anonymity(wanted: Token) -> bool:
    """ "asked not to be named", "asked not to be identified": why a source is
    unnamed, said of the source, not by it."""
    return (
        wanted.lemma_.lower() in ("name", "identify", "quote")
        and any(c.dep_ == "neg" for c in wanted.children)
        and any(c.dep_ == "auxpass" for c in wanted.children)
    )


#: verbs that give an estimate with "at": "put the cost at $3 billion"
_ESTIMATING = frozenset({"put", "estimate", "peg"})


def _put_at(cue: Token, rights: list[Token]) -> SpacySpan | None:
    """An estimate: "put [the cost at $3 billion]", "estimated [the toll at 40]";
    not "put the plan at risk"."""
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    at = next(
        (c for c in (*rights, *(obj.rights if obj else ())) if c.lower_ == "at"), None
    )
    if obj is None or at is None or at.i < obj.i:
        return None
    if not any(t.like_num or t.ent_type_ in _FIGURES for t in at.subtree):
        return None
    return cue.doc[obj.left_edge.i : at.right_edge.i + 1]


#: the named-entity kinds of a figure
_FIGURES = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")


def _clause_of(cue: Token, rights: list[Token]) -> SpacySpan | None:
    """What a verb of saying with no object says in a clause of its own:
    "demanded [that the port reopen]", "questioned [whether the plan would
    work]" (without the "that")."""
    clause = next((c for c in rights if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    return cue.doc[_clause_start(clause) : clause.right_edge.i + 1]


def _clause_start(clause: Token) -> int:
    """Where a reported clause's words begin: after its "that"."""
    start = clause.left_edge.i
    return start + 1 if clause.doc[start].lower_ == "that" else start


def _marked_by(cue: Token, words: tuple[str, ...]) -> Token | None:
    """A clause right after the cue that opens with its particle, which the parser
    took for a subordinator ("called [for the mayor to resign]")."""
    return next(
        (
            c
            for c in cue.rights
            if c.dep_ == "advcl"
            and c.left_edge.i == cue.i + 1
            and c.left_edge.lower_ in words
        ),
        None,
    )


def _when(tok: Token) -> bool:
    """A time phrase ("on Monday", "this week"), which may stand between an object
    and what completes it."""
    return tok.dep_ in ("npadvmod", "prep") and any(
        t.ent_type_ in ("DATE", "TIME") for t in tok.subtree
    )


def _named_as(obj: Token) -> bool:
    """ "called the offer “an insult”": the name given, parsed as an apposition of
    the object with no comma before it."""
    return any(
        c.dep_ == "appos" and obj.doc[c.left_edge.i - 1].text != "," for c in obj.rights
    )


def _completed(
    cue: Token,
    start: int,
    rights: list[Token],
    first: Token,
    tails: tuple[str, ...] = _OBJECT_TAILS,
) -> SpacySpan:
    """From ``start`` to the end of ``first`` and of the cue's complements and
    adjuncts after it ("called her vote in May a mistake": up to the name it is
    given; "accused X of Y", "criticised X on Monday over Y"), but not where or
    when it was said."""
    end = _own_end(first)
    given = [c for c in rights if c.i > first.i and c.dep_ in ("oprd", "xcomp")]
    if given:
        end = given[0].right_edge.i + 1
    for child in rights:
        if child.i <= first.i or child.i < end or _when(child) or child.is_quote:
            continue  # a quote mark may open what completes it: 'calling it “a …”'
        if child.dep_ in ("oprd", "xcomp", "dobj") or (
            child.dep_ == "prep" and child.lower_ in tails
        ):
            end = child.right_edge.i + 1
        else:
            break
    return cue.doc[start:end]


def _own_end(obj: Token) -> int:
    """Where an object's words end: before a relative clause set off by a comma
    that reports someone's own saying ("thanked Ana Obi, who said …"), which is
    that person's claim, not part of this one."""
    for c in obj.rights:
        if c.dep_ == "relcl" and is_cue(c) and obj.doc[c.left_edge.i - 1].text == ",":
            return c.left_edge.i - 1
    return obj.right_edge.i + 1


def _has_subject(tok: Token) -> bool:
    """A clause with a subject of its own, even when the parser heads it with an
    adjective ("says the tweets were unhinged")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _negated(tok: Token) -> bool:
    """A verb with a "not" of its own; not one the parser took from the quote
    before it ('"Certainly not," she said')."""
    doc = tok.doc
    return any(
        c.dep_ == "neg"
        and not any(t.is_quote for t in doc[min(c.i, tok.i) : max(c.i, tok.i)])
        for c in tok.children
    )


def _supposed(tok: Token) -> bool:
    """A verb that only supposes a saying: "if he says no", "unless she agrees"."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


#: the pronouns a speaker refers to themselves by in reported speech
_SELF = frozenset({"he", "she", "they", "i", "we", "it"})
#: marks that set off a participle from the clause before it
_BREAKS = (",", "—", "–", "--")


def content(cue: Token) -> SpacySpan | None:
    """The reported clause of a cue verb."""
    doc = cue.doc
    aside = _as_noted(cue)
    if aside is not None:
        return aside
    for child in _reported_clauses(cue):
        # a verbless clause before its cue counts too: "Most were children, she said"
        if child.pos_ in ("VERB", "AUX") or child.i < cue.i or _has_subject(child):
            sub = list(child.subtree)
            adjuncts = cue_adjuncts(cue) if child.i > cue.i else []
            start = max([sub[0].i] + [a.right_edge.i + 1 for a in adjuncts])
            if child.dep_ == "advcl":  # "said after the vote [he would resign]"
                start = _subject_of(child).left_edge.i
            if start < cue.i < child.i:
                # "a rule [that] she said [would close the port]": the clause's
                # subject is the relative word before the speaker
                start = cue.i + 1
            if child.i < cue.i:
                # "A said …, and B said …, the report said": all it reports,
                # other speakers' words included
                return doc[start : sub[-1].i + 1]
            end = _clause_tail(cue, child)
            return doc[start : _before_next_cue(cue, start, end)]
    sent = cue.sent
    that = next(
        (
            t
            for t in sent
            if t.i > cue.i
            and t.lower_ == "that"
            and t.dep_ == "mark"
            and not _reported_by_other(t.head, cue)
        ),
        None,
    )
    if that is not None:
        return doc[that.i + 1 : sent.end]
    return None


def _as_noted(cue: Token) -> SpacySpan | None:
    """ "As the Herald noted, Ana Obi raised $1 million": the clause an "as" aside
    attributes, before or after it, when the aside reports nothing of its own."""
    if cue.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
    ):
        return None
    kinds = {c.dep_ for c in cue.children}
    if "nsubj" not in kinds or kinds & {"ccomp", "xcomp", "nsubjpass", "auxpass"}:
        return None  # "as he said he would", "as she was told"
    words = list(cue.head.subtree)
    first, last = cue.left_edge.i, cue.right_edge.i
    after = [t for t in words if t.i > last and not t.is_punct]
    before = [t for t in words if t.i < first and not t.is_punct]
    if not before and after:
        return cue.doc[after[0].i : after[-1].i + 1]
    if not after and before:
        return cue.doc[before[0].i : before[-1].i + 1]
    return None


def put_it(verb: Token) -> SpacySpan | None:
    """ "As Ana Obi put it, the port is broke", "…, as she put it": the clause an
    aside of "put it" attributes (how someone put it is how they said it); not
    "put it on the table", where "put" moves something."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "put":
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if [o.lower_ for o in objs] != ["it"] or any(map(_placed, verb.children)):
        return None
    return _as_noted(verb)


#: the words after "put it" that tell where a thing was put ("on the table"); not
#: "in" or "to", which more often hold the words it was put in and to whom ("in a
#: letter to the board")
_PLACING = frozenset("on onto into down off up out away at under behind".split())


def _placed(tok: Token) -> bool:
    """ "on the table", "away": where something was put; not "on Monday"."""
    return (
        tok.dep_ in ("prt", "prep", "advmod")
        and tok.lower_ in _PLACING
        and not _when(tok)
    )


def _reported_clauses(cue: Token) -> list[Token]:
    """The clauses a cue may report, in order: its clausal complements, except one
    before it that a semicolon or colon cuts off when another follows it ("The
    talks stalled; aides say [the deal is near]"), and else a clause of its own
    the parser hung on it as an adverbial ("said after the vote [he would
    resign]"), or a gerund it takes ("denied [taking bribes]")."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and not _of_whom(c)]
    cut = [c.i for c in cue.lefts if c.dep_ == "punct" and c.text in (";", ":")]
    if any(c.i > cue.i for c in clauses) and cut:
        clauses = [c for c in clauses if c.i > cue.i or c.i > max(cut)]
    if any(c.i > cue.i for c in clauses):
        # "In a statement released after the vote ended, Orlen said [it would
        # appeal]": the parser may take a clause inside the opening phrase for a
        # second complement; with one after the cue, that is what is said, unless
        # the one before is quoted
        clauses = [c for c in clauses if c.i > cue.i or _quoted_clause(c)]
    if clauses:
        return clauses
    # "denied taking bribes", and "said [leaving it] would …", parsed the same way
    return [
        c
        for c in cue.rights
        if (_bare_clause(c) and not _of_whom(c))
        or (c.dep_ == "xcomp" and c.tag_ == "VBG")
    ]


def _of_whom(clause: Token) -> bool:
    """A clause whose subject is "many of whom", "some of which": a relative
    clause on the words before ("wrote to the farmers, [many of whom say …]"),
    not what the cue reports."""
    return any(
        t.lower_ in ("whom", "which") and t.dep_ == "pobj"
        for c in clause.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
    )


def _quoted_clause(tok: Token) -> bool:
    """A clause with a quote mark among its words."""
    return any(t.is_quote for t in tok.subtree)


def _bare_clause(tok: Token) -> bool:
    """An adverbial clause with a subject and a tense of its own and no word that
    subordinates it ("when", "because", "if"), after a phrase of time or place
    ("said after the meeting [he would not run]"): a reported clause."""
    if tok.dep_ != "advcl" or not _has_subject(tok) or not _finite(tok):
        return False
    if any(c.dep_ == "mark" for c in tok.children):
        return False
    subj = _subject_of(tok)
    return any(
        c.dep_ == "prep" and tok.head.i < c.i < subj.i
        for c in (*tok.head.rights, *tok.lefts)
    )


def _subject_of(verb: Token) -> Token:
    return next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own, or a modal or tensed auxiliary."""
    tensed = ("VBD", "VBP", "VBZ", "MD")
    return verb.tag_ in tensed or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in tensed for c in verb.children
    )


def _clause_tail(cue: Token, clause: Token) -> int:
    """Where a reported clause after its cue ends: with what the parser hangs on the
    cue after it that still belongs to what was said: a reason or condition ("said
    he would serve should the chance come", "said it left them out because …") and
    a clause of its own joined on ("said the border must be secured, but that he
    would not …"); not a participle of the speaker's (", referring to …"), another
    cue ("…, and Ana Obi said …") or a second act ("… and left")."""
    end = clause.right_edge.i + 1
    for child in cue.rights:
        if child.i <= clause.i or child.dep_ in ("punct", "cc"):
            continue
        if not _said_too(child):
            break
        end = child.right_edge.i + 1
    return end


def _said_too(child: Token) -> bool:
    """A clause hung on a cue after its reported clause that goes on with it: not
    one with a cue of its own ("…, although he tweeted that …")."""
    if is_quote_cue(child) or child.lemma_.lower() in lx.OBJECT_CUES:
        return False
    if child.dep_ == "advcl":
        return not (child.tag_ == "VBG" and _after_break(child.left_edge))
    if child.dep_ == "conj":
        return _has_subject(child) and child.pos_ != "NOUN"
    return child.dep_ == "ccomp"


def _reported_by_other(clause: Token, cue: Token) -> bool:
    """A "that" clause another verb takes ("did not want to think about it and
    predicted that …": what was predicted, not thought); not one the parser hung
    on a clause of when the cue spoke, whose verb takes none ("said after the
    pleas were entered that …")."""
    head = clause.head
    if clause.dep_ != "ccomp" or head == cue or head.pos_ != "VERB":
        return False
    marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
    when = head.dep_ == "advcl" and head.head == cue and bool(marks & lx.WHEN_MARKS)
    return not (when and not is_cue(head))


def _before_next_cue(cue: Token, start: int, end: int) -> int:
    """Where a reported clause stops: before ", arguing that …", ", adding …" — a
    second attribution by the same speaker, which the parser hangs inside it —
    before "… and predicted that …", "… but did not say …" (the speaker's next act,
    a verb of saying in the cue's own form), and before another speaker's cue."""
    doc = cue.doc
    for tok in doc[start + 1 : end]:
        if tok.tag_ == "VBG" and _after_break(tok) and is_cue(tok):
            return tok.i - 1
        if second_cue(tok):
            return tok.i - 1
        if tok.dep_ != "conj" or not tok.head.i >= start:
            continue
        if (is_cue(tok) and _has_subject(tok)) or _next_act(cue, tok):
            # "said the port would reopen, and Tom Vell said …": another speaker
            stop = tok.left_edge.i
            while stop > start and doc[stop - 1].dep_ in ("cc", "punct"):
                stop -= 1
            return stop
    return end


def _after_break(tok: Token) -> bool:
    """A word set off by a comma or dash before it, past a closing quote mark
    ('… party,” claiming …')."""
    i = tok.i - 1
    while i > 0 and tok.doc[i].is_quote:
        i -= 1
    return tok.doc[i].text in _BREAKS


def _next_act(cue: Token, tok: Token) -> bool:
    """ "said she would not run and predicted that …": a verb of saying joined to
    the reported clause with no subject of its own, in the form of the cue itself
    (said … and predicted, telling … and warning), that says something of its own:
    a clause, what a noun-phrase cue says ("… and praised the crews", "… and
    accused X of …") or what is vowed ("… and vowed to return"): the speaker's
    next statement, not what was said. Weak cues ("… met and agreed") and a
    request ("… and called on X to …") stay in the clause."""
    lemma = verb_lemma(tok)
    return (
        lemma not in lx.WEAK_CUES
        and tok.tag_ == cue.tag_
        and not _has_subject(tok)
        and _speaker_as_pronoun(tok.head)
        and _says(tok)
    )


def _says(verb: Token) -> bool:
    """A verb of saying with what it says: a reported clause, a noun phrase a
    noun-phrase cue takes ("praised the crews"), or a vow's "to" clause."""
    lemma = verb_lemma(verb)
    if lemma in lx.CUE_VERBS and any(c.dep_ == "ccomp" for c in verb.children):
        return is_cue(verb)
    if lemma in lx.CUE_VERBS and lemma in lx.INTENTION_VERBS:
        return any(c.dep_ == "xcomp" for c in verb.children)  # "vowed to …"
    return not _calls_on(verb) and object_content(verb) is not None


def _calls_on(verb: Token) -> bool:
    """ "… and called on the board to act", "… and called for a review": a request
    the speaker adds, which stays with what they said (the gold of the open sets
    keeps it there, as the rules did before)."""
    words = lx.OBJECT_CUE_PARTICLES.get("call", ())
    return verb_lemma(verb) == "call" and any(
        c.dep_ in ("prep", "prt") and c.lower_ in words for c in verb.rights
    )


def _speaker_as_pronoun(verb: Token) -> bool:
    """A reported clause whose subject is a pronoun: the speaker speaking of
    themselves ("said she would not run and predicted …"), not a third party
    ("said the ministry asked … and indicated …": the ministry indicated)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SELF for c in verb.children
    )


def second_cue(tok: Token) -> bool:
    """ "She said … and said that …": the same cue again, joined to the clause it
    reports, with no subject of its own: the speaker's second statement. (With
    another verb, "said the board met and agreed that …", the board agreed.)"""
    if not (
        tok.dep_ == "conj"
        and tok.doc[tok.i - 1].lower_ in ("and", "but")
        and is_cue(tok)
        and not _has_subject(tok)
    ):
        return False
    outer = reporting_cue(tok)
    return outer is not None and outer.lemma == tok.lemma and content(tok) is not None


def reporting_cue(tok: Token) -> Token | None:
    """The cue whose reported clause holds this token, if any."""
    for anc in tok.ancestors:
        if anc.dep_ == "ccomp" and is_cue(anc.head):
            return anc.head
    return None


def cue_adjuncts(cue: Token) -> list[Token]:
    """Modifiers of the saying that the parser hangs on the reported verb: they sit
    between the cue and the reported clause's subject, with no "that" before them
    ("said on Monday it will …", "said in a statement the plant would …")."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None:
        return []
    subj = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    found = []
    for child in clause.lefts:
        if child.dep_ == "mark":
            return []
        if (
            child.dep_ in ("prep", "npadvmod", "advmod")
            and child.left_edge.i > cue.i
            and child.right_edge.i < subj.left_edge.i
        ):
            found.append(child)
    return found


def trim(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int]:
    """Character span of tokens, without edge punctuation, quote marks or "that"."""
    toks = list(doc[start_tok:end_tok])
    while toks and (
        toks[0].is_punct or toks[0].lower_ in ("that", "and") or toks[0].is_space
    ):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    # the text read once per Doc: rebuilt from every token on each read, it made a
    # long single-paragraph article quadratic (a claim per sentence)
    text = text_of(doc)
    if not toks:  # nothing left; at the Doc's end, past its last character
        at = doc[start_tok].idx if start_tok < len(doc) else len(text)
        return at, at
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    start = _opening_quote(text, start, end)
    return start, _closing_quote(text, start, end)


_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"))


def _unmatched(inside: str, opening: str, closing: str) -> tuple[bool, bool]:
    """Whether the text opens a quote it does not close, and whether it closes one
    it does not open (for a straight mark, an odd count is either)."""
    if opening == closing:
        odd = inside.count(opening) % 2 == 1
        return odd, odd
    opened, closed = inside.count(opening), inside.count(closing)
    return opened > closed, closed > opened


def _opening_quote(text: str, start: int, end: int) -> int:
    """``start``, or the quote mark before it whose closing mark the span holds:
    'said that “nobody” would lose' keeps the mark that opens "nobody"."""
    for opening, closing in _QUOTE_PAIRS:
        closes = _unmatched(text[start:end], opening, closing)[1]
        if closes and text[start - 1 : start] == opening:
            return start - 1
    return start


def _closing_quote(text: str, start: int, end: int) -> int:
    """``end``, or past the quote mark that closes one the span opens: 'the closure
    was "a heavy blow".' keeps its closing mark rather than end unbalanced."""
    for opening, closing in _QUOTE_PAIRS:
        unbalanced = _unmatched(text[start:end], opening, closing)[0]
        after = text[end : end + 2]
        at = after.find(closing)
        # the mark right after the span, or after its full stop or comma
        # ("… blow.”", "… productive,”")
        if unbalanced and at >= 0 and not after[:at].strip(".!?,"):
            return end + at + 1
    return end
