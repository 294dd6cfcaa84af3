"""What the batteries of invented sentences on attributions share: the lead
before the sentence under test, and how a case and its expected claim are
written and checked."""

from __future__ import annotations

import pytest

from kb.evaluate.names import names_match
from kb.models import Extraction

#: two sentences before the one under test: an article's lead is read apart
LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def found(x: Extraction) -> list[tuple[str, str, str]]:
    """Each claim as (its claimant's name, its statement, its attribution)."""
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, "?"), c.statement, c.attribution) for c in x.claims]


def speaker_of(x: Extraction, words: str) -> str:
    """The name of who makes the first claim whose statement holds these words."""
    claim = next(c for c in x.claims if words in c.statement)
    return next(e.name for e in x.entities if e.key == claim.claimant)


def said(x: Extraction, who: tuple[str, ...], statement: str) -> bool:
    """A statement claim with exactly these words, made by one of these names."""
    names = {e.key: (e.name, *e.aliases) for e in x.entities}
    return any(
        c.statement == statement
        and c.attribution == "statement"
        and names_match(names.get(c.claimant, ()), who)
        for c in x.claims
    )


def case(text: str, who: str | tuple[str, ...], statement: str) -> tuple:
    """A case: the text, who says it (one name or several), the statement."""
    return (text, (who,) if isinstance(who, str) else who, statement)


def gap(text: str, who: str, statement: str, why: str) -> object:
    """A case the extractor does not meet yet, kept so that meeting it shows."""
    return pytest.param(
        text, (who,), statement, marks=pytest.mark.xfail(strict=True, reason=why)
    )
