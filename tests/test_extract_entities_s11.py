"""Actors and places on invented sentences (session 11); trained pipeline (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_persons_name_on_a_noun_is_no_town(run):
    """The NER's person, on a noun: a town of that name elsewhere is not meant."""
    x = run("He voted to extend the Warren tax plan last year.")
    assert not [e for e in x.entities if e.is_location], x.entities


def test_a_city_where_a_place_stands_stays_a_place(run):
    x = run("Protesters marched through Lyon on Sunday.")
    assert any(e.is_location and e.name == "Lyon" for e in x.entities)
