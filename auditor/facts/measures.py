"""Physical measures and sums of money: what a length, height, depth, weight, area, capacity,
speed, output, duration or amount in a sentence measures, in one unit.

Outlets of one story measure one object in the units their readers use ("a 23ft python" vs "a
python measuring 5.2 metres"; "31 pounds" vs "23 kilograms"), so every figure is converted with
pint (a maintained unit library) before two are compared. Beside the figure a measure keeps:
- its facets: which of an object's measures it is ("tall" vs "wide", "sustained winds" vs
  "gusts", "top speed" vs "average speed"): two measures with different facets are different
  measures of one thing;
- whether it is relative: a change ("raised by six metres", "fell 1.2 metres"), a part or a rest
  ("the first 233 km", "95 km remaining", "another 20 metres"), a distance to somewhere ("40
  kilometres south of Arkalyk", "40 metres above the summit") or a rate ("per day"). A relative
  measure is not the measure of the thing itself and is never compared as one;
- the noun it is written onto, when a compound says so ("a 12.4-kilogram iron meteorite").

Amounts of money are read the same way, within one currency (no exchange rate is fixed; "NZ$",
"US$" and a bare "$" are three), with facets that say what sum each is (a price, the price with
fees or the hammer price, an estimate, a cost, a budget, a grant, damages, compensation, revenue,
a quarter's or a half-year's): an amount whose words name no such sum is never compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from auditor.facts.model import Quantity, SentenceFacts
from auditor.facts.units import UNIT_SYMBOLS, currency_words
from auditor.facts.words import singular, stem, word_set
from auditor.model import Sentence

# The unit words quantities.py gives a measure's noun, as pint names them where pint spells them
# otherwise. News barrels are oil barrels and its "tons" metric ones (rounding covers a short ton).
_PINT_NAMES = {
    "kilo": "kilogram",
    "kilogramme": "kilogram",
    "gramme": "gram",
    "kmh": "kilometer / hour",
    "kph": "kilometer / hour",
    "sqkm": "kilometer ** 2",
    "barrel": "oil_barrel",
    "ton": "metric_ton",
    "tonne": "metric_ton",
    "kilowatt-hour": "kilowatt_hour",
    "megawatt-hour": "megawatt_hour",
    "gigawatt-hour": "gigawatt_hour",
    "terawatt-hour": "terawatt_hour",
    "metre": "meter",
    "litre": "liter",
    "ft": "foot",
}
# The units read as physical measures. Not days, weeks, months or years (ages, periods, terms:
# every story has several), not temperatures, not currencies, not percent.
_PHYSICAL_UNITS = word_set(
    """metre meter kilometre kilometer centimetre centimeter millimetre millimeter mile foot feet ft inch yard
    kilogram kilogramme kilo gram gramme carat tonne ton pound hectare acre sqkm litre liter gallon barrel kmh kph mph knot
    kilowatt megawatt gigawatt kilowatt-hour megawatt-hour gigawatt-hour terawatt-hour horsepower
    second minute hour"""
)
_GOLD_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?gold\b", re.IGNORECASE)
_ACROSS = re.compile(r"(?:\s*\([^)]*\))?\)?\s+across\b(?!\s+(?:the|a|an|[A-Z]))")
_ACROSS_STEM = stem("across")
# A unit's symbol as a compound's noun ("the 32-km stretch"); not "m", also a million ("a $5-m deal").
_SYMBOL_WORDS = {symbol: word for symbol, word in UNIT_SYMBOLS.items() if symbol.isalnum() and symbol != "m"}
# Words before a unit that belong to it: "square kilometres", "cubic metres", "nautical miles".
_UNIT_PREFIXES = word_set("square cubic nautical sq")

# Reference units: pint's dimensionality of each names the kind of measure.
_DIMENSION_OF = {
    "length": "meter",
    "mass": "kilogram",
    "area": "meter ** 2",
    "volume": "liter",
    "speed": "kilometer / hour",
    "power": "watt",
    "energy": "joule",
    "duration": "second",
}


def _stems_by_facet(words_by_facet: dict[str, str]) -> dict[str, frozenset[str]]:
    return {facet: frozenset(stem(w) for w in words.split()) for facet, words in words_by_facet.items()}


# Which of an object's measures the words around a figure name (stems of the words).
_FACET_WORDS = _stems_by_facet(
    {
        "height": "tall high height rise rises rising stand stands standing towering",
        "depth": "deep depth down beneath underground drop plunge",
        "length": "long length stretch stretches stretching extend extends extending",
        "width": "wide width across diameter wingspan breadth radius beam",
        "thickness": "thick thickness",
        "circumference": "circumference girth",
        "draught": "draught draft",
        "gust": "gust gusts gusting",
        "sustained": "sustained",
        "average": "average mean",
        "top": "top maximum peak",
        "output": "output generating generation producing",
        "capacity": "capacity installed",
        "service": "commercial cruising operational",
    }
)
# The kinds of measure a facet can be of: a "commercial" speed, not a "commercial" plant's power.
_FACET_DIMENSIONS = {
    **{facet: ("length",) for facet in ("height", "depth", "length", "width", "thickness", "circumference", "draught")},
    **{facet: ("speed",) for facet in ("gust", "sustained", "service")},
    **{facet: ("power", "energy", "volume") for facet in ("output", "capacity")},
}
# What an amount of money is: two amounts are compared only when the words around both say it is
# the same kind of sum (a price and an estimate, a cost and a grant are two sums), and the same
# period ("third-quarter revenue", "sales for the July-September quarter").
_MONEY_FACET_WORDS = _stems_by_facet(
    {
        "price": "sold fetched fetching price paid bought hammer",
        "hammer": "hammer knocked",
        "fees": "fee fees premium",
        "estimate": "estimate estimated",
        "cost": "cost costs costing",
        "budget": "budget",
        "spending": "spend spending aside allocate allocated earmark earmarked commit committed fund funding grant package",
        "damage": "damage damages insured",
        "compensation": "compensation compensate award awarded payout",
        "fine": "fine fined penalty",
        "revenue": "revenue revenues sales turnover",
        "profit": "profit profits earnings loss",
        "prize": "prize purse jackpot",
        "offer": "offer bid valuing",
        "salary": "salary wage wages contract",
        "loan": "loan loans borrow borrowing borrowed lend lending lent",
        "quarter": "quarter quarterly",
        "half": "half",
    }
)
_WHICH_DOLLAR = re.compile(r"\b(NZ|A|C|HK|S|NT|US|U\.S\.|Canadian|Australian|New Zealand|Hong Kong|Singapore)\s?\$?")
# The letters of a dollar the quantity reader leaves before the "$": "FJ$108 million", "T$2 million".
_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])([A-Z]{1,3})$")
_DOLLARS = {"U.S.": "US", "Canadian": "C", "Australian": "A", "New Zealand": "NZ", "Hong Kong": "HK", "Singapore": "S"}
# A measure of something else than the thing itself: a change, a part or a rest, a distance to
# somewhere, a rate.
_RELATIVE_BEFORE = re.compile(
    r"\b(?:by|another|other|extra|additional|further|more|first|last|final|next|remaining|rest|"
    r"rose|risen|raised|raising|fell|fallen|falls|dropped|drops|sank|sunk|shrank|shrunk|grew|grown|"
    r"climbed|gained|lost|lose|losing|cut|reduced|increased|extended|lengthened|shortened|widened|deepened|"
    r"heightened|retreated|moved|advanced|"
    r"within|later|earlier|ago|every|each|per|up\s+from|down\s+from|from|than|versus|vs\.?|compared\s+(?:with|to))"
    r"(?:\s+(?:to|the|a|an|its|their))?\s*$",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(
    r"^\s*(?:more|less|fewer|longer|shorter|higher|lower|deeper|taller|wider|heavier|lighter|further|farther|"
    r"remaining|left|to\s+go|away|off|from|north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"northeast|northwest|southeast|southwest|inland|offshore|outside|above|below|under|beyond|short\s+of|"
    r"behind|ahead|ago|later|earlier|each|apiece|per|a\s+day|a\s+year|a\s+week|a\s+month|an\s+hour|"
    r"a\s+second|an?\s+(?:annual|daily)|daily|annually|yearly|hourly|of\s+(?:the|its|their)\s+(?:total|whole))\b",
    re.IGNORECASE,
)
# A figure that has been superseded or is not yet: "the previous national record of 829kg", "the
# old record of 73 metres", "the originally planned 300 metres".
_NOT_NOW = word_set(
    """previous previously old former formerly prior earlier original originally planned initial initially
    proposed designed envisaged eventual eventually ultimate ultimately expanded expansion"""
)
# A figure the thing had before it changed: "The runway, which had 2,800 metres, was lengthened".
_HAD_BEFORE = re.compile(r"\b(?:which|that|it)\s+(?:had|measured|used\s+to\s+(?:be|have|measure))\s*$", re.I)
_CHANGED = re.compile(
    r"\b(?:lengthened|extended|expanded|widened|raised|deepened|enlarged|heightened|shortened|reduced|increased|"
    r"rebuilt|upgraded)\b",
    re.I,
)
# The thing the figure was given for changed after it, later in the sentence: "first announced in
# 2021 as a 400-megawatt facility, was scaled back".
_CHANGED_SINCE = re.compile(
    r"[^.;]*?\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:later\s+|since\s+|then\s+)?"
    r"(?:scaled\s+(?:back|down|up)|downsized|cut|reduced|trimmed|expanded|enlarged|lengthened|extended|shortened|"
    r"raised|increased|revised|redesigned)\b",
    re.IGNORECASE,
)
# A measure of a part: "a 1.2-kilogram fragment of the meteorite", "the 233-km first section".
_PART_WORDS = word_set(
    "fragment fragments piece pieces part parts portion portions section sections segment segments phase phases"
)
# A sentence about the standing record, not this event: "The record remains 333.6 million yen",
# "The record was set in 2019, when ... paid 333.6 million yen", "the world record of 5.98 metres".
_STANDING_RECORD = re.compile(
    r"\b[Tt]he\s+(?:previous\s+|old\s+|former\s+|existing\s+|standing\s+)?(?:[a-z-]+\s+)?record\s+"
    r"(?:remains|was|stood|stands|is|of|had|holder)\b"
)
# A verb that gives a thing's own extent from where it starts: "the pipeline stretches about 290 km
# from the Dikgatlhong Dam".
_SPANS = re.compile(
    r"\b(?:stretch|stretches|stretched|stretching|span|spans|spanned|spanning|extends|extending)\s*$", re.I
)
_FROM_TO = re.compile(r"\s*from\b[^,.;]{0,60}?\bto\b")
# "453 kilometers per hour": a length per hour is a speed.
_PER_HOUR = re.compile(r"\s*(?:per|an|a)\s+hour\b|/h\b")
# Inches after feet: "7ft 11in", "6 ft 5 in", "5 feet 3 inches".
_INCHES = re.compile(r"\s*(\d{1,2}(?:\.\d+)?)\s?(?:in|inches|inch|\"|”)(?![\w])")
_INCH = 0.0254
# A measure's conversion in brackets: "50 km (31 miles)".
_CONVERSION_GAP = re.compile(r"^\s*\(\s*(?:about|around|some|nearly|almost|roughly|approximately|or\s+)?\s*$")
# One sum in a second currency: "a US$48 million loan, or about FJ$108 million", "€5m (about £4.3m)".
_MONEY_CONVERSION_GAP = re.compile(
    r"^(?:\s+[a-z-]+){0,2}\s*(?:,\s*or|\(|—)\s*(?:about|around|some|nearly|almost|roughly|approximately)?"
    r"\s*(?:[A-Z]{1,3})?\s*$"
)
# Two units of one amount written together: "11 hours 4 minutes", "5 ft 3 in", "1 day, 9 hours and
# 15 minutes".
_COMPOUND_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$")
# The words a compound adjective writes the measure onto: "a 12.4-kilogram iron meteorite", "the
# 85-km stretch".
_COMPOUND = re.compile(r"^[^\s]*\d[^\s]*-[A-Za-z-]+$")
_NOUN_AFTER_COMPOUND = re.compile(r"\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)")
_NOT_NOUNS = word_set(
    """a an the of in on at by to for from with and or but as than that which who is are was were be been
    will would could should has have had it its their long tall high deep wide thick heavy"""
)
_MASS_CONTEXT = re.compile(r"\b(?:weigh\w*|weight|heav\w*|scales|tips?|tipp\w*)\b", re.IGNORECASE)
_MONEY_CONTEXT = re.compile(r"[£]|\b(?:million|billion|bn|sterling|fine\w*|cost\w*|pay\w*|price\w*|worth)\b", re.I)
# What a "ten-pound" thing is when it is money, not a weight.
_MONEY_THINGS = word_set("note banknote coin bill fine fee ticket voucher bet stake prize reward")
WINDOW_WORDS = 4
MEASURE_APPROXIMATION = 0.1  # "about" before a measure: a count's +-20% is for crowds and tolls
CONTEXT_WORDS = 6  # "hoisting 152kg in the clean and jerk for a total of 278kg": which lift each is
_CONTEXT_STOP = word_set(
    """a an the of in on at by to for from with and or but as than that which who its his her their is are
    was were be been has have had will would about around some nearly almost roughly approximately just over
    under more less up least this these those it"""
)
# What a thing holds "up to" is what it holds when full: its capacity, not a bound on it.
_HOLDS = re.compile(
    r"\b(?:hold|holds|store|stores|carry|carries|accommodate|accommodates|seat|seats)\s+$", re.IGNORECASE
)
BRACKET_ROUNDING = 0.05  # "31 miles" in brackets after "about 50 km" is a conversion, rounded
NOT_NOW_WORDS = 6  # "the old New Zealand record of 829kg"


@dataclass(frozen=True, slots=True)
class Measure:
    """A physical measure: its quantity (the first of a compound one), the text it spans, the
    kind of measure, its interval in base units (metres, kilograms, seconds ...), facets and
    whether it is relative (see the module docstring)."""

    quantity: Quantity
    start: int
    end: int
    text: str
    dimension: str
    value: float
    low: float
    high: float
    facets: frozenset[str]
    relative: bool
    object: str | None = None
    context: frozenset[str] = frozenset()  # stems of the words beside it: "in the clean and jerk"


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint  # about 0.3 s to load: only when a corpus has a physical measure

    return pint.UnitRegistry()


@lru_cache(maxsize=256)
def unit_reading(unit: str) -> tuple[str, float] | None:
    """('length', 1000.0) for 'kilometre': the kind of measure and the factor to its base unit;
    None for what is not a physical unit here."""
    words = unit.lower().split()
    if words:
        words[-1] = _SYMBOL_WORDS.get(words[-1], words[-1])
    if not words or (singular(words[-1]) not in _PHYSICAL_UNITS and words[-1] not in _PHYSICAL_UNITS):
        return None
    head = words[-1] if words[-1] in _PHYSICAL_UNITS else singular(words[-1])
    name = _PINT_NAMES.get(head, head)
    prefix = words[-2] if len(words) > 1 and words[-2] in _UNIT_PREFIXES else None
    if prefix in ("square", "sq"):
        name = f"({name}) ** 2"
    elif prefix == "cubic":
        name = f"({name}) ** 3"
    elif prefix == "nautical":
        name = "nautical_mile"
    registry = _registry()
    try:
        quantity = registry.Quantity(1, name).to_base_units()
    except Exception:  # pint's own errors: a name it does not know
        return None
    for dimension, reference in _DIMENSION_OF.items():
        if quantity.dimensionality == registry.Quantity(1, reference).dimensionality:
            return dimension, float(quantity.magnitude)
    return None


def _unit_words(q: Quantity) -> str | None:
    if not q.noun:
        return None
    words = q.noun.split()
    if len(words) > 1 and words[-2] in _UNIT_PREFIXES:
        return " ".join(words[-2:])
    return words[-1]


def _is_money(q: Quantity, sentence_text: str) -> bool:
    """ "£5,000" and "five million pounds" are money; "31 pounds" on a scale and "a 31-pound
    meteorite" are weights, "a ten-pound note" money."""
    if "£" in q.text or _MONEY_CONTEXT.search(q.text):
        return True
    if q.text.lower().endswith("-pound"):
        after = re.search(rf"{re.escape(q.text)}\s+(\w+)", sentence_text)
        return after is None or singular(after.group(1).lower()) in _MONEY_THINGS
    return not _MASS_CONTEXT.search(sentence_text)


