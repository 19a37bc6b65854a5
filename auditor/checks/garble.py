"""Garble rules (G001-G003, G005): surface damage that machine translation leaves in English.

Each rule reads the article text (active sentences: debris is excluded) and flags an exact
span with, where one can be inferred, the repair. They look at shapes (digits split by spaces,
single capitals with missing dots, a word said twice), never at an article's topic, so they
work on any outlet. Sentence-level incoherence (G004) lives in `coherence.py`; the per-sentence
and per-document garble score in `scores.py`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from auditor.checks.registry import DOCUMENT, CheckContext, rule
from auditor.facts.numerals import find_garbled_numerals
from auditor.facts.words import CALENDAR_WORDS, word_set
from auditor.model import Category, Document, Flag, Sentence, Severity

# ---------------------------------------------------------------------------------------------
# G001 garbled numerals


@rule("G001", "garbled-numeral", Category.GARBLE, Severity.ERROR, english_only=True, scope=DOCUMENT)
def garbled_numerals(ctx: CheckContext) -> Iterator[Flag]:
    """Numbers damaged by machine translation: split digits, plural scale words, foreign digit grouping.

    What it flags: digits split by spaces ("2 5 Hundreds"), a number followed by a plural scale word
    ("16 Thousands", "3 millions"), broken or foreign digit groups ("1,0000", "1.000.000", "2 500"),
    and lakh/crore numbering ("5 lakh", "1,00,000") inside Western English text. The suggestion is
    the number as a Western news desk writes it.

    Why it matters: a fact-checker comparing outlets must see that "2 5 Hundreds" means 2,500 before
    saying two outlets disagree, and must not quote the damaged form.

    Example: "about 2 5 Hundreds U S. troops and 16 Thousands contractors" -> "2,500", "16,000".
    """
    for doc in ctx.documents:
        for sentence in doc.active_sentences():
            for numeral in find_garbled_numerals(sentence.text):
                south_asian = "south-asian" in numeral.kind
                yield Flag(
                    doc,
                    sentence.start + numeral.start,
                    sentence.start + numeral.end,
                    f"Garbled numeral ({numeral.reason}): reads as {numeral.repaired}",
                    suggestion=numeral.repaired if numeral.repaired != numeral.text else None,
                    confidence=numeral.confidence,
                    # Lakh/crore is correct Indian English; only odd inside Western copy.
                    severity=Severity.INFO if south_asian else (Severity.WARNING if numeral.confidence < 0.8 else None),
                    data=(("value", numeral.value), ("kind", numeral.kind)),
                )


# ---------------------------------------------------------------------------------------------
# G002 broken abbreviations

# Dotted abbreviations of news English, keyed by their letters. A document's own use of a dotted
# form ("U.S." elsewhere in the text) also counts, so the rule learns abbreviations it does not list.
KNOWN_DOTTED = {
    "US": "U.S.",
    "UN": "U.N.",
    "UK": "U.K.",
    "EU": "E.U.",
    "USA": "U.S.A.",
    "UAE": "U.A.E.",
    "DC": "D.C.",
    "USSR": "U.S.S.R.",
    "PM": "P.M.",
    "AM": "A.M.",
}
# Two to four single capitals separated by spaces and/or dots, at least one space inside.
_SPACED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.? ){1,3}[A-Z]\.?)(?![\w])")
# "U.S" followed by a lowercase word: the final dot is missing.
_HALF_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,3}[A-Z])(?=\s+[a-z]|[,;])")
_DOTTED_IN_TEXT = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})")


def _document_abbreviations(text: str) -> dict[str, str]:
    forms = dict(KNOWN_DOTTED)
    for match in _DOTTED_IN_TEXT.finditer(text):
        forms.setdefault(match.group(1).replace(".", ""), match.group(1))
    return forms


@dataclass(frozen=True)
class BrokenAbbreviation:
    start: int
    end: int
    text: str
    repaired: str
    confidence: float


def find_broken_abbreviations(text: str, known: dict[str, str] | None = None) -> list[BrokenAbbreviation]:
    """ "U S." / "U. N" / "U S" / "U.S troops" -> the dotted form, when the letters are a known abbreviation.

    Properly spaced initials of a name ("J. K. Rowling", "George W. Bush") are left alone: every
    letter has its dot and the letters are not an abbreviation the text or the list knows.
    """
    forms = known if known is not None else _document_abbreviations(text)
    found: list[BrokenAbbreviation] = []
    for match in _SPACED_INITIALS.finditer(text):
        raw = match.group(1)
        letters = raw.replace(".", "").replace(" ", "")
        if letters not in forms:
            continue
        all_dotted = raw.count(".") == len(letters)
        if all_dotted and letters not in KNOWN_DOTTED:
            continue  # "A. B." could be a person's initials
        end = match.end(1)
        # A sentence-final abbreviation swallows the full stop: "... in the U S." keeps its dot.
        repaired = forms[letters]
        found.append(BrokenAbbreviation(match.start(1), end, raw, repaired, 0.9 if "." in raw else 0.75))
    for match in _HALF_DOTTED.finditer(text):
        raw = match.group(1)
        letters = raw.replace(".", "")
        if letters in forms and forms[letters].endswith("."):
            found.append(BrokenAbbreviation(match.start(1), match.end(1), raw, forms[letters], 0.7))
    return sorted(found, key=lambda b: b.start)


@rule("G002", "broken-abbreviation", Category.GARBLE, Severity.WARNING, english_only=True, scope=DOCUMENT)
def broken_abbreviations(ctx: CheckContext) -> Iterator[Flag]:
    """Abbreviations and acronyms broken into spaced or half-dotted letters.

    What it flags: "U S.", "U. N", "U S troops", "U.S troops": single capitals of a known
    abbreviation (a short list, plus every dotted abbreviation the same document uses correctly)
    split by spaces or missing a dot. Spaced initials of names ("J. K. Rowling") are not flagged.

    Why it matters: it is a sure sign of machine translation or OCR damage; a quote copied from
    the passage carries the damage into print.

    Example: "most of them U S. citizens" -> "U.S.".
    """
    for doc in ctx.documents:
        forms = _document_abbreviations(doc.text)
        for sentence in doc.active_sentences():
            for broken in find_broken_abbreviations(sentence.text, forms):
                yield Flag(
                    doc,
                    sentence.start + broken.start,
                    sentence.start + broken.end,
                    f"Broken abbreviation '{broken.text}': write {broken.repaired}",
                    suggestion=broken.repaired,
                    confidence=broken.confidence,
                )


# ---------------------------------------------------------------------------------------------
# G003 repetition

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
# "that that", "had had", "is is" (what it is is) are grammatical; reduplicated interjections too.
DOUBLING_ALLOWED = word_set("that had is do did very bye ha no so yes well now there really far long many much more")
# "again and again", "on and on", "years and years", "bigger and bigger" are intentional.
COORDINATION_ALLOWED = word_set(
    """again over on round around through by out up down back forth more less here there so
    years days weeks months hours minutes miles tons times ages far deeper further higher
    wider faster slower closer farther step side neck hand face"""
)
FUNCTION_WORDS = word_set(
    """the a an of to in on at by for with from and or but if that which who whom whose this these those
    it its is are was were be been being has have had do does did not no as than then so such there
    their they them he she his her we our you your i me my us also will would can could may might
    must shall should said says"""
)


@dataclass(frozen=True)
class Repetition:
    start: int
    end: int
    kind: str  # doubled-word | coordinated-same-word | repeated-phrase
    message: str
    suggestion: str | None
    confidence: float


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def find_repetitions(text: str) -> list[Repetition]:
    """Doubled words ("the the"), "X and X" ("attacks and attacks") and a phrase said twice in one sentence."""
    return list(_repetitions(text))


@lru_cache(maxsize=65536)  # G003 and the garble score's rule_hits ask for every sentence
def _repetitions(text: str) -> tuple[Repetition, ...]:
    tokens = _tokens(text)
    found: list[Repetition] = []
    for (a, a_start, _), (b, b_start, b_end) in itertools.pairwise(tokens):
        between = text[a_start + len(a) : b_start]
        proper_name = text[b_start].isupper()  # "Sirhan Sirhan", "Duran Duran"
        if a == b and between.strip() == "" and a not in DOUBLING_ALLOWED and not a[0].isdigit() and not proper_name:
            found.append(
                Repetition(a_start, b_end, "doubled-word", f"Doubled word '{a}'", text[a_start : a_start + len(a)], 0.9)
            )
    for i in range(len(tokens) - 2):
        (a, a_start, _), (conj, _, _), (b, _, b_end) = tokens[i], tokens[i + 1], tokens[i + 2]
        if (
            conj in ("and", "or")
            and a == b
            and a not in COORDINATION_ALLOWED
            and a not in FUNCTION_WORDS
            and not a.endswith("er")  # comparatives: "bigger and bigger"
            and not a.endswith("ed")  # narrative emphasis: "waited and waited"
            and not text[b_end - len(b)].isupper()  # names: "Johnson and Johnson"
            and not (i > 0 and text[a_start].isupper())  # a name mid-sentence: "Young and young vets"
            and not a[0].isdigit()
            and text[a_start:b_end].count(",") == 0
        ):
            found.append(
                Repetition(
                    a_start,
                    b_end,
                    "coordinated-same-word",
                    f"'{text[a_start:b_end]}' joins a word to itself (a translation dropped a different word)",
                    None,
                    0.85,
                )
            )
    found.extend(_repeated_phrases(text, tokens))
    return tuple(sorted(found, key=lambda r: r.start))


MAX_RESTATEMENT_GAP = 1  # words between a phrase and its repeat ("X, and X"); more is rhetoric


def _repeated_phrases(text: str, tokens: list[tuple[str, int, int]], size: int = 5) -> list[Repetition]:
    """A run of >= `size` words (two of them content words) said again right after itself.

    Only an immediate restatement counts: parallel clauses with words between them ("I'm not going
    to express outrage and I'm not going to express ...") are deliberate.
    """
    words = [t for t, _, _ in tokens]
    seen: dict[tuple[str, ...], int] = {}
    found: list[Repetition] = []
    i = 0
    while i <= len(tokens) - size:
        gram = tuple(words[i : i + size])
        first = seen.setdefault(gram, i)
        if first == i or first + size > i or sum(1 for t in gram if t not in FUNCTION_WORDS and t[0].isalpha()) < 2:
            i += 1  # new, or overlapping ("a b a b a"): not a clause said twice
            continue
        length = size  # extend the repeat as far as it goes
        while i + length < len(tokens) and first + length < i and words[first + length] == words[i + length]:
            length += 1
        if i - (first + length) > MAX_RESTATEMENT_GAP:
            i += 1
            continue
        start, end = tokens[i][1], tokens[i + length - 1][2]
        found.append(
            Repetition(
                start, end, "repeated-phrase", f"Phrase said twice in one sentence: '{text[start:end]}'", None, 0.8
            )
        )
        i += length
    return found


@rule("G003", "repetition", Category.GARBLE, Severity.WARNING, english_only=True, scope=DOCUMENT)
def repetitions(ctx: CheckContext) -> Iterator[Flag]:
    """Words or phrases repeated the way machine translation repeats them.

    What it flags: a doubled word ("the the"), a word coordinated with itself ("attacks and
    attacks", where the source had two different nouns), and a phrase of five or more words said
    twice in a row in one sentence. Intentional repetition is left alone: "again and again",
    "years and years", "bigger and bigger", "had had", "that that", names ("Johnson and Johnson"),
    and parallel clauses with other words between them.

    Why it matters: the repeated word usually stands where the source had a different one, so the
    sentence has lost part of its meaning; it must not be quoted as written.

    Example: "as the Taliban continue to carry out these attacks and attacks in the region".
    """
    for doc in ctx.documents:
        for sentence in doc.active_sentences():
            for repetition in find_repetitions(sentence.text):
                yield Flag(
                    doc,
                    sentence.start + repetition.start,
                    sentence.start + repetition.end,
                    repetition.message,
                    suggestion=repetition.suggestion,
                    confidence=repetition.confidence,
                    data=(("kind", repetition.kind),),
                )


# ---------------------------------------------------------------------------------------------
# G005 headings that do not fit their section

# Calibration of heading-to-section cosine (all-MiniLM-L6-v2) into P(heading belongs to its
# section): logistic fit on news articles' titles against their own text (positives) and against
# another article of the same size (negatives). See benchmarks/garble.py --headings and
# docs/ACCURACY.md. Refit these if the embedding model changes.
HEADING_FIT_INTERCEPT = -2.77
HEADING_FIT_SLOPE = 9.56
HEADING_MISFIT_PROBABILITY = 0.2  # flag when P(fits) is below this
MIN_SECTION_SENTENCES = 2
MAX_HEADING_WORDS = 15


def heading_fit_probability(cosine: float) -> float:
    return float(1.0 / (1.0 + np.exp(-(HEADING_FIT_INTERCEPT + HEADING_FIT_SLOPE * cosine))))


@dataclass(frozen=True)
class Section:
    heading: Sentence
    body: tuple[Sentence, ...]


def sections(doc: Document) -> list[Section]:
    """Each active heading line with the active sentences under it, up to the next heading.

    A heading is a "line" block (no final punctuation) of at most MAX_HEADING_WORDS words; the
    title lines at the top of an article head the whole text.
    """
    active = doc.active_sentences()
    result: list[Section] = []
    for i, sentence in enumerate(active):
        if sentence.kind != "line" or len(sentence.text.split()) > MAX_HEADING_WORDS:
            continue
        body: list[Sentence] = []
        for following in active[i + 1 :]:
            if following.kind == "line" and len(following.text.split()) <= MAX_HEADING_WORDS:
                if body:
                    break
                continue  # a repeated title or a dateline line between heading and text
            body.append(following)
        if i == 0:
            body = [s for s in active if s.kind != "line"]  # the title heads the whole article
        if len(body) >= MIN_SECTION_SENTENCES:
            result.append(Section(sentence, tuple(body)))
    return result


def heading_fit(ctx: CheckContext, doc: Document) -> list[tuple[Section, float]]:
    """(section, cosine of its heading to the mean of its body sentences) for every section."""
    found = sections(doc)
    if not found:
        return []
    headings = ctx.encoder.encode([s.heading.text for s in found])
    result = []
    for section, heading_vector in zip(found, headings, strict=True):
        body = ctx.encoder.encode([s.text for s in section.body])
        centroid = body.mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        result.append((section, float(heading_vector @ centroid)))
    return result


BYLINE = re.compile(r"^(?:by|written by|reporting by|edited by)\s+[A-Z]", re.IGNORECASE)
_HEADING_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
WORD_SUPPORT_COSINE = 0.5  # a heading word is supported by a section word this similar (MiniLM)
# Below this, one unsupported common word is enough to flag. In a sweep of 120 ECB+ news articles,
# headlines between 0.75 and 0.9 with an "unsupported" word were headline-ese ("Jolts", "berth").
HEADING_DOUBT_PROBABILITY = 0.75


@lru_cache(maxsize=65536)  # G005 stems every word of every heading and its section
def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ings", "ing", "ions", "ion", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")  # "disputed"/"dispute" -> "disput"


# Page furniture that sits on a line of its own: datelines, timestamps, "Updated ...", scores.
_TIME_WORDS = CALENDAR_WORDS | word_set(
    """updated update published posted last modified gmt utc bst est edt pst pdt ist aest cet
    am pm a.m p.m at on th st nd rd"""
)


# A line that is a piece of a sentence, not a heading: it ends mid-sentence ("To which she
# replied,"), starts in lower case, is a quotation with its attribution ('"It was lost," he
# said') or an attribution lead-in ("According to Greek media").
_SENTENCE_PIECE = re.compile(
    r"""[,;–—-]\s*$
    |^[a-z]
    |[,.!?]["”’']\s+(?:[A-Za-z.'-]+\s+){0,4}(?:said|added|told|wrote|noted|asked|replied)\b
    |^(?i:according\s+to|as\s+reported\s+by)\b""",
    re.VERBOSE,
)


def looks_like_heading(text: str) -> bool:
    """At least two words that are not dates, times or "Updated"-style labels, few digits, and
    not a piece of a sentence that was broken across lines."""
    if _SENTENCE_PIECE.search(text.strip()):
        return False
    tokens = text.split()
    words = [w for w in _HEADING_WORD.findall(text) if w.lower().strip(".") not in _TIME_WORDS]
    digits = sum(1 for t in tokens if any(c.isdigit() for c in t))
    return len(words) >= 2 and digits / max(len(tokens), 1) < 0.25


def _is_common_word(word: str) -> bool:
    """A common English word (wordfreq Zipf >= 3.5): its absence from the section means something."""
    from auditor.checks.scores import _zipf

    return _zipf(word.lower()) >= 3.5


def _heading_word_candidates(heading: str, body_text: str) -> tuple[list[str], list[str]]:
    """(common content words of the heading absent from the section, the section's words)."""
    body_words = {w.lower() for w in _HEADING_WORD.findall(body_text)} - FUNCTION_WORDS
    body_stems = {_stem(w) for w in body_words}
    sentence_case = sum(1 for w in _HEADING_WORD.findall(heading) if w.islower()) >= 2
    candidates = [
        w
        for w in _HEADING_WORD.findall(heading)
        if w.lower() not in FUNCTION_WORDS
        and _stem(w) not in body_stems
        and _is_common_word(w)
        and not (sentence_case and w[0].isupper())  # a name in a sentence-case heading
    ]
    return candidates, sorted(body_words)


def unsupported_heading_words(ctx: CheckContext, heading: str, body_text: str) -> list[str]:
    """Content words of a heading that neither occur in the section nor have a close word in it."""
    candidates, body_list = _heading_word_candidates(heading, body_text)
    if not candidates or not body_list:
        return candidates
    vectors = ctx.encoder.encode([w.lower() for w in candidates] + body_list)
    similarity = vectors[: len(candidates)] @ vectors[len(candidates) :].T
    return [w for w, row in zip(candidates, similarity, strict=True) if float(row.max()) < WORD_SUPPORT_COSINE]


def _doubtful_headings(ctx: CheckContext, doc: Document) -> list[tuple[Section, float, float, str]]:
    """(section, cosine, P(fits), section text) of the headings whose fit is in doubt (cached:
    `embed_heading_words` and `misfit_headings` both ask)."""

    def build() -> list[tuple[Section, float, float, str]]:
        found = []
        for section, cosine in heading_fit(ctx, doc):
            heading = section.heading.text
            if BYLINE.match(heading) or (doc.byline and doc.byline in heading) or not looks_like_heading(heading):
                continue
            probability = heading_fit_probability(cosine)
            if probability < HEADING_DOUBT_PROBABILITY:
                found.append((section, cosine, probability, " ".join(s.text for s in section.body)))
        return found

    result: list[tuple[Section, float, float, str]] = ctx.artifact(f"doubtful_headings:{doc.id}", build)
    return result


def embed_heading_words(ctx: CheckContext, documents: Iterable[Document]) -> None:
    """Embed, in one call, the words every doubtful heading of `documents` will be compared by:
    the encoder keeps them, and one call keeps the model's batches full (a call per heading of a
    few hundred one-word texts cost more than the model's work)."""
    words: dict[str, None] = {}
    for doc in documents:
        for section, _cosine, _probability, body_text in _doubtful_headings(ctx, doc):
            candidates, body_list = _heading_word_candidates(section.heading.text, body_text)
            if candidates and body_list:
                words.update(dict.fromkeys(w.lower() for w in candidates))
                words.update(dict.fromkeys(body_list))
    if words:
        ctx.encoder.encode(list(words))


@dataclass(frozen=True)
class HeadingMisfit:
    section: Section
    cosine: float
    probability: float
    unsupported: tuple[str, ...]


def misfit_headings(ctx: CheckContext, doc: Document) -> list[HeadingMisfit]:
    """The headings of `doc` that G005 flags (cached: the document score counts them too)."""

    def build() -> list[HeadingMisfit]:
        found = []
        for section, cosine, probability, body_text in _doubtful_headings(ctx, doc):
            unsupported = unsupported_heading_words(ctx, section.heading.text, body_text)
            if probability >= HEADING_MISFIT_PROBABILITY and not unsupported:
                continue
            found.append(HeadingMisfit(section, cosine, probability, tuple(unsupported)))
        return found

    result: list[HeadingMisfit] = ctx.artifact(f"misfit_headings:{doc.id}", build)
    return result


@rule(
    "G005", "heading-misfit", Category.GARBLE, Severity.WARNING, english_only=True, embeds_corpus=True, scope=DOCUMENT
)
def heading_misfit(ctx: CheckContext) -> Iterable[Flag]:
    """A heading or title that does not fit the text under it.

    What it flags: a heading line (no final punctuation, at most 15 words, not a byline) whose
    meaning is far from the sentences under it (up to the next heading). The embedding cosine of
    heading and section is calibrated on news titles into P(heading fits its text); the heading
    is flagged when P < 0.2, or when P < 0.75 and the heading has a common content word that neither
    occurs in the section nor has a close word there (MiniLM word similarity < 0.5). Datelines,
    timestamps and bylines on a line of their own are not headings.

    Why it matters: a machine-translated heading can say something the article never says; quoting
    it, or indexing the article under it, spreads a claim nobody made.

    Example: "US can reduce emissions: Pentagon" above paragraphs on the pace of the US troop
    withdrawal from Afghanistan.
    """
    embed_heading_words(ctx, ctx.documents)
    for doc in ctx.documents:
        for misfit in misfit_headings(ctx, doc):
            section, cosine, probability, unsupported = (
                misfit.section,
                misfit.cosine,
                misfit.probability,
                misfit.unsupported,
            )
            words = f"; not in the text: {', '.join(repr(w) for w in unsupported)}" if unsupported else ""
            yield Flag(
                doc,
                section.heading.start,
                section.heading.end,
                f"Heading does not fit the {len(section.body)} sentences under it "
                f"(similarity {cosine:.2f}, P(fits) {probability:.2f}{words})",
                confidence=round(max(1.0 - probability, 0.5 if unsupported else 0.0), 3),
                data=(
                    ("cosine", round(cosine, 4)),
                    ("fit_probability", round(probability, 4)),
                    ("unsupported_words", tuple(unsupported)),
                ),
            )
