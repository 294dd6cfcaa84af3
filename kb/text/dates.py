"""Normalise date expressions ("October 24, 2024", "in March", "on Tuesday") to ISO values.

Relative expressions are resolved against the article's published date and the clause's
tense; without a published date they stay unresolved. Nothing is ever guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from kb.models import DateValue
from kb.text.quantities import WORD_NUMBERS

#: a clause's time. "present" ("the fiscal year ends Sept. 30") reads as the past,
#: except that a month and day is then this year's; "ahead" is the present of a verb
#: that names a scheduled event ("Leeds play Bristol on Sunday"), read forwards.
Tense = Literal["past", "present", "ahead", "future"]
_BACK = ("past", "present")

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
#: days of the year known by name, as a pattern and their month and day
HOLIDAY_DATES = {
    r"christmas\s+day": (12, 25),
    r"christmas\s+eve": (12, 24),
    r"boxing\s+day": (12, 26),
    r"new\s+year(?:'|’)?s\s+day": (1, 1),
    r"new\s+year(?:'|’)?s\s+eve": (12, 31),
    r"valentine(?:'|’)?s\s+day": (2, 14),
    r"halloween": (10, 31),
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a part of a month or year that dates no finer than the whole: "the end of May",
# "the first half of 2024", "the summer of 2022"
_PART_OF = (
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|close|turn"
    r"|(?:first|second|last|final)\s+(?:half|weeks?|days)"
    r"|summer|spring|autumn|fall|winter)\s+of\s+)?"
)
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    (re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "iso"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I), "day"),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I), "day"),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I), "month"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)", re.I), "monthday"),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w)(?!,?\s*\d)", re.I), "monthday"),
    (re.compile(rf"\b(?P<holiday>{'|'.join(HOLIDAY_DATES)})\b", re.I), "holiday"),
    (
        re.compile(
            rf"^(?:(?:in|at|early|late|mid|the|through|until|till|by|since)[\s-]+)*"
            rf"{_PART_OF}(?:(?P<rel>last|next|this)\s+)?{_MONTH}$",
            re.I,
        ),
        "monthonly",
    ),
    (
        re.compile(
            rf"^(?:(?:in|at|early|late|mid|the|since|by|until|fiscal)[\s-]+)*"
            rf"{_PART_OF}{_YEAR}$",
            re.I,
        ),
        "year",
    ),
]
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>"
    + "|".join(WEEKDAYS)
    + r")\b(?!\s+(?:week|month))",
    re.I,
)
_RELATIVE_DAYS = {
    # the longer phrases first: "the day before yesterday" holds "yesterday"
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "today": 0,
    "tonight": 0,
    "overnight": 0,  # the night that ends on the day of writing
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}
# "a", "one" and the number words up to twelve: "two days ago", "a year ago"
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    **{w: int(v) for w, v in WORD_NUMBERS.items() if v <= 12 and w.isalpha()},
}
# "two days ago", "three weeks ago", "a year ago"
_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
    re.I,
)
_WEEK = re.compile(r"\b(?P<rel>last|next|this|past|coming)\s+week\b", re.I)
# "last weekend", "this weekend", "over the weekend"
_WEEKEND = re.compile(r"\b(?:(?P<rel>last|next|this|past|coming)\s+|the\s+)weekend\b")
# "the next day", "two days later", "the day before", "later that day": a day
# counted from the day the story last named, not from its publication
_PART_OF_DAY = r"(?:day|morning|afternoon|evening|night)"
# "about two hours later", "nearly a week later": near enough
_ROUGHLY = r"(?:(?:about|around|nearly|almost|roughly|some|just|only)\s+)?"
_FROM_ANCHOR = re.compile(
    rf"^{_ROUGHLY}(?:the\s+)?(?:"
    rf"(?P<next>next|following)\s+{_PART_OF_DAY}"
    rf"|{_PART_OF_DAY}\s+(?P<side>after|before)"
    r"|(?:previous|preceding)\s+(?P<prev>day|morning|afternoon|evening|night)"
    r"|(?P<n>\d{1,2}|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+(?P<unit>day|week|fortnight)s?\s+(?P<dir>later|after|earlier|before)"
    # "hours later", "minutes after": the same day, near enough; "48 hours later"
    # is two days on
    r"|(?:(?P<count>\d{1,3}|a\s+few|several|some|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+)?(?P<small>hour|minute|second|moment)s?\s+"
    r"(?P<small_dir>later|after(?:wards)?|earlier|before)"
    rf"|(?:later\s+|earlier\s+)?(?:that|the\s+same)\s+{_PART_OF_DAY})$",
    re.I,
)


def days_from_anchor(text: str) -> int | None:
    """How many days after (or before) the day the story last named a date
    expression counts: "the next day" 1, "two days earlier" -2, "that night" 0;
    None for any other expression.

    >>> days_from_anchor("the next day"), days_from_anchor("Two days later")
    (1, 2)
    >>> days_from_anchor("the day before"), days_from_anchor("later that day")
    (-1, 0)
    >>> days_from_anchor("a week later"), days_from_anchor("Hours later")
    (7, 0)
    >>> days_from_anchor("the night before"), days_from_anchor("the morning after")
    (-1, 1)
    >>> days_from_anchor("48 hours later"), days_from_anchor("a fortnight earlier")
    (2, -14)
    >>> days_from_anchor("only a few seconds later")
    0
    >>> days_from_anchor("next week") is None
    True
    """
    m = _FROM_ANCHOR.match(text.strip())
    if m is None:
        return None
    if m["next"]:
        return 1
    if m["side"]:
        return 1 if m["side"].lower() == "after" else -1
    if m["prev"]:
        return -1
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
        n *= _DAYS_IN.get(m["unit"].lower(), 1)
        return n if m["dir"].lower() in ("later", "after") else -n
    if m["small"] and m["count"] and m["count"].isdigit():
        return _days_of_hours(int(m["count"]), m["small"], m["small_dir"])
    return 0


_DAYS_IN = {"week": 7, "fortnight": 14}


def _days_of_hours(count: int, unit: str, side: str) -> int | None:
    """The days "48 hours later" counts (2); 0 for less than a day; None for
    hours that are no whole number of days ("30 hours later"): no day is sure."""
    if unit.lower() != "hour" or count < 24:
        return 0
    if count % 24:
        return None
    days = count // 24
    return -days if side.lower() in ("earlier", "before") else days


def _units_from_anchor(unit: str) -> re.Pattern[str]:
    """ "a month later", "two years earlier", "the following year", "the previous
    month", "that year": a count of ``unit`` from the date the story last named."""
    return re.compile(
        rf"^{_ROUGHLY}(?:(?P<n>\d{{1,2}}|"
        + "|".join(_NUMBER_WORDS)
        + rf")\s+{unit}s?\s+(?P<dir>later|after|earlier|before)"
        rf"|the\s+(?P<step>following|next|previous|preceding)\s+{unit}"
        rf"|(?:(?:later|earlier)\s+)?(?P<same>that|the\s+same)\s+{unit})$",
        re.I,
    )


