"""A battery of invented stories whose events take their date from the story around
them: a narrative that goes on over undated sentences, and a wire story's
one-sentence paragraphs that go on with it unless they turn to another story; and guards, where the date must not
be carried (a new topic, a background of an earlier year, a quote about the
future, a habit). Each date was written down by hand before the run. Published
on Thursday, 12 June 2025; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow

_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"

#: (text, [(the trigger the date is on, the date)])
_Dates = list[tuple[str, str]]

# a narrative goes on over undated sentences of one paragraph: failed on main
_OVER_SENTENCES: list[tuple[str, _Dates]] = [
    (
        "Gunmen attacked a bus near Tarsk on Monday. The driver lost control. "
        "Six passengers died.",
        [("died", "2025-06-09")],
    ),
    (
        "Varda troops crossed the river on Tuesday. They met little resistance. "
        "They captured the town of Orlen.",
        [("captured", "2025-06-10")],
    ),
    (
        "A fire broke out at the Kellan plant on Sunday. Workers fled the building. "
        "Two firefighters were injured.",
        [("injured", "2025-06-08")],
    ),
    (
        "Police raided a warehouse in Tarsk on Saturday. Officers searched the rooms. "
        "They arrested four men.",
        [("arrested", "2025-06-07")],
    ),
    (
        "Rebels stormed the Orlen barracks on May 3. The guards ran away. "
        "The rebels seized hundreds of rifles.",
        [("seized", "2025-05-03")],
    ),
    (
        "Maria Lopez landed in Tarsk on Wednesday. She drove to the palace. "
        "She met the president of Varda.",
        [("met", "2025-06-11")],
    ),
    (
        "Kellan Bank announced losses on Friday. Its shares fell sharply. "
        "The board fired the chief executive.",
        [("fired", "2025-06-06")],
    ),
    (
        "A landslide buried a village near Orlen on Tuesday. Rescuers dug "
        "through the mud. They pulled out three survivors.",
        [("pulled", "2025-06-10")],
    ),
    (
        "Varda warplanes bombed the Tarsk airport on Sunday. The runway was "
        "destroyed. Two pilots were killed.",
        [("killed", "2025-06-08")],
    ),
    (
        "The Orlen parliament met on Monday. The speaker opened the debate. "
        "Members voted to dissolve the government.",
        [("voted", "2025-06-09")],
    ),
    (
        "Tarsk police stopped a truck on the border on June 2. Officers found "
        "drugs inside. They arrested the driver.",
        [("arrested", "2025-06-02")],
    ),
    (
        "A storm hit the Kellan coast on Saturday. The wind tore roofs off "
        "houses. Falling trees killed two people.",
        [("killed", "2025-06-07")],
    ),
    (
        "Varda forces entered Orlen on Monday. The streets were empty. "
        "Soldiers searched houses. They detained twenty men.",
        [("detained", "2025-06-09")],
    ),
    (
        "A tornado struck Kellan on May 30. It flattened houses. "
        "It killed eleven people.",
        [("killed", "2025-05-30")],
    ),
    (
        "Thieves broke into the Varda museum on Sunday. They took three paintings. "
        "Guards shot one thief.",
        [("shot", "2025-06-08")],
    ),
    (
        "The Kellan mine flooded on Saturday. Water filled the tunnels. "
        "Rescuers reached the miners. Two miners died.",
        [("died", "2025-06-07")],
    ),
]

# a wire story's one-sentence paragraphs that go on with the one before: failed on main
_OVER_PARAGRAPHS: list[tuple[str, _Dates]] = [
    (
        "Gunmen attacked a bus near Tarsk on Monday.\n\nThe gunmen killed the driver.",
        [("killed", "2025-06-09")],
    ),
    (
        "Maria Lopez was arrested in Orlen on Tuesday.\n\nShe was charged with fraud.",
        [("charged", "2025-06-10")],
    ),
    (
        "Varda soldiers shelled the village of Kellan on Sunday.\n\n"
        "They killed four farmers.",
        [("killed", "2025-06-08")],
    ),
    (
        "Protesters marched through Tarsk on Saturday.\n\n"
        "The protesters attacked a police station.",
        [("attacked", "2025-06-07")],
    ),
    (
        "A bomb exploded in a Tarsk market on Wednesday.\n\nIt injured 30 people.",
        [("injured", "2025-06-11")],
    ),
    (
        "The Tarsk army launched an offensive on June 2.\n\nIt captured three villages.",
        [("captured", "2025-06-02")],
    ),
    (
        "Rebels seized the Kellan airport on Friday.\n\nThe rebels killed two guards.",
        [("killed", "2025-06-06")],
    ),
    (
        "Police detained Tomas Brandt in Varda on Monday.\n\n"
        "He was charged with fraud.",
        [("charged", "2025-06-09")],
    ),
    (
        "Pirates hijacked a tanker off the Orlen coast on May 28.\n\n"
        "The pirates killed the captain.",
        [("killed", "2025-05-28")],
    ),
    (
        "Maria Lopez was attacked in Orlen on Wednesday.\n\nShe was taken to hospital.",
        [("taken", "2025-06-11")],
    ),
    (
        "Tarsk troops entered the city of Orlen on Friday.\n\n"
        "They looted shops.\n\nThey arrested the mayor.",
        [("looted", "2025-06-06"), ("arrested", "2025-06-06")],
    ),
    (
        "Rebels ambushed a convoy near Kellan on Monday.\n\n"
        "The rebels captured two soldiers.",
        [("captured", "2025-06-09")],
    ),
    (
        "Hackers attacked the Varda central bank on Wednesday.\n\n"
        "They stole customer records.",
        [("stole", "2025-06-11")],
    ),
    (
        "Varda troops attacked Tarsk on June 1.\n\nThe troops killed three civilians.",
        [("killed", "2025-06-01")],
    ),
    (
        "A gunman opened fire at a school in Kellan on Monday.\n\n"
        "He wounded three teachers.",
        [("wounded", "2025-06-09")],
    ),
    (
        "Kellan Motors recalled 40,000 cars on Tuesday.\n\n"
        "The company fired its chief engineer.",
        [("fired", "2025-06-10")],
    ),
    (
        "Varda police shot a protester in Orlen on Saturday.\n\n"
        "The officers arrested his brother.",
        [("arrested", "2025-06-07")],
    ),
    # the victims of the deed before: a new subject, but no new story
    (
        "Gunmen attacked a bus near Tarsk on Monday.\n\nTwo passengers were killed.",
        [("killed", "2025-06-09")],
    ),
]

# a month of a year counted from this one ("in May this year"): was read as the year
_MONTH_OF_A_YEAR: list[tuple[str, _Dates]] = [
    (
        "In May this year, Varda rebels attacked a convoy near Orlen.",
        [("attacked", "2025-05")],
    ),
    (
        "In March last year, Tarsk police arrested Maria Lopez.",
        [("arrested", "2024-03")],
    ),
    (
        "In April this year, Varda rebels seized the town of Orlen.\n\n"
        "They killed its mayor.",
        [("seized", "2025-04"), ("killed", "2025-04")],
    ),
]

# "overnight", which the tagger leaves untagged: the night that ends on the day of
# writing
_OVERNIGHT: list[tuple[str, _Dates]] = [
    (
        "An overnight crash in Tarsk killed a teenager, police said.",
        [("crash", "2025-06-12")],
    ),
    ("Varda rebels attacked Orlen overnight.", [("attacked", "2025-06-12")]),
]

# a length of what was done ("for a week", "to ten years") names no day of its own
# and leaves the narrative's (strict xfails here until session 25)
_LENGTHS: list[tuple[str, _Dates]] = [
    (
        "Police detained Tomas Brandt in Varda on Monday.\n\n"
        "He was charged with fraud.\n\nHe was jailed for a week.",
        [("jailed", "2025-06-09")],
    ),
    (
        "Tomas Brandt was convicted in Orlen on Tuesday.\n\n"
        "He was sentenced to ten years.",
        [("sentenced", "2025-06-10")],
    ),
]

# dates that must not be carried: (text, trigger, the date it must not take)
_WRONG: list[tuple[str, str, str]] = [
    # a paragraph that turns to another story, or brings in something new
    (
        "Gunmen attacked a bus near Tarsk on Monday.\n\n"
        "In a separate attack, two soldiers were killed in Orlen.",
        "killed",
        "2025-06-09",
    ),
    (
        "A fire broke out in Tarsk on Sunday.\n\n"
        "A separate blaze destroyed a farm near Orlen.",
        "destroyed",
        "2025-06-08",
    ),
    (
        "Maria Lopez won the Tarsk election on Sunday.\n\n"
        "A court in Varda jailed an opposition leader.",
        "jailed",
        "2025-06-08",
    ),
    (
        "Rebels seized the Kellan airport on Friday.\n\n"
        "Separately, Varda police arrested a journalist.",
        "arrested",
        "2025-06-06",
    ),
    (
        "Rebels seized the Kellan airport on Friday.\n\n"
        "In another case, a court in Orlen jailed Tomas Brandt.",
        "jailed",
        "2025-06-06",
    ),
    # a paragraph of more sentences is no wire paragraph
    (
        "Maria Lopez was elected in 2020. She served two terms.\n\n"
        "Tarsk police arrested her husband.",
        "arrested",
        "2020",
    ),
    (
        "Rebels seized the Kellan airport on Friday. The army fled.\n\n"
        "The rebels burned the terminal.",
        "burned",
        "2025-06-06",
    ),
    # a quote about the future
    (
        'Police arrested two men in Tarsk on Saturday. "We will charge them soon," '
        "Maria Lopez said.",
        "charge",
        "2025-06-07",
    ),
    (
        "Storms hit the Varda coast on May 3. Rivers rose quickly. "
        "The floods will cost millions.",
        "cost",
        "2025-05-03",
    ),
    (
        'Varda shelled Orlen on Sunday.\n\n"They will pay for this," said Maria Lopez.',
        "pay",
        "2025-06-08",
    ),
    # a habit, and the day of writing
    (
        "Rebels attacked the Kellan airport on Friday. They often attack convoys.",
        "attack",
        "2025-06-06",
    ),
    (
        "Rebels seized the airport on Friday.\n\n"
        "The government has declared a state of emergency.",
        "declared",
        "2025-06-06",
    ),
    # a sentence in the present breaks the narrative
    (
        "Varda troops crossed the river on Tuesday. The town is calm now. "
        "Few people ever visit it.",
        "visit",
        "2025-06-10",
    ),
]

# background of an earlier year, and dates of the sentence's own: kept
_KEPT: list[tuple[str, _Dates]] = [
    (
        "Varda troops crossed the river on Tuesday.\n\nIn 2019, Varda invaded Kellan.",
        [("invaded", "2019")],
    ),
    (
        "Maria Lopez resigned on Monday. In 2015 she founded the Orlen party.",
        [("founded", "2015")],
    ),
    (
        "Police raided a warehouse on Saturday.\n\nLast year, police seized guns "
        "in Tarsk.",
        [("seized", "2024")],
    ),
    (
        "The plant opened in 1998. It employed 400 people. Police raided it on Monday.",
        [("raided", "2025-06-09")],
    ),
    (
        "Maria Lopez resigned as mayor of Tarsk on Sunday.\n\n"
        "She left the party a day later.",
        [("left", "2025-06-09")],
    ),
    (
        "Kellan Bank collapsed in 2009. Its chief fled the country. "
        "Maria Lopez bought the bank on Monday.",
        [("bought", "2025-06-09")],
    ),
    (
        "Maria Lopez stayed in Tarsk overnight before she flew to Varda on Friday.",
        [("flew", "2025-06-06")],
    ),
    (
        "The dam burst on Tuesday.\n\nThe river had flooded the valley in 1995.",
        [("flooded", "1995")],
    ),
]


def _dated(x: Extraction) -> list[tuple[str, str | None]]:
    return [
        (e.trigger.text.lower(), e.date.value if e.date else None) for e in x.events
    ]


def _missing(x: Extraction, expected: _Dates) -> _Dates:
    found = _dated(x)
    return [
        (word, value)
        for word, value in expected
        if not any(text == word and date == value for text, date in found)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    _OVER_SENTENCES + _OVER_PARAGRAPHS + _MONTH_OF_A_YEAR + _OVERNIGHT + _LENGTHS,
)
def test_an_event_takes_the_date_of_its_narrative(run, text, expected):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _missing(x, expected), _dated(x)


@pytest.mark.parametrize(("text", "expected"), _KEPT)
def test_an_event_keeps_a_date_of_its_own(run, text, expected):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _missing(x, expected), _dated(x)


@pytest.mark.parametrize(("text", "word", "wrong"), _WRONG)
def test_a_date_is_not_carried_into_another_story(run, text, word, wrong):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert (word, wrong) not in _dated(x), _dated(x)
