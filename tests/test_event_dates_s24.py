"""Invented stories on two dates a reader gives events: the day a deed that goes
on began, from the verb's own "since" ("has deployed troops since 9 March":
the deployment is of 9 March); and what "should" happen, which lies ahead ("the
row should be resolved by June, before the November vote": next November).
and a person's age or a house's number that the tagger calls a date ("Anna
Kovalik, 32,", "of 1119 Eighth Street"), which kept a wire paragraph from going
on with the date of the one before. Guards: a
"since" that hangs on a noun, a start that would lie after the day of writing,
"should have" (which looks back).
Each date was written down by hand before the run. Published on Thursday, 12
June 2025; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from tests.test_event_dates_s21 import _dated

pytestmark = pytest.mark.slow

_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"

#: (text, the trigger the date is on, the date)
_Case = tuple[str, str, str | None]

# a deed that goes on, dated by its own "since": failed on main
_SINCE: list[_Case] = [
    (
        "Varda has deployed 3,000 soldiers since 9 March to help the army of Kestrin.",
        "deployed",
        "2025-03-09",
    ),
    (
        "Its fleet of forty Kellan jets has been grounded since early March.",
        "grounded",
        "2025-03",
    ),
    (
        "The number of civilians killed in Velmora since April 2024 now passes "
        "900, the agency said.",
        "killed",
        "2024-04",
    ),
    (
        "Police in Velmora have arrested 40 protesters since Monday.",
        "arrested",
        "2025-06-09",
    ),
]

# what ought to happen lies ahead: failed on main
_OUGHT: list[_Case] = [
    (
        "Anna Kovalik said the row should be resolved by the end of June, before "
        "the November elections in Velmora.",
        "elections",
        "2025-11",
    ),
]

# an age is no date: the paragraph goes on with the one before; failed on main
_AGES: list[_Case] = [
    (
        "Police raided a home in Velmora on Monday in a drug inquiry.\n\n"
        "Officers stopped a car near Seventh Street and later arrested Anna K. "
        "Kovalik, 32, of Kestrin, after a search of her van turned up pills, said "
        "Lt. Omar Haddad, a spokesman.",
        "arrested",
        "2025-06-09",
    ),
    (
        "A fire destroyed a Kestrin warehouse on Tuesday.\n\nIts guard, Tomas "
        "Brandt, 40, died in the fire, police said.",
        "died",
        "2025-06-10",
    ),
    (
        # the parser reads the first sentence as a noun phrase ("bus" its root)
        "A bus overturned near Kestrin on Tuesday.\n\nIts driver, Tomas "
        "Brandt, 40, died in the crash, police said.",
        "died",
        "2025-06-10",
    ),
]

# a house's number is no date (nor a year): failed on main
_HOUSES: list[_Case] = [
    (
        "Police raided a home in Velmora on Monday in a drug inquiry.\n\n"
        "Officers later arrested Peter Sandoval of 1119 Eighth Street after a "
        "search of his car, said Omar Haddad, a spokesman.",
        "arrested",
        "2025-06-09",
    ),
]

# guards: no date, or the one the text gives elsewhere
_GUARDS: list[_Case] = [
    (
        # a start after the day of writing cannot be
        "Varda has deployed 3,000 soldiers since 20 June to help the army of Kestrin.",
        "deployed",
        None,
    ),
    (
        # "should have" looks back
        "Tomas Brandt should have signed the contract with Kellan in January.",
        "signed",
        "2025-01",
    ),
    (
        # a date that hangs on a noun of comparison, not on the verb
        "Rebels attacked the largest base since 2019 in Velmora.",
        "attacked",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "expected"), _SINCE + _OUGHT + _AGES + _HOUSES + _GUARDS
)
def test_an_event_has_the_date_a_reader_gives_it(run, text, word, expected):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert (word, expected) in _dated(x), _dated(x)
