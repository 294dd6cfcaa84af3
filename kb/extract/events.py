"""``newskb_events``: events named by trigger verbs and nouns, with their agents,
participants, place, date and modality; words that name one event are merged,
and each figure outside a claim is attached to the nearest event in its sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kb.extract.claims import claims_of
from kb.extract.cues import is_quote_cue
from kb.extract.dates import (
    CORE_DEPS,
    awaited,
    dated_verb,
    dates_of,
    may_come,
    present_perfect,
    span_apart,
    tense,
)
from kb.extract.entities import entities_of
from kb.extract.extensions import Stage, gazetteer_of, stage, text_of
from kb.extract.figures import figures_of
from kb.extract.paragraphs import sentence_after, sentence_before
from kb.extract.records import Mention, RawClaim, RawEvent
from kb.extract.resolve import Resolver, agent_of
from kb.extract.syntax import charged_deed, prep_objects
from kb.extract.triggers import TriggerRules
from kb.models import DateValue
from kb.text import lexicon as lx
from kb.text.dates import apart_by

__all__ = ["events_of", "find_events"]

_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "off",
    "across",
    "outside",
    "inside",
    "into",
    "around",
    "throughout",
    "within",
    "for",
    "on",
    "of",
    "to",
}
# the dependents of a trigger that name those it involves
_PARTICIPANT_DEPS = (
    "dobj",
    "pobj",
    "poss",
    "compound",
    "nsubjpass",
    "appos",
    "conj",
    "nmod",
    "attr",
    "oprd",
)


def find_events(doc: Doc) -> list[RawEvent]:
    """The article's events in text order of their first trigger."""
    return _EventRules(doc).run()


def events_of(doc: Doc) -> list[RawEvent]:
    return stage(doc, "newskb_events", find_events)


@Language.factory(
    "newskb_events",
    requires=["doc._.newskb_claims", "doc._.newskb_figures"],
    assigns=["doc._.newskb_events"],
)
def make_events(nlp: Language, name: str) -> Stage:
    return Stage("newskb_events", find_events)


