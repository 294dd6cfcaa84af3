"""``newskb_quotes``: direct quotes and who speaks them, through the cue around the
quote ("…," she said), a colon ("The mayor said: …"), or the person a paragraph
of bare quotes goes on with; a quote split by its attribution stays one claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.extract.cues import (
    content,
    is_cue,
    is_quote_cue,
    object_content,
    reporting_cue,
    trim,
)
from kb.extract.extensions import Stage, stage, text_of
from kb.extract.records import RawClaim
from kb.extract.resolve import AttributionRules, quote_spans_of
from kb.text import lexicon as lx
from kb.text.quotes import goes_on, mark_end, mark_start, space_before

__all__ = ["attribute_quotes", "follow_on_quotes", "quotes_of"]


def attribute_quotes(doc: Doc) -> list[RawClaim]:
    """One direct claim for each attributed quote (with its continuations)."""
    return _QuoteRules(doc).run()


def quotes_of(doc: Doc) -> list[RawClaim]:
    return stage(doc, "newskb_quotes", attribute_quotes)


def follow_on_quotes(doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """Quotes that stand as sentences of their own, with no cue, right after a
    claim ('Ana Obi said the port would close. "It has no money left."'): the
    speaker goes on, as news writing lets a quote run on after its attribution
    without a second "she said"; each such quote is a claim of the same speaker,
    and a quote after it goes on in turn. ``claims`` are the article's claims in
    any order; the new ones come back."""
    text = text_of(doc)
    found: list[RawClaim] = []
    known = sorted(claims, key=lambda c: c.end)
    for q_start, q_end in quote_spans_of(doc):
        opening, closing = mark_start(text, q_start), mark_end(text, q_end)
        if any(c.start < closing and opening < c.end for c in known + found):
            continue
        prev = _claim_ending_at(known + found, text, opening)
        inner = doc.char_span(q_start, q_end, alignment_mode="expand")
        if prev is None or inner is None or not _alone(doc, inner, opening, closing):
            continue
        found.append(
            RawClaim(
                opening,
                closing,
                q_start,
                q_end,
                prev.claimant,
                True,
                None,
                prev.date,
            )
        )
    return found


def _claim_ending_at(claims: list[RawClaim], text: str, at: int) -> RawClaim | None:
    """The claim whose sentence ends just before ``at``, with nothing but white
    space (one paragraph break at most) between them."""
    for claim in claims:
        gap = text[claim.end : at]
        if claim.end <= at and not gap.strip() and gap.count("\n") <= 2:
            return claim
    return None


def _alone(doc: Doc, inner: SpacySpan, opening: int, closing: int) -> bool:
    """A quote that is whole sentences by itself, with a verb in four words or
    more: nothing of the writer's in its sentences, so no cue it could have."""
    words = [t for t in inner if t.is_alpha]
    if len(words) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in inner):
        return False
    first, last = inner[0].sent, inner[-1].sent
    outside = [
        t
        for t in doc[first.start : last.end]
        if not opening <= t.idx < closing and not t.is_punct and not t.is_space
    ]
    return not outside


@Language.factory(
    "newskb_quotes",
    requires=["doc._.newskb_entities", "doc._.newskb_dates"],
    assigns=["doc._.newskb_quote_spans", "doc._.newskb_quotes"],
)
def make_quotes(nlp: Language, name: str) -> Stage:
    return Stage("newskb_quotes", attribute_quotes)


