"""The fact model: spans of a document's original text with a normalized value.

Every fact keeps `doc_id`, `start`, `end` (offsets into the ORIGINAL `Document.text`), the
exact `text`, and the index of the sentence it sits in, so a finding can quote it and the
aligner can join facts to sentences. Values are normalized so that facts stated in other
words compare equal: "nearly twenty years" and "two decades" are both about 20 years.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any


# slots (here and below): a big corpus has hundreds of thousands of these, pickled for the work
# cache, which gives an instance with a __dict__ that dict for good.
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its qualifier and the thing it counts: "around 1,000 of its soldiers".

    `low`..`high` is the interval the wording allows ("more than 50" -> [50, inf),
    "nearly twenty" -> [17, 20], "dozens" -> [24, 144]); `value` is the number as written.
    """

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    qualifier: str | None = None  # "around", "more than", "as many as", "nearly", ...
    kind: str = "exact"  # exact | approximate | lower_bound | upper_bound | range | vague
    noun: str | None = None  # the counted noun, normalized: "provincial capital", "soldier"
    noun_text: str | None = None  # the counted noun as written
    unit_scale: float = 1.0  # "two decades" counts years: noun "year", value 20
    garbled: bool = False  # written as damaged machine translation ("2 5 Hundreds")
    repaired: str | None = None  # the repair for garbled numerals ("2,500")

    def overlaps(self, other: Quantity, tolerance: float = 0.0, other_tolerance: float | None = None) -> bool:
        """Can both statements be true of one amount? Intervals touch, allowing rounding slack: a
        share of each figure (`other_tolerance` for `other`'s; default: the same as this one's)."""
        if other_tolerance is None:
            other_tolerance = tolerance
        slack_self = tolerance * (self.high if math.isfinite(self.high) else self.low)
        slack_other = other_tolerance * (other.high if math.isfinite(other.high) else other.low)
        return self.low - slack_self <= other.high + slack_other and other.low - slack_other <= self.high + slack_self


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time window, resolved against the document's publication date when relative.

    `earliest`..`latest` is the period the words name ("in August" -> Aug 1..31); `target`
    is the single day an editor would read off (the deadline of "by the end of August").
    `relation` says how the event relates to the period: "on", "by" (deadline), "since",
    "window" ("in the past 24 hours"), "in".
    """

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    earliest: date | None
    latest: date | None
    target: date | None
    granularity: str  # day | week | month | year | window
    relation: str = "on"
    relative: bool = False  # resolved against the publication date
    event: str | None = None  # stem of the event word it attaches to ("withdraw")
    event_text: str | None = None  # that word as written ("withdrawal")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A person, place, organization or group, with its canonical name from the gazetteer."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    canonical: str  # "United States" for US, U.S., America, Washington (as a government)
    kind: str  # country | city | region | organization | group | person | demonym
    country: str | None = None  # ISO alpha-2 of the country a place lies in ("QA" for Doha)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks and who the text says spoke them."""

    doc_id: str
    sentence: int
    start: int  # the quoted words, without the marks
    end: int
    text: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class DocumentFacts:
    doc_id: str
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def in_sentence(self, index: int) -> SentenceFacts:
        return self._by_sentence.get(index, _NO_FACTS)

    @cached_property
    def _by_sentence(self) -> dict[int, SentenceFacts]:
        """Facts grouped by sentence index, in their order (built on first use; not a field)."""
        groups: dict[int, tuple[list[Any], list[Any], list[Any], list[Any]]] = {}
        kinds: tuple[tuple[Any, ...], ...] = (self.quantities, self.dates, self.entities, self.quotes)
        for position, items in enumerate(kinds):
            for item in items:
                groups.setdefault(item.sentence, ([], [], [], []))[position].append(item)
        return {index: SentenceFacts(tuple(q), tuple(d), tuple(e), tuple(u)) for index, (q, d, e, u) in groups.items()}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_by_sentence", None)  # rebuilt on use: not stored in the work cache
        return state


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()


_NO_FACTS = SentenceFacts()