def read_measures(sentence: Sentence, facts: SentenceFacts) -> list[Measure]:
    """The physical measures of one sentence's quantities."""
    return sentence_measures(facts.quantities, sentence.text, sentence.start)


def sentence_measures(quantities: Sequence[Quantity], sentence_text: str, sentence_start: int) -> list[Measure]:
    """The physical measures among one sentence's quantities, compound ones joined ("11 hours 4
    minutes", "7ft 11in"); a conversion in brackets ("50 km (31 miles) east") is read as the
    measure before it."""
    found: list[Measure] = []
    for q in quantities:
        unit = _unit_words(q)
        figure_start = q.start - sentence_start
        reading = (
            _money_reading(q, unit, sentence_text, sentence_text[max(0, figure_start - 3) : figure_start])
            if unit
            else None
        )
        if reading is None and unit and not (singular(unit.split()[-1]) == "pound" and _is_money(q, sentence_text)):
            reading = unit_reading(unit)
        if reading is None or q.kind == "vague":
            continue
        if unit and singular(unit.split()[-1]) == "carat" and _GOLD_AFTER.match(sentence_text, q.end - sentence_start):
            continue  # "18-carat gold" is how pure the gold is, not what it weighs
        if found and q.start < found[-1].end:
            continue  # the inches already read with "6 feet 5 inches"
        dimension, factor = reading
        start, end = q.start - sentence_start, q.end - sentence_start
        extra = 0.0
        per_hour = _PER_HOUR.match(sentence_text, end) if dimension == "length" else None
        if per_hour:
            dimension, factor, end = "speed", factor / 3600, per_hour.end()
        inches = _INCHES.match(sentence_text, end) if unit in ("foot", "feet") else None
        if inches:
            extra, end = float(inches.group(1)) * _INCH, inches.end()
        low, high = q.low, q.high
        if q.kind == "upper_bound" and _HOLDS.search(sentence_text[:start]):
            low = high = q.value  # "the reservoir will store up to 1.2 trillion litres": its capacity
        if q.kind == "approximate" and q.low < q.value < q.high:
            # "about 50 metres", "roughly 190 miles": a measure rounded, not a crowd guessed at
            low, high = q.value * (1 - MEASURE_APPROXIMATION), q.value * (1 + MEASURE_APPROXIMATION)
        elif q.kind == "approximate" and q.low == q.value < q.high:
            high = q.value * (1 + MEASURE_APPROXIMATION)  # "just over 13 feet"
        elif q.kind == "approximate" and q.low < q.value == q.high:
            low = q.value * (1 - MEASURE_APPROXIMATION)  # "just under two metres"
        facets = _facets(
            sentence_text, start, end, _MONEY_FACET_WORDS if dimension.startswith("money") else _FACET_WORDS, dimension
        )
        if dimension == "power" and _COMPOUND.match(q.text):
            facets = frozenset({"capacity"})  # "a 150-megawatt plant" is rated, not running, at 150 MW
        measure = Measure(
            q,
            q.start,
            sentence_start + end,
            sentence_text[start:end],
            dimension,
            q.value * factor + extra,
            low * factor + extra,
            high * factor + extra,
            facets,
            _relative(sentence_text, start, end),
            _object(q, sentence_text, end),
            _context(sentence_text, start, end),
        )
        previous = found[-1] if found and found[-1].dimension == dimension else None
        gap = sentence_text[previous.end - sentence_start : start] if previous else ""
        if previous and _COMPOUND_GAP.match(gap) and _smaller_part(previous, measure):
            found[-1] = replace(  # "11 hours 4 minutes": one duration
                previous,
                end=measure.end,
                text=sentence_text[previous.start - sentence_start : end],
                value=previous.value + measure.value,
                low=previous.low + measure.low,
                high=previous.high + measure.high,
                relative=previous.relative or measure.relative,
                context=_context(sentence_text, previous.start - sentence_start, end),
            )
        elif _money_conversion(found, measure, sentence_text[found[-1].end - sentence_start : start] if found else ""):
            # "a US$48 million loan, or about FJ$108 million": the second is the loan too
            found.append(replace(measure, facets=found[-1].facets | measure.facets, context=found[-1].context))
        elif previous and _CONVERSION_GAP.match(gap):
            # "about 50 km (31 miles) east of the city": the bracket says what the first one does
            relative = (
                previous.relative
                or measure.relative
                or _relative(sentence_text, previous.start - sentence_start, _bracket_end(sentence_text, end))
            )
            # and it is one amount known to both figures, the bracket's rounded once more: "about 210
            # miles (340 kilometers)" is 323 to 357 km, not 304 to 372
            low = max(previous.low, min(measure.low, measure.value * (1 - BRACKET_ROUNDING)))
            high = min(previous.high, max(measure.high, measure.value * (1 + BRACKET_ROUNDING)))
            if low > high:
                low, high = min(previous.low, measure.low), max(previous.high, measure.high)
            found[-1] = replace(previous, relative=relative, low=low, high=high)
            found.append(
                replace(measure, relative=relative, facets=previous.facets | measure.facets, low=low, high=high)
            )
        else:
            found.append(measure)
    return found


