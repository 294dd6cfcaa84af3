"""Who a word stands for: the entity behind a subject, a pronoun ("she"), a role
("the minister") or a description ("the company"); used by the quotes, claims and
events components. A rule over the article's own words, not a coreference model:
those download weights at run time."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kb.extract.cues import is_cue, reporting_cue, second_cue
from kb.extract.dates import dates_of
from kb.extract.entities import entities_of
from kb.extract.extensions import stage, text_of
from kb.extract.names import is_institution
from kb.extract.pronouns import Antecedents, is_subject, pronoun_class
from kb.extract.records import Cluster, Mention, clean_name
from kb.extract.syntax import prep_objects
from kb.text import lexicon as lx
from kb.text.first_names import full_name_gender
from kb.text.gazetteer import fold
from kb.text.quotes import find_quotes

__all__ = [
    "AttributionRules",
    "Resolver",
    "speaker_noun",
    "quote_spans_of",
]

# Modifiers that make "the <company noun>" a different business from the story's.
_OTHER = {
    "rival",
    "other",
    "another",
    "parent",
    "former",
    "competing",
    "smaller",
    "larger",
}


# Roles that news gives its unnamed sources: "a senior official said"
_ANONYMOUS_ROLES = {"official", "spokesperson", "spokesman", "spokeswoman", "diplomat"}


def quote_spans_of(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the Doc's quoted passages."""
    return stage(doc, "newskb_quote_spans", lambda d: find_quotes(text_of(d)))