class _EventRules:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.claims = claims_of(doc)
        self.r = Resolver(doc)
        self.dates = dates_of(doc)
        self.triggers = TriggerRules(self.r, gazetteer_of(doc), text_of(doc).lower())
        self.claim_spans = [(c.stmt_start, c.stmt_end, c) for c in self.claims]
        #: the verbs of clauses a date introduces with "when", and that date
        self.whens = {verb.i: value for verb, value in self.dates.when_clauses()}

    def run(self) -> list[RawEvent]:
        events: list[RawEvent] = []
        quoted = [p for c in self.claims if c.direct for p in c.pieces()]
        for tok in self.doc:
            kind = self.triggers.trigger_type(tok)
            if kind is None or _hypothetical(tok) or _a_series(tok) or _habit(tok):
                continue
            if _imperative(tok) or _only_weighed(tok, kind) or _forecast(tok, kind):
                continue  # "Visit our shop": a bidding, a page's button
            if _words_as_backdrop(tok):
                continue  # "after the announcement", "said in an interview"
            if any(a <= tok.idx < b for a, b in quoted):
                continue  # what a speaker says happened is the claim, not a fact
            if self._a_message_said(tok):
                continue  # '"We won," Varda tweeted': the tweet is the claim
            ev = self._event(tok, kind)
            target = _light_verbs_event(events, tok) or _agreed_deed(events, tok)
            if target is not None:
                target.event_type = kind  # the event the verb takes is the event
            else:  # "the talks reopen": the talks' event, and its type
                target = _its_nouns_event(events, tok, kind) or next(
                    (e for e in events if _mergeable(e, ev)), None
                )
            if target is None and (_anaphoric(tok) or self._owners_told(tok)):
                target = next(
                    (e for e in reversed(events) if self._refers_back_to(ev, e)), None
                )
            if target is None:
                events.append(ev)
            else:
                _merge(target, ev)
        events = _tolls_merged(_one_phrase_merged(_merged_again(events)))
        events = _harms_merged(events, self.r)
        self._turns(events)
        self._deeds(events, quoted)
        self._happenings(events, quoted)
        self._attach_figures(events)
        if self.r.mentions.sports:
            _date_from_the_match(events)
        self._dated_by_what_follows(events)
        _counted_from_named(events)
        self._owned(events)
        return events

    def _a_message_said(self, verb: Token) -> bool:
        """A verb of posting a message that is the cue of a quote: the words
        quoted are the claim, and the post no news of its own ('"We won," Varda
        tweeted'); "tweeted that the bridge would reopen" tells a post."""
        return _lemma(verb) in lx.MESSAGE_VERBS and any(
            c.direct and c.cue is not None and c.cue.i == verb.i for c in self.claims
        )

    def _owners_told(self, noun: Token) -> bool:
        """ "his arrest", "their deaths": a noun whose possessive pronoun stands
        for someone named before, so that it refers back to an event."""
        return noun.pos_ == "NOUN" and bool(self._pronoun_owners(noun))

    def _refers_back_to(self, ev: RawEvent, earlier: RawEvent) -> bool:
        """Whether the noun of ``ev`` refers back to ``earlier`` (:func:`_refers_to`),
        and a possessive pronoun on it stands for someone ``earlier`` names: "her
        detention" is not the arrest of another."""
        owners = self._pronoun_owners(ev.triggers[0])
        if owners and not set(owners) & _people(earlier):
            return False
        return _refers_to(ev, earlier)

    def _owned(self, events: list[RawEvent]) -> None:
        """An event that names no one takes the person its noun's possessive
        pronoun stands for: "her arrest", "his release". Only now, once the
        events are merged: a pronoun's guess tells no two events apart."""
        for ev in events:
            if ev.agents or ev.participants:
                continue
            for noun in (t for t in ev.triggers if t.pos_ != "VERB"):
                for hit in self._pronoun_owners(noun):
                    if hit not in ev.participants:
                        ev.participants.append(hit)
                        self.r.cluster(hit).acts = True

    def _dated_by_what_follows(self, events: list[RawEvent]) -> None:
        """A deed told as done by now ("Kellan has been arrested"), that only the
        day of writing dates, takes the date that the next sentence gives it: that
        of the same deed told in the past ("Police detained him on Monday"), or,
        for an attack or a death, that of the scene ("Police were called to the
        street on Saturday"). The text says when it happened; that wins over the
        day of writing."""
        for ev in events:
            if "now" not in ev.carried or not _perfect(ev.triggers[0]):
                continue
            told = (e.date for e in _told_next(ev, events) if _up_to_now(ev, e))
            when = next(told, None)
            if when is None and _sets_a_scene(ev):
                when = self._scene_after(ev, events)
            if when is not None:
                ev.date, ev.carried = when, ev.carried - {"now"} | {"date"}

    def _scene_after(self, ev: RawEvent, events: list[RawEvent]) -> DateValue | None:
        """The day the sentence after ``ev``'s sets its scene on, when it tells no
        event of its own: "Officers were called to Main Street on Friday", "It
        happened on Sunday night"; a few days before the day of writing at most."""
        after = sentence_after(ev.triggers[0].sent)
        if after is None:
            return None
        root = after.root
        if root.lemma_.lower() not in lx.SCENE_VERBS or _perfect(root):
            return None
        if any(_of_another_scene(e, after) for e in events):
            return None
        when = self.dates.date_of(root) if tense(root) == "past" else None
        if when is None or ev.date is None or when.precision != "day":
            return None
        gap = date.fromisoformat(ev.date.value) - date.fromisoformat(when.value)
        return when if timedelta(0) < gap <= _ONGOING else None

    def _turns(self, events: list[RawEvent]) -> None:
        """What an event that a clause says started on one date did on another:
        "the strike, which began on 12 March, ended on Friday" ends on Friday."""
        for ev in list(events):
            noun = ev.triggers[0]
            turn = noun.head
            if noun.dep_ != "nsubj" or turn.lemma_.lower() not in lx.TURNING_VERBS:
                continue
            if self.dates.started_on(noun) is None:
                continue
            later = self._event(turn, "OtherEvent")
            if later.date is not None and later.date != ev.date:
                events.append(later)

    def _deeds(self, events: list[RawEvent], quoted: list[tuple[int, int]]) -> None:
        """Done deeds that no trigger word named, done by someone named or by
        people or a body: an event of the catch-all type when the text dates
        them ("the band released its album on Friday", "Kellan signed for Orlen
        in May"), or when they are what the article's first two sentences, its
        lead, tell ("Kellan Orlen quit the club after …")."""
        taken = {t.i for e in events for t in e.triggers}
        taken |= {_anchor_verb(t).i for e in events for t in e.triggers}
        dated = [
            (verb, ent)
            for ents in self.dates.by_sentence.values()
            for ent in ents
            if (verb := dated_verb(ent)) is not None
        ]
        # "chaired the board from 2009 until 2015": a span of time, no deed
        lasting = {verb.i for verb, ent in dated if _a_span_of_time(ent)}
        whens = self.whens
        candidates = [(verb, True) for verb, _ in dated]
        candidates += [(self.doc[i], True) for i in whens]
        for verb, needs_date in candidates + [(v, False) for v in self._lead_verbs()]:
            if verb.i in taken or verb.i in lasting:
                continue
            if not self._a_deed(verb, planned=needs_date):
                continue
            if _done_by_an_event(verb, taken):
                continue
            if any(a <= verb.idx < b for a, b in quoted):
                continue
            ev = self._event(verb, "OtherEvent")
            if ev.date is None and verb.i in whens:
                ev.date = whens[verb.i]
            done_to = _passive(verb) and ev.participants  # "X was arraigned on …"
            if (ev.date is not None or not needs_date) and (
                ev.agents or done_to or _doer(verb)
            ):
                events.append(ev)
                taken.add(verb.i)

    def _happenings(
        self, events: list[RawEvent], quoted: list[tuple[int, int]]
    ) -> None:
        """A noun that no trigger names but the text says takes place, is held,
        or runs, starts or ends on a date: "Inspections will run from July 3",
        "voting ended on Sunday"."""
        taken = {t.i for e in events for t in e.triggers}
        for tok in self.doc:
            if tok.i in taken or not _happens(tok):
                continue
            if tok.head.i in taken:
                continue  # "the factory will close in June": the closing is the event
            if self.r.cluster_at(tok) is not None:
                continue  # a name (the first actor's index is 0, so not "or")
            if any(a <= tok.idx < b for a, b in quoted) or _hypothetical(tok):
                continue
            ev = self._event(tok, "OtherEvent")
            if not any(_mergeable(e, ev) for e in events):
                events.append(ev)

    def _lead_verbs(self) -> list[Token]:
        """The main verbs of the article's first two sentences; not a trigger
        word whose rules found no event in it ("attacked his record": words)."""
        lead = islice((s for s in self.doc.sents if any(t.is_alpha for t in s)), 2)
        return [
            v
            for sent in lead
            for v in (sent.root, *(c for c in sent.root.children if c.dep_ == "conj"))
            if v.lemma_.lower() not in lx.VERB_TRIGGERS
        ]

    def _a_deed(self, verb: Token, planned: bool = False) -> bool:
        """A verb of doing, in the past (or, when ``planned``, set for a date ahead:
        "will play Utrecht on June 2"), said of someone: not a saying, a state, a
        plan, a habit, or what did not or may not happen."""
        done = (
            verb.tag_ == "VBD" or verb.tag_ == "VBN" and _finite_participle(verb)
        ) and tense(verb) == "past"
        ahead = planned and verb.tag_ == "VB" and tense(verb) == "future"
        said = verb.lemma_.lower() in _NOT_DEEDS or is_quote_cue(verb)
        return (
            (done or ahead)
            and (not said or _found_something(verb))
            and not _hypothetical(verb)
            and not _habit(verb)
            and not any(c.dep_ == "neg" for c in verb.children)
            # "issued a statement on Tuesday": what was said is the claim
            and not any(o.lemma_.lower() in lx.SAID_THINGS for o in _objects(verb))
        )

    def _enclosing_claim(self, tok: Token) -> RawClaim | None:
        return next((c for a, b, c in self.claim_spans if a <= tok.idx < b), None)

    def _event(self, tok: Token, kind: str) -> RawEvent:
        verb = tok if tok.pos_ == "VERB" else _anchor_verb(tok)
        agents, participants, guessed = self._event_actors(tok, verb, kind)
        places = self._event_places(tok, verb)
        noun = tok if tok != verb else None
        when = self._own_date(tok, verb, noun)
        # a doer known only through "he" or "she" tells no two events apart
        carried: set[str] = {"people"} if guessed else set()
        if when is None and (tok == verb or tok.head == verb and tok.dep_ in CORE_DEPS):
            when = self.dates.now_of(verb)
            if when is not None:
                carried.add("now")  # the day of writing: "floods have killed 12"
            else:
                when = self.dates.carried(verb)
                if when is not None:
                    carried.add("date")
        if when is None and kind == "MarketMovement":
            when = self.dates.trading_day(verb)  # "fell 4% on the day"
        if not places and verb.tag_ == "VBD":
            places = self._places_before(tok.sent)
            if places:
                carried.add("place")
        return RawEvent(
            [tok],
            kind,
            agents,
            participants,
            places,
            when,
            _modality(tok),
            carried=carried,
        )

    def _own_date(
        self, tok: Token, verb: Token, noun: Token | None
    ) -> DateValue | None:
        """The event's date from its own sentence: the date that introduces the
        verb's clause with "when" ("step down on May 2, when her successor is
        sworn in"), when a clause says the noun's event started, a date in the
        noun's phrase or counted from the verb's when it is set a span apart, else
        the verb's."""
        clause = self.whens.get(verb.i)
        if clause is not None and (
            noun is None or noun.head == verb and noun.dep_ in CORE_DEPS
        ):
            return clause
        if noun is None and charged_deed(verb):  # "accused of killing X in May"
            return self.dates.date_of(verb) or self.dates.date_under(verb, verb)
        if noun is None:
            when = self.dates.date_of(
                verb, sentence_fallback=True, ahead=_names_it_now(tok, verb)
            )
            return when or self.dates.apart(verb, verb)  # "a week after they visited"
        started = self.dates.started_on(noun) or self.dates.counted_down(noun)
        if started is not None:
            return started  # "began on 12 March", "with 10 days to go before it"
        deed = _charged(noun, verb)
        if deed is not None and deed != noun:
            # "the May 2004 killing at a rally": the rally's is the killing's
            return self.dates.date_under(noun, verb) or self.dates.date_under(
                deed, verb
            )
        if _before_or_after(noun) or deed is not None or _talked_of(noun, verb):
            return self.dates.date_under(noun, verb) or self.dates.apart(noun, verb)
        when = self.dates.date_of(
            verb, sentence_fallback=True, ahead=_names_it_now(tok, verb), noun=noun
        )
        if when is None and noun.head == verb and noun.dep_ in CORE_DEPS:
            when = self.dates.apart(verb, verb)  # "a week after police made raids"
        return when

    def _event_actors(
        self, tok: Token, verb: Token, kind: str
    ) -> tuple[list[int], list[int], bool]:
        """Who did it and who else took part, and whether a pronoun told who."""
        agents: list[int] = []
        participants: list[int] = []
        subj = self.r.subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if tok == verb and charged_deed(verb):
            subj = _the_accused(verb) or subj  # "accused Marines of killing"
        passive = subj is not None and subj.dep_ == "nsubjpass"
        stance = tok != verb and _not_the_verbs_own(tok, verb, passive)
        if stance:
            subj = None  # "weighed in on the fight": not who fought
        claim = self._enclosing_claim(tok)
        guessed = False
        # "Lopez and Brandt held talks": each of the joined subjects did it; one
        # joined on is no new group ("Kellan and her team"). "She held talks":
        # the person told of before
        for who in [subj, *subj.conjuncts] if subj is not None else []:
            hit = self.r.resolve(
                who,
                allow_new_group=who == subj,
                pronouns=who.lower_ in _ONE_OF_US and not _reported(verb, claim),
            )
            if hit is None and claim is not None and who.lower_ in lx.PRONOUNS:
                hit = claim.claimant  # "X said it would …": "it" is the speaker
            if hit is not None and kind in _NATURE and self._a_place(hit):
                continue  # "the Orlen River burst its banks": where, not who
            if hit is not None:
                (participants if passive else agents).append(hit)
                guessed = guessed or who.lower_ in _ONE_OF_US
        if passive and (tok == verb or _made_by_the_doer(tok, verb)):
            agents += self._by_whom(verb)  # "Lopez was arrested by Porto police"
        if tok != verb and not agents and kind not in _SETTINGS:
            agents += self._country_owners(tok)  # "Varda's crackdown": Varda did it
        scope = list(tok.subtree) if tok != verb else list(verb.children)
        if tok != verb and tok.head == verb and tok.dep_ == "dobj":
            scope += _with_whom(verb)  # "filed a lawsuit against X"
        participants += self._actors_in(t for t in scope if t.dep_ in _PARTICIPANT_DEPS)
        if tok != verb:  # "Kellan was charged in the bombing": Kellan took part
            accused = (self.r.resolve(t) for t in self.triggers.accused_in(tok))
            participants += [hit for hit in accused if hit is not None]
        # the object's own words too: "took control of X", "the release of X"; not
        # for a noun the verb does not act on ("arrested X after the attack")
        if tok == verb or tok.head == verb and tok.dep_ in CORE_DEPS:
            for t in verb.children:
                if t.dep_ in ("dobj", "nsubjpass"):
                    participants += self._actors_in(t.subtree)
        if (
            not agents
            and not participants
            and not stance  # "the workers said they would oppose the closure"
            and claim is not None
            and self.r.cluster(claim.claimant).kind == "Organization"
            and kind in lx.SELF_REPORTED_TYPES
        ):
            # a company's own statement about its figures or jobs is about itself
            participants.append(claim.claimant)
        agents = list(dict.fromkeys(agents))
        participants = [p for p in dict.fromkeys(participants) if p not in agents]
        for c in agents + participants:
            self.r.cluster(c).acts = True
        return agents, participants, guessed

    def _by_whom(self, verb: Token) -> list[int]:
        """The doers a passive verb names after its "by", besides its subject."""
        noun = agent_of(verb)
        if noun is None:
            return []
        hits = (self.r.resolve(who, pronouns=False) for who in (noun, *noun.conjuncts))
        return [hit for hit in hits if hit is not None]

    def _pronoun_owners(self, noun: Token) -> list[int]:
        """Whom the possessive pronoun on the event's noun stands for."""
        found = (self.r.antecedents.owner(c) for c in noun.children if c.dep_ == "poss")
        return [hit for hit in found if hit is not None]

    def _country_owners(self, noun: Token) -> list[int]:
        """The countries whose possessive the event's noun takes: a country's own
        crackdown, offensive or budget is its deed, though a place is no
        participant elsewhere ("an attack in Varda")."""
        out = []
        for c in noun.children:
            between = self.doc[c.right_edge.i + 1 : noun.i]
            if c.dep_ != "poss" or any(t.is_punct for t in between):
                continue  # "Varda's (photo) search": a page's words cut in
            hit = self.r.cluster_at(c)
            if hit is None:
                continue
            place = self.r.cluster(hit).place
            if place is not None and place.kind == "country":
                out.append(hit)
        return out

    def _a_place(self, cluster: int) -> bool:
        return self.r.cluster(cluster).kind == "Location"

    def _actors_in(self, toks: Iterable[Token]) -> list[int]:
        """The clusters (places aside) that the tokens belong to, in token order."""
        out = []
        for t in toks:
            hit = self.r.cluster_at(t)
            if hit is not None and not self._a_place(hit):
                out.append(hit)
        return out

    def _event_places(self, tok: Token, verb: Token) -> list[int]:
        places: list[int] = []
        roots = [tok] if tok == verb else [tok, verb]
        for root in roots:
            for t in root.subtree:
                hit = self.r.cluster_at(t)
                if hit is None or self.r.cluster(hit).kind != "Location":
                    continue
                if _via_place_prep(t, root):
                    places.append(hit)
        if not places:
            # any place of the sentence, but one in a description of the
            # verb's own subject or object ("Lopez, the mayor of Orlen, was
            # attacked") is theirs
            places = [
                m.cluster
                for m in self._location_mentions(tok.sent)
                if verb not in self.doc[m.start].ancestors
                or not _in_description(_path_up(self.doc[m.start], verb))
            ]
        return list(dict.fromkeys(places))

    def _places_before(self, sent: Span) -> list[int]:
        """The one place of the sentence before, in the same paragraph: a
        narrative goes on where it was ("… near Tarsk on Monday. Six died.")."""
        before = sentence_before(sent)
        found = self._places_in(before) if before is not None else []
        return found[:1] if len(set(found)) == 1 else []

    def _places_in(self, sent: Span) -> list[int]:
        return [m.cluster for m in self._location_mentions(sent)]

    def _location_mentions(self, sent: Span) -> list[Mention]:
        return [
            m
            for m in self.r.mentions.items
            if m.kind == "Location" and sent.start <= m.start < sent.end
        ]

    def _attach_figures(self, events: list[RawEvent]) -> None:
        # the sentences of each event's triggers, found once: spaCy builds a Span
        # for every Token.sent (two sentence spans of a Doc are equal when their
        # bounds are)
        sentences = [{_bounds(t.sent) for t in e.triggers} for e in events]
        for q in figures_of(self.doc):
            if any(c.states(q.span.start) for c in self.claims):
                continue
            sent_of = self.doc.char_span(
                q.span.start, q.span.end, alignment_mode="expand"
            )
            if sent_of is None:
                continue
            sent = _bounds(sent_of.sent)
            in_sent = [
                e for e, found in zip(events, sentences, strict=True) if sent in found
            ]
            if in_sent:
                target = min(
                    in_sent,
                    key=lambda e: min(abs(t.idx - q.span.start) for t in e.triggers),
                )
                target.quantities.append(q)


