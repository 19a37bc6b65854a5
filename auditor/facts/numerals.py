"""Numerals in news text, including the shapes machine translation breaks them into.

`parse_numeral("2 5 Hundreds")` reads the value a writer meant (2500); `find_numerals(text)`
finds every numeral with its span and value; `find_garbled_numerals(text)` keeps the damaged
ones, each with a repaired string an editor can paste:

- digits split by spaces before a scale word: "2 5 Hundreds" -> "2,500"
- a number followed by a plural scale word: "16 Thousands" -> "16,000", "3 millions" -> "3 million"
- broken digit groups: "10,00", "1,0000"; spaces as group separators "2 500" -> "2,500";
  dots as group separators "1.000.000" -> "1,000,000"
- South Asian numbering inside Western text: "1,00,000" -> "100,000", "5 lakh" -> "500,000",
  "2 crore" -> "20 million"
- a decimal comma before a scale word: "2,5 million" -> "2.5 million"

Why these shapes: MT systems translating from Persian, Urdu, Hindi or Chinese copy the source's
digit grouping and pluralise the scale word ("hazaran", "sadhā"), and OCR/scrapers split digits.
A fact-checker comparing "2 5 Hundreds" with "2,500" must see the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from auditor.facts.units import ATTACHED_UNITS, SIGNS_TOUCHING_DIGITS
from auditor.facts.words import MONTH_ABBREVIATIONS, MONTHS

SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "lac": 100_000,
    "crore": 10_000_000,
}
SOUTH_ASIAN_SCALES = frozenset({"lakh", "lac", "crore"})

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "a": 1, "an": 1,
}  # fmt: skip

_SCALE_WORD = r"(?:hundreds?|thousands?|millions?|billions?|trillions?|lakhs?|lacs?|crores?)"
# A run of digits, possibly grouped by commas/dots or split by single spaces, and optional scale words.
# The lookbehind keeps us out of times (07:27), dates (9/11, 2021-07-27), ids and words (G7, 4x4).
# A numeral may touch a currency letter before it ("R480m", "Rs500", "RM450,000") and a unit after it ("40m",
# "1.1bn", "187km/h"): auditor.facts.units reads those.
_AFTER_SIGN = "|".join(rf"(?<=\b{re.escape(sign)})" for sign in SIGNS_TOUCHING_DIGITS)
NUMERAL_RE = re.compile(
    rf"(?:(?<![\w.,:/\-–])|{_AFTER_SIGN})(?P<num>\d+(?:[.,]\d+)*(?: \d+(?:[.,]\d+)*)*)"
    rf"(?P<scale>(?:\s+{_SCALE_WORD}\b)+)?(?!(?!{ATTACHED_UNITS}(?![\w/²]))[\w/:]|-\d)",
    re.IGNORECASE,
)
_MONTHS = frozenset(MONTHS) | MONTH_ABBREVIATIONS


@dataclass(frozen=True)
class NumeralParse:
    """One numeral: where it is, what it means, and (if damaged) how to write it."""

    text: str  # the exact source text
    start: int
    end: int
    value: float
    repaired: str  # how a Western-English news desk writes it ("2,500", "20 million")
    garbled: bool = False
    kind: str = "plain"  # plain | split-digits | plural-scale | digit-groups | spaced-groups | south-asian | ...
    reason: str = ""  # one sentence for the report
    confidence: float = 1.0

    @property
    def int_value(self) -> int | None:
        return int(self.value) if float(self.value).is_integer() else None


def format_western(value: float) -> str:
    """2500 -> "2,500"; 20000000 -> "20 million"; 2.5e9 -> "2.5 billion"."""
    for name, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if value >= size:
            scaled = Decimal(str(value)) / size
            if scaled == scaled.quantize(Decimal("0.01")):
                text = format(scaled.normalize(), "f")
                return f"{text} {name}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}".rstrip("0").rstrip(".")


def _scale_words(scale: str | None) -> list[str]:
    return [w.lower() for w in (scale or "").split()]


def _scale_value(words: list[str]) -> tuple[int, list[str]]:
    multiplier = 1
    singular = []
    for word in words:
        base = word[:-1] if word.endswith("s") and word[:-1] in SCALES else word
        multiplier *= SCALES[base]
        singular.append(base)
    return multiplier, singular


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _read_digits(num: str) -> tuple[Decimal, str, str, float] | None:
    """Value of the digit part, the damage kind ("" if none), a reason, and confidence."""
    if " " in num:
        chunks = num.split(" ")
        if all(c.isdigit() for c in chunks):
            if chunks[0].startswith("0") or len(chunks) > 4:
                return None  # phone numbers and codes ("0800 123 456"), not one quantity
            if all(len(c) == 3 for c in chunks[1:]) and 1 <= len(chunks[0]) <= 3:
                return Decimal("".join(chunks)), "spaced-groups", "digit groups separated by spaces", 0.7
            return Decimal("".join(chunks)), "split-digits", "digits split by spaces", 0.9
        return None
    if "," in num and "." not in num:
        groups = num.split(",")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return Decimal("".join(groups)), "", "", 1.0
        if re.fullmatch(r"\d{1,2}(?:,\d\d)+,\d{3}", num):
            return (
                Decimal("".join(groups)),
                "south-asian-groups",
                "South Asian digit grouping (lakh/crore) in Western text",
                0.85,
            )
        if len(groups) == 2 and len(groups[1]) in (1, 2) and len(groups[0]) <= 3:
            # "2,5" is a decimal comma, a list or a broken group; only a scale word makes it clear.
            return Decimal(f"{groups[0]}.{groups[1]}"), "decimal-comma", "decimal comma", 0.6
        return Decimal("".join(groups)), "digit-groups", "broken digit groups", 0.8
    if num.count(".") >= 2 and "," not in num:
        groups = num.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return Decimal("".join(groups)), "dot-groups", "dots used as thousands separators", 0.8
        return None  # version numbers, IP addresses
    if "," in num and "." in num:
        # "1,234.5" is fine; "1.234,5" is continental.
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", num):
            return Decimal(num.replace(",", "")), "", "", 1.0
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", num):
            return (
                Decimal(num.replace(".", "").replace(",", ".")),
                "dot-groups",
                "continental number format",
                0.8,
            )
        return None
    value = _decimal(num)
    return (value, "", "", 1.0) if value is not None else None


def _parse_match(text: str, num: str, scale: str | None, start: int, end: int) -> NumeralParse | None:
    digits = _read_digits(num)
    if digits is None:
        return None
    value, kind, reason, confidence = digits
    words = _scale_words(scale)
    multiplier, singular = _scale_value(words) if words else (1, [])
    total = value * multiplier
    plural = any(w.endswith("s") and w[:-1] in SCALES for w in words)
    south_asian = any(w in SOUTH_ASIAN_SCALES for w in singular)

    if kind == "split-digits" and not words:
        # "2 5" alone is two numbers (a list, a score); only a scale word makes it one numeral.
        return None
    if kind == "decimal-comma" and not words:
        return None
    if kind == "spaced-groups" and words:
        kind, reason = "split-digits", "digits split by spaces"
    if not kind and plural:
        kind, reason, confidence = (
            "plural-scale",
            f"plural scale word after a number ('{scale.strip() if scale else ''}')",
            0.9,
        )
    elif kind == "split-digits" and plural:
        reason = "digits split by spaces and a plural scale word"
        confidence = 0.95
    if south_asian:
        kind = kind or "south-asian"
        reason = (reason + "; " if reason and kind != "south-asian" else "") + "lakh/crore numbering in Western text"
        confidence = min(confidence, 0.75) if kind == "south-asian" else confidence

    number = float(total)
    if kind in ("", "plain"):
        return NumeralParse(text, start, end, number, text, False, "plain", "", 1.0)
    repaired = format_western(number)
    if not south_asian and singular and singular[-1] in ("million", "billion", "trillion"):
        # Keep the writer's scale word: "3 millions" -> "3 million", "2,5 million" -> "2.5 million".
        base = format(value.normalize(), "f") if value != value.to_integral() else f"{int(value):,}"
        repaired = f"{base} {' '.join(singular)}"
    return NumeralParse(text, start, end, number, repaired, True, kind, reason, confidence)


def _preceded_by_month(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower().rstrip(".,") in _MONTHS


def find_numerals(text: str) -> list[NumeralParse]:
    """Every digit numeral in `text` (garbled or not), with spans into `text`."""
    found: list[NumeralParse] = []
    for match in NUMERAL_RE.finditer(text):
        num, scale = match.group("num"), match.group("scale")
        start, end = match.start(), match.end()
        parsed = _parse_match(text[start:end], num, scale, start, end)
        if parsed is not None and parsed.kind in ("spaced-groups", "split-digits") and _preceded_by_month(text, start):
            parsed = None  # "July 2 500 people": a date, then a number
        if parsed is None and " " in num:
            # Not one numeral: read each space-separated piece on its own.
            cursor = match.start("num")
            for piece in num.split(" "):
                piece_start = text.index(piece, cursor)
                cursor = piece_start + len(piece)
                is_last = cursor == match.end("num")
                piece_scale = scale if is_last else None
                piece_end = match.end() if is_last else cursor
                sub = _parse_match(text[piece_start:piece_end], piece, piece_scale, piece_start, piece_end)
                if sub is not None:
                    found.append(sub)
            continue
        if parsed is not None:
            found.append(parsed)
    return found


def find_garbled_numerals(text: str) -> list[NumeralParse]:
    """The numerals in `text` that machine translation or scraping has damaged, with repairs."""
    return [n for n in find_numerals(text) if n.garbled]


def parse_numeral(text: str) -> NumeralParse | None:
    """Read one numeral written in digits or words: "2 5 Hundreds" -> 2500, "five thousand" -> 5000.

    Returns None when `text` (stripped) is not a single numeral.
    """
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    match = NUMERAL_RE.fullmatch(stripped)
    if match:
        parsed = _parse_match(stripped, match.group("num"), match.group("scale"), offset, offset + len(stripped))
        if parsed is not None:
            return parsed
    return _parse_word_numeral(stripped, offset)


def _parse_word_numeral(stripped: str, offset: int) -> NumeralParse | None:
    """ "five thousand", "twenty-five", "a dozen", "two hundred thousand"."""
    tokens = re.split(r"[\s-]+", stripped.lower())
    if _compound(tokens):
        from text_to_num import text2num

        try:
            value = text2num(" ".join("one" if t in ("a", "an") else t for t in tokens), "en")
        except ValueError:
            return None
        return NumeralParse(stripped, offset, offset + len(stripped), float(value), stripped, False, "plain", "", 1.0)
    count_words = [t for t in tokens if t in NUMBER_WORDS]
    scale_words = tokens[len(count_words) :]
    if not count_words or any(not (w in SCALES or (w.endswith("s") and w[:-1] in SCALES)) for w in scale_words):
        return None
    value = _word_value(count_words)
    if value is None or (count_words[0] in ("a", "an") and len(count_words) == 1 and not scale_words):
        return None
    multiplier, _singular = _scale_value(scale_words) if scale_words else (1, [])
    total = float(value * multiplier)
    end = offset + len(stripped)
    if any(w.endswith("s") for w in scale_words):
        return NumeralParse(
            stripped, offset, end, total, format_western(total), True, "plural-scale", "plural scale word", 0.8
        )
    return NumeralParse(stripped, offset, end, total, stripped, False, "plain", "", 1.0)


def _compound(tokens: list[str]) -> bool:
    """ "two hundred sixty four", "one thousand and one": a count goes on after a scale word."""
    return any(
        t in SCALES and any(u in NUMBER_WORDS and u not in ("a", "an") for u in tokens[i + 1 :])
        for i, t in enumerate(tokens)
    )


def _word_value(parts: list[str]) -> int | None:
    """ "twenty five" -> 25, "a dozen" / "two dozen" -> 12 / 24, "seven" -> 7."""
    if parts[-1] == "dozen":
        head = parts[:-1] or ["a"]
        count = _word_value(head) if head != ["a"] and head != ["an"] else 1
        return None if count is None else count * 12
    if len(parts) == 1:
        return NUMBER_WORDS[parts[0]]
    if len(parts) == 2 and 20 <= NUMBER_WORDS[parts[0]] <= 90 and 1 <= NUMBER_WORDS[parts[1]] <= 9:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None