class _QuoteRules(AttributionRules):
    """Quote attribution over one Doc."""

    def run(self) -> list[RawClaim]:
        claims: list[RawClaim] = []
        for (q_start, q_end), claim, untagged in self._own_claims():
            prev = claims[-1] if claims else None
            if prev is not None and (
                untagged
                or self._continues(prev, q_start, claim)
                or (_one_cue_after(prev, claim) and not self._apart(prev, q_start))
            ):
                claims[-1] = _join(prev, q_start, q_end, claim)
                continue
            if claim is not None:
                claims.append(claim)
        return claims

    def _own_claims(
        self,
    ) -> list[tuple[tuple[int, int], RawClaim | None, bool]]:
        """Each quote, its claim, and whether it joins the claim before. A
        paragraph of a quote that goes on into the next one, with no cue of its
        own, is the claim of whoever speaks the quote's next paragraph: a claim
        a paragraph (as news writing runs a quote on under one attribution).
        A quote that no paragraph of it attributes (a feature's interviewee
        talking on) stays one claim, as there is no tag to count by."""
        spans = quote_spans_of(self.doc)
        found = [self._quote_claim(a, b) for a, b in spans]
        runs = self._runs(spans)
        untagged = {k for run in runs if _untagged(run, found) for k in run[1:]}
        for run in runs:
            for k in reversed(run[:-1]):
                claim, nxt = found[k], found[k + 1]
                if nxt is not None and (claim is None or claim.cue is None):
                    found[k] = self._piece_of(spans[k], nxt)
        return [(span, found[k], k in untagged) for k, span in enumerate(spans)]

    def _runs(self, spans: list[tuple[int, int]]) -> list[list[int]]:
        """The indices of the quotes, in runs of the paragraphs of one quote."""
        runs: list[list[int]] = []
        for k, (q_start, _end) in enumerate(spans):
            if k and goes_on(self.text, spans[k - 1][1], q_start):
                runs[-1].append(k)
            else:
                runs.append([k])
        return runs

    def _piece_of(self, span: tuple[int, int], nxt: RawClaim) -> RawClaim:
        """The claim of a quote's paragraph spoken by the speaker of ``nxt``."""
        inner = self.doc.char_span(*span, alignment_mode="expand")
        assert inner is not None  # _quote_claim read it before
        return replace(
            nxt,
            start=inner[0].sent.start_char,
            end=min(inner[-1].sent.end_char, span[1] + 1),
            stmt_start=span[0],
            stmt_end=span[1],
            parts=(),
        )

    def _apart(self, prev: RawClaim, q_start: int) -> bool:
        """Whether a paragraph break stands between a claim and the next quote."""
        return "\n" in self.text[prev.stmt_end : q_start]

    def _continues(self, prev: RawClaim, q_start: int, claim: RawClaim | None) -> bool:
        """A quote goes on after its attribution: '"X," she said, "Y."' or '"X," she
        said. "Y."'. It does when the previous quote's cue stands between the two, in
        the same paragraph, and the new quote has no other cue of its own."""
        if not prev.direct or prev.cue is None:
            return False
        gap = self.text[prev.stmt_end : q_start]
        if "\n" in gap or not prev.stmt_end <= prev.cue.idx < q_start:
            return False
        if len(re.findall(r"\w+", gap)) > 12 and not self._attribution_only(
            prev, q_start
        ):
            return False
        between = self.doc.char_span(prev.stmt_end, q_start, alignment_mode="contract")
        if between is not None and any(
            t.i != prev.cue.i and _attributes(t) and not _speakers_aside(t, prev.cue)
            for t in between
        ):
            return False  # another attribution stands between them
        before = gap.rstrip().rstrip("\u201c\"'\u2018").rstrip()  # "\u00a0" too
        # a title quoted at the end of the attribution: '… on the show “Today.” “…'
        before = before.rstrip("\u201d\"'\u2019")
        if not before.endswith((",", ".", ":", ";")):
            return False  # 'urging them to "give it time"': a fragment of its own
        return claim is None or claim.cue is None or claim.cue.i == prev.cue.i

    def _quote_claim(self, q_start: int, q_end: int) -> RawClaim | None:
        inner = self.doc.char_span(q_start, q_end, alignment_mode="expand")
        if inner is None or not any(t.is_alpha for t in inner):
            return None
        signed = self._signed_claim(q_start, q_end, inner)
        if signed is not None:
            return signed
        first_sent, last_sent = inner[0].sent, inner[-1].sent
        after = [
            t
            for t in self._sentence_after(last_sent, q_end)
            if t.idx >= q_end + 1
            and is_quote_cue(t)
            and not _relative_clause(t)  # "X, a resident who posted about it, said"
            and not _aside_of_its_own(t, last_sent)
            and self._speaks(t, inner)
            and not self._opens_next(t)
        ]
        words = [t for t in inner if t.is_alpha]
        before = [t for t in first_sent if t.idx + len(t) < q_start and is_quote_cue(t)]
        if (
            not (after and self._tagged(q_start, q_end, after[0]))
            and not (before and self._introduced(before[-1], q_start))
            and (len(words) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in inner))
        ):
            return None
        if after and before and after[0].sent != last_sent:
            after = []  # 'said it will “…” The move was reported by …': its own cue
        cues = after or before[::-1] or self._colon_cue(q_start)
        cue: Token | None = cues[0] if cues else None
        # past a cue in a relative clause, the cue whose clause holds it ("said
        # the plan met the goal she set because people “feel it”": not "set")
        reporting = (
            None
            if after
            else next((c for c in before[::-1] if c.dep_ != "relcl"), None)
        )
        # "He added the board had pledged “…”": the quote is in what he reports
        outer = (
            _outer_cue(reporting)
            if reporting is not None and not self._introduced(reporting, q_start)
            else None
        )
        if any(_quote_is_inside_clause(c, inner) for c in (cue, reporting, outer) if c):
            return None  # a quoted fragment of a reported clause: an indirect claim
        if cue is None and _titled(inner):
            return None  # 'staged “The Long Night”': the name of a work, unsaid
        speaker_of = cue if cue is not None else _governing_verb(inner)
        if speaker_of is None:
            return self._bare_quote_claim(q_start, q_end, inner)
        if speaker_of.lemma_.lower() in lx.ASKING_VERBS:
            return None  # '"That is a big claim," the reporter inquired': a question
        if len(words) < 2 and speaker_of.lemma_.lower() in lx.ANSWERING_VERBS:
            return None  # 'The source answered, "Correct."': the question holds it
        subj = self.r.subject(speaker_of)
        claimant = self.speaker(subj, speaker_of) if subj is not None else None
        if subj is not None and claimant is not None:
            claimant = self._not_the_one_quoted_of(claimant, subj, inner)
        if claimant is None or (subj is not None and inner.start <= subj.i < inner.end):
            return None
        self.r.cluster(claimant).acts = True
        sent_start = min(first_sent.start_char, speaker_of.sent.start_char)
        sent_end = max(last_sent.end_char, speaker_of.sent.end_char)
        stmt_start, stmt_end = q_start, q_end
        if cue is not None and cue.idx > q_end and cue.sent == first_sent == last_sent:
            stmt_start, stmt_end = self._with_own_words(q_start, q_end, cue, subj)
        elif cue is not None and cue.i < inner.start and cue.sent == first_sent:
            stmt_start = self._lead_in(cue, inner, q_start)
        return RawClaim(
            sent_start,
            sent_end,
            stmt_start,
            stmt_end,
            claimant,
            True,
            cue,
            self.dates.date_of(speaker_of)
            or self.dates.said_in(speaker_of)
            or self.dates.at_the_occasion(speaker_of),
            source=self.r.source_span(subj) if subj is not None else None,
        )

    def _not_the_one_quoted_of(
        self, claimant: int, subj: Token, inner: SpacySpan
    ) -> int | None:
        """'He said: "Berg was a kind fellow …"': a "he" or "she" is not the person
        the quote itself names; the latest other person of that gender is."""
        gender = {"he": "m", "she": "f"}.get(subj.lower_)
        if gender is None:
            return claimant
        named = any(
            inner.start <= m.start < inner.end
            for m in self.r.cluster(claimant).mentions
        )
        if not named:
            return claimant
        other = self.r.recent(subj.i, {"Person"}, gender=gender, exclude=claimant)
        # "'He called me “Ana, the queen,”' she said": the one she quotes may
        # name her; only someone known to be of her gender takes her place
        if other is None or self.r.gender(other) != gender:
            return claimant
        return other

    def _signed_claim(
        self, q_start: int, q_end: int, inner: SpacySpan
    ) -> RawClaim | None:
        """'“We will win.” ― Ana Obi' at the end of its line: a quote signed with
        a dash and its speaker's name, as epigraphs and collected quotes are."""
        m = _SIGNATURE.match(self.text, mark_end(self.text, q_end))
        if m is None:
            return None
        end = m.start(1) + len(m[1].rstrip("."))
        name = self.doc.char_span(m.start(1), end, alignment_mode="expand")
        speaker = self._speaker_named(name) if name is not None else None
        if speaker is None or name is None:
            return None
        self.r.cluster(speaker).acts = True
        source = (name.start, name.end)
        return RawClaim(
            inner[0].sent.start_char,
            end,
            q_start,
            q_end,
            speaker,
            True,
            None,
            source=source,
        )

    def _speaker_named(self, name: SpacySpan) -> int | None:
        """The person or organisation these words name."""
        for tok in name:
            hit = self.r.cluster_at(tok)
            if hit is not None and self.r.cluster(hit).kind in _SPEAKERS:
                return hit
        return None

    def _with_own_words(
        self, q_start: int, q_end: int, cue: Token, subj: Token | None
    ) -> tuple[int, int]:
        """A quote that is part of a sentence the writer completes in their own
        words, before the cue: 'Raising the tax "is a mistake," she said' or
        '"We squeezed them" to lift the price, she said'. The content is the whole
        sentence up to its attribution, unless those words hold another quote or
        cue."""
        sent = cue.sent
        attribution = min(cue.idx, subj.left_edge.idx if subj is not None else cue.idx)
        opening = mark_start(self.text, q_start)
        closing = mark_end(self.text, q_end)
        start, end = opening, closing  # with its marks, when words go with it
        lead = self.doc.char_span(sent.start_char, opening, alignment_mode="contract")
        if (
            lead is not None
            and self._own_words(lead)
            and not lead.text.rstrip().endswith(":")  # "X told him: “…”"
        ):
            start = trim(self.doc, lead.start, lead.end)[0]
        tail = self.doc.char_span(closing, attribution, alignment_mode="contract")
        if tail is not None and self._own_words(tail):
            end = max(closing, trim(self.doc, tail.start, tail.end)[1])
        if (start, end) == (opening, closing):
            return q_start, q_end
        return start, end

    def _lead_in(self, cue: Token, inner: SpacySpan, q_start: int) -> int:
        """Where what a cue before a quote reports starts: at its clause or object
        when the writer's words open it ('said the goal was not to “…” but to
        “…”', 'argued that the senator has “…,” because “…”'), else at the quote."""
        clause = content(cue) or object_content(cue)
        if clause is None or not clause.start < inner.start:
            return q_start
        lead = self.doc[clause.start : inner.start]
        own = [t for t in lead if t.is_alpha and not self.r.in_quote(t.idx)]
        if len(own) < 2 or any(is_quote_cue(t) for t in lead):
            return q_start
        return min(q_start, trim(self.doc, lead.start, lead.end)[0])

    def _own_words(self, span: SpacySpan) -> bool:
        """Words of the writer's (two or more), with no quote or cue among them."""
        return (
            sum(t.is_alpha for t in span) >= 2
            and not any(self.r.in_quote(t.idx) for t in span)
            and not any(is_quote_cue(t) for t in span)
        )

    def _speaks(self, cue: Token, inner: SpacySpan) -> bool:
        """A cue after a quote introduces it unless it reports a clause of its own
        that is not quoted: in '"A," she said, "and B."' it speaks both pieces."""
        clause = content(cue)
        return (
            clause is None
            or clause.start <= inner.end
            or any(self.r.in_quote(t.idx) for t in clause[:2])
        )

    def _attribution_only(self, prev: RawClaim, q_start: int) -> bool:
        """Between two pieces of a quote stands its cue's sentence and nothing else
        ('," Ana Obi, who chairs the board, told reporters on Monday. "'), however
        long, with its abbreviations ("Mr.", "Gov.")."""
        assert prev.cue is not None
        sent = prev.cue.sent
        before = self.text[prev.stmt_end : max(prev.stmt_end, sent.start_char)]
        after = self.text[sent.end_char : q_start]
        return not re.search(r"[\w\n]", before + after)

    def _sentence_after(self, sent: SpacySpan, q_end: int) -> SpacySpan:
        """The sentence that holds a quote's end, or, when the quote ends it
        ('… right?" Ana Obi said.'), that sentence and the next one in its
        paragraph."""
        doc = self.doc
        if sent.end >= len(doc) or sent.end_char > q_end + 2:
            return sent
        nxt = doc[sent.end].sent
        if "\n" in self.text[q_end : nxt.start_char]:
            return sent  # the line break may end the quote's sentence, as a space
        return doc[sent.start : nxt.end]

    def _tagged(self, q_start: int, q_end: int, cue: Token) -> bool:
        """A quote closed by a comma, "?" or "!" and followed at once by its cue
        ('"Not yet," she said'): a spoken line however short, not a scare quote."""
        if self.text[q_end - 1 : q_end] not in (",", "?", "!"):
            return False
        between = self.text[q_end : cue.idx]
        if "\n" in between:
            return False
        return len(re.findall(r"\w+", between)) <= 4 or (
            self._opens_sentence(q_start) and self._speaker_between(q_end, cue)
        )

    def _opens_sentence(self, q_start: int) -> bool:
        """A quote that opens its sentence; not words quoted inside the writer's
        sentence ('trust him as a "builder," a study … concluded'), whose cue
        attributes the whole sentence."""
        opening = mark_start(self.text, q_start)
        end = space_before(self.text, opening)
        if end == 0 or "\n" in self.text[end:opening]:
            return True  # the text's or a line's first words
        if end == opening:
            return False  # no space between it and the word before
        last = end - 1 if self.text[end - 1] in _CLOSING_MARKS else end
        return self.text[last - 1 : last] in (".", "!", "?")

    def _speaker_between(self, q_end: int, cue: Token) -> bool:
        """'"…," Ana Obi, a port spokeswoman since 2019, said': between the quote
        and its cue stand only the speaker and the words that describe them,
        however many."""
        span = self.doc.char_span(q_end, cue.idx, alignment_mode="contract")
        subj = next((c for c in reversed(list(cue.lefts)) if c.dep_ == "nsubj"), None)
        if span is None or subj is None or not span.start <= subj.i < span.end:
            return False
        speaker = {t.i for t in subj.subtree}
        return all(t.i in speaker or t.is_punct for t in span)

    def _opens_next(self, cue: Token) -> bool:
        """A cue that a colon ties to the quote after it ('… the law." He added:
        "…'): it introduces that quote, not the one before it."""
        rest = self.text[cue.idx + len(cue) : cue.sent.end_char + 3]
        return (
            re.match(r"[^\n.!?\"\u201c]{0,40}:\s*[\"\u201c\u2018']", rest) is not None
        )

    def _introduced(self, cue: Token, q_start: int) -> bool:
        """A quote that a cue introduces with a comma or colon just before it ('told
        the agency simply, "We lost."'), or that is a whole sentence right after it:
        a spoken line however short."""
        between = self.text[cue.idx + len(cue) : mark_start(self.text, q_start)]
        if not between.strip():
            # 'a man yelled "Stay there!"': a whole sentence right after its cue
            return self._whole_sentence(q_start)
        return (
            between.rstrip().endswith((",", ":"))
            and "\n" not in between
            and len(re.findall(r"\w+", between)) <= 6
        )

    def _whole_sentence(self, q_start: int) -> bool:
        """A quote that ends a sentence of its own inside its marks ("Stay there!")."""
        inner = next((q for q in quote_spans_of(self.doc) if q[0] == q_start), None)
        return inner is not None and self.text[inner[1] - 1 : inner[1]] in "!?."

    def _colon_cue(self, q_start: int) -> list[Token]:
        """ "Mayor Ana Ruiz said:" closing the text before a quote, even across a
        paragraph break: the cue of that sentence introduces the quote."""
        end = space_before(self.text, mark_start(self.text, q_start))
        if self.text[end - 1 : end] != ":":
            return []
        colon = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if colon is None:
            return []
        cues = [
            t for t in reversed(colon.sent) if t.i < colon.start and is_quote_cue(t)
        ]
        return cues or self._introducing_verb(colon[0])

    def _introducing_verb(self, colon: Token) -> list[Token]:
        """ "Ana Obi released the following statement:", "Obi gave the idea a try
        on Tuesday:": with no verb of saying, the verb of the clause the colon
        ends introduces the quote, when its subject is an actor the article
        names (not "The rules are simple:")."""
        verb = colon.head  # the verb, or its object ("the following statement")
        while verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ != "VERB" or verb.i > colon.i:
            return []
        subj = self.r.subject(verb)
        if subj is None or subj.i > verb.i or self.r.source(subj) is None:
            return []
        return [verb]

    def _bare_quote_claim(
        self, q_start: int, q_end: int, inner: SpacySpan
    ) -> RawClaim | None:
        """A paragraph that is nothing but a quote, with no cue anywhere, goes on
        with the person the article is about just then (a feature's interviewee):
        the only person named in the closest earlier paragraph that names anyone.
        With two or more people there, the quote stays unattributed."""
        text = self.text
        opening = mark_start(text, q_start)
        para_start = text.rfind("\n", 0, opening) + 1
        if text[para_start:opening].strip():
            return None  # words before the quote in its paragraph: not a bare quote
        for sent in self._paragraphs_before(para_start):
            people = self.r.people_in(sent, outside_quotes=True)
            if len(people) > 1:
                return None
            if people:
                speaker = people.pop()
                self.r.cluster(speaker).acts = True
                return RawClaim(
                    inner[0].sent.start_char,
                    inner[-1].sent.end_char,
                    q_start,
                    q_end,
                    speaker,
                    True,
                    None,
                )
        return None

    def _paragraphs_before(self, pos: int, limit: int = 2) -> Iterator[SpacySpan]:
        """The (at most ``limit``) paragraphs before character ``pos``, closest first,
        each as a span of tokens."""
        text = self.text
        end = pos
        for _ in range(limit):
            stop = len(text[:end].rstrip())
            if stop == 0:
                return
            start = text.rfind("\n", 0, stop) + 1
            span = self.doc.char_span(start, stop, alignment_mode="expand")
            if span is not None:
                yield span
            end = start


