"""Attribution cues: which verbs report speech ("said", "warned"), the clause each
one reports, and the character span of a statement's words."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.text import lexicon as lx

__all__ = [
    "attribution_of",
    "content",
    "cue_adjuncts",
    "intended",
    "is_cue",
    "is_quote_cue",
    "object_content",
    "reporting_cue",
    "second_cue",
    "trim",
]


def is_cue(tok: Token) -> bool:
    """A verb of saying or believing that is not negated ("did not say")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or not (
        lemma in lx.CUE_VERBS or lemma in lx.BELIEF_VERBS
    ):
        return False
    return not _negated(tok)


def is_quote_cue(tok: Token) -> bool:
    """A cue of a direct quote: any cue, and verbs that attribute quoted words only
    ('"…," she continued', '"Why now?" he asked')."""
    if is_cue(tok):
        return True
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.lemma_.lower() in lx.QUOTE_VERBS
        and not _negated(tok)
    )


def attribution_of(cue: Token) -> str:
    """ "belief" for "believes", "fears", "hopes that"; else "statement"."""
    lemma = cue.lemma_.lower()
    return "belief" if lemma in lx.BELIEF_VERBS else "statement"


def intended(verb: Token) -> SpacySpan | None:
    """The clause of an intention verb: "to build a wall" in "plans to build a wall"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lx.INTENTION_VERBS:
        return None
    if _negated(verb):
        return None
    clause = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
        None,
    )
    if clause is None:
        return None
    sub = list(clause.subtree)
    return verb.doc[sub[0].i : sub[-1].i + 1]


# what may follow an object and still be what is said: "accused X of Y", "praised
# X for Y", "described X as Y", "urged X to Y", "called X Y"
_OBJECT_TAILS = ("for", "of", "as", "over", "against")


def object_content(cue: Token) -> SpacySpan | None:
    """What a verb of saying says when it takes a noun phrase, not a clause: the
    object and what completes it ("criticised [the plan for its cost]"), or what
    follows its particle ("called for [a ceasefire]", "talked about [jobs]")."""
    lemma = cue.lemma_.lower()
    if cue.pos_ != "VERB" or _negated(cue):
        return None
    rights = list(cue.rights)
    if lemma in lx.OBJECT_CUE_PARTICLES:
        words = lx.OBJECT_CUE_PARTICLES[lemma]
        particle = next(
            (c for c in rights if c.dep_ in ("prep", "prt") and c.lower_ in words),
            None,
        )
        if particle is not None and particle.i == cue.i + 1:
            return _completed(cue, particle.i + 1, rights, particle)
        if lemma != "call":
            return None
    elif lemma not in lx.OBJECT_CUES:
        return None
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if lemma == "call" and not (
        any(c.dep_ in ("oprd", "xcomp") for c in rights) or _named_as(obj)
    ):
        return None  # "called the mayor": a phone call, not a statement
    return _completed(cue, obj.left_edge.i, rights, obj)


def _named_as(obj: Token) -> bool:
    """ "called the offer “an insult”": the name given, parsed as an apposition of
    the object with no comma before it."""
    return any(
        c.dep_ == "appos" and obj.doc[c.left_edge.i - 1].text != "," for c in obj.rights
    )


def _completed(cue: Token, start: int, rights: list[Token], first: Token) -> SpacySpan:
    """From ``start`` to the end of ``first`` and of the cue's complements after it
    ("called her vote in May a mistake": up to the name it is given)."""
    end = first.right_edge.i + 1
    given = [c for c in rights if c.i > first.i and c.dep_ in ("oprd", "xcomp")]
    if given:
        end = given[0].right_edge.i + 1
    for child in rights:
        if child.i <= first.i or child.i < end:
            continue
        if child.dep_ in ("oprd", "xcomp", "dobj") or (
            child.dep_ == "prep" and child.lower_ in _OBJECT_TAILS
        ):
            end = child.right_edge.i + 1
        else:
            break
    return cue.doc[start:end]


def _has_subject(tok: Token) -> bool:
    """A clause with a subject of its own, even when the parser heads it with an
    adjective ("says the tweets were unhinged")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def content(cue: Token) -> SpacySpan | None:
    """The reported clause of a cue verb."""
    doc = cue.doc
    for child in cue.children:
        # a verbless clause before its cue counts too: "Most were children, she said"
        if child.dep_ == "ccomp" and (
            child.pos_ in ("VERB", "AUX") or child.i < cue.i or _has_subject(child)
        ):
            sub = list(child.subtree)
            adjuncts = cue_adjuncts(cue) if child.i > cue.i else []
            start = max([sub[0].i] + [a.right_edge.i + 1 for a in adjuncts])
            return doc[start : _before_next_cue(doc, start, sub[-1].i + 1)]
    sent = cue.sent
    that = next(
        (t for t in sent if t.i > cue.i and t.lower_ == "that" and t.dep_ == "mark"),
        None,
    )
    if that is not None:
        return doc[that.i + 1 : sent.end]
    return None


def _before_next_cue(doc: Doc, start: int, end: int) -> int:
    """Where a reported clause stops: before ", arguing that …", ", adding …" — a
    second attribution by the same speaker, which the parser hangs inside it."""
    for tok in doc[start + 1 : end]:
        if tok.tag_ == "VBG" and doc[tok.i - 1].text == "," and is_cue(tok):
            return tok.i - 1
        if second_cue(tok):
            return tok.i - 1
    return end


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
    if not toks:
        return doc[start_tok].idx, doc[start_tok].idx
    return toks[0].idx, toks[-1].idx + len(toks[-1])
