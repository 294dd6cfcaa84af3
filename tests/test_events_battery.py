"""A battery of invented sentences naming the common events of news, in many
domains, each with the trigger word written down by hand before the extractor was
run; and sentences that name no event that happened (habits, general truths,
what might happen, what did not, what is only weighed); published on Thursday,
12 June 2025; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow

#: the publication day every case is read against (a Thursday)
_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _asserted(x: Extraction, word: str) -> bool:
    """Whether an event that happened has a trigger starting with ``word``."""
    return any(
        e.modality == "asserted" and e.trigger.text.lower().startswith(word)
        for e in x.events
    )


def _found(x: Extraction) -> list[tuple[str, str, str]]:
    return [(e.trigger.text, e.modality, e.event_type) for e in x.events]


def _gap(text: str, word: str, why: str) -> object:
    """A case the extractor does not meet yet, kept so that meeting it shows."""
    return pytest.param(text, word, marks=pytest.mark.xfail(strict=True, reason=why))


# (text, the trigger expected)
_EVENTS = [
    # disasters
    ("A strong earthquake struck the city of Tarsk on Monday.", "earthquake"),
    ("Floods swept through three villages near Varda on Tuesday.", "floods"),
    ("A fire destroyed a warehouse in Orlen overnight.", "fire"),
    ("The Kellan river burst its banks on Sunday.", "burst"),
    ("A landslide buried a road outside Tarsk on Wednesday.", "landslide"),
    ("Two hikers died in an avalanche above Varda on Saturday.", "died"),
    ("A gas explosion ripped through an apartment block in Orlen.", "explosion"),
    ("A storm knocked out power to 20,000 homes in Kellan.", "storm"),
    # crime and courts
    ("Varda police arrested two men on Monday.", "arrested"),
    ("A gunman killed three people at a market in Tarsk.", "killed"),
    ("A Kellan court sentenced Maria Lopez to five years in prison.", "sentenced"),
    ("A jury in Orlen convicted the former mayor of fraud.", "convicted"),
    ("Prosecutors charged the Tarsk banker with bribery on Tuesday.", "charged"),
    ("Thieves stole paintings worth $2 million from a Varda museum.", "stole"),
    ("The Kellan judge acquitted the two officers on Friday.", "acquitted"),
    ("Police raided the offices of Orlen Bank on Thursday.", "raided"),
    ("Maria Lopez was stabbed outside her home in Tarsk.", "stabbed"),
    ("The court fined Kellan Motors $5 million on Wednesday.", "fined"),
    # politics and elections
    ("Maria Lopez won the presidential election in Varda.", "won"),
    ("The Tarsk parliament passed the budget on Tuesday.", "passed"),
    ("Kellan's prime minister resigned on Monday.", "resigned"),
    ("Voters in Orlen elected a new mayor on Sunday.", "elected"),
    ("The Varda president signed the bill into law.", "signed"),
    ("Tarsk's government imposed a curfew on Friday.", "imposed"),
    ("The Kellan senate rejected the treaty on Thursday.", "rejected"),
    ("The president of Varda appointed Maria Lopez as finance minister.", "appointed"),
    ("Orlen's parliament voted to dissolve itself on Wednesday.", "voted"),
    # business and markets
    ("Kellan Motors recalled 40,000 cars on Monday.", "recalled"),
    ("Orlen Bank agreed to buy Tarsk Insurance for $3 billion.", "buy"),
    ("Varda Air cut 2,000 jobs on Tuesday.", "cut"),
    ("Shares in Kellan Mining fell 12 percent on Wednesday.", "fell"),
    ("The Tarsk central bank raised interest rates on Thursday.", "raised"),
    _gap(
        "Orlen Steel filed for bankruptcy on Friday.",
        "filed",
        "'bankruptcy' is taken as the trigger, not 'filed'",
    ),
    ("Kellan Foods launched a new brand of tea in Varda.", "launched"),
    ("Tarsk Telecom merged with Orlen Cable last month.", "merged"),
    # health
    ("An outbreak of cholera killed twelve people in Tarsk.", "killed"),
    _gap(
        "Varda health officials confirmed 40 new cases of measles.",
        "confirmed",
        "new cases of a disease are no event yet",
    ),
    ("The Kellan hospital closed its emergency ward on Monday.", "closed"),
    _gap(
        "Orlen began vaccinating children against polio on Tuesday.",
        "began",
        "'vaccinate' is in no event class",
    ),
    ("Doctors in Tarsk went on strike on Wednesday.", "strike"),
    # sport
    ("Varda beat Kellan 3-1 in the cup final on Saturday.", "beat"),
    ("Maria Lopez won the marathon in Tarsk on Sunday.", "won"),
    ("The Orlen coach was sacked after the defeat.", "sacked"),
    ("Tarsk United signed the Kellan striker for $10 million.", "signed"),
    ("Maria Lopez broke the world record in Varda on Friday.", "broke"),
    # science
    ("Tarsk scientists discovered a new species of frog.", "discovered"),
    ("Varda launched a weather satellite on Monday.", "launched"),
    ("Kellan researchers published a study on sleep on Tuesday.", "published"),
    ("The Orlen space agency tested a new rocket engine on Friday.", "tested"),
    # conflict
    ("Kellan troops shelled the town of Orlen on Monday.", "shelled"),
    ("Varda's army launched an offensive near Tarsk.", "offensive"),
    ("Rebels attacked a military base in Kellan on Tuesday.", "attacked"),
    ("A drone strike killed four fighters near Orlen.", "killed"),
    ("Gunmen kidnapped twenty students in Varda on Wednesday.", "kidnapped"),
    _gap(
        "Tarsk and Varda agreed a ceasefire on Thursday.",
        "ceasefire",
        "'agreed' is taken as the trigger, not 'ceasefire'",
    ),
    ("Protesters clashed with police in Orlen on Saturday.", "clashed"),
    # transport
    ("A bus crashed near Tarsk on Monday, injuring nine people.", "crashed"),
    ("A train derailed outside Varda on Tuesday.", "derailed"),
    ("A Kellan Air plane made an emergency landing in Orlen.", "landing"),
    ("A cargo ship sank off the coast of Tarsk on Friday.", "sank"),
    ("The Varda airport cancelled 300 flights on Sunday.", "cancelled"),
    # culture
    ("The Tarsk museum opened a new wing on Saturday.", "opened"),
    ("Maria Lopez won the Orlen prize for fiction on Thursday.", "won"),
    _gap(
        "The Kellan film festival opened on Wednesday.",
        "opened",
        "'festival' is taken as the trigger, not 'opened'",
    ),
    ("The Varda singer Maria Lopez died on Monday at 81.", "died"),
    ("Thousands of people marched through Tarsk on Sunday.", "marched"),
]

# (text, a word that must name no event that happened)
_NON_EVENTS = [
    # habits
    ("Maria Lopez walks to work in Tarsk every day.", "walks"),
    ("The Varda ferry usually sails twice a week.", "sails"),
    ("Kellan farmers often burn their fields in spring.", "burn"),
    # generic statements
    ("Earthquakes are common in the hills around Tarsk.", "earthquakes"),
    ("Floods can destroy crops in a single night.", "destroy"),
    # hypotheticals
    ("If the dam breaks, the water would flood Orlen.", "flood"),
    ("The Tarsk strike could close the port for weeks.", "close"),
    ("A war would ruin the economy of Kellan.", "ruin"),
    # negations
    ("Police did not arrest anyone after the protest in Varda.", "arrest"),
    ("Maria Lopez has never resigned from any post.", "resigned"),
    ("The Kellan council did not approve the budget on Monday.", "approve"),
    ("No one was killed in the storm in Orlen.", "killed"),
    # plans not yet made
    ("Orlen is considering whether to hold a referendum.", "referendum"),
    ("The Tarsk mayor may decide to sell the stadium.", "sell"),
    ("Kellan Motors hopes to open a factory some day.", "open"),
]

# non-events that general rules now keep out: the present with a rate in time
# (a habit), a course of action that is only weighed, and what is denied
_FIXED = [
    ("Cholera kills 3,000 people a year in Varda.", "kills"),
    ("Maria Lopez denied that she had resigned.", "resigned"),
    ("Varda rejected claims that its troops had shelled Tarsk.", "shelled"),
    ("Kellan denied reports that its navy had seized an Orlen ship.", "seized"),
    ("Smoking kills thousands of people in Varda every year.", "kills"),
    ("Accidents kill ten people each week on the Tarsk road.", "kill"),
    ("Varda officials discussed possibly raising taxes next year.", "raising"),
    ("The Kellan board weighed cutting 500 jobs.", "cutting"),
    ("The Orlen council is considering closing the hospital.", "closing"),
    ("Tarsk ministers debated raising the fuel tax on Monday.", "raising"),
]

# guards for the rules above: a denial of something else leaves the deed, and
# a past with a span of time or a weighing verb beside it is still one
_GUARDS = [
    ("The Tarsk mayor resigned on Monday, but denied any wrongdoing.", "resigned"),
    ("Police said they had arrested two men, a claim their lawyer denied.", "arrested"),
    ("Kellan Motors cut 500 jobs last year.", "cut"),
    ("The Varda board discussed the crisis and sacked its chief.", "sacked"),
]


@pytest.mark.parametrize(("text", "word"), _EVENTS)
def test_the_common_events_of_news(run, text, word):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert _asserted(x, word), _found(x)


@pytest.mark.parametrize(("text", "word"), _NON_EVENTS)
def test_what_names_no_event_that_happened(run, text, word):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _asserted(x, word), _found(x)


@pytest.mark.parametrize(("text", "word"), _FIXED)
def test_habits_and_options_weighed_are_no_events(run, text, word):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _asserted(x, word), _found(x)


@pytest.mark.parametrize(("text", "word"), _GUARDS)
def test_deeds_beside_a_denial_or_a_weighing(run, text, word):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert _asserted(x, word), _found(x)