class Resolver:
    """Resolution over one Doc's entities; new actors met only as descriptions
    ("the dockers' union") are added to them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities = entities_of(doc)
        self.mentions = self.entities.mentions
        self.clusters = self.entities.clusters
        self.quotes = quote_spans_of(doc)
        self.dateline_end = dates_of(doc).dateline_end
        self.antecedents = Antecedents(self)

    def cluster_at(self, tok: Token) -> int | None:
        return self.entities.cluster_at(tok)

    def kind_at(self, tok: Token) -> str | None:
        return self.entities.kind_at(tok)

    def in_quote(self, pos: int) -> bool:
        # a loop, not any() over a generator: asked for nearly every token
        for a, b in self.quotes:
            if a <= pos < b:
                return True
        return False

    def source_span(self, tok: Token) -> tuple[int, int]:
        """The tokens that name a source: its mention, else the noun phrase up to
        the word ("the new finance minister", "she")."""
        m = self.mentions.at(tok.i)
        if m is not None and tok.pos_ != "PROPN":
            # "the Bavaria governor": the place keeps its mention, the words are one
            return min(m.start, tok.left_edge.i), max(m.end, tok.i + 1)
        if m is not None:
            return m.start, m.end
        of = _part_of(tok)  # "many of his supporters"
        if of is not None and of.i < tok.i:
            # "the fishermen, many of whom say …": the people come before, so the
            # words that name the source here are "many of whom", not up to them
            return tok.left_edge.i, tok.right_edge.i + 1
        return tok.left_edge.i, (of.i if of is not None else tok.i) + 1

    def people_word(self, tok: Token) -> bool:
        """A noun for people who may speak ("farmers", "critics"), not for things
        ("efforts", "plans")."""
        return _people_noun(tok)

    def cluster(self, index: int) -> Cluster:
        return self.clusters[index]

    # ------------------------------------------------------------ speakers
    def source(self, subj: Token) -> int | None:
        """The speaker a cue's subject stands for. Beyond named actors, pronouns and
        roles, an institution that the article never names is a source in its own
        right when it speaks: "Police said …", "the weather service warned …"; and
        "the nominee" that names no one is the person the article was about."""
        of = _part_of(subj)
        if of is not None and of.i > subj.i and of.lower_ != "them":
            return self.source(of)  # "many of his supporters": the supporters
        if of is not None or _some_of_them(subj):
            return self._some_of(subj, of)
        found = self.resolve(subj)
        if found is not None and self.clusters[found].kind == "Organization":
            head = self._titled_person_of(subj)
            if head is not None:
                return head  # "the Water Board (VWB) Director Ana Obi said"
        if found is None:
            found = self.antecedents.described(subj)  # "The nominee said …"
            if found is not None and (
                _other_title(subj, self.clusters[found])
                or self._other_gender(subj, found)
            ):
                found = None  # "The governor said …" after "Sen. Ana Obi …"
        if found is not None:
            if self.mentions.at(subj.i) is None and _names_actor(subj):
                self._described_as(subj, found)
            return found
        aged = self._of_age(subj)
        if aged is not None:
            return aged
        if _document(subj):
            return self.document(subj)
        if _role(subj):
            # "an Ontario judge said", "Bavaria's tax commissioner said", with no one
            # named before who holds the role: someone the article does not name
            return self._anonymous(subj)
        if subj.lemma_.lower() not in lx.INSTITUTION_NOUNS and not is_institution(subj):
            return None
        # the tagger calls a lower-case "ministry" a proper noun at times
        common = subj.tag_ in ("NN", "NNS") or subj.is_lower
        if not common or any(
            c.dep_ == "det" and c.lower_ not in ("the",) for c in subj.children
        ):
            return None  # "a court", "some police": not one institution
        later = self._only_named_with(subj)
        if later is not None:
            # the bare word is one of its names: "police" of "the Velmora police"
            self.name_as(later, subj.i, subj.i + 1, name=clean_name(subj.text))
            return later
        return self.described(subj, "Organization", ("compound", "amod"))

    def channel_owner(self, tok: Token) -> int | None:
        """Whose website or account speaks: "the club's account posted …" is the
        club's word (the one "the club" stands for), and no actor of its own;
        None for other words or an owner no one stands for."""
        if tok.lemma_.lower() not in lx.PUBLISHING_CHANNELS:
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in lx.PRONOUNS:
            return None
        found = self.source(owner)
        if found is None and owner.pos_ == "PROPN":
            found = self.named_by_its_words(owner)  # a name the NER did not know
        return found

    def _some_of(self, subj: Token, of: Token | None) -> int | None:
        """The people named elsewhere that "most of them", "many of whom" or "many"
        alone is some of, with those words as a mention of them: "most of them
        said …" (the people "they" would stand for), "the fishermen, many of whom
        say …"."""
        if of is not None and of.lower_ != "them":
            found = self.source(of)
        elif of is not None:
            found = self.antecedents.plural(of)
        else:
            found = self.antecedents.plural(subj, near=True)
            if found is not None and set(self.clusters[found].names()) <= _PARTS:
                found = None  # "Some believe … Many argue …": not some of "some"
        if found is None and of is None:
            # "Some believe …" with no group just before: people in general, an
            # unnamed source of its own, not a group named sentences earlier; in
            # lower case, as no name ("Several" opening a sentence tags as one)
            return self._new_cluster(Mention(subj.i, subj.i + 1, "Group", subj.lower_))
        if found is not None:
            self.name_as(found, subj.left_edge.i, subj.right_edge.i + 1)
        return found

    def _titled_person_of(self, org: Token) -> int | None:
        """A person the parse hangs on an organisation's name by the title they hold
        there: "Varda Water Board (VWB) Director Ana Obi"."""
        for c in org.children:
            if c.dep_ != "appos" or not any(
                g.dep_ == "compound" and g.lower_ in lx.ROLE_WORDS for g in c.children
            ):
                continue
            hit = self.resolve(c, allow_new_group=False)
            if hit is not None and self.clusters[hit].kind == "Person":
                return hit
        return None

    def _only_named_with(self, tok: Token) -> int | None:
        """ "Police said …" before the article names "the Sedbergh Police
        Department": the one organisation named with that word, when the word has no
        modifier of its own and no other organisation has it in its name."""
        if any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in tok.children):
            return None
        word = tok.lemma_.lower()
        found = {
            c
            for c, cl in enumerate(self.clusters)
            if cl.kind == "Organization"
            and any(not n.islower() for n in cl.names())
            and word in fold(" ".join(cl.names())).split()
        }
        return found.pop() if len(found) == 1 else None

    def _of_age(self, tok: Token) -> int | None:
        """ "The 41-year-old said …": the person named before with that age beside
        the name ("Ana Obi, 41, …"), the latest one."""
        year = next((c for c in tok.children if c.lower_ == "year"), None)
        if tok.lower_ != "old" or year is None:
            return None
        age = next((c.text for c in year.children if c.like_num), None)
        found = None
        for t in self.doc[2 : tok.i]:
            if t.text == age and self.doc[t.i - 1].text == ",":
                named = self.cluster_at(self.doc[t.i - 2])
                if named is not None and self.clusters[named].kind == "Person":
                    found = named
        if found is None and _definite(tok):
            # no one's age given: "the 56-year-old" goes on with the person before
            return self.antecedents.continued(tok)
        return found

    def _name_cut_off(self, verb: Token) -> Token | None:
        """The name right before a main verb that the parser hung on an opening
        phrase instead ("Campaigning in Varda, former mayor Ana Obi said …" parses
        Ana Obi as an apposition of Varda): the verb's subject."""
        if verb.dep_ != "ROOT" or verb.i == 0:
            return None
        end = _before_apposition(verb)
        before = verb.doc[end - 1]
        if before.pos_ != "PROPN" or before.ent_type_ not in ("PERSON", "ORG"):
            return None
        if before.dep_ not in ("appos", "pobj", "conj", "compound", "dobj"):
            return None
        ent = self.mentions.ent_at.get(before.i)
        if ent is None or ent.end != end or ent.root.head.i >= ent.start:
            return None
        return ent.root

    def _other_gender(self, tok: Token, cluster: int) -> bool:
        """ "the former first lady" for a man, "the businessman" for a woman."""
        words = {t.lower_ for t in self.doc[tok.left_edge.i : tok.i + 1]}
        said = {g for w, g in lx.GENDERED_WORDS.items() if w in words}
        said |= {g for w, g in _PERSON_GENDER.items() if w in words}
        known = self.gender(cluster)
        return len(said) == 1 and known is not None and known not in said

    def _described_as(self, tok: Token, cluster: int) -> None:
        """Record "the Republican nominee" as a mention of the person it stands
        for, under a name the person has already (no new alias) and with the
        description as its role."""
        words = [t for t in self.doc[tok.left_edge.i : tok.i + 1] if t.dep_ != "det"]
        if not words:
            return
        role = clean_name(self.doc[words[0].i : tok.i + 1].text)
        # "her lawyer", "Roth's attorney" tell a relation, not a title she holds
        title = self.clusters[cluster].kind == "Person" and not any(
            c.dep_ == "poss" for c in tok.children
        )
        self.name_as(cluster, words[0].i, tok.i + 1, role if title else None)

    def name_as(
        self,
        cluster: int,
        start: int,
        end: int,
        role: str | None = None,
        name: str | None = None,
    ) -> None:
        """Record tokens ``start:end`` as a mention of the cluster under a name it
        has already (or ``name``, words of its own); words there that name
        something else keep their own mention ("the Bavaria governor": Bavaria
        stays the place, "governor" is the person)."""
        taken = self.mentions.token_mention
        while start < end - 1 and start in taken:
            start += 1
        cl = self.clusters[cluster]
        mention = Mention(
            start, end, cl.kind, name or cl.mentions[0].name, role, cluster=cluster
        )
        self.mentions.add(mention)
        if self.mentions.at(end - 1) is mention:
            cl.mentions.append(mention)

    def new_speaker(self, subj: Token) -> int | None:
        """A speaker the article describes only where it speaks: people by a plural
        noun ("several cast members said", "rights groups warned"), a group of its
        own; or a name the tagger did not know ("Zentrix said …"), an actor of its
        own. None for pronouns, words for documents ("polls show") and words that
        already name someone."""
        if _the_two(subj):
            pair = self._pair_before(subj)
            if pair is not None:
                return pair  # "Both men denied …": the two just named
        of = _part_of(subj)
        if of is not None:
            return self.new_speaker(of)  # "many of the farmers said": the farmers
        if self.mentions.at(subj.i) is not None or subj.lower_ in lx.PRONOUNS:
            return None
        if subj.lemma_.lower() in lx.SOURCE_NOUNS or subj.lower_ in lx.SOURCE_NOUNS:
            return None
        if subj.tag_ == "NNS" and not _evidence(subj):
            return self.described(subj, "Group", ("amod", "compound"))
        if subj.lower_ == "those" and any(
            c.dep_ in ("acl", "relcl") for c in subj.children
        ):
            return self._described_after(subj)
        if _share(subj):
            return self._share_group(subj)
        if subj.tag_ == "NNP" and subj.is_title:
            # "Mr Obi said …": an honorific names a person
            honorific = any(c.lower_ in lx.HONORIFICS for c in subj.lefts)
            return self.described(
                subj, "Person" if honorific else "Actor", ("compound",)
            )
        return None

    def _pair_before(self, subj: Token) -> int | None:
        """The two people named together ("Ana Obi and Tom Vell") last before
        ``subj``, in its sentence or the one before, as one group of the two;
        None when no two people are named so."""
        sent = subj.sent
        start = sent.start if sent.start == 0 else self.doc[sent.start - 1].sent.start
        for tok in reversed(self.doc[start : subj.i]):
            second, first = self.mentions.at(tok.i), self.mentions.at(tok.head.i)
            if tok.dep_ != "conj" or second is None or first is None:
                continue
            if first.kind == second.kind == "Person" and first is not second:
                name = f"{first.name} and {second.name}"
                same = self._cluster_named("Group", name)
                if same is not None:
                    self.name_as(same, subj.left_edge.i, subj.i + 1)
                    return same
                return self._new_cluster(
                    Mention(subj.left_edge.i, subj.i + 1, "Group", name)
                )
        return None

    def described_speaker(self, subj: Token) -> int | None:
        """A single speaker the article describes where it speaks and names nowhere
        ("the retired teacher said …", "a farmers' group says …", "his childhood
        friend told …"): an actor of its own, the same one each time the same
        words describe it. Only a noun for a person or a body of people (by its
        word or its agent ending: "owner", "volunteer", "activist"), with a
        determiner or an owner; not names, pronouns, documents or places."""
        if subj.tag_ != "NN" or not speaker_noun(subj):
            return None
        if self.mentions.at(subj.i) is not None or subj.ent_type_:
            return None
        if not any(
            c.dep_ in ("det", "poss") or (c.dep_ == "nummod" and c.lower_ == "one")
            for c in subj.children
        ):
            return None  # "one employee said" is one person, as "an employee"
        lemma = subj.lemma_.lower()
        if _definite(subj) and lemma not in lx.BODY_WORDS | lx.ROLE_MODIFIERS:
            # "the real estate agent said …": the person the article was about;
            # not "the opposition", people of no one role
            found = self.antecedents.continued(subj)
            if found is not None and not self._other_gender(subj, found):
                return found
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in subj.children):
            # "a farmers' group": the owner is part of the description
            return self.described(subj, "Actor", ("amod", "compound", "poss"))
        return self._anonymous(subj)

    def speaker_by_its_words(self, subj: Token) -> int | None:
        """The last resort for the subject of a verb only a speaker takes, with a
        clause it reports: a noun or name nothing else resolved ("the magazine
        said …", a name the tagger misread, "Velk said …") is an actor of its own,
        named by its words (see :meth:`named_by_its_words`); not a document ("the
        statement said" with no issuer)."""
        if subj.dep_ != "nsubj" or not is_cue(subj.head):
            return None  # "its delay led the firm to announce …": not who announced
        if _document(subj) or subj.lemma_.lower() in lx.SOURCE_NOUNS:
            return None
        return self.named_by_its_words(subj)

    def named_by_its_words(self, tok: Token) -> int | None:
        """The source a noun or name stands for when nothing else resolved it: an
        actor of its own, named by its words. Never a pronoun, a figure, a date or
        a place."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in _NO_SPEAKERS:
            return None
        if tok.lemma_.lower() in lx.PLACE_NOUNS | _NOT_VOICES:
            return None
        return self.described(tok, "Actor", ("amod", "compound", "poss"))

    def _described_after(self, subj: Token) -> int | None:
        """ "those surveyed said …", "those who back the plan say …": the people
        the words after "those" describe, a group of its own."""
        words = [t for t in subj.subtree if not t.is_punct]
        if any(is_cue(t) for t in words):
            return None  # "those who said …": the description holds what is said
        end = max(t.i for t in words) + 1
        name = clean_name(self.doc[subj.i : end].text)
        return self._new_cluster(Mention(subj.i, end, "Group", name))

    def _share_group(self, subj: Token) -> int | None:
        """ "63 percent said …", "a majority of voters said …": what the people
        polled answered is the poll's finding, the latest poll the article names
        before; with none, the people who answered so, a group named by the share
        ("63 percent of voters")."""
        poll = self._latest_poll(subj)
        if poll is not None:
            return poll
        words = [t for t in subj.subtree if t.dep_ not in ("punct", "relcl")]
        words = [t for t in words if t.i <= max(subj.i, _of_phrase_end(subj))]
        start = min(t.i for t in words if t.dep_ != "advmod" or t.i > subj.i)
        end = max(t.i for t in words) + 1
        if any(i in self.mentions.token_mention for i in range(start, end)):
            return None  # "Acme's 40 percent": the words name someone already
        name = clean_name(self.doc[start:end].text)
        return self._new_cluster(Mention(start, end, "Group", name))

    def _latest_poll(self, tok: Token) -> int | None:
        """Who stands behind the poll or survey named last before ``tok``: its
        owner ("a Zentrix poll"), else the poll itself."""
        for prev in reversed(self.doc[: tok.i]):
            if prev.lemma_.lower() in _POLLS and prev.pos_ == "NOUN":
                found = self.resolve(prev, allow_new_group=False)
                return found if found is not None else self.document(prev)
        return None

    def subject(self, verb: Token) -> Token | None:
        """The subject of a verb, inherited through "and said" / ", saying" / acl parses."""
        cur: Token | None = verb
        for _ in range(4):
            if cur is None:
                return None
            # the last subject: "LONDON, July 24 — Acme reported …" parses with two
            subj = next(
                (
                    c
                    for c in reversed(list(cur.children))
                    if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= self.dateline_end
                ),
                None,
            )
            if subj is not None and subj.dep_ == "nsubjpass" and cur.lemma_ in _TOLD:
                # "employees were told that …": they heard it; the teller speaks
                return _teller(cur)
            if (
                subj is not None
                and subj.lower_ in lx.RELATIVE_PRONOUNS
                and cur.dep_ == "relcl"
            ):
                return self._who(cur.head)  # "the architect, who said …"
            if subj is not None and subj.tag_ == "VBG":
                # "Campaigning for X, Ana Obi said": the phrase parsed as the subject
                cut_off = self._name_cut_off(cur)
                return subj if cut_off is None else cut_off
            if subj is not None:
                speakers = _speakers_after_apposition(cur, subj)
                return subj if speakers is None else speakers
            run_on = _speaker_run_on(cur) if cur is verb else None
            if run_on is None:
                run_on = _name_read_as_modal(cur)
            if run_on is not None:
                return run_on
            if _has_agent(cur):
                return agent_of(cur)
            inverted = self._name_after(cur) if cur is verb else None
            if inverted is None and cur is verb:
                inverted = _speakers_in_clause(cur)
            if inverted is not None:
                return inverted
            if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head != cur:
                # "X said the plan would fail, arguing that …": X argues too
                outer = (
                    reporting_cue(cur)
                    if (cur.tag_ == "VBG" and is_cue(cur)) or second_cue(cur)
                    else None
                )
                cur = outer if outer is not None else cur.head
                continue
            quoted = _quoted_source(cur)
            if quoted is None:
                quoted = self._name_cut_off(cur)
            if quoted is not None:
                return quoted
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
                cur = cur.head.head  # "began by talking about …": who began
                continue
            if _on_a_channel(cur):
                cur = cur.head.head.head  # "posted on Instagram accusing X": who posted
                continue
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head
            return None
        return None

    def _name_after(self, cue: Token) -> Token | None:
        """The speaker named right after a tag that follows what was said ("…,
        replied Cunningham", "…,” said Port Minister Ana Obi, who …"), which the
        parser hung elsewhere: the last word of the name the run of proper nouns
        after the cue ends with, when it names a person or a body."""
        doc = cue.doc
        before = doc[cue.i - 1] if cue.i > 0 else None
        if before is None or not (before.text == "," or before.is_quote):
            return None
        if not (is_cue(cue) or cue.lemma_.lower() in lx.QUOTE_VERBS):
            return None
        if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.lemma_.lower() in _TOLD:
            return None  # "…, telling Ana Obi that …": whom it was told
        end = cue.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        if end == cue.i + 1:
            return None
        if end < len(doc) and not (doc[end].is_punct or doc[end].pos_ == "ADP"):
            return None  # "…, wrote Ana Obi a letter": not where a tag ends
        last = doc[end - 1]
        if self.kind_at(last) not in ("Person", "Organization"):
            return None
        return last

    def _who(self, head: Token) -> Token:
        """The one a relative "who" stands for, from the word the parser hangs its
        clause on: "the architect"; the people, not the place or the body, of "the
        fishermen of Varda, who said …", "the head of the union, who said …"."""
        of = head.head
        if head.dep_ == "appos" and self.cluster_at(of) is not None:
            return of  # "Podsiad, a detective who said …": the one named
        if (
            head.dep_ == "pobj"
            and of.lower_ == "of"
            and of.head.pos_ == "NOUN"
            and speaker_noun(of.head)
            and self.kind_at(head) != "Person"
        ):
            return of.head
        return head

    # ------------------------------------------------------------ resolution
    def resolve(
        self, tok: Token, allow_new_group: bool = True, pronouns: bool = True
    ) -> int | None:
        """The entity cluster a subject or source token stands for, if any."""
        found = self.cluster_at(tok)
        if found is not None:
            return found
        found = self._through_children(tok)
        if found is not None:
            return found
        lower = tok.lower_
        if lower in lx.PRONOUNS and not pronouns:
            return None
        if pronoun_class(lower) is not None:
            return self.antecedents.resolve(tok)
        if lower == "i":
            return self.recent(tok.i, {"Person"})
        if lower in ("its", "we"):
            return self.recent(tok.i, {"Organization"})
        if lower == "their":
            return self.recent(tok.i, {"Group", "Organization"})
        return self._resolve_description(tok, allow_new_group)

    def _issuer(self, tok: Token) -> int | None:
        """Who issued a statement or report: "a statement from X", "a report by X",
        "a statement on X's website"."""
        for obj in prep_objects(tok, ("from", "by", "on", "of")):
            target = obj
            if (
                obj.lemma_.lower() in lx.PUBLISHING_CHANNELS
            ):  # "on the Orlen Watch website"
                target = next(
                    (c for c in obj.children if c.dep_ in ("compound", "poss")), obj
                )
            hit = self.cluster_at(target)
            if hit is not None and self.clusters[hit].kind != "Location":
                return hit
        return None

    def _through_children(self, tok: Token) -> int | None:
        """An entity named beside the word: in apposition ("the mayor, Ana Obi"),
        as its owner ("Acme's spokesperson") or after "at", "for", "of" … ("an analyst
        at X", "a spokesman for X")."""
        for child in [*tok.children, *_appos_after_clause(tok)]:
            if child.dep_ == "appos" and self.cluster_at(child) is not None:
                return self.cluster_at(child)
        if tok.lower_ in lx.ROLE_WORDS:
            # "Acme president and chief executive Ana Obi said": the person, not
            # the company that owns the role
            named = self._person_in_phrase(tok)
            if named is not None:
                return named
        for child in tok.children:
            owner = (
                self.cluster_at(child) if child.dep_ in ("poss", "compound") else None
            )
            if owner is None:
                continue
            people = (
                tok.lower_ in lx.ROLE_WORDS | lx.PEOPLE_NOUNS
                or tok.lemma_.lower() in lx.PERSON_WORDS
                or _people_noun(tok)
            )
            if people and self.clusters[owner].kind == "Location":
                continue  # "Alberta's chief medical officer", "Varna residents"
            if self.clusters[owner].kind == "Person" and tok.lemma_.lower() in (
                lx.AIDES
            ):
                # "Berg's top aide": someone who speaks for Berg, named before
                return self._aide_of(tok, owner)
            if self.clusters[owner].kind == "Person" and tok.lemma_.lower() in (
                lx.RELATIONS
            ):
                # "Berg's stepmother", "Berg's lawyer": someone else, unnamed
                return self._anonymous(tok, ("poss",))
            if self._descriptor_only(tok, child, owner):
                continue  # "the FTSE 100 group": the company, described by its index
            return owner
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in (
                "at",
                "for",
                "from",
                "of",
                "with",
                "in",
            ):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and tok.lower_ not in lx.INSTITUTION_NOUNS:
                    hit = self.cluster_at(obj)
                    if hit is not None and self.clusters[hit].kind == "Organization":
                        return hit
        return self._author_of(tok)

    def _aide_of(self, tok: Token, owner: int) -> int | None:
        """Who "Berg's aide" is: the last one named before as someone's aide,
        adviser or spokesperson, other than Berg; else someone unnamed."""
        found = None
        for m in self.mentions.items:
            if m.start >= tok.i or m.cluster in (-1, owner) or m.kind != "Person":
                continue
            name = self.doc[m.end - 1]
            roles = [c for c in name.children if c.dep_ == "appos"]
            if name.dep_ == "appos":
                roles.append(name.head)
            if any(r.lemma_.lower() in lx.AIDES for r in roles):
                # "Ana Obi, an aide to Berg," / "Berg's adviser, Ana Obi"
                found = m.cluster
        return found if found is not None else self.described(tok, "Actor", ("poss",))

    def _author_of(self, tok: Token) -> int | None:
        """ "a study by the Tax Institute", "a report released by Acme": who made
        the document that speaks."""
        if tok.lemma_.lower() not in lx.SOURCE_NOUNS and not _document(tok):
            return None
        for t in tok.subtree:
            if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by"):
                if t.head.lemma_.lower() in lx.READER_VERBS:
                    continue  # "the memo, seen by the Herald": not who wrote it
                obj = next((g for g in t.children if g.dep_ == "pobj"), None)
                hit = self.cluster_at(obj) if obj is not None else None
                if hit is not None and self.clusters[hit].kind != "Location":
                    return hit
        return None

    def recent(
        self,
        before: int,
        kinds: set[str],
        word: str | None = None,
        role: str | None = None,
        gender: str | None = None,
        unquoted_from: int | None = None,
        business: bool = False,
        exclude: int | None = None,
        subject_since: int | None = None,
    ) -> int | None:
        """The cluster of the latest mention before token ``before`` that fits: of
        one of ``kinds``, named with ``word``, holding ``role``, and not known to be
        of another ``gender`` than the pronoun that refers to it; from token
        ``unquoted_from`` on, not one inside a quote; with ``business``, not a news
        agency nor a public body ("the company" is not Reuters nor the police); never
        the cluster ``exclude``; with ``subject_since``, only a mention from that
        token on that is a subject."""
        best, best_pos = None, -1
        # each cluster's name words once per call, not once per mention: a name
        # repeated in every sentence of a long article made this cubic
        named: dict[int, bool] = {}
        for m in self.mentions.items:
            if m.start >= before or m.start <= best_pos:
                continue
            if (
                unquoted_from is not None
                and m.start >= unquoted_from
                and self.in_quote(self.doc[m.start].idx)
            ):
                continue
            cl = self.clusters[m.cluster]
            if cl.kind not in kinds:
                continue
            if gender and self.gender(m.cluster) not in (None, gender):
                continue
            if word and not _named_with(named, m.cluster, cl, word):
                continue
            if role and not any(role in title for title in _titles(cl)):
                continue
            if business and not _a_business(cl):
                continue
            if m.cluster == exclude:
                continue
            if subject_since is not None and not (
                m.start >= subject_since and is_subject(self.doc[m.end - 1])
            ):
                continue
            best, best_pos = m.cluster, m.start
        return best

    def gender(self, cluster: int) -> str | None:
        """What the text itself says of a person's gender, or None, in two parts:
        1. a gendered title or relation word just before a mention ("Ms Elkins", "her
           husband Karl", "spokeswoman Ana Ruiz");
        2. gendered pronouns outside quotes, after a mention, in a sentence that names
           this person and no other ("Hart said his office …").
        The evidence is counted and the larger side wins; on a tie or none, the
        first name of a full name tells it, if it is one given to one sex.
        """
        genders = self.entities.genders
        if cluster in genders:
            return genders[cluster]
        votes = {"m": 0, "f": 0}
        for m in self.clusters[cluster].mentions:
            for t in self.doc[max(0, m.start - 3) : m.start]:
                if t.lower_ in lx.GENDERED_WORDS:
                    votes[lx.GENDERED_WORDS[t.lower_]] += 2
            sent = self.doc[m.start].sent
            if self.people_in(sent) != {cluster} or self.in_quote(
                self.doc[m.start].idx
            ):
                # a name quoted is someone the speaker talks of: '"Obi will win," he said'
                continue
            for t in self.doc[m.end : sent.end]:
                if _another_person(t):
                    break  # "Obi's team fired the mayor after he …": the mayor's
                g = lx.PRONOUN_GENDER.get(t.lower_)
                if g and not self.in_quote(t.idx) and not self._other_than(t, m):
                    votes[g] += 1
        found = None
        if votes["m"] != votes["f"]:
            found = "m" if votes["m"] > votes["f"] else "f"
        elif self.clusters[cluster].kind == "Person":
            # the text says nothing either way: the first name may ("Maria Lopez")
            found = full_name_gender(self.clusters[cluster].names())
        genders[cluster] = found
        return found

    def _other_than(self, pronoun: Token, m: Mention) -> bool:
        """A pronoun after a person's mention that cannot be that person: one whose
        clause reports on them ("Obi's plan is slow, she said"; but not past a quote
        it tags: 'Obi scolded him: "…," she said'), or the object of the verb whose
        subject they are ("Obi scolded him")."""
        at = m.end - 1
        if _object_of_subject(pronoun, at):
            return True
        # the quotes are read only for a clause that reports on them
        return _commands(pronoun, at) and not any(
            self.doc[at].idx < a and b <= pronoun.idx for a, b in self.quotes
        )

    def people_in(self, span: SpacySpan, outside_quotes: bool = False) -> set[int]:
        """The person clusters named in a span (only outside quotes, if asked)."""
        out = set()
        for t in span:
            m = self.mentions.at(t.i)
            if m is not None and m.kind == "Person":
                if not (outside_quotes and self.in_quote(t.idx)):
                    out.add(m.cluster)
        return out

    def _descriptor_only(self, tok: Token, child: Token, owner: int) -> bool:
        """A name first met as a compound on "the <company noun>" describes it."""
        return (
            child.dep_ == "compound"
            and tok.lemma_.lower() in lx.ORG_GENERIC
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and self.mentions.at(child.i) is self.clusters[owner].mentions[0]
        )

    def _titled_before(self, tok: Token, lemma: str) -> int | None:
        """The latest person named right after the role's word earlier on, where
        the title runs on into the name and no role was taken ("China's ambassador
        to Britain Ana Obi said …" before "the ambassador said …"); else the first
        one named so in a later sentence (news may name the role first)."""
        earlier, later = None, None
        for m in sorted(self.mentions.items, key=lambda m: m.start):
            if m.cluster < 0 or m.kind != "Person" or m.start == tok.i:
                continue
            first = self.doc[m.start].sent.start
            before = self.doc[max(first, m.start - 5) : m.start]
            if not any(t.lemma_.lower() == lemma for t in before):
                continue
            if m.start < tok.i:
                earlier = m.cluster
            elif later is None and m.start > tok.sent.end:
                later = m.cluster
        return earlier if earlier is not None else later

    def _next_person(self, tok: Token, lemma: str) -> int | None:
        """The person who is the subject of the next sentence: "The chief medical
        officer said … Dr. Ana Ruiz told reporters …". Not someone named later in
        the description's own sentence ("The judge rejected a request from Tom
        Berg"): that is someone else; nor one the next sentence gives another role
        ("Ana Ruiz, the commander, said" after "the ambassador said")."""
        start = tok.sent.end
        if start >= len(self.doc):
            return None
        for t in self.doc[start].sent:
            m = self.mentions.at(t.i)
            if m is None or m.cluster < 0 or t.i != m.end - 1:
                continue
            if self.clusters[m.cluster].kind == "Person" and is_subject(t):
                roles = {
                    c.lemma_.lower()
                    for c in t.children
                    if c.dep_ == "appos" and c.lower_ in lx.ROLE_WORDS
                }
                return None if roles - {lemma} else m.cluster
        return None

    def _resolve_description(self, tok: Token, allow_new_group: bool) -> int | None:
        """ "the company", "the minister", "the union", "researchers", "a company statement"."""
        lemma = _elect(tok) or tok.lemma_.lower()
        owners = [c for c in tok.children if c.dep_ in ("compound", "poss")]
        if lemma in lx.SOURCE_NOUNS and owners:
            # "the latest Acme/Statix opinion poll": the owner, not "opinion"
            found = (self.resolve(c, allow_new_group=False) for c in owners)
            return next((hit for hit in found if hit is not None), None)
        if lemma in lx.SOURCE_NOUNS:
            issuer = self._issuer(tok)
            if issuer is not None:
                return issuer
        if lemma in lx.SOURCE_NOUNS and _definite(tok):
            earlier = self._earlier_owner(tok, lemma)
            if earlier is not None:
                return earlier
        if lemma in lx.BODY_WORDS:
            group = self._body_of_people(tok)
            if group is not None:
                return group
        # "the central bank": a public body, never a business named before
        institution = is_institution(tok)
        body = institution and lemma not in lx.INSTITUTION_NOUNS
        if lemma in lx.ORG_GENERIC or lemma in lx.INSTITUTION_NOUNS or body:
            named = self.recent(tok.i, {"Organization"}, word=lemma)
            if named is not None:
                return named
            described = any(
                c.dep_ in ("amod", "poss", "compound") for c in tok.children
            )
            if not body and self._the_business(tok, lemma, described):
                # '"… Varda Gas …," the oil giant said': not the one it quotes
                return self._the_business_named(tok, lemma)
            if not (allow_new_group and institution and described):
                return None
        if lemma in lx.FACILITY_NOUNS and _definite(tok):
            # "the airport said" after "Sedbergh Airport": the place named so speaks
            named = self.recent(tok.i, {"Location", "Organization"}, word=lemma)
            if named is not None:
                return named
        if _unnamed_one(tok, lemma):
            return self._anonymous(tok) if allow_new_group else None
        if (_role(tok) or _elect(tok)) and tok.tag_ in ("NN", "NNP"):
            if _indefinite(tok):
                return None  # "a judge": not the judge named before
            return self._role_holder(tok, lemma)
        named = self._people_named_before(tok, lemma)
        if named is not None:
            return named
        if tok.tag_ == "NNS" and tok.lower_ in lx.PEOPLE_NOUNS:
            same_noun = self.recent(tok.i, {"Group"}, word=tok.lower_)
            if same_noun is not None and self._same_group(tok, same_noun):
                return same_noun  # "soldiers" after "Nepalese soldiers"
        if not allow_new_group:
            return None
        if tok.tag_ == "NNS" and tok.lower_ in lx.PEOPLE_NOUNS:
            # "the Porto police" is a body, as "the police" is; "Porto residents" not
            kind = "Organization" if tok.lower_ in lx.TOWN_BODIES else "Group"
            return self.described(tok, kind, ("amod", "compound"))
        if lemma in lx.INSTITUTION_NOUNS and any(
            c.dep_ == "poss" for c in tok.children
        ):
            return self.described(tok, "Organization", ("amod", "compound", "poss"))
        return None

    def _people_named_before(self, tok: Token, lemma: str) -> int | None:
        """ "His lawyers say …" after "represented by his lawyers Ana Obi and Tomas
        Brandt": the people the article named with the same plural noun before;
        the claim is the first one's. Only a noun that refers back ("his", "the")."""
        if tok.tag_ != "NNS" or lemma not in lx.ROLE_WORDS:
            return None
        if not any(
            c.dep_ in ("det", "poss") and c.lower_ in _BACK_REFERRING
            for c in tok.children
        ):
            return None
        for prev in reversed(tok.doc[: tok.i]):
            if prev.tag_ != "NNS" or prev.lemma_.lower() != lemma:
                continue
            for child in prev.children:
                hit = self.cluster_at(child) if child.dep_ == "appos" else None
                if hit is not None and self.clusters[hit].kind == "Person":
                    return hit
        return None

    def _same_group(self, tok: Token, group: int) -> bool:
        """ "soldiers" and "the Nepalese soldiers" go back to "Nepalese soldiers";
        "other soldiers" and "Sudanese soldiers" are other people, and plain
        "soldiers" are not the "other soldiers" met before."""
        if _other_people(tok) is not None or self._others_group(group):
            return False
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ != "punct"]
        # a nationality, place or body ("Sudanese", "E.U.") names other people;
        # "the first soldiers", "wounded soldiers" may be some of the same ones
        words = set(fold(" ".join(self.clusters[group].names())).split())
        named = [
            c
            for c in mods
            if c.dep_ != "det"
            and (c.pos_ == "PROPN" or (c.text[:1].isupper() and not c.is_sent_start))
        ]
        return all(fold(c.text) in words for c in named)

    def _others_group(self, group: int) -> bool:
        """A group first described as people other than those met before
        ("other soldiers"): its name keeps the word that says so."""
        return any(
            fold(n).split(" ", 1)[0] in lx.OTHER_PEOPLE_WORDS
            for n in self.clusters[group].names()
        )

    def _earlier_owner(self, tok: Token, lemma: str) -> int | None:
        """ "The poll found …" after "a new Pollwise poll" ("the message said"
        after "a message from the commission"): whose the same report, poll,
        study or message was, when the article named its owner or issuer before."""
        for prev in reversed(tok.doc[: tok.i]):
            if prev.lemma_.lower() != lemma:
                continue
            for c in prev.children:
                if c.dep_ in ("compound", "poss"):
                    hit = self.resolve(c, allow_new_group=False)
                    if hit is not None and self.clusters[hit].kind == "Organization":
                        return hit
            issuer = self._issuer(prev)  # "a message from the commission"
            if issuer is not None:
                return issuer
        return None

    def document(self, tok: Token, cited: bool = False) -> int | None:
        """ "The study found …", "polls show …", "according to federal data":
        a document whose issuer the article does not name speaks as a source of
        its own; "the poll" goes back to the poll met last. None for any other
        word. ``cited``: named after "according to", where a statement or a
        release is a source too ("according to the release")."""
        if not _document(tok) and not (cited and tok.lower_ in lx.ISSUED_DOCUMENTS):
            return None
        if _definite(tok):
            earlier = self.recent(tok.i, {"Actor"}, word=tok.lower_)
            if earlier is not None:
                self.name_as(earlier, tok.i, tok.i + 1)
                return earlier
        return self.described(tok, "Actor", ("amod", "compound"))

    def unnamed_source(self, tok: Token) -> int | None:
        """ "a source", "a senior official": the unnamed single source the words
        describe, as its own actor; None for any other words."""
        if not _unnamed_one(tok, tok.lemma_.lower()):
            return None
        return self._anonymous(tok)

    def _anonymous(
        self, tok: Token, deps: tuple[str, ...] = ("amod", "compound")
    ) -> int | None:
        """An unnamed single source ("a source", "a senior official", "another
        aide", with ``deps`` "Brandt's family"): an actor of its own, the same one
        each time the article describes it in the same words."""
        # "another aide": not the aide met before
        start = _description_start(tok, "Actor", deps)
        name = clean_name(self.doc[start : tok.i + 1].text)
        taken = self.mentions.token_mention
        while start < tok.i and start in taken:
            start += 1  # "Brandt's family": Brandt keeps his own mention
        for index, cl in enumerate(self.clusters):
            if cl.kind == "Actor" and name in cl.names():
                self.mentions.add(
                    Mention(start, tok.i + 1, "Actor", name, cluster=index)
                )
                return index
        return self.described(tok, "Actor", deps)

    def _the_business_named(self, tok: Token, lemma: str) -> int | None:
        """The business "the company" goes back to: the latest one that was a
        subject in this sentence or the one before ("Orlen says it was never paid by
        Kestrel. The company …": Orlen), else the latest named."""
        business = lemma in lx.BUSINESS_DESCRIPTORS
        before = tok.left_edge.i
        start = tok.sent.start
        since = self.doc[start - 1].sent.start if start else 0
        topic = self.recent(
            before,
            {"Organization"},
            unquoted_from=start,
            business=business,
            subject_since=since,
        )
        if topic is not None:
            return topic
        return self.recent(
            before, {"Organization"}, unquoted_from=start, business=business
        )

    def _the_business(self, tok: Token, lemma: str, described: bool) -> bool:
        """ "the company", "the FTSE 100 group": the business in the story (named
        before the phrase); "the rival firm" is another one."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        return lemma in lx.ORG_GENERIC and (
            not described
            or (definite and not any(c.lower_ in _OTHER for c in tok.children))
        )

    def _role_holder(self, tok: Token, lemma: str) -> int | None:
        """ "the finance minister": the latest person with that role, else with any
        role of that head ("minister"), else the next person named."""
        mods = [
            c.lower_
            for c in tok.lefts
            if c.dep_ in ("compound", "amod") and c.lower_ not in ("the", "a")
        ]
        phrase = " ".join([*mods, tok.lower_])
        if lemma in lx.REPORTER_NOUNS and any(c.lower_ == "our" for c in tok.children):
            ours = self._outlets_journalist(tok)
            if ours is not None:
                return ours  # "our correspondent": the outlet's own, named before
        named = self._person_in_phrase(tok)
        if named is not None:
            return named  # "the vice president and chairman of Acme Tom Berg"
        if mods:
            found = self.recent(tok.i, {"Person"}, role=phrase)
            if found is not None:
                return found
        found = self.recent(tok.i, {"Person"}, role=lemma)
        if found is None:
            found = self._titled_before(tok, lemma)
        if found is None:
            found = self._described_before(tok, lemma)
        return found if found is not None else self._next_person(tok, lemma)

    def _described_before(self, tok: Token, lemma: str) -> int | None:
        """ "the lawyer told the jurors" after "their lawyer said …", whom the
        article went on to name: the person the same role word stood for where
        it was a subject last, described there but not titled ("their lawyer"
        tells a relation, not a title)."""
        for prev in reversed(self.doc[: tok.i]):
            if prev.lemma_.lower() != lemma or prev.pos_ != "NOUN":
                continue
            if not is_subject(prev):
                continue
            found = self.resolve(prev, allow_new_group=False)
            if found is not None and self.clusters[found].kind == "Person":
                return found
        return None

    def _outlets_journalist(self, tok: Token) -> int | None:
        """The latest person before ``tok`` named as an organisation's own ("the
        Courier's Ana Obi in Porto says"): the journalist an outlet later calls
        "our correspondent"."""
        doc = self.doc
        found = None
        for m in self.mentions.items:
            if m.start >= tok.i or m.start < 2 or m.cluster < 0:
                continue
            if self.clusters[m.cluster].kind != "Person":
                continue
            if doc[m.start - 1].lower_ in ("'s", "’s") and (
                self.kind_at(doc[m.start - 2]) == "Organization"
            ):
                found = m.cluster
        return found

    def _person_in_phrase(self, tok: Token) -> int | None:
        """A person named after the role inside its own phrase."""
        for t in tok.subtree:
            m = self.mentions.at(t.i) if t.i > tok.i else None
            if m is not None and m.cluster >= 0:
                if self.clusters[m.cluster].kind == "Person":
                    return m.cluster
        return None

    def described(self, tok: Token, kind: str, deps: tuple[str, ...]) -> int | None:
        """A new actor named by its description: "researchers", "the fishermen's union";
        a group without the words that tell how many of them ("several farmers",
        "additional tenants" are farmers, tenants), but with the one that makes
        them other people ("other economists", see :func:`_other_people`)."""
        start = _description_start(tok, kind, deps)
        end = self._members_of_what(tok) if kind == "Group" else tok.i + 1
        # the words as written, possessive marks kept: "the dockers' union"
        name = clean_name(self.doc[start:end].text)
        body = self._body_of_members(tok, start) if kind == "Group" else None
        if body is not None:
            self.name_as(body, start, tok.i + 1)
            return body
        taken = self.mentions.token_mention
        while any(i in taken for i in range(start, tok.i)):
            start += 1  # "(senior) Varna residents": the place keeps its own mention
        same = self._group_named(name, start) if kind == "Group" else None
        if same is not None:
            # "Tenants said … Additional tenants say …": one group, one actor; a
            # bare word for a group named more fully is one of its names
            named = self._cluster_named("Group", name) is not None
            self.name_as(same, start, tok.i + 1, name=None if named else name)
            return same
        return self._new_cluster(Mention(start, end, kind, name))

    def _members_of_what(self, tok: Token) -> int:
        """Where "members of the group" ends: members are named by what they are
        members of, when that is no name of its own (then they are its people,
        see :meth:`_body_of_members`); other descriptions end at their noun."""
        if tok.lower_ not in lx.MEMBER_NOUNS:
            return tok.i + 1
        whole = next(iter(prep_objects(tok, ("of",))), None)
        if (
            whole is None
            or whole.pos_ != "NOUN"
            or any(self.mentions.at(t.i) is not None for t in whole.subtree)
        ):
            return tok.i + 1
        return whole.right_edge.i + 1

    def _body_of_members(self, tok: Token, start: int) -> int | None:
        """ "Marbeck police officers" after "the Marbeck police": the body named
        before a word for its members (``start:tok``), which they speak for."""
        if tok.lower_ not in lx.MEMBER_NOUNS or start == tok.i:
            return None
        words = clean_name(self.doc[start : tok.i].text)
        return self._cluster_named("Organization", words)

    def _group_named(self, name: str, start: int) -> int | None:
        """The group already called by ``name`` (written from token ``start``); or,
        for a bare word for people ("lawyers"), the one group named by it with
        words before it ("defense lawyers"), not "other lawyers": none where two
        groups could be meant, and none named only later. A capital only where a
        sentence starts: "Native Americans" are not all "Americans"."""
        same = self._cluster_named("Group", name)
        lower = name.islower() or self.doc[start].is_sent_start and name[1:].islower()
        if same is not None or " " in name or not lower:
            return same
        found = {
            index
            for index, cl in enumerate(self.clusters)
            if cl.kind == "Group"
            for m in cl.mentions
            for words in [fold(m.name).split()]
            if m.start < start  # the bare word refers back, never ahead
            and len(words) > 1
            and words[-1] == fold(name)
            and words[0] not in lx.OTHER_PEOPLE_WORDS
        }
        return found.pop() if len(found) == 1 else None

    def _cluster_named(self, kind: str, name: str) -> int | None:
        """The first actor of ``kind`` already called by ``name`` (a clean name),
        if any."""
        folded = fold(name)
        return next(
            (
                index
                for index, cl in enumerate(self.clusters)
                if cl.kind == kind and any(fold(n) == folded for n in cl.names())
            ),
            None,
        )

    def _body_of_people(self, tok: Token) -> int | None:
        """ "a group of employees": people not met before, a group of their own
        (not the business the story is about), even where no new group is made of
        a word alone; "the group" then is that group."""
        members = [m for m in prep_objects(tok, ("of",)) if m.tag_ == "NNS"]
        if _indefinite(tok) and members:
            end = members[0].i + 1
            name = clean_name(self.doc[tok.i : end].text)
            return self._new_cluster(Mention(tok.i, end, "Group", name))
        if _definite(tok):
            return self.recent(tok.i, {"Group"}, word=tok.lemma_.lower())
        return None

    def _new_cluster(self, mention: Mention) -> int | None:
        """A new actor of its own from ``mention``; None when its words are taken."""
        self.mentions.add(mention)
        if self.mentions.at(mention.end - 1) is not mention:
            return None
        self.clusters.append(Cluster(mention.kind, [mention]))
        mention.cluster = len(self.clusters) - 1
        return mention.cluster


class AttributionRules:
    """What the rules that attribute statements read of one Doc: its text, the
    resolver of its actors and its dates."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.r = Resolver(doc)
        self.dates = dates_of(doc)

    def speaker(self, subj: Token, cue: Token) -> int | None:
        """Who the subject of a cue stands for; for a verb that only a speaker takes
        ("said", "argued", "yelled"), also one the article describes only here
        ("tech executives say", "the retired teacher said")."""
        found = self.r.source(subj)
        lemma = cue.lemma_.lower()
        if found is None and (lemma in lx.SPEAKING or lemma in lx.QUOTE_VERBS):
            found = self.r.new_speaker(subj)
            if found is None:
                found = self.r.described_speaker(subj)
        return found


