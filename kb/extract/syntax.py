"""Small readings of a spaCy parse that several stages share, kept apart so that
any stage can import them without importing another stage."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["prep_objects"]


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``preps`` on ``tok``: "a rise in [profit]"."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]
