"""Duplicate rules (D...): repeated titles, lines and paragraphs.

Only the later copy is flagged (and excluded from alignment); the first stays article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from auditor.checks.boilerplate import is_furniture
from auditor.checks.registry import CLEAN, DOCUMENT, CheckContext, rule
from auditor.model import Category, Evidence, Flag, Severity
from auditor.text import line_blocks

# Calibrated on ECB+ articles (benchmarks/boilerplate.py): distinct sentences of one article
# almost never reach this similarity, while a re-scraped standfirst or caption does.
NEAR_DUPLICATE_RATIO = 85.0
NEAR_DUPLICATE_MIN_WORDS = 8


_SPACES = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip().casefold()


@rule("D001", "repeated-line", Category.DUPLICATE, Severity.WARNING, stage=CLEAN, scope=DOCUMENT)
def repeated_line(ctx: CheckContext) -> Iterable[Flag]:
    """A line (title, heading, caption, paragraph) repeated word for word.

    What it flags: every later copy of a line that already appeared in the same document.
    Why it matters: scrapers repeat titles and captions; a repeated paragraph also inflates
    how often a fact seems to be stated.
    Example: the title "Taliban take Afghanistan highway ‘crosses Tajik border’" three times
    at the top of one article.
    """
    for doc in ctx.documents:
        first_seen: dict[str, tuple[int, int]] = {}
        for start, end in line_blocks(doc.text):
            key = _normal(doc.text[start:end])
            if is_furniture(doc.text[start:end].replace("\xa0", " ")):
                continue  # repeated share bars and credits are the boilerplate rules' findings
            if key in first_seen:
                line, _ = doc.line_column(first_seen[key][0])
                yield Flag(
                    doc,
                    start,
                    end,
                    f"repeats line {line} word for word",
                    suggestion="remove the repeated line",
                    evidence=(Evidence.from_span(doc, *first_seen[key]),),
                )
            else:
                first_seen[key] = (start, end)


@rule("D002", "near-duplicate", Category.DUPLICATE, Severity.INFO, stage=CLEAN, scope=DOCUMENT)
def near_duplicate(ctx: CheckContext) -> Iterable[Flag]:
    """A sentence that nearly repeats an earlier sentence of the same document.

    What it flags: a sentence of at least eight words whose wording is at least 85% the same
    as an earlier one (a re-scraped standfirst, a caption repeated with a credit appended).
    Why it matters: the repeat is page structure, not a second statement; counting it twice
    would overstate how strongly a document supports a fact.
    Example: "Afghan government forces have abandoned some rural districts without a fight, ...
    (AP)" right after the same sentence without "(AP)".
    """
    for doc in ctx.documents:
        long_enough = [
            (s, key) for s in doc.sentences if len((key := _normal(s.text)).split()) >= NEAR_DUPLICATE_MIN_WORDS
        ]
        if len(long_enough) < 2:
            continue
        keys = [key for _, key in long_enough]
        # Every pair's similarity in one call (ratio is symmetric); below the threshold it reads 0.
        ratios = cdist(keys, keys, scorer=fuzz.ratio, dtype=np.float64, score_cutoff=NEAR_DUPLICATE_RATIO)
        for n in range(1, len(long_enough)):
            similar = np.flatnonzero(ratios[n, :n] >= NEAR_DUPLICATE_RATIO)
            if not similar.size:
                continue
            sentence, key = long_enough[n]
            previous, previous_key = long_enough[int(similar[0])]  # the earliest similar sentence
            if previous_key == key:
                continue  # word-for-word repeats of a whole line are D001's
            if doc.text[previous.start : previous.end].strip() == doc.text[sentence.start : sentence.end].strip():
                continue
            ratio = float(ratios[n, similar[0]])
            line, _ = doc.line_column(previous.start)
            yield Flag(
                doc,
                sentence.start,
                sentence.end,
                f"nearly repeats the sentence on line {line} ({ratio:.0f}% the same wording)",
                suggestion="keep one of the two",
                confidence=round(ratio / 100, 2),
                evidence=(Evidence.from_span(doc, previous.start, previous.end),),
            )
