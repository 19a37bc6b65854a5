"""Quantities: a number, its qualifier, and the thing it counts.

"around 1,000 of its soldiers", "more than 50 of the 370 provinces", "six provincial capitals",
"NATO's 10,000-strong force", "dozens of Afghan soldiers", "nearly twenty years". Digit numerals
(garbled ones included: "2 5 Hundreds" = 2,500) come from `auditor.facts.numerals`; number words
and vague amounts are read here. Each quantity keeps the interval its wording allows, so that
"nearly twenty years" and "two decades" compare equal and "more than 50" does not contradict 60.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from auditor.facts.model import Quantity
from auditor.facts.numerals import NUMBER_WORDS, SCALES, find_numerals, parse_numeral
from auditor.facts.units import UNIT_SYMBOLS, currency_before, currency_word, magnitude_after, unit_after
from auditor.facts.words import COUNT_STATES, singular, stem, word_set
from auditor.model import Sentence

INF = math.inf

# Qualifier -> (kind, low factor, high factor) applied to the stated value.
QUALIFIERS: dict[str, tuple[str, float, float]] = {
    "about": ("approximate", 0.8, 1.2),
    "around": ("approximate", 0.8, 1.2),
    "some": ("approximate", 0.8, 1.2),
    "approximately": ("approximate", 0.85, 1.15),
    "roughly": ("approximate", 0.8, 1.2),
    "an estimated": ("approximate", 0.75, 1.25),
    "estimated": ("approximate", 0.75, 1.25),
    "nearly": ("approximate", 0.85, 1.0),
    "almost": ("approximate", 0.85, 1.0),
    "close to": ("approximate", 0.85, 1.0),
    "just under": ("approximate", 0.85, 1.0),
    "just over": ("approximate", 1.0, 1.15),
    # a little past the figure, not any amount above it: "a little over 150" is not 212
    **dict.fromkeys(
        ("a little over", "a little more than", "slightly more than", "slightly over", "just above", "just more than"),
        ("approximate", 1.0, 1.15),
    ),
    **dict.fromkeys(
        ("a little under", "a little less than", "slightly less than", "slightly under", "just below", "just short of"),
        ("approximate", 0.85, 1.0),
    ),
    "more than": ("lower_bound", 1.0, INF),
    "over": ("lower_bound", 1.0, INF),
    "at least": ("lower_bound", 1.0, INF),
    "upwards of": ("lower_bound", 1.0, INF),
    "in excess of": ("lower_bound", 1.0, INF),
    "no fewer than": ("lower_bound", 1.0, INF),
    "no less than": ("lower_bound", 1.0, INF),
    "as many as": ("upper_bound", 0.0, 1.0),
    "up to": ("upper_bound", 0.0, 1.0),
    "at most": ("upper_bound", 0.0, 1.0),
    "less than": ("upper_bound", 0.0, 1.0),
    "fewer than": ("upper_bound", 0.0, 1.0),
    "under": ("upper_bound", 0.0, 1.0),
    "no more than": ("upper_bound", 0.0, 1.0),
}
_QUALIFIER_RE = re.compile(
    r"(?:^|\W)(" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)

# Vague amounts: the interval a careful reader would accept for each.
VAGUE: dict[str, tuple[float, float]] = {
    "a few": (2, 5),
    "a handful of": (2, 6),
    "several": (3, 12),
    "dozens of": (24, 199),
    "scores of": (40, 199),
    "hundreds of": (200, 999),
    "thousands of": (2_000, 99_999),
    "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999),
    "millions of": (2_000_000, 999_999_999),
}
_VAGUE_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True)) + r")\s",
    re.IGNORECASE,
)

# "a nine-year prison term", "the 48-turbine park", "a 38-man squad": the number and the counted
# noun written as one adjective before the noun; not "36-year-old", "one-third", "twenty-first".
_COMPOUND = r"(?P<compound>[a-z]+)(?=\s+(?:[a-z]|\d+(?:st|nd|rd|th)\b))"  # "a 187-kilometre 14th stage"
# A unit's compound is one before a name too: "the 120-megawatt Madi Khola Cascade project".
_UNIT_COMPOUND = re.compile(r"-(?P<compound>[a-z]+)(?=\s+[A-Z])")


def _unit_compound(rest: str) -> re.Match[str] | None:
    match = _UNIT_COMPOUND.match(rest)
    if match is None:
        return None
    word = match["compound"]
    return match if word in UNIT_SYMBOLS or singular(word) in UNIT_SYMBOLS.values() else None


_NOT_COMPOUND_NOUNS = word_set(
    """half halves third thirds quarter quarters first second fourth fifth fifths sixth seventh eighth ninth
    tenth hundredth thousandth odd plus old"""
)
_NUMBER_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w not in ("a", "an")), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
# "twenty-five", "two hundred", "a dozen", "five thousand"; digits are handled by numerals.py.
# After a scale word the count may go on: "two hundred sixty-four", "one thousand two hundred".
_AFTER_SCALE = "|".join(f"(?<={scale})" for scale in SCALES)
_WORD_NUMERAL_RE = re.compile(
    rf"\b(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))?|an?\s+dozen|(?<!half\s)(?<!of\s)an?(?=\s+(?:{_SCALE})\b))(?:\s+(?:{_SCALE})s?\b)*"
    rf"(?:(?:{_AFTER_SCALE})(?:\s+and)?\s+(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))?(?:\s+(?:{_SCALE})\b)*)*"
    rf"\b(?!-(?!{_COMPOUND}))",
    re.IGNORECASE,
)

# Units that convert: "two decades" counts years.
UNIT_SCALES: dict[str, tuple[str, float]] = {
    "decade": ("year", 10.0),
    "century": ("year", 100.0),
    "centurie": ("year", 100.0),
    "fortnight": ("day", 14.0),
    "week": ("day", 7.0),
    "hour": ("minute", 60.0),  # "95 minutes" vs "almost three hours"
    "tonne": ("kilogram", 1000.0),  # "4.2 tonnes" vs "2,800 kilos"
    "kilo": ("kilogram", 1.0),
}

# Words that end a counted-noun phrase: function words, verbs of saying, punctuation.
_STOP = word_set(
    """
    a an the of in on at by for to from with and or but as than that which who whom whose this these
    those its their his her our my your it they he she we was were is are be been being have has had
    will would could should may might can did do does said says told after before since during while
    when where including about around over under more less most least per each every all some any
    other than also not no nor so if then there here into onto out up down across against among
    between through near along outside inside beyond toward towards amid despite via aboard behind above
    below beneath within without off ahead apart away north south east west
    """
)
# Words of a counted phrase; "U.S." and MT's "U S." are one word.
_WORD_RE = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z] [A-Z]\.|[A-Za-z][A-Za-z0-9'’\-]*")


# "between 30 and 40 people", "30 to 40 people", "30-40 people" (numbers in digits or words).
_RANGE_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD})"
_RANGE_RE = re.compile(
    rf"\b(?:between\s+(?P<low>{_RANGE_NUMBER})\s+and\s+(?P<high>{_RANGE_NUMBER})"
    rf"|(?P<low2>{_RANGE_NUMBER})\s*(?:-|–|to)\s*(?P<high2>{_RANGE_NUMBER}))\b(?!-)",
    re.IGNORECASE,
)

# A capitalised code right before a number makes it part of a name: "AK 47", "F 16", "G 7".
# Not the article "A" that opens a sentence: "A 108-foot statue", "A 23-mile road".
_MODEL_CODE = re.compile(r"\b(?!A\s$)[A-Z][A-Z0-9]{0,3}[\s-]$")


# A capitalised word (not the sentence's first) right before a number: "District 2", "Flight 810".
# not a determiner after a dateline's dash: "Pokhara, Jan 20 - The 120-megawatt plant"
_LABEL_BEFORE = re.compile(r"(?<=\s)(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her)\s)[A-Z][a-z]+\s$")


def _numbers_a_name(text: str, start: int, end: int, value: float) -> bool:
    """Does a number after a capitalised word label the singular noun after it ("the District 2
    seat", "a Category 4 storm", "Stage 5 win") rather than count it? Two or more of a thing are
    written in the plural, so "2 seat" counts nothing."""
    if value < 2 or not text[start:end].isdigit() or not _LABEL_BEFORE.search(text, max(0, start - 20), start):
        return False
    _, written, _, _ = _counted_noun(text, end)
    head = written.split()[-1] if written else ""
    return head.isalpha() and head.islower() and not head.endswith("s") and singular(head) == head


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written just before `start` ("more than "), and where it begins."""
    window = text[max(0, start - 24) : start]
    match = _QUALIFIER_RE.search(window)
    if not match:
        return None, start
    return match.group(1).lower(), start - (len(window) - match.start(1))


# Words after a counted noun that are not its head: states ("73 people dead"), common irregular
# past tenses ("20,000 people took to the streets") and adverbs of time ("28 drones overnight").
_NOT_A_HEAD = COUNT_STATES | word_set(
    """alive homeless took ran went fell came made left lost won gave got
    saw fled rose spent paid sent stood brought began drove flew fought found grew kept knew led met put
    shot sold struck threw wrote overnight today yesterday tonight tomorrow earlier later ago again instead
    never last next present already still now alone overall apiece annually respectively long wide high deep
    tall thick"""
)


def _counted_noun(text: str, end: int) -> tuple[str | None, str | None, int, int]:
    """The noun phrase a number counts, read from the words after it.

    Returns (normalized noun, noun as written, start, end). "6 provincial capitals" ->
    "provincial capital"; "1,000 of its soldiers" -> "soldier"; "10,000-strong force" -> "force".
    """
    rest = text[end:]
    offset = end
    strong = re.match(r"-strong\b", rest)
    if strong:
        offset += strong.end()
        rest = text[offset:]
    compound = re.match(rf"-{_COMPOUND}", rest) or _unit_compound(rest)
    if compound and compound["compound"] not in _NOT_COMPOUND_NOUNS and not re.search(r"\w-$", text[:end]):
        return singular(compound["compound"]), compound["compound"], end + 1, end + compound.end()
    if re.match(r"-\w", rest) or re.search(r"\w-$", text[:end]):
        return None, None, end, end  # "36-year-old", "100-RBI season", "AK-47": a compound, not a count
    more = re.match(r"\s+more(?=\s+[a-z])(?!\s+than\b)", rest)
    if more:  # "two more countries": the noun follows; "more" marks an increment (see auditor.facts.scope)
        offset += more.end()
        rest = text[offset:]
    partitive = re.match(r"\s+of\s+(?:its|their|his|her|our|the|these|those)(?:\s+own)?(?:\s+\d[\d,]*)?\s+", rest)
    if partitive:
        offset += partitive.end()
        rest = text[offset:]
    words: list[re.Match[str]] = []
    for match in _WORD_RE.finditer(rest):
        gap = rest[words[-1].end() if words else 0 : match.start()]
        if words and gap.strip():  # punctuation ends the phrase
            break
        if not words and gap.strip(" -"):
            break
        if match.group().lower() in _STOP:
            break
        words.append(match)
        if len(words) == 3:
            break
    if not words or len(words[-1].group().strip(".")) < 3:
        return None, None, end, end  # "6 p.m.", "3 a": no counted noun
    # The head is the last word that reads as a noun: the phrase ends before the first later
    # word that reads as a verb, an adverb or a state ("companies submitted bids", "people
    # dead", "people took", "witnesses ran"); the first word may be one ("armed men").
    for position in range(1, len(words)):
        word = words[position].group().lower()
        if re.search(r"(ed|ly|ing)$", word) or word in _NOT_A_HEAD:
            del words[position:]
            break
    noun_start, noun_end = offset + words[0].start(), offset + words[-1].end()
    written = text[noun_start:noun_end]
    tokens = [w.group().lower() for w in words]
    tokens[-1] = singular(tokens[-1])
    return " ".join(tokens), written, noun_start, noun_end


def _reads_as_year(text: str, end: int) -> bool:
    """A four-digit 19xx/20xx number is a year unless a plain plural noun follows ("2000 soldiers")."""
    noun, written, _s, _e = _counted_noun(text, end)
    if not noun or not written:
        return True
    head = written.split()[-1]
    return written[0].isupper() or singular(head) == head.lower()


def _rounding_slack(value: float) -> float:
    """Round numbers are approximate: 1,000 is not contradicted by 1,020."""
    if value < 10 or not float(value).is_integer():
        return 0.0
    zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
    return min(0.5 * 10**zeros, 0.1 * value) if zeros else 0.0


_DECIMAL_MANTISSA = re.compile(r"(\d[\d,]*)\.(\d+)")


def _interval(value: float, qualifier: str | None, written: str = "") -> tuple[str, float, float]:
    if qualifier is None:
        decimal = _DECIMAL_MANTISSA.search(written)
        mantissa = float(decimal.group().replace(",", "")) if decimal else 0.0
        if decimal and mantissa:  # "2.0 million": as precise as its last digit, 1.95 to 2.05 million
            slack = 0.5 * 10 ** -len(decimal.group(2)) * value / mantissa
        else:
            slack = _rounding_slack(value)
        return ("exact", value - slack, value + slack)
    kind, low, high = QUALIFIERS[qualifier]
    return kind, value * low, value * high if math.isfinite(high) else INF


# A share written as a ratio is a percentage: "one in four adults" is 25 percent of them, not four
# adults. It is a rough figure, read as the value give or take a tenth ("one in three" and "30
# percent" agree). Fractions ("a third of") are not read: as shares they raised a false alarm on
# held-out stories (docs/ACCURACY.md).
_RATIO_RE = re.compile(
    rf"\b(?P<part>{_NUMBER_WORD}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?P<whole>{_NUMBER_WORD}|\d{{1,4}})\b"
    r"(?!\s*(?:%|percent|per\s+cent|[ap]\.?m\b))",
    re.IGNORECASE,
)
_SHARE_SLACK = 0.1


def _share(sentence: Sentence, text: str, start: int, end: int, percent: float) -> Quantity:
    qualifier, q_start = _qualifier_before(text, start)
    if qualifier is None:
        kind, low, high = "approximate", percent * (1 - _SHARE_SLACK), percent * (1 + _SHARE_SLACK)
    else:
        kind, low, high = _interval(percent, qualifier)
    begin = q_start if qualifier else start
    return Quantity(
        doc_id=sentence.doc_id,
        sentence=sentence.index,
        start=sentence.start + begin,
        end=sentence.start + end,
        text=text[begin:end],
        value=percent,
        low=low,
        high=high,
        qualifier=qualifier,
        kind=kind,
        noun="percent",
        noun_text="percent",
    )


def _ratios(sentence: Sentence, text: str) -> list[Quantity]:
    """The shares a sentence writes as ratios ("one in four", "three out of 10")."""
    found = []
    for match in _RATIO_RE.finditer(text):
        part, whole = parse_numeral(match["part"]), parse_numeral(match["whole"])
        if part is not None and whole is not None and 0 < part.value < whole.value:
            found.append(_share(sentence, text, match.start(), match.end(), 100 * part.value / whole.value))
    return found


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# "an hour and a half", "a mile and a half": one and a half of the noun between.
_ONE_AND_A_HALF = re.compile(r"\b(?P<one>an?|one)\s+[a-z]+\s+and\s+a\s+half\b", re.IGNORECASE)


def _make(
    sentence: Sentence,
    text: str,
    start: int,
    end: int,
    value: float,
    *,
    kind: str | None = None,
    low: float | None = None,
    high: float | None = None,
    garbled: bool = False,
    repaired: str | None = None,
) -> Quantity:
    """Build a Quantity from a number at [start, end) of the sentence text (sentence-relative offsets)."""
    half = _AND_A_HALF.match(text, end)
    if half and value == int(value) and kind is None:
        value, end = value + 0.5, half.end()  # "nine and a half hours", "two and a half million"
        scale_word = re.match(rf"\s+({_SCALE})\b", text[end:], re.IGNORECASE)
        if scale_word:
            value, end = value * SCALES[scale_word.group(1).lower()], end + scale_word.end()
    unit_scale = 1.0
    noun: str | None
    noun_text: str | None
    currency = currency_before(text, start, end)
    magnitude = None if currency else magnitude_after(text, end)  # "1.1bn euros", "5m people"
    symbol = None if currency or magnitude else unit_after(text, end)
    if currency or symbol:  # "$725 million", "R480m", "87 per cent", "187 km/h"
        reading = currency or symbol
        assert reading is not None
        unit_scale = reading.multiplier
        start = min(start, reading.start)
        noun, noun_text, noun_end = reading.unit, reading.unit, reading.end
    else:
        if magnitude:
            unit_scale, end = magnitude
        noun, noun_text, _ns, noun_end = _counted_noun(text, end)
        code_unit = currency_word(noun_text) if noun_text and re.fullmatch(r"[A-Z]{3}", noun_text) else None
        if code_unit:
            noun = code_unit  # "16.9 billion CZK"
    qualifier, q_start = _qualifier_before(text, start)
    if noun:
        head = noun.split()[-1]
        if head in UNIT_SCALES:
            unit, scale = UNIT_SCALES[head]
            unit_scale *= scale
            noun = " ".join([*noun.split()[:-1], unit])
    if kind is None:
        kind, low, high = _interval(value, qualifier, text[start:end])
    assert low is not None and high is not None
    scaled = value * unit_scale
    return Quantity(
        doc_id=sentence.doc_id,
        sentence=sentence.index,
        start=sentence.start + (q_start if qualifier else start),
        end=sentence.start + (noun_end if noun else end),
        text=text[(q_start if qualifier else start) : (noun_end if noun else end)],
        value=scaled,
        low=low * unit_scale,
        high=high * unit_scale,
        qualifier=qualifier,
        kind=kind,
        noun=noun,
        noun_text=noun_text,
        unit_scale=unit_scale,
        garbled=garbled,
        repaired=repaired,
    )


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def extract_quantities(sentence: Sentence, skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in one sentence. `skip` holds document spans already read as dates."""
    text = sentence.text
    taken = [(s - sentence.start, e - sentence.start) for s, e in skip]
    found: list[Quantity] = []

    for share in _ratios(sentence, text):
        span = (share.start - sentence.start, share.end - sentence.start)
        if not _overlaps(span, taken):
            found.append(share)
            taken.append(span)

    for match in _RANGE_RE.finditer(text):
        span = (match.start(), match.end())
        low_text = match.group("low") or match.group("low2")
        high_text = match.group("high") or match.group("high2")
        low_value, high_value = parse_numeral(low_text), parse_numeral(high_text)
        if _overlaps(span, taken) or low_value is None or high_value is None:
            continue
        if not low_value.value < high_value.value or not _counted_noun(text, match.end())[0]:
            continue  # "5-3" is a score; a range counts something
        if re.fullmatch(r"(?:19|20)\d\d", low_text) and _reads_as_year(text, match.end()):
            continue  # "the 2020-2021 season"
        found.append(
            _make(
                sentence,
                text,
                span[0],
                span[1],
                low_value.value,
                kind="range",
                low=low_value.value,
                high=high_value.value,
            )
        )
        taken.append(span)

    for match in _VAGUE_RE.finditer(text):
        span = (match.start(1), match.end(1))
        if _overlaps(span, taken):
            continue
        low, high = VAGUE[match.group(1).lower()]
        # The noun follows the vague phrase, which already ends in "of" where it has one.
        found.append(_make(sentence, text, span[0], span[1], low, kind="vague", low=low, high=high))
        taken.append(span)

    for numeral in find_numerals(text):
        span = (numeral.start, numeral.end)
        if _overlaps(span, taken):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", numeral.text) and _reads_as_year(text, numeral.end):
            continue  # "in 2001", "the 2006 accident", "2014 Oscars": a year, not a count
        if (
            _MODEL_CODE.search(text[: numeral.start]) and not currency_before(text, numeral.start, numeral.end)
        ) or re.match(r"\s*[ap]\.?\s?m\b", text[numeral.end :], re.I):
            continue  # "AK 47 rifles", "Boeing 737", "6:00 p.m.": a name or a time, not a count
        if _numbers_a_name(text, numeral.start, numeral.end, numeral.value):
            continue  # "the District 2 seat", "a Category 4 hurricane": a label, not a count
        found.append(
            _make(
                sentence,
                text,
                numeral.start,
                numeral.end,
                numeral.value,
                garbled=numeral.garbled,
                repaired=numeral.repaired if numeral.garbled else None,
            )
        )
        taken.append(span)

    for match in _WORD_NUMERAL_RE.finditer(text):
        span = (match.start(), match.end())
        if _overlaps(span, taken):
            continue
        parsed = parse_numeral(match.group())
        if parsed is None:
            continue
        # "one" is mostly a pronoun ("one of the..."); keep it only when it counts a noun. A hyphen
        # after a number word makes a count only as "nine-year term", not "twenty-first", "two-thirds".
        half = _AND_A_HALF.match(text, match.end())
        if (match.group().lower() == "one" or text.startswith("-", match.end())) and not _counted_noun(
            text, half.end() if half else match.end()
        )[0]:
            continue
        found.append(_make(sentence, text, span[0], span[1], parsed.value))
        taken.append(span)

    for match in _ONE_AND_A_HALF.finditer(text):
        if _overlaps((match.start(), match.end()), taken):
            continue
        q = _make(sentence, text, match.start(), match.end("one"), 1.0)
        if (
            q.noun and q.noun_text and len(q.noun_text.split()) == 1
        ):  # "an hour and a half", not "a day and a half later"
            found.append(
                replace(
                    q,
                    value=1.5 * q.unit_scale,
                    low=1.5 * q.unit_scale,
                    high=1.5 * q.unit_scale,
                    end=sentence.start + match.end(),
                    text=match.group(),
                )
            )
        taken.append((match.start(), match.end()))

    return _with_elided_nouns(sorted(found, key=lambda q: q.start), text, sentence.start)


# "killing nine people and injuring 31", "Nine people died and 13 were hurt": the second count's
# noun is the first's, left out after "and" a few words on.
_COORDINATED = re.compile(r"^(?:\s+[a-z]+){0,3}?\s+and(?:\s+[a-z]+){0,2}\s+$")


def _with_elided_nouns(found: list[Quantity], text: str, offset: int) -> list[Quantity]:
    result: list[Quantity] = []
    for q in found:
        previous = result[-1] if result else None
        if (
            q.noun is None
            and not q.garbled
            and previous is not None
            and previous.noun is not None
            and previous.unit_scale == 1.0
            and _COORDINATED.match(text[previous.end - offset : q.start - offset])
            and not re.match(r"\s*(?:%|percent|per cent|[a-z]*illion)", text[q.end - offset :])
        ):
            q = replace(q, noun=previous.noun, noun_text=previous.noun_text)
        elif (
            q.noun is None
            and not q.garbled
            and previous is not None
            and previous.noun is not None
            and previous.unit_scale == 1.0
            and q.value < previous.value
            and _PARTITIVE_AFTER.match(text[q.end - offset :])
        ):
            q = replace(
                q, noun=previous.noun, noun_text=previous.noun_text
            )  # "24 people were injured, four of them seriously"
        result.append(q)
    return result


_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:them|those|these|whom)\b")


def same_noun(a: Quantity, b: Quantity) -> bool:
    """Do two quantities count the same kind of thing? Compares heads by stem, with synonyms."""
    if not a.noun or not b.noun:
        return False
    return noun_key(a.noun) == noun_key(b.noun)


# Nouns that news uses interchangeably for the thing counted.
NOUN_SYNONYMS: dict[str, str] = {
    "troop": "soldier",
    "force": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "servicemember": "soldier",
    "person": "people",
    "civilian": "civilian",
    "fatality": "death",
    "casualty": "casualty",
    "position": "job",  # "eliminate 4,200 positions" = "cut 4,200 jobs"
    "role": "job",
    "koruna": "crown",  # the currency names news writes for ISO 4217's (see auditor.facts.units)
    "krona": "crown",
    "krone": "crown",
    "kronor": "crown",
    "kroner": "crown",
}


def noun_key(noun: str) -> str:
    """The comparable head of a counted noun: last word, singular, synonyms folded, stemmed."""
    head = singular(noun.split()[-1])
    head = UNIT_SYMBOLS.get(head, head)  # "an 85-km road" measures kilometres
    return stem(NOUN_SYNONYMS.get(head, head))
