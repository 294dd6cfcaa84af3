"""Small readings of a spaCy parse that several stages share, kept apart so that
any stage can import them without importing another stage."""

from __future__ import annotations

from spacy.tokens import Token

from kb.text import lexicon as lx

__all__ = ["a_named_march", "ends_a_hyphened_word", "prep_objects", "storm_name"]


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``preps`` on ``tok``: "a rise in [profit]"."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


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
