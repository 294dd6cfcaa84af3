"""Who said it (session 25): the speaker is not a name beside it. A surname that is
also a modal verb speaks; a town's police keep the town in their name; a person
whose office names a place is the person; "his attorneys" are the attorneys named
before; a quotation that opened a paragraph earlier holds no speaker; "they say"
goes back to people or a body, not to things; a title's organisation yields to
the person; "X's aide" is someone other than X; whom a memo went to is not its
source. Invented sentences and names; the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from tests.claim_cases import speaker_of

# Each fails on the base (1da5711): the claimant there is in the comment.
FIXED = {
    # no claim: the name parsed as the cue's auxiliary
    "a surname that is a modal verb speaks": (
        '"The harbour will open again by spring," May warned on Tuesday.',
        "harbour will open",
        "May",
    ),
    # no claim
    "a modal surname after the person is named in full": (
        'Anna May met the dockers on Monday. "We will not sell the port," May said.',
        "not sell the port",
        "Anna May",
    ),
    # "police"
    "bare police named later with their town": (
        "Scuffles broke out in Velmora on Sunday, police said. Nine people were "
        "held for assault during the marches, Velmora police said.",
        "Nine people were held",
        "Velmora police",
    ),
    # "Kestrin": the NER takes the town for an organisation
    "a town's police at the article's start": (
        "Kestrin police said two men were held on Sunday after a brawl near the depot.",
        "two men were held",
        "Kestrin police",
    ),
    # "Oslo Anna Kovalik"
    "the place of an office is no part of the holder's name": (
        "Mayor of Oslo Anna Kovalik said the festival would show the city was "
        "open to all.",
        "festival would show",
        "Anna Kovalik",
    ),
    # "Mayor": the name taken for a place, as the mayor "of" it
    "the holder of an office named with its place": (
        "Mayor of Lisbon Omar Haddad said the festival would show the city was "
        "open to all.",
        "festival would show",
        "Omar Haddad",
    ),
    # "attorneys"
    "his attorneys are the attorneys named before": (
        "Dario Fenn, represented by his attorneys Peter Sandoval and Tomas Brandt, "
        "was freed on Friday. His attorneys insist he has helped the police.",
        "helped the police",
        "Peter Sandoval",
    ),
    # "Members"
    "members of an unnamed body keep what they are members of": (
        "The fishermen live near Velmora. Members of the club and their friends "
        "say the new quota will ruin them.",
        "quota will ruin",
        "Members of the club",
    ),
    # "Tomas Brandt": the name inside the quotation
    "a quotation opened a paragraph before holds no speaker": (
        "Peter Sandoval said the levy was unfair.\n\n"
        '"I am puzzled by a budget that spends so much on roads.\n\n'
        'It runs counter to nearly everything Mayor Tomas Brandt promised," he said.',
        "runs counter",
        "Peter Sandoval",
    ),
    # "trucks"
    "they say goes back to a body, not to things": (
        "The Kestrin Rescue Service will not know what to send until the storm "
        "hits. While many lorries are parked up north, they say they can cope.",
        "they can cope",
        "Kestrin Rescue Service",
    ),
    # "army"
    "the organisation in a title yields to the person": (
        "The bridge was shut to traffic, according to remarks by army spokesman "
        "Omar Haddad, a colonel.",
        "bridge was shut",
        "Omar Haddad",
    ),
    # "Dario Fenn"
    "a person's aide is the counsellor named before": (
        "Tomas Brandt, counsellor to the president, spoke on Monday. Speaking to a "
        "radio station, Dario Fenn’s top aide said: “The president has not "
        "changed his mind.”",
        "not changed his mind",
        "Tomas Brandt",
    ),
    # "Dario Fenn"
    "a person's spokesman is someone else": (
        "Dario Fenn met the unions on Monday. Fenn's spokesman said the talks had "
        "gone well.",
        "talks had gone well",
        "Fenn's spokesman",
    ),
}


@pytest.mark.slow
def test_whom_a_memo_was_mailed_to_is_not_its_source(run):
    # fails on the base: the claim is the senator's
    text = (
        "The audit found that nine staff were to blame in 40 cases, according to "
        "a memo mailed to Senator Dario Fenn this week."
    )
    assert speaker_of(run(text), "nine staff") != "Dario Fenn"


# Pass on the base and the branch: what the rules above must leave alone.
GUARDS = {
    "a person's lawyers are someone else, unnamed": (
        "Kellan Varda's lawyers said the charges would be dropped.",
        "charges would be dropped",
        "Varda's lawyers",
    ),
    "they say goes back to people": (
        "Dockers in Velmora walked out on Monday. They said the new contracts "
        "were unfair.",
        "contracts were unfair",
        "Dockers",
    ),
    "they say goes back to a body of things that speak": (
        "Three banks raised their rates on Monday. They said the cost of money "
        "had risen.",
        "cost of money",
        "banks",
    ),
    "they say goes back to towns a sentence before, though towns are no people": (
        "Nine towns led by Kestrin and several trade groups are fighting the levy "
        "before the Velmora Ministry of Finance. They argue that the ministry went "
        "beyond its powers.",
        "went beyond its powers",
        "towns",
    ),
    "an office in a company's name keeps the name whole": (
        "Minister of Oslo Energy Company Tomas Brandt said the plant would close.",
        "plant would close",
        "Tomas Brandt",
    ),
    "a lower-case modal is no name": (
        "The council may vote on Friday, Kovalik said.",
        "council may vote",
        "Kovalik",
    ),
    "a name inside a one-paragraph quotation": (
        "Peter Sandoval said the levy was unfair. "
        '"It runs counter to what Mayor Tomas Brandt promised," he said.',
        "runs counter",
        "Peter Sandoval",
    ),
    "a letter's sender is its source": (
        "The audit found that nine staff were to blame in 40 cases, according to "
        "a letter from Senator Dario Fenn.",
        "nine staff",
        "Dario Fenn",
    ),
    "an unnamed body's place stays in its name": (
        "The port will reopen in June, according to the Velmora port authority.",
        "port will reopen",
        "Velmora port authority",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", [*FIXED, *GUARDS])
def test_the_speaker_is_not_a_name_beside_it(run, case):
    text, words, speaker = {**FIXED, **GUARDS}[case]
    assert speaker_of(run(text), words) == speaker
