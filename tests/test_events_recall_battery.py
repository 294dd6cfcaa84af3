"""A battery of invented sentences for deeds that news tells and that no trigger
rule named before: a work aired or a message tweeted, software released, a photo
posted, police work (a ring busted, a boat intercepted, a car inspected, custody
taken), and events whose words are a phrase ("set fire to", "rolled past",
"failed to confirm"). The trigger and type of each were written down before the
extractor was run; beside them, sentences that look alike but tell no deed done
(habits, plans, figures of speech, other senses). Published on Thursday, 12 June
2025; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Event, Extraction

pytestmark = pytest.mark.slow

#: the publication day every case is read against (a Thursday)
_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _texts(e: Event) -> list[str]:
    return [s.text.lower() for s in (e.trigger, *e.mentions)]


def _report(x: Extraction) -> list[object]:
    return [(_texts(e), e.label, e.event_type) for e in x.events]


def _event(text: str, word: str, kind: str) -> object:
    return pytest.param(text, word, kind, id=text[:60])


# (text, the word that names the event, its type): each a deed done
_DEEDS = [
    # a work shown or a message put out
    _event("The final episode of Tarsk Nights aired on Varda TV.", "aired", "Launch"),
    _event(
        "Orlen Radio broadcast the debate between the two candidates.",
        "broadcast",
        "Launch",
    ),
    _event("The ceremony in Varda was televised by Kellan One.", "televised", "Launch"),
    _event("Kellan Films screened the documentary in Varda.", "screened", "Launch"),
    _event("Her new film was screened at the Orlen festival.", "screened", "Launch"),
    _event("Varda TV aired an interview with Maria Lopez.", "aired", "Launch"),
    _event("The match was broadcast live across Tarsk.", "broadcast", "Launch"),
    _event(
        "Maria Lopez tweeted a photo of the flooded square.", "tweeted", "OtherEvent"
    ),
    _event("The Tarsk club tweeted its thanks to the fans.", "tweeted", "OtherEvent"),
    _event(
        "Kellan Orlen retweeted the post from the ministry.", "retweeted", "OtherEvent"
    ),
    _event(
        "The mayor of Varda tweeted that the bridge would reopen.",
        "tweeted",
        "OtherEvent",
    ),
    _event("The senator tweeted about the vote in Orlen.", "tweeted", "OtherEvent"),
    # software put out
    _event(
        "Orlen Systems has released a patch for the flaw in its browser.",
        "released",
        "Launch",
    ),
    _event(
        "Varda Soft released a security update for its phones.", "released", "Launch"
    ),
    _event(
        "The maker released new firmware for the Tarsk router.", "released", "Launch"
    ),
    _event("Kellan Labs released a fix for the bug.", "released", "Launch"),
    _event("Orlen Games released an upgrade for its consoles.", "released", "Launch"),
    _event(
        "The company released a software update to stop the crashes.",
        "released",
        "Launch",
    ),
    # a post online
    _event(
        "The Varda choir posted pictures of its spring concert.",
        "posted",
        "OtherEvent",
    ),
    _event("Maria Lopez posted a video of the rescue.", "posted", "OtherEvent"),
    _event(
        "The Tarsk police posted photos of the two suspects.", "posted", "OtherEvent"
    ),
    _event("A witness posted footage of the crash.", "posted", "OtherEvent"),
    _event(
        "Kellan Orlen posted a selfie from the summit of the mountain.",
        "posted",
        "OtherEvent",
    ),
    _event("A clip of the fight was posted by a fan.", "posted", "OtherEvent"),
    _event("The singer posted a message to her fans in Varda.", "posted", "OtherEvent"),
    # police work
    _event("A drug ring was busted in Varda, the police said.", "busted", "Arrest"),
    _event("Police busted a gang of car thieves in Tarsk.", "busted", "Arrest"),
    _event(
        "Federal agents busted a counterfeit cigarette network.", "busted", "Arrest"
    ),
    _event("Officers busted three men selling stolen phones.", "busted", "Arrest"),
    _event("Police in Orlen busted an illegal gambling den.", "busted", "Arrest"),
    _event(
        "The coast guard intercepted a speedboat off Varda.", "intercepted", "Capture"
    ),
    _event(
        "Customs officers intercepted a shipment of rifles.", "intercepted", "Capture"
    ),
    _event(
        "The boat was intercepted by the navy near Tarsk.", "intercepted", "Capture"
    ),
    _event(
        "Police intercepted the van on the road to Orlen.", "intercepted", "Capture"
    ),
    _event(
        "Officers inspected the lorry and seized forty boxes of cigarettes.",
        "inspected",
        "OtherEvent",
    ),
    _event(
        "Customs inspectors inspected the containers at the port of Varda.",
        "inspected",
        "OtherEvent",
    ),
    _event("The truck was inspected by border agents.", "inspected", "OtherEvent"),
    _event(
        "Police officers frisked the two men outside the bar.", "frisked", "OtherEvent"
    ),
    _event(
        "Detectives inspected the flat where the victim lived.",
        "inspected",
        "OtherEvent",
    ),
    _event("Border guards took custody of a smuggler near Varda.", "took", "Arrest"),
    _event(
        "The sheriff took custody of the suspect after the chase.", "took", "Arrest"
    ),
    _event("Tarsk police took custody of the drugs and the boat.", "took", "Arrest"),
    _event(
        "Varda Maritime Enforcement (VME) Customs Officers took custody of a skipper.",
        "took",
        "Arrest",
    ),
]

# (text, the phrase the event's label must hold): the words that say which deed
_PHRASES = [
    ("The arsonists set fire to a barn outside Orlen.", "set fire"),
    ("Rioters set fire to a police car in Varda.", "set fire"),
    ("Youths set fire to the bins outside the Tarsk school.", "set fire"),
    ("The Orlen Foxes rolled past the Varda Rams 31-10 on Sunday.", "rolled past"),
    pytest.param(
        "Tarsk cruised past Kellan 3-0 on Saturday.",
        "cruised past",
        marks=pytest.mark.xfail(
            strict=True, reason="the parser takes the score '3-0' for the object"
        ),
    ),
    ("The Varda Hawks raced past the Orlen Owls 98-80 on Monday.", "raced past"),
    (
        "On Thursday, the Tarsk assembly failed to confirm Maria Lopez as judge.",
        "failed to confirm",
    ),
    ("On Tuesday, the council failed to pass the budget.", "failed to pass"),
    (
        "On Monday, the Varda assembly refused to ratify the treaty.",
        "refused to ratify",
    ),
    (
        "On Friday, the board declined to renew the contract of Kellan Orlen.",
        "declined to renew",
    ),
    pytest.param(
        "The council failed to pass the budget on Tuesday.",
        "failed to pass",
        marks=pytest.mark.xfail(
            strict=True,
            reason="no event on 'failed' dated by a date after its clause",
        ),
    ),
]

# (text, a word that must name no event): habits, plans, figures of speech and
# the verbs' other senses
_NON_EVENTS = [
    ("Tarsk Nights airs on Varda TV every Sunday.", "airs"),
    ("The channel broadcasts news in three languages.", "broadcasts"),
    ("Kellan Orlen plans to tweet his verdict after the match.", "tweet"),
    ("Maria Lopez tweets about football most days.", "tweets"),
    ("The Varda clinic screened 300 patients for diabetes.", "screened"),
    ("The hotel staff screened all calls for the minister.", "screened"),
    ("Orlen Systems releases updates every month.", "releases"),
    ("Orlen Systems will release a patch if the flaw is confirmed.", "release"),
    ("The club posts photos of every training session.", "posts"),
    ("Maria Lopez posted a letter to her bank in Varda.", "posted"),
    ("Maria Lopez busted the myth that the lake is poisoned.", "busted"),
    ("Tarsk busted its budget on new stadium seats.", "busted"),
    ("Kellan's pass was intercepted by the Orlen full-back.", "intercepted"),
    ("The striker intercepted a loose ball in midfield.", "intercepted"),
    ("Inspectors inspect every restaurant in Varda twice a year.", "inspect"),
    ("Maria Lopez inspected her shoes before the race.", "inspected"),
    ("The engineers inspected the bridge for cracks.", "inspected"),
    ("Police could take custody of the boy if his parents agree.", "take"),
    ("The mother took custody of the children after the divorce.", "took"),
    ("Fans set fire to the league with their chants, a critic wrote.", "set fire"),
    ("Kellan said the story could air next year.", "air"),
    ("Residents aired their grievances at the Varda town hall.", "aired"),
    ("A lorry rolled past the school every morning.", "rolled past"),
]


@pytest.mark.parametrize(("text", "word", "kind"), _DEEDS)
def test_deeds_no_trigger_named_before(run, text, word, kind):
    x = run(_LEAD + text, published=_PUBLISHED)
    found = [e for e in x.events if any(t.startswith(word) for t in _texts(e))]
    assert any(e.event_type == kind for e in found), _report(x)


@pytest.mark.parametrize(("text", "phrase"), _PHRASES)
def test_an_event_labelled_by_its_phrase(run, text, phrase):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert any(e.label.lower().startswith(phrase) for e in x.events), _report(x)


@pytest.mark.parametrize(("text", "words"), _NON_EVENTS)
def test_look_alikes_that_tell_no_deed(run, text, words):
    x = run(_LEAD + text, published=_PUBLISHED)
    first = words.split()[0]
    named = [e for e in x.events if any(t.startswith(first) for t in _texts(e))]
    assert not [e for e in named if e.label.lower().startswith(words)], _report(x)
