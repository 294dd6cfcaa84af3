"""Trigger classes of round 26. Events named by a phrasal verb (forces pulled out
or back, a craft that blasts or lifts off), by a case filed, countered or settled,
by a court order lifted or granted, by a handover, a disease or a find detected,
a firm declared bankrupt, a post taken over from someone, a military intervention,
forces that advance, a walk in space, a charge of a crime, a surrender to the
police. Words that name no event here: a landslide that is a vote won, a premier,
a craft's name, a months-long marathon, a unit's kind, "the other attacks", a
vote that says what a vote meant, a purpose ("money to pay debts"), a
participle that describes ("a tourist visiting from …"), a crime that names a
charge. And who is charged in a deed takes part in it. Invented sentences,
published on Thursday, 12 June 2025 (trained English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_events_s23 import _LEAD
from tests.test_events_s24 import _kind_of

pytestmark = pytest.mark.slow


def _types(x: Extraction) -> list[tuple[str, list[str]]]:
    """Each event's type and words, for the messages."""
    return [
        (e.event_type, [s.text for s in (e.trigger, *e.mentions)]) for e in x.events
    ]


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # forces that withdraw, told by a phrasal verb or by what is withdrawn
        pytest.param(
            "In May Velmora pulled out the rest of its soldiers from Kestrin.",
            "pulled",
            "MilitaryDeployment",
            id="pulled-out-its-soldiers",
        ),
        pytest.param(
            "The rebels pulled back from the hills above Kestrin.",
            "pulled",
            "MilitaryDeployment",
            id="rebels-pulled-back",
        ),
        pytest.param(
            "Velmora withdrew its troops from the border region.",
            "withdrew",
            "MilitaryDeployment",
            id="withdrew-its-troops",
        ),
        pytest.param(
            "Rebel fighters started to advance towards the capital.",
            "advance",
            "MilitaryDeployment",
            id="fighters-advance",
        ),
        pytest.param(
            "Kestrin admitted a military intervention in its neighbour.",
            "intervention",
            "ConflictEvent",
            id="military-intervention",
        ),
        pytest.param(
            "Rescuers pulled out two children from the rubble.",
            "pulled",
            "Rescue",
            id="guard-pulled-out-is-still-a-rescue",
        ),
        pytest.param(
            "Shares in Varda advanced 3 percent on Tuesday.",
            "advanced",
            "MarketMovement",
            id="guard-shares-advanced",
        ),
        # craft that leave the ground, and a walk outside one
        pytest.param(
            "The Velmora rocket lifted off from its pad near Kestrin.",
            "lifted",
            "Launch",
            id="rocket-lifted-off",
        ),
        pytest.param(
            "The shuttle and its crew blasted off before dawn.",
            "blasted",
            "Launch",
            id="shuttle-blasted-off",
        ),
        pytest.param(
            "The crew watched the liftoff from the control room.",
            "liftoff",
            "Launch",
            id="liftoff-noun",
        ),
        pytest.param(
            "Tomas Brandt and Dario Fenn finished a space walk outside the station.",
            "walk",
            "ScienceEvent",
            id="space-walk",
        ),
        # cases brought, answered and ended; orders of a court
        pytest.param(
            "Velmora lodged a complaint with the trade body over the subsidies.",
            "lodged",
            "LegalAction",
            id="complaint-lodged",
        ),
        pytest.param(
            "Kestrin has filed a petition against the new tariff.",
            "filed",
            "LegalAction",
            id="petition-filed",
        ),
        pytest.param(
            "Varda countered with a case of its own against Kestrin Air.",
            "countered",
            "LegalAction",
            id="countered-with-a-case",
        ),
        pytest.param(
            "The city settled her claim out of court.",
            "settled",
            "LegalAction",
            id="claim-settled",
        ),
        pytest.param(
            "A judge lifted the restraining order against Varda Oil.",
            "lifted",
            "LegalAction",
            id="restraining-order-lifted",
        ),
        pytest.param(
            "The court granted an injunction that blocks the merger.",
            "granted",
            "LegalAction",
            id="injunction-granted",
        ),
        pytest.param(
            "A Kestrin court imposed a gag order on the two newspapers.",
            "imposed",
            "LegalAction",
            id="gag-order-imposed",
        ),
        pytest.param(
            "Dario Fenn faces a felony assault charge in Kestrin.",
            "charge",
            "LegalAction",
            id="assault-charge",
        ),
        pytest.param(
            "Beside a felony charge of arson, Kellan faces a fine.",
            "charge",
            "LegalAction",
            id="a-charge-of-arson",
        ),
        pytest.param(
            "Omar Haddad surrendered to police in Kestrin.",
            "surrendered",
            "Arrest",
            id="surrendered-to-police",
        ),
        # a firm that fails, a handover, a post taken over
        pytest.param(
            "Varda Steel was declared bankrupt by a Kestrin court.",
            "declared",
            "Closure",
            id="declared-bankrupt",
        ),
        pytest.param(
            "A court declared the mill insolvent after months of losses.",
            "declared",
            "Closure",
            id="declared-insolvent",
        ),
        pytest.param(
            "The vote came after the handover of the findings to the council.",
            "handover",
            "OtherEvent",
            id="handover",
        ),
        pytest.param(
            "Anna Kovalik became head of the bank, taking over from Peter Sandoval.",
            "taking",
            "Appointment",
            id="taking-over-from",
        ),
        pytest.param(
            "Anna Kovalik replaced Peter Sandoval as chief executive.",
            "replaced",
            "Appointment",
            id="replaced-as",
        ),
        # what is detected: a disease, a find
        pytest.param(
            "A new strain of avian flu was detected on a farm in Kestrin.",
            "detected",
            "Outbreak",
            id="flu-detected",
        ),
        pytest.param(
            "Cholera was found in two villages near Kestrin.",
            "found",
            "Outbreak",
            id="cholera-found",
        ),
        pytest.param(
            "Astronomers detected a planet around a faint star.",
            "detected",
            "OtherEvent",
            id="planet-detected",
        ),
    ],
)
def test_a_class_of_trigger_names_its_event(run, text, word, kind):
    x = run(_LEAD + text)
    assert _kind_of(x, word) == kind, _types(x)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # guards beside the rules above
        pytest.param(
            "Sales of the Velmora phone took off in the spring.",
            "took",
            id="guard-sales-took-off",
        ),
        pytest.param(
            "Varda filed a report with the council.", "filed", id="guard-a-report"
        ),
        pytest.param(
            "Kestrin countered the claim with figures of its own.",
            "countered",
            id="guard-countered-a-claim",
        ),
        pytest.param(
            "Kellan surrendered his passport to the clerk.",
            "surrendered",
            id="guard-a-passport-surrendered",
        ),
        pytest.param(
            "The officer was in charge of the station.", "charge", id="guard-in-charge"
        ),
        pytest.param(
            "Kellan pleaded guilty to an arson charge in Kestrin.",
            "charge",
            id="guard-the-charge-a-plea-answers",
        ),
        pytest.param(
            "The bank added a monthly charge of five dollars.",
            "charge",
            id="guard-a-fee",
        ),
        pytest.param(
            "Anna Kovalik replaced the old boiler in the school.",
            "replaced",
            id="guard-replaced-a-thing",
        ),
        # wrong senses and figures of speech
        pytest.param(
            "Kellan has won a landslide re-election as mayor of Kestrin.",
            "landslide",
            id="landslide-re-election",
        ),
        pytest.param(
            "Varda scored a landslide victory in the Kestrin poll.",
            "landslide",
            id="landslide-victory",
        ),
        pytest.param(
            "The mine belongs to Dario Fenn, once premier of Velmora.",
            "premier",
            id="a-premier",
        ),
        pytest.param(
            "The shuttle Discovery docked with the station.\n\n"
            "Discovery and its crew will land in Kestrin next week.",
            "Discovery",
            id="a-craft-named-discovery",
        ),
        pytest.param(
            "Varda called the sale a gruelling two-year marathon.",
            "marathon",
            id="two-year-marathon",
        ),
        pytest.param(
            "The prosecutor is supported by army and detention squads.",
            "detention",
            id="detention-squads",
        ),
        pytest.param(
            "Many in Kestrin blame Varda for the killing and the other attacks.",
            "attacks",
            id="the-other-attacks",
        ),
        pytest.param(
            "The poll was a referendum on Tomas Brandt and his budget.",
            "referendum",
            id="referendum-on-a-person",
        ),
        # purposes and participles that describe
        pytest.param(
            "Varda sold the plant to pay its debts.",
            "pay",
            id="purpose-to-repay",
        ),
        pytest.param(
            "Two women travelling by bus were hurt near Kestrin.",
            "travelling",
            id="participle-travelling",
        ),
        pytest.param(
            "A student visiting from Velmora was stabbed in Kestrin.",
            "visiting",
            id="participle-visiting",
        ),
        pytest.param(
            "A charity funded by Dario Fenn published the figures.",
            "funded",
            id="participle-funded",
        ),
        pytest.param(
            "Police found a letter signed by Tomas Brandt in the car.",
            "signed",
            id="participle-signed",
        ),
        pytest.param(
            "The interim manager appointed by the court asked for a delay.",
            "appointed",
            id="participle-appointed",
        ),
        # a crime that is the name of a charge
        pytest.param(
            "Dario Fenn was charged with six counts, including murder.",
            "murder",
            id="counts-including-murder",
        ),
        pytest.param(
            "Prosecutors changed the charges against Fenn to attempted murder.",
            "murder",
            id="charges-changed-to-murder",
        ),
        pytest.param(
            "Kellan dismissed the defense offered by his lawyer.",
            "dismissed",
            id="a-defense-dismissed",
        ),
    ],
)
def test_a_word_names_no_event_here(run, text, word):
    x = run(_LEAD + text)
    assert _kind_of(x, word) is None, _types(x)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Tomas Brandt ran the Kestrin marathon in three hours.",
            "marathon",
            id="guard-a-race-run",
        ),
        pytest.param(
            "A landslide buried the road to Kestrin.",
            "landslide",
            id="guard-a-real-landslide",
        ),
        pytest.param(
            "The film had its premiere in Kestrin.", "premiere", id="guard-a-premiere"
        ),
        pytest.param(
            "Velmora held a referendum on independence.",
            "referendum",
            id="guard-a-referendum-held",
        ),
        pytest.param(
            "Tomas Brandt flew to Kestrin for talks.", "flew", id="guard-a-journey"
        ),
        pytest.param(
            "Anna Kovalik, appointed on Monday as chief executive, said the bank "
            "would grow.",
            "appointed",
            id="guard-an-appointment-dated",
        ),
        pytest.param(
            "Voters went to vote in the rain in Kestrin.",
            "vote",
            id="guard-went-to-vote",
        ),
    ],
)
def test_near_the_rules_an_event_stays(run, text, word):
    x = run(_LEAD + text)
    assert _kind_of(x, word) is not None, _types(x)