#: the types of what nature does, whose place may be their subject
_NATURE = frozenset({"NaturalDisaster", "Earthquake"})
#: pronouns of one person, whose antecedent is the event's doer: "she held talks"
_ONE_OF_US = frozenset({"he", "she"})
#: the types of events a country's possessive sets rather than does: "Varda's
#: floods", "Varda's elections" (its voters vote)
_SETTINGS = _NATURE | {"Election", "Vote"}
#: prepositions of a verb that name the other side of the event its object
#: names: "held talks with X", "filed a suit against X", "signed a deal between …"
_OTHER_SIDE = frozenset({"with", "against", "between"})


def _reported(verb: Token, claim: RawClaim | None) -> bool:
    """Whether the verb is in what someone says or thinks: "X says (that) he
    was …", whose "he" is often the speaker."""
    return claim is not None or any(a.dep_ == "ccomp" for a in [verb, *verb.ancestors])


def _with_whom(verb: Token) -> list[Token]:
    """The words after the verb's prepositions of the other side."""
    return [
        t
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _OTHER_SIDE
        for t in c.subtree
    ]


def _before_or_after(noun: Token) -> bool:
    """ "opened in May, a year after the fire": the fire is not of the verb's
    time (after a bare "after" it may be); nor "met on Monday ahead of the vote",
    "on the eve of the final": what is awaited is later."""
    return span_apart(noun) is not None or awaited(noun)


def _the_accused(deed: Token) -> Token | None:
    """Whom a legal step says did the deed: the object of "police accused X of
    killing …", not the accusers; the subject of "faces charges of …"."""
    step = deed.head.head
    if _lemma(step) in _ACCUSED:
        return None
    return next(
        (
            c
            for c in step.children
            if c.dep_ in ("dobj", "dative") and _lemma(c) not in lx.LEGAL_STAGES
        ),
        None,
    )


#: verbs of a legal step whose subject is the one accused: "faces charges"
_ACCUSED = frozenset({"face", "plead", "deny", "admit"})


def _bounds(sent: Span) -> tuple[int, int]:
    return sent.start, sent.end


def _perfect(tok: Token) -> bool:
    """The trigger's verb in the present perfect (:func:`present_perfect`)."""
    return present_perfect(_anchor_verb(tok))


def _told_next(ev: RawEvent, events: list[RawEvent]) -> list[RawEvent]:
    """The events of the sentence after ``ev``'s (in its paragraph or at the next
    one's start) that may tell the same deed again with a date of their own: one
    of its type, or of a type that tells such a deed ("arrested", "detained"),
    with none but its people, and not another one of its kind."""
    after = sentence_after(ev.triggers[0].sent)
    if after is None:
        return []
    return [
        e
        for e in events
        if e.triggers[0].sent == after
        and e.date is not None
        and not {"date", "now"} & e.carried
        and _one_deed_type(ev, e)
        and not _others_in_a_role(ev, e)
        and not _another_one(e)
        and not _once_more(e)
    ]


def _sets_a_scene(ev: RawEvent) -> bool:
    """An attack or a death whose scene the next sentence may set: not one told as
    coming after another thing ("has died after a fire"), whose scene that is."""
    verb = _anchor_verb(ev.triggers[0])
    # "after a fire" hangs on the verb, "after being attacked" on its clause
    words = [w for c in verb.children for w in (c, *c.children)]
    return ev.event_type in lx.SCENE_TYPES and not any(
        w.lower_ == "after" for w in words
    )


def _of_another_scene(ev: RawEvent, sent: Span) -> bool:
    """Whether ``sent`` tells ``ev``, other than as what it says happened then
    ("The attack happened on Saturday": the scene of what the sentence before
    told, "two soldiers have been wounded"); "the crash" of the sentence before
    told again is its own."""
    first = ev.triggers[0]
    own_subject = (
        first.sent == sent and first.dep_ == "nsubj" and first.head == sent.root
    )
    return any(t.sent == sent for t in ev.triggers) and not own_subject


def _others_in_a_role(a: RawEvent, b: RawEvent) -> bool:
    """Whether both name who did it, or both whom it was done to, and no one in
    common: "police arrested X", "officers arrested Y"; not "X has been fined",
    "the regulator imposed the fine on Monday" (whom, then who)."""
    (a_agents, a_others), (b_agents, b_others) = _who(a), _who(b)
    if _people(a) & _people(b):
        return False
    return bool(a_agents and b_agents or a_others and b_others)


def _one_deed_type(a: RawEvent, b: RawEvent) -> bool:
    if a.event_type == b.event_type or _kindred(a, b) is not None:
        return True
    return any({a.event_type, b.event_type} <= kin for kin in lx.ONE_DEED_TYPES)


# a noun that is the verb's own subject or object shares its tense
def _date_from_the_match(events: list[RawEvent]) -> None:
    """In a match report, a goal or a win the text does not date is on the day of
    the match dated before it (else after it): one report, one match day."""
    dated = [e for e in events if e.event_type == "SportsMatch" and e.date]
    for ev in events:
        if ev.event_type != "SportsMatch" or ev.date or not dated:
            continue
        at = ev.triggers[0].i
        before = [e for e in dated if e.triggers[0].i < at]
        ev.date = (before[-1] if before else dated[0]).date


def _via_place_prep(tok: Token, root: Token) -> bool:
    """Whether a place name is where the event happened: after a preposition of
    place or as a word on a noun of it; not inside what describes someone ("Lopez,
    the mayor of Orlen, was attacked in Tarsk"; "arrested two men who had robbed a
    Varda bank")."""
    path = _path_up(tok, root)
    if _in_description(path):
        return False
    for cur in path:
        if cur.dep_ == "pobj" and cur.head.lower_ in _PLACE_PREPS:
            return True
        if cur.dep_ in ("poss", "compound", "npadvmod") and cur.head.i != root.i:
            return True
    return False


def _path_up(tok: Token, root: Token) -> list[Token]:
    """The tokens from ``tok`` up to ``root`` (or the sentence's root), ``root``
    left out."""
    path = []
    while tok != root and tok.head != tok:
        path.append(tok)
        tok = tok.head
    return path


def _in_description(path: list[Token]) -> bool:
    return any(map(_describes_another, path))


def _describes_another(tok: Token) -> bool:
    """A description set beside a name, an apposition that is no name itself:
    "Lopez, the mayor of Orlen, was attacked in Tarsk", "in Tarsk, the capital of
    Varda" (not "40 km below ground, some 12 km north of Orlen", where the parser
    hangs a measure beside a measure). Not a clause on a noun: "hostages held in
    Varda were released" were released there too; but where someone lives is
    theirs: "Kellan, who lives in Orlen, won …"."""
    if tok.dep_ == "relcl" and tok.lemma_.lower() in lx.HOME_VERBS:
        return tok.head.pos_ == "PROPN"
    return tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN"


#: types too broad to tell that two words name one event: only the same kind of
#: word does ("the approval" and "a diagnosis" are two health events)
_BROAD_TYPES = frozenset(
    {
        "OtherEvent",
        "HealthEvent",
        "ScienceEvent",
        "BusinessEvent",
        "PoliticsEvent",
        "ConflictEvent",
    }
)


def _counted_from_named(events: list[RawEvent]) -> None:
    """An event set a span of time from another the article names and dates
    ("arrested them two days after the attack", "a week before the vote", after
    the attack or the vote was dated) is that span from that date; its own date
    in its sentence wins, one carried from a sentence before does not. No date
    when the named event has no day: never a guess."""
    for ev in events:
        if ev.date is not None and "date" not in ev.carried:
            continue
        # "the arrests came two days after the attack": the noun's verb says when
        toks = [*ev.triggers, *(t.head for t in ev.triggers if t.dep_ == "nsubj")]
        when = next(filter(None, (_apart_from_named(t, events) for t in toks)), None)
        if when is not None:
            ev.date, ev.carried = when, ev.carried - {"date"}


def _apart_from_named(tok: Token, events: list[RawEvent]) -> DateValue | None:
    """The date ``tok`` is set at by "two days after the attack" on it, counted
    from the day of the event that "the attack" is a trigger of."""
    for obj in prep_objects(tok, ("after", "before")):
        found = span_apart(obj)
        if found is None:  # first: most "after"s count no span, so no scan
            continue
        named = next((e for e in events if obj in e.triggers), None)
        if named is None or tok in named.triggers:
            continue
        if named.date is not None and named.date.precision == "day":
            return apart_by(named.date, found[0], later=found[1] == "after")
    return None


def _refers_to(ev: RawEvent, earlier: RawEvent) -> bool:
    """Whether "the …" can refer back to an earlier event: one of its type, and of
    its kind when the type is the catch-all ("the expedition" is no tribute), with
    no date or place of its own that sets it apart ("the convention in 1976")."""
    tok = ev.triggers[0]
    same = (
        ev.event_type == earlier.event_type
        or _general_for(tok, earlier, tok.i)
        or _one_deed_type(ev, earlier)  # "police detained six … the arrests"
    )
    if not same or _another_one(ev):
        return False
    if ev.event_type != earlier.event_type and _of_whom(ev.triggers[0]):
        if not _people(ev) & _people(earlier):
            return False  # "the deaths of a handful of officers": whose, its own
    # "doctors contained that outbreak in July": the date of what befell the one
    # that the demonstrative points back to
    if _apart(ev, earlier, places=False, dates=not _pointed_back(tok)):
        return False
    return ev.event_type not in _BROAD_TYPES or bool(
        _kind_words(ev) & _kind_words(earlier)
    )


#: words that make "the …" another one of its kind: "the last convention"
_OTHER_ONE = frozenset(
    "last previous next earlier later former first second third another other".split()
)