_MONTHS_FROM_ANCHOR = _units_from_anchor("month")
_YEARS_FROM_ANCHOR = _units_from_anchor("year")


def _count_from_anchor(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.match(text.strip())
    if m is None:
        return None
    if m["same"]:
        return 0
    if m["step"]:
        return 1 if m["step"].lower() in ("following", "next") else -1
    n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
    return n if m["dir"].lower() in ("later", "after") else -n


def months_from_anchor(text: str) -> int | None:
    """How many months after (or before) the date the story last named an
    expression counts: "a month later" 1, "two months earlier" -2, "the
    following month" 1.

    >>> months_from_anchor("A month later"), months_from_anchor("two months before")
    (1, -2)
    >>> months_from_anchor("the previous month"), months_from_anchor("a month ago")
    (-1, None)
    """
    return _count_from_anchor(_MONTHS_FROM_ANCHOR, text)


def years_from_anchor(text: str) -> int | None:
    """How many years after (or before) the date the story last named an
    expression counts: "the following year" 1, "two years earlier" -2.

    >>> years_from_anchor("the following year"), years_from_anchor("Two years earlier")
    (1, -2)
    >>> years_from_anchor("later that year"), years_from_anchor("the same year")
    (0, 0)
    >>> years_from_anchor("next year") is None
    True
    """
    return _count_from_anchor(_YEARS_FROM_ANCHOR, text)


# "the third quarter", "Q3 2024", "the first quarter of 2025", "fiscal 2024": a
# quarter is named by its year (the precision a quarter has in kb:date)
_QUARTER = re.compile(
    r"\b(?:q(?P<q>[1-4])|(?P<nth>first|second|third|fourth|final|last)\s+quarter)"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_OF_YEAR = re.compile(r"\s*of\s+(?:the\s+)?(?P<rel>last|previous|this|next)\s+year\b")
_QUARTER_NUMBER = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "last": 4,
}
#: the months by their full names ("mar" may be a verb, "may" is no abbreviation)
_FULL_MONTHS = {name: i for name, i in MONTHS.items() if len(name) > 4} | {
    "may": 5,
    "june": 6,
    "july": 7,
}
# "last month", "next year"; "the end of the year": this one's. Not "the next
# year", which counts from the date the story named before, as "the following
# year" does
_RELATIVE_SPAN = re.compile(
    r"\b(?:(?P<rel>last|(?<!the )next|this)|(?<=of )the)\s+(?P<unit>month|year)\b",
    re.I,
)


#: hours up to which a span of hours rounds down to whole days
_HALF_DAY = 12
# a span apart may be long in words: "forty-eight hours after", "thirty days
# before", "twenty four hours later", "a dozen years on" (below 100, as digits are)
_SPAN_NUMBERS = {
    **_NUMBER_WORDS,
    **{w: int(v) for w, v in WORD_NUMBERS.items() if 1 <= v < 100 and v == int(v)},
}
# "two days", "a week", "three months", "a year": a span that sets two things apart
_SPAN_APART = re.compile(
    rf"^{_ROUGHLY}(?P<n>\d{{1,2}}|"
    + "|".join(
        w.replace(" ", r"\s+") for w in sorted(_SPAN_NUMBERS, key=len, reverse=True)
    )
    + r")\s+(?P<unit>hour|day|week|month|year|decade)s?$",
    re.I,
)


def shifted(
    value: DateValue,
    days: int | None = None,
    months: int | None = None,
    years: int | None = None,
) -> DateValue | None:
    """``value`` moved by a count of days (a day only), of months (a month or a
    day, to a month) or of years (to a year, no finer); None when ``value`` is
    too coarse for the count.

    >>> shifted(DateValue("2025-06-02", "day"), days=-2).value
    '2025-05-31'
    >>> shifted(DateValue("2025-01-20", "day"), months=-1).value
    '2024-12'
    >>> shifted(DateValue("2025-01-20", "day"), years=1).value
    '2026'
    >>> shifted(DateValue("2025", "year"), months=3) is None
    True
    """
    if years is not None:
        return DateValue(f"{int(value.value[:4]) + years:04d}", "year")
    if days is not None:
        if value.precision != "day":
            return None
        day = date.fromisoformat(value.value) + timedelta(days=days)
        return DateValue(day.isoformat(), "day")
    if months is None or value.precision == "year":
        return None
    year, month = map(int, value.value[:7].split("-"))
    return _month_after(year, month, months)


def apart_by(value: DateValue, span: str, later: bool) -> DateValue | None:
    """The date ``span`` ("two days", "a week", "three months", "a year") after
    ``value`` when ``later``, else before it: the date of what was "two days
    after the robbery" counted back from the arrest's. Hours count as whole days,
    rounded (half a day or less is the same day). A year or a decade gives only
    a year.

    >>> apart_by(DateValue("2025-06-02", "day"), "two days", later=False).value
    '2025-05-31'
    >>> apart_by(DateValue("2025-06", "month"), "a year", later=False).value
    '2024'
    >>> apart_by(DateValue("2025", "year"), "a week", later=True) is None
    True
    >>> apart_by(DateValue("2025-06-02", "day"), "48 hours", later=True).value
    '2025-06-04'
    >>> apart_by(DateValue("2025-06-02", "day"), "Forty-eight hours", later=True).value
    '2025-06-04'
    """
    m = _SPAN_APART.match(span.strip())
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else _SPAN_NUMBERS[_words(m["n"])]
    unit = m["unit"].lower()
    if unit == "hour":
        n, unit = (n + _HALF_DAY - 1) // 24, "day"  # 36 hours: a day; 37: two
    n = n if later else -n
    if unit in ("day", "week"):
        return shifted(value, days=n * (7 if unit == "week" else 1))
    if unit == "month":
        return shifted(value, months=n)
    return shifted(value, years=n * (10 if unit == "decade" else 1))


#: a time of the clock, a part of a day that names no other day: "5 a.m.",
#: "soon after 10:30", "by midday"
_CLOCK_TIME = re.compile(
    r"\b(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\b\.?|\d{1,2}:\d\d|noon|midday)", re.I
)
#: the words of a time that names a day or a span of days of its own
_DAY_WORDS = re.compile(
    r"\b(?:day|night|morning|afternoon|evening|week|month|year|yesterday|today|"
    r"tonight|tomorrow|" + "|".join(WEEKDAYS) + r")"
    # a month or a year with the clock time names its day: "noon on March 3"
    r"|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b|\b\d{4}\b",
    re.I,
)


def a_length(text: str) -> bool:
    """Whether a date expression is a length of time and no time at all: "a
    week", "ten years", "four-year", "two-month-long".

    >>> a_length("ten years"), a_length("four-year"), a_length("10 days")
    (True, True, True)
    >>> a_length("ten years ago"), a_length("last year"), a_length("2019")
    (False, False, False)
    """
    words = re.sub(r"[\s-]+long$", "", text.strip()).replace("-", " ")
    return _SPAN_APART.match(words) is not None


def a_clock_time(text: str) -> bool:
    """Whether a time expression is a time of the clock alone, which names no
    day of its own: "5 a.m.", "soon after 10:30", "by midday" (not "10 p.m.
    on Sunday", "the next morning", "last night").

    >>> a_clock_time("just after 5 a.m."), a_clock_time("midday")
    (True, True)
    >>> a_clock_time("5 a.m. on Sunday"), a_clock_time("last night")
    (False, False)
    >>> a_clock_time("noon on March 3"), a_clock_time("10:30 p.m. Jan. 5")
    (False, False)
    >>> a_clock_time("5 a.m. on 12 June 2019"), a_clock_time("10:30 p.m.")
    (False, True)
    """
    return _CLOCK_TIME.search(text) is not None and _DAY_WORDS.search(text) is None


def _words(figure: str) -> str:
    """A figure in words as :data:`_SPAN_NUMBERS` keys it: lower case, one space."""
    return " ".join(figure.lower().split())


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO date or date-time string, in its own time zone.

    >>> parse_published("2026-03-14T08:10:00+08:00")
    datetime.date(2026, 3, 14)
    >>> parse_published(None) is None
    True
    """
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def _valid_day(year: int, month: int, day: int) -> DateValue | None:
    try:
        return DateValue(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _month_value(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month")


def _month_after(year: int, month: int, months: int) -> DateValue:
    """The month ``months`` after (before, when negative) ``month`` of ``year``.

    >>> _month_after(2024, 11, 3)
    DateValue(value='2025-02', precision='month')
    >>> _month_after(2024, 1, -1).value
    '2023-12'
    """
    index = year * 12 + month - 1 + months
    return _month_value(index // 12, index % 12 + 1)


def _nearest_month(month: int, ref: date, tense: Tense) -> DateValue:
    """The month ``month`` nearest the reference date, in the tense's direction; in
    the present, this year's, as for a month and day ("drafts the platform before
    the convention in July", in June), unless the other year's is at most two
    months away ("closes its books in December", in January).

    >>> _nearest_month(7, date(2016, 6, 9), "present")
    DateValue(value='2016-07', precision='month')
    >>> _nearest_month(12, date(2016, 1, 9), "present")
    DateValue(value='2015-12', precision='month')
    """
    year = ref.year
    if tense == "present":
        gap = month - ref.month
        return _month_value(year - (gap >= 10) + (gap <= -10), month)
    if tense in _BACK and month > ref.month:
        year -= 1
    elif tense not in _BACK and month < ref.month:
        year += 1
    return _month_value(year, month)


def _nearest_weekday(weekday: int, ref: date, tense: Tense, rel: str) -> DateValue:
    delta = (weekday - ref.weekday()) % 7
    if tense in _BACK and delta:
        delta -= 7
    if rel == "last":
        delta = delta - 7 if delta >= 0 else delta
    elif rel == "next":
        delta = delta + 7 if delta <= 0 else delta
    return DateValue((ref + timedelta(days=delta)).isoformat(), "day")


def _absolute(text: str, ref: date | None, tense: Tense) -> DateValue | None:
    for pattern, kind in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        if kind == "iso":
            return _valid_day(int(groups["year"]), int(m["m"]), int(m["d"]))
        month = MONTHS.get((groups.get("month") or "").lower(), 0)
        if kind == "day":
            return _valid_day(int(groups["year"]), month, int(groups["day"]))
        if kind == "month":
            return _month_value(int(groups["year"]), month)
        if kind == "year":
            return DateValue(groups["year"], "year")
        if ref is None:
            return None
        if kind == "monthonly":
            rel = (groups.get("rel") or "").lower()
            if rel in ("last", "next"):  # "late last July": the July before this month
                tense = "past" if rel == "last" else "future"
                if month == ref.month:
                    return _month_value(ref.year + (-1 if rel == "last" else 1), month)
            return _nearest_month(month, ref, tense)
        if kind == "holiday":
            month, day = _holiday(groups["holiday"])
            return _month_day(month, day, ref, tense)
        return _month_day(month, int(groups["day"]), ref, tense)
    return None


def _holiday(name: str) -> tuple[int, int]:
    """The month and day of a day known by name ("Christmas Eve")."""
    return next(v for k, v in HOLIDAY_DATES.items() if re.fullmatch(k, name, re.I))


def holiday(text: str) -> bool:
    """Whether a phrase is a day known by name ("New Year's Eve")."""
    words = re.sub(r"^(?:on\s+)?(?:the\s+)?", "", text.strip(), flags=re.I)
    return any(re.fullmatch(k, words, re.I) for k in HOLIDAY_DATES)


#: How near the year boundary a month and day in a present-tense clause may take the
#: other year's day ("the deadline is Dec. 28" in an article of Jan. 3).
_ACROSS_NEW_YEAR = timedelta(days=60)


def _month_day(month: int, day: int, ref: date, tense: Tense) -> DateValue | None:
    """A month and day without a year. News style names the year of a date outside
    the current one, so it is this year's day: "Dec. 28" in an article of Dec. 10
    is this Dec. 28 even in a past-tense clause ("the Dec. 28 meeting was set").
    When this year's day lies against the clause's tense, the other year's is taken
    if it is nearer, and in the past whenever this year's is more than two months
    ahead: in an article of Jan. 3, a past "Dec. 28" is last year's; in one of
    March 14, "seized the town on Dec. 3" is last December; in one of May 6, "the
    Nov. 14 killing" is last November's; and in a month after the month of
    writing, always: "was arrested on Dec. 3" in an article of Nov. 7 is last
    December's. In the future, the other way round: "will open on June 5" in an
    article of Sept. 26 is next June, and "will vote on Oct. 30" in one of Nov. 7
    next October.

    >>> _month_day(12, 28, date(2015, 12, 10), "past")
    DateValue(value='2015-12-28', precision='day')
    >>> _month_day(12, 28, date(2016, 1, 3), "past")
    DateValue(value='2015-12-28', precision='day')
    >>> _month_day(1, 5, date(2015, 12, 20), "future")
    DateValue(value='2016-01-05', precision='day')
    >>> _month_day(3, 2, date(2025, 11, 6), "past")
    DateValue(value='2025-03-02', precision='day')
    >>> _month_day(12, 3, date(2024, 3, 14), "past")
    DateValue(value='2023-12-03', precision='day')
    >>> _month_day(11, 14, date(2024, 5, 6), "past")
    DateValue(value='2023-11-14', precision='day')
    >>> _month_day(6, 5, date(2013, 9, 26), "future")
    DateValue(value='2014-06-05', precision='day')
    >>> _month_day(9, 20, date(2013, 9, 26), "future")
    DateValue(value='2013-09-20', precision='day')
    >>> _month_day(12, 3, date(2005, 11, 7), "past")
    DateValue(value='2004-12-03', precision='day')
    >>> _month_day(10, 30, date(2005, 11, 7), "future")
    DateValue(value='2006-10-30', precision='day')
    >>> _month_day(11, 20, date(2005, 11, 7), "past")
    DateValue(value='2005-11-20', precision='day')
    >>> _month_day(12, 3, date(2005, 11, 7), "present")
    DateValue(value='2005-12-03', precision='day')
    """
    this_year = _valid_day(ref.year, month, day)
    if this_year is None:
        return None
    step = -1 if tense in _BACK else 1
    if (date.fromisoformat(this_year.value) - ref).days * step >= 0:
        return this_year  # the tense agrees
    other = _valid_day(ref.year + step, month, day)
    if other is None:
        return this_year
    if tense in ("past", "future") and (month - ref.month) * step < 0:
        # a deed done in a month yet to come, or one to come in a month gone by:
        # the other year's ("was arrested on Dec. 3" in a November story)
        return other
    gap = abs(date.fromisoformat(other.value) - ref)
    if tense in ("present", "ahead"):
        return other if gap <= _ACROSS_NEW_YEAR else this_year
    # a past event on a day months ahead cannot be: last year's day; nor a future
    # one on a day months behind: next year's
    off_by = abs(date.fromisoformat(this_year.value) - ref)
    return other if off_by > _ACROSS_NEW_YEAR else this_year


def _relative(text: str, ref: date, tense: Tense) -> DateValue | None:
    lowered = text.lower().strip()
    for word, offset in _RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lowered):
            return DateValue((ref + timedelta(days=offset)).isoformat(), "day")
    found = _ago(lowered, ref) or _quarter(lowered, ref, tense)
    if found is not None:
        return found
    m = _WEEKEND.search(lowered)
    if m:
        return _weekend(m["rel"], ref, tense)
    m = _WEEK.search(lowered)
    day_of_week = _WEEKDAY.search(lowered)
    if m and day_of_week and m["rel"] in ("last", "next", "this"):
        # "on Tuesday last week": that week's Tuesday
        step = {"last": -7, "next": 7, "this": 0}[m["rel"]]
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=step)
        day = monday + timedelta(days=WEEKDAYS[day_of_week["wd"].lower()])
        return DateValue(day.isoformat(), "day")
    if m:
        step = {"last": -7, "past": -7, "next": 7, "coming": 7, "this": 0}[m["rel"]]
        day = ref + timedelta(days=step)
        return (
            _month_value(day.year, day.month) if _same_month_week(ref, step) else None
        )
    m = _WEEKDAY.search(lowered)
    if m:
        return _nearest_weekday(WEEKDAYS[m["wd"]], ref, tense, m["rel"] or "")
    m = _RELATIVE_SPAN.search(lowered)
    # "ended the year with a loss" in January is last year's: "the year" is only
    # sure of what lies ahead ("by the end of the year")
    if m and (m["rel"] or tense not in _BACK):
        step = {"last": -1, "next": 1, "this": 0}[m["rel"] or "this"]
        if m["unit"] == "year":
            # "in May this year": that year's May
            month = _month_named(lowered[: m.start()])
            if month:
                return _month_value(ref.year + step, month)
            return DateValue(str(ref.year + step), "year")
        return _month_after(ref.year, ref.month, step)
    return None


def _month_named(text: str) -> int:
    """The month a phrase names in full (0 for none): "in may" is 5."""
    return next((_FULL_MONTHS[w] for w in text.split() if w in _FULL_MONTHS), 0)


def _weekend(rel: str | None, ref: date, tense: Tense) -> DateValue | None:
    """The month of a weekend: "last weekend" the one before this week's, "this
    weekend" this week's, "the weekend" the one just gone in the past tense and
    the one ahead in another; None for a weekend across two months (a weekend is
    two days, so no one day of it is sure).

    "Next weekend" and "coming weekend" said on a weekday (Monday to Friday) are
    the first weekend ahead, this week's Saturday and Sunday, as a reader takes
    "next weekend" on a Wednesday; said on a Saturday or a Sunday, "next weekend"
    is the one a week later, while "coming weekend" stays the current one.

    >>> _weekend(None, date(2025, 6, 12), "past").value
    '2025-06'
    >>> _weekend("next", date(2025, 5, 21), "future").value  # a Wednesday
    '2025-05'
    >>> _weekend("next", date(2025, 5, 24), "future") is None  # a Saturday
    True
    >>> _weekend("next", date(2025, 5, 29), "future") is None
    True
    """
    saturday = ref + timedelta(days=5 - ref.weekday())  # this week's
    weekend_now = ref.weekday() >= 5
    if rel in ("last", "past") or rel is None and tense in _BACK and not weekend_now:
        saturday -= timedelta(days=7)
    elif rel == "next" and weekend_now:
        saturday += timedelta(days=7)
    sunday = saturday + timedelta(days=1)
    if sunday.month != saturday.month:
        return None
    return _month_value(saturday.year, saturday.month)


def _ago(lowered: str, ref: date) -> DateValue | None:
    """ "two days ago" is a day; "three weeks ago" a day too (the same weekday);
    "a month ago" a month; "a year ago" the same month a year before; "a decade
    ago" a year."""
    m = _AGO.search(lowered)
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"]]
    unit = m["unit"]
    if unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return DateValue((ref - timedelta(days=days)).isoformat(), "day")
    if unit == "decade":  # "a decade ago": no finer than its year
        return DateValue(str(ref.year - 10 * n), "year")
    return _month_after(ref.year, ref.month, -n * (12 if unit == "year" else 1))


def _quarter(lowered: str, ref: date, tense: Tense) -> DateValue | None:
    """A quarter's year: the one written, else the nearest such quarter in the tense's
    direction ("the third quarter" in June 2025, past: 2024)."""
    m = _QUARTER.search(lowered)
    if m is None:
        return None
    if m["year"]:
        return DateValue(m["year"], "year")
    of_year = _OF_YEAR.match(lowered, m.end())
    if of_year is not None:  # "the first quarter of last year"
        step = {"last": -1, "previous": -1, "this": 0, "next": 1}[of_year["rel"]]
        return DateValue(str(ref.year + step), "year")
    q = int(m["q"]) if m["q"] else _QUARTER_NUMBER[m["nth"]]
    current = (ref.month - 1) // 3 + 1
    year = ref.year
    if tense in _BACK and q > current:
        year -= 1
    elif tense not in _BACK and q < current:
        year += 1
    return DateValue(str(year), "year")


def _same_month_week(ref: date, step: int) -> bool:
    """Whether the whole week ``step`` days from ``ref`` lies in one month, so that
    "last week" can be dated to a month at all."""
    day = ref + timedelta(days=step)
    monday = day - timedelta(days=day.weekday())
    return monday.month == (monday + timedelta(days=6)).month


def resolve(
    text: str, ref: date | None = None, tense: Tense = "past"
) -> DateValue | None:
    """Normalise one date expression, or return None when it names no date we can know.

    >>> resolve("October 24, 2024")
    DateValue(value='2024-10-24', precision='day')
    >>> resolve("in March", date(2025, 11, 6))
    DateValue(value='2025-03', precision='month')
    >>> resolve("on Wednesday", date(2025, 11, 6))
    DateValue(value='2025-11-05', precision='day')
    >>> resolve("in April", date(2026, 2, 2), "future")
    DateValue(value='2026-04', precision='month')
    >>> resolve("on Tuesday") is None
    True
    >>> resolve("12 months", date(2026, 2, 2)) is None
    True
    >>> resolve("two days ago", date(2026, 2, 2))
    DateValue(value='2026-01-31', precision='day')
    >>> resolve("the third quarter", date(2026, 2, 2))
    DateValue(value='2025', precision='year')
    >>> resolve("last night", date(2026, 2, 2))
    DateValue(value='2026-02-01', precision='day')
    >>> resolve("late last July", date(2013, 3, 22))
    DateValue(value='2012-07', precision='month')
    >>> resolve("through June", date(2013, 3, 18), "ahead")
    DateValue(value='2013-06', precision='month')
    >>> resolve("the first half of 2024"), resolve("at the end of May", date(2025, 6, 1))
    (DateValue(value='2024', precision='year'), DateValue(value='2025-05', precision='month'))
    >>> resolve("by the end of the year", date(2025, 6, 1), "future")
    DateValue(value='2025', precision='year')
    """
    found = _absolute(text, ref, tense)
    if found is not None or ref is None:
        return found
    return _relative(text, ref, tense)


_DATE_WORDS = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?"  # "March 3", "Feb. 2, 2026"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"  # "3 March 2026"
)
_NAME = r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,4}"
# "LONDON, July 24 (Wire) —", "LAGOS, Nigeria (Agency) —", "GENEVA —",
# "Kestrel Point, March 3 —", "PORTO, May 2, 2025 /Wire/ --": a place, then a region
# or a date or both, an optional agency in brackets or slashes, and a dash.
_ANY_DATELINE = re.compile(
    rf"(?P<place>{_NAME})(?:,\s+(?P<region>{_NAME})(?=[,\s(/]))?"
    rf"(?:,?\s+(?P<date>{_DATE_WORDS}))?"
    r"(?:\s*\([^)\n]{1,40}\)|\s*/[^/\n]{1,40}/)?\s*[—–-]+\s"  # agency or wire
)
# "(Wire) — Prices rose", "Porto (Wire) -- Prices rose", "(Wire)Prices rose": the
# agency's name in brackets marks a dateline on its own, with or without a place,
# a dash, or even a space after it (as text flattened from a page prints it); not
# "The Varda Trust (VT) Board", an organisation's short form.
_AGENCY_DATELINE = re.compile(
    rf"(?:(?P<place>{_NAME})(?:,\s+(?P<region>{_NAME}))?\s*)?"
    r"\([A-Z][\w.&' -]{0,30}\)(?:\s*[—–-]+\s|(?=[A-Z\"“]))"
)