#: verbs whose passive subject is the one told: "were told", "was assured"
_TOLD = frozenset(
    {"tell", "inform", "assure", "notify", "advise", "reassure", "remind"}
)


def _speaker_run_on(cue: Token) -> Token | None:
    """The speaker at the end of a long sentence that the parser ran into the
    clause before the cue ("… on the quay, two harbour pilots, among them Tomas
    Brandt, said"): the people set off by a comma, hung on the clause's
    last noun, whose phrase runs up to the comma before the cue."""
    doc = cue.doc
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    if clause is None or cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    tok = doc[cue.i - 2]
    while tok.dep_ != "appos" and clause.i < tok.head.i < cue.i:
        tok = tok.head
    if tok.dep_ != "appos" or doc[tok.left_edge.i - 1].text != ",":
        return None
    if tok.right_edge.i < cue.i - 2 or tok.tag_ not in ("NNS", "NNP", "NNPS"):
        return None
    return tok


def _speakers_in_clause(cue: Token) -> Token | None:
    """The speakers of a cue with no subject, whom the parser hung on the clause
    reported before it ("… near Kestrin, the rebel stronghold, and in Velmora,
    witnesses and officials said"): the last part of a list in the clause, set
    off by a comma with no "and" before it, that runs up to the cue."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    if clause is None:
        return None
    return _last_part(cue, clause)


def _last_part(cue: Token, phrase: Token) -> Token | None:
    """The last part joined in ``phrase`` after a comma, with no "and" before
    it, whose words run up to the cue."""
    doc = cue.doc
    parts = [
        c
        for c in phrase.subtree
        if c.dep_ == "conj"
        and c.right_edge.i == cue.i - 1
        and doc[c.left_edge.i - 1].text == ","
        and c.pos_ in ("NOUN", "PROPN")
    ]
    # the parts of a list nest: the last one holds no other
    return max(parts, key=lambda c: c.left_edge.i, default=None)


def _speakers_after_apposition(cue: Token, subj: Token) -> Token | None:
    """The speakers at the end of what was said that the parser took for a
    part of the subject ("… near Kestrin, the provincial seat, and in Velmora,
    witnesses and officials said"; "The survey including 40 moths, a bat and an
    orchid, the group Kestrin Nature said"): the last part joined to the
    subject after a comma, with no "and" before it, that runs up to the cue;
    only where the subject opens after a comma that ends the clause reported
    before the cue, or where the cue reports no clause at all (what was said
    has no verb of its own)."""
    doc = cue.doc
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    start = subj.left_edge.i
    if subj.dep_ != "nsubj" or subj.i > cue.i or doc[cue.i - 1].is_punct:
        return None
    if clauses:
        clause = clauses[0]
        if clause.i > cue.i or start < 1 or doc[start - 1].text != ",":
            return None
        if not clause.left_edge.i <= start - 2 <= clause.right_edge.i:
            return None
    return _last_part(cue, subj)


def _name_read_as_modal(verb: Token) -> Token | None:
    """A speaker whose name is also a modal verb ("…,” May said): the parser
    hangs the name on the cue as its auxiliary; the entity recogniser still
    calls it a person. Only a capitalised word right before the cue, which no
    subject precedes."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.head != verb or before.dep_ != "aux" or before.tag_ != "MD":
        return None
    if before.ent_type_ != "PERSON" or not before.text[:1].isupper():
        return None
    return before


def _teller(verb: Token) -> Token | None:
    """Who told, when the one told is the subject: "by the company", or who sent
    the message it came in ("in an email sent by Ana Obi", "in a letter from X")."""
    if _has_agent(verb):
        return agent_of(verb)
    for message in prep_objects(verb, ("in", "through", "via")):
        for sent in (c for c in message.children if c.dep_ == "acl"):
            if _has_agent(sent):
                return agent_of(sent)
        sender = prep_objects(message, ("from", "by"))
        if sender:
            return sender[0]
    return None


def _has_agent(verb: Token) -> bool:
    """Whether a passive verb says by whom: "was bought [by Orlen]"."""
    return any(c.dep_ == "agent" for c in verb.children)


#: the words before a noun that make it refer back to people met before
_BACK_REFERRING = frozenset({"the", "these", "his", "her", "their"})


def _description_start(tok: Token, kind: str, deps: tuple[str, ...]) -> int:
    """Where a description of people headed by ``tok`` starts: its modifiers by
    ``deps`` before it and the word that makes them other people ("another aide",
    "other economists"); for a group, not the words that tell how many."""
    others = _other_people(tok)
    return min(
        [
            c.i
            for c in tok.children
            if c.dep_ in deps
            and c.i < tok.i
            and not (kind == "Group" and c.lower_ in lx.HOW_MANY_WORDS)
            and c.lower_ != "whose"  # "…, whose family said": the family
        ]
        + [tok.i]
        + ([others.i] if others is not None else [])
    )


def agent_of(verb: Token) -> Token | None:
    """The noun after a passive verb's "by" ("sent by Ana Obi"), if parsed so."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return (
        None if by is None else next((g for g in by.children if g.dep_ == "pobj"), None)
    )


def _on_a_channel(verb: Token) -> bool:
    """A participle the parser hangs on the website or platform a deed was done
    on ("posted on Instagram accusing X"): the deed's doer speaks, not the site."""
    place = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and place.dep_ == "pobj"
        and place.head.dep_ == "prep"
        and (
            place.lower_ in lx.PLATFORMS
            or place.lemma_.lower() in lx.PUBLISHING_CHANNELS
        )
    )


def _appos_after_clause(tok: Token) -> list[Token]:
    """The name set off by commas at the end of a relative clause on ``tok``,
    which the parser hangs inside the clause: "The company that runs the show,
    Orlen Productions, said …" names the company, not the show."""
    found = []
    for clause in (c for c in tok.children if c.dep_ == "relcl"):
        for name in (t for t in clause.subtree if t.dep_ == "appos"):
            before, after = name.left_edge.i - 1, name.right_edge.i + 1
            doc = tok.doc
            if (
                before >= 0
                and after < len(doc)
                and doc[before].text == ","
                and doc[after].text == ","
                and after > clause.right_edge.i - 1
            ):
                found.append(name)
    return found


def _unnamed_one(tok: Token, lemma: str) -> bool:
    """ "a source", "another official", "one aide", "the source": a single person the
    article does not name (an unnamed source's role needs an indefinite article:
    "the minister" is someone the article names)."""
    det = next(
        (
            c.lower_
            for c in tok.children
            if c.dep_ == "det" or (c.dep_ == "nummod" and c.lower_ == "one")
        ),
        None,
    )
    if tok.tag_ != "NN" or det is None:
        return False
    if lemma in lx.UNNAMED_SOURCES:
        return det in ("a", "an", "another", "one", "the", "that", "this")
    return lemma in _ANONYMOUS_ROLES and det in ("a", "an", "another", "one")


def _other_people(tok: Token) -> Token | None:
    """The word that makes a description of people others than those the article
    met before ("other soldiers", "another official", "different witnesses"), which
    then keep it in their name and join no one described without it. None when a
    determiner or an owner refers back: "the other soldiers" are the rest of the
    soldiers met before, one group with them; "the other minister" of a pair is
    one of the two, an actor of its own named "other minister"."""
    word = None
    for c in tok.children:
        if c.i > tok.i:
            break
        if c.lower_ in lx.OTHER_PEOPLE_WORDS and c.dep_ in ("amod", "det"):
            word = c
        elif c.dep_ in ("det", "poss") and c.lower_ not in lx.OTHER_PEOPLE_WORDS:
            return None
    return word


def _before_apposition(verb: Token) -> int:
    """Where the name before a verb ends when a title set off by commas comes
    between ("…, Ana Obi, a spokeswoman for the port, said"): the first comma."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return verb.i
    title = doc[verb.i - 2]
    while title.dep_ != "appos" and title.head.i < verb.i - 1 and title.head != title:
        title = title.head
    start = title.left_edge.i
    if title.dep_ != "appos" or start < 2 or doc[start - 1].text != ",":
        return verb.i
    return start - 1


def _quoted_source(verb: Token) -> Token | None:
    """Nested attribution: in "lawmakers quoted the agency as saying …" the one who
    says it is the agency, the object of "quoted"/"cited", not the lawmakers, who
    only pass it on. The claim is the agency's."""
    as_ = verb.head
    if verb.dep_ not in ("pcomp", "pobj") or as_.lower_ != "as":
        return None
    relay = as_.head
    if relay.lemma_.lower() not in lx.RELAY_VERBS:
        return None
    return next((c for c in relay.children if c.dep_ == "dobj"), None)


def _names_actor(tok: Token) -> bool:
    """ "the senator", "the bank": words that name the actor they stand for; not
    a pronoun, nor a document it issued ("the poll", "a statement")."""
    return (
        tok.lower_ not in lx.PRONOUNS
        and tok.lemma_.lower() not in lx.SOURCE_NOUNS
        and tok.lower_ not in lx.SOURCE_NOUNS
        and not _document(tok)  # "the lawsuit" that its plaintiff filed
    )


def _named_with(named: dict[int, bool], at: int, cl: Cluster, word: str) -> bool:
    """Whether cluster ``at`` (``cl``) is named with ``word``, remembered in
    ``named``."""
    if at not in named:
        named[at] = word in fold(" ".join(cl.names())).split()
    return named[at]


def _titles(cl: Cluster) -> list[str]:
    """The roles a cluster's mentions give it, lower case, short titles written
    out ("Sen." is "senator")."""
    return [
        " ".join(lx.ROLE_ABBREVIATIONS.get(w, w) for w in m.role.lower().split())
        for m in cl.mentions
        if m.role
    ]


def _other_title(tok: Token, cl: Cluster) -> bool:
    """ "the governor" for someone the article titles otherwise ("Sen. Ana Obi"),
    or gives no title at all: not the same person, as news names a role before it
    uses it alone. A description that is no title ("the nominee") fits anyone."""
    lemma = tok.lemma_.lower()
    titles = _titles(cl)
    return lemma in lx.ROLE_WORDS and not any(lemma in t for t in titles)


def _a_business(cl: Cluster) -> bool:
    """Not a news agency ("Reuters") nor a public body ("the Secret Service")."""
    names = fold(" ".join(cl.names()))
    if any(agency in names for agency in lx.NEWS_AGENCIES):
        return False
    return not set(names.split()) & lx.PUBLIC_BODY_WORDS


def _document(tok: Token) -> bool:
    """ "the study", "polls", "a video": a noun for a document or a record that
    speaks for itself (not "a statement" or "the figures", which someone issued)."""
    return tok.pos_ == "NOUN" and (
        tok.lemma_.lower() in lx.SPEAKING_DOCUMENTS
        or tok.lower_ in lx.SPEAKING_DOCUMENTS
    )


#: words for a person that tell a gender (beyond titles and relations)
_PERSON_GENDER = {"woman": "f", "man": "m", "lady": "f", "gentleman": "m"}
#: words for some of a group: "many of his supporters", "some of the farmers"
_PARTS = frozenset({"many", "some", "most", "several", "few", "all", "both"})


#: words for two people as one: "both men", "the two women", "the pair"
_TWO_OF = frozenset({"men", "women", "people", "brothers", "sisters", "pair", "duo"})


def _the_two(tok: Token) -> bool:
    """ "Both said …", "both men", "the two women", "the pair": a subject that
    stands for two people named before."""
    if tok.lower_ == "both" and not list(tok.children):
        return True
    if tok.lower_ not in _TWO_OF:
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    return (
        "both" in words
        or "two" in words
        or (tok.lower_ in ("pair", "duo") and "the" in words)
    )


def _part_of(tok: Token) -> Token | None:
    """The people "many of the farmers" is some of: "farmers"; None for any
    other words."""
    if tok.lower_ not in _PARTS:
        return None
    obj = next(iter(prep_objects(tok, ("of",))), None)
    if obj is not None and obj.lower_ in ("whom", "which"):
        # "the fishermen, many of whom say …": the fishermen
        return tok.head.head if tok.head.dep_ == "relcl" else _before_comma(tok)
    if obj is not None and obj.lower_ == "them":
        return obj  # "most of them": the people the pronoun stands for
    if obj is None or obj.lower_ in lx.PRONOUNS or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    return obj


def _before_comma(tok: Token) -> Token | None:
    """The people named right before the comma that opens "many of whom say …"
    when the parser does not hang the clause on them: "economists in Varda":
    the economists."""
    at = tok.left_edge.i - 1
    if at < 1 or tok.doc[at].text != ",":
        return None
    noun = tok.doc[at - 1]
    while noun.tag_ != "NNS" and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head  # "economists in Varda": not the place
    return noun if noun.tag_ == "NNS" else None


def _some_of_them(tok: Token) -> bool:
    """ "Most said …", "Many argued …": a word for some of a group, alone as the
    subject, which stands for some of the people named before."""
    return (
        tok.lower_ in _PARTS - {"all", "both"}
        and tok.dep_ == "nsubj"
        # the tagger calls "Several" opening a sentence a proper noun at times
        and tok.pos_ in ("ADJ", "PRON", "DET", "NOUN", "PROPN")
        and not any(c.dep_ in ("prep", "det", "amod") for c in tok.children)
    )


#: words for a poll of people
_POLLS = frozenset({"poll", "survey"})
#: what shows something or carries someone's words but is no one: evidence, and a
#: message (whose sender speaks)
_NOT_VOICES = lx.EVIDENCE_NOUNS | {"message", "messages", "rumor", "rumour"}
#: entity kinds whose words never speak: figures, times and places
_NO_SPEAKERS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "GPE",
        "LOC",
        "FAC",
    }
)
#: words for a share of the people asked: "40 percent", "a majority", "half"
_SHARES = frozenset(
    {"percent", "%", "majority", "minority", "plurality", "half", "third", "quarter"}
)