def _another_one(ev: RawEvent) -> bool:
    """ "the last convention", "a second quake", "another bomb exploded": another
    one of its kind; not "was first introduced", which says when it first
    happened."""
    tok = ev.triggers[0]
    words = [
        c
        for c in tok.children
        if not (tok.pos_ == "VERB" and c.dep_ == "advmod" and c.lower_ == "first")
    ]
    if tok.pos_ == "VERB":
        words += [w for c in tok.children if c.dep_ in _SUBJECTS for w in c.children]
    return any(c.lower_ in _OTHER_ONE for c in words) or _in_other_places(tok)


def _in_other_places(verb: Token) -> bool:
    """ "gunmen fought in other districts": the same deed told of other places is
    another one, whatever its verb shares with the first."""
    return verb.pos_ == "VERB" and any(
        w.lower_ == "other"
        for obj in prep_objects(verb, ("in", "at", "across"))
        if obj.ent_type_ not in ("DATE", "TIME")
        # places only: "in other respects" tells no other deed
        and (obj.lemma_.lower() in _OTHER_PLACES or obj.ent_type_ in ("GPE", "LOC"))
        for w in obj.children
    )


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: where else a deed can be told: the place nouns, and the words for parts of one
_OTHER_PLACES = lx.PLACE_NOUNS | {"area", "part", "place", "location", "site", "state"}


def _light_verbs_event(events: list[RawEvent], tok: Token) -> RawEvent | None:
    """The event of the light verb that takes ``tok``'s event as its object
    ("mounted an offensive", "the launch of a campaign"), which is that
    event and takes its type; None when no event is that verb's alone. A verb
    of winning, of the catch-all type, is light too: "winning the Varda Awards"
    is the awards' event."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head  # "the launch of a campaign"
    elif tok.dep_ != "dobj":
        return None
    if head.i == tok.i:
        return None
    light = _lemma(head) in lx.LIGHT_VERBS
    # "winning the Varda Awards"; not "fled the fighting", "paid a fine"
    catch_all = head.pos_ == "VERB" and _lemma(head) in _WINNING_VERBS
    return next(
        (
            e
            for e in events
            if e.triggers == [head]
            and (light or catch_all and e.event_type == "OtherEvent")
        ),
        None,
    )


def _agreed_deed(events: list[RawEvent], verb: Token) -> RawEvent | None:
    """The agreement whose "to" clause the verb is: "signed an agreement to buy
    the stake" is the agreement, what it says is done is not done yet."""
    if verb.dep_ != "acl" or not any(c.tag_ == "TO" for c in verb.children):
        return None
    return next(
        (e for e in events if verb.head in e.triggers and e.event_type in _CONSENTED),
        None,
    )


#: the types of the toll an event takes, told by a verb whose subject it is
_TOLLS = frozenset({"Casualties", "Death"})


def _tolls_merged(events: list[RawEvent]) -> list[RawEvent]:
    """The events, the deaths and injuries that a verb tells as another event's
    toll merged into that event, with the words told of them together ("the
    outbreak has killed 200 … the death toll")."""
    return _merged_into_earlier(events, lambda e, ev: _toll_of(ev, e))


def _one_phrase_merged(events: list[RawEvent]) -> list[RawEvent]:
    """The events, a word of violence or death that names the kind of another's
    noun merged into it: "the shooting death of X", "a knife attack"."""
    kept = list(events)
    for ev in events:
        target = next((e for e in kept if e is not ev and _names_its_kind(ev, e)), None)
        if target is not None:
            _merge(target, ev)
            kept.remove(ev)
    return kept


def _names_its_kind(ev: RawEvent, head: RawEvent) -> bool:
    """Whether a word of ``ev`` is a word on a noun of ``head`` just after it, both
    of violence or death (the parser hangs "shooting" on "death", or "death" on
    "shooting" as its object)."""
    if not {ev.event_type, head.event_type} <= lx.SCENE_TYPES:
        return False
    return any(
        h.i == t.i + 1 and h.pos_ == "NOUN" and h in (t.head, *t.children)
        for t in ev.triggers
        for h in head.triggers
    )


def _harms_merged(events: list[RawEvent], r: Resolver) -> list[RawEvent]:
    """The events, the deaths and wounds an attack on people caused merged into
    it: the harm is what the shooting, stabbing or bombing did, one happening
    ("shot and killed", "was killed in the attack", "stabbed to death", the
    victim the attack names). Deaths in a war's fighting, and those a storm or
    a quake caused, are news of their own."""
    kept = list(events)
    for harm in events:
        if harm.event_type not in _TOLLS:
            continue
        attack = next((e for e in kept if _harm_of(harm, e, r)), None)
        if attack is not None:
            _merge(attack, harm)
            kept.remove(harm)
    return kept


def _harm_of(harm: RawEvent, attack: RawEvent, r: Resolver) -> bool:
    """Whether ``harm`` is what ``attack``, one act of violence, did to people:
    told with it, or befalling a person it names as its victim, with no date
    apart and no word that makes it another one."""
    if attack.event_type != "Attack" or _warfare(attack):
        return False
    if set(attack.agents) & set(harm.participants):
        return False  # "the gunman was shot dead by police": another deed
    if _apart(attack, harm, places=False):
        return False  # "attacked it on May 20 and killed nine the next day"
    if any(_told_with(t, set(attack.triggers)) for t in harm.triggers):
        return True
    if _another_one(harm) or _once_more(harm):
        return False
    if _same_hands_same_day(attack, harm):
        return True  # "killed six shoppers on May 3, shooting them"
    victims = _who(attack)[1] & _people(harm)
    return any(r.cluster(c).kind == "Person" for c in victims)


def _same_hands_same_day(attack: RawEvent, harm: RawEvent) -> bool:
    """Whether the attack and the harm are dated to one day by their own words
    and have a doer in common: one rampage."""
    (attackers, _), (killers, _) = _who(attack), _who(harm)
    dates = (attack.date, harm.date)
    return (
        bool(attackers & killers)
        and not {"date", "now"} & (attack.carried | harm.carried)
        and all(d is not None and d.precision == "day" for d in dates)
        and attack.date == harm.date
    )


def _told_with(harm: Token, attack: set[Token]) -> bool:
    """Whether a word of harm is tied to a word of the attack: joined to it ("shot
    and killed", "shooting and killing"), set in it ("was killed in the attack",
    "were also wounded in the attack"), its end ("stabbed to death") or a clause on
    what it hit ("the bombing of a clinic that killed a guard")."""
    if any(c in attack for c in harm.conjuncts):
        return True
    if any(o in attack for v in (harm, *harm.conjuncts) for o in _in_what(v)):
        return True
    head = harm.head
    if harm.dep_ == "pobj" and head.lower_ == "to" and head.head in attack:
        return harm.lemma_.lower() == "death"  # "shot to death"
    return (
        harm.dep_ == "relcl"
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head in attack
    )


def _in_what(verb: Token) -> list[Token]:
    return prep_objects(verb, ("in", "during")) if verb.pos_ == "VERB" else []


def _warfare(attack: RawEvent) -> bool:
    """An attack told by a word of war: its deaths are a toll of their own."""
    return any(_lemma(t) in _WAR_WORDS for t in attack.triggers)


#: words of a war's fighting, whose dead a report counts apart ("1,000 people
#: have been killed in the border fighting")
_WAR_WORDS = frozenset(
    """fighting fight clash clashes war battle offensive invasion siege shelling
    bombardment airstrike strike incursion skirmish firefight""".split()
)


def _toll_of(toll: RawEvent, ev: RawEvent) -> bool:
    """Whether a verb of ``toll`` has a noun of ``ev`` for its subject: "the
    outbreak has killed 200 people", "the attack that killed nine and wounded 23";
    not "struck …, killing 12" nor "the storm killed 12", whose deaths a report
    tells as news of their own."""
    if toll.event_type not in _TOLLS or ev.event_type in _TOLLS:
        return False
    return any(n in ev.triggers for t in toll.triggers for n in _toll_subjects(t))


def _toll_subjects(verb: Token) -> list[Token]:
    """The nouns a verb of killing has for its subject, or that its relative
    clause is on."""
    if verb.pos_ != "VERB":
        return []
    # "the storm killed six people on Sunday" tells the deaths as news of their
    # own; "the outbreak has killed 200 so far" counts the outbreak's toll
    perfect = present_perfect(verb)
    while verb.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        verb = verb.head  # "killed 58 and wounded hundreds": the first verb's subject
        perfect = perfect or present_perfect(verb)
    nouns = [
        c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and perfect
    ]
    if verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children
    ):
        nouns.append(verb.head)  # "the raid that killed nine"
    return nouns


def _its_nouns_event(events: list[RawEvent], verb: Token, kind: str) -> RawEvent | None:
    """The event of the noun whose phase a verb of the catch-all type tells:
    "the talks reopen on Tuesday" are the talks, not a second event ("the
    floods forced 3,000 from their homes" is one)."""
    if kind != "OtherEvent" or _lemma(verb) not in _PHASES:
        return None
    nouns = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return next((e for e in events for n in nouns if n in e.triggers), None)


#: verbs whose object is the event the winner took part in: "won the awards"
_WINNING_VERBS = frozenset({"win", "scoop", "collect"})
#: verbs of the phases of an event that is their subject: "the talks reopen"
_PHASES = frozenset(
    "open reopen resume restart begin start end close continue finish conclude".split()
)


def _words_as_backdrop(noun: Token) -> bool:
    """A noun of words said that only sets when or why another thing was done or
    said, or where a saying was made: "told reporters after the announcement",
    "reacting to the announcement", "said in a phone interview". What was said
    is the news, or the claim; the saying is no event of its own."""
    if noun.dep_ != "pobj" or _lemma(noun) not in _SPOKEN:
        return False
    prep, above = noun.head, noun.head.head
    if prep.lower_ in _AROUND:
        return True
    if prep.lower_ == "to" and _lemma(above) in _REACTING:
        return True
    return prep.lower_ in ("in", "during") and is_quote_cue(above)


#: nouns of words said: "the announcement", "an interview"
_SPOKEN = frozenset({"announcement", "interview", "statement", "remarks"})
#: verbs of reacting to what was said: "reacting to the announcement"
_REACTING = frozenset({"react", "respond", "reply"})


def _imperative(tok: Token) -> bool:
    """A verb that opens its sentence bare, with no subject: "Visit Porto this
    summer", "Read more": a bidding, no event told."""
    if tok.tag_ != "VB" or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in tok.children):
        return False
    return tok == next((t for t in tok.sent if not t.is_punct), None)


