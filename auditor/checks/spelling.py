"""Spelling rules (S...): misspelt common words, with the intended word suggested.

A word is judged misspelt only when wordfreq has never seen it in English AND a much more
frequent word lies within one or two edits of it. Capitalised words are left alone (they are
names: Stoltenberg, Bajaur, Hamdullah Mohib), and so are acronyms, numbers, words glued to
digits and camelCase scrape debris. Boilerplate lines are still text a reader sees, so every
sentence is checked, not only the active ones.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from auditor.checks.registry import DOCUMENT, CheckContext, rule
from auditor.model import Category, Document, Flag, Sentence, Severity

# Words wordfreq knows at all have a Zipf frequency >= 1; a fresh typo usually has none.
UNKNOWN_BELOW = 1.0
# Frequent web misspellings ("goverment" 2.7, "thier" 3.0) are in wordfreq too: a known word
# below this is judged only if no dictionary lists it and a far more frequent word is one edit away.
RARE_BELOW = 3.1
RARE_GAP = 1.5  # the repair must be 10**1.5 (about 30) times more frequent
RARE_REPAIR_AT = 4.0
# The suggested word must be common: Zipf 3.5 is about 3 per million words ("retrograde").
COMMON_AT = 3.5
# Candidate vocabulary: the most frequent English words (wordfreq's list is ordered by frequency).
VOCABULARY_SIZE = 60_000
MIN_LENGTH = 4  # shorter unknown tokens are mostly abbreviations ("ISPR" aside, "Gen", "Sgt")

# A plain word: not part of a hyphenated compound, URL, handle, file name or mojibake, and not
# cut short by an apostrophe ("singin'").
WORD = re.compile(r"(?<![\w'’.@/#\\\ufffd-])[A-Za-z]+(?![\w@/#'’\ufffd-]|\.\w|\. ?(?:com|org|gov|exe|net)\b)")
VOWELS = set("aeiouy")
# Prefixes that make real words wordfreq may not list ("codirected", "supermax").
PREFIXES = (
    "anti",
    "co",
    "counter",
    "de",
    "inter",
    "mis",
    "multi",
    "non",
    "out",
    "over",
    "post",
    "pre",
    "re",
    "sub",
    "super",
    "un",
    "under",
)


@dataclass(frozen=True)
class Misspelling:
    start: int  # offsets into the text that was checked
    end: int
    word: str
    suggestions: tuple[str, ...]  # one when the repair is clear; up to three equally likely ones
    distance: int
    suggestion_zipf: float


# wordfreq and english-words are imported where they are used: importing wordfreq alone takes
# ~0.5 s, which a re-audit whose results are all kept (auditor.checks.results) would pay for nothing.


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], dict[str, float]]:
    from wordfreq import get_frequency_dict, top_n_list

    # One load of the frequency table: zipf_frequency() per word would take seconds for 60,000 words.
    frequencies = get_frequency_dict("en")
    words = [w for w in top_n_list("en", VOCABULARY_SIZE) if w.isalpha() and w.isascii()]
    zipf = {w: round(math.log10(frequencies[w]) + 9, 2) for w in words if frequencies.get(w)}
    common = [w for w in words if zipf.get(w, 0.0) >= COMMON_AT]
    return common, zipf


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Real English words, inflections excepted: Webster's 2nd (web2) and GCIDE via english-words."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ier", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("er", "e"),
    ("able", ""),
    ("able", "e"),
    ("y", ""),
    ("y", "e"),
)


def _stems(word: str) -> Iterator[str]:
    for suffix, ending in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            yield stem + ending
            if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:  # fanned, deferring
                yield stem[:-1]


def is_real_word(word: str) -> bool:
    """Whether a dictionary lists the word, its regular stem, or its stem after a common prefix."""
    dictionary = _dictionary()
    if word in dictionary or any(stem in dictionary for stem in _stems(word)):
        return True
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and (rest in dictionary or _zipf(rest) >= 3.0):
            return True
    return False


def is_typing_slip(word: str, intended: str) -> bool:
    """Whether one edit turning `intended` into `word` is a typical slip, not another word's shape.

    Typical: two neighbouring letters swapped (thier), a letter doubled or undoubled
    (posession, committment), one vowel for another (seperate), a letter left out of a long
    word (goverment). Not: a changed first letter (fanned/banned) or an added consonant
    (busty/busy, photogs/photos), which is how different real words look.
    """
    if word[:1] != intended[:1]:
        return False
    if len(word) == len(intended):
        diff = [i for i, (a, b) in enumerate(zip(word, intended, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return word[diff[0]] == intended[diff[1]] and word[diff[1]] == intended[diff[0]]
        return len(diff) == 1 and word[diff[0]] in VOWELS and intended[diff[0]] in VOWELS
    if len(word) == len(intended) + 1:  # a letter added: only a doubled one
        return any(word[:i] + word[i + 1 :] == intended and i > 0 and word[i] == word[i - 1] for i in range(len(word)))
    if len(word) + 1 == len(intended):  # a letter left out (not the last: "breakin" is break-in)
        if intended[:-1] == word:
            return False
        return len(word) >= 6 or any(
            intended[:i] + intended[i + 1 :] == word and i > 0 and intended[i] == intended[i - 1]
            for i in range(len(intended))
        )
    return False


def max_edits(word: str) -> int:
    return 1 if len(word) < 8 else 2


@dataclass(frozen=True)
class Correction:
    words: tuple[str, ...]  # the best repair first; several when equally plausible
    distance: int
    zipf: float

    @property
    def certain(self) -> bool:
        return len(self.words) == 1


def best_correction(word: str) -> Correction | None:
    """The most frequent common words within max_edits(word) edits (a swap counts as one)."""
    common, zipf = _vocabulary()
    matches = process.extract(word, common, scorer=OSA.distance, score_cutoff=max_edits(word), limit=50)
    # A different first letter is usually a different word (fanned/banned), rarely a slip.
    matches = [m for m in matches if m[0][:1] == word[:1]]
    if not matches:
        return None
    best_distance = min(int(d) for _w, d, _i in matches)
    closest = sorted((w for w, d, _i in matches if int(d) == best_distance), key=lambda w: -zipf[w])
    # Rivals almost as frequent as the best make the repair a guess ("plice": place or police?).
    rivals = tuple(w for w in closest if zipf[closest[0]] - zipf[w] < 0.5)
    return Correction(rivals[:3], best_distance, zipf[closest[0]])


def missing_space(word: str) -> str | None:
    """'saidon' -> 'said on': two common words run together, one of them a function word."""
    for cut in range(1, len(word)):
        left, right = word[:cut], word[cut:]
        if min(len(left), len(right)) < 2 or not (is_real_word(left) and is_real_word(right)):
            continue
        frequencies = (_zipf(left), _zipf(right))
        if min(frequencies) >= 3.5 and max(frequencies) >= 5.8:
            return f"{left} {right}"
    return None


def _match_case(template: str, word: str) -> str:
    if template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _upper_context(text: str, start: int, end: int) -> bool:
    """Whether an ALL-CAPS word stands next to an all-caps common word ('REEAD MORE'), not as an acronym."""
    before = WORD.findall(text[max(0, start - 30) : start].split("\n")[-1])
    after = WORD.findall(text[end : end + 30].split("\n")[0])
    neighbours = before[-1:] + after[:1]
    return (
        bool(neighbours)
        and all(w.isupper() for w in neighbours)
        and any(len(w) >= 3 and w.lower() in _dictionary() for w in neighbours)
    )


def find_misspellings(text: str) -> Iterator[Misspelling]:
    for match in WORD.finditer(text):
        token = match.group()
        if len(token) < MIN_LENGTH:
            continue
        if token.isupper():
            if not _upper_context(text, match.start(), match.end()):
                continue  # an acronym (ISPR, NATO, SCS)
        elif not token.islower():
            continue  # a name (Stoltenberg) or camelCase debris (articleComments)
        lower = token.lower()
        frequency = _zipf(lower)
        if frequency >= RARE_BELOW or is_real_word(lower):
            continue
        correction = best_correction(lower)
        if frequency < UNKNOWN_BELOW and (correction is None or correction.distance > 1):
            joined = missing_space(lower)  # "saidon": two words run together, not a typo
            if joined:
                yield Misspelling(match.start(), match.end(), token, (_match_case(token, joined),), 1, 0.0)
                continue
        if correction is None:
            continue
        best = correction.words[0]
        if frequency >= UNKNOWN_BELOW and (
            correction.distance > 1
            or correction.zipf < max(RARE_REPAIR_AT, frequency + RARE_GAP)
            or not is_typing_slip(lower, best)
        ):
            continue  # a known word that is not plainly a slip of a far more common one
        suggestions = tuple(_match_case(token, w) for w in correction.words)
        yield Misspelling(match.start(), match.end(), token, suggestions, correction.distance, correction.zipf)


def _sentence_flags(doc: Document, sentence: Sentence) -> Iterator[Flag]:
    for found in find_misspellings(sentence.text):
        if len(found.suggestions) == 1:
            message = f"'{found.word}' is not an English word; probably '{found.suggestions[0]}'"
            suggestion: str | None = found.suggestions[0]
            confidence = 0.9 if found.distance == 1 else 0.75
        else:
            options = " or ".join(f"'{w}'" for w in found.suggestions)
            message = f"'{found.word}' is not an English word; perhaps {options}"
            suggestion = None
            confidence = 0.7
        yield Flag(
            doc,
            sentence.start + found.start,
            sentence.start + found.end,
            message,
            suggestion=suggestion,
            confidence=confidence,
            data=(("edits", found.distance),),
        )


@rule("S001", "misspelt-word", Category.SPELLING, Severity.WARNING, english_only=True, scope=DOCUMENT)
def misspelt_word(ctx: CheckContext) -> Iterable[Flag]:
    """A common word misspelt, with the intended word suggested.

    What it flags: a lower-case word (or an all-caps word among other all-caps words) of four
    letters or more that the wordfreq package has never seen in English, when a common word
    (Zipf frequency 3.5 or more) lies one edit away (two for words of six letters or more;
    a swap of two letters is one edit). Capitalised words are names and are never flagged
    (Stoltenberg, Bajaur, Hamdullah Mohib, Shir Khan Bandar); neither are acronyms standing
    alone (ISPR), rare but real words (flexibilities), or words with digits. Boilerplate lines
    are checked too: readers see them.

    Why it matters: a typo in copy signals a text nobody proof-read; in a quote it makes the
    quote look doctored, and a fact-checker must not repeat it.

    Example: "REEAD MORE: Afghan families flee their homes" -> "READ MORE".
    """
    for doc in ctx.documents:
        for sentence in doc.sentences:
            yield from _sentence_flags(doc, sentence)
