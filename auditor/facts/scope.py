"""What a number is a number OF: its owner, its scope words and its time window.

Two outlets can print different numbers without contradicting each other: "around 1,000 of its
soldiers" (Russia's contingent) and "a total of more than 1,500 soldiers" (with Uzbek and Tajik
forces); "NATO's 10,000-strong force" and "2,500 US troops"; "18 provincial capitals" (so far)
and "six" (in the past 24 hours). The contradiction checks compare two quantities only when
these signatures agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.facts.dates import PHRASAL_EVENTS, SAYING_VERBS, event_class, is_eventive
from auditor.facts.entities import same_place
from auditor.facts.model import DateMention, EntityMention, Quantity
from auditor.facts.words import COUNT_STATES, word_set

# Words that widen or narrow what is counted: a total, a part, a running count.
SCOPE_MARKERS: dict[str, str] = {
    "total": "total",
    "in all": "total",
    "altogether": "total",
    "combined": "total",
    "overall": "total",
    "together with": "total",
    "along with": "total",
    "including": "part",
    "of its": "part",
    "of their": "part",
    "of his": "part",
    "of her": "part",
    "its own": "part",
    "their own": "part",
    "among them": "part",
    "so far": "running",
    "to date": "running",
    "since": "running",
    "taking the": "running",
    "bringing the": "running",
    "toll": "running",
    "in total": "total",
    "cumulative": "running",
    "additional": "increment",
    "another": "increment",
    "more": "increment",
    "further": "increment",
    "new": "increment",
    "other": "part",
}
# A haul summed over several occasions ("over five operations", "in three raids") is a running
# count; a company's "North American operations" are not.
_OVER_OCCASIONS = re.compile(
    r"\b(?:over|in|during|across|from)\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|"
    r"several|multiple|many|all|recent|separate)\s+(?:\w+\s+)?(?:operations|raids|missions|patrols|sorties)\b",
    re.IGNORECASE,
)
_MARKER_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(m) for m in SCOPE_MARKERS), key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class QuantityScope:
    owners: frozenset[str]  # canonical entities the count belongs to ("NATO", "United States")
    owner_mentions: tuple[EntityMention, ...]
    markers: frozenset[str]  # total | part | running | increment
    window: str | None  # "window:1" for "in the past 24 hours", "since:2021-05" ...
    event: str | None  # the kind of event the count goes with (`event_class`: "kill", "return")


def _local(text: str, start: int, end: int, before: int, after: int) -> str:
    """The words around [start, end) of text: `before` words before, `after` words after."""
    head = text[:start].split()[-before:] if before else []
    tail = text[end:].split()[:after] if after else []
    return " ".join([*head, text[start:end], *tail])


_ADDED_GROUP = frozenset({"along with", "together with"})
_RIGHT_AFTER = re.compile(r"\s*,?\s*")


def quantity_scope(
    quantity: Quantity,
    sentence_text: str,
    sentence_start: int,
    entities: tuple[EntityMention, ...],
    dates: tuple[DateMention, ...],
) -> QuantityScope:
    s, e = quantity.start - sentence_start, quantity.end - sentence_start
    near = _local(sentence_text, s, e, 4, 0)
    local = {
        SCOPE_MARKERS[m.group(1).lower()]
        for m in _MARKER_RE.finditer(near)
        # "more" inside the qualifier ("more than 1,500") bounds the number; it is no increment.
        if not (m.group(1).lower() == "more" and quantity.qualifier and "more" in quantity.qualifier)
    }
    # A total or a running count colours the whole sentence: "In five operations so far, the
    # warship has confiscated 14 rifles"; "seized a total of 14 rifles during the operations".
    # "Two hundred sixty-four passengers, along with the 21 crew, were moved": a group added right
    # after the count is counted apart, not summed into it.
    whole = {
        SCOPE_MARKERS[m.group(1).lower()]
        for m in _MARKER_RE.finditer(sentence_text)
        if not (m.group(1).lower() in _ADDED_GROUP and _RIGHT_AFTER.fullmatch(sentence_text, e, m.start()))
    }
    if _OVER_OCCASIONS.search(sentence_text):
        whole.add("running")
    markers = frozenset(local | (whole & {"total", "running"}))
    owner_mentions = tuple(m for m in entities if _qualifies(sentence_text, sentence_start, m, quantity))
    windows = [d for d in dates if d.relation in ("window", "since")]
    window = None
    if windows:
        d = windows[0]
        span = (d.latest - d.earliest).days if d.earliest and d.latest else None
        window = f"{d.relation}:{span if d.relation == 'window' else d.earliest}"
    after = sentence_text[e:].split()[:5]
    # "73 people dead", "13 were hurt": the state right after the count, past an auxiliary.
    words_after = [w.strip(".,;:").lower() for w in after]
    while words_after and words_after[0] in _STATE_AUXILIARIES:
        words_after.pop(0)
    state = words_after[0] if words_after else ""
    if state in COUNT_STATES:  # what happened to them, whatever the verb before
        event: str | None = event_class(state)  # "leaving 73 people dead": the state is the event
    else:
        event = _verb_before(sentence_text, s) or next(
            (event_class(w.strip(".,;:")) for w in after if is_eventive(w.strip(".,;:"))), None
        )
    return QuantityScope(frozenset(m.canonical for m in owner_mentions), owner_mentions, markers, window, event)


_STATE_AUXILIARIES = word_set("were was are is been being have has had reportedly")
# Words that may stand between a verb and the number it governs: "killed some 40", "hurt about 12".
_BETWEEN_VERB_AND_NUMBER = word_set("a an the some about around nearly almost over only")
# Words before a number that are not a verb governing it: "rose to 80", "one of 12", "than 50",
# and verbs of saying, whose object is the whole clause ("Russia said around 1,000 soldiers ...").
_NOT_A_VERB = (
    word_set(
        """to of by for from with in on at as than and or but into onto over under after before since until
        while per between among just any all each every these those this that its their his her our your my
        were was are is be been being has have had will would could should can may might must not no"""
    )
    | SAYING_VERBS
)


def _verb_before(text: str, start: int) -> str | None:
    """The event of the verb right before the number: "killed 12 workers", "injured some 40
    people", "cut 1,000 jobs", "won 52 seats" (12 killed and 40 injured are two counts, not a
    dispute). Any lower-case word there other than a preposition, article or auxiliary is taken
    as the verb: short verbs ("cut", "won", "lost") carry no suffix to recognise them by."""
    words = [w.strip(".,;:\"'“”‘’()") for w in text[:start].split()[-3:]]
    for position in range(len(words) - 1, max(-1, len(words) - 3), -1):
        word = words[position]
        lower = word.lower()
        if lower in _BETWEEN_VERB_AND_NUMBER:
            continue
        if position > 0 and (words[position - 1].lower(), lower) in PHRASAL_EVENTS:
            return PHRASAL_EVENTS[words[position - 1].lower(), lower]  # "lay off 1,600 workers"
        if word.isalpha() and word.islower() and lower not in _NOT_A_VERB:
            return event_class(word)
        return None
    return None


def _qualifies(text: str, sentence_start: int, mention: EntityMention, quantity: Quantity) -> bool:
    """Does the entity say whose count it is? Inside the counted phrase ("2,500 US troops") or
    right before the number ("NATO's 10,000-strong force", "the Russian 1,000")."""
    if quantity.start <= mention.start and mention.end <= quantity.end:
        return True
    if mention.end > quantity.start:
        return False
    between = text[mention.end - sentence_start : quantity.start - sentence_start]
    return bool(re.fullmatch(r"(?:['’]s?)?\s*", between))


def owners_compatible(a: QuantityScope, b: QuantityScope) -> bool | None:
    """True if both name the same owner, False if they name different ones, None if unknown."""
    if not a.owner_mentions or not b.owner_mentions:
        return None
    return any(x.canonical == y.canonical or same_place(x, y) for x in a.owner_mentions for y in b.owner_mentions)


def scopes_differ(a: QuantityScope, b: QuantityScope) -> str | None:
    """Why two counts may both be true (a reason), or None if they measure the same thing."""
    if a.markers != b.markers:
        return "different scope words"
    if a.window != b.window:
        return "different time windows"
    if owners_compatible(a, b) is False:
        return "different owners"
    if a.event and b.event and a.event != b.event:
        return "different events"
    return None