# a dash and a name of one to five capitalised words after a quote
# (on the quote's line or the next one), and what follows the name on its line:
# "― Ana Obi", "— Ana Obi, a nurse in Dayton"
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*\n?[ \t\u00a0]*(?:[\u2015\u2014\u2013]|--)[ \t\u00a0]*"
    r"([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,4})"
    r"(?:,[^\n]{0,80})?[ \t\u00a0.]*(?:\n|$)"
)
#: marks that may close a sentence's last words before the space after its end
_CLOSING_MARKS = "\"”’'"
#: the kinds of actor a signature names
_SPEAKERS = ("Person", "Organization")


def _quote_is_inside_clause(cue: Token, inner: SpacySpan) -> bool:
    """A quote that is a piece of the clause its cue reports ('said the plan was
    "a waste of money"'); never a quote that comes before its cue."""
    if cue.i >= inner.end:
        return False
    clause = content(cue)
    if clause is None:
        return False
    outside = [t for t in clause if t.is_alpha and not (inner.start <= t.i < inner.end)]
    covers = clause.start <= inner.start and inner.end <= clause.end + 1
    return covers and len(outside) >= 2


def _outer_cue(cue: Token) -> Token | None:
    """The cue of a speaker whose reported clause holds this cue ("added" in "he
    added the board had pledged …"): the one who says it all."""
    outer = cue.head if cue.dep_ == "ccomp" and is_cue(cue.head) else None
    outer = outer if outer is not None else reporting_cue(cue)
    return outer if outer is not None and _attributes(outer) else None


