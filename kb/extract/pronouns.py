"""Who "he", "she", "they" and "it" stand for: a rule of salience, not a model. The
sentences before the pronoun are read from the closest back; the first one that
holds someone who fits (gender, person or group) gives the antecedent, and in it
the grammatical subject, which may itself be an earlier pronoun or a description
("The senator …"), beats anyone else it names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kb.extract.cues import is_cue
from kb.text import lexicon as lx

if TYPE_CHECKING:
    from kb.extract.resolve import Resolver

__all__ = ["Antecedents", "described_person", "is_subject", "pronoun_class"]

_SUBJECTS = ("nsubj", "nsubjpass")
#: how many sentences back the antecedent is looked for, sentence by sentence
_LOOKBACK = 12
#: how far a chain of pronouns ("She said … She added … she said") is followed back
_CHAIN_DEPTH = 25
#: what each pronoun may stand for
_KINDS = {
    "m": ("Person",),
    "f": ("Person",),
    "they": ("Group", "Organization"),
    # "most of them", "many" alone: some of the people named before
    "some": ("Group", "Organization"),
    "it": ("Organization",),
    # a description of someone ("the nominee"), who continues the person before it
    "person": ("Person",),
}
_CLASS = {"he": "m", "she": "f", "they": "they", "it": "it"}
#: the possessives of one person, each of its subject pronoun's class ("their"
#: may be a group's, a body's or a place's: too loose to say who took part)
_OWNER_CLASS = {"his": "m", "her": "f"}


def pronoun_class(word: str) -> str | None:
    """The class of a subject pronoun that this rule resolves: "m", "f", "they",
    "it"; None for any other word.

    >>> [pronoun_class(w) for w in ("He", "they", "its", "I")]
    ['m', 'they', None, None]
    """
    return _CLASS.get(word.lower())


@dataclass(frozen=True)
class _Candidate:
    """Someone a sentence offers as the antecedent: the cluster, where it stands,
    whether it is a subject there, and (a group described only by its plural noun,
    "critics") the token to make a new group of when it is chosen."""

    pos: int
    cluster: int | None
    subject: bool
    new_group: Token | None = None
    #: an unnamed voice of a body ("a spokeswoman for Kestrin Relief"): "she"
    #: may go back to it, and so to the body it speaks for
    voice: bool = False


class Antecedents:
    """Pronoun resolution over one Doc, with what the resolver knows of its actors;
    each pronoun is resolved once."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver
        self.doc = resolver.doc
        self.memo: dict[int, int | None] = {}
        self.depth = 0

    def resolve(self, tok: Token) -> int | None:
        """The cluster a subject pronoun stands for, or None."""
        cls = pronoun_class(tok.lower_)
        return None if cls is None else self._memoised(tok, cls)

    def owner(self, tok: Token) -> int | None:
        """The person a possessive "his" or "her" stands for, found as for the
        subject pronoun of its class ("he", "she")."""
        cls = _OWNER_CLASS.get(tok.lower_)
        return None if cls is None else self._memoised(tok, cls)

    def plural(self, tok: Token, near: bool = False) -> int | None:
        """The people "most of them" or "many" alone is some of, found as for a
        subject "they", but only people ("The efforts went on. Some believe …":
        not the efforts). ``near``: only in the word's own sentence or the one
        before; "many" alone further on is people in general, not a group the
        article left behind ("Dockers struck. The port shut. Many say …")."""
        return self._memoised(tok, "some", 1 if near else _LOOKBACK)

    def described(self, tok: Token) -> int | None:
        """The person "the nominee" (a description naming no one) continues: the
        subject of the closest earlier sentence that names a person."""
        return self._memoised(tok, "person") if described_person(tok) else None

    def continued(self, tok: Token) -> int | None:
        """The person a description of any words continues ("the real estate agent
        said …" after a sentence about Ana Obi), found as for :meth:`described`."""
        return self._memoised(tok, "person")

    def _memoised(self, tok: Token, cls: str, lookback: int = _LOOKBACK) -> int | None:
        if tok.i not in self.memo:
            self.memo[tok.i] = None  # a cycle finds nothing
            self.depth += 1
            try:
                self.memo[tok.i] = self._search(tok, cls, lookback)
            finally:
                self.depth -= 1
        return self.memo[tok.i]

    def _search(self, tok: Token, cls: str, lookback: int) -> int | None:
        """Sentence by sentence back from the pronoun: in its own sentence the
        latest fitting subject before it, else the latest fitting one ("Ana Obi,
        in a shirt covered in Hart badges, said she …": Ana Obi); in an earlier
        sentence, up to ``lookback`` sentences back, its subject, else the first
        one it names; then, with the full lookback, the latest fitting name."""
        sent = tok.sent
        # "While its lorries wait up north, they say …": what the sentence tells
        # of things before the pronoun that speaks is not who speaks
        speaks = tok.dep_ in _SUBJECTS and is_cue(tok.head)
        own = []
        if cls != "person":  # a description opens its sentence's account
            # "Heavy rains are likely, they said": what the pronoun reports holds no
            # speakers (but "he"/"she" may go back to a name the parser put there)
            reported = _reported(tok)
            controlled = _controlled(tok)
            own = [
                c
                for c in self._fitting(self._candidates(sent, tok.i, cls), cls, speaks)
                if c.pos not in reported or (c.new_group is None and cls in ("m", "f"))
                if c.pos not in controlled
            ]
        if own:
            subjects = [c for c in own if c.subject]
            return self._chosen(max(subjects or own, key=lambda c: c.pos))
        left = lookback
        while left > 0:
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            found = self._fitting(self._candidates(sent, sent.end, cls), cls)
            if found:
                return self._chosen(self._best(found, cls))
            if lookback == _LOOKBACK or _has_verb(sent):
                left -= 1  # a short search reads past a heading ("New rules.")
        if cls == "person" or lookback < _LOOKBACK:
            return None
        # far back: the latest fitting name, without reading every sentence again
        gender = cls if cls in ("m", "f") else None
        return self.r.recent(sent.start, set(_KINDS[cls]), gender=gender)

    def _best(self, found: list[_Candidate], cls: str) -> _Candidate:
        """The subject beats others named in the sentence ("Ana Obi said Tom Berg would
        wait. '…,' she said": Ana Obi); then one known to be of the pronoun's gender;
        then the first."""
        pool = [c for c in found if c.subject] or found
        if cls in ("m", "f"):
            # "Ana Obi said Tom Berg would wait": the speaker goes on speaking
            pool = [c for c in pool if self._speaks(c)] or pool
            known = [
                c
                for c in pool
                if c.cluster is not None and self.r.gender(c.cluster) == cls
            ]
            pool = known or pool
        return min(pool, key=lambda c: c.pos)

    def _speaks(self, cand: _Candidate) -> bool:
        """The candidate is the subject of a verb of saying ("Ana Obi said …")."""
        m = self.r.mentions.at(cand.pos)
        head = self.doc[m.end - 1] if m is not None else self.doc[cand.pos]
        return head.dep_ in _SUBJECTS and is_cue(head.head)

    def _chosen(self, cand: _Candidate) -> int | None:
        if cand.new_group is not None:
            return self.r.described(cand.new_group, "Group", ("amod", "compound"))
        return cand.cluster

    def _fitting(
        self, cands: list[_Candidate], cls: str, speaks: bool = False
    ) -> list[_Candidate]:
        """The candidates that may be what a pronoun of class ``cls`` stands for;
        ``speaks``: the pronoun speaks ("they said") in the candidates' sentence,
        so no words for things ("the lorries") there, only for people."""
        kinds = _KINDS[cls]
        out = []
        for c in cands:
            if c.new_group is not None:
                people = self.r.people_word(c.new_group)
                if (cls == "they" and not speaks) or (
                    cls in ("they", "some") and people
                ):
                    out.append(c)
                continue
            if c.cluster is None or c.cluster < 0:
                continue
            if c.voice:
                out.append(c)  # its role word agrees with the pronoun
                continue
            cl = self.r.cluster(c.cluster)
            if cl.kind not in kinds and not (
                (
                    cls in ("they", "some")
                    and cl.kind == "Person"
                    and self._plural(c.pos)
                )
                or (cls == "it" and cl.kind == "Actor" and self._thing(c.pos))
            ):
                continue
            if cls in ("m", "f") and self.r.gender(c.cluster) not in (None, cls):
                continue
            out.append(c)
        return out

    def _thing(self, pos: int) -> bool:
        """An actor named by words that are no person's: a name the tagger did not
        know ("Zentrix said …") or a document ("the study"), which "it" may go
        back to; not "a senior official" nor "the newspaper's editor"."""
        m = self.r.mentions.at(pos)
        head = self.doc[m.end - 1] if m is not None else self.doc[pos]
        return head.pos_ == "PROPN" or not self.r.people_word(head)

    def _plural(self, pos: int) -> bool:
        """ "Ana Obi and Karl Hart": a person named with another, joined by "and"."""
        tok = self.doc[pos]
        m = self.r.mentions.at(pos)
        head = self.doc[m.end - 1] if m is not None else tok
        return any(
            c.dep_ == "conj" and self.r.kind_at(c) == "Person" for c in head.children
        )

    def _candidates(self, sent: SpacySpan, before: int, cls: str) -> list[_Candidate]:
        """Who the sentence names before token ``before``, outside quotes: its
        mentions, its subject pronouns of the same class, and its subjects that are
        descriptions ("the senator", "critics")."""
        out = []
        quoted_to = _closed_without_opening(sent)
        for t in sent:
            if t.i >= before or t.i < quoted_to or self.r.in_quote(t.idx):
                continue
            m = self.r.mentions.at(t.i)
            if m is not None:
                if m.start == t.i and m.cluster >= 0:
                    head = self.doc[m.end - 1]
                    voice = self._voice_of(head, m.cluster, cls)
                    out.append(
                        _Candidate(t.i, m.cluster, is_subject(head), voice=voice)
                    )
                continue
            if t.dep_ not in _SUBJECTS:
                continue
            cand = self._subject_candidate(t, cls)
            if cand is not None:
                out.append(cand)
        return out

    def _known_before(self, cluster: int, t: Token) -> bool:
        """The actor was named before the words ``t`` heads, or in them ("the
        minister, Ana Obi,"), not only later (a description looking ahead)."""
        end = t.right_edge.i
        return any(m.start <= end for m in self.r.cluster(cluster).mentions)

    def _voice_of(self, t: Token, cluster: int, cls: str) -> bool:
        """Whether ``t`` is the role word of one unnamed person who speaks for the
        body ``cluster`` stands for ("a spokeswoman for Kestrin Relief", "an
        official at the ministry"), of the gender of the pronoun's class or of
        none: "she" may go back to that voice, and so to the body."""
        return (
            cls in ("m", "f")
            and t.tag_ == "NN"
            and t.lemma_.lower() in lx.VOICE_ROLES
            and lx.GENDERED_WORDS.get(t.lower_, cls) == cls
            and self.r.cluster(cluster).kind == "Organization"
        )

    def _subject_candidate(self, t: Token, cls: str) -> _Candidate | None:
        """An unnamed subject as a candidate: an earlier pronoun of the same class
        (resolved in its turn), a description of a known actor, or a plural noun
        for people, which becomes a group only if chosen."""
        # "The actress said …" after "…, she added": whom the "she" stands for
        same = cls == "person" and pronoun_class(t.lower_) in ("m", "f")
        if pronoun_class(t.lower_) == cls or same:
            if self.depth >= _CHAIN_DEPTH:
                return None
            found = self.resolve(t)
            # "she" that went back to a body's spokeswoman: the body again
            voice = (
                cls in ("m", "f")
                and found is not None
                and self.r.cluster(found).kind == "Organization"
            )
            return _Candidate(t.i, found, True, voice=voice)
        if t.lower_ in lx.PRONOUNS:
            return None
        found = self.r.resolve(t, allow_new_group=False, pronouns=False)
        if found is not None and self._known_before(found, t):
            kind = self.r.cluster(found).kind
            if self._voice_of(t, found, cls):
                return _Candidate(t.i, found, True, voice=True)
            if cls not in ("they", "some") or kind != "Person" or t.tag_ != "NNS":
                return _Candidate(t.i, found, True)
        if cls in ("they", "some") and t.tag_ == "NNS":
            # "critics", "McConnell's aides", "twenty states": people acting
            # together, a group of their own when the pronoun goes back to them
            return _Candidate(t.i, None, True, new_group=t)
        if cls in ("m", "f") and described_person(t) and self.depth < _CHAIN_DEPTH:
            return _Candidate(t.i, self._memoised(t, "person"), True)
        return None


