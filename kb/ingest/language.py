"""Tell a non-English article from an English one, cheaply and conservatively, so
that it is not run through English rules."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["detect_language", "is_english_tag"]

# The commonest function words of the languages that news scrapers most often
# mix into English feeds. A word in several lists counts for each.
_FUNCTION_WORDS = {
    "en": "the and of to in is that was for on with said by it as at from his her "
    "he she they have has were be are this will not but which who",
    "fr": "le la les des et est une un du dans que qui pour pas sur au avec il elle "
    "ce sont aux ont été mais plus par",
    "de": "der die das und ist nicht ein eine mit den dem von zu auf sich des im "
    "für auch es sie wurde hat wird bei nach",
    "es": "el los las del y que en un una por con para es se su al lo como más "
    "pero sus fue ha",
    "it": "il di che e la per un una del della non sono con gli le nel è ha alla "
    "anche dei",
    "pt": "o os as de que e do da em um uma para com não no na por se é dos das foi ao",
    "nl": "de het een en van is dat niet op te zijn met voor er maar ook wordt werd "
    "naar bij",
}
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# Scripts that English is not written in, by the first word of a letter's name.
_SCRIPTS = {
    "CYRILLIC": "und-Cyrl",
    "GREEK": "el",
    "ARABIC": "ar",
    "HEBREW": "he",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters: enough to tell, cheap for a long article
_MIN_WORDS = 12  # fewer words than this: too little to tell
_MIN_LETTERS = 20  # likewise for letters, when telling by script


#: English as feeds write it: "en", "en-GB", "en_US" (a locale), "eng" (ISO 639-2,
#: as some agencies' feeds have it), or the name "English".
_ENGLISH_TAG = re.compile(r"(?i)(?:en|eng|english)(?:[-_][a-z0-9]+)*")


def is_english_tag(tag: str) -> bool:
    """Whether an article's ``language`` field says English.

    >>> [is_english_tag(t) for t in ("en", "EN-gb", "en_US", "eng", "English")]
    [True, True, True, True, True]
    >>> [is_english_tag(t) for t in ("fr", "enm", "engl", "es-EN")]
    [False, False, False, False]
    """
    return _ENGLISH_TAG.fullmatch(tag.strip()) is not None


def detect_language(text: str) -> str | None:
    """Guess a non-English language tag for ``text``, or ``None`` for English or unsure.

    A cheap, conservative check so that a non-English article is not run through
    English rules: a non-Latin script (``"und-Cyrl"`` when the script does not
    say the language), or a clear majority of another language's function words.

    >>> detect_language("Die Regierung hat am Montag mitgeteilt, dass der Plan "
    ...                 "nicht vor dem Sommer umgesetzt wird und auch die Kosten steigen.")
    'de'
    >>> detect_language("The minister said on Monday that the plan will not be ready "
    ...                 "before the summer and that the costs are rising.") is None
    True
    """
    sample = text[:_SAMPLE]
    script = _dominant_script(sample)
    if script is not None:
        return script
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return None
    scores = {
        lang: sum(word in vocabulary for word in words) / len(words)
        for lang, vocabulary in _WORD_SETS.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    if best != "en" and scores[best] >= 0.15 and scores[best] >= 2 * scores["en"]:
        return best
    return None


def _dominant_script(sample: str) -> str | None:
    """The tag of a non-Latin script that most of the letters are in, if any."""
    counts: dict[str, int] = {}
    letters = 0
    for char in sample:
        if not char.isalpha():
            continue
        letters += 1
        if char.isascii():
            continue
        script = unicodedata.name(char, "").split(" ", 1)[0]
        if script in _SCRIPTS:
            tag = _SCRIPTS[script]
            counts[tag] = counts.get(tag, 0) + 1
    if not counts or letters < _MIN_LETTERS:
        return None
    tag = max(counts, key=lambda t: counts[t])
    return tag if counts[tag] > letters / 2 else None
