"""One flight, told two ways: which airline flew it ("A Delta Air Lines flight from New York to
Rome" vs "a United Airlines jet travelling from New York to Rome") and where it came down off its
route ("diverted to Shannon Airport" vs "made an unscheduled landing at Keflavik International
Airport in Iceland"). Part of C003 (entity roles): the operator and the diversion airport are one
each per flight. The places are small ones the gazetteer rarely knows, so they are read from the
words after the verb."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.checks.contradiction.common import _two_outlets_flag, _where, names_anywhere, unflagged_story_pairs
from auditor.checks.registry import CheckContext
from auditor.facts.entities import load_gazetteer
from auditor.facts.words import CALENDAR_WORDS, UPPER, plain, word_set
from auditor.model import Document, Flag

_CAPITALISED = rf"[{UPPER}][\w'’.-]*"
# An airline by its name: "Delta Air Lines", "United Airlines", "Qatar Airways", "Air Astana".
_AIRLINE = re.compile(
    rf"(?P<airline>(?:{_CAPITALISED}\s+){{0,2}}(?:Air\s+Lines|Airlines|Airways|Airline)\b|\bAir\s+(?!Force\b|Traffic\b)"
    rf"{_CAPITALISED}(?![\w'’.-])(?!\s+[{UPPER}]))"
)
# An airline by the brand before its craft: "A Scoot flight bound for Perth", "a Jetstar Asia plane".
_BRAND_CRAFT = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<brand>{_CAPITALISED}(?:\s+{_CAPITALISED})?)\s+(?:flight|plane|jet|airliner|aircraft)\b"
)
# Capitalised words before a craft that name no airline: makers, services, kinds of flight.
_NOT_OPERATORS = word_set(
    """boeing airbus embraer bombardier atr cessna antonov tupolev ilyushin sukhoi comac fokker piper
    beechcraft learjet gulfstream dassault cirrus pilatus lockheed mcdonnell douglas hercules dash twin
    navy army military police coast guard border rescue ambulance medical cargo charter government
    presidential royal state private passenger commercial national domestic international regional federal
    force marine marines customs emergency test training"""
)
# Coming down off the route: "diverted to", "made an emergency landing at", "was forced to land in".
_DIVERTED = re.compile(
    r"\b(?:divert(?:ed|s|ing)?\s+to|(?:made|make|makes|making)\s+an?\s+(?:emergency|unscheduled|unplanned|"
    r"precautionary|forced)\s+(?:landing|stop)\s+(?:at|in|on)|(?:forced|had)\s+to\s+land\s+(?:at|in|on)|"
    r"(?:emergency|unscheduled|forced)\s+landing\s+(?:at|in|on))\s+"
    # "the Caribbean city of Cartagena", "a field near Ashbourne", "farmland outside Moate"
    r"(?:(?:the|a|an)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|port|village|island|capital)\s+of\s+|"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:(?:of|near|outside|in|at)\s+)?)"
    rf"(?:Co\.?\s+|County\s+)?(?P<place>{_CAPITALISED})"
)
# Words every flight fact holds: an article without them is skipped in one search.
_MAY_FLY = re.compile(r"\bAir|divert|landing|\bland\b|flight|plane|\bjet\b|airliner|aircraft")
_NOT_PLACES = frozenset({"the", "a", "an", "flight", "its"})


@dataclass(frozen=True)
class FlightFact:
    doc_id: str
    kind: str  # "airline" | "landing"
    key: str  # the name's first word, plain: "delta", "keflavik"
    written: str
    start: int
    end: int


def flight_facts(doc: Document) -> list[FlightFact]:
    """The airlines an article names and the places it says a flight came down in."""
    found: list[FlightFact] = []
    if not _MAY_FLY.search(doc.text):
        return found
    for sentence in doc.active_sentences():
        text = sentence.text
        for match in _AIRLINE.finditer(text):
            written = match.group("airline")
            words = written.split()
            if len(words) > 1 and words[0] in ("The", "A", "An"):
                words = words[1:]
            found.append(_fact(doc, sentence.start, match, "airline", " ".join(words)))
        named = [(f.start - sentence.start, f.end - sentence.start) for f in found if f.kind == "airline"]
        for match in _BRAND_CRAFT.finditer(text):
            if _is_brand(match.group("brand")) and not any(s < match.end() and match.start() < e for s, e in named):
                found.append(_fact(doc, sentence.start, match, "airline", match.group("brand"), "brand"))
        for match in _DIVERTED.finditer(text):
            place = match.group("place").removesuffix("'s").removesuffix("’s")
            if place.lower() in _NOT_PLACES:
                continue
            found.append(_fact(doc, sentence.start, match, "landing", place))
    return found


def _fact(
    doc: Document, offset: int, match: re.Match[str], kind: str, written: str, group: int | str = 0
) -> FlightFact:
    key = plain(written.split()[0].lower())
    return FlightFact(doc.id, kind, key, written, offset + match.start(group), offset + match.end(group))


def _is_brand(written: str) -> bool:
    """Is the capitalised run before "flight" an airline's brand, not a maker ("A Boeing plane"), a
    service ("a Navy plane"), a place or nationality ("a Turkish flight"), a day or a route ("A
    Perth-bound flight")?"""
    gazetteer = load_gazetteer()
    words = written.split()
    return not any(
        w.lower() in _NOT_OPERATORS
        or w.lower() in CALENDAR_WORDS
        or gazetteer.lookup(w) is not None
        or any(c.isdigit() for c in w)
        or "-" in w
        for w in words[:1]
    ) and not any(w.lower() in _NOT_OPERATORS for w in words)


def one_contains_other(a: str, b: str) -> bool:
    """Is one place the other or inside it, as far as the gazetteer knows ("Tashkent" in
    "Uzbekistan")? Two cities of one country are two places."""
    gazetteer = load_gazetteer()
    entry_a, entry_b = gazetteer.lookup(a), gazetteer.lookup(b)
    if entry_a is None or entry_b is None:
        return False
    if entry_a.canonical == entry_b.canonical:
        return True
    return (
        "country" in (entry_a.kind, entry_b.kind) and entry_a.country is not None and entry_a.country == entry_b.country
    )


_MESSAGES = {
    "airline": ("names {a} as the airline; {other} names {b}.", "Check the flight number with the airline."),
    "landing": ("says the flight came down in {a}; {other} says {b}.", "Check with the airline or the airport."),
}


def flight_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """One airline, or one diversion place, per article; another in an article of the same story
    that never names the first."""
    by_doc: dict[str, dict[str, list[FlightFact]]] = {}
    for doc in ctx.documents:
        kinds: dict[str, list[FlightFact]] = {}
        for fact in flight_facts(doc):
            kinds.setdefault(fact.kind, []).append(fact)
        if len({f.key for f in kinds.get("airline", [])}) > 1:
            del kinds["airline"]  # two airlines: a codeshare, a rival, another flight
        if kinds:
            by_doc[doc.id] = kinds
    for a_id, b_id in unflagged_story_pairs(ctx, by_doc, reported):
        doc, other = ctx.document(a_id), ctx.document(b_id)
        for kind in ("airline", "landing"):
            mine, theirs = by_doc[a_id].get(kind), by_doc[b_id].get(kind)
            if not mine or not theirs:
                continue
            a, b = mine[0], theirs[0]
            if any(names_anywhere(other, f.key) for f in mine) or any(names_anywhere(doc, f.key) for f in theirs):
                continue  # one name; or the other article knows it (a codeshare, a stop on the way)
            if any(one_contains_other(x.written, y.written) for x in mine for y in theirs):
                continue
            message, suggestion = _MESSAGES[kind]
            yield _two_outlets_flag(
                doc,
                (a.start, a.end),
                other,
                (b.start, b.end),
                f"{_where(doc)} " + message.format(a=a.written, b=b.written, other=_where(other)),
                suggestion,
                0.6,
                f"flight-{kind}",
            )
            break
