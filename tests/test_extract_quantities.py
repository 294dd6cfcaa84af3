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
        ("a half dozen villages", 6, None),
        ("half a dozen villages", 6, None),
        ("a prison term of 2 1/2 years", 2.5, None),
        ("a 2½ hour delay", 2.5, None),
        ("USD 40 million", 40_000_000, "USD"),
        ("40 million USD", 40_000_000, "USD"),
        ("NOK 300m in fines", 300_000_000, "NOK"),
        ("1.2 billion euros", 1_200_000_000, "EUR"),
        # numbers written as words
        ("twenty-three soldiers", 23, None),
        ("Forty five boats", 45, None),
        ("three hundred homes", 300, None),
        ("three hundred thousand people", 300_000, None),
        ("one million doses", 1_000_000, None),
        ("a billion dollars", 1_000_000_000, "USD"),
        ("half a million refugees", 500_000, None),
        # "m" before a counted plural is millions; South Asian scales
        ("3.4m people", 3_400_000, None),
        ("2m euros", 2_000_000, "EUR"),
        ("a 30m-pound fee", 30_000_000, "GBP"),
        ("10m tonnes of grain", 10_000_000, None),
        ("Rs 500 crore", 5_000_000_000, "INR"),
        ("2 lakh farmers", 200_000, None),
        # percentage and basis points
        ("rose 3 percentage points", 3, "percentage points"),
        ("a 25 basis point cut", 25, "basis points"),
        # ages are quantities of a person, in the unit they are counted in
        ("a 45-year-old driver", 45, "years old"),
        ("a six-month-old baby", 6, "months old"),
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
        "most two-year-olds were vaccinated",  # an age group, not an age
    ],
)
def test_not_money_or_counts(text):
    assert all(f.unit is None for f in find_figures(text))
    assert all(f.value not in (3, 2, 2024, 2019, 42) for f in find_figures(text))


@pytest.mark.parametrize("text", ["the 100m sprint", "a 5m high wall"])
def test_metres_are_not_millions(text):
    assert _one(text).value in (100, 5)


@pytest.mark.parametrize(
    "text",
    [
        "The Orlen A320 landed safely",  # a model
        "an F-16 crashed near the base",
        "The S&P 500 closed higher",  # a stock index
        "The FTSE 100 closed higher",
        "a man in his 30s",  # a decade
        "the season of 1987-88",  # the end of a span of years
        "the shop at 112 Harbour Street",  # a street number
    ],
)
def test_a_number_in_a_name_is_no_figure(text):
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("20cm-40cm of snow", [20, 40]),
        ("A$5 million in aid", [5_000_000]),
        ("The FTSE 100 fell 2%", [2]),
    ],
)
def test_figures_beside_names_stay(text, values):
    assert [f.value for f in find_figures(text)] == values


def test_a_lone_one_is_no_figure():
    assert find_figures("one of the men said no") == []


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


@pytest.mark.slow
def test_figures_outside_events_and_claims_belong_to_the_article(run):
    """A figure that no event or claim holds is still a figure the article states."""
    x = run(
        "Vaccination in Orsk province is low. Only 68 percent of two-year-olds "
        "have had both doses, well below the 95 percent needed."
    )
    loose = {(q.value, q.unit) for q in x.quantities}
    assert {(68, "percent"), (95, "percent")} <= loose
    held = {q.span.start for c in x.claims for q in c.quantities}
    held |= {q.span.start for e in x.events for q in e.quantities}
    assert not held & {q.span.start for q in x.quantities}


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a profit of 1.2 trillion won", 1.2e12, "KRW"),
        ("a deal worth 500 billion dong", 5e11, "VND"),
        ("lent 40 billion roubles", 4e10, "RUB"),
        ("paid 3m naira", 3e6, "NGN"),
        ("a 2 billion lira loan", 2e9, "TRY"),
    ],
)
def test_more_currencies_by_name(text, value, unit):
    fig = _one(text)
    assert (fig.value, fig.unit) == (value, unit)


@pytest.mark.parametrize("text", ["in 2019 won the title", "the 3 won by Orlen"])
def test_won_after_no_scale_is_the_verb(text):
    assert all(f.unit is None for f in find_figures(text))


@pytest.mark.parametrize(
    ("text", "value", "minimum", "approximate"),
    [
        ("would cut about one in five jobs", 20.0, None, True),
        ("six in 10 voters said yes", 60.0, None, False),
        ("more than one in four workers", None, 25.0, False),
        ("seven out of 10 nurses", 70.0, None, False),
    ],
)
def test_one_in_five_is_a_share(text, value, minimum, approximate):
    fig = _one(text)
    assert (fig.value, fig.minimum, fig.unit, fig.approximate) == (
        value,
        minimum,
        "percent",
        approximate,
    )


def test_one_in_ten_minutes_is_a_time():
    assert all(f.unit != "percent" for f in find_figures("scored one in 10 minutes"))