def _money_conversion(found: Sequence[Measure], measure: Measure, gap: str) -> bool:
    """Is `measure` the sum before it again, in another currency (`gap` is the text between them)?"""
    return (
        bool(found)
        and measure.dimension.startswith("money")
        and found[-1].dimension.startswith("money")
        and found[-1].dimension != measure.dimension
        and bool(_MONEY_CONVERSION_GAP.match(gap))
    )


def _smaller_part(previous: Measure, measure: Measure) -> bool:
    """Can `measure` be the rest of `previous` ("11 hours 4 minutes": less than it, and not
    qualified on its own)? "At a depth of 22 metres about 1.5 kilometres from the beach" is two."""
    return measure.value < previous.value and measure.quantity.kind == "exact"


def _context(sentence_text: str, start: int, end: int) -> frozenset[str]:
    """Stems of the content words beside a figure in its clause, up to another figure."""
    before = re.split(r"\d", _CLAUSE_BREAK.split(sentence_text[:start])[-1])[-1].split()[-CONTEXT_WORDS:]
    after = re.split(r"\d", _CLAUSE_BREAK.split(sentence_text[end:])[0])[0].split()[:CONTEXT_WORDS]
    words = (w.strip(".,;:!?'’").lower() for w in (*before, *after))
    return frozenset(
        stem(w) for w in words if w.isalpha() and w not in _CONTEXT_STOP and unit_reading(singular(w)) is None
    )


