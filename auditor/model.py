"""The data model every stage shares: documents, sentences, findings.

A `Document` owns its original text; everything else (sentences, findings, evidence) is a
span `(start, end)` of character offsets into that text, so reports can quote the original
bytes and point at line:column.
"""

from __future__ import annotations

import bisect
import enum
import hashlib
import re
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on and sorting."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class Category(enum.StrEnum):
    """The fixed vocabulary of finding categories used in every report format."""

    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    GARBLE = "garble"
    SPELLING = "spelling"
    GRAMMAR = "grammar"
    PLAUSIBILITY = "plausibility"
    CONTRADICTION = "contradiction"


@dataclass(frozen=True, slots=True)
class Credit:
    """Who a document credits: an agency, a photographer, a quoted outlet."""

    name: str
    role: str  # "text" | "photo" | "quoted" | "source" | "byline"
    evidence: str | None = None  # the words the credit was read from
    start: int | None = None
    end: int | None = None

    def label(self) -> str:
        return f"{self.name} ({self.role})"


# slots: one per sentence of the corpus, and an instance with a __dict__ pickled for the work cache
# keeps that dict for good (Python 3.11 builds it on first access): ~26 MB at 5,000 articles.
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or a stand-alone line (title, heading, caption) of a document."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    block: int  # index of the line/paragraph block it came from
    kind: str = "sentence"  # "sentence" | "line" (a block without final punctuation)


@dataclass(frozen=True)
class Document:
    id: str
    path: str
    text: str
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    language_source: str | None = None  # "metadata" | "detected" | None
    credits: tuple[Credit, ...] = ()
    byline: str | None = None
    dateline: str | None = None
    metadata_source: tuple[tuple[str, str], ...] = ()  # (field, where it came from)
    notes: tuple[str, ...] = ()  # e.g. "decoded as cp1252 (not valid UTF-8)"
    line_offset: int = 0  # lines of front matter before the text starts in the file
    record_line: int | None = None  # JSONL: the file line holding this article's record
    sentences: tuple[Sentence, ...] = ()
    excluded: frozenset[int] = frozenset()  # sentence indices flagged as debris by cleaning

    @cached_property
    def digest(self) -> str:
        """sha256 of every field (text, metadata, sentences, exclusions): what a result computed
        from this document alone depends on (the work cache keys such results by it)."""
        digest = hashlib.sha256()
        for f in fields(self):
            value = getattr(self, f.name)
            shown = sorted(value) if isinstance(value, frozenset) else value  # a set's order is not stable
            digest.update(f"{f.name}={shown!r}\0".encode())
        return digest.hexdigest()

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset, as in the file on disk."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1 + self.line_offset, offset - self._line_starts[line] + 1

    @property
    def is_english(self) -> bool:
        return self.language is None or self.language.startswith("en")

    def active_sentences(self) -> list[Sentence]:
        """Sentences that are article text: not flagged as boilerplate or duplicates."""
        return [s for s in self.sentences if s.index not in self.excluded]

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    @property
    def credit_labels(self) -> list[str]:
        return [c.label() for c in self.credits]


OTHER_SIDE = "other-side"  # evidence that disagrees with the finding's text (a contradiction)
SAME_FACT = "same-fact"  # another outlet's sentence reporting the same fact (e.g. in clean wording)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The other side of a contradiction, or another outlet's sentence reporting the same fact."""

    doc: str
    text: str
    start: int
    end: int
    outlet: str | None = None
    published: str | None = None
    line: int | None = None
    column: int | None = None
    relation: str = OTHER_SIDE

    @classmethod
    def from_span(cls, doc: Document, start: int, end: int, relation: str = OTHER_SIDE) -> Evidence:
        line, column = doc.line_column(start)
        return cls(
            doc=doc.id,
            text=doc.text[start:end],
            start=start,
            end=end,
            outlet=doc.outlet,
            published=doc.published.isoformat() if doc.published else None,
            line=line,
            column=column,
            relation=relation,
        )


@dataclass(frozen=True, slots=True)
class Flag:
    """What a rule's check yields; the registry turns it into a `Finding`."""

    doc: Document
    start: int
    end: int
    message: str
    suggestion: str | None = None
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()
    severity: Severity | None = None  # overrides the rule's default when set
    data: tuple[tuple[str, object], ...] = ()  # extra machine-readable detail


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    doc: str
    text: str
    start: int
    end: int
    line: int
    column: int
    message: str
    suggestion: str | None = None
    confidence: float = 1.0
    fingerprint: str = ""
    evidence: tuple[Evidence, ...] = ()
    data: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.doc, self.start, self.end, self.rule)

    def touches(self, doc: str, start: int, end: int) -> bool:
        """Whether the flagged span overlaps [start, end) of `doc` (an empty span counts as one character)."""
        return self.doc == doc and self.start < end and start < max(self.end, self.start + 1)


def normalize_for_fingerprint(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def fingerprint(rule: str, doc_id: str, text: str, occurrence: int, context: str = "") -> str:
    """A hash that survives unrelated edits elsewhere in the file.

    Built from what was flagged, not where: the rule, the document id, the flagged text
    (whitespace-normalised), which occurrence of that text it is, and an optional context
    (for contradictions, the other side's text).
    """
    key = "\x1f".join(
        [rule, doc_id, normalize_for_fingerprint(text), str(occurrence), normalize_for_fingerprint(context)]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