def _aside_of_its_own(cue: Token, quoted: SpacySpan) -> bool:
    """A cue set off by commas inside the sentence after a quote, after words of
    that sentence ('“…” The vote, she said, was a mistake.'): it attributes the
    sentence it stands in, not the quote before it."""
    return (
        cue.sent.start >= quoted.end
        and cue.dep_ == "parataxis"
        and cue.head.i < cue.i
        and cue.i - cue.sent.start >= 3
    )


def _relative_clause(verb: Token) -> bool:
    """A verb of a clause opened by "who" / "which" / "that": it describes a
    noun (the parser may take a quote's cue for one, with its own subject)."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in lx.RELATIVE_PRONOUNS
        for c in verb.children
    )


def _attributes(tok: Token) -> bool:
    """A cue with a speaker or a clause of its own ("Ana Obi told reporters …",
    "… and warned that …"); not a cue verb that reports nothing ("after the
    operator failed to show up")."""
    return is_cue(tok) and any(
        c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in tok.children
    )


def _untagged(run: list[int], found: list[RawClaim | None]) -> bool:
    """A quote of several paragraphs whose first one is a claim and none has a
    cue of its own."""
    claims = [found[k] for k in run]
    return (
        len(run) > 1
        and claims[0] is not None
        and all(c is None or c.cue is None for c in claims)
    )


def _one_cue_after(prev: RawClaim, claim: RawClaim | None) -> bool:
    """Two pieces of one quote around an aside of the writer's, with the one cue
    after both ('"A" -- an aside -- "B," he says'): one claim."""
    return (
        claim is not None
        and prev.direct
        and claim.cue is not None
        and prev.cue is not None
        and claim.cue.i == prev.cue.i
        and claim.cue.idx > claim.stmt_end
    )


def _speakers_aside(tok: Token, cue: Token) -> bool:
    """A cue that says more of the same speaker's between two pieces of a quote,
    or that describes them or when they spoke: 'said Ana Obi, who noted that …',
    'she said, adding that …', 'said in a film that showed …', 'said, after the
    mayor stated …'; the quote goes on after it."""
    if tok.dep_ == "relcl" and tok.head.i in {c.i for c in cue.subtree}:
        # "that" too: 'said in a film that showed off …' describes, not attributes
        return any(
            c.dep_ == "nsubj" and c.lower_ in lx.RELATIVE_PRONOUNS for c in tok.children
        )
    if _said_when(tok, cue):
        return True
    return (
        tok.tag_ == "VBG"
        and tok.head == cue
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _said_when(tok: Token, cue: Token) -> bool:
    """A clause on the cue that says when it was said ('told the paper in July,
    after Ana Obi stated an interest in …'): the quote after it is still the
    speaker's."""
    return (
        tok.dep_ == "advcl"
        and tok.head == cue
        and any(c.dep_ == "mark" and c.lower_ in lx.WHEN_MARKS for c in tok.children)
    )


def _titled(inner: SpacySpan) -> bool:
    """Quoted words in title case, with no sentence's end in them ("Winter Is
    Coming Home"): the name of a book, film or song, not something said."""
    words = [t for t in inner if t.is_alpha]
    if any(t.text in (".", "?", "!") for t in inner[:-1]):
        return False
    main = [t for t in words if len(t) > 3 or t.i == inner.start]
    return len(main) >= 2 and all(t.text[0].isupper() for t in main)


def _governing_verb(inner: SpacySpan) -> Token | None:
    """For a quote without a cue ("called the vote '…'"), the verb outside it."""
    head = inner.root
    while head.head != head and inner.start <= head.i < inner.end:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or inner.start <= head.i < inner.end:
        return None
    # a verb of another paragraph, where the parser ran the two together
    first, last = sorted((head.i, inner.start))
    return None if "\n" in inner.doc[first:last].text else head


def _join(prev: RawClaim, q_start: int, q_end: int, nxt: RawClaim | None) -> RawClaim:
    """One claim from a quote and its continuation after the attribution."""
    end = max(prev.end, nxt.end if nxt is not None else q_end)
    return RawClaim(
        prev.start,
        end,
        prev.stmt_start,
        q_end,
        prev.claimant,
        True,
        prev.cue,
        prev.date,
        (*prev.pieces(), (q_start, q_end)),
        prev.source,
    )
