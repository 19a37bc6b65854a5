"""Plausibility rules (P...): counts that cannot be right for what they count.

Reference figures come from one place: ISO 3166-2 subdivisions in pycountry (first-level
divisions per country, derived at run time) plus the small hand-cited list in
`auditor/data/reference.json`. Only gross mismatches are flagged, because divisions change
over time and everyday words ("regions") do not always match ISO's types.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from auditor.checks.registry import DOCUMENT, CheckContext, rule
from auditor.model import Category, Document, Flag, Sentence, Severity
from auditor.text.alternation import literal_alternation

# A stated figure further than this factor from the reference is implausible, not a rounding
# or a recent reform (Afghanistan's 34 provinces were 32 before 2004: a factor of 1.06).
TOLERANCE = 1.5

# Everyday plural -> ISO 3166-2 type (lower case) it names.
UNIT_WORDS: dict[str, str] = {
    "provinces": "province",
    "provincial capitals": "province",  # one capital per province
    "states": "state",
    "regions": "region",
    "districts": "district",
    "counties": "county",
    "governorates": "governorate",
    "departments": "department",
    "prefectures": "prefecture",
    "cantons": "canton",
    "emirates": "emirate",
}

# "the 370 provinces", "all 34 provinces", "Afghanistan's 34 provinces", "50 of the 370 provinces"
COUNT_PHRASE = re.compile(
    r"(?P<lead>\b(?:(?i:the|all|all of the|its|their)|[A-Z][\w.]*['’]s?)\s+)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?:(?P<adjective>[A-Za-z]+)\s+)?"
    r"(?P<unit>provincial capitals|" + "|".join(w for w in UNIT_WORDS if " " not in w) + r")\b"
)

# Words that may sit between the number and the unit without changing what is counted.
NEUTRAL_ADJECTIVES = {"administrative", "the", "country's"}

# Short or everyday names pycountry does not carry, mapped to ISO alpha-2.
COUNTRY_ALIASES = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Russia": "RU",
}


@dataclass(frozen=True)
class Reference:
    country: str  # ISO alpha-2
    unit: str  # ISO type, lower case ("province")
    count: int
    low: int
    high: int
    source: str
    cite: str  # the short form quoted in messages

    def describe(self) -> str:
        country = pycountry.countries.get(alpha_2=self.country)
        name = getattr(country, "common_name", None) or getattr(country, "name", self.country)
        return f"{name} has {self.figure} {self.unit_plural} ({self.cite})"

    @property
    def figure(self) -> str:
        return f"{self.count}" if self.low == self.high else f"about {self.count}"

    @property
    def unit_plural(self) -> str:
        return next((w for w, t in UNIT_WORDS.items() if t == self.unit and " " not in w), self.unit + "s")

    def plausible(self, stated: int) -> bool:
        return self.low / TOLERANCE <= stated <= self.high * TOLERANCE

    def fits(self, stated: int) -> bool:
        return self.low <= stated <= self.high


@lru_cache(maxsize=1)
def _reference_file() -> dict[str, Any]:
    text = resources.files("auditor").joinpath("data", "reference.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def admin_division_references() -> dict[tuple[str, str], Reference]:
    """(country alpha-2, unit) -> reference, derived from ISO 3166-2 plus the cited hand entries."""
    data = _reference_file()
    minimum = int(data["derived"]["admin_divisions"]["min_derived_count"])
    source = data["derived"]["admin_divisions"]["source"]
    cite = data["derived"]["admin_divisions"]["cite"]
    counts: Counter[tuple[str, str]] = Counter()
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            counts[(subdivision.country_code, subdivision.type.lower())] += 1
    references = {key: Reference(key[0], key[1], n, n, n, source, cite) for key, n in counts.items() if n >= minimum}
    for entry in data["admin_divisions"]:
        key = (entry["country"], entry["unit"])
        references[key] = Reference(
            entry["country"],
            entry["unit"],
            int(entry["count"]),
            int(entry["min"]),
            int(entry["max"]),
            entry["source"],
            entry["cite"],
        )
    return references


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = dict(COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:  # "Korea, Republic of" never appears like that in prose
                names[value] = country.alpha_2
    pattern = re.compile(r"(?<![\w.])" + literal_alternation(names) + r"(?![\w])")  # longest name first
    return pattern, names


def countries_in(text: str) -> list[tuple[str, int, int]]:
    """(alpha-2, start, end) of every country named in `text`."""
    pattern, names = _country_pattern()
    return [(names[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]


def dominant_country(doc: Document) -> str | None:
    """The country a document is about, when one clearly dominates its mentions."""
    counts = Counter(code for code, _s, _e in countries_in(doc.text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _country_for(sentence: Sentence, match: re.Match[str], fallback: str | None) -> str | None:
    named = countries_in(sentence.text)
    lead = match.group("lead") or ""
    possessive = re.match(r"([A-Z][\w.]*)['’]s?\s+$", lead)
    if possessive:
        owner = countries_in(possessive.group(1))
        if owner:
            return owner[0][0]
    distinct = {code for code, _s, _e in named}
    if len(distinct) == 1:
        return distinct.pop()
    if not distinct:
        return fallback
    return None  # several countries in one sentence: which one is counted is unclear


def _stated_total(match: re.Match[str]) -> bool:
    """Whether the phrase states the whole count ('all 34', 'its 34', 'Afghanistan's 34', 'of the 370')."""
    lead = (match.group("lead") or "").strip().lower()
    preceding = match.string[: match.start("number")].rstrip().lower()
    return lead in {"all", "all of the", "its", "their"} or lead.endswith(("'s", "’s")) or preceding.endswith(" of the")


def find_implausible_counts(doc: Document, sentence: Sentence, fallback_country: str | None) -> Iterator[Flag]:
    references = admin_division_references()
    for match in COUNT_PHRASE.finditer(sentence.text):
        adjective = (match.group("adjective") or "").lower()
        # "34 Afghan provinces" and "5 northern provinces" count the same unit; "3 new provinces" too.
        if adjective and adjective in {"new", "former", "other", "more", "additional", "further"}:
            continue
        country = _country_for(sentence, match, fallback_country)
        if country is None:
            continue
        unit = UNIT_WORDS[match.group("unit").lower()]
        reference = references.get((country, unit))
        if reference is None:
            continue
        stated = int(match.group("number").replace(",", ""))
        too_many = stated > reference.high * TOLERANCE
        too_few = _stated_total(match) and stated < reference.low / TOLERANCE
        if not (too_many or too_few):
            continue
        start = sentence.start + match.start("number")
        end = sentence.start + match.end("unit")
        message = f"{reference.describe()}, not {stated}"
        suggestion = None
        for (other_country, other_unit), other in sorted(references.items()):
            if other_country == country and other_unit != unit and other.fits(stated):
                message += f"; {stated} fits the number of {other.unit_plural} ({other.figure}, {other.cite})"
                suggestion = f"{match.group('number')} {other.unit_plural}"
                break
        yield Flag(
            doc,
            start,
            end,
            message,
            suggestion=suggestion,
            confidence=0.9 if suggestion else 0.8,
            data=(("reference", reference.count), ("stated", stated), ("country", country), ("unit", unit)),
        )


@rule("P001", "implausible-count", Category.PLAUSIBILITY, Severity.WARNING, english_only=True, scope=DOCUMENT)
def implausible_count(ctx: CheckContext) -> Iterable[Flag]:
    """A count of a country's administrative divisions that cannot be right.

    What it flags: a stated number of provinces, states, regions, districts, counties or
    governorates (or provincial capitals) that is far from the country's real figure: more
    than 1.5 times the reference, or, when the phrase states the whole count ("all 12
    provinces", "Iran's 10 provinces", "50 of the 20 provinces"), less than a 1.5th of it.
    The country is the one named in the sentence, or the one the article is clearly about.
    Reference figures: ISO 3166-2 first-level subdivisions (pycountry, offline) and the
    cited entries in auditor/data/reference.json. When the number fits another unit of the
    same country, that unit is suggested.

    Why it matters: a wrong unit or a garbled number changes the story (50 provinces would be
    more than Afghanistan has; 50 of its districts are an eighth of them); a fact-checker
    must not repeat it.

    Example: "the Taliban had occupied more than 50 of the 370 provinces" (Afghanistan has
    34 provinces and about 400 districts: the UN envoy spoke of 370 districts).
    """
    for doc in ctx.documents:
        fallback = dominant_country(doc)
        for sentence in doc.active_sentences():
            yield from find_implausible_counts(doc, sentence, fallback)
