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


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # news names of countries that no data package spells so
        ("Democratic Republic of Congo", "geonames:203312"),
        ("DR Congo", "geonames:203312"),
        ("Congo", "geonames:203312"),
        ("Republic of Congo", "geonames:2260494"),
        ("East Timor", "geonames:1966436"),
        # a territory whose name holds its kind, and a province named in French
        ("Northern Territory", "iso3166:AU-NT"),
        ("North Kivu", "iso3166:CD-NK"),
        ("Nord-Kivu", "iso3166:CD-NK"),
        # transliterations' long vowels: "Tamil Nādu" is written "Tamil Nadu"
        ("Tamil Nadu", "iso3166:IN-TN"),
        ("Maharashtra", "iso3166:IN-MH"),
        # guards: a city keeps a name that is another spelling of it
        ("New York", "geonames:5128581"),
        ("St Petersburg", "geonames:498817"),
    ],
)
def test_names_news_uses(name, key):
    place = gazetteer().lookup(name)
    assert place is not None and place.key == key
