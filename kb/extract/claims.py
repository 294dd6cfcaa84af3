"""``newskb_claims``: every claim in the article: the direct quotes of
``newskb_quotes`` plus reported speech ("X said that …", "…, she said, …",
"according to X, …"), each with its claimant, cue, statement span and date."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.extract.cues import (
    asked,
    attribution_of,
    content,
    cue_adjuncts,
    intended,
    is_cue,
    made_clear,
    object_content,
    passive_participle,
    put_it,
    reporting_cue,
    shown,
    sure_of,
    trim,
    viewed_as,
    worried_about,
)
from kb.extract.extensions import Stage, stage
from kb.extract.figures import figures_of
from kb.extract.quotes import follow_on_quotes, quotes_of
from kb.extract.records import RawClaim
from kb.extract.resolve import AttributionRules, speaker_noun
from kb.extract.syntax import prep_objects
from kb.text import lexicon as lx
from kb.text.dates import resolve

__all__ = [
    "ATTRIBUTION_TYPES",
    "DEFAULT_ATTRIBUTIONS",
    "DOCUMENT_WORDS",
    "claims_of",
    "find_claims",
]

#: every kind of attribution the rules know
ATTRIBUTION_TYPES = ("statement", "belief", "intention")
#: what is extracted unless asked otherwise: what sources say and believe. Intentions
#: ("X plans to …") are opt-in: news annotation guides rarely count them as claims.
DEFAULT_ATTRIBUTIONS = ("statement", "belief")


def find_claims(
    doc: Doc, attributions: Iterable[str] = DEFAULT_ATTRIBUTIONS
) -> list[RawClaim]:
    """The article's claims of the given attribution types, in text order.

    :raises ValueError: for an attribution type that is not one of ATTRIBUTION_TYPES.
    """
    wanted = frozenset(attributions)
    unknown = wanted - set(ATTRIBUTION_TYPES)
    if unknown:
        raise ValueError(
            f"unknown attribution type {sorted(unknown)[0]!r}: use {', '.join(ATTRIBUTION_TYPES)}"
        )
    return _ClaimRules(doc, wanted).run()


def claims_of(doc: Doc) -> list[RawClaim]:
    return stage(doc, "newskb_claims", find_claims)


@Language.factory(
    "newskb_claims",
    requires=["doc._.newskb_quotes", "doc._.newskb_figures"],
    assigns=["doc._.newskb_claims"],
    default_config={"attributions": list(DEFAULT_ATTRIBUTIONS)},
)
def make_claims(nlp: Language, name: str, attributions: list[str]) -> Stage:
    find_claims(Doc(nlp.vocab, words=[]), attributions)  # an unknown type fails here
    return Stage("newskb_claims", lambda doc: find_claims(doc, attributions))


def _fragment_of(quote: RawClaim, claim: RawClaim) -> bool:
    """A quote with no cue of its own after what a cue reports, in its sentence
    ('called it a “mistake,” made by “voices” who are “…”'): the rest of that
    claim (not of one in pieces; a quote the claim holds already stays the
    claim: 'called the vote “…”')."""
    return (
        quote.direct
        and quote.cue is None
        and not claim.parts
        and claim.stmt_end <= quote.stmt_start + 2
        and quote.stmt_end <= claim.end
    )


def _nested_in(inner: RawClaim, outer: RawClaim) -> bool:
    """An indirect claim whose cue and words are all inside what another cue,
    outside them, reports: a view the outer speaker tells of, part of their claim."""
    if inner.direct or inner.cue is None or outer.cue is None:
        return False
    cue = inner.cue.idx
    return (
        outer.stmt_start <= cue < outer.stmt_end
        and outer.stmt_start <= inner.stmt_start
        and inner.stmt_end <= outer.stmt_end
        and not outer.stmt_start <= outer.cue.idx < outer.stmt_end
    )


#: the clauses a noun may hold ("a statement [saying …]", "a report [that …]")
_CLAUSES = ("acl", "relcl")
#: verbs of advice, which say something only with what to do: "advised X to …"
_ADVISING = frozenset({"advise", "encourage"})


def _denies_a_claim(verb: Token) -> bool:
    """ "denied the allegations", "denied wrongdoing": a denial of what was said or
    done; not "denied them licences", a refusal to grant."""
    if verb.lemma_.lower() not in lx.DENIALS:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in lx.DENIED_THINGS for o in objs)


def _reported_act(verb: Token) -> bool:
    """A request inside what another cue reports ("said the union would ask the
    court to …"): part of that statement, not one of its own."""
    if verb.lemma_.lower() not in lx.REQUEST_VERBS:
        return False
    return (verb.dep_ == "ccomp" and is_cue(verb.head)) or reporting_cue(
        verb
    ) is not None


def _names_something(verb: Token) -> bool:
    """ "called him divisive", "called it “a farce”": a name given to something is
    a statement however short."""
    return verb.lemma_.lower() == "call" and any(
        c.dep_ in ("oprd", "xcomp") for c in verb.children
    )


def _document_word(tok: Token) -> bool:
    return tok.lower_ in lx.SOURCE_NOUNS or tok.lemma_.lower() in lx.SOURCE_NOUNS


def _declined(verb: Token) -> bool:
    """ "refused to discuss …", "declined to comment on …", "was not authorised to
    discuss …": nothing was said."""
    head = verb.head
    return verb.dep_ == "xcomp" and (
        head.lemma_.lower() in lx.REFUSAL_VERBS
        or any(c.dep_ == "neg" for c in head.children)
    )


def _tag_read_as_clause(cue: Token) -> bool:
    """A speech tag after what was said that the parser took for a relative
    clause on the noun before it ("… its new van, parent company Kellan
    announced on Friday"): set off by a comma, with a subject that is no
    relative word and nothing said after the cue."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if cue.dep_ != "relcl" or subj is None or subj.i > cue.i:
        return False
    if subj.lower_ in lx.RELATIVE_PRONOUNS or subj.left_edge.i == 0:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        return False
    return cue.doc[subj.left_edge.i - 1].text == ","


def _belief_aside(verb: Token) -> bool:
    """ "…, fearing his life was in danger", "…, hoping the noise would help": a
    participle of belief with no subject of its own, hung on another verb, tells
    why someone acted, not a view they put forward (a participle of saying does:
    "…, warning that …")."""
    return (
        attribution_of(verb) == "belief"
        and verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    )


def _acting_subject(subj: Token) -> bool:
    """The active subject of a verb ("critics have long condemned …"), not what a
    passive verb or a participle describes ("the label was used to denounce …",
    "candidates proposing …"): only such a subject is a speaker of its own."""
    return subj.dep_ == "nsubj"


#: the words for a document whose issuer may be named in its phrase ("the
#: Department of Labour complaint", "figures from the ministry"); also what
#: kb.extract.assemble takes for a document standing alone as an actor
DOCUMENT_WORDS = lx.SPEAKING_DOCUMENTS | lx.SOURCE_NOUNS | lx.ISSUED_DOCUMENTS


def _refers_back(doc_word: Token) -> bool:
    """ "the statement", "this report", "Friday's statement": a document met before."""
    return any(
        c.dep_ == "det"
        and c.lower_ in ("the", "this", "that")
        or c.dep_ == "poss"
        and c.ent_type_ == "DATE"
        for c in doc_word.children
    )


def _another(doc_word: Token) -> bool:
    """ "another report", "a second ruling", "a separate study": not the one
    met before."""
    return any(
        c.lower_ in lx.OTHER_DOCUMENT_WORDS or c.ent_type_ == "ORDINAL"
        for c in doc_word.children
        if c.dep_ in ("det", "amod")
    )


def _does_deed(tok: Token, deeds: frozenset[str]) -> bool:
    """Whether the token is the verb of the deed a document is of ("the court
    ruled"), not a phrasal verb of the same word ("ruled out new taxes")."""
    if tok.pos_ != "VERB" or tok.lemma_ not in deeds or tok.dep_ == "amod":
        return False
    return not any(c.dep_ == "prt" for c in tok.children)


def _reports_clause(cue: Token) -> bool:
    """A cue that is not one of the weak ones ("show", "find") and governs the
    clause it reports: then its subject is a speaker even when the article names it
    nowhere else."""
    return cue.lemma_.lower() not in lx.WEAK_CUES and any(
        c.dep_ == "ccomp" for c in cue.children
    )


def _inset(cue: Token) -> list[Token]:
    """The words of a parenthetical attribution (", she said on Monday,"): the cue
    and what hangs on it, but not a clause the parser joins to it after it
    ("…, he said, and the talks could fail": the talks are what he said)."""
    words = [cue]
    said_on = any(_said_clause(cue, c) for c in cue.children)
    for child in cue.children:
        if said_on and child.i > cue.i and child.dep_ in ("conj", "cc"):
            continue
        if child.i > cue.i and _reason_clause(child):
            continue  # "…, she said, because …": the reason is said too
        words.extend(child.subtree)
    return sorted(words, key=lambda t: t.i)


def _reason_clause(tok: Token) -> bool:
    """A clause with a subject of its own hung on a cue after it that gives a
    reason or condition ("because the turnout was high"), not a time ("after the
    vote ended")."""
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and bool(marks)
        and not set(marks) & lx.WHEN_MARKS
    )


def _without_speaker(clause: SpacySpan, subj: Token, cue: Token) -> SpacySpan:
    """A reported clause the parser ran on into its speaker ("… on their way
    home, Ana Obi, a port spokeswoman, said"): the clause up to the comma
    before the name."""
    if not (clause.start < subj.i < clause.end <= cue.i):
        return clause
    if subj.pos_ != "PROPN" and subj.dep_ not in ("appos", "conj"):
        return clause
    if subj.pos_ == "PROPN":
        name_start = next(
            (t.i for t in subj.subtree if t.pos_ == "PROPN" and t.i <= subj.i), subj.i
        )
    else:
        name_start = subj.left_edge.i  # "…, senior economists, said"
    if name_start - 1 <= clause.start or clause.doc[name_start - 1].text != ",":
        return clause
    return clause.doc[clause.start : name_start - 1]


def _to_of(according: Token) -> Token | None:
    """The "to" of "according to", as a child or the next word."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    doc = according.doc
    if (
        to is None
        and according.i + 1 < len(doc)
        and doc[according.i + 1].lower_ == "to"
    ):
        to = doc[according.i + 1]
    return to


def _per(tok: Token) -> Token | None:
    """ "Per Varda police, two men were held": "per" that opens its sentence and
    is set off by a comma cites a source, as "according to" does (not "$5 per
    share")."""
    if tok.lower_ != "per" or tok.i != tok.sent.start:
        return None
    end = tok.right_edge.i + 1
    return tok if end < len(tok.doc) and tok.doc[end].text == "," else None


def _addressee(tok: Token, top: Token) -> bool:
    """A word of whom a message in ``top``'s phrase went to ("according to a
    memo mailed to Ana Obi"): the one who received it, never its source."""
    while tok != top and tok.head != tok:
        if (
            tok.dep_ in ("prep", "dative")
            and tok.lower_ == "to"
            and tok.head.pos_ == "VERB"
        ):
            return True
        tok = tok.head
    return False


def _before_other_cue(sent: SpacySpan, start: int) -> int:
    """Where what a parenthetical cue attributes stops: before another source's
    cue clause ("…, he said, and Ana Obi added that …"), else at the sentence end."""
    for tok in sent.doc[start : sent.end]:
        if is_cue(tok) and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            end = min(t.i for t in tok.subtree)
            while end > start and sent.doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
            return end
    return sent.end


def _said_clause(cue: Token, child: Token) -> bool:
    """A clause joined after the cue with a subject of its own, not another cue
    ("…, he said, and the talks could fail"); not "…, he said, and left"."""
    return (
        child.dep_ == "conj"
        and child.i > cue.i
        and not is_cue(child)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    )


# a paragraph "Name: what they say": a label of at most six words that opens with a
# capital (a name, "Mayor Ana Obi at the summit", "ANA OBI"), then a colon. Each
# word holds a letter or digit: a lone " . " ends a sentence, so "By . Ana Obi .
# UPDATED:" is a byline run into the story, not a speaker's label
_LABELLED = re.compile(
    r"^((?:[A-Z][\w.’'-]*)(?:[ \t][.’'-]*\w[\w.’'-]*){0,5}):[ \t]+([^\n]+)$",
    re.MULTILINE,
)


# an embedded post: what was posted, then "— Sedbergh Airport (@SedAir) May 2, 2025"
_POST = re.compile(
    r"^([^\n]{12,}?)[ \t]+([—–]|--)[ \t]+([^\n()@—–]{2,60}?)[ \t]+\(@\w{1,30}\)"
    r"[ \t]+([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})[ \t]*$",
    re.MULTILINE,
)


_THREAD_COUNT = re.compile(r"\s*\(\d{1,2}/\d{1,2}\)\s*$")


# a title-case headline "Ana Obi Says …" on the article's first line: who (up to
# six words), the verb of saying, what was said
_HEADLINE = re.compile(
    r"(?:[^\S\n]*)((?:[A-Z][\w.’'-]*[ \t]){1,6}?)"
    r"(Says|Said|Tells|Told|Warns|Thinks|Believes|Fears|Claims|Insists|Denies|"
    r"Admits|Argues|Predicts|Vows|Urges|Slams|Blasts|Praises|Accuses|Calls)"
    r"[ \t]+([A-Z][^\n]*?)[ \t]*$",
    re.MULTILINE,
)


def _has_subject(words: SpacySpan) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in words)


def _said_alone(label: SpacySpan, said: SpacySpan) -> bool:
    """What a bare name's label introduces as that speaker's words, though title
    case leaves the parser no subject in them ("Ana Obi: Port Deal 'A Disaster'"):
    words with a verb or a quote mark; not after a label that is a phrase of its
    own ("Follow Ana Obi on Twitter: …"), nor a caption ("Ana Obi: A Life in
    Pictures") or a question about the person ("Ana Obi: Hero or Villain?")."""
    phrase = any(t.pos_ in ("VERB", "ADP") for t in label)
    if phrase or said.text.rstrip().endswith("?"):
        return False
    return any(t.is_quote or t.pos_ in ("VERB", "AUX") for t in said)


#: possessive pronouns and the gender of the person they own for ("" for any)
_POSSESSIVES = {"his": "m", "her": "f", "their": "", "its": ""}
#: a subject pronoun and its possessive
_SUBJECT_OF = {"he": "his", "she": "her", "they": "their", "it": "its"}
#: the kinds of actor a label names as a speaker
_SPEAKERS = ("Person", "Organization")


class _ClaimRules(AttributionRules):
    """Reported-speech rules over one Doc."""

    def __init__(self, doc: Doc, attributions: frozenset[str]) -> None:
        super().__init__(doc)
        self.attributions = attributions

    def run(self) -> list[RawClaim]:
        claims = list(quotes_of(self.doc))
        used_cues = {c.cue.i for c in claims if c.cue is not None}
        if "statement" in self.attributions:
            # a transcript's "NAME: …" paragraph is the speaker's, whatever
            # "I think" or "he said" it holds
            found = self._labelled_claims() + self._headline_claims()
            for labelled in found + self._posted_claims():
                if not any(labelled.overlaps(c) for c in claims):
                    claims.append(labelled)
        credits = self.r.mentions.off_story  # "… reported this story": no claim
        for tok in self.doc:
            if tok.i in used_cues or tok.i in credits:
                continue
            claim = (
                self._cue_claim(tok)
                or self._according_claim(tok)
                or self._intention_claim(tok)
                or self._object_claim(tok)
                or self._finding_claim(tok)
                or self._view_claim(tok)
                or self._question_claim(tok)
                or self._sure_claim(tok)
                or self._noun_claim(tok)
                or self._clear_claim(tok)
                or self._put_claim(tok)
            )
            if claim is None:
                continue
            pieces = [c for c in claims if _fragment_of(c, claim)]
            if pieces:
                claims = [c for c in claims if c not in pieces]
                claim.stmt_end = max(claim.stmt_end, *(c.stmt_end for c in pieces))
            nested = [c for c in claims if _nested_in(c, claim)]
            if nested and all(c in nested for c in claims if claim.overlaps(c)):
                # "That leads firms to think …, he added": he says it all
                claims = [c for c in claims if c not in nested]
            held = [c for c in claims if claim.overlaps(c)]
            if held and self._finishes_its_quotes(claim, held):
                # "According to Kellan, the ferry now runs “…”": whose they are
                claims = [c for c in claims if c not in held]
                claim.direct = True
            if not any(claim.overlaps(c) for c in claims):
                claims.append(claim)
        if "statement" in self.attributions:
            claims += follow_on_quotes(self.doc, claims)
        claims.sort(key=lambda c: c.start)
        starts = [q.span.start for q in figures_of(self.doc)]
        # a cue whose object is only a pronoun ("denied that,") leaves no words
        # to state: no claim, rather than a Mention the shapes reject
        return [
            self._with_continuation(c, starts)
            for c in claims
            if c.stmt_end > c.stmt_start
        ]

    def _finishes_its_quotes(self, claim: RawClaim, held: list[RawClaim]) -> bool:
        """Whether the quotes ``held`` (the claims ``claim`` overlaps) only finish
        what ``claim`` reports ("According to Kellan, the ferry now runs “a
        service nobody can afford”"), so that ``claim`` takes them in as a direct
        quote: each is a quote with no cue of its own inside its statement, after
        three words or more that are not quoted, and its cue stands before the
        statement. A quote with no cue has a speaker guessed from the words near
        it; the cue that reports the clause holding it says whose."""
        if claim.direct or claim.parts or claim.cue is None:
            return False
        if claim.cue.idx >= claim.stmt_start:
            return False  # '“…,” he said': the quote is all the cue reports
        return all(
            quote.direct
            and quote.cue is None
            and all(
                claim.stmt_start <= a and b <= claim.stmt_end for a, b in quote.pieces()
            )
            and self._words(claim.stmt_start, quote.pieces()[0][0]) >= 3
            for quote in held
        )

    def _claim(
        self,
        start: int,
        end: int,
        stmt: tuple[int, int],
        claimant: int,
        cue: Token,
        source: Token,
    ) -> RawClaim:
        """A reported claim; its claimant acts."""
        self.r.cluster(claimant).acts = True
        claim = RawClaim(start, end, stmt[0], stmt[1], claimant, False, cue)
        claim.source = self.r.source_span(source)
        return claim

    def _cue_claim(self, tok: Token) -> RawClaim | None:
        if not is_cue(tok) or attribution_of(tok) not in self.attributions:
            return None
        if passive_participle(tok) or _belief_aside(tok):
            return None
        if tok.dep_ == "parataxis" or _tag_read_as_clause(tok):
            return self._parenthetical_claim(tok)
        clause = content(tok)
        if clause is None:
            clause = self._run_into_speaker(tok)
        if clause is None or sum(t.is_alpha for t in clause) < 3:
            return None
        subj = self.r.subject(tok)
        if subj is not None:
            clause = _without_speaker(clause, subj, tok)
        if subj is None or clause.start <= subj.i < clause.end:
            return None
        if subj.dep_ == "nsubjpass" and subj.head == tok:
            # "It is understood that …", "the costs, which are forecast to …":
            # the subject of a passive cue is what is said, no one who says it
            return None
        if (
            attribution_of(tok) == "belief"
            and subj.lower_ in ("i", "we")
            and self.r.in_quote(tok.idx)
        ):
            return None  # '“I think …”': the speaker hedging what they say
        if (
            tok.lemma_.lower() in lx.WEAK_CUES
            and subj.lemma_.lower() not in lx.SOURCE_NOUNS
            and subj.lower_ not in lx.SPEAKING_DOCUMENTS  # "court records show …"
            and subj.lower_ not in lx.PEOPLE_NOUNS  # "researchers found that …"
            and self.r.cluster_at(subj) is None
            and subj.lower_ not in lx.PRONOUNS
        ):
            return None
        claimant = self._issuer(subj)
        if claimant is None:  # not "or": the first actor's index is 0
            claimant = self.r.source(subj)
        if claimant is None and _reports_clause(tok):
            claimant = self.r.new_speaker(subj)
        speaking = _reports_clause(tok) and tok.lemma_ in lx.SPEAKING
        if claimant is None and speaking:
            claimant = self.r.described_speaker(subj)
        if claimant is None and speaking and not self.r.in_quote(tok.idx):
            # not in a quote: the words a speaker quoted uses are no source
            claimant = self.r.speaker_by_its_words(subj)
        if claimant is None:
            return None
        stmt = trim(self.doc, clause.start, clause.end)
        sent = tok.sent
        start = min(sent.start_char, clause.start_char)
        end = max(sent.end_char, clause.end_char)
        claim = self._claim(start, end, stmt, claimant, tok, subj)
        claim.date = (
            self.dates.date_of(tok)
            or self.dates.said_in(tok)
            or self.dates.date_within(cue_adjuncts(tok), tok)
            or self.dates.date_beside(tok, (claim.stmt_start, claim.stmt_end))
            or self.dates.at_the_occasion(tok)  # "told a news conference that …"
        )
        claim.attribution = attribution_of(tok)
        more = self._said_on(tok, clause)
        if more is not None:  # "X, he said, and Y": one claim of two pieces
            claim.parts = (stmt, more)
            claim.stmt_end = more[1]
        lead = self._lead_piece(tok, subj, clause)
        if lead is not None:  # "For the city, she added, the port is …"
            claim.parts = (lead, *claim.pieces())
            claim.stmt_start = lead[0]
        return claim

    def _run_into_speaker(self, cue: Token) -> SpacySpan | None:
        """What was said, with no verb of its own, before a speaker the parser
        took for a part of it or for a second subject ("The survey including 40
        moths, a bat and an orchid, the group Kestrin Nature said"): the words
        up to the comma before the speaker."""
        own = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        subj = self.r.subject(cue)
        if own is None or subj is None or subj == own or subj.i > cue.i:
            return None
        start = subj.left_edge.i
        second = subj.head == cue and subj.dep_ == "nsubj"
        if not (second or subj.i in {t.i for t in own.subtree}):
            return None
        if start <= own.i or self.doc[start - 1].text != ",":
            return None
        return self.doc[cue.sent.start : start - 1]

    def _lead_piece(
        self, cue: Token, subj: Token, clause: SpacySpan
    ) -> tuple[int, int] | None:
        """The words that open the sentence before a cue set off by commas ("For
        the city, she added, the port is the hardest task"): the parser hangs them
        on the cue, but they are the first piece of what was said."""
        sent = cue.sent
        doc = self.doc
        after_cue = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
        before_subj = (
            doc[subj.left_edge.i - 1] if subj.left_edge.i > sent.start else None
        )
        if (
            clause.start <= cue.i
            or after_cue is None
            or after_cue.text != ","
            or before_subj is None
            or before_subj.text != ","
        ):
            return None
        lead = [
            c
            for c in cue.lefts
            if c.dep_ in ("prep", "advmod", "npadvmod", "advcl")
            and c.left_edge.i == sent.start
        ]
        if not lead:
            return None
        piece = trim(doc, sent.start, before_subj.i)
        return piece if self._words(*piece) >= 2 else None

    def _said_on(self, cue: Token, clause: SpacySpan) -> tuple[int, int] | None:
        """ "It will take weeks, he said, and the talks could fail": a clause with a
        subject of its own joined after a cue whose reported clause comes before
        it goes on with what was said; so does a reason ("…, he said, because …")."""
        if clause.end > cue.i:
            return None
        conj = next(
            (
                c
                for c in cue.children
                if _said_clause(cue, c) or (c.i > cue.i and _reason_clause(c))
            ),
            None,
        )
        if conj is None:
            return None
        words = list(conj.subtree)
        piece = trim(self.doc, words[0].i, words[-1].i + 1)
        return piece if self._words(*piece) >= 3 else None

    def _object_claim(self, tok: Token) -> RawClaim | None:
        """ "She criticised the plan", "he called for a ceasefire": what a verb of
        saying says when its object is a noun phrase; a statement."""
        if "statement" not in self.attributions:
            return None
        said = object_content(tok)
        if said is None:  # most words: the checks below would not matter
            return None
        # "criticised the decision": a bare noun that refers back states nothing of
        # its own; what is said takes three words or more. A denial states that
        # what it denies is untrue: "denied the charges" is a claim.
        # A figure reported is what is said, however few its words ("reported 40
        # new cases").
        short = _denies_a_claim(tok) or tok.lemma_.lower() == "report"
        least = 1 if short else 2 if _names_something(tok) else 3
        if tok.lemma_.lower() in _ADVISING and not any(
            c.dep_ in ("xcomp", "ccomp") for c in tok.children
        ):
            return None  # "advising the campaign on policy": work, not a statement
        if _declined(tok) or _reported_act(tok):
            return None
        return self._sentence_claim(tok, said, "statement", described=True, least=least)

    def _finding_claim(self, tok: Token) -> RawClaim | None:
        """ "The survey shows a wide gap", "a new poll found Orlen ahead": what a
        document shows or finds is its statement, as "the survey shows that …"
        is."""
        if "statement" not in self.attributions:
            return None
        return self._sentence_claim(tok, shown(tok), "statement")

    def _view_claim(self, tok: Token) -> RawClaim | None:
        """ "She sees the plan as a trap", "he considers the deal fair": how a source
        sees something is a belief."""
        if "belief" not in self.attributions:
            return None
        return self._sentence_claim(tok, viewed_as(tok), "belief")

    def _sure_claim(self, tok: Token) -> RawClaim | None:
        """ "She was sure the plan would fail", "they are confident that …", "came
        away convinced that …": a belief held, told by an adjective. Not inside a
        quote ('“I am sure we will win”'): the quote is the claim."""
        if "belief" not in self.attributions or self.r.in_quote(tok.idx):
            return None
        clause = sure_of(tok) or worried_about(tok)
        if clause is None:
            return None
        return self._sentence_claim(tok, clause, "belief", holder=tok.head)

    def _question_claim(self, tok: Token) -> RawClaim | None:
        """ "She asked whether the plan would pass": a question in reported speech
        is a statement of its asker's; not inside a quote ('“People ask me if …”'):
        the quote is the claim."""
        if "statement" not in self.attributions or self.r.in_quote(tok.idx):
            return None
        return self._sentence_claim(tok, asked(tok), "statement")

    def _sentence_claim(
        self,
        tok: Token,
        said: SpacySpan | None,
        attribution: str,
        holder: Token | None = None,
        described: bool = False,
        least: int = 3,
        spoken: bool = False,
    ) -> RawClaim | None:
        """The claim of the cue's sentence whose content is ``said``, made by the subject of the cue (or of ``holder``, the verb an
        adjective cue hangs on), not "it" or "there" with no one behind them.
        ``described``: a speaker the article describes only here ("rights groups
        condemned …") is one, as for a cue with a clause. ``least``: the words
        the content needs. ``spoken``: a verb only a speaker takes ("as one
        farmer put it"), so any speaker the article describes there is one."""
        if said is None or sum(t.is_alpha for t in said) < least:
            return None
        subj = self.r.subject(holder if holder is not None else tok)
        if subj is None or said.start <= subj.i < said.end:
            return None
        if attribution != "statement" and subj.lower_ in ("it", "there"):
            return None  # "it plans to rain", "there is going to be"
        claimant = self.r.source(subj)
        if claimant is None and (spoken or described and _acting_subject(subj)):
            claimant = self.r.new_speaker(subj)
        if claimant is None and spoken:
            claimant = self.r.described_speaker(subj)
        if claimant is None:
            return None
        stmt = trim(self.doc, said.start, said.end)
        if stmt[0] >= stmt[1]:
            return None  # "he denied that": the one word trims away, nothing said
        sent = tok.sent
        claim = self._claim(sent.start_char, sent.end_char, stmt, claimant, tok, subj)
        claim.date = self.dates.date_of(tok)
        claim.attribution = attribution
        return claim

    def _put_claim(self, tok: Token) -> RawClaim | None:
        """ "As Ana Obi put it, the port is broke": how a source put it is what it
        said."""
        if "statement" not in self.attributions:
            return None
        return self._sentence_claim(tok, put_it(tok), "statement", spoken=True)

    def _clear_claim(self, tok: Token) -> RawClaim | None:
        """ "She made clear that she would not run": what a source makes clear is
        a statement of theirs."""
        if "statement" not in self.attributions:
            return None
        return self._sentence_claim(tok, made_clear(tok), "statement")

    def _noun_claim(self, tok: Token) -> RawClaim | None:
        """ "He repeated his claim that the figures were false", "her fear that the
        dam will break": a noun of saying or believing with a "that" clause says
        what its owner holds; with no owner ("the claim that …") no one is named."""
        kind = lx.SAYING_NOUNS.get(tok.lemma_.lower())
        if tok.pos_ != "NOUN" or kind is None or kind not in self.attributions:
            return None
        if self.r.in_quote(tok.idx):
            return None  # '“It is my belief that …”': the quote is the claim
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        clause = next(
            (
                c
                for c in tok.rights
                if c.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        if owner is None:
            owner = self._light_verb_subject(tok)  # "she issued a warning that …"
            claimant = self.r.source(owner) if owner is not None else None
        else:
            claimant = self._owner(owner, tok)
        if owner is None or claimant is None:
            return None
        first, last = clause.left_edge, clause.right_edge
        stmt = trim(self.doc, first.i + (first.lower_ == "that"), last.i + 1)
        if self._words(*stmt) < 3:
            return None
        sent = tok.sent
        claim = self._claim(sent.start_char, sent.end_char, stmt, claimant, tok, owner)
        claim.date = self.dates.date_of(tok.head)
        claim.attribution = kind
        return claim

    def _light_verb_subject(self, noun: Token) -> Token | None:
        """The subject of a verb that only utters the noun of saying it takes as
        its object ("Ana Obi issued a warning that …", "made the argument that
        …"): the one who says it; None for any other verb ("rejected the claim
        that …" is not the claim of who rejects it)."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in lx.UTTERING_VERBS:
            return None
        return self.r.subject(verb)

    def _owner(self, owner: Token, noun: Token) -> int | None:
        """Whose the noun is: the name ("Brandt's claim"), or for "his", "her",
        "their" or "its" the subject of the verb the noun hangs on when it agrees
        ("Ana Obi repeated her claim"; not "Ana Obi dismissed his claim"). Not a
        document's: its claim was told where the document was quoted."""
        gender = _POSSESSIVES.get(owner.lower_)
        if gender is None and _document_word(owner):
            return None  # "the memo's claim that …": told where it was said
        if gender is None:
            return None if owner.lower_ in lx.PRONOUNS else self.r.source(owner)
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "stood by its"
        subj = self.r.subject(verb) if verb.pos_ == "VERB" else None
        if (
            noun.dep_ in ("nsubj", "nsubjpass")
            and subj is not None
            and subj.i == noun.i
        ):
            # "His claim that … angered them": the noun is the subject, no one
            # else's verb to agree with; the pronoun's own antecedent owns it
            return self.r.antecedents.owner(owner)
        if subj is None or subj.i > noun.i:
            return None
        if subj.lower_ in lx.PRONOUNS and _SUBJECT_OF.get(subj.lower_) != owner.lower_:
            return None
        found = self.r.source(subj)
        if found is None or self.r.gender(found) != (gender or self.r.gender(found)):
            return None
        return found

    def _intention_claim(self, tok: Token) -> RawClaim | None:
        """ "The union plans to strike", "she vowed to appeal": what a source intends
        is an attribution too, of type "intention". Not inside a quote ('"I want to
        thank you," she said'): the quote is the claim."""
        if "intention" not in self.attributions or self.r.in_quote(tok.idx):
            return None
        return self._sentence_claim(tok, intended(tok), "intention")

    def _parenthetical_claim(self, tok: Token) -> RawClaim | None:
        """ "Prices, she said, will rise." and "X will happen, he said, and Y": a cue
        set off by commas inside the sentence it attributes. The statement is the
        sentence without the attribution."""
        subj = self.r.subject(tok)
        if subj is None or subj.head != tok:
            return None
        inset = _inset(tok)
        sent = tok.sent
        pieces = [
            trim(self.doc, sent.start, inset[0].i),
            trim(self.doc, inset[-1].i + 1, _before_other_cue(sent, inset[-1].i + 1)),
        ]
        pieces = [(a, b) for a, b in pieces if self._words(a, b) >= 2]
        if not pieces or sum(self._words(a, b) for a, b in pieces) < 4:
            return None
        claimant = self.speaker(subj, tok)
        if claimant is None:
            return None
        stmt = (pieces[0][0], pieces[-1][1])
        claim = self._claim(sent.start_char, sent.end_char, stmt, claimant, tok, subj)
        claim.date = self.dates.date_of(tok)
        claim.parts = tuple(pieces) if len(pieces) > 1 else ()
        claim.attribution = attribution_of(tok)
        return claim

    def _labelled_claims(self) -> list[RawClaim]:
        """ "Ana Obi: We will not give up.": a paragraph that opens with a speaker's
        name and a colon (a headline's or a transcript's form) is that speaker's."""
        found = []
        for m in _LABELLED.finditer(self.text):
            name = self.doc.char_span(m.start(1), m.end(1))
            if name is None or self._words(m.start(2), m.end(2)) < 4:
                continue
            said = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            speaker = self._named_alone(name)
            if said is not None and not _has_subject(said):
                # "Ana Obi in Bavaria: Urges Calm": a headline's own words; but a
                # bare name's label may give their words in title case
                if speaker is None or not _said_alone(name, said):
                    continue
            if speaker is None:
                speaker = self._label_speaker(name)
            if speaker is None:
                continue
            stmt = (m.start(2), len(self.text[: m.end(2)].rstrip(" .")))
            claim = self._claim(
                m.start(1), m.end(2), stmt, speaker, self.doc[name.end], name.root
            )
            found.append(claim)
        return found

    def _posted_claims(self) -> list[RawClaim]:
        """A post the article embeds, signed "— Sedbergh Airport (@SedAir) May 2,
        2025": the account's own words, on that day."""
        found = []
        for m in _POST.finditer(self.text):
            name = self.doc.char_span(m.start(3), m.end(3))
            dash = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            if name is None or dash is None:
                continue
            # any account speaks: a person, a body, a place ("Sedbergh Airport"),
            # when the words name it alone
            speaker = self.r.cluster_at(name[-1])
            if speaker is None or {self.r.cluster_at(t) for t in name} != {speaker}:
                continue
            # the words posted, without a thread's count ("(1/2)")
            words = _THREAD_COUNT.sub("", self.text[m.start(1) : m.end(1)])
            stmt = (m.start(1), m.start(1) + len(words.rstrip()))
            claim = self._claim(m.start(1), m.end(4), stmt, speaker, dash[0], name.root)
            claim.direct = True
            claim.date = resolve(m[4])
            found.append(claim)
        return found

    def _label_speaker(self, label: SpacySpan) -> int | None:
        """Who a label longer than a name stands for: a transcript's speaker in
        capitals ("ANA OBI:", "OBI:") is the person named before whose name ends so;
        a headline's ("Mayor Obi at the summit:", "Obi camp:") the first person or
        organisation named in it; a label that says someone spoke ("The governor
        added:", "Her spokesman said:") the subject of its verb, named or not."""
        if label.text.isupper():
            return self._person_called(label[-1].text, ("Person",))
        cue = next((t for t in label if t.pos_ == "VERB" and is_cue(t)), None)
        subj = self.r.subject(cue) if cue is not None else None
        if cue is not None and subj is not None and label.start <= subj.i < cue.i:
            return self.speaker(subj, cue)
        for tok in label:
            hit = self.r.cluster_at(tok)
            if hit is not None and self.r.cluster(hit).kind in _SPEAKERS:
                return hit
        return None

    def _person_called(self, word: str, kinds: tuple[str, ...]) -> int | None:
        """The first person (or other actor of ``kinds``) the article names whose
        name ends with this word, in any case ("OBI", "Obi")."""
        last = word.lower()
        for index, cl in enumerate(self.r.clusters):
            if cl.kind in kinds and any(
                n.lower().split()[-1:] == [last] for n in cl.names()
            ):
                return index
        return None

    def _headline_claims(self) -> list[RawClaim]:
        """A headline "Ana Obi Says Talks Will Resume": a name, a verb of saying in
        title case, and what was said. Title case defeats the parser, so the words
        are read as they stand, and the name must be one the article names (by its
        last word)."""
        m = _HEADLINE.match(self.text)
        if m is None or self._words(m.start(3), m.end(3)) < 3:
            return []
        who = m[1].split()
        speaker = None
        for word in reversed(who):
            speaker = self._person_called(word.rstrip("’'s"), _SPEAKERS)
            if speaker is not None:
                break
        cue = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        source = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if speaker is None or cue is None or source is None:
            return []
        end = len(self.text[: m.end(3)].rstrip(" .”’\"'"))
        claim = self._claim(
            0, m.end(3), (m.start(3), end), speaker, cue[0], source.root
        )
        if cue[0].lower_ in ("thinks", "believes", "fears"):
            claim.attribution = "belief"
        return [claim]

    def _named_alone(self, name: SpacySpan) -> int | None:
        """The person or organisation that these words name, and nothing else."""
        hit = self.r.cluster_at(name[-1])
        if hit is None or {self.r.cluster_at(t) for t in name} - {hit, None}:
            return None
        if self.r.cluster(hit).kind not in _SPEAKERS:
            return None
        return hit

    def _words(self, a: int, b: int) -> int:
        return len(re.findall(r"\w+", self.text[a:b]))

    def _according_claim(self, tok: Token) -> RawClaim | None:
        """ "…, according to X." — X's statement is the rest of the sentence; so
        with "Per X, …" opening it."""
        to = _per(tok) if tok.lower_ != "according" else _to_of(tok)
        if to is None:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        claimant = self._source_in(obj)
        if claimant is None:
            return None
        sent = tok.sent
        pp = sorted({tok.i, *(t.i for t in to.subtree)})
        # the sentence without "according to X", on both sides when X stands
        # in the middle ("At the heart of it, according to X, was …")
        pieces = [
            trim(self.doc, sent.start, pp[0]),
            trim(self.doc, pp[-1] + 1, sent.end),
        ]
        pieces = [(a, b) for a, b in pieces if self._words(a, b) >= 2]
        if not pieces or sum(self._words(a, b) for a, b in pieces) < 3:
            return None
        stmt = (pieces[0][0], pieces[-1][1])
        claim = self._claim(sent.start_char, sent.end_char, stmt, claimant, tok, obj)
        claim.parts = tuple(pieces) if len(pieces) > 1 else ()
        # "according to a statement released on Tuesday": when it was stated
        claim.date = self.dates.date_within([to], tok)
        return claim

    def _issuer(self, subj: Token) -> int | None:
        """Who issued a document that speaks: "figures from the Tarsk Statistics
        Office showed …", "the bank's data show …" are the issuer's statements."""
        owner = self.r.channel_owner(subj)
        if owner is not None:
            return owner
        if subj.lower_ not in DOCUMENT_WORDS:
            return None
        named = self._named_issuer(subj)
        if named is None and subj.dep_ == "dobj" and subj.head.pos_ == "VERB":
            # "Ana Obi issued a statement saying …": who issued it
            issuer = self.r.subject(subj.head)
            if issuer is not None and issuer != subj:
                return self.r.source(issuer)
        if named is None and _refers_back(subj):
            named = self._earlier_issuer(subj)
        if named is None and not self._met_before(subj):
            named = self._later_issuer(subj)
        return named

    def _named_issuer(self, doc_word: Token) -> int | None:
        """The issuer a document's own phrase names: "the Varda ministry report",
        "a report by the city's audit office", "a statement from Orlen", "the
        lawsuit that Ana Obi filed"."""
        said = {t.i for c in doc_word.children if c.dep_ in _CLAUSES for t in c.subtree}
        own = self.r.cluster_at(doc_word)  # "a new poll" spoke before: its own words
        named = self._first_actor(
            t
            for t in doc_word.subtree
            if t != doc_word and t.i not in said and self.r.cluster_at(t) != own
        )
        if named is None:
            # "a report by the city's audit office found …": its author, named or not
            author = next(iter(prep_objects(doc_word, ("by",))), None)
            named = self._source_in(author) if author is not None else None
        if named is None:
            named = self._sender(doc_word)
        if named is None:
            named = self._filer(doc_word)
        if named is None:
            named = self._pronoun_owner(doc_word)
        return named

    def _pronoun_owner(self, doc_word: Token) -> int | None:
        """ "His first report concluded …", "its statement said …": whom the
        possessive pronoun stands for issued the document."""
        owner = next((c for c in doc_word.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ not in _POSSESSIVES:
            return None
        if owner.lower_ in ("his", "her"):
            return self.r.antecedents.owner(owner)
        return self.r.resolve(owner)

    def _filer(self, doc_word: Token) -> int | None:
        """ "a lawsuit [that] the families filed", "a statement Orlen released":
        the subject of the clause on the document that says who issued it."""
        for clause in doc_word.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in lx.ISSUING_VERBS:
                continue
            subj = self.r.subject(clause)
            if subj is not None and subj.lower_ not in lx.RELATIVE_PRONOUNS:
                return self._doer(subj)
        return None

    def _doer(self, subj: Token) -> int | None:
        """Who the subject of a deed stands for, people the article describes
        only there included ("Families of the miners sued …")."""
        found = self.r.source(subj)
        return found if found is not None else self.r.new_speaker(subj)

    def _met_before(self, doc_word: Token) -> bool:
        """Whether a document of the same word came earlier in the article."""
        return any(
            t.lemma_ == doc_word.lemma_ and t.pos_ == "NOUN"
            for t in self.doc[: doc_word.i]
        )

    def _later_issuer(self, doc_word: Token) -> int | None:
        """The issuer that the article names after the first mention of a document:
        "a new audit said …" and later "the audit, by the ministry's inspector,
        found", "The statement says …" and later "His office sent a statement
        that read …"; from the next mention of the same word only, when it refers
        back or is what was issued (not "a 2014 study by Orlen", another one)."""
        for tok in self.doc[doc_word.i + 1 :]:
            if tok.lemma_ != doc_word.lemma_ or tok.pos_ != "NOUN":
                continue
            issued = (
                tok.dep_ == "dobj"
                and tok.head.pos_ == "VERB"
                and tok.head.lemma_.lower() in lx.ISSUING_VERBS
            )
            if _another(tok) or not (issued or _refers_back(tok)):
                return None  # "a second ruling by the court": not the one that spoke
            named = self._named_issuer(tok)
            if named is None and issued:
                subj = self.r.subject(tok.head)
                named = self.r.source(subj) if subj is not None else None
            return named
        return None

    def _sender(self, doc_word: Token) -> int | None:
        """ "a statement from the Varda ministry said …": the body or people the
        document comes from, described but not named by the NER, is who speaks;
        the actors list then holds the ministry, not the statement. Not where it
        comes from a thing ("figures from the gauges")."""
        origin = next(iter(prep_objects(doc_word, ("from",))), None)
        if origin is None or origin.lemma_.lower() in lx.SOURCE_NOUNS:
            return None
        found = self.r.source(origin)
        if (
            found is None
            and doc_word.lower_ in lx.SENT_DOCUMENTS
            and self.r.people_word(origin)
        ):
            found = self.r.new_speaker(origin)  # "a letter from his lawyers"
        return found

    def _earlier_issuer(self, doc_word: Token) -> int | None:
        """ "Orlen issued a statement. The statement said …", "Orlen said in a
        statement …": who issued the latest document of that word before it; or
        who did the deed the document is of ("The court ruled … The ruling says
        …": the court); or who it was made by ("The survey was carried out by
        the Varda institute. The survey found …")."""
        deeds = lx.DOCUMENT_DEEDS.get(doc_word.lower_, frozenset())
        for tok in reversed(self.doc[: doc_word.i]):
            if tok.lemma_ == doc_word.lemma_ and tok.pos_ == "NOUN":
                named = self._named_issuer(tok)  # "a statement from Orlen" before
                if named is not None:
                    return named
            if _does_deed(tok, deeds):
                subj = self.r.subject(tok)
                return self._doer(subj) if subj is not None else None
            if tok.lemma_ == doc_word.lemma_ and tok.dep_ == "nsubjpass":
                by = next((c for c in tok.head.children if c.dep_ == "agent"), None)
                if by is None:
                    continue  # "The report was published online": issued further back
                return self._first_actor(by.subtree)
            if tok.lemma_ != doc_word.lemma_ or tok.dep_ not in ("dobj", "pobj"):
                continue
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            if verb.lemma_.lower() in lx.READER_VERBS:
                continue  # "a judge dismissed the lawsuit": it was filed further back
            subj = self.r.subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            return self.r.source(subj) if subj is not None else None
        return None

    def _first_actor(self, toks: Iterable[Token]) -> int | None:
        """The first of the tokens that belongs to an entity other than a place."""
        for t in toks:
            hit = self.r.cluster_at(t)
            if hit is not None and self.r.cluster(hit).kind != "Location":
                if self._title_of_person(t):
                    continue  # "by army spokesman Omar Haddad": Omar Haddad
                return hit
        return None

    def _title_of_person(self, tok: Token) -> bool:
        """An organisation named in a person's title ("army spokesman Ana Obi",
        "the bank's chief Ana Obi"): the words hang on the person's name."""
        if self.r.kind_at(tok) != "Organization":
            return False
        head = tok
        while head.dep_ in ("compound", "poss", "amod") and head.head != head:
            head = head.head
            if self.r.kind_at(head) == "Person":
                return True
        return False

    def _source_in(self, obj: Token) -> int | None:
        """The source inside "according to <…>": the first named entity in it, else
        the unnamed source, the document or the institution its words describe."""
        named = self._first_actor(t for t in obj.subtree if not _addressee(t, obj))
        if named is None and obj.lower_ in lx.ISSUED_DOCUMENTS:
            named = self._issuer(obj)  # "According to the statement" Orlen issued
        if named is not None:
            return named
        if obj.lower_ in lx.EVIDENCE_NOUNS:
            return None  # "according to evidence presented at trial": no one
        found = self.r.resolve(obj, allow_new_group=False)
        if found is None:
            found = self.r.unnamed_source(obj)  # "according to a senior aide"
        if found is None and any(
            c.dep_ in ("det", "poss", "compound") for c in obj.children
        ):
            # "according to a new survey", "according to the bank's report",
            # "according to exit polls": documents, not data or records in general
            # ("according to federal data")
            found = self.r.document(obj, cited=True)
        if found is None and obj.tag_ == "NNS" and not _document_word(obj):
            found = self.r.new_speaker(obj)  # "according to campaign insiders"
        if found is None and obj.lower_ == "sources":
            # "according to the sources", "according to sources close to the talks":
            # people, though "source" names a document too
            found = self.r.described(obj, "Group", ("amod", "compound"))
        if found is None and obj.lemma_.lower() in lx.INSTITUTION_NOUNS:
            # "according to the city's transport department": a source unnamed but
            # described by its owner is an institution of its own
            return self.r.described(obj, "Organization", ("amod", "compound", "poss"))
        if found is None and obj.pos_ == "NOUN" and speaker_noun(obj):
            # "according to a longtime analyst", "according to a farmers' group"
            found = self.r.described(obj, "Actor", ("amod", "compound", "poss"))
        if found is None and not _document_word(obj):
            # "according to one research firm", "according to Velk.org": "according
            # to" names a source, whatever its words; not data or records in
            # general ("according to data from the gauges"), kept out above
            found = self.r.named_by_its_words(obj)
        return found

    def _with_continuation(self, claim: RawClaim, figure_starts: list[int]) -> RawClaim:
        """An indirect claim goes on into a following "There are …" sentence with figures
        in the same paragraph: reported speech that the writer did not re-attribute."""
        if claim.direct:
            return claim
        rest = self.text[claim.end :]
        m = re.match(r"[ \t]*(There (?:are|were|is|was) [^\n]*?[.!?])(?=\s|$)", rest)
        if not m or not any(
            claim.end + m.start(1) <= start < claim.end + m.end(1)
            for start in figure_starts
        ):
            return claim
        end = claim.end + m.end(1)
        return RawClaim(
            claim.start,
            end,
            claim.stmt_start,
            end,
            claim.claimant,
            False,
            claim.cue,
            claim.date,
            source=claim.source,
            attribution=claim.attribution,
        )
