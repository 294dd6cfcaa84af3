"""``newskb_dates``: the article's reference date, its dateline, and the dates each
sentence names; and the rule that dates a verb (claims and events use it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.extract.cues import cue_adjuncts, is_cue
from kb.extract.extensions import Stage, article_of, gazetteer_of, stage, text_of
from kb.extract.paragraphs import paragraph_before, sentence_before, token_from
from kb.extract.syntax import a_named_march, charged_deed, prep_objects
from kb.models import DateValue
from kb.text import lexicon as lx
from kb.text.dates import (
    MONTHS,
    Dateline,
    Tense,
    a_clock_time,
    a_length,
    apart_by,
    days_from_anchor,
    find_dateline,
    holiday,
    months_from_anchor,
    parse_published,
    published_date,
    resolve,
    shifted,
    years_from_anchor,
)
from kb.text.gazetteer import fold
from kb.text.quantities import street_after

__all__ = [
    "CORE_DEPS",
    "DateContext",
    "dates_of",
    "find_dates",
    "present_perfect",
    "span_apart",
    "tense",
]

_FUTURE_AUX = {"will", "would", "shall", "'ll"}
# Verbs whose date is the new one: "postponed until Saturday", "delayed to May".
_PUT_OFF = {"postpone", "delay", "adjourn", "defer", "reschedule", "push"}
_PLAN_VERBS = {
    "plan",
    "expect",
    "intend",
    "aim",
    "hope",
    "seek",
    "propose",
    "threaten",
    "prepare",
    "schedule",
    "set",
    "due",
    "slate",
    "slat",  # the lemmatiser's "slated"
    "hop",  # the lemmatiser's "hoping"
    "ready",
    "willing",
    # what one promises to do lies ahead: "has promised to call a vote"
    "promise",
    "vow",
    "pledge",
}
#: the words that count a day from another: "the day before", "a week later"
_SIDES = frozenset({"before", "after", "later", "earlier"})
#: how many sentences back "the next day" looks for the day it counts from
_ANCHOR_REACH = 4
#: words that open a paragraph on another story than the one before
_ANOTHER_STORY = frozenset(
    {"separately", "meanwhile", "elsewhere", "another", "separate"}
)
#: a person's age, which the tagger calls a date: "a 40-year-old", "aged 19
#: to 52 years old"
_AGE = re.compile(r"\byears?[\s-]+old\b", re.IGNORECASE)
#: ``date.weekday()`` of Saturday: on a weekend markets are shut
_SATURDAY = 5
#: how many undated sentences of a narrative its date is carried across
_CARRY_REACH = 3
#: a verb's subject, object or complement: its own arguments
CORE_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
# clauses of their own: a date inside one belongs to that clause's verb
_OWN_CLAUSES = ("ccomp", "advcl", "relcl", "conj", "xcomp", "acl")


@dataclass
class DateContext:
    """What anchors time and place in one article."""

    ref: date | None  # the published date, that relative dates count from
    dateline: Dateline | None
    dateline_end: int = 0  # character where the dateline ends (0: none)
    dateline_tok: int = 0  # its first token after the dateline (0: none)
    dateline_names: set[str] = field(default_factory=set)  # folded place names
    #: the DATE (and TIME: "last night") entities of each sentence, by its first token
    by_sentence: dict[int, list[SpacySpan]] = field(default_factory=dict)

    def date_of(
        self,
        verb: Token,
        sentence_fallback: bool = False,
        ahead: bool = False,
        noun: Token | None = None,
    ) -> DateValue | None:
        """A date on the event's noun ("the Nov. 14 killing", "Monday's attack"),
        else attached to the verb (not through a nested clause), else to an
        ancestor; with ``sentence_fallback``, the sentence's only date that no other
        noun holds. ``ahead``: the verb names the event itself, so a present tense
        looks ahead ("Leeds play Bristol on Sunday"); a saying or a noun's verb in
        the present reads back."""
        if noun is not None:
            own = self.noun_date(noun, verb)
            if own is not None:
                return own
        when = tense(verb)
        # "since 1949" starts a span: it dates no event in it
        in_sent = [
            e
            for e in self.by_sentence.get(verb.sent.start, [])
            # a date of a thing awaited ("prior to the hearing on Friday") is that
            # thing's, whichever word the parser hangs it on: never the verb's
            if not _not_when(e) and not _of_the_awaited(e) and not _awaited(e)
        ]
        # a date that describes a noun ("the 1961 crew") comes after the verb's own,
        # and only on the verb's subject or object ("the Monday attack killed …")
        described = [(ent, _modifies(ent)) for ent in in_sent]
        by_own = sorted(described, key=lambda pair: pair[1] not in (None, noun))
        cur: Token | None = verb
        for _ in range(4):
            if cur is None:
                break
            # the event noun's own date ("the attack on Monday"), then the verb's
            # before one on another noun: "after talks on Monday, they signed a
            # ceasefire on Tuesday" is Tuesday's
            at: Token = cur
            nearest = sorted(
                by_own,
                key=lambda pair: (
                    pair[1] not in (None, noun),
                    noun is None or noun not in pair[0].root.ancestors,
                    _nouns_up(pair[0], at),
                ),
            )
            for ent, of in nearest:
                if not _may_date(of, verb, cur, noun):
                    continue
                if (
                    _attached(ent, cur)
                    and not _dates_the_saying(ent, cur)
                    and not _of_another_time(ent, verb, when)
                    and not _of_a_charged_deed(ent, verb, noun)
                ):
                    value = self._value(ent, _read(tense(cur), ahead, cur, ent))
                    if value is not None:
                        value = _counted_across(ent, cur, value)
                    if value is not None:
                        return self._before_the_saying(ent, cur, value)
            if _at_another_time(cur):
                break  # "opened in May, a year after a fire gutted it": not May's
            cur = cur.head if cur.head != cur else None
        started = self._since_then(verb)
        if started is not None:
            return started
        if sentence_fallback:
            values = [
                self._value(e, _read(when, ahead))
                for e, of in described
                if not _dates_the_saying(e, verb)
                and of in (None, noun)
                and not _of_another_time(e, verb, when)
                and _time_clause(e.root) == _time_clause(verb)
                and not any(map(_since_phrase, e.root.ancestors))
                and not _in_a_since_clause(e, verb)
                and not _another_clauses(e, verb)
                and not _outside_its_since_clause(e, verb)
                and not _of_a_charged_deed(e, verb, noun)
            ]
            found = [v for v in values if v is not None]
            if len(found) == 1:
                return found[0]
        return None

    def _since_then(self, verb: Token) -> DateValue | None:
        """The day a deed that goes on began, from its own "since": "has deployed
        troops since 9 March", "have been suspended since May", "people hurt
        since April" (the deed began then). Not a state ("has been shut since
        May" is "be"'s) nor a saying's, and only a date the verb itself holds."""
        if verb.tag_ != "VBN" or verb.lemma_ in ("be", "have") or is_cue(verb):
            return None
        for ent in self.by_sentence.get(verb.sent.start, []):
            prep = ent.root.head
            if ent.root.dep_ == "pobj" and _since_phrase(prep) and prep.head == verb:
                value = resolve(ent.text, self.ref, "past")
                # a start after the day of writing cannot be: no date rather than that
                late = value and self.ref and value.value > self.ref.isoformat()
                return None if late else value
        return None

    def carried(self, verb: Token) -> DateValue | None:
        """The date a narrative in the simple past carries on from before, when
        this sentence names none: from the nearest sentence that names one date,
        up to :data:`_CARRY_REACH` undated simple-past sentences back in the
        paragraph, or across one-sentence wire paragraphs (``_narrative_before``):
        "Gunmen attacked a bus on Monday. Six people died." A
        part of the day the tagger tells apart ("yesterday" "afternoon") is no
        second date."""
        sent = verb.sent
        if not _simple_past(verb) or self._times_of(sent):
            return None
        before = _narrative_before(sent)
        # back over the narrative's undated sentences to the one that dates it:
        # "On Monday gunmen attacked a bus. It overturned. Six people died."
        for _ in range(_CARRY_REACH):
            if before is None or self._times_of(before):
                break
            before = _narrative_before(before) if _simple_past(before.root) else None
        if before is None:
            return None
        ents = [
            e
            for e in self._times_of(before)
            if not _not_when(e) and _sets_the_day(e, before)
        ]
        values = {v for v in (self._value(e, "past") for e in ents) if v is not None}
        if len(values) != 1 or len(ents) > 2:
            return self._of_the_main_verb(before, verb)
        (value,) = values
        if self.ref is not None:
            if value.value > self.ref.isoformat()[: len(value.value)]:
                return None  # "… next year. Profits fell.": no past in a future
        return value

    def _times_of(self, sent: SpacySpan) -> list[SpacySpan]:
        """The times a sentence names of its own: not a length of what was done
        ("jailed for a week", "a four-year term"), a time of the clock alone
        ("just after 5 a.m."), "the day" told already, a person's age, nor a
        date of what is yet to come, which all leave the day the narrative is
        on."""
        return [
            e
            for e in self.by_sentence.get(sent.start, [])
            if not _a_length_of(e)
            and not _sets_a_clause_apart(e)
            and not a_clock_time(e.text)
            and not _AGE.search(e.text)
            and not _the_day(e)
            and not _yet_to_come(e)
        ]

    def trading_day(self, verb: Token) -> DateValue | None:
        """The day a market moved when its sentence names only a time of the
        trading day ("were up 3 percent by midday", "fell 4 percent on the day",
        "rose in early trading"): the day of writing, a weekday, told in the past
        or present and with no other day named before it (``carried`` first)."""
        if (
            self.ref is None
            or self.ref.weekday() >= _SATURDAY
            or tense(verb) == "future"
        ):
            return None
        ents = self.by_sentence.get(verb.sent.start, [])
        session = any(_the_day(e) or a_clock_time(e.text) for e in ents) or any(
            _a_session_of(t, verb) for t in verb.sent
        )
        if not session or self._times_of(verb.sent):
            return None
        return DateValue(self.ref.isoformat(), "day")

    def _of_the_main_verb(self, before: SpacySpan, verb: Token) -> DateValue | None:
        """The day of the main verb of a sentence before that names several
        dates, which the narrative goes on from: "Shares, hit by Monday's fall,
        rose on Tuesday. Varda Bank added 2%." (that Tuesday). A saying's day
        goes on only to a saying or an occasion of one: "Officials said on
        Friday that cases had risen since May. Dr Varda told a news conference
        …" (that Friday), not to what the saying reported."""
        root = before.root
        if is_cue(root) and not is_cue(verb) or not _simple_past(root):
            return None
        value = self.date_of(root, sentence_fallback=True)
        return value if value is not None and value.precision == "day" else None

    def _before_the_saying(
        self, ent: SpacySpan, verb: Token, value: DateValue
    ) -> DateValue:
        """A deed that a dated saying reports as done lies before the saying: "said
        on Friday that police raided her office on Tuesday" is the Tuesday before
        that Friday, even when a Tuesday since has come (``value``, read from
        the day of writing)."""
        said = self._saying_day(verb)
        if said is None or value.precision != "day" or value.value <= said.value:
            return value
        if any(t.like_num or t.lower_.rstrip(".") in MONTHS for t in ent):
            return value  # "on June 10" is that day, whoever said it when
        again = resolve(ent.text, date.fromisoformat(said.value), "past")
        return again if again is not None and again.value <= said.value else value

    def _saying_day(self, verb: Token) -> DateValue | None:
        """The day of the saying that reports ``verb`` in the past ("said on Friday
        that police raided …"), if its own words date it."""
        cue = verb.head
        if verb.dep_ != "ccomp" or not is_cue(cue) or tense(verb) != "past":
            return None
        # its own date ("said on Friday that …"), or one the parser hangs on the
        # reported verb ("said on Friday police raided …")
        adjuncts = [(a.left_edge.i, a.right_edge.i) for a in cue_adjuncts(cue)]
        for ent in self.by_sentence.get(cue.sent.start, []):
            own = _attached(ent, cue) and verb not in ent.root.ancestors
            if own or any(a <= ent.start and ent.end - 1 <= b for a, b in adjuncts):
                said = resolve(ent.text, self.ref, tense(cue))
                if said is not None and said.precision == "day":
                    return said
        return None

    def noun_date(self, noun: Token, verb: Token) -> DateValue | None:
        """A date that modifies the noun itself: "the Nov. 14 killing"."""
        for ent in self.by_sentence.get(verb.sent.start, []):
            if _modifies(ent) == noun:
                value = self._value(ent, tense(verb))
                if value is not None:
                    return value
        return None

    def _value(self, ent: SpacySpan, when: Tense) -> DateValue | None:
        """A date expression's value: from the publication date, or for "the next
        day", "two days later", "a month later" from the date the story named last
        before it."""
        if _awaited(ent):
            when = "future"
        value = self._resolve(ent, when)
        return value if value is not None else self._counted(ent)

    def _resolve(self, ent: SpacySpan, when: Tense) -> DateValue | None:
        """:func:`resolve`, but a month or a month's day without its year, told in
        the past of a story of an earlier year, is of that year: "Rebels took the
        town in November 1991. … The massacre began on November 20" (1991)."""
        year = self._year_told(ent) if when == "past" and _yearless(ent) else None
        if year is not None and (self.ref is None or year < self.ref.year):
            return resolve(ent.text, date(year, 12, 31), "past")
        return resolve(ent.text, self.ref, when)

    def _from_now(self, ent: SpacySpan) -> bool:
        """A date told from the day of writing: "on Tuesday", "last year"."""
        return resolve(ent.text) is None and resolve(ent.text, self.ref) is not None

    def _year_told(self, ent: SpacySpan) -> int | None:
        """The one year the story is told in where ``ent`` stands: that of a date
        that opens its sentence ("In 1998, rebels took the town and burned it on
        November 20"; not "left in 2022 and joined in January"), else that of the
        sentence the narrative goes on from (:meth:`carried`'s), when that names
        only dates with their years."""
        sent = ent.sent
        ents = self.by_sentence.get(sent.start, [])
        if any(self._from_now(e) and not _yearless(e) for e in ents):
            return None  # "said on Tuesday that they robbed it on May 3": now's
        opening = next(iter(ents), None)
        if opening is not None and opening.start <= sent.start + 1 < ent.start:
            stated = resolve(opening.text)
            if stated is not None and _modifies(opening) is None:
                return int(stated.value[:4])
        before = _narrative_before(sent)
        for _ in range(_CARRY_REACH):
            if before is None or self._times_of(before):
                break
            before = _narrative_before(before) if _simple_past(before.root) else None
        return None if before is None else self._one_year_of(before)

    def _one_year_of(self, sent: SpacySpan) -> int | None:
        """The year of the dates that set a sentence's day, when they all state
        it and it is one ("in November 1991"; not "on Monday", "in 2003 and 2005")."""
        days = [
            e
            for e in self._times_of(sent)
            if not _not_when(e) and _modifies(e) is None and _sets_the_day(e, sent)
        ]
        stated = [resolve(e.text) for e in days]
        years = {v.value[:4] for v in stated if v is not None}
        if not days or None in stated or len(years) != 1:
            return None
        return int(years.pop())

    def _counted(self, ent: SpacySpan, depth: int = 0) -> DateValue | None:
        """The date ``ent`` counts to from the latest date named in the few
        sentences before it (itself counted so if it is one: "the next day … two
        days later"): days from a day, months from a month or a day, years ("the
        following year") from any date."""
        days = days_from_anchor(ent.text)
        months = months_from_anchor(ent.text)
        years = years_from_anchor(ent.text)
        if days is None and months is None and years is None or depth > _ANCHOR_REACH:
            return None
        anchor = self._anchor(ent, depth)
        if anchor is None:
            return None
        return shifted(anchor, days, months, years)

    def _anchor(self, ent: SpacySpan, depth: int) -> DateValue | None:
        """The latest date named before ``ent`` in the few sentences before it."""
        starts = sorted(k for k in self.by_sentence if k <= ent.start)[-_ANCHOR_REACH:]
        for start in reversed(starts):
            for earlier in reversed(self.by_sentence[start]):
                if earlier.start >= ent.start or _not_when(earlier):
                    continue
                verb = dated_verb(earlier)
                value = self._resolve(earlier, tense(verb) if verb else "past")
                if value is None:
                    value = self._counted(earlier, depth + 1)
                if value is not None:
                    return value
        return None

    def date_under(self, noun: Token, verb: Token) -> DateValue | None:
        """A date in the noun's own phrase only ("after the attack on Monday",
        "after the Monday attack"), for a noun whose verb's date is not its own."""
        for ent in self.by_sentence.get(noun.sent.start, []):
            after = _right_after(ent, noun)
            if not _not_when(ent) and (noun in ent.root.ancestors or after):
                when = "future" if after and awaited(noun) else tense(verb)
                value = self._value(ent, when)
                if value is not None:
                    return value
        return self.noun_date(noun, verb)

    def started_on(self, noun: Token) -> DateValue | None:
        """The date a clause on the event noun says it started: "the strike, which
        began on 12 March, ended on Friday" started on 12 March."""
        starts = [
            t
            for c in noun.children
            if c.dep_ in ("relcl", "acl")
            for t in _start_clause(c)
        ]
        for ent in self.by_sentence.get(noun.sent.start, []):
            verb = dated_verb(ent)
            if verb is not None and verb in starts:
                return self._value(ent, tense(verb))
        return None

    def apart(self, tok: Token, verb: Token) -> DateValue | None:
        """The date of a thing set a span of time before or after a dated deed,
        counted from the deed's date: "arrested him on June 2, two days after the
        robbery" (May 31), "flooded on Friday, a week after inspectors visited it"
        (a week before that Friday)."""
        found = span_apart(tok)
        if found is None:
            return None
        words, side = found
        main = tok.head if tok.pos_ in ("VERB", "AUX") else verb
        if main == tok or side not in ("after", "before"):
            return None
        # "Brandt revealed the decision one day after …": the day the narrative
        # is on, when the main verb's sentence names none
        deed = self.date_of(main) or self.carried(main)
        return None if deed is None else apart_by(deed, words, later=side == "before")

    def at_the_occasion(self, cue: Token) -> DateValue | None:
        """The day a saying at an occasion of its own ("told a news conference",
        "said at a briefing") goes on with, when its sentence names none: the
        day of the main verb of the sentence the narrative goes on from (not a
        year that describes a noun there: "The 2019 fire ruined them. 'We lost
        all,' the mayor told a briefing")."""
        objects = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
        occasions = [*objects, *prep_objects(cue, ("in", "during", "at"))]
        if not any(o.lemma_.lower() in lx.SAYING_OCCASIONS for o in occasions):
            return None
        if not _simple_past(cue) or self._times_of(cue.sent):
            return None
        before = _narrative_before(cue.sent)
        return None if before is None else self._of_the_main_verb(before, cue)

    def counted_down(self, noun: Token) -> DateValue | None:
        """The date of a thing awaited a span ahead: "with 10 days to go before
        the vote" is ten days after the time told (the date of the verb the
        phrase hangs on, else the day of writing)."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("before", "until", "till"):
            return None
        go = prep.head
        if go.lemma_ != "go" or not any(c.tag_ == "TO" for c in go.children):
            return None
        # "[10 days] to go", or "with [10 days]" hung on "go" by the parser
        spans = [
            go.head,
            *(o for p in go.children if p.dep_ == "prep" for o in p.children),
        ]
        span = next(
            (t for t in spans if t.i < go.i and t.lemma_.lower() in lx.INTERVAL_UNITS),
            None,
        )
        if span is None:
            return None
        main = next((a for a in go.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if main is None:
            return None
        told = self.date_of(main)
        if told is None and self.ref is not None and tense(main) != "future":
            told = DateValue(self.ref.isoformat(), "day")
        words = noun.doc[span.left_edge.i : span.i + 1].text
        return None if told is None else apart_by(told, words, later=True)

    def said_in(self, cue: Token) -> DateValue | None:
        """The date of what the saying was made in: "said in a Monday statement",
        "wrote in a Tuesday post", "said during Friday's briefing"; or of the
        speaking that a participle tells of: "Speaking at a rally on Wednesday,
        she said …", "Varda, speaking to reporters on Monday, said …"."""
        for noun in prep_objects(cue, ("in", "during", "at")):
            if noun.lemma_.lower() in lx.SAYING_OCCASIONS:
                value = self.noun_date(noun, cue)
                if value is not None:
                    return value
        return self.date_within(_speaking(cue), cue)

    def now_of(self, verb: Token) -> DateValue | None:
        """The published day, for a verb that says it is so at the time of writing:
        "is causing", "has been quarantined", "there are 12 warnings"."""
        if self.ref is None or not _now(verb) or _over_a_span(verb):
            return None
        return DateValue(self.ref.isoformat(), "day")

    def date_beside(self, cue: Token, stmt: tuple[int, int]) -> DateValue | None:
        """The one date of the cue's sentence outside the statement (characters
        ``stmt``) that no noun holds: the saying's, when the parse hangs it on a
        verb beside the cue ("decided to weigh in on Monday, saying that …")."""
        ents = [
            e
            for e in self.by_sentence.get(cue.sent.start, [])
            if not (stmt[0] <= e.start_char < stmt[1])
            and not _not_when(e)
            and _modifies(e) is None
            and _verb_above(e)
        ]
        if len(ents) != 1:
            return None
        return self._value(ents[0], tense(cue))

    def when_clauses(self) -> list[tuple[Token, DateValue]]:
        """The verbs of clauses that a date introduces with "when", and that date:
        "on Monday, when police arrived", "since July 12, when researchers found
        it" (the clause is at that date, whatever the date's own verb)."""
        found = []
        for ents in self.by_sentence.values():
            for ent in ents:
                dated = dated_verb(ent)
                # the clause on the date, or on the verb it dates ("appeared on
                # May 12, when …" as the parser may read it)
                clauses = [c for c in ent.root.children if c.dep_ == "relcl"]
                if dated is not None:
                    clauses += [c for c in dated.children if c.dep_ == "advcl"]
                for verb in filter(_when_clause, clauses):
                    # read in the tense of the date's own verb: "will step down
                    # on May 2, when her successor is sworn in" is next May
                    value = self._value(ent, tense(dated or verb))
                    if value is not None:
                        found.append((verb, value))
        return found

    def date_within(self, tokens: list[Token], verb: Token) -> DateValue | None:
        """The first date named inside these phrases, read in the verb's tense."""
        spans = {(t.left_edge.i, t.right_edge.i) for t in tokens}
        for ent in self.by_sentence.get(verb.sent.start, []):
            if any(a <= ent.start and ent.end - 1 <= b for a, b in spans):
                value = self._value(ent, tense(verb))
                if value is not None:
                    return value
        return None