def _has_verb(sent: SpacySpan) -> bool:
    """The sentence tells something: not a heading of nouns alone."""
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


def _reported(tok: Token) -> set[int]:
    """The tokens of what the pronoun's verb reports ("…, they said")."""
    return {
        t.i
        for c in tok.head.children
        if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i
        for t in c.subtree
    }


def _controlled(tok: Token) -> set[int]:
    """The tokens of a clause without a subject of its own that opens the
    pronoun's sentence ("Asked whether Ana Obi would win, she said …"): the
    pronoun is who was asked, so anyone named in it is someone else."""
    verb = tok.head
    return {
        t.i
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp")
        and c.i < tok.i
        and c.tag_ in ("VBN", "VBG")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
        for t in c.subtree
    }


def _closed_without_opening(sent: SpacySpan) -> int:
    """Where a quotation that opened in an earlier paragraph closes in this
    sentence ("… all that Ana Obi promised,” he said): its words, up to the
    closing mark, are the speaker's, none of them the one who speaks. The
    sentence's start when its first double quotation mark opens a quotation."""
    text = sent.doc.text
    for t in sent:
        if t.text not in ('"', "”", "“"):
            continue
        if t.text == "“" or t.i == sent.start:
            return sent.start
        # a straight mark closes after the words it quotes ("…,\" he said"),
        # and opens before them ("said \"we …")
        before, after = text[t.idx - 1], text[t.idx + 1 : t.idx + 2]
        closes = not before.isspace() and (not after or not after.isalnum())
        return t.i if t.text == "”" or closes else sent.start
    return sent.start


def described_person(t: Token) -> bool:
    """ "the Republican nominee", "the former senator": one person, described by
    a role with "the" and no name; not a role that speaks for others or for an
    office ("the spokesman", "the official"), which is someone the article does not
    name unless it named them with that role."""
    return (
        t.tag_ == "NN"
        and t.lemma_.lower() in lx.PERSON_DESCRIPTIONS - lx.ROLE_MODIFIERS
        and t.lemma_.lower() not in lx.VOICE_ROLES
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    )


def is_subject(tok: Token) -> bool:
    """A subject, or a word joined or in apposition to one ("Dietz and her husband
    Karl")."""
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
    return tok.dep_ in _SUBJECTS
