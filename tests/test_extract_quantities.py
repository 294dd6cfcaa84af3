"""Figures: formats, bounds, approximation and units, on invented phrases.

The format tests use the pure text rules in :mod:`kb.text.quantities` (fast); the unit tests
go through extraction, where the counted noun after a figure becomes its unit (slow).
"""

from __future__ import annotations

import pytest

from kb.text.quantities import Figure, find_figures


def _one(text: str) -> Figure:
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("12 000 soldiers", 12000, None),
        ("12\u202f000 soldiers", 12000, None),
        ("1,200 jobs", 1200, None),
        ("4.5 million people", 4_500_000, None),
        ("$312 million", 312_000_000, "USD"),
        ("US$5 million", 5_000_000, "USD"),
        ("€300m", 300_000_000, "EUR"),
        ("£2.5bn", 2_500_000_000, "GBP"),
        ("8%", 8, "percent"),
        ("30 percent", 30, "percent"),
        ("30 per cent", 30, "percent"),
        ("two ministers", 2, None),
        ("a dozen villages", 12, None),
        ("two dozen villages", 24, None),
        ("USD 40 million", 40_000_000, "USD"),
        ("40 million USD", 40_000_000, "USD"),
        ("NOK 300m in fines", 300_000_000, "NOK"),
        ("1.2 billion euros", 1_200_000_000, "EUR"),
    ],
)
def test_formats(text, value, unit):
    fig = _one(text)
    assert fig.value == value
    assert fig.unit == unit
    assert (fig.minimum, fig.maximum, fig.approximate) == (None, None, False)


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        ("more than 3,000 soldiers", 3000, None),
        ("at least 40 people", 40, None),
        ("more than two dozen people", 24, None),
        ("up to 500 km", None, 500),
        ("between 3 and 5 km", 3, 5),
        ("between $3 million and $5 million", 3_000_000, 5_000_000),
        ("5,000 to 7,000 soldiers", 5000, 7000),
    ],
)
def test_bounds(text, minimum, maximum):
    fig = _one(text)
    assert fig.value is None
    assert (fig.minimum, fig.maximum) == (minimum, maximum)


@pytest.mark.parametrize(
    "text", ["about 90 boats", "roughly 200 homes", "an estimated 1,000 people"]
)
def test_approximation(text):
    fig = _one(text)
    assert fig.approximate and fig.value is not None


@pytest.mark.parametrize(
    "text",
    [
        "three-quarters of voters agreed",
        "two thirds of the budget",
        "on March 3, 2024",
        "in 2019 the plant opened",
        "at 5:42 a.m.",
        "ALL 5 suspects were freed",  # a code that is also a word is no currency
    ],
)
def test_not_money_or_counts(text):
    assert all(f.unit is None for f in find_figures(text))
    assert all(f.value not in (3, 2, 2024, 2019, 42) for f in find_figures(text))


def test_currency_code_after_a_year_starts_the_next_figure():
    (fig,) = find_figures("In 2024 USD 3 billion left the country.")
    assert (fig.value, fig.unit) == (3_000_000_000, "USD")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The Harbour Authority said 12 000 soldiers were deployed.", "soldiers"),
        ("The Red Cross said at least 40 people were injured.", "people"),
        ("The ministry said the convoy travelled about 300 kilometres.", "km"),
        ("The ministry said the new road is 45 km long.", "km"),
    ],
)
def test_units_from_the_counted_noun(run, text, unit):
    x = run(text)
    (claim,) = x.claims
    assert [q.unit for q in claim.quantities] == [unit]
