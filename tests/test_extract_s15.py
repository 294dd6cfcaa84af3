"""Actors on invented sentences (session 15): one entity for the names a story
gives one actor, and no actor for subheadings and shows; trained English pipeline
(slow)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from kb.extract import load_pipeline
from kb.extract.entities import entities_of
from kb.extract.mentions import _is_sports_report, not_a_name
from kb.extract.names import family_name, merged_ents, web_name_stem
from kb.models import Extraction
from kb.text.gazetteer import gazetteer

pytestmark = pytest.mark.slow


def _names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities}


def _claimants(x: Extraction) -> set[str]:
    names = {e.key: e.name for e in x.entities}
    return {names[c.claimant] for c in x.claims if c.claimant in names}


def test_a_surname_after_a_name_with_a_suffix_is_that_person(run):
    x = run(
        "Patrick W. Orlen Jr., 55, pleaded guilty on Tuesday. Orlen faces up to 10 "
        "years in prison, said James P. Kellan Jr., the U.S. attorney. Kellan said "
        "the case was closed."
    )
    people = {e.name for e in x.entities if e.key.startswith("person:")}
    assert people == {"Patrick W. Orlen Jr", "James P. Kellan Jr"}
    assert _claimants(x) == {"James P. Kellan Jr"}


@pytest.mark.parametrize(
    ("words", "family"),
    [
        (["James", "Kellan", "Jr."], ["James", "Kellan"]),
        (["louis", "van", "halst", "iii"], ["louis", "van", "halst"]),
        # guards: a suffix alone after one name, and no suffix
        (["Kellan", "Jr"], ["Kellan", "Jr"]),
        (["Maria", "Lopez"], ["Maria", "Lopez"]),
    ],
)
def test_family_name_drops_a_generational_suffix(words, family):
    assert family_name(words) == family


def test_a_web_business_is_also_called_by_its_name_alone(run):
    x = run(
        "Kellan Orlen of Velmora.com said sales fell. Velmora expects sales to rise "
        "next year."
    )
    orgs = {e.name for e in x.entities if e.key.startswith("organization:")}
    assert orgs == {"Velmora.com"}
    assert not any(e.key.startswith("local:") for e in x.entities)


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Velmora.com", "Velmora"), ("Tarsk.org", "Tarsk"), ("Velmora Motors", None)],
)
def test_web_name_stem(name, stem):
    assert web_name_stem(name) == stem


def test_police_before_the_one_police_force_named_is_that_force(run):
    x = run(
        "Police said the suspect was arrested on Monday. The Eindhoven Police "
        "Department said a girl was found safe."
    )
    assert _claimants(x) == {"Eindhoven Police Department"}
    assert "Police" not in _names(x)


def test_police_beside_two_police_forces_stays_unnamed(run):
    # guard: with two forces named, "Police" could be either
    x = run(
        "Police said the suspect was arrested on Monday. The Eindhoven Police "
        "Department said a girl was found. The Utrecht Police Department said it "
        "helped."
    )
    assert "Police" in _names(x)


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        # a subheading in capitals
        (
            "Plague cases rise in Tarsk.\n\nSCORES QUARANTINED\n\nThe first two "
            "infected patients were treated in hospital.",
            "QUARANTINED",
        ),
        # a show, a festival: gatherings, not actors
        (
            "Executives announced the order on Wednesday at the Dubai Air Show.",
            "Dubai Air Show",
        ),
    ],
)
def test_subheadings_and_gatherings_are_no_actors(run, text, not_actor):
    assert not_actor not in _names(run(text))


def test_a_name_in_quotation_marks_loses_them(run):
    x = run('It was known as the "Varda Compact" during the last century.')
    assert not any('"' in name or "“" in name for name in _names(x))


def test_an_acronym_in_a_sentence_stays_an_actor(run):
    # guard: capitals in a line of ordinary case
    assert "NATO" in _names(run("NATO said on Monday that the talks had failed."))


def _events(x: Extraction) -> list[tuple[str, str | None]]:
    return [(e.trigger.text, e.date and e.date.value) for e in x.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The Varda club spent Monday trying to distance themselves from Thursday "
            "night's fight that led to suspensions.",
            ("fight", "2025-06-05"),
        ),
        (
            "Orlen did not know Kellan was coming to Tuesday's networking gathering.",
            ("gathering", "2025-06-10"),
        ),
        (
            "Kellan was arrested in April for the March 21 call to the offices of "
            "Orlen.",
            ("call", "2025-03-21"),
        ),
    ],
)
def test_what_a_named_day_owns_is_an_event_of_that_day(run, text, event):
    assert event in _events(run(text, published="2025-06-10"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # guards: a day's document or market figure is no event
        ("Shares in Tarsk fell below Friday's close.", "close"),
        ("Monday's report showed strong growth in Varda.", "report"),
        ("Orlen missed the March 21 deadline in Tarsk.", "deadline"),
        ("The 2010 budget of Tarsk was cut.", "budget"),
        ("Varda lawmakers said on Wednesday night that Orlen spoke well.", "night"),
    ],
)
def test_what_a_day_owns_that_is_no_happening(run, text, word):
    assert word not in {trigger for trigger, _ in _events(run(text))}


def test_what_was_put_off_is_dated_by_its_new_day(run):
    x = run("The Varda vote was delayed from Monday until Thursday.", "2025-06-10")
    assert ("vote", "2025-06-12") in _events(x)


def test_a_name_never_runs_across_a_colon():
    nlp = load_pipeline()
    doc = nlp.make_doc("Kellan D. Orlen: Dealing in cocaine.")
    doc.ents = [Span(doc, 0, 5, label="PERSON")]  # what the NER made of a list line
    ents = merged_ents(doc, {}, 0, gazetteer())
    assert [e.text for e in ents] == ["Kellan D. Orlen", "Dealing"]


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "named"),
    [
        ("Police seized marijuana in Tarsk.", 2, 3, "PERSON", False),
        ("He looked gaunt.", 2, 3, "PERSON", False),
        ("Bags of jewellery were taken.", 2, 3, "GPE", False),
        # guards: capitals, and a short form without letters of its own case
        ("Troops of the U.S. left.", 3, 4, "GPE", True),
        ("Kellan Orlen spoke.", 0, 2, "PERSON", True),
        ("The coast guard said so.", 0, 3, "ORG", True),
    ],
)
def test_people_and_places_in_lower_case_are_no_names(text, start, end, label, named):
    doc = load_pipeline()(text)
    assert not_a_name(Span(doc, start, end, label=label)) is not named


_COACH_STORY = (
    "Kellan Orlen was named coach of FC Utrecht on Tuesday. Orlen managed Eindhoven "
    "United last season. Utrecht sacked its previous coach, club officials said. His "
    "first match in charge will be on Saturday, and the league title is the goal for "
    "the squad."
)


def test_clubs_in_a_story_of_the_game_without_a_score(run):
    # a story of the game (a coach's appointment) with no score in it: the clubs
    # named for towns are clubs, "Utrecht" is "FC Utrecht", and no town is named
    x = run(_COACH_STORY)
    kinds = {e.name: e.key.split(":", 1)[0] for e in x.entities}
    assert kinds["Eindhoven United"] == "organization"
    assert kinds["FC Utrecht"] == "organization"
    assert not any(e.is_location for e in x.entities)


@pytest.mark.parametrize("label", ["FAC", "GPE"])
def test_a_surname_the_ner_took_for_a_place_is_the_person(label):
    nlp = load_pipeline()
    doc = nlp.make_doc("Kellan Orlen spoke on Monday. Orlen said the team was ready.")
    for name, step in nlp.pipeline:
        if not name.startswith("newskb"):
            doc = step(doc)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label=label)]
    clusters = entities_of(doc).clusters
    assert [(c.kind, c.names()) for c in clusters] == [
        ("Person", ["Kellan Orlen", "Orlen"])
    ]


def _places(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.is_location}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a building where the text says where
        (
            "The patient is being treated in isolation at Glasgow's Gartnavel "
            "Hospital.",
            "Gartnavel Hospital",
        ),
        (
            "Protesters remained inside Polytechnic University on Monday.",
            "Polytechnic University",
        ),
        # a place's name that starts with a word for a landform
        ("Kellan Orlen said Mount Varda was dangerous.", "Mount Varda"),
    ],
)
def test_buildings_and_mountains_where_the_text_says_where(run, text, place):
    assert place in _places(run(text))


def test_the_place_before_a_possessive_in_a_name_is_a_place(run):
    x = run("The patient is being treated at Glasgow's Gartnavel Hospital.")
    assert "Glasgow" in _places(x)
    assert "Glasgow's Gartnavel Hospital" not in _names(x)


def test_a_hospital_that_speaks_is_an_organisation(run):
    # guard for the place rule; and the NER's "person" with a hospital's last word
    x = run("Kelvin Hospital said the patient was stable.")
    assert {e.key.split(":", 1)[0] for e in x.entities} == {"organization"}


def test_deaths_of_two_people_are_two_events(run):
    x = run(
        "Kellan Orlen, 32, died while climbing on Mount Sefton on Saturday. His death "
        "came a day after Maria Lopez was killed after falling from a ridge."
    )
    names = {e.key: e.name for e in x.entities}
    people = [
        {names[p] for p in (*e.agents, *e.participants)}
        for e in x.events
        if e.trigger.text in ("died", "killed")
    ]
    assert {"Kellan Orlen"} in people and {"Maria Lopez"} in people


@pytest.mark.parametrize(
    "text",
    [
        # the staff of a building: who employs them, not where
        "Researchers from Kelvin University said the drug worked.",
        "Doctors at Mount Kestrel Hospital are testing a patient.",
    ],
)
def test_a_building_that_employs_people_is_no_place(run, text):
    assert not _places(run(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "sales" has the lemma "sale": the word as written says it is a result
        ("Sales of new cars plunged 12 percent in May.", ("plunged", "2025-05")),
        # people who fly or travel go somewhere
        ("The patient flew home to Glasgow on Sunday.", ("flew", "2025-06-08")),
        ("She had flown back to Scotland late on Sunday.", ("flown", "2025-06-08")),
    ],
)
def test_moves_of_figures_and_of_people(run, text, event):
    assert event in _events(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "The plane flew over Tarsk.",
        "Birds fly south in winter.",
        "The signal travels down fibre optic cables.",
    ],
)
def test_what_flies_or_travels_but_is_no_one_makes_no_event(run, text):
    assert not _events(run(text))


@pytest.mark.parametrize(
    ("text", "game"),
    [
        (_COACH_STORY, True),
        # politics speaks of coaches, matches and seasons too: three such words are
        # not enough without a score
        (
            "The senator, a former debate coach, said the race was a match of wills "
            "that would define the season. His goal was to win Tarsk.",
            False,
        ),
    ],
)
def test_a_story_of_the_game_without_a_score(text, game):
    assert _is_sports_report(load_pipeline()(text)) is game


def test_a_title_that_speaks_is_a_publication(run):
    x = run(
        "Kellan Orlen is in final talks to write and direct the film, according to "
        "The Wrap."
    )
    assert _claimants(x) == {"Wrap"}
    assert any(e.key == "organization:wrap" for e in x.entities)


def test_a_place_named_as_a_building_speaks_as_itself(run):
    x = run(
        "A power failure hit Sedbergh Airport on Monday. The airport said in a "
        "statement that the main terminal building and runway were unaffected."
    )
    assert _claimants(x) == {"Sedbergh Airport"}
    airport = next(e for e in x.entities if e.name == "Sedbergh Airport")
    assert airport.is_location and airport.actor_kind == "Actor"


_POSTED = (
    "A power outage at Sedbergh Airport held up travel on Monday afternoon.\n\n"
    "A power failure is affecting parts of the terminal. The runway is unaffected "
    "(1/2) — Sedbergh Airport (@SED_Airport) December 22, 2014\n\n"
    "The outage lasted two hours."
)


def test_an_embedded_post_is_its_accounts_claim_on_its_day(run):
    x = run(_POSTED, published="2014-12-23")
    [claim] = x.claims
    assert claim.statement == (
        "A power failure is affecting parts of the terminal. The runway is unaffected"
    )
    assert claim.direct and claim.date and claim.date.value == "2014-12-22"
    assert _claimants(x) == {"Sedbergh Airport"}
    assert not claim.quantities  # "(1/2)" counts a thread, no figure


def test_a_dash_and_a_name_without_an_account_is_no_post(run):
    x = run(
        "The outage hit the terminal — Sedbergh Airport, December 22, 2014.\n\n"
        "The outage lasted two hours."
    )
    assert not x.claims


def _people_of(x: Extraction, trigger: str) -> set[str]:
    names = {e.key: e.name for e in x.entities}
    return {
        names[k]
        for e in x.events
        if e.trigger.text == trigger
        for k in (*e.agents, *e.participants)
    }


@pytest.mark.parametrize(
    ("text", "trigger", "people"),
    [
        # what the verb is about, or follows: its subject took no part in it
        (
            "Maria Lopez weighed in on the brawl on Monday, saying that Orlen should "
            "be disciplined.",
            "brawl",
            set(),
        ),
        (
            "Police in Tarsk arrested Kellan Orlen after the bombing on Monday.",
            "bombing",
            set(),
        ),
        # guards: what the subject is in, or was tried in
        (
            "Kellan Orlen was killed in the bombing on Monday.",
            "bombing",
            {"Kellan Orlen"},
        ),
        (
            "Kellan Orlen was convicted after a two-day trial in Tarsk.",
            "trial",
            {"Kellan Orlen"},
        ),
    ],
)
def test_who_took_part_in_an_event_named_by_a_noun(run, text, trigger, people):
    assert _people_of(run(text), trigger) == people


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a court story that names drugs once: its trial is a court's
        (
            "Kellan Orlen sold drugs to volunteers in Tarsk, police said. A jury in "
            "Tarsk convicted him in May, and a judge sentenced him to ten years.\n\n"
            "The two-day trial ended on Friday.",
            "LegalAction",
        ),
        # guard: a story of a vaccine
        (
            "The vaccine was given to 400 patients and volunteers in Tarsk. Doctors "
            "measured each dose.\n\nThe trial ended on Friday.",
            "MedicalTrial",
        ),
    ],
)
def test_a_trial_is_of_the_kind_the_article_speaks_of_most(run, text, kind):
    assert ("trial", kind) in {(e.trigger.text, e.event_type) for e in run(text).events}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kellan Orlen was handed a one-game suspension on Monday.", "Sanction"),
        ("The suspension of Kellan Orlen angered the fans in Tarsk.", "Sanction"),
        # guard: a service's
        (
            "The suspension of train services in Tarsk lasted two days.",
            "ServiceDisruption",
        ),
    ],
)
def test_a_suspension_of_someone_is_a_sanction(run, text, kind):
    assert [e.event_type for e in run(text).events] == [kind]


def test_sanctions_on_two_people_are_two_events(run):
    x = run(
        "The NFL suspended Kellan Orlen for two games. Maria Lopez was handed a "
        "one-game suspension for shoving."
    )
    sanctions = [e for e in x.events if e.event_type == "Sanction"]
    assert len(sanctions) == 2


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Power was restored to Tarsk at 5:30 p.m. on Monday.",
            ("restored", "ServiceDisruption"),
        ),
        ("The two countries restored ties in May.", ("restored", "DiplomacyEvent")),
        (
            "Maria Lopez hit Kellan Orlen in the head with a helmet on Thursday.",
            ("hit", "Attack"),
        ),
        ("The shooter hit three people in Tarsk.", ("hit", "Attack")),
    ],
)
def test_restoring_and_hitting(run, text, event):
    assert event in {(e.trigger.text, e.event_type) for e in run(text).events}


@pytest.mark.parametrize(
    "text",
    [
        # guards: what hits no one
        "Sales of Orlen cars hit a record in May.",
        "The storm hit the coast of Tarsk on Monday.",
    ],
)
def test_hitting_no_one_is_no_attack(run, text):
    assert "hit" not in {e.trigger.text for e in run(text).events}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Orlen Holdings raised $25 billion in its initial public offering in "
            "September.",
            ("offering", "BusinessEvent"),
        ),
        (
            "Rescue operations in Tarsk were hampered by rain on Monday.",
            ("operations", "Rescue"),
        ),
    ],
)
def test_work_and_offerings_named_by_the_word_before_them(run, text, event):
    assert event in {(e.trigger.text, e.event_type) for e in run(text).events}


def test_an_offering_of_goods_is_no_listing(run):
    # guard
    x = run("Orlen Holdings is making a big public offering of new phones in Tarsk.")
    assert "offering" not in {e.trigger.text for e in x.events}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The Tarsk health authority reported its third case of plague on Sunday.",
            "Outbreak",
        ),
        ("The ministry reported a new case of measles in Tarsk.", "Outbreak"),
        # guards: a result, a case for the police, tallies (see also
        # test_extract_triggers.py: "300 new cases of flu")
        ("The ministry reported 12 new cases of measles in Tarsk.", None),
        ("Orlen Holdings reported a loss of $5 million on Monday.", "FinancialResult"),
        ("Maria Lopez reported the case to the police in Tarsk.", None),
        ("In Tarsk, 1,046 cases had been reported this year.", None),
    ],
)
def test_a_case_reported_is_a_disease_breaking_out(run, text, kind):
    kinds = {e.event_type for e in run(text).events if e.trigger.text == "reported"}
    assert kinds == ({kind} if kind else set())


def test_a_country_is_not_inside_itself(run):
    x = run("Maria Lopez spoke in Utrecht on Monday. The Netherlands will vote in May.")
    assert all(e.key not in e.within for e in x.entities)
    utrecht = next(e for e in x.entities if e.name == "Utrecht")
    assert utrecht.within  # guard: the town is still inside its country
