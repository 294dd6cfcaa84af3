"""Which words name an event, and of what type: trigger verbs and nouns from the
lexicon, with rules for verbs whose everyday senses name no event ("shares
closed higher", "won support"). Helpers of the ``newskb_events`` component."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from spacy.tokens import Token

from kb.extract.names import SCORE
from kb.extract.resolve import Resolver, speaker_noun
from kb.extract.syntax import (
    a_named_march,
    ends_a_hyphened_word,
    prep_objects,
    storm_name,
)
from kb.text import lexicon as lx
from kb.text.dates import MONTHS, WEEKDAYS
from kb.text.gazetteer import Gazetteer, fold

__all__ = ["TriggerRules"]

_Rule = Callable[["TriggerRules", Token, list[Token], Token | None], str | None]


class TriggerRules:
    """Event triggers over one Doc."""

    def __init__(self, r: Resolver, gaz: Gazetteer, lower_text: str) -> None:
        self.r = r
        self.doc = r.doc
        self.gaz = gaz
        self.lower_text = lower_text
        self.ent_at = r.mentions.ent_at

    def trigger_type(self, tok: Token) -> str | None:
        """The event type ``tok`` names here, or None; None too when the text says
        it did not happen ("did not attack", "no one was hurt", "no injuries")."""
        if storm_name(tok) is not None:
            return None if _denied(tok) else "NaturalDisaster"  # "Hurricane Tomas"
        if tok.dep_ in ("amod", "compound") or _a_purpose(tok):
            return None
        kind = self._kind(tok)
        return None if kind is None or _denied(tok) else kind

    def accused_in(self, noun: Token) -> list[Token]:
        """Who is charged with, held for or suspected of the deed ``noun`` names,
        a participant of it: "Kellan was charged in the bombing", "police
        arrested Varda over the killing", "Kellan is a suspect in the stabbing"."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("in", "for", "over"):
            return []
        held = prep.head
        if held.lemma_.lower() in lx.SUSPECTS and held.dep_ == "attr":
            subj = self.r.subject(held.head)  # "Kellan is a suspect in …"
            return [subj] if subj is not None else []
        if held.pos_ != "VERB" or held.lemma_.lower() not in lx.ACCUSING_VERBS:
            return []
        done_to = [c for c in held.children if c.dep_ == "dobj"]
        subj = self.r.subject(held)  # "was arrested and charged in …"
        if not done_to and subj is not None and subj.dep_ == "nsubjpass":
            done_to = [subj]
        return done_to

    def _kind(self, tok: Token) -> str | None:
        if _a_topic(tok):
            return None  # "his writings about kidnapping and killing girls"
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":  # "fined" gives "fin"; "a former premier" is no premiere
            lemma = lx.LEMMA_MENDS.get(lemma, lemma)
        if tok.lower_ == "missing" and tok.dep_ in ("acomp", "oprd", "xcomp"):
            return "OtherEvent"  # "were reported missing", "are still missing"
        if tok.lower_ in ("up", "down") and tok.dep_ in ("advmod", "acomp", "prt"):
            return self._moved(tok, tok.head)  # "shares were up 7.4%"
        if tok.pos_ == "NOUN" and lemma in lx.MOVEMENT_NOUNS:
            return self._moved(tok, tok)  # "a 14% rise in operating profit"
        if tok.pos_ == "VERB":
            if _another_verb(tok):
                return None  # "the parcels wound up in Porto": ended, no wound
            return _idiom(tok, lemma) or self._verb_type(tok, lemma)
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.i in self.r.mentions.token_mention or _in_a_title(tok):
                return None
            if tok.is_title and tok.lower_ in self._craft_names:
                return None  # "the shuttle Discovery", then "Discovery" alone
            if _a_quality(tok):
                return None  # "the drought-prone plain": no drought told
            if _of_a_kind(tok):
                return None  # "a long history of floods": floods as a kind
            modified = tok.head if tok.dep_ != "conj" else tok.head.head
            if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound", "nmod"):
                return None  # "attack and transport helicopters": a kind of thing
            if "nmod" in (tok.dep_, tok.head.dep_) and modified.lemma_ in lx.VEHICLES:
                return None
            kind = lx.NOUN_TRIGGERS.get(lemma) or lx.NOUN_TRIGGERS.get(tok.lower_)
            kind = _named_with_a_modifier(tok, lemma) or _hyphened(tok) or kind
            if kind is None and _new_cases(tok):
                return "Outbreak"  # "twelve new cases of cholera were confirmed"
            if kind is None and lemma == "charge" and _of_an_offence(tok):
                kind = "LegalAction"  # "a felony charge", "a charge of arson"
            if kind and any(
                c.dep_ == "det" and c.lower_ in ("every", "each", "any")
                for c in tok.children
            ):
                return None  # "fight for every vote": any one, not an event
            if kind and (self._generic_plural(tok) or _others(tok)):
                return None  # "trained in artillery strikes": a kind of thing, not an event
            if tok.dep_ == "pobj" and tok.head.lower_ == "for":
                if kind == "Attack" or tok.head.head.lemma_.lower() in lx.ASKING:
                    # "for an offensive", "a claim for an apology": a purpose or a
                    # demand, not an event that happened
                    return None
            if lemma == "strike" and (
                self._labour_strike(tok) or self._walkouts and not _aimed(tok)
            ):
                return "Protest"  # "the dockers' strike": a walkout, not an attack
            if kind == "JobCuts" and not self._job_context(tok):
                return None
            if kind is None and (
                _on_a_named_day(tok) or _breaks_out(tok) or _names_an_occasion(tok)
            ):
                return "OtherEvent"  # "Thursday's fight", "at the Orlen Awards"
            if kind is None:
                kind = _named_by_its_modifier(tok)
            return self._noun_sense(tok, lemma, kind)
        return None

    def _noun_sense(self, tok: Token, lemma: str, kind: str | None) -> str | None:
        """Nouns whose common senses name no event, or another one: "under fire",
        "a demonstration of strength", "the polls show"."""
        if kind is None or self._another_sense(tok, lemma):
            return None
        if lemma == "fire" and (
            tok.head.lower_ == "under" or any(c.lower_ == "back" for c in tok.children)
        ):
            return None  # "came under fire": criticism
        mods = {
            c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
        }
        if lemma == "fire" and (
            tok.head.lower_ == "of"
            and tok.head.head.lemma_ == "exchange"
            or mods & lx.WEAPON_WORDS
        ):
            return "Attack"  # "an exchange of fire", "machine-gun fire"
        if (
            lemma == "fire"
            and tok.dep_ == "dobj"
            and tok.head.lemma_ in ("open", "return")
        ):
            return "Attack"  # "opened fire on the car"
        if lemma == "fire" and _set_on_fire(tok):
            return "Attack"  # "set fire to a police car", "set the bus on fire"
        if lemma == "expedition" and any(
            c.dep_ in ("compound", "amod") and c.lower_.endswith("ing")
            for c in tok.children
        ):
            return None  # "a fishing expedition", "his hacking expeditions"
        if lemma == "death" and tok.head.lower_ == "to":
            if tok.head.head.lemma_.lower() in ("sentence", "condemn"):
                return None  # "sentenced to death": the punishment, not a death
        if kind == "Vote" and any(c.dep_ == "nummod" for c in tok.children):
            return None  # "a combined 385 votes": a count, not a vote held
        if lemma in ("injury", "injuries") and self.r.mentions.sports:
            return "OtherEvent"  # "a hamstring injury": a player's, no casualty
        if lemma in ("injury", "injuries") and mods & lx.BODY_PARTS:
            return None  # "died of head injuries": the harm of a casualty told
        if lemma == "trial":
            return self._trial(tok, mods)
        if lemma == "recall" and not self._sentence_has(tok, lx.OBJECTS_NEEDED[lemma]):
            return None  # "the recall of 30,000 vans"; not "total recall"
        if lemma == "suspension" and self._of_someone(tok, mods):
            return "Sanction"  # "Orlen's suspension", "a one-game suspension"
        if lemma in ("demonstration", "flood") and any(
            c.lower_ == "of" for c in tok.children
        ):
            return None  # "a demonstration of strength", "a flood of money"
        if lemma == "march" and not tok.is_lower and not a_named_march(tok):
            return None  # "in March": the month
        if lemma == "landslide" and _won_by_far(tok):
            return None  # "won a landslide", "a landslide victory": a vote
        if lemma == "marathon" and _lasting_months(tok):
            return None  # "a two-year marathon": a long task, no race
        if kind == "Vote" and tok.dep_ == "attr":
            return None  # "the poll was a vote for change": what a vote meant
        if lemma == "referendum" and self._on_someone(tok):
            return None  # "the election became a referendum on the mayor"
        if lemma == "speech" and (
            tok.head.lower_ == "of"
            or any(c.lower_ in ("free", "hate") for c in tok.children)
        ):
            return None  # "free speech", "freedom of speech"
        if lemma == "poll":
            # "at the polls", "polls closed": the vote; otherwise an opinion poll
            voting = tok.head.lower_ in ("at", "to") or tok.head.lemma_ in (
                "close",
                "open",
            )
            return "Election" if voting else "StudyPublication"
        if lemma == "nomination" and {t.lower_ for t in tok.sent} & lx.ELECTION_CONTEXT:
            return "Election"
        if lemma == "attack" and (self._in_words(tok) or self._sporting(tok)):
            return None
        if lemma == "strike" and not mods & lx.STRIKE_WEAPONS and self._sporting(tok):
            return None  # "a deflected second-half strike": a shot at goal
        if lemma == "clash" and self._sporting(tok):
            return "SportsMatch"  # "the final clash with Chiu"
        if _feared(tok):
            return None  # "not afraid of an attack", "such an attack": none happened
        if lemma == "probe" and tok.head.lemma_.lower() in ("land", "orbit", "fly"):
            return None  # "the probe landed on Mars": a craft, no inquiry
        if lemma == "search" and tok.head.lower_ == "in" and _has_prep(tok, "of"):
            return None  # "in search of": looking for, no search operation
        if lemma == "opening" and _has_prep(tok, "to"):
            return None  # "its opening to the outside world"
        if lemma == "opening" and any(
            lx.NOUN_TRIGGERS.get(o.lemma_.lower()) for o in prep_objects(tok, ("of",))
        ):
            return None  # "the opening of the talks": the talks are the event
        if _offence(tok):
            return None  # "charged with murder": the charge, not a second death
        if lemma == "breach" and not mods & lx.BREACH_KINDS:
            return None  # "a breach of contract"
        if lemma == "talk" and tok.tag_ == "NN":
            return None  # "pricing talk", "small talk": talks are plural
        if lemma == "accident" and tok.head.lower_ == "by" and not mods:
            if not any(c.dep_ == "det" for c in tok.children):
                return None  # "found it by accident": by chance, no accident
        narrow = _NARROW_NOUNS.get(lemma)
        return narrow(self, tok, kind) if narrow is not None else kind

    # Nouns with everyday senses besides their event: each rule returns the event
    # type the noun names here, or None.
    def _race(self, tok: Token, kind: str) -> str | None:
        """ "the Senate race", "the election campaign"; not "the human race", and a
        campaign names an event only with a word saying what it is for."""
        mods = _modifiers(tok)
        if tok.lemma_.lower() == "campaign":
            owned = any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
            )
            if tok.dep_ == "nsubj" or not mods or owned:
                return None  # "his campaign said", "the Varga campaign": the team
            return "Election" if mods & lx.RACE_MODIFIERS else "OtherEvent"
        if mods & lx.RACE_MODIFIERS or self._sentence_has(tok, lx.ELECTION_CONTEXT):
            return "Election"
        return None

    def _outcome(self, tok: Token, kind: str) -> str | None:
        """ "the victory", "a 3-1 defeat": a vote or a match, by the sentence."""
        if self._sentence_has(tok, lx.ELECTION_CONTEXT):
            return "Election"
        if SCORE.search(tok.sent.text) or self._sentence_has(tok, lx.SPORTS_CONTEXT):
            return "SportsMatch"
        return None

    def _runoff(self, tok: Token, kind: str) -> str | None:
        """ "the runoff", "the presidential runoff"; not "fertilizer runoff"."""
        mods = _modifiers(tok)
        if mods - lx.RACE_MODIFIERS and not self._sentence_has(
            tok, lx.ELECTION_CONTEXT
        ):
            return None
        return kind

    def _punishment(self, tok: Token, kind: str) -> str | None:
        """ "a five-year prison sentence", "served his sentence"; not "a sentence I
        never thought I'd write"."""
        words = {t.lower_ for t in tok.lefts} | {
            part for t in tok.lefts for part in t.lower_.split("-")
        }
        if words & (lx.PUNISHMENT_WORDS | {"year", "years", "month", "months"}):
            return kind
        if tok.head.lemma_.lower() in lx.PUNISHMENT_VERBS or _has_prep(tok, "of"):
            return kind
        return kind if self._sentence_has(tok, lx.COURT_WORDS) else None

    def _court_noun(self, tok: Token, kind: str) -> str | None:
        """ "faces charges of fraud", "an appeal against the verdict"; not "bank
        charges" nor "an appeal for calm"."""
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        if preps & {"against", "of"} and "for" not in preps:
            return kind
        if tok.lemma_.lower() == "charge" and tok.head.lemma_ in lx.CHARGE_VERBS:
            return kind
        return kind if self._sentence_has(tok, lx.COURT_WORDS) else None

    def _of_thing(self, tok: Token, kind: str) -> str | None:
        """ "the sale of its unit"; not "sales rose", "the sale of PCs" nor "a leak
        of documents"."""
        has_of = _has_prep(tok, "of")
        if tok.lemma_.lower() == "leak":
            return None if has_of else kind
        if not has_of or tok.tag_ != "NN":
            return None
        things = prep_objects(tok, ("of",))
        return kind if any(self._org_like(t) for t in things) else None

    def _fixture(self, tok: Token, kind: str) -> str | None:
        """ "the game ended 2-2", "before the match against X"; not "their favourite
        games" nor "a match for his skills"."""
        others = {t.lower_ for t in tok.sent if t != tok}
        if SCORE.search(tok.sent.text) or others & lx.SPORTS_CONTEXT:
            return kind
        if self.r.mentions.sports and tok.tag_ == "NN":
            return kind  # "his first match in charge", in a match report
        if any(
            c.dep_ == "prep" and c.lower_ in ("against", "between")
            for c in tok.children
        ):
            return kind
        return None

    def _troop_move(self, tok: Token, kind: str) -> str | None:
        """ "the withdrawal of troops", "naval drills"; not "a cash withdrawal" nor "a
        political maneuver"."""
        words = {t.lower_ for t in tok.sent} | {t.lemma_.lower() for t in tok.sent}
        military = (
            lx.MILITARY_NOUNS
            | lx.ARMED_GROUPS
            | lx.CONFLICT_WORDS
            | {"naval", "military"}
        )
        return kind if words & military else None

    def _outbreak(self, tok: Token, kind: str) -> str | None:
        """ "the outbreak of measles"; "the outbreak of war" names no disease."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for g in prep.children:
                if g.lemma_.lower() in lx.CONFLICT_WORDS or g.ent_type_ == "EVENT":
                    return None
        return kind

    def _execution(self, tok: Token, kind: str) -> str | None:
        """ "the execution of a nurse"; not "the execution of the plan"."""
        return (
            kind
            if any(self._human(t) or _person_noun(t) for t in tok.subtree)
            else None
        )

    def _trial(self, tok: Token, mods: set[str]) -> str | None:
        """A trial in court, or of a drug or vaccine: by the sentence's words, else
        by the article's."""
        if mods & lx.SPORTS_TRIALS:
            return "SportsMatch"  # "the Olympic trials"
        words = {t.lower_ for t in tok.sent} | mods
        if words & _COURTROOM:
            return "LegalAction"
        medical = words & lx.MEDICAL_WORDS or self.medical and not self.court_trial
        return "MedicalTrial" if medical else "LegalAction"

    def _of_someone(self, tok: Token, mods: set[str]) -> bool:
        """A suspension of a person (a player's, an official's), not of a service:
        a person owns it or is its object, or games count it ("a two-game ban")."""
        if any(m.endswith(("-game", "-match")) or m in ("game", "match") for m in mods):
            return True
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += prep_objects(tok, ("of",))
        return any(
            self.r.kind_at(o) == "Person" or o.lower_ in _PERSONAL for o in owners
        )

    @cached_property
    def court_trial(self) -> bool:
        """Whether a sentence of the article puts a trial in court: its other
        trials, told without words of their own, are that one ("his trial opened
        on Monday"), however many patients the article names."""
        return any(
            {t.lower_ for t in sent} & _COURTROOM
            for sent in self.doc.sents
            if any(t.lemma_.lower() == "trial" for t in sent)
        )

    @cached_property
    def medical(self) -> bool:
        """Whether the article speaks of drugs, vaccines or patients more than of
        courts and police (a kidnapping's trial in a story that names a hospital)."""
        medical = sum(1 for t in self.doc if t.lower_ in lx.MEDICAL_WORDS)
        legal = sum(1 for t in self.doc if t.lower_ in _COURTROOM)
        return medical > legal

    def _moved(self, tok: Token, head: Token) -> str | None:
        """A move of a figure: the subject of "were up", or what "a rise in" is of,
        and a number that says by how much."""
        if tok is head:
            if _given_as_a_cause(tok):
                return None  # "despite an increase in fares": told in passing
            things = prep_objects(tok, ("in", "of"))
        else:
            subj = self.r.subject(head)
            things = [subj] if subj is not None else []
            if not any(t.like_num for t in head.subtree):
                return None  # "prices are up": no figure says how much
        for thing in things:
            kind = _figure_kind({thing.lemma_.lower(), thing.lower_})
            if kind is not None:
                return kind
        return None

    def _sporting(self, tok: Token) -> bool:
        """ "the visitors' attack", "the bowling attack": a side's players, in a match
        report or beside sports words, when no one is attacked "on" or "against"."""
        if any(
            c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children
        ):
            return False
        return self.r.mentions.sports or self._sentence_has(tok, lx.SPORTS_CONTEXT)

    def _margin(self, tok: Token, kind: str) -> str | None:
        """ "won the seat by a landslide": a winning margin, not a fall of earth."""
        margin = tok.head.lower_ in ("by", "in") and tok.head.head.lemma_ in _WINNING
        return None if margin else kind

    def _funding(self, tok: Token, kind: str) -> str | None:
        """ "a $5 million investment", "the loan", "its funding"; not investment in
        general ("trade and investment", "foreign funding")."""
        if _determined(tok):
            return kind
        money = any(
            t.like_num or t.ent_type_ == "MONEY" or t.tag_ == "$"
            for t in tok.subtree
            if t is not tok
        )
        return kind if money else None

    def _weather(self, tok: Token, kind: str) -> str | None:
        """ "the storm hit the coast"; not "the perfect storm" nor "a storm of
        criticism"."""
        if any(c.lower_ in lx.FIGURATIVE_STORMS for c in tok.children):
            return None
        return None if any(c.lower_ == "of" for c in tok.children) else kind

    def _disease_season(self, tok: Token, kind: str) -> str | None:
        """ "the flu season began early": an outbreak; other seasons are no event."""
        diseases = _modifiers(tok)
        return "Outbreak" if diseases & lx.SEASONAL_DISEASES else None

    def _called_off(self, tok: Token, kind: str) -> str | None:
        """ "the cancellation of flights", "the cancellation of the summit"; not "the
        cancellation of fines"."""
        things = prep_objects(tok, ("of",))
        if not things:
            return kind
        return kind if any(_service_or_event(t) for t in things) else None

    def _debate(self, tok: Token, kind: str) -> str | None:
        """ "the debate in Cleveland", "a televised debate"; not debate in general
        ("years of debate", "open to debate")."""
        return kind if _determined(tok) else None

    def _another_sense(self, tok: Token, lemma: str) -> bool:
        """Nouns of one field used in another: a deployment with no troops ("the
        first solar project deployment"), testimony with no court ("eyewitness
        testimony shows …"), appointments no one is given ("her first
        appointments" with a doctor)."""
        if lemma == "deployment":
            return not self._sentence_has(tok, lx.MILITARY_NOUNS | lx.ARMED_GROUPS)
        if lemma == "testimony":
            return not self._sentence_has(tok, lx.COURT_WORDS | _HEARINGS)
        if lemma == "appointment":
            owner = [c for c in tok.children if c.dep_ == "poss" and self._human(c)]
            return not (_has_prep(tok, "of") or _has_prep(tok, "as") or owner)
        return False

    def _sentence_has(self, tok: Token, words: frozenset[str]) -> bool:
        """Whether another word of its sentence is one of ``words``."""
        return bool({t.lower_ for t in tok.sent if t != tok} & words)

    def _in_words(self, tok: Token) -> bool:
        """An attack made in words: on a person, or on their record or remarks, or
        for what someone did ("attacked the government for its arms sales")."""
        targets = [tok]
        if tok.pos_ in ("NOUN", "PROPN"):
            targets = prep_objects(tok, ("on", "against"))
        else:
            targets = [c for c in tok.children if c.dep_ == "dobj"]
            if targets and _blamed_for(tok):
                return True
        if any(
            self.r.kind_at(t) == "Person" or t.lemma_.lower() in lx.CRITICISM_OBJECTS
            for t in targets
        ):
            return True
        # "attacked me", "attacking a rival": a person with no weapon or wound in
        # the sentence is attacked in words
        subj = self.r.subject(tok) if tok.pos_ == "VERB" else None
        armed = subj is not None and subj.lemma_.lower() in lx.ARMED_LEMMAS
        return (
            any(
                t.lower_ in _PERSONAL
                or t.lower_ == "me"
                or _person_noun(t)
                or t.lemma_.lower() in _OPPONENTS
                for t in targets
            )
            and not armed
            and not self._sentence_has(tok, lx.VIOLENCE_WORDS)
        )

    def _verb_type(self, tok: Token, lemma: str) -> str | None:
        subj = self.r.subject(tok)
        subj_lemma = subj.lemma_.lower() if subj is not None else ""
        if lemma in lx.MOVEMENT_VERBS:
            if any(
                c.dep_ == "dobj" and c.lower_ == "independence" for c in tok.children
            ):
                return "PoliticsEvent"  # "the country gained independence"
            if lemma == "drop" and _on_a_case(tok):
                return "LegalAction"  # "prosecutors dropped the investigation"
            if lemma == "advance" and subj is not None and _forces([subj]):
                return "MilitaryDeployment"  # "rebels advanced on the capital"
            if subj is not None and lx.MARKET_INDEX_WORDS & {
                t.lower_ for t in subj.subtree
            }:
                return "MarketMovement"  # "the Dow rose", "the S&P 500 gained"
            # "sales fell": the word as written too, whose lemma is "sale"
            kind = _figure_kind({subj_lemma, subj.lower_ if subj is not None else ""})
            if kind is None and subj is not None and _by_a_figure(tok):
                return "OtherEvent"  # "bird numbers fell 8 percent", "rose by a third"
            return kind
        if lemma == "walk" and _walks_out(tok):
            return "Protest"  # "dock workers walked out": a strike
        objs = _with_partitives(_patients(tok))
        phrasal = lx.PHRASAL_TRIGGERS.get((lemma, _particle(tok)))
        if phrasal is not None:
            # "pulled out its soldiers" withdrew them; "pulled out a survivor" is
            # still a rescue, which the verb alone names
            kind = self._as_verb(tok, phrasal, objs, subj)
            if kind is not None:
                return kind
        return self._as_verb(tok, lemma, objs, subj)

    def _as_verb(
        self, tok: Token, lemma: str, objs: list[Token], subj: Token | None
    ) -> str | None:
        """The event ``tok`` names as the trigger verb ``lemma``, by its objects."""
        kind = lx.VERB_TRIGGERS.get(lemma)
        if lemma in _RATE_CUTS and self._rate_move(tok, objs, subj):
            return "BusinessEvent"  # "cut interest rates", "slashed fares"
        phrased = self._phrased_event(tok, lemma, objs)
        if phrased is not None:
            return phrased
        if lemma == "visit" and any(o.lemma_.lower() in _ONLINE_PLACES for o in objs):
            return None  # "users visiting the website": no visit
        if not _fits_objects(tok, lemma, kind, objs):
            return None
        if kind in _BACKGROUND and _described(tok):
            # "the manager appointed by the court asked …", "a charity funded
            # by Kellan", "a student visiting from Velmora was shot"
            return None
        narrow = _NARROW_VERBS.get(lemma)
        return narrow(self, tok, objs, subj) if narrow is not None else kind

    # Each rule below decides whether a verb with common everyday senses names its
    # event here, from the kinds of its subject and object; None means "no event".
    def _org_like(self, tok: Token) -> bool:
        """A named organisation, or a noun for a business ("the rival", "a stake")."""
        kind = self.r.kind_at(tok)
        if kind is not None:
            return kind == "Organization"
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN":
            # a name the NER missed ("took over Solent Gas"), unless it is a place
            words = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]
            return self.gaz.lookup(" ".join(t.text for t in words)) is None
        return lemma in lx.BUSINESS_NOUNS or lemma in lx.ORG_GENERIC

    def _takeover(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "took over X", "took control of X", "bought X": X is a business. Taking
        control of a place is a capture."""
        lemma = tok.lemma_.lower()
        over = lemma == "take" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in tok.children
        )
        for obj in (o for o in objs if o.dep_ != "pobj"):
            targets = [obj]
            if lemma == "take" and obj.lemma_.lower() in lx.TAKEOVER_NOUNS:
                targets = prep_objects(obj, ("of", "in", "over"))
            elif lemma == "take" and not over:
                continue
            for target in targets:
                if (
                    self.r.kind_at(target) == "Location"
                    or lemma == "take"
                    and target.lemma_.lower() in _HELD_GROUND
                ):
                    return "Capture" if lemma == "take" else None
                if self._org_like(target):
                    return "Acquisition"
        if over and (self._takes_a_role(tok) or self._from_someone(tok)):
            return "Appointment"  # "took over as chief executive", "from Kellan"
        if lemma == "sell" and any(o.lemma_.lower() in lx.SOLD_COPIES for o in objs):
            return "BusinessEvent"  # "the single sold 750,000 copies"
        if lemma == "merge" and not any(o.dep_ == "dobj" for o in objs):
            return "Acquisition"  # "merged with X"
        if lemma == "buy" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "back":
            return "BusinessEvent"  # "will buy back shares"
        return None

    def _appointment(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "named X as chief executive", "X was named coach": a person and a role."""
        people = [
            c
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass", "oprd", "attr")
            and self._person(c)
            # "a front-runner named as the nominee": someone described
            or c.dep_ in ("dobj", "nsubjpass")
            and _whole_word(c) in lx.PERSON_DESCRIPTIONS
        ]
        if not people:
            return None
        has_as = _has_prep(tok, "as")
        # "named chief executive", and "was named the party's nominee"
        roles = lx.ROLE_WORDS | lx.CANDIDACIES
        role = any(
            t.lower_ in roles or _whole_word(t) in roles  # "standard-bearer"
            for c in tok.children
            if c.dep_ in ("oprd", "attr", "xcomp", "dobj", "appos") and c not in people
            for t in c.subtree
        )
        # "named X to the post of adviser", "named X to the board"
        post = any(o.lemma_.lower() in lx.POSTS for o in prep_objects(tok, ("to",)))
        return "Appointment" if has_as or role or post else None

    def _career(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "joined Acme as chief executive", "was promoted to chairman", "succeeded
        her as coach", "became chief executive": someone takes a role."""
        return "Appointment" if self._takes_a_role(tok) else None

    def _on_someone(self, noun: Token) -> bool:
        """ "a referendum on the mayor": a person whom a vote judges."""
        return any(self.r.kind_at(o) == "Person" for o in prep_objects(noun, ("on",)))

    def _from_someone(self, verb: Token) -> bool:
        """ "took over from Kellan": a person whose place someone takes."""
        return any(
            self._person(o) or _person_noun(o) for o in prep_objects(verb, ("from",))
        )

    def _takes_a_role(self, verb: Token) -> bool:
        """A person (or "he", "she") is the verb's subject, and a role is what they
        become, or what they are "as" or promoted "to"."""
        subj = self.r.subject(verb)
        if subj is None or not (subj.lower_ in ("he", "she") or self._person(subj)):
            return False
        phrases = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
        phrases += prep_objects(verb, ("as", "to"))
        return any(
            t.lower_ in lx.ROLE_WORDS or t.lemma_.lower() in lx.ROLE_WORDS
            for phrase in phrases
            for t in _named_by(phrase)
        )

    def _match_result(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "won the final", "drew 1-1 with X", "beat X 3-0"; "won the election" is a
        vote; "won support" and "drew crowds" are no event."""
        if any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
            return None  # "to win over delegates": to persuade them
        if tok.lemma_.lower() == "win" and any(
            o.lemma_.lower() in lx.AWARDS or o.lower_ in lx.AWARDS for o in objs
        ):
            return "OtherEvent"  # "won a Grammy award", "won the Booker Prize"
        obj_lemmas = {o.lemma_.lower() for o in objs if o.dep_ == "dobj"}
        if obj_lemmas & _NO_RESULT:
            return None  # "drew record crowds", "won praise", "drew criticism"
        if obj_lemmas & lx.CASE_NOUNS:
            return "LegalAction"  # "lost its court case"
        if tok.lemma_.lower() == "win" and obj_lemmas & lx.ELECTION_OBJECTS:
            return "Election"
        if tok.lemma_.lower() == "win" and self._won_a_state(objs, subj):
            return "Election"  # "Kellan won Velmora": its primary, its votes
        if {t.lower_ for t in tok.sent} & lx.ELECTION_CONTEXT:
            return "Election"  # "trounced her rival in the primary"
        if obj_lemmas & lx.SPORTS_OBJECTS:
            return "SportsMatch"
        if SCORE.search(tok.sent.text) or self._sentence_has(tok, lx.SPORTS_CONTEXT):
            return "SportsMatch"
        return None

    def _won_a_state(self, objs: list[Token], subj: Token | None) -> bool:
        """A person won a place: a state's or a country's vote ("Senator Kellan
        won Velmora"); a team that wins plays, it does not win a place."""
        return (
            subj is not None
            and self._person(subj)
            and any(o.dep_ == "dobj" and self.r.kind_at(o) == "Location" for o in objs)
        )

    def _protest(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "Teachers rallied", "thousands marched against the law"; not "shares
        rallied", "prices marched higher", nor "the study demonstrated that …"."""
        if tok.lemma_.lower() == "demonstrate" and (
            any(o.dep_ == "dobj" for o in objs)
            or any(c.dep_ == "ccomp" for c in tok.children)
        ):
            return None
        if subj is not None:
            lemma = subj.lemma_.lower()
            if lemma in lx.MARKET_SUBJECTS or lemma in lx.FINANCIAL_SUBJECTS:
                return None
            if self._human(subj):
                return "Protest"
        words = {t.lower_ for t in tok.sent}
        return "Protest" if words & lx.PROTEST_CONTEXT else None

    def _person(self, tok: Token) -> bool:
        """A person, by the tagger or the resolver."""
        return tok.ent_type_ == "PERSON" or self.r.kind_at(tok) == "Person"

    def _phrased_event(self, tok: Token, lemma: str, objs: list[Token]) -> str | None:
        """Verbs whose event a phrase beside them names, whatever their lexicon
        entry says: "eliminated from the contest", "posted on Instagram",
        "appeared in court", "takes effect", "taken into custody"."""
        if lemma == "eliminate" and self._out_of_a_contest(tok, objs):
            return "SportEvent"
        if lemma == "post" and (_on_a_platform(tok) or _posted_media(tok, objs)):
            return "OtherEvent"
        if lemma == "appear" and _before_a_court(tok):
            return "LegalAction"
        if lemma in ("take", "come", "go") and _in_force(tok, objs):
            return "Legislation"
        if self._gone_missing(tok, lemma):
            return "OtherEvent"  # "a hiker went missing", "the boy disappeared"
        if lemma == "take" and any(o.lower_ == "office" for o in objs):
            return "Appointment"  # "took office on Sunday"
        if lemma == "go" and _into_insolvency(tok):
            return "Closure"  # "went into administration"
        if lemma in ("put", "place") and _has_pobj(tok, "on", "hold"):
            return "ServiceDisruption"  # "the launch was put on hold"
        if lemma in ("shut", "cut") and _a_supply(objs):
            return "ServiceDisruption"  # "shut off power to 40,000 homes"
        if lemma == "find" and self._found_with(tok):
            return "OtherEvent"  # "Kellan was found with a knife"
        if lemma in ("find", "discover", "detect") and any(map(_a_disease, objs)):
            return "Outbreak"  # "avian flu was found on a farm"
        if lemma in _ORDERING and any(map(_a_court_order, objs)):
            return "LegalAction"  # "a judge lifted the restraining order"
        if lemma != "take":
            return None
        into = {o.lower_ for o in prep_objects(tok, ("into",))}
        if "custody" in into:
            return "Arrest"
        if any(o.lower_ == "custody" and _has_prep(o, "of") for o in objs):
            # "officers took custody of a suspect"; not a parent's custody
            return "Arrest" if _by_enforcers(tok, self.r.subject(tok)) else None
        to = {o.lower_ for o in prep_objects(tok, ("to",))}
        return "HealthEvent" if to & lx.CARE_PLACES else None  # "taken to hospital"

    def _found_with(self, tok: Token) -> bool:
        """Someone found holding something, as the police say it: the passive "was
        found with …", whose subject is a person; not "found with the help of"."""
        if not any(c.dep_ == "auxpass" for c in tok.children):
            return False
        held = [o for o in prep_objects(tok, ("with",)) if o.lower_ != "help"]
        subj = self.r.subject(tok)
        return (
            bool(held)
            and subj is not None
            and (self.r.kind_at(subj) == "Person" or self._human(subj))
        )

    def _gone_missing(self, tok: Token, lemma: str) -> bool:
        """Someone who went missing or disappeared: a person or people, named or
        not; not "the problem disappeared"."""
        missing = lemma == "go" and any(c.lower_ == "missing" for c in tok.children)
        if not (missing or lemma in ("disappear", "vanish")):
            return False
        subj = self.r.subject(tok)
        return subj is not None and (
            self.r.kind_at(subj) == "Person"
            or self._human(subj)
            or _person_noun(subj)
            or speaker_noun(subj)  # "a hiker", "the teenager"
        )

    def _out_of_a_contest(self, tok: Token, objs: list[Token]) -> bool:
        """Someone put out of a contest: a person or team, and what they left
        ("was eliminated from the quiz", "eliminated Orlen from the cup")."""
        return _has_prep(tok, "from") and any(
            self._human(o) or _person_noun(o) for o in objs
        )

    def _human(self, tok: Token) -> bool:
        """People, or a named actor: "teachers", "thousands of nurses", "the union"."""
        kind = self.r.kind_at(tok)
        if kind is not None:
            return kind in ("Person", "Group", "Organization")
        lower = tok.lower_
        return lower in lx.PEOPLE_NOUNS or lower in lx.CROWD_NOUNS

    def _closing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "closed its factory", "the border was shut", "opened a store", "opened
        fire"; not "shares closed higher" nor "the shop closed at 6 p.m."."""
        lemma = tok.lemma_.lower()
        kind = "Launch" if lemma == "open" else "Closure"
        if any(c.lower_ in lx.PRICE_MOVES for c in tok.children) or any(
            self.ent_at.get(c.i) is not None
            and self.ent_at[c.i].label_ in ("PERCENT", "MONEY")
            for c in tok.subtree
        ):
            return None
        things = list(objs)
        if not things and subj is not None:
            if any(e.label_ == "TIME" for e in tok.sent.ents):
                return None  # "closed at 6 p.m.": opening hours, not a closure
            things = [subj]
            if subj.lower_ in ("it", "they"):
                # "the new line … once it opens": the pronoun's nearest noun
                things = [
                    t
                    for t in self.doc[max(0, subj.i - 12) : subj.i]
                    if t.pos_ == "NOUN"
                ][-1:]
        for thing in things:
            thing_lemma = thing.lemma_.lower()
            if lemma == "open" and thing_lemma == "fire":
                return "Attack"
            if thing_lemma in lx.MARKET_SUBJECTS:
                return None
            if thing_lemma in lx.FACILITY_NOUNS:
                return kind
            if self.r.cluster_at(thing) is not None and thing.dep_ != "nsubj":
                return kind  # "closed its Gdansk plant", "shut Lyon's airport"
        return None

    def _voting(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "The senate rejected the bill", "shareholders approved the merger"; not
        "he rejected the remarks" nor "the storm passed"."""
        if any(o.lemma_.lower() in lx.MEDICINES for o in objs):
            return "HealthEvent"  # "regulators approved the vaccine"
        if any(o.lemma_.lower() in lx.VOTED_OBJECTS for o in objs):
            return "Vote"
        if subj is not None and subj.lemma_.lower() in lx.VOTING_BODIES:
            return "Vote"
        return None

    def _launching(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "launched its Lumo headset", "launched a satellite", "launched a war"; not
        "launched a bid" nor "launch checks of every ferry"."""
        for obj in (o for o in objs if o.dep_ != "pobj"):
            if obj.lemma_.lower() in lx.CONFLICT_WORDS | lx.UPRISINGS:
                return "Attack"  # "launched a guerrilla war"
            if obj.lemma_.lower() in ("bid", "campaign") and _for_office(obj):
                return "PoliticsEvent"  # "launched his bid for president"
            if obj.lemma_.lower() in lx.LAUNCHED_THINGS or _named_thing(obj):
                return "Launch"  # "launched its Lumo headset", "Lumo was launched"
        return None

    def _exploding(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "a bomb exploded"; not "phone use has exploded"."""
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            return "Accident"
        lemma = subj.lemma_.lower()
        if lemma in lx.GROWING_THINGS or lemma.endswith(_ABSTRACT_ENDINGS):
            return None
        return "Attack" if lemma in lx.EXPLOSIVES else "Accident"

    def _clashing(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "protesters clashed with police"; not "two ministers clashed over tax"."""
        sides = [subj] if subj is not None else []
        sides += prep_objects(tok, ("with",))
        words = {t.lemma_.lower() for t in sides} | {t.lower_ for t in sides}
        armed = lx.FIGHTERS | lx.MILITARY_NOUNS | lx.ARMED_GROUPS
        return "Attack" if words & armed else None

    def _delaying(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "the flight was delayed"; not "delayed the vote" (dated by ``dates``)."""
        things = objs + ([subj] if subj is not None else [])
        return (
            "ServiceDisruption"
            if any(t.lemma_.lower() in lx.SERVICES for t in things)
            else None
        )

    def _removal(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "deported five men", "were handed over to the US"; not "handed out
        leaflets" nor "handed over the chair"."""
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        if tok.lemma_.lower() == "hand" and "over" not in particles:
            money = any(
                o.lemma_.lower() in lx.MONEY_GIVEN
                or any(t.ent_type_ == "MONEY" for t in o.subtree)
                for o in objs
            )
            return "Investment" if "out" in particles and money else None
        people = [
            o
            for o in objs
            if self._human(o)
            or o.lower_ in _PERSONAL
            or o.lemma_.lower() in lx.EXCHANGED | lx.SUSPECTS
            or tok.lemma_.lower() != "hand"
            and _person_noun(o)
        ]
        if any(o.lemma_.lower() in lx.EXCHANGED for o in people):
            return "PrisonerExchange"  # "hand over captured soldiers"
        return "LegalAction" if people else None

    def _requesting(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "requested $50 million in aid", "requested financial assistance"; not
        "requested a meeting" nor "requested anonymity"."""
        for obj in (o for o in objs if o.dep_ == "dobj"):
            words = {t.lemma_.lower() for t in obj.subtree}
            money = any(t.ent_type_ == "MONEY" for t in obj.subtree)
            if money or words & lx.AID_WORDS:
                return "OtherEvent"
        return None

    def _casting(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "Parliament voted on Tuesday"; not a right or a chance to vote ("the right
        to vote", "eligible to vote", "banned from voting", "could register and vote")."""
        return None if _generic_vote(tok) else "Vote"

    def _vote_noun(self, tok: Token, kind: str) -> str | None:
        """ "the vote on the bill"; not a share of it ("16 percent of the vote"), the
        tally ("the popular vote"), nor a ballot anyone may cast."""
        if any(c.dep_ == "amod" and c.lower_ == "popular" for c in tok.children):
            return None
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of":
            part = head.head
            if part.like_num or part.lemma_.lower() in lx.SHARE_WORDS:
                return None
        first = tok
        while first.dep_ == "conj":
            first = first.head  # "to hold hearings or a vote"
        if first.dep_ == "dobj" and _generic_vote(first.head):
            return None
        return kind

    def _arrival(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """Troops that arrive are deployed; a leader who arrives is on a visit;
        inspectors who return come back, an event of no more special kind."""
        if subj is None:
            return None
        if subj.lower_ in lx.MILITARY_NOUNS or subj.lemma_.lower() in lx.MILITARY_NOUNS:
            return "MilitaryDeployment"
        if self.r.kind_at(subj) == "Person":
            return "DiplomacyEvent"
        return "OtherEvent" if _person_noun(subj) else None

    def _journey(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """People who travel or fly go somewhere; a plane, a bird or a signal that
        does is no event."""
        if subj is None:
            return None
        if self.r.kind_at(subj) in ("Person", "Group", "Organization"):
            return "DiplomacyEvent"
        personal = subj.lower_ in _PERSONAL or subj.lemma_ in lx.INSTITUTION_NOUNS
        return "DiplomacyEvent" if personal or _person_noun(subj) else None

    def _publication(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "released a poll", "conducted the survey": a publication; "was released
        from jail": someone set free."""
        held = {o.lemma_.lower() for o in prep_objects(tok, ("from",))}
        if tok.lemma_.lower() == "release" and held & lx.HELD_IN:
            return "LegalAction"
        if any(o.lemma_.lower() in lx.PUBLICATION_OBJECTS for o in objs):
            return "StudyPublication"
        if any(o.lower_ in lx.RESULTS or o.lemma_ in lx.RESULTS for o in objs):
            return "FinancialResult"  # "will release its earnings on July 24"
        if tok.lemma_.lower() == "release" and any(
            o.dep_ == "dobj"
            and _named_thing(o)
            and o.lemma_.lower() not in lx.DOCUMENT_NOUNS
            and not self._someone(o)
            for o in objs
        ):
            return "Launch"  # "released its Lumo headset"
        if tok.lemma_.lower() == "release" and any(
            o.lemma_.lower() in lx.WORK_NOUNS for o in objs
        ):
            return "Launch"  # "the band released a new album"
        # "was sent … and released on Friday": what the first verb acts on
        shared = _patients(tok.head) if tok.dep_ == "conj" and not objs else []
        if (
            tok.lemma_.lower() == "release"
            and _done(tok)
            and any(
                o.lemma_.lower() in lx.RELEASED_MEDIA | lx.DOCUMENT_NOUNS
                and o.lemma_.lower() not in lx.SAID_THINGS
                for o in objs + shared
            )
        ):
            # "the agency released a photograph", "the letter was released on
            # Friday"; not "released a statement": what it says is the claim
            return "OtherEvent"
        if (
            tok.lemma_.lower() == "release"
            and _done(tok)
            and any(
                o.dep_ == "dobj" and o.lemma_.lower() in lx.SOFTWARE_NOUNS for o in objs
            )
        ):
            return "Launch"  # "the maker released a patch"; done, not "will if …"
        return None

    def _leaving_a_post(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "left his post in 2019", "left office": someone gave up a post;
        not "left the room" nor "left the country", nor "left the office at 6
        p.m." (an office with a determiner is a room)."""
        held = subj is not None and (self._person(subj) or subj.lower_ in _PERSONAL)
        posts = any(o.dep_ == "dobj" and _a_post(o) for o in objs)
        return "Resignation" if held and posts else None

    def _threatening(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "threatened the mayor", "Varda threatened Kestrin with sanctions":
        someone threatened, done; not "the floods threaten crops" nor
        "threatened to resign" (an intention, told as said)."""
        if not _done(tok) or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return None
        threatened = [o for o in objs if o.dep_ == "dobj" and self._actor(o)]
        return "OtherEvent" if threatened else None

    def _actor(self, tok: Token) -> bool:
        """Someone: a named person, body or country, or people."""
        return (
            self.r.kind_at(tok) is not None
            or self._human(tok)
            or _person_noun(tok)
            or tok.lower_ in _PERSONAL
        )

    def _pardon(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "pardoned two ranchers", "Kellan was pardoned": someone pardoned; not
        "pardon the pun"."""
        pardoned = [o for o in objs if self._human(o) or _person_noun(o)]
        pardoned += [o for o in objs if o.lower_ in _PERSONAL]
        return "LegalAction" if pardoned else None

    def _undoing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "the court reversed the ruling", "the affidavit was unsealed", "retracted
        the story", "rescinded the invitation": done to what the lexicon lists for
        the verb; not "reversed course", "retracted its claws"."""
        wanted = lx.UNDONE_OBJECTS[tok.lemma_.lower()]
        if not any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objs):
            return None
        return lx.VERB_TRIGGERS[tok.lemma_.lower()]

    def _someone(self, obj: Token) -> bool:
        """Whether a released thing is a person or a group: its own words, not a
        description after it ("its Lumo, a headset that lets drivers …"); and "its
        X" is a product even when the NER calls X an organisation."""
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in obj.children):
            return False
        return any(
            self._human(t) or _person_noun(t) for t in obj.subtree if t.i <= obj.i
        )

    def _reported(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "reported a loss" is a result; "reported its third case of plague" a
        case of a disease that broke out."""
        cases = [o for o in objs if o.lemma_.lower() in ("case", "infection")]
        if not cases:
            return "FinancialResult"
        # one patient's case, of a disease: "its third case of plague", "a new case
        # of Ebola"; not a tally ("300 new cases of flu") nor a case for the police
        one = [o for o in cases if o.dep_ == "dobj" and o.tag_ == "NN"]
        told = any(
            c.dep_ == "prep" and c.lower_ == "of" for o in one for c in o.children
        )
        return "Outbreak" if told else None

    def _restoring(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "restored ties" mends relations; "power was restored" ends an outage."""
        if any(
            o.lemma_.lower() in ("tie", "ties", "relation", "relations") for o in objs
        ):
            return "DiplomacyEvent"
        return "ServiceDisruption"

    def _blow(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """Someone who hits someone attacks them ("Orlen hit Kellan in the head");
        not a storm that hits a coast, nor sales that hit a record."""
        victims = [o for o in objs if o.dep_ == "dobj" and self._someone(o)]
        if not victims or subj is None:
            return None
        hitter = self._human(subj) or subj.lower_ in _PERSONAL
        return "Attack" if hitter or speaker_noun(subj) else None

    def _shooting(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "gunmen shot two guards", "the jet was shot down"; not "shot a film",
        "his confidence was shot" (worn out), nor a player who shot past the
        keeper or shot the ball wide."""
        words = {o.lemma_.lower() for o in objs}
        if words & _FILMED:
            return None
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if passive and subj is not None and _a_faculty(subj):
            return None
        if passive:
            return "Attack"  # "a fan was shot" outside the stadium is no shot at goal
        if self._sporting(tok) and all(o.lemma_.lower() in _AT_GOAL for o in objs):
            return None  # "shot wide", "shot the ball past the keeper"
        return "Attack"

    def _attack(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "attacked the base"; not "attacked her record" or "attacked Vantreck"."""
        return None if self._in_words(tok) else "Attack"

    def _capture(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "captured the town" is a capture; "captured the nomination" a vote."""
        if any(
            o.lemma_.lower() in lx.ELECTION_OBJECTS or o.lower_ in lx.ELECTION_OBJECTS
            for o in objs
        ):
            return "Election"
        if any(o.lemma_.lower() in lx.SPORTS_TITLES for o in objs):
            return None  # "captured the season crown": the win is the match's
        return "Capture"

    def _pleading(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "pleaded guilty", "pleaded not guilty to fraud"; not "pleaded for water"."""
        pleas = {c.lower_ for c in tok.children if c.dep_ in ("acomp", "oprd", "dobj")}
        return "LegalAction" if pleas & lx.PLEAS else None

    def _verdict(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "a jury found him guilty", "was found liable"; not "found a way"."""
        near = [*tok.children, *(g for c in tok.children for g in c.children)]
        verdicts = lx.PLEAS | {"liable"}
        if any(t.lower_ in verdicts for t in near):
            return "LegalAction"
        return _found_dead(tok, objs, subj)

    def _in_care(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "admitted to hospital", "discharged from the clinic"; not "admitted
        that …" nor "discharged waste"."""
        preps = ("to", "into") if tok.lemma_.lower() == "admit" else ("from",)
        cared = any(
            g.lower_ in lx.CARE_PLACES
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in preps
            for g in c.subtree
        )
        return "HealthEvent" if cared else None

    def _reopening(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "reopened the case"; a road, a school or a border that reopens ("the
        bridge will reopen on March 20", "was reopened"); not "reopened its store"."""
        if _on_a_case(tok):
            return "LegalAction"
        return "OtherEvent" if not objs and subj is not None else None

    def _birth(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "was born in 1921": a birth, told with its year or day; not "bore the
        cost" nor "born into a wealthy family"."""
        dated = any(
            t.ent_type_ == "DATE" or t.like_num
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("in", "on")
            for t in c.subtree
        )
        return "OtherEvent" if tok.lower_ == "born" and dated else None

    def _recovery(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "recovered his body"; not "recovered the costs"."""
        return _found_dead(tok, objs, subj)

    def _broadcasting(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "the show aired on Sunday", "the club tweeted a photo": a work shown or
        a message put out, done ('"…," she tweeted' too: a tweet is put out, and
        its words are the claim); not what airs every week ("the show airs on
        Sundays"), "screened passengers" nor "aired their grievances"."""
        if not _done(tok):
            return None
        lemma = tok.lemma_.lower()
        works = [*objs, *([subj] if subj is not None else [])]
        if lemma == "screen" and not any(
            o.lemma_.lower() in lx.WORK_NOUNS for o in works
        ):
            return None
        if lemma == "air" and any(o.lemma_.lower() in lx.AIRED_VIEWS for o in works):
            return None  # "residents aired their grievances": said, not shown
        return lx.VERB_TRIGGERS[lx.LEMMA_MENDS.get(lemma, lemma)]

    def _policing(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "officers inspected the lorry", "a drug ring was busted", "the coast
        guard intercepted a boat": police work, done; not "inspectors inspect
        kitchens" (a habit), "busted a myth" nor "the ball was intercepted"."""
        if not _done(tok):
            return None
        lemma = tok.lemma_.lower()
        kind = lx.VERB_TRIGGERS[lemma]
        done_to = [o for o in objs if o.dep_ == "dobj"]
        if subj is not None and subj.dep_ == "nsubjpass":
            done_to.append(subj)
        if lemma == "bust" and any(
            o.lemma_.lower() in lx.CRIME_RINGS or self._human(o) for o in done_to
        ):
            return kind
        return kind if _by_enforcers(tok, subj) else None

    def _landing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "the rover landed on Mars"; not "the plane landed" nor "landed a job"."""
        if subj is not None and subj.lemma_.lower() in lx.LANDING_CRAFT:
            return "ScienceEvent"
        return None

    def _granting(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "granted a loan", "granted $5 million"; not "granted approval"."""
        if any(o.lemma_.lower() in lx.COURT_GRANTS for o in objs):
            return "LegalAction"  # "the court granted bail"
        money = any(
            o.ent_type_ == "MONEY" or o.lemma_.lower() in lx.MONEY_GIVEN for o in objs
        )
        return "Investment" if money else None

    def _announcement(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "announced a state of emergency", "revealed its plans"; a clause after
        it ("announced that …") is a claim, and a named event ("announced a
        ceasefire") is the noun's."""
        if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            return None
        things = [o for o in objs if o.pos_ in ("NOUN", "PROPN")]
        if not things or any(lx.NOUN_TRIGGERS.get(o.lemma_.lower()) for o in things):
            return None
        if tok.lemma_.lower() == "reveal" and (subj is None or not self._human(subj)):
            return None
        if tok.lemma_.lower() == "declare" and not any(
            o.lemma_.lower() in lx.DECLARED for o in things
        ):
            return None  # "declared a state of emergency", not "declared their wish"
        return "OtherEvent"

    def _agreement(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "agreed to pay", "agreed on a deal"; not "agreed that …" (a belief)."""
        kids = list(tok.children)
        if any(c.dep_ == "ccomp" for c in kids):
            return None
        xcomps = [c for c in kids if c.dep_ == "xcomp"]
        if any(self.trigger_type(c) for c in xcomps):
            return None  # "agreed to plead guilty": the plea is the event
        if xcomps or any(o.dep_ == "dobj" for o in objs):
            return "Agreement"
        for prep in (c for c in kids if c.dep_ == "prep"):
            if prep.lower_ in ("to", "on"):
                return "Agreement"
            if prep.lower_ == "with" and any(self._party(g) for g in prep.children):
                return "Agreement"  # "agreed with the unions", not "with this view"
        return None

    def _ruling(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "the court ruled", "the judge sided with X"; not "ruled out"."""
        if any(c.dep_ == "prt" for c in tok.children):
            return None
        if tok.lemma_.lower() in ("uphold", "overturn") and any(
            o.lemma_.lower() in lx.APPEALED_OBJECTS for o in objs
        ):
            return "LegalAction"  # "upheld the conviction"
        if subj is None:
            return None
        if tok.lemma_.lower() == "overturn" and subj.lemma_.lower() in lx.VEHICLES:
            return "Accident"  # "a bus overturned on the highway"
        if tok.lemma_.lower() == "side" and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "against") for c in tok.children
        ):
            return None
        words = {t.lower_ for t in subj.subtree}
        return "LegalAction" if words & lx.COURT_WORDS else None

    def _appeal(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "appealed the verdict", "appealed against the ruling"; not "appealed for
        calm"."""
        if any(o.lemma_.lower() in lx.APPEALED_OBJECTS for o in objs):
            return "LegalAction"
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        return "LegalAction" if "against" in preps else None

    def _people_move(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "thousands fled the fighting", "residents fled to Chad"; not "investors
        fled to the safety of bonds"."""
        if subj is None or not (self._human(subj) or subj.lower_ in _PERSONAL):
            return None
        if any(o.dep_ == "dobj" for o in objs):
            return "OtherEvent"
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            places = [g for g in prep.children if self.r.kind_at(g) == "Location"]
            if prep.lower_ == "from" or places:
                return "OtherEvent"
        return None

    def _hiring(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "hired Kellan as coach", "recruited a new chief"; not "hiring workers"."""
        return (
            "Appointment"
            if any(self._person(o) or o.lemma_.lower() in lx.ROLE_WORDS for o in objs)
            else None
        )

    def _player_move(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "transferred the striker to X", "loaned the winger to a rival side": a
        player moves; not "transferred $5m" nor "loaned the firm money"."""
        moved = [o for o in objs if o.dep_ == "dobj"]
        if subj is not None and subj.dep_ == "nsubjpass":
            moved.append(subj)
        if any(self._person(o) or o.lemma_.lower() in lx.SIDE_WORDS for o in moved):
            return "SportEvent"
        return "Investment" if tok.lemma_.lower() == "loan" else None

    def _placing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "placed the quarterback on injured reserve" (or "on IR", as sports
        news writes it), "put him on the list"; not "placed an order"."""
        heads = [tok, *objs]  # "placed X on …": the parser may hang "on" on X
        lists = ("reserve",) if tok.lemma_.lower() == "put" else ("reserve", "list")
        listed = any(
            g.lemma_.lower() in lists or g.text == "IR"
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
        )
        return "SportEvent" if listed else None

    def _finishing(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "finished second in the 400 metres"; not "finished the report"."""
        placed = any(
            c.dep_ in ("advmod", "npadvmod", "oprd", "acomp", "attr", "dobj")
            and c.lower_ in _PLACES_IN_A_RACE
            for c in tok.children
        )
        return "SportsMatch" if placed else None

    def _founding(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "founded the charity", "founded Orlen Holdings"; "found" is "find" too,
        whose past is no founding."""
        if tok.lower_ not in ("founded", "founding", "co-founded", "founds", "found"):
            return None
        if tok.lower_ == "found" and tok.tag_ != "VB":
            return None  # "they found the body": finding
        bodies = lx.INSTITUTION_NOUNS | lx.BODY_NOUNS | lx.BUSINESS_NOUNS
        return (
            "OtherEvent"
            if any(self._org_like(o) or o.lemma_.lower() in bodies for o in objs)
            else None
        )

    def _adopting(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "parliament adopted the resolution"; not "adopted a child" or "a tone"."""
        return (
            "Vote" if any(o.lemma_.lower() in lx.VOTED_OBJECTS for o in objs) else None
        )

    def _oath(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "was sworn in as governor"; not "swore to fight on"."""
        sworn_in = any(c.dep_ == "prt" and c.lower_ == "in" for c in tok.children)
        return "Appointment" if sworn_in else None

    def _rate_move(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "the central bank raised interest rates", "hiked fares"; not "raised
        concerns" nor "raised his hand"."""
        words = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        doer = tok.head if tok.dep_ == "relcl" else subj
        if doer is not None and doer.lemma_.lower() in lx.VOTED_OBJECTS:
            return None  # "the bill, which raises the fuel tax": what a law says
        return "BusinessEvent" if words & lx.RATE_WORDS else None

    def _dismissal(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "sacked the coach", "was ousted"; "fired rockets" is an attack; not
        "dismissed the claims"."""
        lemma = tok.lemma_.lower()
        if lemma == "fire" and any(o.lemma_.lower() in lx.FIRED_WEAPONS for o in objs):
            return "Attack"
        for obj in objs:
            # "sacked the coach"; not "dismissed the lawyer's defense" (a word
            # that only goes before a role: "defense minister")
            role = obj.lemma_.lower() in lx.ROLE_WORDS - lx.ROLE_MODIFIERS
            if self.r.kind_at(obj) == "Person" or role:
                return "Resignation"
            if lemma == "dismiss" and obj.lemma_.lower() in lx.COURT_OBJECTS:
                return "LegalAction"  # "the judge dismissed the case"
        return None

    def _leaving(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "stepped down", "retired"; not "stepped in" nor "the bond was retired"."""
        if tok.lemma_.lower() == "step":
            prts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
            return "Resignation" if prts & {"down", "aside"} else None
        return "Resignation" if subj is not None and self._human(subj) else None

    def _scoring(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "scored twice", "equalised", "qualified for the final"; not "scored 30%
        in the poll"."""
        lemma = tok.lemma_.lower()
        if lemma in ("equalise", "equalize"):
            return "SportsMatch"
        if lemma == "lose":
            return _lost(objs) or self._match_result(tok, objs, subj)
        words = {t.lower_ for t in tok.subtree}
        if lemma == "qualify":
            return "SportsMatch" if words & lx.SPORTS_OBJECTS else None
        if any(o.lemma_.lower() in lx.SCORED_OBJECTS for o in objs) or words & {
            "twice",
            "goal",
            "goals",
        }:
            return "SportsMatch"
        return "SportsMatch" if SCORE.search(tok.sent.text) and not objs else None

    def _restriction(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "imposed a curfew", "lifted sanctions", "lifted the tsunami warning";
        not "lifted the trophy" nor "imposed his will"."""
        lemma = tok.lemma_.lower()
        if lemma == "ban":
            return "Sanction"
        words = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        if words & lx.RESTRICTION_NOUNS:
            return "Sanction"
        if lemma == "lift" and words & lx.WARNING_OBJECTS:
            return "Warning"
        return None

    def _harm(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "executed two prisoners", "five people were hurt"; not "executed the
        plan" nor "hurt sales"."""
        if any(self._human(o) or o.like_num for o in objs):
            return lx.VERB_TRIGGERS.get(tok.lemma_.lower())
        return None

    def _vessel(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "the ferry sank", "a boat capsized"; not "shares sank"."""
        if tok.lemma_.lower() == "capsize":
            return "Accident"
        things = [*objs, subj] if subj is not None else objs
        return (
            "Accident" if any(t.lemma_.lower() in lx.VESSELS for t in things) else None
        )

    def _nature(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "the volcano erupted", "the river flooded the town", "homes were
        flooded"; "fighting erupted" is an attack, "protests erupted" a protest."""
        lemma = tok.lemma_.lower()
        subj_lemma = subj.lemma_.lower() if subj is not None else ""
        if lemma == "flood":
            if subj is not None and subj.dep_ == "nsubjpass":
                return "NaturalDisaster"
            return "NaturalDisaster" if subj_lemma in lx.FLOODING_SUBJECTS else None
        if subj_lemma == "volcano" or (subj is not None and subj.pos_ == "PROPN"):
            return "NaturalDisaster"
        if subj_lemma in lx.ERUPTING_VIOLENCE:
            return "Attack"
        return "Protest" if subj_lemma in lx.ERUPTING_PROTEST else None

    def _testing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "testing a patient", "tested positive"; not "tested the brakes"."""
        if any(c.lower_ in ("positive", "negative") for c in tok.children):
            return "Outbreak"
        return (
            "Outbreak" if any(_person_noun(o) or self._human(o) for o in objs) else None
        )

    def _withdrawal(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "troops withdrew", "the rebels abandoned the town"; not "withdrew its
        bid"."""
        # the whole noun, as "line-up" is three tokens whose last is "up"
        out = [c for c in tok.children if c.lower_ in _PARTICLES]
        contests = {
            t.doc[t.left_edge.i : t.i + 1].text.lower().split()[-1]
            for t in prep_objects(tok, ("from", "of"))
            + [g for c in out for g in prep_objects(c, ("of",))]
        }
        if contests & lx.CONTESTS:
            return "OtherEvent"  # "withdrew from the race", "pulled out of the final"
        if _forces(objs):
            return "MilitaryDeployment"  # "pulled out the rest of its soldiers"
        if subj is None:
            return None
        if _forces([subj]):
            return "MilitaryDeployment"
        places = [o for o in objs if self.r.kind_at(o) == "Location"]
        if tok.lemma_.lower() == "abandon" and places and self.r.kind_at(subj):
            return "MilitaryDeployment"
        return None

    def _lifting_off(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "the rocket blasted off", "the shuttle lifted off", "Kestrin-7 took
        off"; not "the roof was blasted off" nor "sales took off"."""
        if subj is None or subj.dep_ != "nsubj" or any(o.dep_ == "dobj" for o in objs):
            return None
        craft = subj.lemma_.lower() in lx.SPACECRAFT or subj.pos_ == "PROPN"
        return "Launch" if craft or tok.lemma_.lower() != "take" else None

    def _filing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "filed a complaint", "lodged a petition", "countered with a case of its own",
        "settled her claim": a case brought or ended; not "filed a report", nor
        "countered the claim", nor "settled in Kestrin"."""
        lemma = tok.lemma_.lower()
        cases = [o for o in objs if o.dep_ == "dobj"]
        if lemma == "counter":
            cases = prep_objects(tok, ("with",))
        words = lx.FILED_CASES | ({"claim"} if lemma == "settle" else set())
        filed = any(c.lemma_.lower() in words for c in cases)
        return "LegalAction" if filed else None

    def _surrendering(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "surrendered to the police", "the rebels surrendered"; not "surrendered
        his passport" nor "refused to surrender the lead"."""
        to = prep_objects(tok, ("to",))
        if any(t.lower_ in lx.ENFORCERS | lx.POLICE_WORDS for t in to):
            return "Arrest"
        return "ConflictEvent" if subj is not None and _forces([subj]) else None

    def _buildup(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "Varda has massed troops", "troops massed"; not "the cars are assembled
        near Lyon"."""
        things = [*objs, subj] if subj is not None else objs
        words = {t.lower_ for t in things} | {t.lemma_.lower() for t in things}
        if words & (lx.MILITARY_NOUNS | lx.ARMED_GROUPS | lx.CROWD_NOUNS):
            return "MilitaryBuildup"
        if subj is not None and subj.dep_ == "nsubj" and self.r.kind_at(subj):
            return "MilitaryBuildup"  # "Varda has massed a force of …"
        return None

    def _expansion(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "expanding into China"; not "the deficit expanded"."""
        for prep in (
            c for c in tok.children if c.dep_ == "prep" and c.lower_ == "into"
        ):
            if any(self.r.kind_at(g) == "Location" for g in prep.children):
                return "BusinessEvent"
        return None

    def _meeting(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "the leaders met", "met with the mayor"; not "met with criticism" nor
        "met the target"."""
        others = [o for o in objs if o.dep_ == "dobj"] + prep_objects(tok, ("with",))
        if not others:
            return "Negotiation" if subj is not None and self._party(subj) else None
        return "Negotiation" if any(self._party(o) for o in others) else None

    def _party(self, tok: Token) -> bool:
        return (
            self._human(tok)
            or _person_noun(tok)
            or tok.lower_ in _PERSONAL
            or tok.lower_ in ("counterpart", "counterparts", "delegation")
        )

    def _displacement(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "forcing 120,000 from their homes"; not "forcing a vote"."""
        for prep in (
            c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
        ):
            if any(
                g.lemma_.lower() in ("home", "house", "village") for g in prep.children
            ):
                return "OtherEvent"
        return None

    def _gathering(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "protesters gathered outside parliament"; not "families gathered for a
        meal" nor "the storm gathered strength"."""
        if subj is None:
            return None
        words = {subj.lower_, subj.lemma_.lower()} | {t.lower_ for t in tok.sent}
        return "Protest" if words & (lx.PROTEST_CONTEXT | lx.PROTESTERS) else None

    def _playing(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        """ "Leeds play Bristol on Sunday", "will play each other in the final";
        not "played a role" nor "play their favourite games"."""
        sides = [
            o
            for o in objs
            if o.dep_ == "dobj" and (o.pos_ == "PROPN" or o.lower_ in ("each", "other"))
        ]
        against = _has_prep(tok, "against")
        if not sides and not against:
            return None
        words = {t.lemma_.lower() for t in tok.sent if t.i != tok.i}
        sporting = SCORE.search(tok.sent.text) or words & lx.SPORTS_CONTEXT
        return "SportsMatch" if sporting or self.r.mentions.sports else None

    def _exchange(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "exchanged 90 prisoners"; not "exchanged passes" nor "exchanged views"."""
        words = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        return "PrisonerExchange" if words & lx.EXCHANGED else None

    def _charging(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "charged two men with fraud", "was charged"; not "charges $5 a month" nor
        "a group charged with beautifying the town"."""
        for prep in (
            c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
        ):
            return (
                "LegalAction" if any(g.dep_ == "pobj" for g in prep.children) else None
            )
        people = [o for o in objs if self._someone(o) or o.lower_ in _PERSONAL]
        return "LegalAction" if people else None  # "charged his sister for …"

    def _suspending(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "suspended all flights" stops a service; "Brann was suspended for one
        game" is a penalty on a person."""
        if any(self._person(o) for o in objs):
            return "Sanction"
        return "ServiceDisruption"

    def _collapsing(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "the roof collapsed", "a mine collapsed" are accidents, "the bank
        collapsed" a closure; not "talks close to collapse", "support collapsed"."""
        if tok.dep_ == "xcomp" and tok.head.lower_ in ("close", "near"):
            return None
        thing = subj.lemma_.lower() if subj is not None else ""
        if thing in lx.COLLAPSING or thing in lx.FACILITY_NOUNS:
            return "Accident"
        if thing in ("government", "coalition", "cabinet"):
            return "PoliticsEvent"  # "the coalition collapsed"
        if subj is not None and self._org_like(subj):
            return "Closure"
        return None

    def _derailing(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "the train derailed", "crashed the car"; not "derailed the talks";
        "crashed to a heavy defeat" is a lost match."""
        dobjs = [o for o in objs if o.dep_ == "dobj"]
        if dobjs and not any(o.lemma_.lower() in lx.VEHICLES for o in dobjs):
            return None
        results = {o.lemma_.lower() for o in prep_objects(tok, ("to",))}
        if results & {"defeat", "loss", "victory", "win"}:
            return "SportsMatch"
        return "Accident"

    def _entering(
        self, tok: Token, objs: list[Token], subj: Token | None
    ) -> str | None:
        """ "troops entered the city"; not "she entered the race"."""
        if subj is None:
            return None
        lemma = subj.lemma_.lower()
        if subj.lower_ in lx.MILITARY_NOUNS or lemma in lx.MILITARY_NOUNS:
            return "MilitaryDeployment"
        return None

    def _inquiry(self, tok: Token, objs: list[Token], subj: Token | None) -> str | None:
        return _inquiry_type(tok)

    def _generic_plural(self, tok: Token) -> bool:
        if tok.tag_ != "NNS" or tok.lower_ in lx.PLURAL_EVENT_NOUNS:
            return False
        if _done_as_deeds(tok):
            return False  # "the army carried out air strikes on Sunday"
        return not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)

    @cached_property
    def _craft_names(self) -> frozenset[str]:
        """The names of the article's craft, after the word for their kind: "the
        shuttle Discovery", "the survey ship Victory"; the name then names the
        craft when it stands alone too."""
        crafts = lx.SPACECRAFT | lx.VESSELS | lx.VEHICLES
        return frozenset(
            t.lower_
            for t in self.doc[1:]
            if t.is_title
            and t.pos_ == "PROPN"
            and t.nbor(-1).is_lower
            and t.nbor(-1).lemma_ in crafts
        )

    @cached_property
    def _walkouts(self) -> bool:
        """Whether the article's strikes are walkouts: one is, by its own words, and
        none has a weapon on it (one sense a story: "the strike could delay
        deliveries" after "800 workers joined the strike")."""
        if self._armed_strikes:
            return False
        return any(self._labour_strike(t) for t in self._strikes)

    @cached_property
    def _strikes(self) -> list[Token]:
        return [t for t in self.doc if t.lemma_ == "strike" and t.pos_ == "NOUN"]

    @cached_property
    def _armed_strikes(self) -> bool:
        """Whether a strike of the article has a weapon on it ("air strike")."""
        return any(_modifiers(t) & lx.STRIKE_WEAPONS for t in self._strikes)

    def _labour_strike(self, tok: Token) -> bool:
        """A strike by workers: no weapon word on it, and workers, a union or pay in
        its sentence."""
        mods = _modifiers(tok)
        if mods & lx.STRIKE_WEAPONS or _aimed(tok):
            return False  # "a strike on a depot"; not "a strike on Monday"
        if (
            mods & lx.WALKOUT_MODIFIERS
            or any(_LASTS_FOR.search(m) for m in mods)
            or any(
                c.dep_ == "nmod" and c.lower_ in ("hour", "day", "week")
                for c in tok.children
            )
        ):
            return True  # "a general strike", "a 24-hour strike", "three-day"
        if tok.dep_ in ("nsubj", "dobj") and tok.head.lemma_.lower() in _LASTING:
            return True  # "the strike began on Monday", "called off the strike"
        # workers or pay in its sentence, in a story of no armed strike ("workers
        # at the port said the strike destroyed two cranes" after an air strike)
        words = {t.lower_ for t in tok.sent}
        return bool(words & lx.LABOUR_WORDS) and not self._armed_strikes

    def _job_context(self, tok: Token) -> bool:
        mods = _modifiers(tok)
        if mods & lx.NOT_JOB_CUTS:
            return False  # "the tax cuts", "budget cuts"
        window = self.doc[max(0, tok.i - 3) : tok.i + 4]
        return any(t.lower_ in lx.JOB_NOUNS for t in window) or any(
            w in self.lower_text for w in (" jobs", " layoffs", " workforce")
        )


_WINNING = frozenset({"win", "elect", "re-elect", "reelect"})
#: people one competes with, whom one attacks in words
_OPPONENTS = frozenset(
    """rival opponent challenger critic candidate incumbent predecessor
    successor""".split()
)
#: what is won or drawn that is no result: "drew crowds", "won praise"
_NO_RESULT = frozenset(
    """crowd crowds attention criticism support praise interest fire ire scrutiny
    applause comparison comparisons inspiration backing approval sympathy""".split()
)
#: where a runner or a side finishes
_PLACES_IN_A_RACE = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth last top
    bottom runner-up""".split()
)
#: verbs of cutting, which cut a rate as well as jobs
#: what a party or a candidate loses at the polls
_LOST_IN_A_VOTE = frozenset({"seat", "seats", "majority", "mandate"})
_RATE_CUTS = frozenset({"cut", "slash", "axe"})
#: what is taken over when taking it over is a capture: a site, or a place the
#: text names by a common noun ("took over the town", "seized the territory")
_HELD_GROUND = lx.FACILITY_NOUNS | lx.PLACE_NOUNS | {"territory", "area", "stronghold"}
#: what is done to a walkout, and what it does, that no air strike does
_LASTING = frozenset(
    """begin start end last continue enter spread call hold stage suspend
    extend""".split()
)
_HUMANS = frozenset({"man", "woman", "child", "boy", "girl", "person"})
_PERSONAL = frozenset({"he", "she", "they", "we", "him", "her", "them", "us"})


#: "three-day", "48-hour": how long a walkout lasts
_LASTS_FOR = re.compile(r"^\w+-(?:hour|day|week|month)$")


def _a_time(prep: Token) -> bool:
    """ "on Monday", "on March 3": a phrase of time, not what is struck."""
    return any(
        t.ent_type_ in ("DATE", "TIME") or t.lower_ in WEEKDAYS for t in prep.children
    )


def _service_or_event(tok: Token) -> bool:
    """A service, a trip or an event that can be called off."""
    lemma = tok.lemma_.lower()
    return (
        lemma in lx.SERVICES
        or tok.lower_ in lx.SERVICES
        or lemma in lx.NOUN_TRIGGERS
        or lemma in lx.SPORTS_OBJECTS
        or lemma in lx.CALLED_OFF
    )


def _modifiers(tok: Token) -> set[str]:
    """The words before a noun that say what kind it is: "general", "tax"."""
    return {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}


def _on_a_case(verb: Token) -> bool:
    """ "dropped the investigation", "the case was reopened": done to a legal
    process."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lx.LEGAL_PROCESSES
        for c in verb.children
    )


#: what an outage cuts off: "shut off power", "cut the water supply"
_SUPPLIES = frozenset("power electricity water gas supply supplies internet".split())


def _a_supply(objs: list[Token]) -> bool:
    return any(o.lemma_.lower() in _SUPPLIES for o in objs)


def _has_pobj(tok: Token, prep: str, word: str) -> bool:
    return any(o.lower_ == word for o in prep_objects(tok, (prep,)))


#: what a player shoots at goal; anything else shot beside sports words is someone
#: ("shot a steward outside the ground")
_AT_GOAL = frozenset("ball goal shot penalty effort attempt".split())
#: what a camera shoots: "shot a video of the crowd"
_FILMED = frozenset(
    """film video footage scene movie photo photograph picture episode documentary
    commercial advert""".split()
)


def _a_faculty(subj: Token) -> bool:
    """A quality one has rather than a body: "his confidence", "her nerves"."""
    lemma = subj.lemma_.lower()
    return lemma.endswith(_ABSTRACT_ENDINGS) or lemma in ("nerve", "hope", "form")


#: phrases that give a figure's move as the cause of what the sentence tells, or
#: what it happened in spite of: "on the back of a sharp jump in fares"
_AS_A_CAUSE = (
    "despite",
    "amid",
    "on the back of",
    "thanks to",
    "due to",
    "because of",
    "owing to",
)


def _given_as_a_cause(noun: Token) -> bool:
    """A move named in a phrase that gives the reason for another statement, or
    what it holds despite; a detail of that statement, not news of its own."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    before = prep.doc[max(0, prep.i - 3) : prep.i + 1].text.lower()
    return before.endswith(_AS_A_CAUSE)


def _lost(objs: list[Token]) -> str | None:
    """What losing a job, one's life or a seat is, without a match in sight:
    "1,000 workers will lose their jobs", "six people lost their lives", "the party
    lost two seats"."""
    words = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
    if words & lx.JOB_NOUNS:
        return "JobCuts"
    if words & {"life", "lives"}:
        return "Casualties"
    return "Election" if words & _LOST_IN_A_VOTE else None


def _found_dead(tok: Token, objs: list[Token], subj: Token | None) -> str | None:
    """ "the bodies were found", "rescuers recovered his body": a death come to
    light; not "found a way", "recovered the costs"."""
    found = [o for o in objs if o.dep_ == "dobj"]
    if subj is not None and subj.dep_ == "nsubjpass":
        found.append(subj)
    if any(c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in tok.children):
        return "Death"  # "the man was found dead at his home"
    dead = any(o.lemma_.lower() in lx.REMAINS for o in found)
    return "OtherEvent" if dead else None


def _set_on_fire(tok: Token) -> bool:
    """ "set fire to the car", "set the bus on fire": a fire someone started."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_ == "set":
        return True
    return tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_ == "set"


def _determined(tok: Token) -> bool:
    """A noun with a determiner or an owner: "the loan", "its funding", "a debate"."""
    return any(c.dep_ in ("det", "poss") and c.lower_ != "no" for c in tok.children)


def _into_insolvency(verb: Token) -> bool:
    """A business that failed into a procedure: "went into administration" (one
    that "went bust" is an idiom: :data:`~kb.text.lexicon.EVENT_IDIOMS`)."""
    into = {o.lemma_.lower() for o in prep_objects(verb, ("into",))}
    return bool(into & lx.INSOLVENCY)


def _a_purpose(verb: Token) -> bool:
    """ "sold the plant to pay its debts", "money to buy arms": what something is done or
    meant for, which the text does not tell as done; not "began to advance" nor
    "agreed to sell" (what a verb takes), nor "in order to" (``events``), nor
    what people went somewhere or met to do ("went to vote", "gathered to protest",
    "called a news conference to resign")."""
    if verb.pos_ != "VERB" or not any(c.tag_ == "TO" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "advcl":
        going = head.lemma_.lower() in lx.TRAVEL_VERBS | _GOING | _CONVENING
        return not going and not any(c.dep_ == "mark" for c in verb.children)
    return (
        verb.dep_ == "acl"
        and head.pos_ == "NOUN"
        and lx.NOUN_TRIGGERS.get(head.lemma_.lower()) is None
        and head.lemma_.lower() in _MEANS
    )


# Verbs of going somewhere, whose purpose is what was done there: "went to vote".
_GOING = frozenset("go come arrive return gather head turn queue line".split())
# Verbs of calling a meeting, whose purpose is what was done at it: "called a news
# conference to resign", "convened a session to approve the budget".
_CONVENING = frozenset("call convene hold host summon".split())
# Things raised or spent for an end: "cash to pay wages", "money to buy arms".
_MEANS = frozenset("fund money cash loan credit capital resource budget".split())


def _described(verb: Token) -> bool:
    """A participle that says what someone or something is, undated: "the
    manager appointed by the court", "a letter signed by Kellan", "a student
    visiting from Velmora"; not "the coach, appointed on Monday"."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBG")
        and not any(t.ent_type_ == "DATE" for t in verb.subtree)
    )


# Deeds that a participle tells as background of what it describes.
_BACKGROUND = frozenset({"Appointment", "Investment", "Agreement", "DiplomacyEvent"})


def _won_by_far(tok: Token) -> bool:
    """A landslide that is a vote won by far: "won a landslide", "a landslide
    victory", "a landslide re-election" (split as "re - election")."""
    after = {t.lemma_.lower() for t in tok.doc[tok.i + 1 : tok.i + 4]}
    return tok.head.lemma_.lower() in _WINNING | {"score"} or bool(after & _WON)


_WON = frozenset("victory win election re-election reelection majority mandate".split())


def _lasting_months(tok: Token) -> bool:
    """ "a two-year marathon", "a decade-long marathon": months or years long."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod")]
    words = {t.lemma_.lower() for c in mods for t in c.subtree}
    return bool(words & {"month", "year", "decade"})


def _others(tok: Token) -> bool:
    """ "the other attacks", "other bombings": events of a kind beside the one
    told, not one more; not "two other attacks" (counted, so told)."""
    kids = list(tok.children)
    return (
        tok.tag_ == "NNS"
        and any(c.dep_ == "amod" and c.lower_ == "other" for c in kids)
        and not any(c.dep_ == "nummod" for c in kids)
    )


def _particle(verb: Token) -> str:
    """The particle of a phrasal verb ("out" of "pulled out"), or ""; also one
    parsed as a preposition ("pulled out of the race")."""
    for c in verb.children:
        if c.dep_ == "prt" or c.i == verb.i + 1 and c.lower_ in _PARTICLES:
            return c.lower_
    return ""


_PARTICLES = frozenset({"out", "off", "back"})


def _forces(words: list[Token]) -> bool:
    """Whether one of ``words`` is armed forces: "troops", "the rebels"."""
    armed = lx.MILITARY_NOUNS | lx.ARMED_GROUPS
    return any(w.lower_ in armed or w.lemma_.lower() in armed for w in words)


def _a_disease(tok: Token) -> bool:
    """ "bird flu", "the virus", "cholera": an illness by its name or its kind."""
    words = {tok.lower_, tok.lemma_.lower()}
    return bool(words & (lx.DISEASES | lx.SEASONAL_DISEASES | lx.DISEASE_NAME_ENDS))


# What is done to a court's order: "lifted the injunction", "imposed a gag order".
_ORDERING = frozenset("lift impose grant issue obtain win extend".split())


def _a_court_order(tok: Token) -> bool:
    """ "an injunction", "a restraining order", "the gag order"; not "an order
    for 30 jets" nor "the order of the day"."""
    lemma = tok.lemma_.lower()
    if lemma in lx.COURT_ORDERS:
        return True
    return lemma == "order" and bool(_modifiers(tok) & lx.COURT_ORDER_KINDS)


def _denied(tok: Token) -> bool:
    """ "did not attack", "no one was hurt", "no injuries", "without a deal": it did
    not happen."""
    if _no_one(tok):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True  # "ended without a deal"
    if tok.dep_ in ("ccomp", "acl") and _a_denial(tok.head):
        return True  # "denied that she had resigned": said not to have happened
    if tok.dep_ in ("ccomp", "acl") or tok.dep_ == "pobj" and tok.head.lower_ == "of":
        sign = tok.head if tok.dep_ != "pobj" else tok.head.head
        if sign.lemma_.lower() in lx.SIGNS and _none_found(sign):
            return True  # "no evidence that it was hacked", "no sign of a fire"
    return any(
        c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and _no_one(c)
        for c in tok.children
    )


def _a_denial(head: Token) -> bool:
    """A verb of denying, or what one denies: "denied", "rejected claims"."""
    if head.lemma_.lower() in lx.DENIALS:
        return True
    return (
        head.lemma_.lower() in lx.DENIED_THINGS
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in lx.DENIALS | {"reject", "dismiss"}
    )


def _none_found(sign: Token) -> bool:
    """ "no evidence", "did not find evidence", "found no sign": none was found."""
    if _no_one(sign):
        return True
    verb = sign.head if sign.dep_ in ("dobj", "nsubjpass", "attr") else None
    if verb is None or verb.lemma_.lower() not in _FINDING:
        return False  # "did not release evidence of the attack" denies no attack
    return any(c.dep_ == "neg" for c in verb.children)


#: verbs whose denial says that no sign of a deed was found
_FINDING = frozenset("find see show have be uncover turn reveal produce".split())


def _no_one(tok: Token) -> bool:
    """ "No one was hurt", "nobody died", "no injuries were reported"."""
    if tok.lower_ in ("nobody", "none"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _offence(tok: Token) -> bool:
    """A bare noun that names the offence of a charge: "charged with murder",
    "arrested for arson", "charges of murder"; not "charged with the murder of
    Ana Varga"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in _OFFENCE_PREPS:
        return False
    if any(c.dep_ in ("det", "poss", "prep") for c in tok.children):
        return False
    charged = tok.head.head
    # "counts, including murder", "upgraded the charges to murder", "hit with
    # murder and two other charges": a charge beside it
    near = [charged, *charged.children, *tok.conjuncts]
    if any(t.lemma_.lower() in _CHARGE_WORDS for t in near):
        return True
    if charged.lemma_.lower() == "count" and tok.head.lower_ == "of":
        # "a single count of arson and two of theft", told of a charge: the
        # counts of a charge
        while charged.dep_ == "conj":
            charged = charged.head
        if charged.dep_ == "pobj" and charged.head.lower_ in ("with", "for"):
            charged = charged.head.head
    return charged.lemma_.lower() in lx.ACCUSING_VERBS


_OFFENCE_PREPS = frozenset({"with", "for", "of", "to", "including"})
_CHARGE_WORDS = frozenset({"charge", "count", "indictment"})


def _of_an_offence(charge: Token) -> bool:
    """A charge of a crime, by the words before it or after its "of": "a
    felony assault charge", "a charge of arson"; not "in
    charge", "a $5 charge", "a cavalry charge", nor the charge a plea answers
    ("pleaded guilty to the arson charge": the plea is the event)."""
    to = charge.head
    if charge.dep_ == "pobj" and to.lower_ == "to":
        # "pleaded guilty to", "answered 'guilty' to"; not "in addition to"
        if {to.head.lemma_.lower(), to.head.head.lemma_.lower()} & _PLEADING:
            return False
    words = {t.lemma_.lower() for t in charge.lefts if t.dep_ in ("compound", "amod")}
    words |= {
        t.lemma_.lower() for o in prep_objects(charge, ("of",)) for t in o.subtree
    }
    return bool(words & _CRIMES)


# Verbs of answering a charge in court: "pleaded guilty to the charge".
_PLEADING = frozenset({"plead", "answer", "admit", "confess"})
# Words of a crime or of the law broken, on a charge: "a felony charge".
_CRIMES = lx.OFFENCE_WORDS | frozenset(
    """murder manslaughter homicide assault battery felony misdemeanor misdemeanour
    criminal robbery burglary arson kidnapping rape terrorism conspiracy
    possession""".split()
)


def _figure_kind(words: set[str]) -> str | None:
    """What a figure that moves is: "profit fell" a result, "shares rose" the market,
    "the economy grew" a business event of a whole economy."""
    if words & lx.FINANCIAL_SUBJECTS:
        return "FinancialResult"
    if words & lx.ECONOMY_SUBJECTS:
        return "BusinessEvent"
    return "MarketMovement" if words & lx.MARKET_SUBJECTS else None


def _by_a_figure(verb: Token) -> bool:
    """Whether a verb of moving says by how much: "fell 2 percent", "rose by a
    third"; not only to what level ("rose to 312": a figure now, told as one),
    nor "rose to power" or "fell ill"."""
    amounts = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")]
    return any(_a_figure(n) for n in amounts + prep_objects(verb, ("by",)))


def _a_figure(noun: Token) -> bool:
    """ "2 percent", "a third", "90", "13,000 cases": a number or a share."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("nummod", "quantmod"))]
    return any(
        w.like_num or w.lower_ in ("percent", "%", "half", "third", "quarter")
        for w in words
    )


def _named_thing(tok: Token) -> bool:
    """A product's name: "the Lumo", "its Lumo headset"."""
    if tok.ent_type_ == "PRODUCT" or tok.pos_ == "PROPN":
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _person_noun(tok: Token) -> bool:
    """A noun for a person, plural or not: "a nurse", "the prisoners"."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "NOUN"
        and (lemma in lx.ROLE_WORDS or lemma in lx.EXCHANGED or lemma in _HUMANS)
        or f"{lemma}s" in lx.PEOPLE_NOUNS
    )


def _inquiry_type(tok: Token) -> str | None:
    """An investigation or a search: by police or a court a legal action; "searching
    for survivors" a rescue; "a search of his home" a police search."""
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    words = {t.lower_ for t in tok.sent}
    if tok.lemma_.lower() == "search":
        if "of" in preps and tok.pos_ == "NOUN":
            return "LegalAction"
        # for people or wreckage, or among rescue words: not "search them for records"
        sought = {t.lemma_.lower() for t in prep_objects(tok, ("for",))} | words
        return "Rescue" if sought & lx.SEARCH_WORDS else None
    return "LegalAction" if words & lx.POLICE_WORDS else "OtherEvent"


_ABSTRACT_ENDINGS = ("ship", "tion", "ment", "ity", "ness", "ance", "ence")
_MAY = frozenset({"can", "could", "may", "might", "should"})


def _generic_vote(tok: Token) -> bool:
    """Voting as a right or a chance, not a vote held: "to vote" after a noun or an
    adjective, "from/to voting", "may not cast a ballot", "could vote"."""
    head = tok.head
    if tok.dep_ in ("acl", "xcomp", "pcomp", "advcl") and (
        head.pos_ in ("NOUN", "ADJ") or head.lower_ in ("from", "to")
    ):
        return True
    verbs = [tok, head] if tok.dep_ in ("conj", "xcomp") else [tok]
    if any(c.dep_ == "aux" and c.lower_ in _MAY for v in verbs for c in v.children):
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "right" for c in tok.children):
        return True  # "gives back voting rights", parsed as a verb
    return tok.dep_ == "xcomp" and head.lemma_.lower() in ("allow", "permit")


#: where testimony is given, beside a court: "testified at the hearing"
_HEARINGS = frozenset(
    {"trial", "hearing", "hearings", "inquiry", "committee", "congress", "senate"}
)
#: what is visited online, where no one goes: "users visiting the website"
_ONLINE_PLACES = frozenset({"website", "site", "page", "webpage", "link", "app"})


def _patients(verb: Token) -> list[Token]:
    """What the verb acts on: its object or passive subject. In a relative clause
    the pronoun stands for the noun the clause describes ("Varda, which was
    bought by Orlen"), and a participle's noun is what it acts on ("the plan
    launched by the ministry")."""
    described = verb.dep_ in ("relcl", "acl")
    found = [
        verb.head if described and c.lower_ in lx.RELATIVE_PRONOUNS else c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass")
    ]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)
    return found


def _with_partitives(objs: list[Token]) -> list[Token]:
    """Objects, and what a quantity among them counts: "laid off hundreds of
    workers", "cut a third of its staff", "pulled out the rest of its soldiers"
    also have "workers", "staff", "soldiers"."""
    counted = [
        pobj
        for obj in objs
        if obj.like_num or obj.tag_ in ("CD", "NNS", "NN", "DT", "PDT", "JJ", "JJS")
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return objs + counted


def _fits_objects(tok: Token, lemma: str, kind: str | None, objs: list[Token]) -> bool:
    """Verbs that name their event only with the right object ("cut 300 jobs",
    "issued a warning", "pulled survivors from …")."""
    obj_words = {c.lower_ for c in objs} | {c.lemma_.lower() for c in objs}
    if kind == "JobCuts" and not obj_words & lx.JOB_NOUNS:
        return False  # "cut rates" is a rate move (see ``_verb_type``)
    if lemma == "pull" and not obj_words & lx.RESCUE_OBJECTS:
        return False
    if lemma == "issue" and not obj_words & lx.WARNING_OBJECTS:
        return False
    if lemma == "invest" and (
        tok.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in tok.children)
    ):
        return False  # "both are invested in the outcome": a stake, no investment
    needed = lx.OBJECTS_NEEDED.get(lemma)
    if needed is not None and not obj_words & needed:
        return False
    if obj_words & lx.NO_EVENT_OBJECTS.get(lemma, frozenset()):
        return False  # "killed the contest", "lent their support"
    if lemma == "sign" and any(
        c.dep_ == "prt" and c.lower_ in ("up", "in", "off") for c in tok.children
    ):
        return False  # "signed up to speak", "signed off": no agreement
    # "launched a missile strike", "ordered an inquiry": the noun names the event
    return not (
        lemma in ("launch", "order")
        and any(
            lx.NOUN_TRIGGERS.get(o.lemma_.lower()) not in (None, "Launch") for o in objs
        )
    )


def _walks_out(tok: Token) -> bool:
    """ "workers walked out on Tuesday"; not "walked out of the building"."""
    after = tok.doc[tok.i + 1 : tok.i + 3]
    return (
        len(after) > 0
        and after[0].lower_ == "out"
        and (len(after) < 2 or after[1].lower_ != "of")
    )


def _aimed(tok: Token) -> bool:
    """ "a strike on a depot", "against the base": a target, so an attack; not "a
    strike on Monday"."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("on", "against") and not _a_time(c)
        for c in tok.children
    )


# Trigger verbs that fire only when their arguments fit the event (by lemma).
_NARROW_VERBS: dict[str, _Rule] = {
    **dict.fromkeys(["take", "buy", "acquire", "merge"], TriggerRules._takeover),
    "pardon": TriggerRules._pardon,
    "leave": TriggerRules._leaving_a_post,
    "threaten": TriggerRules._threatening,
    **dict.fromkeys(
        ["reverse", "unseal", "retract", "rescind", "revoke"], TriggerRules._undoing
    ),
    "name": TriggerRules._appointment,
    **dict.fromkeys(["admit", "discharge"], TriggerRules._in_care),
    "reopen": TriggerRules._reopening,
    "bear": TriggerRules._birth,
    **dict.fromkeys(
        [
            "win",
            "draw",
            "beat",
            "defeat",
            "trounce",
            "rout",
            "edge",
            "thrash",
            "hammer",
            "crush",
        ],
        TriggerRules._match_result,
    ),
    **dict.fromkeys(["rally", "march", "demonstrate"], TriggerRules._protest),
    **dict.fromkeys(["close", "shut", "open"], TriggerRules._closing),
    **dict.fromkeys(["approve", "pass", "reject"], TriggerRules._voting),
    "arrive": TriggerRules._arrival,
    **dict.fromkeys(["release", "conduct"], TriggerRules._publication),
    "attack": TriggerRules._attack,
    "capture": TriggerRules._capture,
    "plead": TriggerRules._pleading,
    "find": TriggerRules._verdict,
    "recover": TriggerRules._recovery,
    "land": TriggerRules._landing,
    **dict.fromkeys(
        ["join", "promote", "succeed", "become", "replace"], TriggerRules._career
    ),
    **dict.fromkeys(["file", "lodge", "counter", "settle"], TriggerRules._filing),
    "surrender": TriggerRules._surrendering,
    "liftoff": TriggerRules._lifting_off,
    "grant": TriggerRules._granting,
    **dict.fromkeys(["announce", "declare", "reveal"], TriggerRules._announcement),
    "agree": TriggerRules._agreement,
    **dict.fromkeys(["rule", "side", "uphold", "overturn"], TriggerRules._ruling),
    "appeal": TriggerRules._appeal,
    **dict.fromkeys(["depart", "return"], TriggerRules._arrival),
    **dict.fromkeys(["travel", "fly"], TriggerRules._journey),
    "restore": TriggerRules._restoring,
    "report": TriggerRules._reported,
    "hit": TriggerRules._blow,
    "shoot": TriggerRules._shooting,
    "flee": TriggerRules._people_move,
    **dict.fromkeys(["hire", "recruit"], TriggerRules._hiring),
    **dict.fromkeys(["fire", "sack", "oust", "dismiss"], TriggerRules._dismissal),
    **dict.fromkeys(["retire", "step"], TriggerRules._leaving),
    **dict.fromkeys(
        ["score", "equalise", "equalize", "qualify", "lose"], TriggerRules._scoring
    ),
    **dict.fromkeys(["sell", "purchase"], TriggerRules._takeover),
    **dict.fromkeys(["ban", "impose", "lift"], TriggerRules._restriction),
    **dict.fromkeys(["execute", "hurt"], TriggerRules._harm),
    **dict.fromkeys(["sink", "capsize"], TriggerRules._vessel),
    **dict.fromkeys(["flood", "erupt"], TriggerRules._nature),
    **dict.fromkeys(["exchange", "swap"], TriggerRules._exchange),
    "charge": TriggerRules._charging,
    "vote": TriggerRules._casting,
    "request": TriggerRules._requesting,
    "launch": TriggerRules._launching,
    "clash": TriggerRules._clashing,
    "delay": TriggerRules._delaying,
    **dict.fromkeys(["deport", "expel", "hand"], TriggerRules._removal),
    "explode": TriggerRules._exploding,
    "collapse": TriggerRules._collapsing,
    "suspend": TriggerRules._suspending,
    **dict.fromkeys(["derail", "crash"], TriggerRules._derailing),
    "enter": TriggerRules._entering,
    **dict.fromkeys(["investigate", "probe", "search"], TriggerRules._inquiry),
    "test": TriggerRules._testing,
    **dict.fromkeys(["withdraw", "retreat", "abandon"], TriggerRules._withdrawal),
    **dict.fromkeys(
        ["assemble", "amass", "mass", "mobilise", "mobilize"], TriggerRules._buildup
    ),
    "expand": TriggerRules._expansion,
    "meet": TriggerRules._meeting,
    **dict.fromkeys(["transfer", "loan"], TriggerRules._player_move),
    "swear": TriggerRules._oath,
    **dict.fromkeys(["place", "put"], TriggerRules._placing),
    "finish": TriggerRules._finishing,
    "found": TriggerRules._founding,
    "adopt": TriggerRules._adopting,
    **dict.fromkeys(["raise", "hike", "lower"], TriggerRules._rate_move),
    "play": TriggerRules._playing,
    "force": TriggerRules._displacement,
    "gather": TriggerRules._gathering,
    **dict.fromkeys(
        ["air", "broadcast", "televise", "screen", "tweet", "retweet"],
        TriggerRules._broadcasting,
    ),
    **dict.fromkeys(["bust", "intercept", "inspect", "frisk"], TriggerRules._policing),
}

_NounRule = Callable[["TriggerRules", Token, str], str | None]


def _whole_word(tok: Token) -> str:
    """The word a token ends, lower-case: "front-runner" of "runner" (the tokenizer
    splits a hyphenated word in three), else the token's lemma."""
    if ends_a_hyphened_word(tok):
        return f"{tok.nbor(-2).lower_}-{tok.lower_}"
    return tok.lemma_.lower()


def _a_topic(tok: Token) -> bool:
    """A deed named bare as what something is about, a kind of deed, not one
    done: "his notes about kidnapping and killing strangers"; not "a story
    about the attack" (that one)."""
    first = tok  # through the words it is listed with or modifies
    while first.dep_ in ("conj", "nmod", "compound", "amod") and first.head != first:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ != "about":
        return False
    if first.head.head.pos_ not in ("NOUN", "PROPN"):
        return False  # "talked about the killing": the verb's own matter
    return tok.tag_ == "VBG" or not any(
        c.dep_ in ("det", "poss", "nummod") for c in tok.children
    )


def _given_pardon(rules: TriggerRules, tok: Token, kind: str) -> str | None:
    """ "a presidential pardon", "his pardon", "issued pardons": one given; not
    "Pardon the pun" (a verb the tagger took for a noun)."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return None
    return kind


def _threat_made(rules: TriggerRules, tok: Token, kind: str) -> str | None:
    """ "after making threats against the mayor", "sent death threats": threats
    made; not "the threat of war" (feared), "a threat to growth"."""
    made = tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx.THREATENING
    aimed = any(
        rules._actor(o) for o in prep_objects(tok, ("against",))
    ) and not _has_prep(tok, "of")
    return kind if made or aimed else None


def _noun_inquiry(rules: TriggerRules, tok: Token, kind: str) -> str | None:
    return _inquiry_type(tok)


# Trigger nouns that name their event only in fitting company (by lemma).
_NARROW_NOUNS: dict[str, _NounRule] = {
    "pardon": _given_pardon,
    "threat": _threat_made,
    **dict.fromkeys(["race", "campaign"], TriggerRules._race),
    "runoff": TriggerRules._runoff,
    "sentence": TriggerRules._punishment,
    **dict.fromkeys(["victory", "defeat", "win"], TriggerRules._outcome),
    **dict.fromkeys(["charge", "charges", "appeal"], TriggerRules._court_noun),
    **dict.fromkeys(["sale", "purchase", "leak"], TriggerRules._of_thing),
    **dict.fromkeys(["investigation", "inquiry", "probe", "search"], _noun_inquiry),
    "execution": TriggerRules._execution,
    **dict.fromkeys(["game", "match"], TriggerRules._fixture),
    **dict.fromkeys(
        [
            "withdrawal",
            "pullout",
            "drill",
            "drills",
            "manoeuvres",
            "maneuvers",
            "maneuver",
            "manoeuvre",
            "training",
            "mobilisation",
            "mobilization",
        ],
        TriggerRules._troop_move,
    ),
    "outbreak": TriggerRules._outbreak,
    **dict.fromkeys(["vote", "ballot"], TriggerRules._vote_noun),
    "landslide": TriggerRules._margin,
    "cancellation": TriggerRules._called_off,
    "debate": TriggerRules._debate,
    **dict.fromkeys(["investment", "funding", "loan", "grant"], TriggerRules._funding),
    "storm": TriggerRules._weather,
    "season": TriggerRules._disease_season,
}


def _blamed_for(verb: Token) -> bool:
    """ "for its arms sales", "over his remarks", "for failing to act": what
    someone is blamed for (not "for the second time", "over the weekend")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "over"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" or (
                obj.dep_ == "pobj" and any(c.dep_ == "poss" for c in obj.children)
            ):
                return True
    return False


_COURTROOM = lx.COURT_WORDS | lx.POLICE_WORDS | lx.SENTENCING_WORDS

#: days a possessive names, beside the weekdays: "yesterday's vote"
_NAMED_DAYS = frozenset({"yesterday", "today", "tonight", *WEEKDAYS})
#: what a day owns that is no event: "Monday's close", "Friday's edition"
_DAY_THINGS = frozenset(
    """close session trading high low level price prices rate edition paper issue
    column deadline weather forecast morning afternoon evening night weekend""".split()
)


def _on_a_named_day(tok: Token) -> bool:
    """A common noun that a day owns or names ("Thursday night's fight", "the
    March 21 call"): a happening on that day; not a document of the day ("Monday's
    report") nor a market's figure ("Friday's close"), nor what a month or a year
    names ("the 2010 budget")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma in lx.SOURCE_NOUNS or lemma in _DAY_THINGS:
        return False
    if tok.ent_type_ in ("DATE", "TIME"):
        return False  # "Thursday night": a time, not what happened in it
    return any(
        c.dep_ in ("poss", "nmod", "compound")
        and c.ent_type_ in ("DATE", "TIME")
        and c.i < tok.i
        and _a_day(list(c.subtree))
        for c in tok.children
    )


def _for_office(bid: Token) -> bool:
    """ "a bid for president", "her campaign for re-election": running for office."""
    return any(t.lemma_.lower() in lx.OFFICES for t in prep_objects(bid, ("for",)))


def _before_a_court(verb: Token) -> bool:
    """ "appeared in court", "will appear before a judge": a hearing."""
    return any(
        place.lemma_.lower() in lx.COURT_WORDS
        for place in prep_objects(verb, ("in", "before", "at"))
    )


def _in_force(verb: Token, objs: list[Token]) -> bool:
    """ "takes effect", "came into force", "went into effect": a rule starts."""
    if verb.lemma_.lower() == "take":
        return any(o.dep_ == "dobj" and o.lower_ == "effect" for o in objs)
    return any(o.lower_ in ("force", "effect") for o in prep_objects(verb, ("into",)))


def _names_an_occasion(tok: Token) -> bool:
    """The name of a ceremony or of games: "the Orlen Music Awards", "the Varda
    Games", "the Oscars" (capitalised; "awards" alone are prizes)."""
    if tok.pos_ != "PROPN" or not tok.is_title:
        return False
    if tok.lower_ in lx.ONE_WORD_EVENTS:
        return True
    named = any(c.dep_ == "compound" and c.is_title for c in tok.children)
    return named and tok.lower_ in ("awards", "games")


def _on_a_platform(tok: Token) -> bool:
    """ "posted on Instagram", "posted a video on social media": a post online."""
    for place in prep_objects(tok, ("on", "to")):
        words = {place.lower_} | {c.lower_ for c in place.lefts}
        if place.lower_ in lx.PLATFORMS or {"social", "media"} <= words:
            return True
    return False


def _by_enforcers(verb: Token, subj: Token | None) -> bool:
    """Whether police, agents or officers did it: "agents inspected the boat",
    "was intercepted by the navy", "Tarsk police took custody of …"."""
    doers = [subj] if subj is not None and subj.dep_ == "nsubj" else []
    doers += [
        g
        for c in verb.children
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # and the words a name is told by: "Varda Maritime Enforcement (VME) Customs Officers"
    doers += [c for d in doers for c in d.children if c.dep_ == "appos"]
    return any(
        d.lemma_.lower() in lx.ENFORCERS
        or d.lower_ in lx.ENFORCERS
        or any(c.lower_ in lx.ENFORCERS for c in d.lefts)
        for d in doers
    )


def _done(verb: Token) -> bool:
    """Told as done, in the past tense or as a participle: "aired", "was
    inspected"; not a habit ("airs on Sundays") nor a plan ("will post")."""
    return verb.tag_ in ("VBD", "VBN")


def _posted_media(tok: Token, objs: list[Token]) -> bool:
    """ "posted a video of the goal", "a photo was posted": a post, done; not
    "posted a loss" (a result) nor "will post updates"."""
    return _done(tok) and any(
        o.lower_ in lx.POSTED_MEDIA for o in objs if o.dep_ != "pobj"
    )


def _breaks_out(tok: Token) -> bool:
    """A common noun the text says broke out ("a fight broke out", "a brawl broke
    out"): a happening, whatever the noun ("erupted" is the verb's own event)."""
    verb = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or verb.lemma_.lower() != "break":
        return False
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


#: nouns for a work whose kind a word before them names: "rescue operations", "a
#: relief effort", "the search mission"
_WORKS = frozenset({"operation", "effort", "mission"})


def _named_by_its_modifier(tok: Token) -> str | None:
    """What a noun for work or an offering names by the word before it: "rescue
    operations" a rescue, "an initial public offering" a listing."""
    lemma = tok.lemma_.lower()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    words = {c.lower_ for c in mods}
    shares = {o.lemma_.lower() for o in prep_objects(tok, ("of",))} & {"share", "stock"}
    if lemma == "offering" and "public" in words and ("initial" in words or shares):
        return "BusinessEvent"  # not "a public offering of new phones"
    if lemma in _WORKS:
        kinds = [lx.NOUN_TRIGGERS.get(c.lemma_.lower()) for c in mods]
        return next((k for k in kinds if k in ("Rescue", "MilitaryDeployment")), None)
    return None


def _a_day(words: list[Token]) -> bool:
    """Whether these words name one day: a weekday, "yesterday", or a month and a
    day of it ("March 21")."""
    if any(t.lower_ in _NAMED_DAYS for t in words):
        return True
    month = any(fold(t.text).rstrip(".") in MONTHS for t in words)
    return month and any(
        t.like_num and t.text.isdigit() and int(t.text) <= 31 for t in words
    )


def _has_prep(tok: Token, word: str) -> bool:
    """Whether ``tok`` has the preposition ``word``: "the sale [of] …"."""
    return any(c.dep_ == "prep" and c.lower_ == word for c in tok.children)


def _feared(tok: Token) -> bool:
    """An event feared, risked or supposed, not one that happened: "afraid of an
    attack", "the threat of a strike", "such an attack"."""
    if any(c.dep_ in ("det", "predet") and c.lower_ == "such" for c in tok.children):
        return True
    if any(c.dep_ == "amod" and c.lower_ in lx.MAYBE for c in tok.children):
        return True  # "a possible attack", "future hacking"
    if tok.dep_ != "pobj":
        return False
    before = tok.head.head.lemma_.lower()
    if tok.head.lower_ == "to":
        return before in ("close", "near")  # "close to collapse"
    return tok.head.lower_ == "of" and before in lx.FEARED


def _idiom(verb: Token, lemma: str) -> str | None:
    """The event a verb names with one word beside it, which neither names
    alone: "the river burst its banks", "the ship ran aground", "took them
    hostage", "the firm went bust"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    for c in verb.children:
        # "declared the firm bankrupt" is parsed with a clause of its own (ccomp)
        if c.dep_ in ("dobj", "advmod", "prt", "acomp", "oprd", "npadvmod", "ccomp"):
            # the word as written too: "went broke" is lemmatised "break"
            for word in (c.lemma_.lower(), c.lower_):
                kind = lx.EVENT_IDIOMS.get((lemma, word))
                if kind is not None:
                    return kind
    return None


def _in_a_title(tok: Token) -> bool:
    """A capitalised word of the title of a work: "the film Ceasefire", "her
    novel, The Long Strike", "starred in Landslide"; not a sentence's first word."""
    if not tok.is_title or tok.is_sent_start:
        return False
    name = tok
    while name.dep_ == "compound" and name.head.pos_ == "PROPN":
        name = name.head  # "Long" and "Strike" of "The Long Strike"
    work = name.head if name.dep_ in ("appos", "pobj", "dobj") else None
    beside = [c for c in name.children if c.dep_ in ("compound", "nmod", "appos")]
    return (
        any(c.lemma_.lower() in lx.WORK_NOUNS for c in beside)
        or work is not None
        and name.dep_ == "appos"
        and work.lemma_.lower() in lx.WORK_NOUNS
        or work is not None
        and work.lower_ == "in"
        and work.head.lemma_.lower() in lx.PERFORMING_VERBS
    )


def _of_a_kind(tok: Token) -> bool:
    """A bare noun after "of" that speaks of events of its kind, not of one: "a
    history of floods", "a record of strikes", "the prevention of fires"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    return tok.head.head.lemma_.lower() in lx.KIND_HEADS


def _named_with_a_modifier(tok: Token, lemma: str) -> str | None:
    """A noun that names an event only with the word before it that says which:
    "a takeover bid", "a rate cut", "an emergency landing", "a heat wave"."""
    wanted = lx.MODIFIED_TRIGGERS.get(lemma)
    if wanted is None:
        return None
    words, kind = wanted
    mods = {
        c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
    }
    return kind if mods & words else None


def _new_cases(tok: Token) -> bool:
    """ "twelve new cases of cholera", "40 new cases": counted cases of a disease,
    told as news; not cases of a court or of a crime."""
    if tok.lemma_.lower() != "case" or tok.tag_ != "NNS":
        return False
    if not any(c.dep_ == "amod" and c.lower_ == "new" for c in tok.children):
        return False  # "more than 4,000 cases in all": a total so far, no news of a day
    # and not of a season's illness, counted every winter ("300 new cases of flu")
    words = {t.lemma_.lower() for t in tok.sent}
    routine = lx.POLICE_WORDS | lx.COURT_WORDS | lx.OFFENCE_WORDS | lx.SEASONAL_DISEASES
    return not words & routine


def _done_as_deeds(noun: Token) -> bool:
    """A plural that a verb of doing says were done: "carried out air strikes",
    "staged raids", "conducted searches"; the past tense makes them events."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in lx.LIGHT_VERBS
        and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and verb.dep_ != "amod")
    )


def _another_verb(verb: Token) -> bool:
    """A verb that its particle makes another one: "wound up", "winding down"."""
    particles = lx.NO_EVENT_PARTICLES.get(verb.lower_) or lx.NO_EVENT_PARTICLES.get(
        verb.lemma_.lower(), frozenset()
    )
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.lower_ in particles


def _a_quality(noun: Token) -> bool:
    """The first word of an adjective joined by a hyphen: "drought-prone",
    "flood-proof" (the tokenizer splits it in three)."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != "-":
        return False
    return doc[noun.i + 2].lower_ in lx.HYPHENED_QUALITIES


def _named_by(noun: Token) -> list[Token]:
    """The nouns that say what ``noun`` is, not those of its phrases nor its
    adjectives: "chief executive of the bank"; not "a major target for rivals"
    (a major is a rank, the rivals are others)."""
    words = [noun]
    for t in noun.subtree:
        if t == noun or t.dep_ not in ("compound", "conj", "nmod", "appos"):
            continue
        path = [t, *(a for a in t.ancestors if a.i != noun.i and noun in a.ancestors)]
        if not any(a.dep_ in ("prep", "pobj", "relcl", "acl") for a in path):
            words.append(t)
    return words


def _hyphened(tok: Token) -> str | None:
    """The event a hyphenated noun names, which the tokenizer splits in three:
    "a pile-up", "the shoot-out", "a walk-out" (listed written as one word)."""
    if not ends_a_hyphened_word(tok):
        return None
    return lx.NOUN_TRIGGERS.get(tok.nbor(-2).lower_ + tok.lemma_.lower())


def _a_post(noun: Token) -> bool:
    """A word for a post held: "his seat", "the committee", "office" bare (with
    "the" or "his", an office is a room one leaves at night)."""
    lemma = noun.lemma_.lower()
    if lemma == "office":
        return not any(c.dep_ in ("det", "poss") for c in noun.children)
    return lemma in lx.POSTS
