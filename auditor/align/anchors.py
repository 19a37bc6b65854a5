"""Anchors of a sentence: the words that pin a statement to one fact.

Two sentences about the same fact share anchors even when they are worded differently:
the named entities (with their aliases: "U.S." = "United States" = "Washington", and a city
stands for its country: "Doha" is in Qatar), the numbers and dates, and the predicate (met /
talks / negotiations). Everything else is ordinary vocabulary, compared as stems.

Each anchor is a canonical string; `Profile` holds them for one sentence. Words are weighted
by how informative they are in general English (wordfreq's Zipf scale), so "the" counts for
nothing and "Stoltenberg" for a lot; a corpus can further discount its own topic words
(every sentence of an Afghanistan corpus says "Taliban") with `Vocabulary`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from auditor.facts.words import WEEKDAYS

# Aliases of the same entity. The first name is the canonical one. Extensible: add a row.
ENTITY_ALIASES: tuple[tuple[str, ...], ...] = (
    ("united states", "us", "u.s.", "u.s", "usa", "u.s.a.", "america", "american", "americans", "washington"),
    ("united kingdom", "uk", "u.k.", "britain", "great britain", "british", "london"),
    ("united nations", "un", "u.n.", "unama"),
    ("nato", "north atlantic treaty organization", "north atlantic council", "alliance"),
    ("european union", "eu", "e.u.", "brussels"),
    ("russia", "russian federation", "russian", "russians", "moscow", "kremlin"),
    ("china", "chinese", "beijing"),
    ("afghanistan", "afghan", "afghans", "kabul"),
    ("pakistan", "pakistani", "islamabad"),
    ("iran", "iranian", "tehran"),
    ("iraq", "iraqi", "baghdad"),
    ("india", "indian", "new delhi", "delhi"),
    ("france", "french", "paris"),
    ("germany", "german", "berlin"),
    ("japan", "japanese", "tokyo"),
    ("israel", "israeli", "jerusalem"),
    ("turkey", "turkish", "ankara", "türkiye"),
    ("ukraine", "ukrainian", "kyiv", "kiev"),
    ("syria", "syrian", "damascus"),
    ("qatar", "qatari", "doha"),
    ("saudi arabia", "saudi", "riyadh"),
    ("egypt", "egyptian", "cairo"),
    ("tajikistan", "tajik", "dushanbe"),
    ("uzbekistan", "uzbek", "tashkent"),
    ("turkmenistan", "turkmen", "ashgabat"),
    ("canada", "canadian", "ottawa"),
    ("australia", "australian", "canberra"),
    ("mexico", "mexican"),
    ("spain", "spanish", "madrid"),
    ("italy", "italian", "rome"),
    ("south korea", "korean", "seoul"),
    ("north korea", "pyongyang"),
    ("al qaeda", "al-qaeda", "al qaida", "al-qaida"),
    ("islamic state", "isis", "isil", "daesh"),
)

# Predicate classes: verbs and nouns that report the same kind of event. A small, general
# news vocabulary, not one story's words; extend by adding a row.
PREDICATE_CLASSES: tuple[tuple[str, ...], ...] = (
    (
        "meet",
        "met",
        "meeting",
        "meetings",
        "talks",
        "talk",
        "negotiation",
        "negotiations",
        "negotiate",
        "summit",
        "discuss",
        "discussed",
        "discussion",
        "discussions",
        "gather",
        "gathered",
        "convene",
        "convened",
    ),
    ("verdict", "verdicts", "judgment", "judgement", "decision"),
    ("attack", "attacks", "attacked", "assault", "offensive", "strike", "strikes", "raid", "bombing", "onslaught"),
    (
        "seize",
        "seized",
        "capture",
        "captured",
        "take",
        "took",
        "taken",
        "conquer",
        "conquered",
        "overran",
        "overrun",
        "topple",
        "toppled",
        "fell",
        "fall",
        "fallen",
        "control",
    ),
    (
        "withdraw",
        "withdrawal",
        "withdrew",
        "withdrawn",
        "pullout",
        "pull",
        "pulled",
        "retreat",
        "retreated",
        "leave",
        "left",
        "exit",
        "departure",
    ),
    ("kill", "killed", "killing", "killings", "dead", "death", "deaths", "die", "died", "slain", "fatalities"),
    ("injure", "injured", "injuring", "injures", "injury", "wounded", "wounding", "hurt", "injuries"),
    ("arrest", "arrested", "detained", "detain", "custody", "jailed"),
    ("invade", "invaded", "invasion", "descended", "occupation", "occupied"),
    ("elect", "elected", "election", "elections", "vote", "voted", "won", "win", "victory", "poll", "polls", "ballot"),
    ("destroy", "destroyed", "downed", "down", "intercepted", "intercept"),
    ("cut", "cuts", "eliminate", "eliminated", "eliminating", "axe", "axed", "axing", "shed", "shedding", "slash"),
    ("announce", "announced", "announcement", "declared", "declare"),
    ("settle", "settlement", "solution", "agreement", "deal", "accord", "truce", "ceasefire"),
    ("resign", "resigned", "resignation", "quit", "stepped"),
    ("sentence", "sentenced", "convicted", "conviction", "guilty", "plea", "pleaded"),
    ("fire", "fired", "sacked", "dismissed", "ousted"),
    ("earthquake", "quake", "tremor"),
)

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
MONTH_WORDS = {month: f"month{month}" for month in range(1, 13)}  # one string each, not one per sentence

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousands": 1000,
    "million": 10**6,
    "millions": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "percent": 1,
    "per": 1,
}

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after before
    since until while than then so that this these those there here it its it's he she they them their his
    her we our you your i me my be is are was were been being have has had do does did not no nor
    will would shall should can could may might must also just only very more most much many such
    which who whom whose what when where why how all any both each few other some own same too out up
    down off again further once said says say told according per cent mr mrs ms one""".split()  # noqa: SIM905
)

