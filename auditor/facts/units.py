"""Units written around a number: currency signs and codes before it, symbols and abbreviations
after it ("$725 million", "R1.1bn", "CZK 16.9 billion", "87 per cent", "187 km/h", "4.2 t").

Each becomes a counted noun like any other ("dollar", "percent", "kmh"), so the contradiction
checks compare "$725 million" with "725 million dollars" and "9.25%" with "9.0 percent".
Currency codes come from pycountry (ISO 4217), not a hand list; the signs are the few that no
package maps to a currency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

# Signs written before an amount. "$" alone is any dollar: outlets of one story mean one.
_CURRENCY_SIGNS: dict[str, str] = {
    "US$": "dollar",
    "A$": "dollar",
    "C$": "dollar",
    "HK$": "dollar",
    "NZ$": "dollar",
    "S$": "dollar",
    "$": "dollar",
    "€": "euro",
    "£": "pound",
    "¥": "yen",
    "₹": "rupee",
    "Rs": "rupee",
    "Rs.": "rupee",
    "₦": "naira",
    "₺": "lira",
    "R": "rand",
    "KSh": "shilling",
    "Ksh": "shilling",
    "TSh": "shilling",
    "USh": "shilling",
    "RM": "ringgit",  # "fined RM450,000"
    "Rp": "rupiah",
    "Rp.": "rupiah",
    "₱": "peso",
    "Tk": "taka",
    "৳": "taka",
    "₩": "won",
    "₫": "dong",
    "฿": "baht",
    "₽": "ruble",
    "₴": "hryvnia",
    "₸": "tenge",
    "₾": "lari",
    "₭": "kip",
    "₮": "tugrik",
    "NT$": "dollar",
    "R$": "real",
    "GH₵": "cedi",
    "GH¢": "cedi",
    "E£": "pound",
}
# Currencies English news names by another word than ISO 4217's: Czech koruna and Swedish krona
# are "crowns"; "Pound Sterling" is a pound, "Yuan Renminbi" a yuan.
_CURRENCY_WORDS = {
    "koruna": "crown",
    "krona": "crown",
    "krone": "crown",
    "sterling": "pound",
    "renminbi": "yuan",
    "omani": "rial",
    "uruguayo": "peso",
    "soberano": "bolivar",
    "bceao": "franc",  # CFA francs
    "beac": "franc",
}

# Letters written straight after an amount of money: "R480m", "$1.1bn", "£40k".
MAGNITUDES: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}

# Symbols and abbreviations written after a number, with the unit word they stand for. The unit
# words are single tokens so that "km/h" is not read as hours.
UNIT_SYMBOLS: dict[str, str] = {
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "km/h": "kmh",
    "kmh": "kmh",
    "kph": "kmh",
    "mph": "mph",
    "km": "kilometre",
    "m": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "kg": "kilogram",
    "ft": "foot",
    "lb": "pound",
    "lbs": "pound",
    "kw": "kilowatt",
    "mw": "megawatt",
    "gw": "gigawatt",
    "kwh": "kilowatt-hour",
    "mwh": "megawatt-hour",
    "gwh": "gigawatt-hour",
    "twh": "terawatt-hour",
    "ha": "hectare",
    "sq km": "sqkm",
    "km2": "sqkm",
    "km²": "sqkm",
    "°c": "celsius",
    "ºc": "celsius",
    "°f": "fahrenheit",
    "bps": "basis point",
}
# The abbreviations that may touch the digits ("187km/h", "40m", "9.5%"); numerals.py lets a
# numeral end right before one of them.
ATTACHED_UNITS = (
    r"(?:km/h|kmh|kph|mph|km²|km2|kwh|mwh|gwh|twh|km|cm|mm|kg|ft|lbs|lb|kw|mw|gw|ha|bps|bn|mn|mln|trn|tn|m|k|b)"
)

_UNIT_AFTER = re.compile(
    r"(?P<gap>\s?)(?P<unit>%|per\s+cent|pct|km/h|kmh|kph|mph|sq\s+km|km²|km2|kwh|mwh|gwh|twh|km|cm|mm|kg|ft|lbs|lb|kw|mw|gw|ha|[°º]\s?[cf]|bps|m)"
    r"(?![\w/²])",
    re.IGNORECASE,
)
_SIGNS = [sign for sign in sorted(_CURRENCY_SIGNS, key=len, reverse=True) if sign != "$"]
_LETTER_SIGNS = "|".join(re.escape(sign) for sign in _SIGNS if sign[0].isalpha())
_SYMBOL_SIGNS = "|".join(re.escape(sign) for sign in _SIGNS if not sign[0].isalpha())
# Signs that end in a letter or a stop touch their digits ("R480m", "Rs.500", "RM450,000"): numerals.py
# reads a numeral right after any of them.
SIGNS_TOUCHING_DIGITS = tuple(sign for sign in _SIGNS if sign[-1].isalpha() or sign[-1] == ".")
_SIGN_BEFORE = re.compile(
    rf"(?:(?<![\w$])(?P<sign>{_LETTER_SIGNS})|(?P<symbol>{_SYMBOL_SIGNS}|\$)|\b(?P<code>[A-Z]{{3}}))\s?$"
)
_MAGNITUDE_AFTER = re.compile(r"(?P<magnitude>bn|mn|mln|trn|tn|m|k|b)(?![\w/])", re.IGNORECASE)


@lru_cache(maxsize=512)
def currency_word(code: str) -> str | None:
    """'CZK' -> 'crown', 'KES' -> 'shilling'; None if no ISO 4217 currency has the code."""
    currency = pycountry.currencies.get(alpha_3=code)
    if currency is None:
        return None
    words = currency.name.lower().split()
    word = words[0] if words[-1] in ("sterling", "renminbi") else words[-1]
    return _CURRENCY_WORDS.get(word, word)


@dataclass(frozen=True, slots=True)
class UnitReading:
    """What the signs around a number say: the unit word, the written span, a multiplier."""

    unit: str
    start: int  # where the written quantity begins (the sign, when one stands before)
    end: int  # where it ends (after an attached magnitude or symbol)
    multiplier: float = 1.0


def currency_before(text: str, start: int, end: int) -> UnitReading | None:
    """A currency sign or ISO code right before the number at [start, end), with any magnitude
    letters straight after it: "R480m" -> rand x 1e6, "CZK 16.9 billion" -> crown."""
    match = _SIGN_BEFORE.search(text[max(0, start - 5) : start])
    if match is None:
        return None
    sign = match.group("sign") or match.group("symbol")
    if sign:
        unit = _CURRENCY_SIGNS[sign]
    else:
        code_unit = currency_word(match.group("code"))
        if code_unit is None:
            return None
        unit = code_unit
    if sign == "R" and not _MAGNITUDE_AFTER.match(text, end) and not re.match(r"\d{1,3},\d{3}", text[start:end]):
        return None  # "R2" is as likely a road or a rating as rand: only "R480m", "R25,000"
    begin = start - (len(match.group(0)))
    magnitude = _MAGNITUDE_AFTER.match(text, end)
    if magnitude:
        return UnitReading(unit, begin, magnitude.end(), MAGNITUDES[magnitude.group("magnitude").lower()])
    return UnitReading(unit, begin, end)


def unit_after(text: str, end: int) -> UnitReading | None:
    """A unit symbol or abbreviation right after the number ending at `end`: "87 per cent",
    "187 km/h", "40m" (metres: money takes its magnitude letters in `currency_before`)."""
    match = _UNIT_AFTER.match(text, end)
    if match is None:
        return None
    written = re.sub(r"\s+", " ", match.group("unit").lower()).replace("º", "°").replace("° ", "°")
    if written == "m" and match.group("gap"):
        return None  # "40 m" is too often a scale word cut short ("40 m euros"); only "40m"
    unit = UNIT_SYMBOLS.get(written)
    if unit is None:
        return None
    return UnitReading(unit, end, match.end())


_RACES = re.compile(r"\s+(?:hurdles|relays|sprints|heats)\b")  # "the 400m hurdles" are metres
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+s|people|children|men|women)\b")


def magnitude_after(text: str, end: int) -> tuple[float, int] | None:
    """Magnitude letters on an amount with no currency sign: "1.1bn euros", "5m people" ->
    (multiplier, end of the letters). A bare "m" is a million only before a plural noun;
    "a 40m drop", "the 400m final" are metres."""
    match = _MAGNITUDE_AFTER.match(text, end)
    if match is None:
        return None
    letters = match.group("magnitude").lower()
    if letters in ("m", "k", "b") and (not _PLURAL_AFTER.match(text, match.end()) or _RACES.match(text, match.end())):
        return None
    return MAGNITUDES[letters], match.end()


# Currency names that are also everyday English words ("real", "won", "sum") or accounting units
# no news story counts in: not read as units.
_NOT_UNITS = frozenset({"real", "won", "mark", "sum", "colon", "sol", "gold", "oro", "previsional", "mvdol", "fomento"})


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    """Every currency word this module produces, ISO 4217's included ("euro", "zloty", "crown")."""
    currencies = {
        currency_word(c.alpha_3)
        for c in pycountry.currencies
        if "(" not in c.name and (not c.alpha_3.startswith("X") or c.alpha_3 in ("XAF", "XOF", "XCD", "XPF"))
    }
    # "won" and "real" are English words first: "5,000 won" stays what it was before "₩" was read
    return frozenset({*_CURRENCY_SIGNS.values(), *_CURRENCY_WORDS.values(), *(c for c in currencies if c)}) - _NOT_UNITS


@lru_cache(maxsize=1)
def measure_words() -> frozenset[str]:
    """Every unit word this module produces, currencies included: amounts in these measure
    something the noun does not name ("12.5 million euros" of what?)."""
    return frozenset({*UNIT_SYMBOLS.values(), *currency_words()})