def _a_series(tok: Token) -> bool:
    """ "their last six matches", "the past three elections": a record of many, not
    an event."""
    before = [t for t in tok.subtree if t.i < tok.i]  # "six" may hang on "league"
    return (
        tok.tag_ == "NNS"
        and any(t.dep_ == "nummod" for t in before)
        and any(t.lower_ in _OTHER_ONE | {"past"} for t in before)
    )


#: states, plans and verbs of saying about something ("blasted the plan"); but
#: police that questioned someone did something
_NOT_DEEDS = lx.NOT_DEEDS | (lx.OBJECT_CUES - {"question"})


def _found_something(verb: Token) -> bool:
    """ "researchers found the wreck": a finding of a thing, not "found that …",
    "found it hard" or "found him guilty"."""
    kids = list(verb.children)
    return (
        verb.lemma_ == "find"
        and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in kids)
        and not any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in kids)
    )


def _names_it_now(tok: Token, verb: Token) -> bool:
    """Whether a present tense of the verb speaks of the event as scheduled: the
    verb is the event ("Leeds play Bristol on Sunday"), or does it to the event's
    noun ("the trial resumes on Thursday", "voters go to the polls on Sunday");
    not a saying ("the report says …")."""
    if tok == verb:
        return True
    return (
        verb.pos_ == "VERB"
        and not is_quote_cue(verb)
        and (tok.head == verb or tok.head.head == verb and tok.dep_ == "pobj")
    )


def _a_span_of_time(ent: Span) -> bool:
    """ "chaired the board from 2009 until 2015": how long a state lasted."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in _SPAN_PREPS


_SPAN_PREPS = frozenset({"from", "until", "till", "through", "between", "to"})


def _done_by_an_event(verb: Token, taken: set[int]) -> bool:
    """ "the storm swept over …" is the storm; "40 percent of adults had received
    …" is a figure, not a deed."""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        words = _without_clauses(subj)
        if any(t.i in taken or t.lemma_.lower() in lx.NOUN_TRIGGERS for t in words):
            return True
        if subj.lower_ in lx.PEOPLE_NOUNS | {"people"}:
            continue  # "4,000 volunteers cleaned the beaches": people did it
        if any(t.like_num or t.lower_ in ("percent", "%") for t in words):
            return True
    return False


def _without_clauses(noun: Token) -> list[Token]:
    """The noun's phrase without the clauses that describe it: "Varda, which
    joined the bloc in 2004," is Varda; the joining is a deed of its own."""
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    inside = {t.i for c in clauses for t in c.subtree}
    return [t for t in noun.subtree if t.i not in inside]


def _passive(verb: Token) -> bool:
    """Said of what is done to its subject, or joined to such a verb: "was
    arrested on Friday and released on Sunday"."""
    return any(c.dep_ == "nsubjpass" for v in _and_its_head(verb) for c in v.children)


def _finite_participle(verb: Token) -> bool:
    """A participle with its own auxiliary, or one it shares with the verb it is
    joined to: "was arrested on Friday and released on Sunday"."""
    return any(
        c.dep_ in ("aux", "auxpass") for v in _and_its_head(verb) for c in v.children
    )


def _and_its_head(verb: Token) -> tuple[Token, ...]:
    """The verb, and the verb it is joined to if it is."""
    return (verb, verb.head) if verb.dep_ == "conj" else (verb,)


def _happens(tok: Token) -> bool:
    """A common noun, of no one and no stretch of time, that is the subject of
    "take place", "occur", "be held", or of "run", "start", "end" … with a date."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    if lemma in lx.PEOPLE_NOUNS | lx.INSTITUTION_NOUNS | lx.BODY_NOUNS | _SPANS:
        return False
    if lemma in lx.ROLE_WORDS | lx.KIN_WORDS:
        return False  # "the mayor started on Monday": someone, not something
    if lemma in lx.ECONOMY_SUBJECTS | _MEASURES:
        return False  # "prices ended the week higher": a figure that moved
    if lemma in _ANY_EVENT and _anaphoric(tok):
        return False  # "after the incident occurred": told before, whatever it was
    verb = tok.head
    verb_lemma = verb.lemma_.lower()
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False  # "began to rise", "began building": the act is another
    if verb_lemma in ("occur", "happen"):
        return True
    if verb_lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    ):
        return True
    if any(c.dep_ == "dobj" for c in verb.children):
        return False  # "the board began talks": the doer, not the deed
    if verb_lemma in _HELD and tok.dep_ != "nsubjpass":
        return False  # "the talks were held on Monday"; not "she held talks"
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "meetings were set up", "the plant ran out of …"
    return verb_lemma in _RUNNING | _HELD and any(
        t.ent_type_ == "DATE"
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod")
        for t in c.subtree
    )


#: verbs of how long something goes on, which a date makes an event's
_RUNNING = frozenset("run start begin end close finish continue resume last".split())
#: verbs whose passive subject, with a date, is an event set for it: "the talks
#: were held on Monday", "the second leg is slated for June 21" (whose lemma
#: the lemmatiser gives as "slat")
_HELD = frozenset({"hold", "slate", "slat", "schedule", "set"})
#: verbs that say an event goes on, whose modals are the event's
_GOING_ON = _RUNNING | {"occur", "happen", "take", "go"}
#: nouns for any event, which say nothing of which: "the incident"
_ANY_EVENT = frozenset("incident event episode affair matter thing situation".split())
#: what is measured, whose moves are figures: "prices ended higher"
_MEASURES = frozenset(
    """price cost rate index share stock market currency bond yield sale revenue
    profit demand supply""".split()
)
#: nouns of stretches of time, which run and end without being events
_SPANS = frozenset(
    """season year week month day term period quarter deadline window time
    decade century era half career tenure reign life""".split()
)


#: words for one person: "a Varda man pleaded guilty …", "the leader signed …"
_ONE_PERSON = (lx.PERSON_WORDS | lx.PERSON_DESCRIPTIONS) - lx.ROLE_MODIFIERS


def _doer(verb: Token) -> bool:
    """A subject that names people or a body: "the band released …", "police
    arrested …"; not "the doors swung open" nor "the end of the year provided …"."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and _people_or_body(c) for c in verb.children
    )


def _people_or_body(noun: Token) -> bool:
    """A noun for people, a person or a body: "researchers", "the board"."""
    return noun.lemma_.lower() in _ACTOR_NOUNS or noun.lower_ in _ACTOR_NOUNS


#: nouns for people, a person or a body
_ACTOR_NOUNS = lx.PEOPLE_NOUNS | lx.INSTITUTION_NOUNS | lx.BODY_NOUNS | _ONE_PERSON


def _someone(tok: Token) -> bool:
    """A person, a body or a country, by name, pronoun or noun: "the minister",
    "Kestrin", "them"; not "a news conference"."""
    named = tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    return named or tok.pos_ == "PRON" or _people_or_body(tok)


def _habit(tok: Token) -> bool:
    """ "he often travels abroad", "they have met over the years", "angry every
    time a man was shot": a habit."""
    if _each_time(tok):
        return True
    if tok.pos_ != "VERB":
        return False
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in lx.HABITUAL_ADVERBS:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "over"
            and any(g.lower_ in ("years", "decades") for g in c.children)
        ):
            return True
    return _every_so_often(tok)


def _each_time(tok: Token) -> bool:
    """Whether the word is in a clause of what happens each time something else
    does: "every time he heard of a shooting", "whenever police raid a home"."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "relcl" and anc.head.lemma_.lower() == "time":
            if any(
                d.dep_ == "det" and d.lower_ in ("every", "each")
                for d in anc.head.children
            ):
                return True
        if any(c.lower_ == "whenever" for c in anc.children):
            return True
    return False


def _every_so_often(verb: Token) -> bool:
    """ "smoking kills thousands every year", "kills 3,000 people a year": the
    present with a rate in time says what keeps happening, not that it happened."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    # the parser may hang the rate on the object: "kills [3,000 people a year]"
    near = [
        *verb.children,
        *(g for c in verb.children if c.dep_ == "dobj" for g in c.children),
    ]
    return any(
        c.dep_ in ("npadvmod", "tmod")
        and c.lemma_.lower() in _RATE_SPANS
        and any(d.dep_ == "det" and d.lower_ in _RATE_WORDS for d in c.children)
        for c in near
    )


#: spans of time a rate is counted in, and the words that make one a rate (not
#: ``_SPANS`` above, the stretches of time that are no events)
_RATE_SPANS = frozenset("hour night day week month season year decade".split())
_RATE_WORDS = frozenset({"every", "each", "a", "an", "per"})


#: prepositions that tell what a verb is about, not what its subject took part
#: in: "weighed in on the fight", "talked about the attack"
_ABOUT = frozenset({"on", "about", "over", "regarding", "concerning", "against"})
#: and, for a subject that acts, the time of another event: "arrested X after
#: the attack" ("was convicted after a trial": the one convicted was in it)
_AROUND = frozenset({"after", "before", "since", "following"})


def _not_the_verbs_own(noun: Token, verb: Token, passive: bool) -> bool:
    """Whether a noun's event is only what the verb is about or follows, so that
    the verb's subject took no part in it."""
    if noun.dep_ == "dobj" and noun.head == verb:
        return _lemma(verb) in _STANCES  # "the union will fight the closure"
    if _charged(noun, verb) is not None:
        # "police charged him in the killing": not the killers; but he who faces
        # charges over it, or pleads guilty to it, is the one accused
        return not passive and _lemma(verb) not in _ACCUSED
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head != verb:
        return False
    return prep.lower_ in _ABOUT or (prep.lower_ in _AROUND and not passive)


#: verbs of a stance on an event, whose subject is not its doer: "the union will
#: fight the closure", "rivals condemned the attack"
#: (not "announced the recall": a firm announces its own deeds)
_STANCES = lx.STANCE_CUES | frozenset(
    """fight oppose resist protest welcome challenge contest support back mourn
    investigate probe discuss mention describe recount address""".split()
)


def _charged(noun: Token, verb: Token) -> Token | None:
    """The deed a legal step on ``verb`` is over, when the noun is that deed or in
    its words: "jailed on Monday over the massacre of prisoners after the siege
    of the town" (the siege is not Monday's either)."""
    cur = noun
    while cur != verb and cur.head != cur:
        if charged_deed(cur):
            return cur
        cur = cur.head
    return None


