"""Find figures in text: "12 000", "$312 million", "€300m", "8%", "more than 3,000", "two".

Pure text rules, no NLP: each figure comes back with its span, value or bounds, a unit
when the figure's own words give one (currency, percent), and whether it is approximate.
Dates, times, years and ordinals are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

WORD_NUMBERS: dict[str, float] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "half a dozen": 6,
    "a half dozen": 6,
    "a half-dozen": 6,
    "a thousand": 1000,
}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# "twenty-three", "twenty three"
WORD_NUMBERS.update(
    {
        f"{ten}{sep}{unit}": WORD_NUMBERS[ten] + i + 1
        for ten in _TENS
        for i, unit in enumerate(_UNITS)
        for sep in ("-", " ")
    }
)
# "three hundred", "one hundred"; "a million", "one billion", "half a million": a lone
# "one" is no figure ("one of the men"), but with a scale it is
WORD_NUMBERS.update({f"{unit} hundred": (i + 1) * 100 for i, unit in enumerate(_UNITS)})
WORD_NUMBERS.update(
    {
        f"{lead} {scale}": factor * value
        for scale, value in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9))
        for lead, factor in (("a", 1), ("one", 1), ("half a", 0.5))
    }
)
# A scale may follow a figure: "two dozen", "4.5 million".
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "dozen": 12,
    # South Asian scales: "Rs 500 crore", "2 lakh people"
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
}
CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₦": "NGN",
    "₱": "PHP",
    "₩": "KRW",
    "₺": "TRY",
    "₽": "RUB",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "cny": "CNY",
    "rupees": "INR",
    "francs": "CHF",
    "chf": "CHF",
    "kroner": "NOK",
    "krone": "NOK",
    "nok": "NOK",
    "kronor": "SEK",
    "krona": "SEK",
    "rupee": "INR",
    "roubles": "RUB",
    "rouble": "RUB",
    "rubles": "RUB",
    "ruble": "RUB",
    "pesos": "pesos",  # several countries' currency: the word, not a code
    "naira": "NGN",
    "lira": "TRY",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "shekels": "ILS",
    "shekel": "ILS",
    "dirhams": "AED",
    "riyals": "SAR",
    "zlotys": "PLN",
    "zloty": "PLN",
    "forints": "HUF",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "renminbi": "CNY",
    "reais": "BRL",
}
#: currency words that are English words too ("the team won 3-1"): a currency only
#: after a scale ("1.2 trillion won", "500 billion dong")
SCALED_CURRENCY_WORDS = {"won": "KRW", "dong": "VND"}
# ISO 4217 codes written beside a figure ("USD 40 million", "NOK 300m"), from pycountry.
# Codes that are also English words are left out: in an upper-case headline "ALL 5"
# or "TOP 10" is no sum of money.
_CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "TRY", "SOS", "BOB", "MOP", "PEN", "GEL"})
CURRENCY_CODES = frozenset(
    c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _CODE_WORDS
)
LOWER_BOUND = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "exceeding",
)
UPPER_BOUND = (
    "up to",
    "less than",
    "fewer than",
    "under",
    "at most",
    "no more than",
    "as many as",
    "as much as",
)
APPROXIMATE = (
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "nearly",
    "almost",
    "close to",
    "closer to",
    "circa",
    "approx.",
)

_DIGITS = r"\d{1,3}(?:(?:,|[ \u00a0\u202f](?=\d{3}\b))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_SYMBOL = "|".join(
    re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
)
_CURWORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_CODE = "|".join(sorted(CURRENCY_CODES))
# Currency prefixes made of letters need a word boundary and their exact case:
# "Sh2.5 billion", "KSh 300m", "Rs 40 crore"; never the "sh" in "cash 5".
LETTER_SYMBOLS = {
    "KSh": "KES",
    "Ksh": "KES",
    "TSh": "TZS",
    "USh": "UGX",
    "Sh": "shillings",
    "Rs": "INR",
    "R$": "BRL",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
    "S$": "SGD",
    "HK$": "HKD",
    "NT$": "TWD",
    "RM": "MYR",
    "Rp": "IDR",
    "R": "ZAR",
    "N": "NGN",
}
#: one-letter prefixes that are a currency only before a scale ("R1.2 billion",
#: "N500 billion"); "R101" and "N95" are a road and a mask
_SCALED_ONLY = frozenset({"R", "N"})
_LSYM = "|".join(re.escape(s) for s in sorted(LETTER_SYMBOLS, key=len, reverse=True))
# "hundreds of people": a plural of a round number is at least two of it
_VAGUE = {
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}
_VAGUE_RE = re.compile(
    r"\b(?P<vague>"
    + "|".join(sorted(map(re.escape, _VAGUE), key=len, reverse=True))
    + r")(?= of\b)",
    re.I,
)
# "two and a half million", "3 and a half years": the half counts
_AND_A_HALF = r"\s+and\s+a\s+half\b"
# what may follow "hundred": "one hundred twenty", "three hundred and five"; not
# the next figure's own hundreds ("between one hundred and two hundred")
_UNDER_100 = "|".join(
    sorted(
        (re.escape(w) for w, v in WORD_NUMBERS.items() if v < 100 and " " not in w),
        key=len,
        reverse=True,
    )
    + ["one"]
)
_NUMBER = re.compile(
    rf"(?:(?P<symbol>{_SYMBOL})\s?|\b(?P<lsym>(?-i:{_LSYM}))\s?"
    rf"|\b(?P<code>(?-i:{_CODE}))\s?)?"
    rf"(?:(?P<digits>{_DIGITS})(?P<frac>\s?[½¼¾]|\s[13]/[24](?![\d/]))?"
    rf"|\b(?P<words>{_WORDS}|one(?={_AND_A_HALF}))\b"
    rf"(?:(?P<tens>(?<=hundred)\s+(?:and\s+)?(?:{_UNDER_100}))\b(?!\s+hundred\b))?)"
    rf"(?P<half>{_AND_A_HALF})?"
    rf"(?:[\s-]?(?P<scale>{_SCALE})\b)?"
    rf"(?:(?P<points>\s(?:percentage|basis)[\s-]points?\b)"
    rf"|(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)"
    rf"|\s(?P<codeafter>(?-i:{_CODE}))\b(?!\s?\d)"
    rf"|[\s-](?P<curword>{_CURWORD})\b(?!\s?\d)"
    rf"|(?<=[a-z])\s(?P<scaledcur>{'|'.join(SCALED_CURRENCY_WORDS)})\b)?",
    re.I,
)
# "three-quarters", "two thirds": fractions, not counts
_FRACTION_AFTER = re.compile(
    r"^[\s-](?:quarters?|thirds?|halves|fifths?|tenths?)\b", re.I
)
# what follows "3.4m" when it counts millions of something
_MILLIONS_OF = re.compile(
    r"\s+(?:people\b|(?!(?:metres|meters|miles|minutes|seconds|hours|years)\b)[a-z]{3,}s\b)"
)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
# "45-year-old": an age, in the unit it is counted in
_AGE = re.compile(r"-(year|month|week|day)s?-old\b", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|and)\s*$", re.I)
_MONTH_NAMES = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
    r"april|june|july|august|september|october|november|december"
)
_DATE_CONTEXT_BEFORE = re.compile(rf"(?:\b(?:{_MONTH_NAMES})\.?\s*|mid-|\d:)$", re.I)
_DATE_CONTEXT_AFTER = re.compile(
    rf"^(?:\s*(?:{_MONTH_NAMES})\b|:\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|st\b|nd\b|rd\b|th\b|-(?:year|month|week|day)s?-olds\b)",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    """A figure found in text, before a unit noun is attached from the sentence."""

    start: int
    end: int
    value: float | None
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    approximate: bool = False


def _to_float(digits: str) -> float:
    return float(re.sub(r"[ ,\u00a0\u202f]", "", digits))


def _is_date_part(text: str, m: re.Match[str]) -> bool:
    """Years, days of the month, times and ordinals are not figures."""
    before, after = (
        text[max(0, m.start() - 12) : m.start()],
        text[m.end() : m.end() + 14],
    )
    if _DATE_CONTEXT_BEFORE.search(before) or _DATE_CONTEXT_AFTER.match(after):
        return True
    if m["words"] and _FRACTION_AFTER.match(after):
        return True
    digits = m["digits"]
    is_plain_year = bool(digits and re.fullmatch(r"(1[89]|20)\d\d", digits))
    money = m["symbol"] or m["lsym"] or m["code"] or m["codeafter"] or m["curword"]
    return is_plain_year and not (money or m["scale"] or m["pct"])


# A number that is part of a name: a model ("A380", "F-16"), a stock index ("the
# S&P 500"), a decade ("in his 30s"), the end of a span of years ("1987-88"), a
# street number ("469 Main Street").
_INDEX_BEFORE = re.compile(
    r"\b(?:S&P|SP|FTSE|Nikkei|CAC|DAX|Stoxx|Russell|Hang Seng|MSCI|ASX|Sensex)\s?$"
)
_STREET_AFTER = re.compile(
    r"^\s(?:[A-Z][a-z]+\s){1,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|"
    r"Blvd\.|Lane|Drive|Way|Place)"
)


def street_after(after: str) -> bool:
    """Whether the text right after a number names a street: " Main Street" (the
    number is a house's, "469 Main Street")."""
    return _STREET_AFTER.match(after) is not None


def _is_name_part(text: str, m: re.Match[str]) -> bool:
    if m["symbol"] or m["lsym"] or m["code"] or m["codeafter"] or m["curword"]:
        return False  # money: "A$5 million"
    start, end = m.start(), m.end("digits")
    before = text[max(0, start - 12) : start]
    if before[-1:].isupper() or re.search(r"\b[A-Z][A-Za-z]{0,2}-$", before):
        return True  # "A380", "F-16"
    if _INDEX_BEFORE.search(before) or re.search(r"\b(?:1[89]|20)\d\d-$", before):
        return True
    after = text[end : end + 40]
    return bool(re.match(r"s\b", after) or street_after(after))


def _qualifier(text: str, start: int) -> tuple[str | None, bool]:
    """The bound ("min"/"max") and approximation words just before a figure."""
    before = text[max(0, start - 30) : start].lower().rstrip()
    bound = None
    if before.endswith(LOWER_BOUND):
        bound = "min"
    elif before.endswith(UPPER_BOUND):
        bound = "max"
    approx = bool(
        re.search(r"\b(?:" + "|".join(map(re.escape, APPROXIMATE)) + r")$", before)
    )
    return bound, approx


def _figure(text: str, m: re.Match[str]) -> Figure:
    raw = m["digits"] or ""
    value = _to_float(raw) if raw else _words_value(m["words"], m["tens"])
    if m["frac"]:  # "2 1/2 years", "2½ hours"
        value += _FRACTIONS[m["frac"].strip()]
    if m["half"]:  # "two and a half million"
        value += 0.5
    if m["scale"]:
        scale = m["scale"].lower()
        # a lone "m" or "b" counts as a scale in a sum of money ("€2m", "2m euros"),
        # and "m" before a counted plural ("3.4m people"), not in "100m sprint" or
        # "5m high"
        if (
            scale not in ("m", "b")
            or m["symbol"]
            or m["code"]
            or m["lsym"]
            or m["curword"]  # "2m euros", "30m pounds"
            or m["scaledcur"]
            or (scale == "m" and _MILLIONS_OF.match(text, m.end()))
        ):
            value *= SCALES[scale]
    unit = None
    if m["lsym"]:
        unit = LETTER_SYMBOLS[m["lsym"]]
    elif m["symbol"]:
        unit = CURRENCY_SYMBOLS[m["symbol"].upper() if m["symbol"] != "$" else "$"]
    elif m["code"] or m["codeafter"]:
        unit = m["code"] or m["codeafter"]
    elif m["curword"]:
        unit = CURRENCY_WORDS[m["curword"].lower()]
    elif m["scaledcur"]:
        unit = SCALED_CURRENCY_WORDS[m["scaledcur"].lower()]
    elif m["pct"]:
        unit = "percent"
    elif m["points"]:
        unit = "basis points" if "basis" in m["points"].lower() else "percentage points"
    elif age := _AGE.match(text, m.end()):
        unit = f"{age[1].lower()}s old"  # "a 45-year-old man": an age
    bound, approx = _qualifier(text, m.start())
    value = round(value, 6)
    if bound == "min":
        return Figure(
            m.start(), m.end(), None, minimum=value, unit=unit, approximate=approx
        )
    if bound == "max":
        return Figure(
            m.start(), m.end(), None, maximum=value, unit=unit, approximate=approx
        )
    return Figure(m.start(), m.end(), value, unit=unit, approximate=approx)


def _words_value(words: str, tens: str | None) -> float:
    """A figure in words, with what follows its "hundred" ("one hundred twenty",
    "three hundred and five").

    >>> _words_value("one hundred", " and twenty-five"), _words_value("one", None)
    (125.0, 1.0)
    """
    value = 1.0 if words.lower() == "one" else float(WORD_NUMBERS[words.lower()])
    if tens:
        last = tens.split()[-1].lower()
        value += 1.0 if last == "one" else WORD_NUMBERS[last]
    return value


def _end_of(text: str, m: re.Match[str]) -> int:
    """Trim a trailing space that the optional groups may have swallowed."""
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return end


_SCALE_IN = re.compile(rf"[\d\s-](?P<scale>{_SCALE})\b", re.I)


def _shared_scale(text: str, low: Figure, high: Figure) -> float:
    """ "$40-50 billion", "2 to 3 million": the scale written once, on the upper
    figure, is the lower one's too (when the lower figure is less than the
    upper one's number before its scale)."""
    scale = _SCALE_IN.search(text[high.start : high.end])
    if scale is None or _SCALE_IN.search(text[low.start : low.end]):
        return 1.0
    factor = SCALES[scale["scale"].lower()]
    assert low.value is not None and high.value is not None
    return factor if factor > 1 and low.value < high.value / factor else 1.0


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """ "between 5 and 17", "5 to 17 months", "5-17" become one figure with bounds."""
    out: list[Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and fig.value is not None
            and _RANGE_JOIN.match(text[prev.end : fig.start])
            and (
                text[prev.end : fig.start].strip().lower() != "and"
                or text[max(0, prev.start - 8) : prev.start]
                .lower()
                .endswith("between ")
            )
            and (prev.unit is None or fig.unit in (None, prev.unit))
        ):
            low = prev.value * _shared_scale(text, prev, fig)
            if fig.value > low:
                unit = fig.unit or prev.unit
                out[-1] = Figure(
                    prev.start, fig.end, None, low, fig.value, unit, prev.approximate
                )
                continue
        out.append(fig)
    return out


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order.

    >>> [(f.value, f.unit) for f in find_figures("profit fell 41% to $312 million")]
    [(41.0, 'percent'), (312000000.0, 'USD')]
    >>> f = find_figures("more than 3 000 soldiers")[0]
    >>> (f.minimum, f.value)
    (3000.0, None)
    >>> [f.value for f in find_figures("On October 24, 2024, at 5:42 a.m., two generals")]
    [2.0]
    >>> f = find_figures("children aged 5 to 17 months")[0]
    >>> (f.minimum, f.maximum)
    (5.0, 17.0)
    >>> f = find_figures("Hundreds of people marched")[0]
    >>> (f.minimum, f.approximate)
    (200.0, True)
    """
    figures = []
    for m in _NUMBER.finditer(text):
        if not (m["digits"] or m["words"]) or _is_date_part(text, m):
            continue
        if m["digits"] and _is_name_part(text, m):
            continue
        if m["lsym"] in _SCALED_ONLY and not m["scale"]:
            continue  # "N95 masks", "the R101": names, as without the letter
        fig = _figure(text, m)
        figures.append(
            Figure(
                fig.start,
                _end_of(text, m),
                fig.value,
                fig.minimum,
                fig.maximum,
                fig.unit,
                fig.approximate,
            )
        )
    for m in _VAGUE_RE.finditer(text):
        low = float(_VAGUE[m["vague"].lower()])
        figures.append(Figure(m.start(), m.end(), None, minimum=low, approximate=True))
    figures.sort(key=lambda f: f.start)
    return _shares(text, _merge_ranges(text, figures))


_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}"
# "one in five", "seven out of 10": a share of a whole, not a count; not "one in
# 10 minutes", a time
_SHARE = re.compile(
    rf"\b(?P<part>{_SMALL})\s(?:in|out\sof)\s(?P<whole>{_SMALL})\b"
    r"(?!\s(?:seconds|minutes|hours|days|weeks|months|years|decades)\b)",
    re.I,
)


def _shares(text: str, figures: list[Figure]) -> list[Figure]:
    """Figures with each "N in M" as the one share it is, in percent: "one in five
    jobs" is 20 percent of them, not five jobs."""
    for m in _SHARE.finditer(text):
        part, whole = _small_number(m["part"]), _small_number(m["whole"])
        if not 0 < part <= whole:
            continue
        figures = [f for f in figures if f.end <= m.start() or f.start >= m.end()]
        bound, approx = _qualifier(text, m.start())
        value = round(100 * part / whole, 1)
        figures.append(
            Figure(
                m.start(),
                m.end(),
                None if bound else value,
                value if bound == "min" else None,
                value if bound == "max" else None,
                "percent",
                approx,
            )
        )
    return sorted(figures, key=lambda f: f.start)


def _small_number(word: str) -> float:
    return (
        float(word)
        if word.isdigit()
        else 1.0
        if word.lower() == "one"
        else WORD_NUMBERS[word.lower()]
    )
