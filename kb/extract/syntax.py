"""Small readings of a spaCy parse that several stages share, kept apart so that
any stage can import them without importing another stage."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["ends_a_hyphened_word", "prep_objects"]


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