def _bracket_end(sentence_text: str, end: int) -> int:
    closing = sentence_text.find(")", end)
    return end if closing < 0 else closing + 1


_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]")


def _window(sentence_text: str, start: int, end: int, words: int = WINDOW_WORDS) -> list[str]:
    # up to the clause's edge or another figure ("1.96 m tall and weighs 142 kg": 142 kg is no height)
    before = re.split(r"\d", _CLAUSE_BREAK.split(sentence_text[:start])[-1])[-1].split()[-words:]
    after = re.split(r"\d", _CLAUSE_BREAK.split(sentence_text[end:])[0])[0].split()[:words]
    written = sentence_text[start:end].replace("-", " ").split()
    return [w.strip(".,;:!?'’").lower() for w in (*before, *written, *after)]


def _facets(
    sentence_text: str, start: int, end: int, vocabulary: dict[str, frozenset[str]], dimension: str
) -> frozenset[str]:
    # a compound word names its facet last ("30-metre-high"); "high-speed" is no height
    stems = {stem(w.split("-")[-1]) for w in _window(sentence_text, start, end) if w.split("-")[-1].isalpha()}
    if not _ACROSS.match(sentence_text, end):
        stems.discard(_ACROSS_STEM)  # "swam 31 miles across the Palk Strait" is no width; "12 metres across" is
    return frozenset(
        facet
        for facet, words in vocabulary.items()
        if stems & words and dimension in _FACET_DIMENSIONS.get(facet, (dimension,))
    )