def find_dates(doc: Doc) -> DateContext:
    """The :class:`DateContext` of a parsed Doc."""
    text = text_of(doc)
    article = article_of(doc)
    ref = parse_published(published_date(article.published, article.text))
    dateline = find_dateline(text)
    if dateline is not None and not dateline.sure:
        known = gazetteer_of(doc).lookup
        places = tuple(p for p in dateline.places if known(text[p[0] : p[1]]))
        dateline = replace(dateline, places=places)  # "Varda Council (Wire) —"
    first = token_from(doc, dateline.end) if dateline else None
    places = dateline.places if dateline and first else ()
    by_sentence: dict[int, list[SpacySpan]] = {}
    filed = dateline.end if dateline is not None else 0
    taken = 0  # the token up to which a date joined with its year reaches
    for e in doc.ents:
        if e.end_char <= filed or e.start < taken:
            continue  # "VELMORA, June 12 —": the day the story was filed, no event's
        # "on New Year's Eve": the tagger calls a day known by name an event
        timely = e.label_ in ("DATE", "TIME") and not _no_time(e)
        if timely or (e.label_ == "EVENT" and holiday(e.text)):
            e = _with_its_year(e)
            taken = e.end
            by_sentence.setdefault(e.sent.start, []).extend(_two_ends(_whole(e)))
    # "an overnight crash", "The day before, …": times the tagger does not tag
    for span in _untagged_times(doc):
        spans = by_sentence.setdefault(span.sent.start, [])
        spans.append(span)
        spans.sort(key=lambda found: found.start)
    return DateContext(
        ref,
        dateline,
        dateline.end if dateline else 0,
        first.i if first is not None else 0,
        {fold(text[a:b]) for a, b in places},
        by_sentence,
    )


