"""A deterministic generator of realistic English news articles for the benchmarks.

Every name, organisation and place is invented here; the same seed and size always
give the same articles. ``python -m bench.corpus -n 500 -o corpus.jsonl``
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = ["GeneratedArticle", "generate", "write_jsonl", "write_txt_dir"]

# ---------------------------------------------------------------- invented vocabulary
FIRST = (
    "Marela Tovin Oskar Idra Belin Castor Yuna Farrin Delphine Arno Sefa Kalio "
    "Mireille Tamsin Orrin Halvard Nadira Quillon Rosalind Eskil Ilse Corvin Zeyna "
    "Padrig Leontyne Ambrose Sunniva Teodor Wilhelmina Rafferty Ondine Casimir"
).split()
LAST = (
    "Varrow Kestrel Ambleside Dunmore Oyelaran Petrakis Halloran Venkatesh Sorensby "
    "Markovane Quenneville Thistlewood Abernathy Lindqvarn Okonjo Brightwater "
    "Castellane Ferreby Mossgrove Harrowgate Ilvessen Delacourt Pemberton Yarrowby "
    "Strand Obuya Kalvenius Tremaine Hollis Radcliffe Wexbridge Anselm"
).split()
ROLES = (
    "Finance Minister",
    "Health Minister",
    "Interior Minister",
    "mayor",
    "chief executive",
    "spokesperson",
    "union leader",
    "police chief",
    "professor of economics",
    "opposition leader",
    "fire chief",
    "governor",
)
ORG_STEMS = (
    "Corvale",
    "Nordmere",
    "Ashvale",
    "Tellurian",
    "Brannock",
    "Oristan",
    "Veldane",
    "Kestrowe",
    "Halberd",
    "Quarrydown",
    "Sable Ridge",
    "Meridane",
)
ORG_KINDS = (
    "Holdings",
    "Energy",
    "Bank",
    "Shipping",
    "Institute",
    "Workers' Union",
    "Airways",
    "Foundation",
    "Railways",
    "Pharmaceuticals",
)
CITIES = (
    "Port Kessary",
    "Valdria",
    "Norhaven",
    "Ostermark",
    "Calloway Bay",
    "Dunrith",
    "Embervale",
    "Lunesk",
    "Tarrowfield",
    "Sorrento Vale",
    "Miravel",
    "Kelbridge",
)
COUNTRIES = ("Ardenia", "Velmark", "Corsova", "Estrella", "Norvania", "Talmyra")
SOURCES = ("The Daily Ledger", "Harbour Times", "Coastal Post", "Evening Courier")

#: topic -> singular nouns for it, then the people it gathers
TOPICS = {
    "strike": ("strike", "walkout", "dispute", "workers"),
    "flood": ("flood", "rainfall", "evacuation", "volunteers"),
    "merger": ("merger", "takeover", "deal", "investors"),
    "election": ("vote", "ballot", "runoff", "voters"),
    "outbreak": ("outbreak", "epidemic", "vaccination drive", "patients"),
    "fire": ("fire", "blaze", "wildfire", "firefighters"),
}
EVENT_VERBS = (
    ("announced", "announcement"),
    ("signed", "agreement"),
    ("inspected", "inspection"),
    ("closed", "closure"),
    ("launched", "launch"),
    ("visited", "visit"),
)
UNITS = (
    ("people", 1, 90_000),
    ("homes", 5, 12_000),
    ("jobs", 10, 8_000),
    ("kilometres", 1, 400),
    ("tonnes", 10, 50_000),
    ("hectares", 20, 30_000),
    ("percent", 1, 60),
)
MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class GeneratedArticle:
    """One generated article, as a kb input record."""

    id: str
    url: str
    title: str
    published: str
    source: str
    language: str
    text: str


class _Writer:
    """Writes one article from a seeded random stream and a small cast."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.topic = rng.choice(sorted(TOPICS))
        self.words = TOPICS[self.topic]
        self.city = rng.choice(CITIES)
        self.country = rng.choice(COUNTRIES)
        self.people = [self._person() for _ in range(rng.randint(2, 4))]
        self.orgs = [self._org() for _ in range(rng.randint(1, 3))]

    def _person(self) -> tuple[str, str]:
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        return name, self.rng.choice(ROLES)

    def _org(self) -> str:
        return f"{self.rng.choice(ORG_STEMS)} {self.rng.choice(ORG_KINDS)}"

    # ------------------------------------------------------------ small pieces
    def figure(self) -> str:
        unit, low, high = self.rng.choice(UNITS)
        value = self.rng.randint(low, high)
        shown = f"{value:,}" if value >= 10_000 else str(value)
        bound = self.rng.choice(
            ("", "", "more than ", "about ", "at least ", "nearly ")
        )
        if unit == "percent":
            return f"{bound}{value} percent"
        if self.rng.random() < 0.15:
            return f"between {value} and {value + self.rng.randint(5, 900)} {unit}"
        return f"{bound}{shown} {unit}"

    def when(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            back = self.published - timedelta(days=self.rng.randint(1, 6))
            return f"on {WEEKDAYS[back.weekday()]}"
        if r < 0.5:
            return self.rng.choice(("yesterday", "last week", "earlier this month"))
        if r < 0.8:
            d = self.published - timedelta(days=self.rng.randint(1, 90))
            return f"on {d.day} {MONTHS[d.month - 1]} {d.year}"
        return f"in {MONTHS[self.rng.randrange(12)]} {self.published.year - 1}"

    def who(self) -> tuple[str, str]:
        return self.rng.choice(self.people)

    # ------------------------------------------------------------ sentences
    def sentence(self) -> str:
        name, role = self.who()
        org = self.rng.choice(self.orgs)
        w = self.rng.choice(self.words[:-1])
        verb, noun = self.rng.choice(EVENT_VERBS)
        place = self.rng.choice((self.city, self.country))
        options = (
            f"“The {w} has cost us {self.figure()},” said {name}, the {role}.",
            f"{name}, the {role} of {org}, said {self.figure()} had been affected by the {w}.",
            f"According to {org}, {self.figure()} were affected {self.when()}.",
            f"{org} {self.rng.choice(('announced', 'launched', 'signed'))} a new plan in {place} {self.when()}.",
            f"Police arrested {self.rng.randint(2, 40)} people in {self.city} {self.when()}, officials said.",
            f"“We will not accept this,” {name} told reporters in {place}.",
            f"{name} warned that the {w} could last until {MONTHS[self.rng.randrange(12)]}.",
            f"The {noun} in {self.city} followed weeks of talks with {org}.",
            f"Officials in {self.country} estimated the damage at {self.rng.randint(2, 900)} million dollars.",
            f"{name} said the {w} was “entirely avoidable” and blamed {org}.",
            f"Residents of {self.city} said they had waited {self.rng.randint(2, 30)} days for help.",
            f"{org} said in a statement that {self.figure()} would be affected by the {noun}.",
            f"The {role} {name} {verb} the site {self.when()}.",
            f"Some {self.rng.randint(10, 900)} {self.words[-1]} gathered outside the town hall in {self.city}.",
            f"Analysts at {self.rng.choice(self.orgs)} expect {self.figure()} by the end of the year.",
        )
        return self.rng.choice(options)

    def article(self, target_words: int) -> tuple[str, str]:
        lead_name, lead_role = self.people[0]
        title = (
            f"{self.words[0].capitalize()} in {self.city}: {lead_name} "
            f"{self.rng.choice(('warns', 'responds', 'speaks out'))}"
        )
        lead = (
            f"{self.city.upper()}, {self.country} — {self.people[0][0]}, the "
            f"{lead_role}, said {self.when()} that the {self.words[0]} had affected "
            f"{self.figure()} across {self.country}."
        )
        paragraphs = [lead]
        words = len(lead.split())
        while words < target_words:
            para = " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))
            paragraphs.append(para)
            words += len(para.split())
        return title, "\n\n".join(paragraphs) + "\n"


def generate(
    n: int, seed: int = 7, start: date = date(2026, 3, 1)
) -> Iterator[GeneratedArticle]:
    """Yield ``n`` articles, 150–1500 words each (skewed short, as news is).

    >>> a, b = list(generate(2)), list(generate(2))
    >>> a == b and 150 <= len(a[0].text.split()) <= 1600
    True
    """
    rng = random.Random(seed)
    for i in range(n):
        published = start + timedelta(days=i % 365)
        target = min(1500, 150 + int(rng.expovariate(1 / 450)))
        title, text = _Writer(rng, published).article(target)
        slug = f"{i:05d}"
        yield GeneratedArticle(
            id=f"bench-{slug}",
            url=f"https://news.example.org/bench/{slug}",
            title=title,
            published=published.isoformat(),
            source=rng.choice(SOURCES),
            language="en",
            text=text,
        )


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` articles to one JSONL file, one record per line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for article in generate(n, seed):
            out.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    return path


def write_txt_dir(directory: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` articles as ``<id>.txt`` files (text only, no metadata)."""
    directory.mkdir(parents=True, exist_ok=True)
    for article in generate(n, seed):
        (directory / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    return directory


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=100, help="how many articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--txt", action="store_true", help="write a directory of .txt")
    args = parser.parse_args(argv)
    if args.txt:
        write_txt_dir(args.output, args.n, args.seed)
    else:
        write_jsonl(args.output, args.n, args.seed)


if __name__ == "__main__":
    main()