def _talked_of(noun: Token, verb: Token) -> bool:
    """A noun whose event the verb only speaks of or takes a stance on: "the
    mayor discussed the shooting on Monday", "condemned the attack", "spoke
    about the crash"; the day of the talk is not the event's."""
    if noun.dep_ == "dobj" and noun.head == verb:
        return _lemma(verb) in _STANCES
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head != verb or prep.lower_ not in _ABOUT:
        return False
    # "went on three space walks on Tuesday" is the walks' day
    return _lemma(verb) in _STANCES | lx.TALKING or is_quote_cue(verb)


def _made_by_the_doer(noun: Token, verb: Token) -> bool:
    """Whether whoever the passive verb's "by" names did the event of its noun
    subject: "an inquiry was launched by X", not "the attack was condemned by X"."""
    return (
        noun.head == verb and noun.dep_ == "nsubjpass" and _lemma(verb) not in _STANCES
    )


def _pointed_back(noun: Token) -> bool:
    """ "that outbreak", "this attack": a demonstrative points back to one told."""
    return any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in noun.children)


def _anaphoric(tok: Token) -> bool:
    """ "the quake", "the cuts": a definite noun that refers back to an event."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
        for c in tok.children
    )


def _hypothetical(tok: Token) -> bool:
    """An event that may or may not happen: under "if" or "whether", what would
    follow if something else did ("the army could attack if talks fail"), what
    only might happen ("a flood could hit the town"), or what something is done
    in order to bring about."""
    # the verb itself or what it does ("could launch an attack"); not its subject
    # ("the attack could be linked to …" happened), nor what it acts on ("could
    # block the visit": the visit is planned)
    doer = tok if tok.pos_ in ("VERB", "AUX") else None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DOING_VERBS:
        doer = tok.head
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WANTING:
        return True  # "wants a total shutdown", "demanded a recount"
    if doer is not None and (
        _possible_only(doer)
        or _on_a_condition(doer, list(doer.children))
        or _asked_or_proposed(doer)
        or _only_hoped(doer)
    ):
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _FEARING:
        return True  # "residents fear another flood", "expect a recession"
    if tok.dep_ in ("dobj", "xcomp") and tok.head.lemma_.lower() in _AVOIDING:
        return True  # "avoided civilian casualties", "prevented a strike"
    if tok.dep_ == "dobj" and _sought(tok.head):
        return True  # "gave ground to win a swift deal": aimed at, not won
    if _under_a_refusal(doer or tok):
        return True  # "chose not to push for lenders agreeing to fund it"
    if (
        tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in ("face", "carry")
        and lx.LEGAL_STAGES.get(_lemma(tok)) == "sentence"
    ):
        return True  # "faces a fine", "the charge carries a fine": not yet given
    if tok.dep_ == "nsubj" and _indefinite(tok) and _possible_only(tok.head, _WOULD):
        return True  # "a merger would create the largest bank"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _GOING_ON:
        if _possible_only(tok.head):
            return True  # "the strike could start next week", "talks might resume"
    if tok.dep_ == "nsubj" and any(
        c.dep_ == "acomp" and c.lower_ in ("likely", "unlikely")
        for c in tok.head.children
    ):
        return True  # "talks are likely to resume"
    for anc in [tok, *tok.ancestors]:
        kids = list(anc.children)
        if any(c.dep_ == "mark" and c.lower_ in _IF_WORDS for c in kids):
            return True
        if _in_order_to(anc, kids):
            return True
        if anc.dep_ == "pcomp" and anc.head.lower_ == "of":
            if anc.head.head.lower_ == "short":
                return True  # "two seats short of capturing a majority"
        if anc.dep_ == "acl" and anc.tag_ == "VBG" and _lemma(anc.head) in _RULES:
            return True  # "a law banning rallies": what the law says, no deed
        if anc.dep_ in ("xcomp", "ccomp") and anc.head.lemma_.lower() in _ALLOWING:
            return True  # "the rule requires agencies to consult …", "lets firms …"
        if anc.tag_ == "VBG" and anc.dep_ in ("xcomp", "dobj"):
            if anc.head.lemma_.lower() in _WEIGHING:
                return True  # "discussed raising taxes": an option, not a deed
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in _PROPOSING | _MEANING:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in anc.children):
                return True  # "has no plans to resign", "no intention of leaving"
    return False


_IF_WORDS = ("if", "unless", "whether")
#: nouns of rules, whose "-ing" clause says what they lay down: "a law banning …"
_RULES = frozenset(
    """law rule bill decree order ordinance regulation measure legislation policy
    ban act""".split()
)
#: verbs whose object is the event they do: "launch an attack", "hold talks"
_DOING_VERBS = frozenset(
    """hold launch stage carry conduct make start begin mount sign reach call pay
    take give have""".split()
)
#: verbs whose object is an event wished for, not one that happened
_WANTING = frozenset({"want", "wish", "demand", "seek", "propose", "request", "urge"})
#: nouns of what someone proposes to do: "a proposal to ban imports"
_PROPOSING = frozenset(
    """proposal call demand suggestion idea threat pledge promise vow offer push
    bid""".split()
)
#: nouns of what someone is loath or fails to do: "his refusal to testify"
_SHUNNING = frozenset("reluctance refusal unwillingness failure".split())
#: nouns of what someone means or tries to do: "plans to resign", "no attempt to"
_MEANING = frozenset(
    {"plan", "intention", "intent", "desire", "wish", "attempt", "effort"}
)
#: verbs of asking someone to do something (not "hope" or "plan": those are planned)
_URGING = frozenset(
    """urge ask call demand request press beg want tell instruct advise encourage
    order invite suggest recommend propose insist push pressure lobby""".split()
)
#: verbs whose clause in the present after their past is proposed, not told
_PROPOSED = frozenset({"suggest", "recommend", "propose", "insist", "demand", "ask"})
#: verbs of weighing a course not yet taken: "considered closing the school"
_WEIGHING = frozenset(
    """consider discuss debate weigh mull contemplate explore study suggest
    propose recommend""".split()
)
#: verbs of what a rule or a law lets or makes someone do: a possibility, not a
#: deed ("the law allows the council to hold a vote")
_ALLOWING = frozenset(
    "allow let permit enable require authorize authorise entitle empower".split()
)
#: modals of what only may happen (not "will", nor "may have": a guess about the
#: past), or of what ought to ("should be fined", "must resign": a demand, not a deed)
_POSSIBLE = frozenset({"could", "might", "may", "should", "must", "ought"})
#: and of what would follow, for an event named only as a kind ("a merger would …")
_WOULD = _POSSIBLE | {"would"}
#: verbs whose "to" clause is hoped for, tried, threatened or refused, not done
#: ("plan to" is planned)
_HOPING = frozenset(
    """hope want wish try attempt seek aim dream aspire expect fear risk
    struggle threaten refuse fail""".split()
)
#: verbs of a wish, whose clause with "would" is wished, not planned
_WISHING = frozenset({"hope", "wish", "want", "pray", "dream"})
#: verbs whose object is an event feared or foreseen: "fear another flood"
_FEARING = frozenset({"fear", "expect", "anticipate", "predict", "forecast", "risk"})
#: verbs whose object is an event kept from happening: "avoided casualties" (not
#: "foiled an attack": a plot was there to foil)
_AVOIDING = frozenset({"avoid", "prevent", "avert", "forestall"})


def _sought(verb: Token) -> bool:
    """A verb of reaching something in a clause of purpose: "to win a swift
    deal", "to secure a ceasefire"."""
    return (
        verb.dep_ == "advcl"
        and _lemma(verb) in _REACHING
        and any(c.tag_ == "TO" for c in verb.children)
        and not any(c.dep_ == "mark" for c in verb.children)
    )


#: verbs of reaching an event, whose object in a clause of purpose is only aimed at
_REACHING = frozenset(
    "gain reach win secure obtain achieve clinch seal broker force".split()
)


def _under_a_refusal(tok: Token) -> bool:
    """A deed in the "to" or "-ing" complement of a negated verb, through its
    prepositions: "decided not to press for the firm paying", "did not agree to
    sell"; not what a negated verb of stopping let happen ("did not stop them
    from attacking")."""
    if tok.dep_ != "xcomp":
        return False  # "never blamed them for stealing it": the theft is told
    cur = tok
    while cur.dep_ in ("xcomp", "pcomp", "prep", "acomp") and cur.head != cur:
        able = cur.dep_ == "acomp"  # "Brandt won't be able to visit"
        cur = cur.head
        if cur.lower_ in _UNABLE:
            return True
        verb = cur.pos_ == "VERB" or able and cur.pos_ == "AUX"
        if verb and any(c.dep_ == "neg" for c in cur.children):
            return _lemma(cur) not in _STOPPING
    return False


#: words of what someone could not or would not do: "was unable to attend"
_UNABLE = frozenset({"unable", "unwilling"})


#: verbs whose negation lets their complement happen
_STOPPING = frozenset("stop prevent keep bar ban block deter prohibit".split())


def _only_weighed(tok: Token, kind: str) -> bool:
    """A deal or takeover that is only weighed, rejected or discussed: "the board
    will consider the offer", "urged members to reject the pact"; a deal that was
    done is said so."""
    return kind in _CONSENTED and tok.dep_ == "dobj" and _lemma(tok.head) in _WEIGHED


#: events that exist once the parties consent to them
_CONSENTED = frozenset({"Agreement", "Acquisition"})
#: verbs of weighing or turning down what is proposed
_WEIGHED = frozenset(
    """consider weigh mull debate study review examine evaluate assess discuss
    reject""".split()
)


def _forecast(tok: Token, kind: str) -> bool:
    """The move of a figure that is only foreseen: "revenue will be down 30
    percent", "costs would rise"; a figure that moved is told in the past (and
    "decided to drop the charges" is no figure's move)."""
    if kind not in _FIGURE_MOVES:
        return False
    moves = _lemma(tok) in _MOVE_WORDS or tok.lower_ in ("up", "down")
    return moves and _modality(tok) == "planned"


#: the types a figure's move is given
_FIGURE_MOVES = frozenset(
    {"MarketMovement", "FinancialResult", "BusinessEvent", "OtherEvent"}
)
#: the words of a figure's move
_MOVE_WORDS = lx.MOVEMENT_VERBS | lx.MOVEMENT_NOUNS


