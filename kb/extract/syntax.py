"""Small readings of a spaCy parse that several stages share, kept apart so that
any stage can import them without importing another stage."""

from __future__ import annotations

from spacy.tokens import Token

from kb.text import lexicon as lx

__all__ = [
    "a_named_march",
    "charged_deed",
    "ends_a_hyphened_word",
    "prep_objects",
    "storm_name",
]


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``preps`` on ``tok``: "a rise in [profit]"."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


def charged_deed(tok: Token) -> bool:
    """The deed a legal step is taken over, a noun or a verb: "was charged on
    Monday in the slaying of his landlord", "jailed over the massacre", "his trial
    for the killing", "accused of killing two men", "charged with murder in the
    killing", "in connection with the attack". It was done before the step, whose
    date and doer (police, a court) are not its own."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or prep.lower_ not in _CHARGED_PREPS:
        return False
    if not (tok.pos_ == "VERB" or tok.lemma_.lower() in lx.NOUN_TRIGGERS):
        return False  # "the arrest of Tomas Brandt", "the case in 2003": no deed
    step = prep.head
    if step.pos_ == "NOUN" and prep.lower_ == "of" and step.lemma_ != "charge":
        return False  # "the trial of the killing's suspects"; "charges of fraud"
    # "in connection with the attack", "charged with murder in the killing"
    if step.dep_ == "pobj" and step.head.lower_ in _CHARGED_PREPS:
        if step.lower_ == "connection" or _legal_step(step.head.head):
            step = step.head.head
    return _legal_step(step)


def _legal_step(tok: Token) -> bool:
    """A word of a legal step, or a verb that takes one: "face charges over …"."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return any(
        lx.LEMMA_MENDS.get(w.lemma_.lower(), w.lemma_.lower()) in _LEGAL_STEPS
        for w in (tok, *objects)
    )


#: prepositions that tie a legal step to the deed it is about
_CHARGED_PREPS = frozenset({"in", "for", "over", "with", "of"})
#: the words of a legal step: "charged", "convicted", "the trial", "the charges"
_LEGAL_STEPS = lx.ACCUSING_VERBS | lx.LEGAL_STAGES.keys() | {"case", "hearing"}


def ends_a_hyphened_word(tok: Token) -> bool:
    """Whether the token ends a word the tokenizer split at its hyphen: "up" of
    "pile-up" (three tokens: "pile", "-", "up")."""
    return (
        tok.i >= 2
        and tok.nbor(-1).tag_ == "HYPH"
        and not tok.nbor(-1).whitespace_
        and not tok.nbor(-2).whitespace_
    )


def storm_name(word: Token) -> Token | None:
    """The name that the word for a storm goes before, when the two name one
    storm: "Tomas" of "Hurricane Tomas", "Kellan" of "Tropical Storm Kellan", also
    in "Typhoon Varda relief"; not in a longer name ("the National Hurricane
    Center", "Hurricane Tomas Relief Fund") nor a team's ("the Kestrin Storm")."""
    doc = word.doc
    if word.lower_ not in lx.STORM_NAMES or not word.is_title or word.i + 1 >= len(doc):
        return None
    name = doc[word.i + 1]
    if name.pos_ != "PROPN" or not name.is_title or name.lower_ in lx.ORG_GENERIC:
        return None
    before = doc[word.i - 1] if word.i > 0 else None
    if before is not None and before.lower_ == "tropical":
        before = doc[before.i - 1] if before.i > 0 else None
    if before is not None and before.is_title and not before.is_sent_start:
        return None  # "the National Hurricane Center", "the Kestrin Storm"
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.is_title:
        return None
    return name


def a_named_march(tok: Token) -> bool:
    """ "March against the closure draws thousands", "joined the March for Jobs": a
    protest that the capital opens or names, with its article or what it goes
    for, which the tagger takes for the month; not "in March", "March 3", "from
    March to June", "in the March of 2019", "March was quiet"."""
    if tok.lower_ != "march" or tok.is_lower:
        return False
    doc = tok.doc
    if any(doc[i].like_num for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)):
        return False  # "March 3", "3 March", "March 2024"
    preps = [c for c in tok.children if c.dep_ == "prep"]
    if any(p.lower_ == "of" for p in preps):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("the", "a") for c in tok.children):
        return True
    return tok.dep_ != "pobj" and any(
        not any(o.ent_type_ in ("DATE", "TIME") for o in p.children) for p in preps
    )
