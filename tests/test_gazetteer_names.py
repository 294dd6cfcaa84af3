"""Which place a bare name denotes when states, provinces and towns share it."""

from __future__ import annotations

import pytest

from kb.text.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # a state takes its name from a small town abroad, and from a word that
        # only starts a city's name
        ("Florida", "iso3166:US-FL"),
        ("Virginia", "iso3166:US-VA"),
        # of two countries' subdivisions of one name, the more populous country's
        ("Maryland", "iso3166:US-MD"),
    ],
)
def test_a_state_keeps_its_name(name, key):
    place = gazetteer().lookup(name)
    assert place is not None and place.key == key


@pytest.mark.parametrize(
    ("name", "city"),
    [("Leeds", "Leeds"), ("Varna", "Varna"), ("Gaza", "Gaza"), ("Basra", "Basrah")],
)
def test_a_city_keeps_its_name(name, city):
    place = gazetteer().lookup(name)
    assert place is not None and place.kind == "city" and place.name == city