def _with_its_year(ent: SpacySpan) -> SpacySpan:
    """A month's day with the year the tagger split from it: "the [March 3],
    [2019] bombing" is one date, 3 March 2019."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or not ent[-1].like_num:
        return ent
    if not any(t.lower_.rstrip(".") in MONTHS for t in ent):
        return ent
    comma, year = doc[ent.end], doc[ent.end + 1]
    if comma.text != "," or not re.fullmatch(r"(?:1[89]|2[01])\d\d", year.text):
        return ent
    return doc[ent.start : ent.end + 2] if year.sent == ent.sent else ent


def _no_time(ent: SpacySpan) -> bool:
    """A bare number that the tagger calls a date but that names no time: a
    person's age ("Tomas Brandt, 32, of Velmora"), a house's number ("of 1909
    Kestrin Drive"); or a march it takes for the month. As a date it would keep
    its sentence from taking the date of the narrative it goes on with, or pass
    for a year.
    (An age in words, "a 40-year-old man", stays a date here; only the
    narrative's date looks past it: ``DateContext._times_of``.)"""
    text = ent.text.strip()
    if len(ent) == 1 and a_named_march(ent[0]):
        return True  # "March against the closure draws thousands": a protest
    if not text.isdigit():
        return False
    return len(text) <= 3 or street_after(
        ent.doc.text[ent.end_char : ent.end_char + 40]
    )


#: the words of a time counted from the day named last ("the night before",
#: "a fortnight later") that the tagger may leave untagged
_COUNTED_WORDS = frozenset(
    {"day", "night", "morning", "afternoon", "evening", "fortnight"}
)


def _untagged_times(doc: Doc) -> list[SpacySpan]:
    """Times the tagger leaves out: "overnight", and a day counted from the one
    named last that it misses at a paragraph's start ("The day before, rebels
    …", "the night before")."""
    found = []
    for tok in doc:
        if tok.ent_type_:
            continue
        if tok.lower_ == "overnight":
            found.append(doc[tok.i : tok.i + 1])
        elif (counted := _counted_span(tok)) is not None:
            found.append(counted)
    return found


def _counted_span(tok: Token) -> SpacySpan | None:
    """ "The day before", "a fortnight later": a word of time and the side word
    beside it, one the head of the other, as a time counted from another."""
    doc = tok.doc
    if tok.lower_ not in _COUNTED_WORDS or tok.dep_ != "npadvmod":
        return None
    if tok.i + 1 >= len(doc):
        return None
    side = doc[tok.i + 1]
    if side.lower_ not in _SIDES or tok not in (side.head, *side.children):
        return None
    if _has_object(side) or side.dep_ == "mark":
        return None  # "48 hours after the blast": counted from the blast, not a day
    span = doc[tok.left_edge.i : side.i + 1]
    return span if days_from_anchor(span.text) is not None else None


def _has_object(side: Token) -> bool:
    """Whether the side word has an object ("after the vote"): then the time is
    counted from that, not from the day named before."""
    return any(c.dep_ == "pobj" for c in side.children)


def _speaking(cue: Token) -> list[Token]:
    """The participles of speaking on a cue or on its speaker: "Speaking at a
    rally, she said", "Varda, talking to reporters, said"."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    clauses = [c for c in cue.children if c.dep_ == "advcl"]
    clauses += [c for s in subjects for c in s.children if c.dep_ in ("acl", "relcl")]
    return [c for c in clauses if c.tag_ == "VBG" and c.lemma_.lower() in lx.TALKING]


def _when_clause(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def _start_clause(clause: Token) -> list[Token]:
    """The verbs of a clause that says a thing starts, down through what it is
    set or due to do ("that is set to start", "which is due to open"); none
    for a clause of anything else."""
    chain = [clause]
    for _ in range(2):
        nxt = next(
            (c for c in chain[-1].children if c.dep_ in ("xcomp", "acomp")), None
        )
        if nxt is None:
            break
        chain.append(nxt)
    starting = chain[-1].lemma_.lower() in lx.STARTING_VERBS
    planned = all(t.lemma_.lower() in _PLAN_VERBS | {"be"} for t in chain[:-1])
    return chain if starting and planned else []


def _verb_above(ent: SpacySpan) -> bool:
    """Whether the date hangs on a verb, not on a noun ("the attack on Friday")."""
    tok = ent.root
    while tok.head != tok and ent.start <= tok.head.i < ent.end:
        tok = tok.head
    head = tok.head
    while head.dep_ == "prep" and head.head != head:
        head = head.head
    return head.pos_ in ("VERB", "AUX")


def _whole(ent: SpacySpan) -> SpacySpan:
    """A date entity with the word the tagger left out: the year or month after
    its "of" ("[the summer of] 2022"), the side of "[the day] before"."""
    doc = ent.doc
    if ent.end >= len(doc) or ent.end >= ent.sent.end:
        return ent
    after = doc[ent.end]
    of_when = ent[-1].lower_ == "of" and (
        re.fullmatch(r"(?:1[89]|2[01])\d\d", after.text) or after.lower_ in MONTHS
    )
    # "[The day] before", with no object of its own: a day counted back
    # ("[48 hours] later", where the side word heads the span)
    counted = (
        after.lower_ in _SIDES
        and not _has_object(after)  # "[48 hours] after the blast": from the blast
        and after.dep_ != "mark"  # "[three days] after agents searched it": too
        and (after.dep_ == "advmod" and after.head in ent or ent.root.head == after)
    )
    return doc[ent.start : ent.end + 1] if of_when or counted else ent


def _two_ends(ent: SpacySpan) -> list[SpacySpan]:
    """A date entity that the parser reads as two phrases of the verb ("postponed
    from [Tuesday to Friday]": "from Tuesday", "to Friday"), as those two dates;
    a span of time in one phrase ("Monday to Friday" as one noun) stays whole."""
    for tok in ent[1:-1]:
        if tok.lower_ in ("to", "until") and tok.dep_ == "prep":
            head = tok.head
            if head.pos_ in ("VERB", "AUX") and not ent.start <= head.i < ent.end:
                return [ent.doc[ent.start : tok.i], ent.doc[tok.i + 1 : ent.end]]
    return [ent]


def dates_of(doc: Doc) -> DateContext:
    return stage(doc, "newskb_dates", find_dates)


@Language.factory(
    "newskb_dates",
    requires=["doc.ents", "doc.sents"],
    assigns=["doc._.newskb_dates"],
)
def make_dates(nlp: Language, name: str) -> Stage:
    return Stage("newskb_dates", find_dates)


def _narrative_before(sent: SpacySpan) -> SpacySpan | None:
    """The sentence a narrative goes on from: the one before in the paragraph, or
    a lead's or a wire story's one-sentence paragraph before, when the paragraph
    this sentence opens goes on with its story ("Six people died.", "They
    fled.")."""
    before = sentence_before(sent)
    if before is not None:
        return before
    before = paragraph_before(sent)
    return before if before is not None and _goes_on(sent) else None


def _goes_on(sent: SpacySpan) -> bool:
    """Whether a wire paragraph goes on with the story of the one before: it does
    unless it says it turns to another ("Separately, …", "In another attack …")
    or brings in something new as its subject ("A court in Varda jailed …"); the
    subject of what a saying tagged on reports, not the sayer's ("Six died, a
    spokesman said")."""
    if any(t.lower_ in _ANOTHER_STORY for t in sent[:4]):
        return False
    root = sent.root
    told = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    if told and is_cue(root):
        root = told[0]
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another")
        for s in subjects
        for c in s.children
    )


def _simple_past(verb: Token) -> bool:
    """ "attacked", "were killed": a narrative in the past, not "have been"."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ != "had"
        for c in verb.children
    )


def tense(verb: Token) -> Tense:
    """Whether a verb speaks of the past, the present ("ends", "is due") or the future
    ("will", "plans to")."""
    cur: Token | None = verb
    for _ in range(3):
        if cur is None:
            break
        kids = list(cur.children)
        if any(c.lower_ in _FUTURE_AUX for c in kids if c.dep_ == "aux"):
            return "future"
        if may_come(kids) or _ought(kids):
            return "future"  # "could hit Varda on Friday", "should end by June"
        if _set_to_happen(cur, kids):
            return "future"
        if cur.lemma_ in _PLAN_VERBS and any(
            c.dep_ == "auxpass" and c.tag_ in _PRESENT for c in kids
        ):
            return "future"  # "is set for June 5", "is scheduled for Monday"
        if cur.lemma_ in ("schedule", "slate") and any(
            c.dep_ == "auxpass" for c in kids
        ):
            return "future"  # "the vote was scheduled for Friday": ahead
        # "after the report is delivered": a present clause of time, in the passive
        clause = _present_passive(cur) and _clause_of_time(cur)
        if cur.tag_ in ("VBD", "VBN") and cur.dep_ != "xcomp" and not clause:
            if cur != verb and _present_passive(cur):
                break  # "is meant to avoid a rift when talks resume": the clause's own
            return "past"
        if (
            cur.lemma_ in _PLAN_VERBS
            or cur.dep_ == "xcomp"
            and cur.head.lemma_ in _PLAN_VERBS
        ):
            return "future"
        # "will argue when the trial begins": a present clause of time under a
        # future verb lies ahead too
        follows = cur.dep_ in ("xcomp", "conj") or _clause_of_time(cur)
        cur = cur.head if follows else None
    kids = list(verb.children)
    if present_perfect(verb):
        return "past"  # "has announced", "have been searching since …": a perfect
    present = (
        verb.tag_ in ("VBZ", "VBP")
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in kids)
        # a finite verb the tagger took for a bare form: "United play Rovers"
        or verb.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in kids)
        and not any(c.dep_ == "aux" for c in kids)
    )
    return "present" if present else "past"


_PRESENT = ("VBZ", "VBP")


def _present_passive(verb: Token) -> bool:
    """ "is meant", "are designed": a participle with a present "be", a state of
    now, not a deed of the past."""
    return any(c.dep_ == "auxpass" and c.tag_ in _PRESENT for c in verb.children)


_TIME_MARKS = frozenset({"when", "until", "before", "after", "once", "as"})


#: modals of what may come; with "have" ("may have hit") they look back
_MAY = {"could", "may", "might"}


def may_come(kids: list[Token]) -> bool:
    aux = [c.lower_ for c in kids if c.dep_ == "aux"]
    return any(a in _MAY for a in aux) and "have" not in aux


def _ought(kids: list[Token]) -> bool:
    """ "should be decided by June": what ought to happen lies ahead (not "should
    have", which looks back); a tense, not a doubt ("could", "may"), so the event
    stays one that is planned."""
    aux = [c.lower_ for c in kids if c.dep_ == "aux"]
    return "should" in aux and "have" not in aux


def _clause_of_time(verb: Token) -> bool:
    """A present clause of time: "when the trial begins", "once talks resume",
    "after the report is delivered"."""
    return (
        verb.dep_ == "advcl"
        and (verb.tag_ in _PRESENT or _present_passive(verb))
        and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS
            for c in verb.children
        )
    )


def _set_to_happen(verb: Token, kids: list[Token]) -> bool:
    """A verb that says what is to come: "the summit to be held in May", "she is
    to visit Riga", "he is due in Porto", "Varda to close border" (a headline),
    "we are going to open it in May"."""
    if any(c.tag_ == "TO" for c in kids) and (
        # "Kellan to hold election on Sept. 14": a headline's future
        verb.dep_ in ("acl", "relcl", "ROOT")
        or verb.dep_ == "advcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
    ):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ == "be" and head.tag_ in _PRESENT:
        return True
    if verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
        # "we're going to open it in May", "said they were going to": what
        # is to come (not "he was going to quit in May", told as past)
        told = head.dep_ == "ccomp" and is_cue(head.head)
        return told or not any(c.tag_ == "VBD" for c in head.children)
    return (
        verb.lemma_ == "be"
        and verb.tag_ in _PRESENT
        and any(c.dep_ == "acomp" and c.lemma_ in _PLAN_VERBS for c in kids)
    )


def present_perfect(verb: Token) -> bool:
    """ "has been arrested", "have resigned": a present perfect, not "is underway"
    or "there are" (nor the past perfect "had resigned")."""
    return any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in _PRESENT
        for c in verb.children
    )


def _now(verb: Token) -> bool:
    """A present progressive, a present perfect or "there is/are", or a participle
    clause that hangs on one ("…, with rain bringing floods")."""
    cur = verb
    for _ in range(3):
        kids = list(cur.children)
        auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        present = {c.lemma_ for c in auxes if c.tag_ in _PRESENT}
        if present & {"be", "have"}:
            # "is causing", "has been quarantined"; not "is attributed", "has been a"
            progressive = "be" in present and cur.tag_ == "VBG"
            perfect = "have" in present and cur.tag_ == "VBN" and cur.lemma_ != "be"
            return progressive or perfect
        if cur.tag_ in _PRESENT and cur.lemma_ == "be":
            return any(c.dep_ == "expl" for c in kids)
        if cur.tag_ != "VBG" or auxes:
            return False
        head = next((a for a in cur.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if head is None:
            return False
        cur = head
    return False


#: plural nouns of time that make "over the centuries", "for years" a span
_SPANS = frozenset(
    "years decades centuries months weeks days hours generations ages".split()
)


def _over_a_span(verb: Token) -> bool:
    """A perfect that sums up a stretch of time, not what happened at the time of
    writing: "has killed 7,000 people since it began", "has caused millions of
    deaths over the centuries", "have risen for years", "has sold 2 million so far"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(c for o in objects for c in o.children)]:
        word = child.lower_
        if word == "since" or any(c.lower_ == "since" for c in child.children):
            return True  # "since 2019", "since it began"
        so_far = word == "far" and any(c.lower_ == "so" for c in child.children)
        if child.dep_ == "advmod" and (so_far or word == "ever"):
            return True  # "so far", "has ever seen"
        if child.dep_ == "prep" and word in ("over", "for", "during", "throughout"):
            if any(t.lower_ in _SPANS for t in child.subtree):
                return True
        if (
            child.dep_ == "prep"
            and word == "to"
            and any(c.lower_ == "date" for c in child.children)
        ):
            return True  # "to date"
    return False


def _read(
    found: Tense, ahead: bool, verb: Token | None = None, ent: SpacySpan | None = None
) -> Tense:
    if verb is not None and verb.lemma_.lower() in _PUT_OFF:
        return "future"  # "postponed until Saturday": the new time lies ahead
    if verb is not None and ent is not None and _moved_to(ent, verb):
        return "future"  # "the vote was moved to Nov. 9": the new time too
    if verb is not None and ent is not None and _set_for(ent, verb):
        return "future"  # "the vote was set for Dec. 3": the time it was set for
    return "ahead" if found == "present" and ahead else found


def _awaited(ent: SpacySpan) -> bool:
    """A date on a thing awaited: "ahead of Tuesday's vote", "ahead of talks on
    Tuesday" name what comes after the time they are told from, whatever the
    tense of the verb they hang on (not "before", which past narratives use too)."""
    noun = ent.root
    for _ in range(3):
        head = noun.head
        if awaited(noun):
            return True
        if noun.dep_ not in ("poss", "pobj", "compound") or head.pos_ == "VERB":
            return False
        noun = head if head.pos_ in ("NOUN", "PROPN") else head.head
    return False


#: words that set a noun's event later than the time told: "ahead of the vote",
#: "prior to the hearing", "in advance of the summit", "on the eve of the final"
_AWAITING = frozenset({"ahead", "prior", "advance", "eve"})
#: what "ahead of" measures against in idioms, no thing awaited: "ahead of
#: schedule", "ahead of time", "ahead of expectations", "ahead of its rivals"
_NOT_AWAITED = frozenset(
    {
        "schedule",
        "time",
        "plan",
        "expectation",
        "target",
        "forecast",
        "estimate",
        "rival",
    }
)


def awaited(noun: Token) -> bool:
    """Whether ``noun`` is the thing awaited of "ahead of …", "prior to …" (not
    the yardstick of "ahead of schedule")."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("of", "to")
        and prep.head.lower_ in _AWAITING
        and noun.lemma_.lower() not in _NOT_AWAITED
    )


def _moved_to(ent: SpacySpan, verb: Token) -> bool:
    """ "moved to Nov. 9", "shifted to Friday": the date a thing was moved to
    (not "moved to Varda in 2019": there the date is the move's own)."""
    prep = ent.root.head
    return (
        verb.lemma_.lower() in ("move", "shift")
        and ent.root.dep_ == "pobj"
        and prep.lower_ in ("to", "until")
        and prep.head == verb
    )


def _set_for(ent: SpacySpan, verb: Token) -> bool:
    """ "was set for Dec. 3", "were planned for May": the date a thing was set
    for (not "was set on fire on Monday", the deed's own)."""
    prep = ent.root.head
    return (
        verb.lemma_.lower() in _PLAN_VERBS
        and ent.root.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head == verb
    )


def _right_after(ent: SpacySpan, noun: Token) -> bool:
    """ "ahead of the vote on Friday": a date in the phrase right after the noun is
    the noun's, though the parser hangs it on the verb."""
    prep = ent.root.head
    return (
        ent.root.dep_ == "pobj"
        and prep.lower_ in ("on", "at", "in")
        and prep.i == noun.right_edge.i + 1
    )


def _of_the_awaited(ent: SpacySpan) -> bool:
    """ "met ahead of the vote on Friday": the date right after a thing awaited is
    that thing's, not the verb's the parser hangs it on."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.i == 0:
        return False
    before = ent.doc[prep.i - 1]
    return any(awaited(t) and _right_after(ent, t) for t in (before, *before.ancestors))


def _nouns_up(ent: SpacySpan, verb: Token) -> int:
    """How many nouns stand between a date and the verb it hangs on: "on Tuesday"
    none, "after talks on Monday" one."""
    count = 0
    for tok in ent.root.ancestors:
        if tok == verb:
            break
        # a word of time is none: "on the night of Monday"
        timely = tok.ent_type_ in ("DATE", "TIME") or ent.start <= tok.i < ent.end
        count += tok.pos_ in ("NOUN", "PROPN") and not timely
    return count


def _not_when(ent: SpacySpan) -> bool:
    """A date that says when no event of its sentence happened: one that starts a
    span, or the time a figure is compared with."""
    return _since(ent) or _compared_with(ent)


#: words that compare a figure with an earlier one: "up from", "higher than"
_COMPARING = frozenset({"from", "than", "compared", "versus", "vs", "vs."})
#: the earlier time a figure is compared with: "a year earlier", "a year ago"
_EARLIER = re.compile(r"\b(?:earlier|ago|previous|prior|same period)\b", re.IGNORECASE)


def _compared_with(ent: SpacySpan) -> bool:
    """ "up from $9 million a year earlier", "compared with the same period last
    year": the time of the figure compared with, not of the event."""
    for tok in ent.root.ancestors:
        if tok.lower_ in _COMPARING:
            return tok.lower_ != "from" or bool(_EARLIER.search(ent.text))
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _since(ent: SpacySpan) -> bool:
    """A date after "since": "the largest meeting since 1949"; and the old time of
    what was put off: "postponed from Tuesday to Friday"."""
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "since":
        return True
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "from":
        return ent.root.head.head.lemma_.lower() in _PUT_OFF
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since"


def _the_day(ent: SpacySpan) -> bool:
    """ "on the day": the day already told, no other (not "the day of the vote",
    "the day after the vote")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    on = ent.start > 0 and doc[ent.start - 1].lower_ == "on"
    alone = after is None or after.is_punct or after.is_space
    return on and alone and ent.text.lower() == "the day"


def _yet_to_come(ent: SpacySpan) -> bool:
    """A date of what is yet to come ("vowed they would rebuild the bridge in
    March"): it sets no day for a narrative of what happened."""
    verb = dated_verb(ent)
    return verb is not None and tense(verb) == "future"


#: words that tell a month from the day of writing: "last November", "next May"
_FROM_NOW = frozenset({"last", "next", "this", "coming", "past"})


def _yearless(ent: SpacySpan) -> bool:
    """A month, or a month's day, that names no year and no time from now:
    "November 20", "in March", "early May" (not "last March", "May 2019")."""
    words = {t.lower_.rstrip(".") for t in ent}
    return (
        bool(words & MONTHS.keys())
        and not words & _FROM_NOW
        and not any(re.fullmatch(r"\d{4}", t.text) for t in ent)
    )


def _sets_a_clause_apart(ent: SpacySpan) -> bool:
    """The span that sets a clause of time apart from its main verb ("made the
    announcement [one day] after rebels won"): no time of the sentence, which
    the narrative's day may still date."""
    root = ent.root
    return (
        _interval_noun(root)
        and root.head.dep_ == "advcl"
        and any(
            c.dep_ == "mark" and c.lower_ in lx.TIME_APART for c in root.head.children
        )
    )


def _sets_the_day(ent: SpacySpan, sent: SpacySpan) -> bool:
    """Whether a date of the sentence a narrative goes on from sets the day it is
    on: any date of a sentence told in the simple past, else only one on its main
    verb itself ("Kellan, who was named in 1981, has since faced calls …", "they
    are among those charged in the worst case in 2003" set none); and never one
    that starts a span ("… since the invasion in 2003")."""
    if any(map(_since_phrase, ent.root.ancestors)):
        return False
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN"):
        # "A bus overturned near Kestrin on Tuesday." read as a noun phrase, its
        # verb a participle of "bus": the sentence is that verb's
        root = next((c for c in root.children if c.dep_ == "acl"), root)
        if root.tag_ == "VBN" and _attached(ent, root):
            return True
    own = _attached(ent, root) and not _nouns_up(ent, root)
    return _simple_past(root) or own


def _a_length_of(ent: SpacySpan) -> bool:
    """A length of time that measures a deed or a thing, not when it was: "was
    jailed for a week", "sentenced to ten years", "a four-year term" (not
    "fought for years", which tells of a time before the day told)."""
    if not a_length(ent.text):
        return False
    if _modifies(ent) is not None:
        return True
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in ("to", "for"):
        return False
    head = prep.head
    passive = any(c.dep_ == "auxpass" for c in head.children)
    return prep.lower_ == "to" or passive or head.pos_ in ("NOUN", "PROPN")


def _modifies(ent: SpacySpan) -> Token | None:
    """The noun a date is a modifier of ("the March 3 bombing", "Monday's attack");
    not a word of time ("Tuesday night")."""
    for tok in ent:  # not ent.root: "the Nov. 14" hangs on the noun twice
        head = tok.head
        outside = not ent.start <= head.i < ent.end
        if outside and tok.dep_ in ("poss", "compound", "nmod", "amod", "nummod"):
            timely = head.ent_type_ in ("DATE", "TIME")
            return head if head.pos_ in ("NOUN", "PROPN") and not timely else None
    return None


def _noun_phrase_up(noun: Token) -> list[Token]:
    """The noun and the nouns its phrase hangs on, up to a verb: "clinic" in "the
    1998 bombing of a clinic" gives [clinic, bombing]."""
    nouns = [noun]
    cur = noun
    while cur.dep_ in ("pobj", "prep", "appos", "compound") and cur.head != cur:
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN"):
            nouns.append(cur)
    return nouns


def _may_date(
    described: Token | None, verb: Token, cur: Token, noun: Token | None
) -> bool:
    """Whether a date on a noun (``described``) dates the verb: a date on no noun
    does; one on the event's own noun, on the verb's subject or object ("the Monday
    attack killed …"), or on the noun a relative clause describes ("a 2010 raid that
    killed nine"); not one that describes anything else ("the 1961 crew")."""
    if described is None or described == noun:
        return True
    if noun is not None and described in _noun_phrase_up(noun):
        return True  # "the 1995 killing at a rally": the rally was then too
    if verb.dep_ == "relcl" and described in _noun_phrase_up(verb.head):
        return True
    if cur == verb and _occasion_of(described, verb):
        return True  # "plays Varda in the Dec. 17 final": the game is then
    return cur == verb and described.dep_ in CORE_DEPS and described.head == verb


def _at_another_time(verb: Token) -> bool:
    """A clause of time some span before or after its main verb's ("a year after
    a fire gutted it"), or the deed a legal step is over ("was jailed on Monday
    for killing two men"): the main verb's date is not its own."""
    if verb.pos_ == "VERB" and charged_deed(verb):
        return True
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in lx.TIME_APART for c in verb.children)
        and an_interval(verb)
    )


def span_apart(tok: Token) -> tuple[str, str] | None:
    """The words of the span of time ("two days", "a week") that sets ``tok``
    apart from the deed it hangs on, with its side word: the noun of "two days
    after the robbery", "a day after the vote", the verb of "a week after
    inspectors visited it"; None for anything else."""
    if tok.dep_ == "advcl":
        side = next(
            (c for c in tok.children if c.dep_ == "mark" and c.lower_ in lx.TIME_APART),
            None,
        )
        at = tok
    elif tok.dep_ == "pobj" and tok.head.lower_ in lx.TIME_APART:
        side = at = tok.head
    else:
        return None
    if side is None:
        return None
    words = _interval_words(at)
    return None if words is None else (words, side.lower_)


def _interval_words(at: Token) -> str | None:
    """The words of the span of time on a side word or a clause of time: "two
    days" of "two days after"; "a day" of "a day after the vote", where the span
    heads the phrase."""
    spans = [c for t in _with_its_mark(at) for c in t.children if _interval_noun(c)]
    if not spans and at.dep_ == "prep" and _interval_noun(at.head):
        spans = [at.head]
    if not spans:
        return None
    return at.doc[spans[0].left_edge.i : spans[0].i + 1].text  # not "… after …"


def _counted_across(ent: SpacySpan, verb: Token, value: DateValue) -> DateValue | None:
    """The verb's date from one in a phrase that sets a span apart: "Two days after
    the quake on Monday, rescuers found a girl" is two days after that Monday;
    ``value`` itself when no such phrase lies between the date and the verb."""
    tok = ent.root
    while tok != verb and tok.head != tok:
        if (
            tok.dep_ == "prep"
            and tok.head == verb
            and tok.lower_ in ("after", "before")
        ):
            words = _interval_words(tok)
            if words is None:
                return value
            return apart_by(value, words, later=tok.lower_ == "after")
        tok = tok.head
    return value


def _interval_noun(tok: Token) -> bool:
    return tok.dep_ == "npadvmod" and tok.lemma_.lower() in lx.INTERVAL_UNITS


def an_interval(tok: Token) -> bool:
    """ "four months after", "days before": a span of time set between two
    things (a bare "after" may still be the same day)."""
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in lx.INTERVAL_UNITS
        for at in _with_its_mark(tok)
        for c in at.children
    )


def _with_its_mark(tok: Token) -> list[Token]:
    """A word and the mark of time on it, which the parser may hang the span on
    ("[three days] after agents searched …")."""
    marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in lx.TIME_APART]
    return [tok, *marks]


def _time_clause(tok: Token) -> Token | None:
    """The clause of time before or after another ("after a fire gutted it") that
    a token is in, if any."""
    return next((a for a in [tok, *tok.ancestors] if _at_another_time(a)), None)


def _occasion_of(noun: Token, verb: Token) -> bool:
    """A thing that happens, which the verb's deed takes place in or at."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head != verb or prep.lower_ not in ("in", "at"):
        return False
    word = noun.lemma_.lower()
    return word in lx.NOUN_TRIGGERS or word in lx.THING_NAME_HEADS


def _dates_the_saying(ent: SpacySpan, verb: Token) -> bool:
    """ "said on Monday it will cut jobs", "speaking on Monday, said it will cut
    jobs": Monday dates the saying, not the cuts."""
    if verb.dep_ != "ccomp" or not is_cue(verb.head):
        return False
    return any(
        a.left_edge.i <= ent.start and ent.end <= a.right_edge.i + 1
        for a in [*cue_adjuncts(verb.head), *_speaking(verb.head)]
    )


def _of_another_time(ent: SpacySpan, verb: Token, when: Tense) -> bool:
    """A date of another verb, one in the past where this one speaks of now or what
    is to come, or the other way round: "On Thursday he announced a role as the
    party heads toward a convention" (Thursday is not the convention's); "called
    the vote a success and said building would start in 2031" (nor is 2031 the
    vote's). ``when`` is this verb's tense."""
    head = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if head is None or head == verb or not _finite(head):
        return False  # "ahead of landfall, expected on Thursday": no time of its own
    return (when == "past") != (tense(head) == "past")


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


def dated_verb(ent: SpacySpan) -> Token | None:
    """The verb a date belongs to in its own clause ("released … on Friday"), or
    None for a date after "since" or one that hangs on no verb."""
    if _not_when(ent) or _modifies(ent) is not None:
        return None
    verb = next((a for a in ent.root.ancestors if a.pos_ == "VERB"), None)
    return verb if verb is not None and _attached(ent, verb) else None


def _a_session_of(tok: Token, verb: Token) -> bool:
    """ "in early trading", "at the close": a time of the trading day that the
    move's verb, or a word of its own, holds ("fell 4 percent in early trade");
    not "a trade dispute", "worries over trade", "met in a session"."""
    if tok.dep_ != "pobj" or tok.lemma_.lower() not in lx.TRADING_SESSIONS:
        return False
    held = tok.head.head
    return held == verb or held.head == verb and held.dep_ in _OF_THE_MOVE


#: the words of a move that a time of the trading day may hang on: "4 percent",
#: "down", "a 4 percent drop"
_OF_THE_MOVE = ("npadvmod", "dobj", "advmod", "acomp", "attr", "prt")


def _another_clauses(ent: SpacySpan, verb: Token) -> bool:
    """A date that hangs on the verb of another clause, not one the verb is in:
    "arrested two men who had robbed a bank in 2019", "Kellan Bank, founded in
    1950, cut jobs" (the robbery's, the founding's date)."""
    own = dated_verb(ent)
    return (
        own is not None
        and own != verb
        and own not in verb.ancestors
        and (_own_clause(own) or own.dep_ == "ccomp")
        # a saying's date is what it reports' too, as the parser hangs it
        and not is_cue(own)
        # "the attack, which took place on Monday, killed three": the attack's
        # date is what it did's
        and own.head.lemma_.lower() not in lx.NOUN_TRIGGERS
    )


def _own_clause(verb: Token) -> bool:
    """A clause that describes a noun with a deed of its own: "who had robbed a
    bank", "founded in 1950"; not a participle of what the noun is doing then
    ("protesters carrying banners", "a ferry leaving the harbour"), which the
    parser often hangs on the wrong noun."""
    return verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBN"


def _in_a_since_clause(ent: SpacySpan, verb: Token) -> bool:
    """A date in a clause of "since" below another verb: "the speech stirred a
    league that had been quiet since the protest began in 2016" (2016 is the
    start of a span, not the speech's). It climbs past where the date's and the
    verb's branches meet: a verb in another branch of the same clause of "since"
    ("since Kestrin closed it, citing a strike in March, and cut jobs") does not
    take the date either; the verb it hangs on has it already."""
    for tok in ent.root.ancestors:
        if tok == verb:
            return False
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            return True
    return False


def _outside_its_since_clause(ent: SpacySpan, verb: Token) -> bool:
    """A date outside the clause of "since" that ``verb`` heads: "since the deal
    was signed, the plant has had a fire in October" (the fire's, not the
    deal's, which came before all the span tells)."""
    opens = any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)
    return opens and ent.root not in verb.subtree


def _since_phrase(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "since"


def _of_a_charged_deed(ent: SpacySpan, verb: Token, noun: Token | None) -> bool:
    """A date in the words of the deed a legal step is over, when what is dated
    is outside them: "face charges over the killing last year" (not the charges'
    date; but "the May 2004 killing at a rally" dates the rally)."""
    return any(
        charged_deed(a) and not {verb, noun} & {a, *a.subtree}
        for a in ent.root.ancestors
    )


def _attached(ent: SpacySpan, verb: Token) -> bool:
    tok = ent.root
    while tok.head != tok and tok != verb:
        if tok.dep_ in _OWN_CLAUSES and tok.pos_ in ("VERB", "AUX"):
            return False
        if _since_phrase(tok):
            return False  # "Since a slump in 2016, sales have grown": not 2016's
        tok = tok.head
    return tok == verb