COMMON_WORD_INFORMATION = 2.5  # Zipf 4.5: "president", "minister" are titles, not names
TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|[A-Za-zÀ-ÿ]+(?:[.'’-][A-Za-zÀ-ÿ]+)*\.?")


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in ENTITY_ALIASES:
        for name in row:
            table[name] = row[0]
    return table


ALIASES = _alias_table()
PREDICATES = {word: row[0] for row in PREDICATE_CLASSES for word in row}
MAX_ALIAS_WORDS = max(len(name.split()) for name in ALIASES)


@lru_cache(maxsize=4096)
def _country_name(word: str) -> str | None:
    """Countries from pycountry (not a hand list): 'Kenya' -> 'kenya'."""
    try:
        import pycountry

        country = pycountry.countries.get(name=word.title())
    except (LookupError, KeyError):
        return None
    return country.name.lower() if country else None


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A crude English stemmer: enough to match 'stalled'/'stall', 'provinces'/'province'."""
    w = word.lower().strip(".'’")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    for suffix, repl, min_len in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("ings", "", 7),
        ("ing", "", 6),
        ("ment", "", 7),
        ("edly", "", 7),
        ("ed", "", 5),
        ("es", "", 5),
        ("s", "", 4),
    ):
        if w.endswith(suffix) and len(w) >= min_len and not w.endswith("ss"):
            return w[: len(w) - len(suffix)] + repl
    return w


@lru_cache(maxsize=65536)
def information(word: str) -> float:
    """How much a word says, from its general-English frequency (Zipf 7 = 'the', < 2 = rare)."""
    try:
        from wordfreq import zipf_frequency

        zipf = zipf_frequency(word, "en")
    except (ImportError, LookupError):  # pragma: no cover - wordfreq is a dependency
        zipf = 3.0
    return max(0.2, 7.0 - zipf)


@dataclass(frozen=True, slots=True)  # slots: the aligner keeps one per sentence of the corpus
class Profile:
    """What a sentence is about, as sets of canonical anchors and content stems.

    The aligner keeps one per sentence (~120k at 5,000 articles), so it is kept small: equal
    anchor sets are one shared object (`shared_set`: most sentences name the same few entities,
    dates and predicates, or none), and the content stems, nearly unique per sentence, a sorted
    tuple (a fifth of a frozenset's size) that `words` turns into a set when asked.
    """

    word_tuple: tuple[str, ...]  # content stems (aliases and predicates canonicalised), sorted
    entities: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    predicates: frozenset[str]
    length: int  # tokens
    normalized: str = ""  # lower-cased, spaces collapsed: for character-level similarity

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.word_tuple)

    @property
    def anchors(self) -> frozenset[str]:
        return self.entities | self.numbers | self.dates | self.predicates


PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
INITIALISM = re.compile(r"(?:[A-Za-z]\.)+")
MONTH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})")
YEAR = re.compile(r"(1[6-9]|20)\d\d")
# First words of multi-word aliases: only these start a phrase lookup.
ALIAS_STARTS = frozenset(name.split()[0] for name in ALIASES if " " in name)


def _number_value(token: str) -> str | None:
    clean = token.replace(",", "")
    if PLAIN_NUMBER.fullmatch(clean):
        value = float(clean)
        return f"{value:g}"
    return None


EMPTY: frozenset[str] = frozenset()
# Equal anchor sets, one object each. Bounded: cleared when full (sharing is an economy, never
# needed for correctness: a set made anew equals the shared one).
MAX_SHARED_SETS = 100_000
_shared_sets: dict[frozenset[str], frozenset[str]] = {}


def shared_set(items: Iterable[str]) -> frozenset[str]:
    """`frozenset(items)`, as the one object already made for an equal set when there is one.

    A frozenset costs 216 bytes even when empty, and strings made per sentence (entity names,
    numbers) are separate objects per sentence; shared, a profile's anchors cost ~nothing."""
    made = frozenset(items)
    if not made:
        return EMPTY
    found = _shared_sets.get(made)
    if found is None:
        if len(_shared_sets) >= MAX_SHARED_SETS:
            _shared_sets.clear()
        found = _shared_sets[made] = made
    return found


@lru_cache(maxsize=200_000)
def profile(text: str) -> Profile:
    """Tokenise a sentence into anchors (entities, numbers, dates, predicates) and content stems."""
    raw = TOKEN.findall(text)
    tokens = [t if "." not in t or INITIALISM.fullmatch(t) else t.rstrip(".") for t in raw]
    tokens = [t[:-2] if t.endswith(("'s", "’s")) else t for t in tokens]  # NATO's -> NATO
    lower = [t.lower() for t in tokens]
    words: set[str] = set()
    entities: set[str] = set()
    numbers: set[str] = set()
    dates: set[str] = set()
    predicates: set[str] = set()
    i = 0
    while i < len(tokens):
        token, low = tokens[i], lower[i]
        # Multi-word aliases first ("united states", "north atlantic council").
        matched = False
        for size in range(MAX_ALIAS_WORDS if low in ALIAS_STARTS else 1, 0, -1):
            phrase = " ".join(lower[i : i + size]) if size > 1 else low
            if (size > 1 and phrase in ALIASES) or (
                size == 1 and low in ALIASES and (token[0].isupper() or "." in low)
            ):
                canonical = ALIASES[phrase]
                entities.add(canonical)
                words.add(canonical)
                i += size
                matched = True
                break
        if matched:
            continue
        # Dates: "September 11", "11 September", "9/11", years.
        if low in MONTHS and (token[0].isupper()):
            month = MONTHS[low]
            day = None
            if i + 1 < len(tokens) and tokens[i + 1].isdigit() and int(tokens[i + 1]) <= 31:
                day = int(tokens[i + 1])
                i += 1
            elif i > 0 and tokens[i - 1].isdigit() and int(tokens[i - 1]) <= 31:
                day = int(tokens[i - 1])
                numbers.discard(f"{float(tokens[i - 1]):g}")
            dates.add(f"{month:02d}-{day:02d}" if day else f"{month:02d}")
            words.add(MONTH_WORDS[month])
            i += 1
            continue
        if low in WEEKDAYS:
            dates.add(low)
            i += 1
            continue
        m = MONTH_DAY.fullmatch(token) if "/" in token else None
        if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
            dates.add(f"{int(m.group(1)):02d}-{int(m.group(2)):02d}")
            i += 1
            continue
        value = _number_value(token) if token[0].isdigit() else None  # a token is a number or a word
        if value is not None:
            if YEAR.fullmatch(token):
                dates.add(token)  # a year
            else:
                scale = SCALES.get(lower[i + 1], 1) if i + 1 < len(tokens) else 1
                numbers.add(f"{float(value) * scale:g}")
            i += 1
            continue
        if low in NUMBER_WORDS:
            scale = SCALES.get(lower[i + 1], 1) if i + 1 < len(tokens) else 1
            numbers.add(f"{NUMBER_WORDS[low] * scale:g}")
            i += 1
            continue
        if low in PREDICATES:
            predicates.add(PREDICATES[low])
            words.add(PREDICATES[low])
            i += 1
            continue
        if low in STOPWORDS or len(low) < 2:
            i += 1
            continue
        # A capitalised word mid-sentence is a name unless it is a common word ("President").
        if token[0].isupper() and i > 0:
            country = _country_name(token)
            if country or information(low) >= COMMON_WORD_INFORMATION:
                entities.add(country or low)
        words.add(stem(low))
        i += 1
    return Profile(
        word_tuple=tuple(sorted(words)),
        entities=shared_set(entities),
        numbers=shared_set(numbers),
        dates=shared_set(dates),
        predicates=shared_set(predicates),
        length=len(tokens),
        normalized=" ".join(lower),
    )


class Vocabulary:
    """Word weights for one collection of sentences: general informativeness times corpus rarity.

    In a one-topic corpus the topic's own words ("Taliban", "Afghanistan") appear everywhere
    and say nothing about which fact a sentence reports; their weight shrinks with the share
    of sentences that contain them.
    """

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self.document_frequency: Counter[str] = Counter()
        self.size = 0
        self._weights: dict[str, float] = {}
        for p in profiles:
            self.size += 1
            self.document_frequency.update(p.words | p.anchors)

    def is_specific(self, anchor: str, max_share: float = 0.05) -> bool:
        """Whether an anchor singles out a few statements (not the corpus topic, like "Taliban")."""
        if self.size < 20:
            return True
        return self.document_frequency.get(anchor, 0) / self.size <= max_share

    def weight(self, word: str) -> float:
        known = self._weights.get(word)
        if known is None:
            known = self._weights[word] = self._weight(word)
        return known

    def _weight(self, word: str) -> float:
        base = information(word.split()[0]) if not word[:1].isdigit() else 4.0
        if self.size < 20:
            return base
        share = self.document_frequency.get(word, 0) / self.size
        # Words in more than a few percent of the sentences lose weight smoothly.
        return base * min(1.0, max(0.1, -math.log(max(share, 1e-9)) / -math.log(0.02)))
