"""An attribution's type from its cue words: speech ("said", "according to"),
belief ("thinks", "expects") or intention ("plans", "wants"), else other."""

from __future__ import annotations

import re

__all__ = ["ATTRIBUTION_TYPES", "cue_type", "lemmas"]

ATTRIBUTION_TYPES = ("speech", "belief", "intention", "other")

SPEECH = frozenset(
    """say tell write add ask call note report announce suggest argue tweet post
    describe explain acknowledge admit declare claim insist warn deny respond reply
    state testify recall mention comment continue conclude stress emphasize urge cite
    quote predict estimate promise vow pledge confirm reveal disclose assert contend
    maintain complain concede dispute question accuse criticize praise repeat
    reiterate echo joke quip shout yell chant whisper scream tout boast brag answer
    clarify remark observe caution blast slam attack denounce condemn defend reject
    dismiss mock challenge counter rebut retort agree disagree point show find
    indicate read tweet email text write publish allege charge demand propose
    recommend advise inform notify order threaten thank apologize lament sound speak
    talk reportedly according characterize label brand dub assure recount express
    discuss refer criticism complaint rail highlight blame decry eviscerate lash
    unveil release put interview""".split()
)
BELIEF = frozenset(
    """think believe feel know fear expect suspect doubt worry assume consider
    understand realize suppose imagine see view regard trust seem appear guess
    reckon figure sense wonder convinced sure certain aware concerned
    skeptical confident likely presume learn""".split()
)
INTENTION = frozenset(
    """want plan intend hope wish seek aim try prefer refuse decline like
    decide determine attempt strive""".split()
)
#: words that carry no type of their own ("has said", "also told")
_SKIP = frozenset(
    "has have had is was are were be been being also would will could may might "
    "not never later then again to of in on for that it".split()
)
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "felt": "feel",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "found": "find",
    "sought": "seek",
    "meant": "mean",
    "understood": "understand",
    "spoke": "speak",
    "spoken": "speak",
    "read": "read",
}


def lemmas(word: str) -> set[str]:
    """Candidate base forms of an English verb form, without a dictionary.

    >>> {"argue", "plan", "deny"} <= lemmas("argued") | lemmas("planned") | lemmas("denied")
    True
    """
    word = word.lower()
    if word in _IRREGULAR:
        return {_IRREGULAR[word]}
    out = {word}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out |= {stem, stem + "e"}
            if stem.endswith("i"):
                out.add(stem[:-1] + "y")  # denied, tries
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # planned, chatting
    return out


def cue_type(cue: str) -> str:
    """The attribution type of a cue, from its first word that has one; cues of
    punctuation alone (a colon, a dash) introduce speech.

    >>> [cue_type(c) for c in ("has said", "according to", "believes", "plans", ":")]
    ['speech', 'speech', 'belief', 'intention', 'speech']
    >>> cue_type("endorsed")
    'other'
    """
    words = re.findall(r"[a-z]+", cue.lower())
    if not words:
        return "speech" if cue.strip() else "other"
    for word in words:
        if word in _SKIP:
            continue
        forms = lemmas(word)
        for kind, lexicon in (
            ("intention", INTENTION),
            ("belief", BELIEF),
            ("speech", SPEECH),
        ):
            if forms & lexicon:
                return kind
    return "other"
