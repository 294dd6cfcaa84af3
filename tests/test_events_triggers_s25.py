"""Which words make an event: a storm named after its word ("Hurricane Tomas"); a
pardon, a prison term, a march, unrest, a court's reversal, a record unsealed, a
story retracted, someone released from jail, a photograph or a letter released,
a post left, a state won, threats made, a nominee named. And which do not: the
offence a count of a charge names, a "major target" (no rank taken), what there
is no evidence of, what was avoided or someone is loath to do, what critics push
a firm to do, a message whose words are the claim, deeds named bare as what
notes are about. Labels say "started investigating", "pulled off the road".
Invented sentences, published on Thursday, 12 June 2025 (trained English
pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_events_s23 import _LEAD, _words
from tests.test_events_s24 import _kind_of

pytestmark = pytest.mark.slow


def _labels(x: Extraction, kind: str | None = None) -> list[str]:
    """The labels of the events (of ``kind``)."""
    return [e.label for e in x.events if kind is None or e.event_type == kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Hurricane Tomas flattened farms along the Velmora coast on Monday.",
            "Hurricane Tomas",
            id="hurricane-as-subject",
        ),
        pytest.param(
            "Donations for Typhoon Varda relief were collected in Kestrin.",
            "Typhoon Varda",
            id="typhoon-as-modifier",
        ),
        pytest.param(
            "Schools in Velmora stayed shut after Tropical Storm Kellan.",
            "Tropical Storm Kellan",
            id="tropical-storm",
        ),
    ],
)
def test_a_named_storm_is_a_disaster(run, text, name):
    x = run(_LEAD + text)
    assert any(name in label for label in _labels(x, "NaturalDisaster")), _labels(x)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The National Hurricane Center said the coast of Velmora was calm.",
            id="guard-a-centre-named-after-storms",
        ),
        pytest.param(
            "The Kestrin Storm beat the Velmora Hurricanes 3-1 on Sunday.",
            id="guard-teams",
        ),
    ],
)
def test_a_body_or_team_named_after_storms_is_no_storm(run, text):
    x = run(_LEAD + text)
    assert not _labels(x, "NaturalDisaster"), _labels(x)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        pytest.param(
            "The governor issued pardons to two Kestrin farmers.",
            "pardons",
            "LegalAction",
            id="pardons-issued",
        ),
        pytest.param(
            "Their long imprisonment angered many in Velmora.",
            "imprisonment",
            "LegalAction",
            id="imprisonment",
        ),
        pytest.param(
            "The verdict set off a 300-person march through Velmora.",
            "march",
            "Protest",
            id="march-noun",
        ),
        pytest.param(
            "The verdict led to unrest in Kestrin.",
            "unrest",
            "Protest",
            id="unrest",
        ),
        pytest.param(
            "An appeals court later reversed the decision.",
            "reversed",
            "LegalAction",
            id="reversed-a-decision",
        ),
        pytest.param(
            "A police affidavit, which was unsealed last week, says the firm lied.",
            "unsealed",
            "LegalAction",
            id="unsealed-affidavit",
        ),
        pytest.param(
            "The weekly magazine later retracted the story.",
            "retracted",
            "OtherEvent",
            id="retracted-a-story",
        ),
        pytest.param(
            "Dario Fenn took offence and rescinded the invitation.",
            "rescinded",
            "OtherEvent",
            id="rescinded-an-invitation",
        ),
        pytest.param(
            "Kellan was released from prison in Kestrin on Monday.",
            "released",
            "LegalAction",
            id="released-from-jail",
        ),
        pytest.param(
            "The space agency has released a photograph taken by its telescope.",
            "released",
            "OtherEvent",
            id="released-a-photograph",
        ),
        pytest.param(
            "The letter was sent to Anna Kovalik and released on Friday.",
            "released",
            "OtherEvent",
            id="letter-sent-and-released",
        ),
        pytest.param(
            "When Dario Fenn left his position in 2013, his critics cheered.",
            "left",
            "Resignation",
            id="left-a-post",
        ),
        pytest.param(
            "A Velmora man was arrested after making threats against Anna Kovalik.",
            "threats",
            "OtherEvent",
            id="threats-made",
        ),
        pytest.param(
            "President Varda threatened Kestrin with sanctions last week.",
            "threatened",
            "OtherEvent",
            id="threatened-a-country",
        ),
        pytest.param(
            "Once the count ended, the party's front-runner was named its nominee.",
            "named",
            "Appointment",
            id="named-the-nominee",
        ),
        pytest.param(
            "The party took a blow when Senator Anna Kovalik won Nebraska.",
            "won",
            "Election",
            id="won-a-state",
        ),
        pytest.param(
            "Tomas Brandt was charged with murder in Velmora on Monday.",
            "charged",
            "LegalAction",
            id="guard-the-charge",
        ),
        pytest.param(
            "Kellan wrote a story about the attack on the Kestrin depot.",
            "attack",
            "Attack",
            id="guard-a-story-about-the-attack",
        ),
        pytest.param(
            "Dario Fenn became chief executive of Orlen Bank in May.",
            "became",
            "Appointment",
            id="guard-a-role-taken",
        ),
        pytest.param(
            "Police found evidence that the depot had been robbed on Sunday.",
            "robbed",
            "OtherEvent",
            id="guard-evidence-found",
        ),
        pytest.param(
            "The host banned the sites from its service on Monday.",
            "banned",
            "Sanction",
            id="guard-banned",
        ),
        pytest.param(
            "The Orlen club tweeted a photo of the trophy on Sunday.",
            "tweeted",
            "OtherEvent",
            id="guard-a-photo-tweeted",
        ),
    ],
)
def test_the_word_names_an_event(run, text, word, kind):
    x = run(_LEAD + text)
    assert _kind_of(x, word) == kind, _words(x)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Tomas Brandt was charged in Velmora with a single count of arson.",
            "arson",
            id="count-of-an-offence",
        ),
        pytest.param(
            "Kellan was charged with two counts of theft and three counts of assault.",
            "assault",
            id="counts-of-an-offence",
        ),
        pytest.param(
            "Anna Kovalik became a major focus of attacks by rival camps.",
            "became",
            id="a-major-target",
        ),
        pytest.param(
            "The auditors did not find any evidence that their payroll files were hacked.",
            "hacked",
            id="no-evidence-that",
        ),
        pytest.param(
            "There was no evidence of an attack on the depot in Kestrin.",
            "attack",
            id="no-evidence-of",
        ),
        pytest.param(
            "Pilots struck the convoy near Kestrin while avoiding civilian casualties.",
            "casualties",
            id="avoided",
        ),
        pytest.param(
            "Omar Haddad mocked the mayor's reluctance to visit flooded streets.",
            "visit",
            id="reluctance-to",
        ),
        pytest.param(
            "Critics have pushed the host to ban the sites from its service.",
            "ban",
            id="pushed-to",
        ),
        pytest.param(
            "In March, the Varda council opened a library.",
            "March",
            id="guard-the-month",
        ),
        pytest.param(
            "The Velmora council reversed course on parking fees.",
            "reversed",
            id="guard-reversed-course",
        ),
        pytest.param(
            "Pardon the pun, but the Kestrin plan is a washout.",
            "Pardon",
            id="guard-pardon-the-pun",
        ),
        pytest.param(
            "The Velmora ministry released a statement about the flooding.",
            "released",
            id="guard-a-statement-released",
        ),
        pytest.param(
            "The ship was named the Varda Star.",
            "named",
            id="guard-a-ship-named",
        ),
        pytest.param(
            "Dario Fenn left the room without a word.",
            "left",
            id="guard-left-a-room",
        ),
        pytest.param(
            "Police read his notes about kidnapping and killing strangers.",
            "kidnapping",
            id="a-topic-bare",
        ),
        pytest.param(
            "Police read his notes about kidnapping and killing strangers.",
            "killing",
            id="a-topic-gerund",
        ),
        pytest.param(
            "The drought threatened crops across Velmora.",
            "threatened",
            id="guard-threatened-crops",
        ),
        pytest.param(
            "The threat of a war with Kestrin worries traders.",
            "threat",
            id="guard-a-threat-of",
        ),
    ],
)
def test_the_word_names_no_event(run, text, word):
    x = run(_LEAD + text)
    assert _kind_of(x, word) is None, _words(x)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '"We will win this seat," Anna Kovalik tweeted on Monday.',
            id="quote-tweeted",
        ),
        pytest.param(
            "Anna Kovalik posted a message on her page reading: "
            '"Thank you all for the kind words."',
            id="message-posted",
        ),
    ],
)
def test_a_message_whose_words_are_the_claim_is_no_event(run, text):
    x = run(_LEAD + text)
    assert x.claims, "the message's words are a claim"
    assert not any(_kind_of(x, w) for w in ("tweeted", "posted")), _words(x)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            "Omar Haddad started investigating the Velmora port deal in 2017.",
            "started investigating",
            id="started-investigating",
        ),
        pytest.param(
            "Velmora animal control officers were pulled off the road on Saturday.",
            "pulled off the road",
            id="pulled-off-the-road",
        ),
    ],
)
def test_the_label_says_the_phrase(run, text, label):
    x = run(_LEAD + text)
    assert any(label in e.label for e in x.events), _labels(x)