def _asked_or_proposed(verb: Token) -> bool:
    """ "urged the firm to cancel the flights", "asked that it investigate", "his
    proposal to ban imports": asked for or proposed, not done."""
    head = verb.head.lemma_.lower()
    if verb.dep_ == "xcomp" or verb.dep_ == "ccomp" and verb.tag_ == "VB":
        return head in _URGING
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and head in _URGING:
        # "pushed the firm to ban the sites", which the parser may take for a
        # purpose: the one pushed is asked to; not "called a news conference to
        # announce it", what was called for that purpose
        return any(c.tag_ == "TO" for c in verb.children) and any(
            c.dep_ == "dobj" and _someone(c) for c in verb.head.children
        )
    if verb.dep_ == "ccomp" and verb.tag_ == "VBP" and verb.head.tag_ == "VBD":
        return head in _PROPOSED  # "suggested the two banks merge": no "merged"
    to = any(c.tag_ == "TO" for c in verb.children)
    return verb.dep_ == "acl" and head in _PROPOSING | _SHUNNING and to


def _in_order_to(verb: Token, kids: list[Token]) -> bool:
    """ "in order to attack", "so as to avoid": done for its sake, not done."""
    if not any(c.tag_ == "TO" for c in kids):
        return False
    if verb.dep_ == "acl" and verb.head.lower_ == "order":
        return verb.head.head.lower_ == "in"  # parsed as "in [order [to attack]]"
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark"
        and (c.lower_ == "order" or c.lower_ == "as" and c.nbor(-1).lower_ == "so")
        for c in kids
        if c.i > 0
    )


def _on_a_condition(verb: Token, kids: list[Token]) -> bool:
    """ "would sell the unit if the price is right"."""
    modals = _POSSIBLE | {"would"}
    return bool(modals & {c.lower_ for c in kids if c.dep_ == "aux"}) and any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in kids
    )


def _possible_only(verb: Token, modals: frozenset[str] | None = None) -> bool:
    """ "could attack", "might strike"; not "could have been", "may have died"."""
    kids = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool((modals or _POSSIBLE) & {c.lower_ for c in kids}) and not any(
        c.lemma_ == "have" for c in kids
    )


def _only_hoped(verb: Token) -> bool:
    """ "hopes to win the cup", "tried to seize the town", "talks are likely to
    resume": what someone hopes, tries or is likely to do has not happened."""
    told_to = verb.dep_ == "ccomp" and any(c.tag_ == "TO" for c in verb.children)
    head = verb.head
    lemma = _lemma(head)
    if verb.dep_ == "ccomp" and _possible_only(verb, _WOULD):
        # "was hoping the figure would rise": a wish, not a plan told
        return lemma in _WISHING or head.lower_ in ("hopes", "hoped", "hoping")
    if verb.dep_ != "xcomp" and not told_to:
        return False  # "expect the company to cut jobs": a clause with "to" too
    if any(c.dep_ == "auxpass" for c in head.children):
        return False  # "the paper is expected to endorse him": planned
    return (
        lemma in _HOPING
        or head.lower_ in ("hopes", "hoped")  # the lemmatiser's "hop"
        or head.lower_ in ("likely", "unlikely")
    )


def _indefinite(noun: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in noun.children
    )


def _modality(tok: Token) -> str:
    # a noun's verb may be above a preposition: "will go to the polls"; and a "to"
    # clause has the time of the verb it serves: "will go … to elect a president"
    verb = tok if tok.pos_ == "VERB" else _anchor_verb(tok)
    while verb.dep_ in ("advcl", "xcomp") and any(
        c.tag_ == "TO" for c in verb.children
    ):
        verb = verb.head
    if may_come(list(verb.children)):
        return "hypothetical"  # "the storm could hit Varda on Friday"
    return "planned" if tense(verb) == "future" and verb.tag_ != "VBD" else "asserted"


