"""One flight, told two ways: which airline flew it ("A Delta Air Lines flight from New York to
Rome" vs "a United Airlines jet travelling from New York to Rome") and where it came down off its
route ("diverted to Shannon Airport" vs "made an unscheduled landing at Keflavik International
Airport in Iceland"). Part of C003 (entity roles): the operator and the diversion airport are one
each per flight. The places are small ones the gazetteer rarely knows, so they are read from the
words after the verb."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditor.checks.contradiction.common import OneOfAKind, one_name, one_of_a_kind_flags
from auditor.checks.registry import CheckContext
from auditor.facts.entities import load_gazetteer
from auditor.facts.words import CALENDAR_WORDS, UPPER, plain, word_set
from auditor.model import Document, Flag, Sentence

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


def flight_facts(doc: Document) -> list[OneOfAKind]:
    """The airlines an article names and the places it says a flight came down in."""
    found: list[OneOfAKind] = []
    if not _MAY_FLY.search(doc.text):
        return found
    for sentence in doc.active_sentences():
        text = sentence.text
        for match in _AIRLINE.finditer(text):
            written = match.group("airline")
            words = written.split()
            if len(words) > 1 and words[0] in ("The", "A", "An"):
                words = words[1:]
            found.append(_fact(doc, sentence, match, "airline", " ".join(words)))
        named = [(f.start - sentence.start, f.end - sentence.start) for f in found if f.kind == "airline"]
        for match in _BRAND_CRAFT.finditer(text):
            if _is_brand(match.group("brand")) and not any(s < match.end() and match.start() < e for s, e in named):
                found.append(_fact(doc, sentence, match, "airline", match.group("brand"), "brand"))
        for match in _DIVERTED.finditer(text):
            place = match.group("place").removesuffix("'s").removesuffix("’s")
            if place.lower() in _NOT_PLACES:
                continue
            found.append(_fact(doc, sentence, match, "landing", place))
    return found


def _fact(
    doc: Document, sentence: Sentence, match: re.Match[str], kind: str, written: str, group: int | str = 0
) -> OneOfAKind:
    key = plain(written.split()[0].lower())
    start, end = sentence.start + match.start(group), sentence.start + match.end(group)
    return OneOfAKind(doc.id, kind, key, written, start, end, sentence.index)


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


_MESSAGES = {
    "airline": ("names {a} as the airline; {other} names {b}.", "Check the flight number with the airline."),
    "landing": ("says the flight came down in {a}; {other} says {b}.", "Check with the airline or the airport."),
}


def flight_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """One airline, or one diversion place, per article; another in an article of the same story
    that never names the first."""
    yield from one_of_a_kind_flags(
        ctx, reported, flight_facts, _one_airline, lambda facts: facts[0], _MESSAGES, 0.6, "flight"
    )


def _one_airline(doc: Document, facts: Sequence[OneOfAKind]) -> bool:
    return facts[0].kind != "airline" or one_name(doc, facts)  # two airlines: a codeshare, a rival, another flight
