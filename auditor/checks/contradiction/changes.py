"""A change in percent: the one rise or the one fall an article reports ("Switzerland's glaciers
lost 3.1 percent of their remaining volume" vs "the volume of ice ... shrank by just under 2
percent"; "an 8.9% increase in council tax" vs "council tax bills climb by 9.8 per cent"). Part of
C001: two such changes are compared between articles of one story however the sentences are
worded, when each article gives one change in that direction and the two say what changed with a
shared word ("glaciers", "council tax") and no clashing word before it ("food prices" vs "fuel
prices")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.checks.contradiction.common import _CLAUSE_BREAK, _sentence
from auditor.checks.contradiction.guards import agree_after_rounding
from auditor.checks.registry import CheckContext
from auditor.facts import document_facts
from auditor.facts.model import Quantity
from auditor.facts.numerals import NUMBER_WORDS
from auditor.facts.quantities import noun_key
from auditor.facts.words import CALENDAR_WORDS, stem, word_set
from auditor.model import Document

PERCENT_CHANGES_ARTIFACT = "percent_changes"

_UP_WORDS = word_set(
    """rose rise rises rising risen grew grow grows growing grown increase increased increases increasing
    climb climbed climbs climbing jump jumped jumps surge surged surges soar soared soars gain gained gains
    raise raised raises hike hiked hikes higher more up"""
)
_DOWN_WORDS = word_set(
    """fell fall falls falling fallen drop dropped drops dropping decline declined declines declining decrease
    decreased decreases shrank shrink shrinks shrinking shrunk lost lose loses losing loss shed sheds shedding
    slipped slip slips dipped dip dips plunged plunge plunges slumped slump contracted contract cut cuts
    reduced reduce reduction reductions lower less down"""
)
# "shrank by just under 2 percent", "climb by 9.8 per cent", "cut power tariffs by 11%": the
# verb of change a few words before "by" and the figure.
_BY_WORDS = 4
# "an 8.9% increase in council tax", "11% average cut in power tariffs", "17 percent less".
_NOUN_AFTER = re.compile(r"^\s*(?:(?:average|overall|annual|year-on-year)\s+)?(?P<word>[A-Za-z]+)\b")
_WHAT_AFTER = re.compile(r"^\s+(?:in|of|on)\s+(?P<what>[^,;:()]+)")
# Words that say what changed no more than "it" does.
_NOT_WHAT = word_set(
    """a an the of in on at by to for from with and or as than that which who this these those its their
    his her our it they he she we was were is are be been will would could should may might can has have
    had said says see sees saw average overall annual total just about around nearly almost some under
    over more less up down per cent percent year years month months week weeks past last next"""
)
# The period a change is over, in months: "over the past year" and "in the twelve months to
# September" are one period, "in ten years" and "this year" two, "first-half revenue" and "in 2025"
# two. A calendar year named ("in 2025") is also kept by its number.
_PERIOD_MONTHS = {"decade": 120, "year": 12, "half": 6, "quarter": 3, "month": 1, "week": 0.25}
_PERIOD = re.compile(r"\b(?:(?P<count>\w+)[\s-]+)?(?P<unit>decades?|years?|half|quarters?|months?|weeks?)\b", re.I)
_CALENDAR_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A change expected, not one measured: "expected revenue to grow by around 5%".
_OUTLOOK = re.compile(
    r"\b(?:expect|expects|expected|expecting|forecast|forecasts|forecasting|target|targets|targeting|"
    r"guidance|outlook|projected|projects|predicted|predicts|aims?)\b",
    re.I,
)
_WHAT_WORDS = 6  # words before the verb that can name what changed ("The volume of ice stored in ...")


@dataclass(frozen=True)
class PercentChange:
    quantity: Quantity
    direction: str  # "up" or "down"
    what: tuple[str, ...]  # stems of the words that say what changed, in their order


def _direction(word: str) -> str | None:
    lower = word.strip(".,;:'’").lower()
    return "up" if lower in _UP_WORDS else "down" if lower in _DOWN_WORDS else None


def _content(text: str) -> tuple[str, ...]:
    words = re.findall(r"[A-Za-z][A-Za-z-]*", text)
    return tuple(
        stem(w)
        for w in words
        if len(w) > 1
        and not w[0].isupper()  # a name says whose ("Swiss", "Switzerland's"), other checks read it
        and w.lower() not in _NOT_WHAT
        and w.lower() not in CALENDAR_WORDS
        and _direction(w) is None
    )


def percent_change(ctx: CheckContext, q: Quantity) -> PercentChange | None:
    """q read as a rise or fall in percent, with the words that say what rose or fell; None when
    q is a share, a level or anything else ("58.2% voting in favour", "turnout was 61.4%")."""
    if q.noun is None or noun_key(q.noun) != "percent":
        return None
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    start, end = q.start - sentence.start, q.end - sentence.start
    clause_before = _CLAUSE_BREAK.split(sentence.text[:start])[-1]
    clause_after = _CLAUSE_BREAK.split(sentence.text[end:])[0]
    words_before = clause_before.split()
    verb_at = None
    if words_before and words_before[-1].lower() == "by":
        near = range(max(0, len(words_before) - 1 - _BY_WORDS), len(words_before) - 1)
        verb_at = next((i for i in reversed(near) if _direction(words_before[i])), None)
    elif words_before and _direction(words_before[-1]) and words_before[-1].lower() not in ("up", "down"):
        verb_at = len(words_before) - 1  # "Switzerland's glaciers lost 3.1 percent"
    if verb_at is not None:
        # what changed: the words before the verb and, for "cut power tariffs by", those after it
        what = _content(
            " ".join(words_before[max(0, verb_at - _WHAT_WORDS) : verb_at] + words_before[verb_at + 1 : -1])
        )
        return PercentChange(q, _direction(words_before[verb_at]) or "", what) if what else None
    after = _NOUN_AFTER.match(clause_after)
    if after and _direction(after["word"]):
        rest = _WHAT_AFTER.match(clause_after[after.end() :])
        what = _content(" ".join(rest["what"].split()[:3])) if rest else ()
        return PercentChange(q, _direction(after["word"]) or "", what) if what else None
    return None


def _periods(text: str) -> frozenset[float | str]:
    """The lengths of the periods a sentence names, in months, and the calendar years it names."""
    found: set[float | str] = set(_CALENDAR_YEAR.findall(text))
    if found:
        found.add(12)
    for match in _PERIOD.finditer(text):
        unit = match["unit"].lower().rstrip("s")
        count = (match["count"] or "").lower()
        if unit == "half" and count not in ("first", "second"):
            continue  # "half of", "by half": no period
        number = float(count) if count.isdigit() else NUMBER_WORDS.get(count, 1)
        found.add(_PERIOD_MONTHS[unit] * number)
    return frozenset(found)


def _periods_differ(text_a: str, text_b: str) -> bool:
    periods_a, periods_b = _periods(text_a), _periods(text_b)
    return bool(periods_a and periods_b and not periods_a & periods_b)


def document_changes(ctx: CheckContext, doc_id: str) -> dict[str, list[PercentChange]]:
    """The one change in each direction an article reports, as each statement of it (a headline's
    and the lead's): none in a direction where it gives two different figures ("exports rose 5%,
    imports 3%")."""
    memo: dict[str, dict[str, list[PercentChange]]] = ctx.artifacts.setdefault(PERCENT_CHANGES_ARTIFACT, {})
    if doc_id not in memo:
        by_direction: dict[str, list[PercentChange]] = {}
        for q in document_facts(ctx)[doc_id].quantities:
            change = percent_change(ctx, q)
            if change is not None:
                by_direction.setdefault(change.direction, []).append(change)
        memo[doc_id] = {
            direction: found
            for direction, found in by_direction.items()
            if all(agree_after_rounding(found[0].quantity, c.quantity) for c in found[1:])
        }
    return memo[doc_id]


def _change_sentences(changes: list[PercentChange], doc: Document) -> str:
    """Every sentence that states an article's one change (a headline says less about the period
    than the lead)."""
    return " ".join(_sentence(doc, index).text for index in sorted({c.quantity.sentence for c in changes}))


def _modifier_before(what: tuple[str, ...], head: str) -> str | None:
    at = what.index(head)
    return what[at - 1] if at > 0 else None


def percent_changes_alike(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Are qa and qb their articles' one change in one direction, of a thing both name with a
    shared word and no two different words before it?"""
    a, b = percent_change(ctx, qa), percent_change(ctx, qb)
    if a is None or b is None or a.direction != b.direction:
        return False
    all_a, all_b = document_changes(ctx, qa.doc_id).get(a.direction), document_changes(ctx, qb.doc_id).get(b.direction)
    if (
        all_a is None
        or all_b is None
        or not agree_after_rounding(all_a[0].quantity, qa)
        or not agree_after_rounding(all_b[0].quantity, qb)
    ):
        return False
    text_a = _change_sentences(all_a, ctx.document(qa.doc_id))
    text_b = _change_sentences(all_b, ctx.document(qb.doc_id))
    if _periods_differ(text_a, text_b) or bool(_OUTLOOK.search(text_a)) != bool(_OUTLOOK.search(text_b)):
        return False  # this year's loss and the decade's; a forecast and the half-year's result
    shared = [w for w in a.what if w in b.what]
    if not shared:
        return False
    head = shared[-1]
    before_a, before_b = _modifier_before(a.what, head), _modifier_before(b.what, head)
    return before_a is None or before_b is None or before_a == before_b or before_a in b.what or before_b in a.what


def story_changes(ctx: CheckContext) -> dict[str, list[Quantity]]:
    """Each article's one rise and one fall, for the story-pair comparison."""
    return {
        doc_id: [changes[0].quantity for changes in document_changes(ctx, doc_id).values()]
        for doc_id in document_facts(ctx)
    }
