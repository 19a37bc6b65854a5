"""Where one thing happened that happens in one place: where a storm made landfall ("made landfall
in the coastal area of Jinwan District" vs "crashed ashore on Sunday morning on Hailing Island"),
where an animal was released ("released into Kerinci Seblat National Park" vs "set free on the
slopes of Mount Kitanglad"), where an aircraft came down ("went down in Iliamna Lake" vs "crashed
while landing on Lake Clark"), where an event was moved ("will be held in Crans-Montana instead" vs
"will now be raced in Lenzerheide"). Part of C003 (entity roles). The places are small ones the gazetteer
rarely knows, so they are read from the capitalised words after a place preposition in the verb's
clause, and two are in conflict only when neither article names the other's anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from auditor.checks.contradiction.common import _CLAUSE_BREAK, OneOfAKind, one_of_a_kind_flags
from auditor.checks.registry import CheckContext
from auditor.facts.entities import load_gazetteer
from auditor.facts.words import CALENDAR_WORDS, UPPER, plain, word_set
from auditor.model import Document, Flag

SITE_CONFIDENCE = 0.5  # at the line of doubt: small places read from capitalised words, not a gazetteer

# The verbs of events that happen in one place, by kind.
_SITE_VERBS = {
    "landfall": re.compile(
        r"\b(?:ma(?:de|kes?|king)\s+landfall|(?:crash|slamm?)(?:ed|es|s|ing)?\s+ashore|c(?:a|o)me\s+ashore)\b", re.I
    ),
    "release": re.compile(r"\b(?:released|set\s+free|freed|reintroduced)\b", re.I),
    "crash": re.compile(r"\b(?:crashed|went\s+down|came\s+down|plunged)\b", re.I),
    # where an event was moved: "to move to Crans-Montana", "will be held in X instead", "will now be raced in X"
    "move": re.compile(
        r"\b(?:mov(?:e|ed|es|ing)|relocat(?:e|ed|es|ing)|switch(?:ed|es)?|transferr(?:ed|ing))(?=\s+to\b)|"
        r"\b(?:held|raced|played|staged|run)\b(?=\s+in\s+[^.;]{1,60}?\binstead\b)|"
        r"\bwill\s+now\s+be\s+(?:held|raced|played|staged|run)\b",
        re.I,
    ),
}
# A venue moved is read only when an event is what moves, in the verb's clause (not a person or a firm).
_EVENT_NOUNS = re.compile(
    r"\b(?:race|match|game|concert|festival|summit|conference|meeting|tournament|final|competition|ceremony|"
    r"fair|exhibition|congress|championships?|super-G|downhill|slalom|giant\s+slalom|rally|gala|contest|cup|"
    r"grand\s+prix|marathon|show)s?\b",
    re.I,
)
# A crash site is read only in an article about an aircraft (not shares that crashed).
_AIRCRAFT = re.compile(r"\b(?:plane|aircraft|helicopter|floatplane|seaplane|jet|airliner|flight|chopper)s?\b", re.I)
_CAPITALISED = rf"[{UPPER}][\w'’.-]*"
# The place after a place preposition: "in the coastal area of Jinwan District", "on the slopes of
# Mount Kitanglad", "inside the Mount Apo Natural Park", "into Kerinci Seblat National Park".
_PLACE_AFTER = (
    r"\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?(?:of\s+(?:the\s+)?)?"
    rf"(?P<place>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,4}})"
)
_PLACE = re.compile(r"\b(?:in|into|inside|on|at|near|over|off)" + _PLACE_AFTER)
_PLACE_MOVED_TO = re.compile(r"\b(?:in|to)" + _PLACE_AFTER)  # "to move to Crans-Montana"
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”—]")
# Words of a place's name that say what kind of place it is, not which: the key is the first other word.
_GENERIC_PLACE_WORDS = word_set(
    """mount mt lake port cape saint st san santa fort point bay river island isle isla gulf sea north south
    east west new upper lower great little national park reserve district province county city town village"""
)


def _place(written: str) -> str | None:
    """The place a capitalised run names: after an owner's "'s" ("Guangdong's Zhuhai": Zhuhai); none
    for a nationality or a language ("released in Hindi"), a named day ("on Global Tiger Day")."""
    place = re.split(r"['’]s\b\s*", written)[-1].strip()
    if not place or place.split()[-1] == "Day":
        return None
    entry = load_gazetteer().lookup(place)
    if (entry is not None and entry.kind == "demonym") or _is_language(place):
        return None
    return place


@lru_cache(maxsize=1024)
def _is_language(word: str) -> bool:
    import pycountry

    try:
        return pycountry.languages.lookup(word) is not None and load_gazetteer().lookup(word) is None
    except LookupError:
        return False


def _key(place: str) -> str | None:
    words = [plain(w.lower().strip(".")) for w in place.split()]
    telling = [w for w in words if w not in _GENERIC_PLACE_WORDS and w not in CALENDAR_WORDS]
    return telling[0] if telling else None


def event_sites(doc: Document) -> list[OneOfAKind]:
    """The places an article says a storm made landfall, an animal was released or an aircraft
    came down: the first place in the verb's clause, after it."""
    found: list[OneOfAKind] = []
    for sentence in doc.active_sentences():
        text = sentence.text
        for kind, verbs in _SITE_VERBS.items():
            if kind == "crash" and not _AIRCRAFT.search(text):
                continue  # shares or a tree that came down
            for verb in verbs.finditer(text):
                if kind == "move" and not _EVENT_NOUNS.search(_CLAUSE_BREAK.split(text[: verb.start()])[-1]):
                    continue  # the event must be what moves: not "a skier, who won the race, moved to"
                end = _CLAUSE_END.search(text, verb.end())
                places = _PLACE_MOVED_TO if kind == "move" else _PLACE
                for match in places.finditer(text, verb.end(), end.start() if end else len(text)):
                    place = _place(match.group("place"))
                    key = _key(place) if place else None
                    if place is None or key is None:
                        continue  # "on Sunday", "in August", "in Hindi": no place
                    start = sentence.start + match.end("place") - len(place)
                    found.append(OneOfAKind(doc.id, kind, key, place, start, start + len(place), sentence.index))
                    break
    return found


def _one_place(doc: Document, sites: Sequence[OneOfAKind]) -> bool:
    """Do an article's sites of one kind name one place: one name, or names one sentence gives
    together ("made landfall in the coastal area of Jinwan District in Zhuhai" and a headline's
    "landfall in Guangdong's Zhuhai")?"""
    keys = {s.key for s in sites}
    return len(keys) == 1 or any(
        all(re.search(rf"\b{re.escape(k)}\b", plain(doc.sentences[s.sentence].text.lower())) for k in keys)
        for s in sites
    )


def site_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """One place per kind of event in each of two articles of one story, neither naming the other's."""
    yield from one_of_a_kind_flags(
        ctx, reported, event_sites, _one_place, _body_site, _MESSAGES, SITE_CONFIDENCE, "site"
    )


def _body_site(sites: Sequence[OneOfAKind]) -> OneOfAKind:
    return sites[-1]  # the body's, most specific, rather than a headline's


_MESSAGES = {
    kind: (f"places the {kind} in {{a}}; {{other}} in {{b}}.", "Check the place with the authority the outlets cite.")
    for kind in _SITE_VERBS
} | {
    "move": (
        "says the event moves to {a}; {other} to {b}.",
        "Check the new venue with the organisers the outlets cite.",
    )
}