def _money_reading(q: Quantity, unit: str, sentence_text: str, before: str = "") -> tuple[str, float] | None:
    """('money:euro', 1.0) for an amount of euros: money is compared within one currency only (no
    rate is fixed); "pounds" on a scale are a weight."""
    currency = singular(unit.split()[-1])
    if currency not in currency_words() or (currency == "pound" and not _is_money(q, sentence_text)):
        return None
    if currency == "dollar":  # "NZ$19 million" and "US$11.4 million" are two currencies; "$" alone a third
        which = _WHICH_DOLLAR.search(q.text) or (_DOLLAR_PREFIX.search(before) if q.text.startswith("$") else None)
        currency = f"dollar ({_DOLLARS.get(which.group(1), which.group(1))})" if which else "dollar"
    return f"money:{currency}", 1.0


def _relative(sentence_text: str, start: int, end: int) -> bool:
    before = _CLAUSE_BREAK.split(sentence_text[:start])[-1]
    before = re.sub(
        r"\b(?:about|around|some|nearly|almost|roughly|approximately|just|over|under|up\s+to|at\s+least)\s*$",
        "",
        before.rstrip(),
        flags=re.I,
    )
    if (_NOT_NOW | _PART_WORDS) & set(_window(sentence_text, start, end, NOT_NOW_WORDS)):
        return True
    if _HAD_BEFORE.search(before) and _CHANGED.search(sentence_text):
        return True  # "The runway, which had 2,800 metres, was lengthened": the figure before the works
    if _CHANGED_SINCE.match(sentence_text, end):
        return True  # "first announced as a 400-megawatt facility, was scaled back": the figure before
    if _STANDING_RECORD.search(sentence_text[:start]):
        return True  # a record named before the figure: "The record was set in 2019, when ... paid 333.6 million yen"
    after = re.sub(r"^\s*\([^)]*\)", "", sentence_text[end:])  # "50 km (31 miles) east"
    if _FROM_TO.match(after) or (_SPANS.search(before) and re.match(r"\s*from\b", after)):
        return False  # "stretches 52 km from Swakopmund to Arandis": the span, not a distance to a place
    return bool(_RELATIVE_BEFORE.search(before)) or bool(_RELATIVE_AFTER.match(after))


def _object(q: Quantity, sentence_text: str, end: int) -> str | None:
    """The noun a compound measure is written onto: "a 12.4-kilogram iron meteorite" -> meteorite."""
    if not _COMPOUND.match(q.text):
        return None
    match = _NOUN_AFTER_COMPOUND.match(sentence_text, end)
    if match is None:
        return None
    words = []
    for word in match.group(1).split():
        if word in _NOT_NOUNS:
            break
        words.append(word)
    return singular(words[-1]) if words else None
