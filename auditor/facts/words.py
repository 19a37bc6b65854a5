"""Small word utilities shared by the fact extractors: singular nouns and light stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _latin_letters(test: str) -> str:
    """The Latin letters beyond ASCII (Latin-1 and Latin Extended-A/B) for which `str.<test>()`
    holds, as a character class body: Python's `re` has no \\p{Lu}, and names are written with
    them ("Tomáš Hradil", "Łódź", "Şahin", "Dašice")."""
    return "".join(re.escape(c) for c in map(chr, range(0xC0, 0x250)) if getattr(c, test)())


UPPER = "A-Z" + _latin_letters("isupper")  # inside [...]: a capital letter, accented or not
LOWER = "a-z" + _latin_letters("islower")


def plain(text: str) -> str:
    """The text without accents, as English copy often writes names ("Zürich" -> "Zurich",
    "Dašice" -> "Dasice"): two outlets' spellings of one name meet. Letters that do not
    decompose ("ł", "ß") are kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_IRREGULAR = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "news": "news",
    "series": "series",
    "species": "species",
    "centuries": "century",
    "servicemen": "serviceman",
}


def singular(word: str) -> str:
    """ "capitals" -> "capital", "casualties" -> "casualty", "forces" -> "force"; leaves "was"/"us" alone."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if len(lower) <= 3 or lower.endswith(("ss", "us", "is")):
        return lower
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses")):
        return lower[:-2]
    if lower.endswith("s"):
        return lower[:-1]
    return lower


_SUFFIXES = ("ations", "ation", "als", "al", "ings", "ing", "ed", "es", "s", "ment", "ments", "ial", "e")
_LONGEST_SUFFIX_FIRST = tuple(sorted(_SUFFIXES, key=len, reverse=True))
_NOT_LOWER_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=65536)  # asked for every word of every fact, scope and clause
def stem(word: str) -> str:
    """A crude stem that joins a verb and its nominalizations: withdraw/withdrawal/withdrawing -> withdraw."""
    lower = _NOT_LOWER_LETTER.sub("", word.lower())
    for suffix in _LONGEST_SUFFIX_FIRST:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)]
    return lower


def word_set(text: str) -> frozenset[str]:
    """A vocabulary written as a block of words (easier to read and extend than a list literal)."""
    return frozenset(text.split())


# The calendar's words, lower case, for every extractor and rule that must know them.
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order
WEEKDAY_ABBREVIATIONS = word_set("mon tue tues wed thu thurs fri sat sun")
CALENDAR_WORDS = frozenset(MONTHS) | MONTH_ABBREVIATIONS | frozenset(WEEKDAYS) | WEEKDAY_ABBREVIATIONS

# What a count's people came to ("73 people dead", "left 12 injured"): a state, not a noun.
COUNT_STATES = word_set("dead injured wounded hurt missing")
