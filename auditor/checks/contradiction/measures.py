"""C001 measures: the one length, height, depth, weight, area, capacity, speed, output or duration
two articles of one story give for one thing, in whatever units each writes it.

"Residents captured a reticulated python measuring 5.2 metres" and "Villagers have captured a
23ft reticulated python" share no unit and little wording; the aligner need not pair them and
the counted-noun comparison cannot (metres are not feet). Each article's physical measures are
read with auditor.facts.measures, and two articles of one story are compared on the one figure
each gives for a kind of measure (a length, a weight), facet by facet ("sustained winds" are not
"gusts"): after conversion and rounding the two must not meet, and lie within MEASURE_RATIO of
each other (a misreported measure lies near the right one; "4.5 metres" of snow on a mountain and
"1.4 metres" in the city are two places). A changed, partial or remaining measure, a distance to
somewhere and a rate are never the thing's own measure; an article giving two figures for one
kind of measure (a current height and a raised one, two wells) has no one figure to compare, and
two figures whose difference either article gives as a change ("stretched it by eight metres")
are the thing before and after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditor.checks.contradiction.common import (
    _names_in,
    _sentence,
    _severity,
    _timing,
    _where,
    numbered_parts,
    published_within,
    unflagged_story_pairs,
)
from auditor.checks.contradiction.guards import (
    clause_bounds,
    clause_place_mentions,
    event_days,
    named_sources,
    places_differ,
    reports_change,
    rounding_slack,
)
from auditor.checks.registry import CheckContext
from auditor.facts import document_facts
from auditor.facts.measures import Measure, read_measures, unit_reading
from auditor.facts.model import Quantity
from auditor.facts.words import UPPER, plain, stem
from auditor.model import Evidence, Flag

MEASURE_RATIO = 2.0
MEASURE_DAYS = 2  # a later article may measure a later state (a river's level, a crater's depth)
MEASURE_CONFIDENCE = 0.45  # below DOUBTFUL: read from the story, not from sentences the aligner pairs
CONVERSION_SLACK = 0.05  # "23ft" is 7.01 metres, "a 5-mile road" 8 km: a converted figure is rounded
MEASURES_ARTIFACT = "physical_measures"
DESIGNATIONS_ARTIFACT = "measure_designations"
COMPOUND_PARTS_ARTIFACT = "compound_measure_parts"


def document_measures(ctx: CheckContext, doc_id: str) -> list[Measure]:
    """Every physical measure of an article (memoised per article)."""
    memo: dict[str, list[Measure]] = ctx.artifacts.setdefault(MEASURES_ARTIFACT, {})
    if doc_id not in memo:
        doc, facts = ctx.document(doc_id), document_facts(ctx)[doc_id]
        found: list[Measure] = []
        for index in sorted({q.sentence for q in facts.quantities} | {d.sentence for d in facts.dates}):
            found.extend(read_measures(_sentence(doc, index), facts.in_sentence(index)))
        memo[doc_id] = found
    return memo[doc_id]


def compound_parts(ctx: CheckContext, doc_id: str) -> frozenset[tuple[str, int]]:
    """(doc, start) of the quantities that one measure joins with another ("6 minutes 51 seconds",
    "7ft 11in"), memoised per article: the count check leaves them to the measure reading."""
    memo: dict[str, frozenset[tuple[str, int]]] = ctx.artifacts.setdefault(COMPOUND_PARTS_ARTIFACT, {})
    if doc_id not in memo:
        quantities = document_facts(ctx)[doc_id].quantities
        memo[doc_id] = frozenset(
            (doc_id, q.start)
            for m in document_measures(ctx, doc_id)
            if sum(m.start <= x.start < m.end for x in quantities) > 1
            for q in quantities
            if m.start <= q.start < m.end
        )
    return memo[doc_id]


def _interval(m: Measure, slack: float) -> tuple[float, float]:
    # the slack is a figure's rounding, which its interval ("380": 375 to 385) already is in part:
    # widen the interval to it, not by it
    return min(m.low, m.value * (1 - slack)), max(m.high, m.value * (1 + slack))


def _slack(m: Measure, converted: bool) -> float:
    """A figure's rounding, or a converted one's ("23ft" for 7 metres), whichever is the wider: a
    round figure in another unit is rounded once, not twice."""
    return max(rounding_slack(m.quantity), CONVERSION_SLACK if converted else 0.0)


def _converted(a: Measure, b: Measure) -> bool:
    """Is one figure in another unit than the other? "kilometre" and "kilometer" are one unit."""
    reading_a = unit_reading(a.quantity.noun or "")
    reading_b = unit_reading(b.quantity.noun or "")
    if reading_a is None or reading_b is None:
        return a.quantity.noun != b.quantity.noun
    return reading_a != reading_b


def _agree(a: Measure, b: Measure) -> bool:
    """Can one amount be written as both, each with its rounding (and a conversion's)?"""
    converted = _converted(a, b)
    low_a, high_a = _interval(a, _slack(a, converted))
    low_b, high_b = _interval(b, _slack(b, converted))
    return low_a <= high_b and low_b <= high_a


def _near(a: Measure, b: Measure) -> bool:
    low, high = sorted((a.value, b.value))
    return low > 0 and high <= low * MEASURE_RATIO


# A thing's designation: "the Zhenis-1 exploration well", "KJ-41", "the CR450 prototype".
_DESIGNATION = re.compile(r"\b[A-Z][A-Za-z]*-?\d+[A-Za-z]?\b")


def _document_designations(ctx: CheckContext, doc_id: str) -> frozenset[str]:
    """The designations anywhere in an article (memoised per article: asked once per pair of measures)."""
    memo: dict[str, frozenset[str]] = ctx.artifacts.setdefault(DESIGNATIONS_ARTIFACT, {})
    if doc_id not in memo:
        memo[doc_id] = frozenset(_DESIGNATION.findall(ctx.document(doc_id).text))
    return memo[doc_id]


# Which of two things of a kind: "the north tower", "its upper reservoir".
_WHICH_ONE = re.compile(
    r"\b((?i:north|south|east|west|northern|southern|eastern|western|upper|lower|inner|outer|left|right))\s+([a-z]+)\b"
)


def _which_one(text: str) -> dict[str, str]:
    """noun -> the word that says which one ("tower" -> "north")."""
    return {m.group(2): m.group(1).lower() for m in _WHICH_ONE.finditer(text)}


# A tower's height to its roof and with its spire or antenna are two heights.
_TIP = re.compile(r"\b(?:spire|antenna|pinnacle|mast)s?\b", re.IGNORECASE)
_ROOF = stem("roof")


def _to_roof(m: Measure) -> bool:
    return m.dimension == "length" and _ROOF in m.context


def _objects_differ(ctx: CheckContext, a: Measure, b: Measure) -> bool:
    """ "a 12-metre boat" vs "the 15-metre whale", "the Zhenis-1 well" vs "its Zhenis-2 well": two
    things, unless either sentence names the other's."""
    doc_a, doc_b = ctx.document(a.quantity.doc_id), ctx.document(b.quantity.doc_id)
    text_a, text_b = _sentence(doc_a, a.quantity.sentence).text, _sentence(doc_b, b.quantity.sentence).text
    # a headline's "5,120-metre exploration well" is the Zhenis-1 its article names
    designations_a = set(_DESIGNATION.findall(text_a)) or _document_designations(ctx, doc_a.id)
    designations_b = set(_DESIGNATION.findall(text_b)) or _document_designations(ctx, doc_b.id)
    if designations_a and designations_b and not designations_a & designations_b:
        return True
    which_a = _which_one(text_a[: a.quantity.start - _sentence(doc_a, a.quantity.sentence).start])
    which_b = _which_one(text_b[: b.quantity.start - _sentence(doc_b, b.quantity.sentence).start])
    if any(which_a[noun] != which_b[noun] for noun in which_a.keys() & which_b.keys()):
        return True  # "The north tower ... 302 meters" vs "The complex's south tower, at 268 meters"
    parts_a, parts_b = _numbered(ctx, a), _numbered(ctx, b)
    if parts_a and parts_b and not parts_a & parts_b:
        return True  # "a 187-kilometre 14th stage" vs "the ninth stage, a 175-kilometre route"
    if (_to_roof(a) and _TIP.search(doc_b.text) and not _TIP.search(text_a)) or (
        _to_roof(b) and _TIP.search(doc_a.text) and not _TIP.search(text_b)
    ):
        return True  # "rising 388 metres to its roof" vs a tower whose spire the other article tops out
    if not a.object or not b.object or a.object == b.object:
        return False
    return a.object not in text_b.lower() and b.object not in text_a.lower()


def _numbered(ctx: CheckContext, m: Measure) -> frozenset[tuple[str, str]]:
    """Which numbered part of a route m measures, by its sentence or, when that names none (a
    headline's "187-km stage"), by the article's sentences that give the same figure."""
    doc = ctx.document(m.quantity.doc_id)
    parts = _route_parts(_sentence(doc, m.quantity.sentence).text)
    if parts:
        return parts
    same = {x.quantity.sentence for x in document_measures(ctx, doc.id) if x.dimension == m.dimension and _agree(x, m)}
    return frozenset().union(*(_route_parts(_sentence(doc, index).text) for index in same))


def _route_parts(text: str) -> frozenset[tuple[str, str]]:
    # a stage or a leg is a part of a route; "on the second day" of a search says when, not which thing
    return frozenset(part for part in numbered_parts(text) if part[0] in ("stage", "leg", "heat"))


def _owners(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """The names in q's clause before it: whose measure it is ("Olive groves in the province of
    Jaén are expected to produce about 570,000 tonnes", "Andalusia will produce 1.03 million
    tonnes"), not where it was seen ("spotted near boats at a Cairns marina") nor where the one
    measured comes from ("The 24-year-old from Hanuabada village lifted 126kg")."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    start = q.start - sentence.start
    lo, _ = clause_bounds(sentence.text, start, q.end - sentence.start)
    before = plain(sentence.text[lo:start].lower())
    return frozenset(
        name
        for name in _names_in(ctx, q.doc_id, q.sentence)
        if ":" not in name and re.search(rf"(?<!from )\b{re.escape(name)}\b", before)
    )


# Who measured a figure, where no one "said" it: "satellite images analysed by SkyTruth show",
# "data from the Copernicus service", "Copernicus measurements show".
_MEASURED_BY = re.compile(
    r"\b(?:analy[sz]ed|measured|estimated|calculated|compiled|recorded|collected|mapped|data|figures|images|measurements)"
    r"\s+(?:by|from)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?P<by>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)"
    r"|(?P<shown>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s+(?:data|figures|images|measurements|estimates|readings)\s+(?:show|showed|shows|suggest)"
    r"|according\s+to\s+(?:the\s+)?(?P<named>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)"  # a named authority, which saying verbs leave out
    r"|^(?P<headed>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*):\s"  # a headline's "Environment Ministry: 11,900 barrels spilled"
    # "The Ministry of Environment estimated on Monday that 11,900 barrels": who estimated it
    r"|(?P<estimator>[A-Z][\w-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]+)*(?:\s+\([A-Z]{2,}\))?)\s+"
    r"(?:estimated|estimates|calculated|calculates)\b"
    # "Kilifi county fisheries officials put its weight at around 60 tonnes": who put it there
    r"|\b(?!(?:The|A|An|Its|Their)\b)(?P<putter>[A-Z][\w-]+)(?:\s+[a-z][\w-]*){0,3}\s+(?:put|puts|putting)\s+"
    r"(?:its|the|their|his|her)\s+(?:[a-z]+\s+){0,2}at\b"
)


def _measure_sources(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """Whoever gave or measured the figure (numeric's saying verbs, and measuring ones)."""
    text = _sentence(ctx.document(q.doc_id), q.sentence).text
    measured = {
        stem(w.lower())
        for m in _MEASURED_BY.finditer(text)
        for w in (
            m.group("by")
            or m.group("shown")
            or m.group("named")
            or m.group("headed")
            or m.group("estimator")
            or m.group("putter")
        )
        .replace("(", " ")
        .replace(")", " ")
        .split()
    }
    return named_sources(ctx, q) | measured


def _years(ctx: CheckContext, q: Quantity, *, named_only: bool = False) -> frozenset[int]:
    """The years q's clause is about: those its dates name, else (unless `named_only`) the year it
    came out."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    lo, hi = clause_bounds(sentence.text, q.start - sentence.start, q.end - sentence.start)
    years: set[int] = set()
    for d in document_facts(ctx)[q.doc_id].in_sentence(q.sentence).dates:
        if d.earliest and d.latest and lo <= d.start - sentence.start and d.end - sentence.start <= hi:
            years.update(range(d.earliest.year, d.latest.year + 1))
    published = ctx.document(q.doc_id).published
    return frozenset(years or ({published.year} if published and not named_only else set()))


_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
_FROM = re.compile(r"\bfrom\s")


def _destinations(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """The places q's clause sends it to: "shipped a record 960,000 metric tons of avocados to the
    United States" is the part of the season's exports that went there."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    lo, _ = clause_bounds(sentence.text, q.start - sentence.start, q.end - sentence.start)
    return frozenset(
        e.canonical
        for e in clause_place_mentions(ctx, q)
        if _TO_BEFORE.search(sentence.text, 0, e.start - sentence.start)
        and not _FROM.search(sentence.text, lo, e.start - sentence.start)  # a route: "from Faw to Nasiriyah"
    )


# Where a reading was taken: "at Kuwait International Airport", "the station in Kuwait City".
_STATION = re.compile(
    rf"\b(?:(?P<kind>station|gauge|observatory|airport|buoy)\s+)?(?:at|in)\s+(?:the\s+)?"
    rf"(?P<name>[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*){{0,3}})"
)
_STATION_NAMES = re.compile(r"\b(?:Airport|Station|Observatory|Airbase|Base|Gauge)$")


def _stations(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """The measuring points q's clause names: readings at two stations are two readings."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    lo, hi = clause_bounds(sentence.text, q.start - sentence.start, q.end - sentence.start)
    return frozenset(
        plain(m.group("name").lower())
        for m in _STATION.finditer(sentence.text, lo, hi)
        if m.group("kind") or _STATION_NAMES.search(m.group("name"))
    )


def _guards_pass(ctx: CheckContext, qa: Quantity, qb: Quantity, *, money: bool) -> bool:
    """The counts' guards that hold of any figure: names, named sources, places, days, an update."""
    owners_a, owners_b = _owners(ctx, qa), _owners(ctx, qb)
    if (
        owners_a
        and owners_b
        and not owners_a & owners_b
        and not _names_in(ctx, qa.doc_id, qa.sentence) & _names_in(ctx, qb.doc_id, qb.sentence)
    ):
        return False  # "the province of Jaén" vs "Andalusia": a part and its whole (not one swimmer's two starts)

    if _destinations(ctx, qa) != _destinations(ctx, qb):
        return False  # the exports to one country vs the season's exports
    stations_a, stations_b = _stations(ctx, qa), _stations(ctx, qb)
    if stations_a and stations_b and not stations_a & stations_b:
        return False  # gusts at the airport vs at the city's station
    if places_differ(ctx, qa, qb):
        return False  # snow at a mountain station vs in the city
    sources_a, sources_b = _measure_sources(ctx, qa), _measure_sources(ctx, qb)
    if sources_a and sources_b and not sources_a & sources_b:
        return False  # each outlet names its own source
    # a sum's year is the article's unless its clause names one ("the record of 333.6 million yen was
    # set in 2019"; next year's budget and this year's); a thing's weight is not dated by the year
    # its clause says it was found ("unearthed the 11kg iron ... in September 2023")
    years_a, years_b = _years(ctx, qa, named_only=not money), _years(ctx, qb, named_only=not money)
    if years_a and years_b and not years_a & years_b:
        return False
    days_a, days_b = event_days(ctx, qa), event_days(ctx, qb)
    if days_a and days_b and not days_a & days_b:
        return False  # Friday's level vs Saturday's peak
    return not (reports_change(ctx, qa, qb) or reports_change(ctx, qb, qa))


def _facets_compatible(a: Measure, b: Measure) -> bool:
    """One measure of a thing, unless both name which and the names differ ("gusts" vs "sustained");
    amounts of money only when both say what sum they are, and the same."""
    if a.dimension != b.dimension:
        return False
    if a.dimension.startswith("money"):
        return bool(a.facets) and a.facets == b.facets
    return not a.facets or not b.facets or a.facets == b.facets


def _rivals(m: Measure, own: Sequence[Measure], other: Measure, others: Sequence[Measure]) -> list[Measure]:
    """The other figures m's article gives near the other article's that disagree with m, less
    those the other article also gives ("lies in some 72 feet of water" beside "a hull of about
    90 feet" is the other's "depth of 22 metres", not a second hull length)."""
    return [
        x
        for x in own
        if x is not m
        and _facets_compatible(x, other)
        and _near(x, other)
        and not _agree(m, x)
        and not any(_agree(x, y) and _facets_compatible(x, y) for y in others if y is not other)
    ]


def _alone_near(m: Measure, own: Sequence[Measure], other: Measure, others: Sequence[Measure]) -> bool:
    """Is m the one figure its article gives near the other article's (all others near it agree
    with m)? "A 150-megawatt plant" is compared with "a capacity of 200 MW" though the second
    article also gives the country's 17 GW."""
    return not _rivals(m, own, other, others)


def _named_alike(m: Measure, own: Sequence[Measure], other: Measure, others: Sequence[Measure]) -> bool:
    """Is m the one figure near the other's that words beside both name? Of "hoisting 152kg in the
    clean and jerk for a total of 278kg" and "126kg in the snatch", the words only 152kg has
    ("clean") are beside "Gubag's 157-kilogram clean and jerk", and no rival's own words are."""
    rivals = _rivals(m, own, other, others)
    if not rivals:
        return False
    shared = frozenset().union(*(x.context for x in rivals))
    return bool((m.context - shared) & other.context) and not any(
        (x.context - m.context) & other.context for x in rivals
    )


def _one_near(m: Measure, own: Sequence[Measure], other: Measure, others: Sequence[Measure]) -> bool:
    return _alone_near(m, own, other, others) or _named_alike(m, own, other, others)


def _difference_told(ctx: CheckContext, a: Measure, b: Measure) -> bool:
    """Does either article give the difference between the two as a change or a part ("was to
    measure 150 metres. Later redesigns stretched it by eight metres" beside "the 158-metre
    vessel")? Then the two are the thing before and after, or a part and the whole."""
    high, low = (a, b) if a.value >= b.value else (b, a)
    least, most = max(0.0, high.low - low.high), high.high - low.low
    for doc_id in (a.quantity.doc_id, b.quantity.doc_id):
        for change in document_measures(ctx, doc_id):
            # a bound ("more than 20 kilos") states no amount
            if change.relative and change.dimension == a.dimension and change.quantity.kind in ("exact", "approximate"):
                change_low, change_high = _interval(change, _slack(change, converted=False))
                if change_low <= most and least <= change_high:
                    return True
    return False


def _disputes(ctx: CheckContext, a: str, b: str) -> Iterator[tuple[Measure, Measure]]:
    own_a = [m for m in document_measures(ctx, a) if not m.relative]
    own_b = [m for m in document_measures(ctx, b) if not m.relative]
    seen: set[str] = set()  # one finding per kind of measure and pair of articles
    for ma in own_a:
        for mb in own_b:
            if not _facets_compatible(ma, mb) or _agree(ma, mb) or not _near(ma, mb):
                continue
            if any(_agree(x, mb) for x in own_a if _facets_compatible(x, mb)) or any(
                _agree(x, ma) for x in own_b if _facets_compatible(x, ma)
            ):
                continue  # each article also gives the other's figure: two measures, not a dispute
            if not _one_near(ma, own_a, mb, own_b) or not _one_near(mb, own_b, ma, own_a):
                continue
            if ma.dimension in seen:
                continue
            if _difference_told(ctx, ma, mb):
                continue
            if _objects_differ(ctx, ma, mb) or not _guards_pass(
                ctx, ma.quantity, mb.quantity, money=ma.dimension.startswith("money")
            ):
                continue
            seen.add(ma.dimension)
            yield ma, mb


def measure_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """Two articles of one story give figures for one measure that no rounding reconciles."""
    with_measures = [
        doc_id for doc_id in document_facts(ctx) if any(not m.relative for m in document_measures(ctx, doc_id))
    ]
    for a, b in unflagged_story_pairs(ctx, with_measures, reported):
        doc, other = ctx.document(a), ctx.document(b)
        if not published_within(doc, other, MEASURE_DAYS):
            continue
        for ma, mb in _disputes(ctx, a, b):
            different_days, when = _timing(doc, [other])
            facets = ", ".join(sorted(ma.facets | mb.facets))
            what = f"{ma.dimension} ({facets})" if facets else ma.dimension
            yield Flag(
                doc,
                ma.start,
                ma.end,
                f"{_where(doc)} says {ma.text!r}; {_where(other)} says {mb.text!r}: the one {what} each gives, "
                f"{_in_units(ma, mb)}." + when,
                suggestion="Check which figure the original source gives before quoting either.",
                confidence=MEASURE_CONFIDENCE,
                evidence=(Evidence.from_span(other, mb.start, mb.end),),
                severity=_severity(MEASURE_CONFIDENCE, different_days),
                data=(
                    ("kind", "numeric"),
                    ("values", (ma.value, mb.value)),
                    ("same_fact", 0.0),
                    ("matched_by", f"the one {what} each outlet gives"),
                ),
            )


# The units a reader is shown, by kind of measure: (at least this many base units, per shown unit,
# the unit), largest first; pint's base units (m², m³, m/s, J) are not how news writes them.
_SHOWN_UNITS: dict[str, tuple[tuple[float, float, str], ...]] = {
    "length": ((1e3, 1e3, "km"), (0.0, 1.0, "m")),
    "mass": ((1e6, 1e3, "t"), (0.0, 1.0, "kg")),
    "area": ((1e6, 1e6, "km²"), (0.0, 1.0, "m²")),
    "volume": ((1e9, 1e9, "billion m³"), (1e6, 1e6, "million m³"), (1.0, 1.0, "m³"), (0.0, 1e-3, "L")),
    "speed": ((0.0, 1 / 3.6, "km/h"),),
    "power": ((1e9, 1e9, "GW"), (1e6, 1e6, "MW"), (1e3, 1e3, "kW"), (0.0, 1.0, "W")),
    "energy": ((3.6e12, 3.6e12, "GWh"), (3.6e9, 3.6e9, "MWh"), (3.6e6, 3.6e6, "kWh"), (0.0, 1.0, "J")),
}


def _in_units(a: Measure, b: Measure) -> str:
    """ "7.0 m vs 5.2 m", "5,796 km² vs 3,210 km²": both figures in one unit a reader knows, to as
    many decimals as it takes to tell them apart."""
    if a.dimension.startswith("money:"):
        currency = a.dimension.split(":", 1)[1]
        return f"{a.value:,.0f} vs {b.value:,.0f} ({currency}s)"
    if a.dimension == "duration":
        return f"{_clock(a.value)} vs {_clock(b.value)}"
    smaller = min(a.value, b.value)
    per, unit = next((per, unit) for least, per, unit in _SHOWN_UNITS[a.dimension] if smaller >= least)
    x, y = a.value / per, b.value / per
    decimals = 0 if min(x, y) >= 100 else 1
    while f"{x:,.{decimals}f}" == f"{y:,.{decimals}f}" and decimals < 3:
        decimals += 1
    return f"{x:,.{decimals}f} {unit} vs {y:,.{decimals}f} {unit}"


def _clock(seconds: float) -> str:
    """ "6 min 51 s", "11 h 4 min": a duration as one writes it, to the second."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "h"), (minutes, "min"), (secs, "s")]
    shown = [f"{n} {unit}" for n, unit in parts if n] or ["0 s"]
    return " ".join(shown)