def _another_person(tok: Token) -> bool:
    """A noun for a person the article does not name ("the mayor", "a nurse"),
    whom a pronoun after it may stand for."""
    lemma = tok.lemma_.lower()
    # "blaming the mediator for delaying her answer": an agent noun is a person
    return tok.pos_ == "NOUN" and (
        lemma in lx.PERSON_DESCRIPTIONS
        or lemma in lx.PERSON_WORDS
        or (tok.tag_ == "NN" and _people_noun(tok))
    )


def _commands(pronoun: Token, at: int) -> bool:
    """The subject pronoun governs the clause that holds token ``at``: "Obi's plan
    will fail, she said" reports Obi's plan, so "she" is someone else."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # not a clause set before the subject ("When Obi came, she said …"): no command
    return any(
        c.dep_ in _GOVERNED and c.left_edge.i <= at <= c.right_edge.i
        for c in pronoun.head.children
    )


def _object_of_subject(pronoun: Token, at: int) -> bool:
    """The pronoun is the object of a verb whose subject holds token ``at``."""
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "spoke to him"
    elif pronoun.dep_ not in ("dobj", "dative"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= at <= c.right_edge.i
        for c in verb.children
    )


#: what a verb governs beyond its subject: what it reports, its objects
_GOVERNED = frozenset({"ccomp", "parataxis", "dobj", "xcomp", "prep", "attr"})


def _share(tok: Token) -> bool:
    """ "63 percent", "a majority of voters", "only half", "six in 10": a share of
    people."""
    if tok.lower_ in _SHARES:
        return True
    return tok.like_num and any(
        c.lower_ in ("in", "of", "out")
        and (c.dep_ == "quantmod" or any(g.like_num for g in c.subtree if g != c))
        for c in tok.children
    )


def _of_phrase_end(tok: Token) -> int:
    """The last token of "… of <people>" on a share ("percent of likely voters",
    "six in 10")."""
    of = next((c for c in tok.children if c.dep_ == "prep" and _of_people(c)), None)
    return of.right_edge.i if of is not None else tok.i


def _of_people(prep: Token) -> bool:
    """ "of likely voters", "(six) in 10", "(nine) out of 10": the people a share
    is of."""
    return prep.lower_ == "of" or (
        prep.lower_ in ("in", "out")
        and any(c.like_num for c in prep.subtree if c != prep)
    )


#: endings of English agent nouns: "owner", "activist", "historian", "volunteer",
#: "fisherman"
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "man")


def _evidence(tok: Token) -> bool:
    """ "laboratory tests revealed …", "images suggest …", "its two faces reveal
    …": what shows something is no one, so never a group of its own; the subject
    of a verb that things take too is a group only where its noun is for people."""
    lemma = tok.lemma_.lower()
    if lemma in _NOT_VOICES or tok.lower_ in _NOT_VOICES:
        return True
    if tok.head.lemma_.lower() not in lx.SHOWING_VERBS:
        return False
    return not (
        speaker_noun(tok)
        or tok.lower_ in lx.PEOPLE_NOUNS
        or lemma in lx.STAFF_NOUNS | lx.ORG_GENERIC | lx.INSTITUTION_NOUNS
    )


def _people_noun(tok: Token) -> bool:
    """ "a Varda fisherman", "the Orlen miners", "nurses": a noun for a person or
    people who may speak, not for a place ("the Varda river") nor a thing
    ("efforts", "messages")."""
    lemma = tok.lemma_.lower()
    return (speaker_noun(tok) or lemma in lx.STAFF_NOUNS) and lemma not in (
        lx.PLACE_NOUNS | _NOT_VOICES
    )


def speaker_noun(tok: Token) -> bool:
    """A noun for a person or a body of people: a role, a word for a person or a
    group, or an agent noun that is not a document ("statement", "letter")."""
    lemma = tok.lemma_.lower()
    if lemma in lx.SOURCE_NOUNS or tok.lower_ in lx.SOURCE_NOUNS:
        return False
    if lemma in lx.PERSON_DESCRIPTIONS | lx.UNNAMED_SOURCES | lx.PERSON_WORDS:
        return True
    if lemma in lx.BODY_WORDS:
        return True
    return lemma in lx.GENDERED_WORDS or lemma.endswith(_AGENT_ENDINGS)


def _elect(tok: Token) -> str | None:
    """ "the president-elect" (three tokens): the role's word, "president-elect"."""
    doc = tok.doc
    if tok.lower_ != "elect" or tok.i < 2 or doc[tok.i - 1].text != "-":
        return None
    if doc[tok.i - 2].lower_ not in lx.ROLE_WORDS:
        return None
    return f"{doc[tok.i - 2].lower_}-elect"


def _role(tok: Token) -> bool:
    """ "the governor", "an Ontario judge": a single person by a role word; not
    a word that only modifies a role ("the opposition", "the interior")."""
    lemma = tok.lemma_.lower()
    return (
        tok.tag_ in ("NN", "NNP")
        and lemma in lx.ROLE_WORDS
        and lemma not in lx.ROLE_MODIFIERS
    )


def _indefinite(tok: Token) -> bool:
    """ "a judge", "another senator": someone not met before."""
    return any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children
    )


def _definite(tok: Token) -> bool:
    """ "the poll", "this study": a noun that refers back."""
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children
    )