@pytest.mark.parametrize(
    ("text", "word", "who"),
    [
        pytest.param(
            "Police said Tomas Brandt was charged in the bombing of a Kestrin clinic.",
            "bombing",
            "tomas brandt",
            id="charged-in-the-bombing",
        ),
        pytest.param(
            "Police arrested Dario Fenn over the killing of a guard.",
            "killing",
            "dario fenn",
            id="arrested-over-the-killing",
        ),
        pytest.param(
            "Officials said Anna Kovalik is a suspect in the shooting of two guards.",
            "shooting",
            "anna kovalik",
            id="a-suspect-in-the-shooting",
        ),
    ],
)
def test_who_is_charged_in_a_deed_takes_part_in_it(run, text, word, who):
    x = run(_LEAD + text)
    ev = next(
        (e for e in x.events if word in [s.text for s in (e.trigger, *e.mentions)]),
        None,
    )
    assert ev is not None, _types(x)
    assert any(who in key for key in ev.agents + ev.participants), ev


def test_who_is_charged_with_no_deed_named_takes_part_in_none(run):
    x = run(_LEAD + "Dario Fenn was charged in Kestrin on Monday.")
    assert all(
        "dario fenn" not in key
        for e in x.events
        if e.event_type != "LegalAction"
        for key in e.participants
    ), _types(x)