def _anchor_verb(tok: Token) -> Token:
    """For a noun trigger, the verb whose arguments and date it shares."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    return head


def _mergeable(a: RawEvent, b: RawEvent) -> bool:
    """Two trigger words name one event: the same type, and no date, place or agent
    that tells them apart. A word said again, or its noun or verb ("exploded … the
    explosion"), is one event unless its dates, its people or the words that say
    which one it is differ."""
    if _joined_moves(a, b):
        return True  # "the Dow fell 2% and the Nasdaq 3%": one clause, one time
    if a.event_type != b.event_type and not _retyped(a, b):
        return _kindred(a, b) is not None and _of_one_kin(a, b)
    if _another_one(b):
        return False
    if _said_again(a, b):
        # their places do not tell them apart: a place is often only the
        # sentence's, and the several paragraphs that retell one event name
        # several places
        return not (
            _once_more(b)
            or _apart(a, b, places=False)
            or (_others(a, b) and not _a_body_and_members(a, b) and not _nature(a))
            or _two_moves(a, b)
        )
    if a.event_type in _BROAD_TYPES and not _kind_words(a) & _kind_words(b):
        return False  # "announced" and "a speech": a broad type tells nothing
    if not _kinds(a) & _kinds(b):
        return False  # "the typhoon" and the "mudslides" it caused
    if _two_deeds(a, b):
        return False  # "clashes broke out", "a man was stabbed": two attacks
    stages = {lx.LEGAL_STAGES.get(_lemma(t)) for t in a.triggers + b.triggers}
    if len(stages - {None}) > 1:
        return False  # a conviction and a sentence are two steps of a case
    (a_agents, a_others), (b_agents, b_others) = _who(a), _who(b)
    if a_others and b_others and not a_others & b_others and not a_agents | b_agents:
        return False  # "X was jailed", "Y was given a suspended sentence"
    if a.event_type in _WHO_IT_BEFELL and _people(a) and _people(b):
        if not _people(a) & _people(b):
            return False  # "X died on the ridge", "a day after Y was killed"
    if _apart(a, b) or _two_moves(a, b):
        return False
    if _a_body_and_members(a, b):
        return True  # "the senate passed the law", "senators voted 60-40"
    return not (a_agents and b_agents and not a_agents & b_agents)


def _retyped(a: RawEvent, b: RawEvent) -> bool:
    """One word said again, or its noun and verb, that the rules typed once and
    left of the catch-all type once: "police are investigating … the
    investigation"."""
    if any(_lemma(t) in _MOVE_WORDS for t in a.triggers + b.triggers):
        return False  # "the index rose", "Apple rose": moves of many things
    return "OtherEvent" in {a.event_type, b.event_type} and _said_again(a, b)


def _nature(ev: RawEvent) -> bool:
    """What nature does, whose doers found are the parser's guesses: "forecasters
    called Kellan a dangerous storm" (of a storm named Kellan)."""
    return ev.event_type in _NATURE


def _two_deeds(a: RawEvent, b: RawEvent) -> bool:
    """Two attacks whose words each say a kind of attack, and not one kind in
    common: a clash and a stabbing, told of the same day or place, are two deeds
    unless the text says one led to the other."""
    kinds = [
        {lx.ATTACK_KINDS.get(_lemma(t)) for t in e.triggers} - {None} for e in (a, b)
    ]
    return a.event_type == "Attack" and all(kinds) and not kinds[0] & kinds[1]


def _a_body_and_members(a: RawEvent, b: RawEvent) -> bool:
    """Two votes, one cast by a body and one by people: the members' votes are
    the body's ("the council voted 6-3", "Lopez voted against it")."""
    if a.event_type != "Vote" or b.event_type != "Vote":
        return False
    clusters = entities_of(a.triggers[0].doc).clusters
    kinds = [{clusters[c].kind for c in e.agents} for e in (a, b)]
    bodies = [k == {"Organization"} for k in kinds]
    people = [bool(k) and "Organization" not in k for k in kinds]
    return bodies[0] and people[1] or bodies[1] and people[0]


def _kindred(a: RawEvent, b: RawEvent) -> str | None:
    """The type of the one event that a general word of one and the other name
    ("a deal" and "acquired", "the ballots" and "the elections", "the death" and
    "was killed"): the specific word's; None when neither word is the other's
    general one."""
    for general, specific in ((a, b), (b, a)):
        first = min(t.i for t in general.triggers)
        for tok in general.triggers:
            if _general_for(tok, specific, first):
                return specific.event_type
        if _blast_then_its_bomb(general, specific):
            return specific.event_type
    return None


#: words that open the telling of another happening: "Separately, a bomb …"
_ANOTHER_STORY = frozenset({"separately", "elsewhere", "meanwhile"})


def _blast_then_its_bomb(blast: RawEvent, bomb: RawEvent) -> bool:
    """Whether a blast told with no bomb before it is the bomb that the same or the
    next sentence then tells of: "The blast shook the market. A bomb had gone off
    by the gate." Not a bomb a sentence opened by "separately" tells."""
    if not all(_lemma(t) in lx.BLAST_WORDS for t in blast.triggers):
        return False
    sent = blast.triggers[0].sent
    near = {sent.start, *(s.start for s in [sentence_after(sent)] if s is not None)}
    return any(
        lx.ATTACK_KINDS.get(_lemma(t)) == "bombing"
        and t.sent.start in near
        and not any(w.lower_ in _ANOTHER_STORY for w in t.sent)
        for t in bomb.triggers
    )


def _general_for(tok: Token, specific: RawEvent, first: int) -> bool:
    """Whether ``tok`` is a general word for ``specific``'s type; "the blast" (first
    told at ``first``) only for a bomb told to go off before it ("a bomb exploded
    … after the blast"), not for any attack, nor for a bomb told later
    ("separately, a parcel bomb went off")."""
    if specific.event_type not in lx.ANAPHOR_TYPES.get(_lemma(tok), ()):
        return False
    return _lemma(tok) not in lx.BLAST_WORDS or any(
        lx.ATTACK_KINDS.get(_lemma(t)) == "bombing" and t.i < first
        for t in specific.triggers
    )


def _of_one_kin(a: RawEvent, b: RawEvent) -> bool:
    """Whether a general word and a specific one name one event: nothing says
    another one, and their dates and the words that say which one agree, and
    either neither says whom it involves or one's people are among the other's
    ("Orlen signed a deal with Tarsk", "Orlen bought Tarsk"; not "… bought
    Kellan")."""
    if _another_one(b) or _once_more(b) or _apart(a, b, places=False):
        return False
    mine, theirs = _people(a), _people(b)
    if not mine and not theirs:
        # "the deaths of a handful of officers" says whose, if not whom we know
        return not any(_of_whom(t) for t in a.triggers + b.triggers)
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


def _of_whom(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _merged_again(events: list[RawEvent]) -> list[RawEvent]:
    """The events, each merged into an earlier one that it names once both have
    all their words: a word told first may not yet have had the people or the
    date that make a later word its own ("the death" before "Kellan died")."""
    return _merged_into_earlier(events, _mergeable)


def _merged_into_earlier(
    events: list[RawEvent], joins: Callable[[RawEvent, RawEvent], bool]
) -> list[RawEvent]:
    """The events, each merged into the first earlier one that ``joins`` (the
    earlier, the later) says it tells again."""
    kept: list[RawEvent] = []
    for ev in events:
        target = next((e for e in kept if joins(e, ev)), None)
        if target is None:
            kept.append(ev)
        else:
            _merge(target, ev)
    return kept


def _lemma(tok: Token) -> str:
    """The trigger's lemma, mended where the lemmatiser errs ("fined" is "fin")."""
    lemma = tok.lemma_.lower()
    return lx.LEMMA_MENDS.get(lemma, lemma)


def _said_again(a: RawEvent, b: RawEvent) -> bool:
    """Whether a trigger of one is a trigger of the other again, or the other's
    noun or verb: "attacked … the attack", "exploded … the explosion"."""
    words = {_lemma(t) for t in a.triggers}
    return any(_one_root(_lemma(t), w) for t in b.triggers for w in words)


def _once_more(ev: RawEvent) -> bool:
    """ "protesters also marched in Leeds", "attacked again", "separately, a parcel
    bomb went off": one more of its kind."""
    return any(
        c.dep_ == "advmod" and c.lower_ in ("also", "again", "too", "separately")
        for c in ev.triggers[0].children
    )


def _one_root(x: str, y: str) -> bool:
    """Whether two lemmas are one word or a noun and verb of one root: they share
    at least four letters, all but at most two of the shorter one's
    ("explode"/"explosion", "seize"/"seizure", "stab"/"stabbing")."""
    shared = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        shared += 1
    return x == y or shared >= max(4, min(len(x), len(y)) - 2)


def _others(a: RawEvent, b: RawEvent) -> bool:
    """Whether both say whom they involve, and no one in common."""
    return bool(_people(a) and _people(b) and not _people(a) & _people(b))


def _two_moves(a: RawEvent, b: RawEvent) -> bool:
    """ "the Dow rose …", "the Nasdaq added …": moves of two things."""
    return bool(_movers(a) and _movers(b) and _movers(a).isdisjoint(_movers(b)))


def _joined_moves(a: RawEvent, b: RawEvent) -> bool:
    """Moves of the market told in one sentence by verbs joined as one: "the Dow
    fell 2%, the S&P 500 slid 3% and the Nasdaq plunged" is one day's move."""
    types = {a.event_type, b.event_type}
    return (
        "MarketMovement" in types
        and types <= {"MarketMovement", "OtherEvent"}
        and any(
            t in u.conjuncts and _lemma(t) in _MOVE_WORDS and _lemma(u) in _MOVE_WORDS
            for t in a.triggers
            for u in b.triggers
        )
    )


#: events told of the people they befell, whoever is the subject: "X died", "Y was
#: killed", "Z was arrested"
_WHO_IT_BEFELL = frozenset({"Death", "Casualties", "Arrest", "Sanction"})


def _who(event: RawEvent) -> tuple[set[int], set[int]]:
    """Its agents and its other participants, as far as they tell it apart from
    another event: not when a pronoun told them ("he trained", "the training")."""
    if "people" in event.carried:
        return set(), set()
    return set(event.agents), set(event.participants)


def _people(event: RawEvent) -> set[int]:
    agents, others = _who(event)
    return agents | others


def _apart(a: RawEvent, b: RawEvent, places: bool = True, dates: bool = True) -> bool:
    """Whether their own dates (or places), or the words that say which one they
    are ("the Senate race", "the presidential race"), differ; a date or place
    carried from the sentence before tells nothing. "The quake" may name a town
    within the quake's county."""
    parties = not _people(a) & _people(b)
    # "the Orlen acquisition", "the Tarsk deal": the names of its own parties; and
    # "the Kestrin closure" of a factory closed in Kestrin: the name of a place of
    # theirs, unless their places differ (and not for a race or a vote, which
    # their places name: "the Iowa caucuses")
    two_places = a.places and b.places and not set(a.places) & set(b.places)
    named_by_place = {a.event_type, b.event_type} & _NAMED_BY_PLACE
    shared = set() if named_by_place or two_places else {*a.places, *b.places}
    kinds_a = _which_one(a, parties=parties, places=shared)
    kinds_b = _which_one(b, parties=parties, places=shared)
    if kinds_a and kinds_b and not kinds_a & kinds_b:
        return True
    if (
        dates
        and a.date
        and b.date
        and not {"date"} & (a.carried | b.carried)
        and not (
            a.date.value.startswith(b.date.value)
            or b.date.value.startswith(a.date.value)
        )
        and not _up_to_now(a, b)
        and not _up_to_now(b, a)
        and not _days_of_one(a, b)
    ):
        return True
    own_places = places and "place" not in a.carried | b.carried
    return bool(
        own_places and a.places and b.places and not set(a.places) & set(b.places)
    )


#: types whose events their places tell apart: "the Iowa caucuses", "the Ohio vote"
_NAMED_BY_PLACE = _BROAD_TYPES | {"Election", "Vote", "SportsMatch"}


def _up_to_now(a: RawEvent, b: RawEvent) -> bool:
    """``a`` is dated only by the day of writing ("floods have killed 12") and
    ``b`` a few days before it ("the floods hit on Saturday"): one event that goes
    on, not two."""
    if "now" not in a.carried or a.date is None or b.date is None:
        return False
    if a.date.precision != "day" or b.date.precision != "day":
        return False
    gap = date.fromisoformat(a.date.value) - date.fromisoformat(b.date.value)
    return timedelta(0) <= gap <= _ONGOING


def _days_of_one(a: RawEvent, b: RawEvent) -> bool:
    """Two days of one storm or flood, that last for days: a few days apart."""
    kinds = _kinds(a) | _kinds(b)
    if len(kinds) != 1 or not kinds <= lx.LASTING_KINDS or a.date is None:
        return False
    if b.date is None or a.date.precision != "day" or b.date.precision != "day":
        return False
    gap = date.fromisoformat(a.date.value) - date.fromisoformat(b.date.value)
    return abs(gap) <= _ONGOING


#: how far back the day of writing still reaches an event that goes on
_ONGOING = timedelta(days=7)


def _which_one(
    ev: RawEvent, parties: bool = True, places: set[int] | None = None
) -> set[str]:
    """The words on its nouns that tell which one it is: names and nouns before
    them ("the New Hampshire primary", "a drone strike"), and adjectives of office
    or of a name ("presidential", "Iraqi"); not "deadly" or "latest". Without
    ``parties``, not the names of people or organisations ("the Orlen deal"),
    offices aside ("the Senate race"); nor the names of ``places``."""
    words: set[str] = set()
    found = entities_of(ev.triggers[0].doc)
    # a place's name where the parser took it for no mention: "the Kestrin closure"
    place_words = {
        w.lower()
        for c in places or ()
        for n in found.clusters[c].names()
        for w in n.split()
    }
    for tok in ev.triggers:
        nouns = [tok] if tok.pos_ == "NOUN" else _objects(tok)
        for noun in nouns:
            words |= {
                c.lower_
                for c in noun.lefts
                if (
                    c.dep_ == "compound"
                    and c.pos_ in ("NOUN", "PROPN")
                    or c.dep_ == "amod"
                    and (c.is_title or c.lower_ in lx.RACE_MODIFIERS)
                )
                and (parties or not _a_party(c))
                and found.cluster_at(c) not in (places or ())
                and c.lower_ not in place_words
                and c.ent_type_ not in ("DATE", "TIME")  # "the October attack"
            }
    return words


def _a_party(tok: Token) -> bool:
    return tok.ent_type_ in ("PERSON", "ORG") and tok.lower_ not in lx.RACE_MODIFIERS


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]


def _movers(ev: RawEvent) -> set[str]:
    """The names of what moved, for a figure's move: "Groupon shares jumped" gives
    {"groupon"}; "profit rose" names nothing that tells two moves apart."""
    if ev.event_type not in ("MarketMovement", "FinancialResult"):
        return set()
    words: set[str] = set()
    for tok in ev.triggers:
        for thing in _moving_things(tok):
            words |= {
                t.lower_
                for t in thing.subtree
                if t.pos_ == "PROPN"
                or t.dep_ == "compound"
                and t.lower_ not in lx.MARKET_SUBJECTS | lx.FINANCIAL_SUBJECTS
            }
    return words


def _moving_things(tok: Token) -> list[Token]:
    """What a move is of: the verb's subject ("shares jumped", "were up"), or what
    the noun is of ("a rise in profit")."""
    verb = tok.head if tok.lower_ in ("up", "down") else tok
    if verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
            return [verb.head]  # "the index, which ended the day down"
        return subjects
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("in", "of")
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _kinds(ev: RawEvent) -> set[str]:
    """The kinds of event its triggers name ("storm", "inquiry"), else {"*"}."""
    lemmas = {_lemma(t) for t in ev.triggers}
    return {lx.EVENT_KINDS[lemma] for lemma in lemmas & lx.EVENT_KINDS.keys()} or {"*"}


def _kind_words(ev: RawEvent) -> set[str]:
    """Its triggers' kinds, a trigger of no listed kind being a kind of its own."""
    return {lx.EVENT_KINDS.get(_lemma(t), _lemma(t)) for t in ev.triggers}


def _merge(into: RawEvent, other: RawEvent) -> None:
    if into.event_type == "OtherEvent" and (
        _joined_moves(into, other) or _retyped(into, other)
    ):
        into.event_type = other.event_type  # "X rose 4% and Y added 2%"
    elif into.event_type != other.event_type:
        into.event_type = _kindred(into, other) or into.event_type
    into.triggers.extend(other.triggers)
    if "people" in other.carried and other.agents + other.participants:
        into.carried.add("people")  # its people are partly a pronoun's guess now
    into.agents = list(dict.fromkeys(into.agents + other.agents))
    into.participants = [
        p
        for p in dict.fromkeys(into.participants + other.participants)
        if p not in into.agents
    ]
    # a place or date of the event's own wins over one carried from before
    if "place" in into.carried and other.places and "place" not in other.carried:
        into.places, into.carried = [], into.carried - {"place"}
    if {"date", "now"} & into.carried and other.date and "date" not in other.carried:
        into.date, into.carried = None, into.carried - {"date", "now"}
    if "place" in other.carried and into.places:
        other.places = []
    into.places = list(dict.fromkeys(into.places + other.places))
    into.date = _finer(into.date, other.date)
    if other.modality == "asserted":
        into.modality = "asserted"


def _finer(date: DateValue | None, other: DateValue | None) -> DateValue | None:
    """The date of an event that two words name: the first one's, or the other's
    when it says the same more precisely ("in 2019" and "on Saturday", 2019-11-23)."""
    if date is None or other is not None and other.value.startswith(date.value):
        return other or date
    return date