# The abbreviations of US states in datelines ("Dekalb, Ill. —"), AP style.
_AP_PAIRS = """Ala.=Alabama Ariz.=Arizona Ark.=Arkansas Calif.=California Colo.=Colorado
Conn.=Connecticut Del.=Delaware Fla.=Florida Ga.=Georgia Ill.=Illinois Ind.=Indiana
Kan.=Kansas Ky.=Kentucky La.=Louisiana Md.=Maryland Mass.=Massachusetts
Mich.=Michigan Minn.=Minnesota Miss.=Mississippi Mo.=Missouri Mont.=Montana
Neb.=Nebraska Nev.=Nevada N.H.=New_Hampshire N.J.=New_Jersey N.M.=New_Mexico
N.Y.=New_York N.C.=North_Carolina N.D.=North_Dakota Okla.=Oklahoma Ore.=Oregon
Pa.=Pennsylvania R.I.=Rhode_Island S.C.=South_Carolina S.D.=South_Dakota
Tenn.=Tennessee Va.=Virginia Vt.=Vermont Wash.=Washington W.Va.=West_Virginia
Wis.=Wisconsin Wyo.=Wyoming"""
AP_STATES = {
    short: name.replace("_", " ")
    for short, name in (pair.split("=") for pair in _AP_PAIRS.split())
}


def _state_line(m: re.Match[str]) -> bool:
    """ "Dekalb, Ill. —": a town in title case and its state's abbreviation, before
    a long dash (a hyphen could be a sentence's own)."""
    return m["region"] in AP_STATES and "-" not in m.group(0)[m.end("region") :]


@dataclass(frozen=True)
class Dateline:
    """The words that place and date a report, before its first sentence."""

    end: int  # where the first sentence starts
    places: tuple[tuple[int, int], ...]  # character spans of the place and region
    date: DateValue | None  # only a date that states its year
    #: places in capitals or before a date; else only an agency's brackets say
    #: it is a dateline, and a body may stand where the place would ("Varda
    #: Council (Wire) —"): the caller checks them against its gazetteer
    sure: bool = True


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of the text, if any. A place in capitals stands
    alone ("GENEVA —"); a place in title case needs a date ("Kestrel Point, March 3 —"),
    or "Lima said - yes" would be one.

    >>> d = find_dateline("LAGOS, Nigeria (Wire) — Prices rose.")
    >>> d.end, d.places, d.date
    (24, ((0, 5), (7, 14)), None)
    >>> find_dateline("Lima said on July 3 - yes.") is None
    True
    >>> find_dateline("PORTO, May 2, 2025 /Wire/ -- Prices rose.").date
    DateValue(value='2025-05-02', precision='day')
    >>> find_dateline("Porto (Wire) -- Prices rose.").places
    ((0, 5),)
    >>> find_dateline("(Wire)Prices rose.").end, find_dateline("Porto (spokesman) said no") is None
    (6, True)
    """
    m = _ANY_DATELINE.match(text)
    sure = m is not None and bool(m["place"].isupper() or m["date"] or _state_line(m))
    if not sure:
        m = _AGENCY_DATELINE.match(text)
    if m is None:
        return None
    places = tuple(m.span(g) for g in ("place", "region") if m[g])
    day: str | None = m.groupdict().get("date")  # an agency's dateline has none
    dated = resolve(day) if day is not None and re.search(r"\d{4}", day) else None
    return Dateline(m.end(), places, dated, sure)


def dateline_end(text: str) -> int:
    """Where a dateline at the start of the text ends (0 without one): its words
    place and date the report, and are no part of the first sentence's grammar.

    >>> dateline_end("LONDON, July 24 — Shares rose.")
    18
    >>> dateline_end("Shares rose on July 24.")
    0
    """
    found = find_dateline(text)
    return found.end if found else 0


def dateline_date(text: str) -> DateValue | None:
    """The date of a news dateline at the start of the text ("PORTO, Feb. 2, 2026 —").

    >>> dateline_date("PORTO, March 3, 2025 — Shares rose.")
    DateValue(value='2025-03-03', precision='day')
    >>> dateline_date("Shares rose on March 3, 2025.") is None
    True
    """
    found = find_dateline(text)
    return found.date if found else None


_WEEKDAY_WORD = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
# a time of day and its zone: "6:27pm EST", "10:00 (GMT+05:00)", "10.30 UTC+1"
_CLOCK = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)"
)
# "Tue Mar 4, 2008 6:27pm EST", "4 March 2008": a day and its time, after any
# label ("Published:", "Updated on": see _LABEL)
_DATE_LINE = re.compile(
    rf"(?:{_WEEKDAY_WORD}\s+)?(?P<date>[^\n]{{6,30}}?){_CLOCK}?\s*",
    re.I,
)


def date_line(line: str) -> DateValue | None:
    """The day a line gives when it gives nothing else: a date line under a
    headline ("Tue Mar 4, 2008 6:27pm EST", "Published: 4 March 2008").

    >>> date_line("Tuesday, March 4, 2008")
    DateValue(value='2008-03-04', precision='day')
    >>> date_line("Tue Mar 4, 2008 6:27pm EST")
    DateValue(value='2008-03-04', precision='day')
    >>> date_line("4 March 2008, 10:00 (GMT+05:00)")
    DateValue(value='2008-03-04', precision='day')
    >>> date_line("Updated 10:15 AM EST, Sun March 12, 2023")
    DateValue(value='2023-03-12', precision='day')
    >>> date_line("March 12, 2023 / 10:15 AM / Updated 2 hours ago")
    DateValue(value='2023-03-12', precision='day')
    >>> date_line("Dateline: KESTRIN, Oct. 30, 1989")
    DateValue(value='1989-10-30', precision='day')
    >>> date_line("Velmora Daily Courier — June 22, 2015")
    DateValue(value='2015-06-22', precision='day')
    >>> date_line("Rain fell on March 4, 2008.") is None
    True
    >>> date_line("Floods cut off the town — June 22, 2015") is None
    True
    """
    line = line.strip()
    if len(line) > _DATE_LINE_CHARS:
        return None
    found = None
    for part in _LINE_PARTS.split(line):
        day = _day_of_part(part)
        if day is None and not _page_words(part):
            return None  # words of a sentence or a headline, not a date line
        found = found or day
    return found


def _day_of_part(part: str) -> DateValue | None:
    """The day one part of a date line gives when it gives nothing else ("Updated
    10:15 AM EST, Sun March 12, 2023")."""
    part = _LABEL.sub("", part.strip(), count=1)
    part = _CLOCK_FIRST.sub("", part, count=1)
    return _only_a_day(part) or _only_a_day(_PLACE_FIRST.sub("", part, count=1))


def _only_a_day(part: str) -> DateValue | None:
    m = _DATE_LINE.fullmatch(part)
    if m is None:
        return None
    found = _absolute(m["date"], None, "past")
    exact = found is not None and found.precision == "day"
    return found if exact and _only_a_date(m["date"]) else None


def _page_words(part: str) -> bool:
    """A part of a date line besides its date: a time, "Updated 2 hours ago",
    "3 min read", a byline ("By Ana Obi"), an agency in capitals ("REUTERS"),
    the paper's name in title case ("Velmora Daily Courier")."""
    return len(part.split()) <= _OTHER_PART_WORDS and (
        _PAGE_WORDS.search(part) is not None
        or part.isupper()
        or _TITLE_CASE.fullmatch(part) is not None
    )


#: a page's date line is short; the parts of one besides its date are shorter still
_DATE_LINE_CHARS = 100
_OTHER_PART_WORDS = 6
_PAGE_WORDS = re.compile(r"\d|^by\s|\b(?:updated|read|ago|published|posted)\b", re.I)
#: the marks that part a date line: "March 12, 2023 / 10:15 AM", "12 March • 3 min"
_LINE_PARTS = re.compile(r"\s+[/|•·—–-]\s+")
_LABEL = re.compile(
    r"^(?:first published|published|posted|updated|last updated|last modified"
    r"|dateline|date)\s*:?\s*(?:on\s+)?",
    re.I,
)
#: a place before the date, as a dateline under the byline has it: "KESTRIN, Oct.
#: 30, 1989", "Velmora, June 2, 2015"
_PLACE_FIRST = re.compile(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s+")
#: a name in title case, as a paper's: "The Velmora Herald-Courier", "Kestrin Times"
_TITLE_CASE = re.compile(
    r"(?:The\s+)?[A-Z][\w.'&-]*(?:\s+(?:of|the|and|&|[A-Z][\w.'&-]*))*"
)
#: a time of day before the date: "10:15 AM EST, Sun March 12, 2023"
_CLOCK_FIRST = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?,?\s+", re.I
)


def _only_a_date(text: str) -> bool:
    """Whether the words are a day with its year and nothing else."""
    return any(
        pattern.fullmatch(text.strip(" ,"))
        for pattern, kind in _PATTERNS
        if kind in ("iso", "day")
    )


def published_date(published: str | None, text: str) -> str | None:
    """When an article was published: its metadata, else the date of its dateline.

    Both extraction (to resolve "on Tuesday") and mapping (``schema:datePublished``)
    use this, so the two never disagree. A date the article does not state is None.

    >>> published_date(None, "PORTO, March 3, 2025 — Shares rose.")
    '2025-03-03'
    >>> published_date("2025-10-14", "PORTO, March 3, 2025 — Shares rose.")
    '2025-10-14'
    """
    if parse_published(published) is not None:
        return published
    dateline = dateline_date(text)
    return dateline.value if dateline else None
