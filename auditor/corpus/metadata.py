"""Metadata read from the article text when the user gave none: datelines, bylines, credits."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime

from auditor.corpus.agencies import agency_pattern, canonical_agency
from auditor.model import Credit
from auditor.text import line_blocks

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
HEADER_BLOCKS = 6  # datelines, bylines and timestamps sit at the top of a page

# "Moscow [Russia], July 2 (ANI):"  /  "WASHINGTON, Jan. 5, 2021 (Reuters) -"
AGENCY_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.' -]{{1,40}}?)(?: \[(?P<country>[^\]]{{2,40}})\])?,\s*"
    rf"(?P<date>{MONTH} \d{{1,2}}(?:,? \d{{4}})?)\s*\((?P<agency>{agency_pattern()})\)\s*[:—–-]"
)
# "KUNDUZ:" / "Kabul:" opening the first paragraph
PLACE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?):\s+(?=[A-Z\"“])")
# "16 Aug 2021, 07:27 am" / "July 2, 2021" / "2021-07-02"
TIMESTAMP = re.compile(
    rf"\b(?P<date>\d{{1,2}} {MONTH},? \d{{4}}|{MONTH} \d{{1,2}}, \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,? \d{1,2}:\d{2}\s?(?:[ap]\.?m\.?)?)?"
)
BYLINE = re.compile(
    r"^By (?P<names>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?:(?:, | and | & )[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})*)"
    rf"(?: (?:with|and) (?P<agency>{agency_pattern()}))?\s*$"
)
SOURCE_LINE = re.compile(
    rf"^(?:Source|Sources|Credit|With input from)s?:\s*(?P<names>{agency_pattern()}(?:(?:, | and | & |/){agency_pattern()})*)\.?\s*$"
)
PAREN_CREDIT = re.compile(rf"\((?P<agency>{agency_pattern()})\)\s*$")
QUOTED_CREDIT = re.compile(
    rf"\b(?:told|according to|reported by|quoted by|cited by)\s+(?:the\s+)?(?P<a>{agency_pattern()})\b"
    rf"|\b(?:the\s+)?(?P<b>{agency_pattern()})(?:\s+news agency)?\s+(?:reported|said|quoted|cited)\b"
    rf"|\breported\s+(?:the\s+)?(?P<c>{agency_pattern()})\b"
)
PHOTO_CREDIT = re.compile(
    r"^(?:(?:Copyright|Photo|Photograph|Image|Picture|Credit|©)[:\s]+(?:©\s*)?)?"
    r"(?P<left>[\w.' -]{2,40})/(?P<right>[\w.' -]{2,40}?)(?: or licensors)?\s*$"
)


@dataclass
class TextMetadata:
    dateline: str | None = None
    published: date | None = None
    published_text: str | None = None  # the date as written, when no year could be read
    byline: str | None = None
    credits: list[Credit] = field(default_factory=list)


def parse_date(text: str) -> date | None:
    """A calendar date from a written date, or None when the text gives no full date."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if not re.search(r"\d{4}", text):
        return None  # no year: do not guess one
    import dateparser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if isinstance(parsed, datetime) else None


def _is_agency_like(name: str) -> bool:
    name = name.strip()
    return canonical_agency(name) is not None or bool(re.fullmatch(r"[A-Z]{2,8}", name))


def extract_text_metadata(text: str) -> TextMetadata:
    meta = TextMetadata()
    blocks = line_blocks(text)
    seen: set[tuple[str, str]] = set()

    def add(name: str, role: str, start: int, end: int) -> None:
        canonical = canonical_agency(name) or name.strip()
        if (canonical, role) in seen:
            return
        seen.add((canonical, role))
        meta.credits.append(Credit(canonical, role, text[start:end], start, end))

    for number, (lead, end) in enumerate(blocks):
        # Scrapes are full of no-break spaces; same length, so offsets still hold.
        line = text[lead:end].replace("\xa0", " ")
        in_header = number < HEADER_BLOCKS
        if in_header and meta.dateline is None:
            match = AGENCY_DATELINE.match(line)
            if match:
                meta.dateline = match.group(0).rstrip(":—–- ")
                meta.published_text = match.group("date")
                meta.published = meta.published or parse_date(match.group("date"))
                add(match.group("agency"), "text", lead + match.start("agency"), lead + match.end("agency"))
            elif PLACE_DATELINE.match(line) and len(line.split()) > 6:
                meta.dateline = PLACE_DATELINE.match(line).group("place")  # type: ignore[union-attr]
        if in_header and meta.published is None:
            stamp = TIMESTAMP.search(line)
            if stamp and len(line.split()) <= 16:
                meta.published = parse_date(stamp.group("date"))
                meta.dateline = meta.dateline or stamp.group(0)
        byline = BYLINE.match(line) if in_header else None
        if byline:
            meta.byline = line
            if byline.group("agency"):
                add(byline.group("agency"), "text", lead + byline.start("agency"), lead + byline.end("agency"))
        source = SOURCE_LINE.match(line)
        if source:
            for name in re.split(r", | and | & |/", source.group("names")):
                start = text.find(name, lead)
                add(name, "text", start, start + len(name))
        photo = PHOTO_CREDIT.match(line)
        if photo and len(line.split()) <= 10:
            left, right = photo.group("left").strip(), photo.group("right").strip()
            name = right if _is_agency_like(right) or not _is_agency_like(left) else left
            start = text.find(name, lead)
            add(name, "photo", start, start + len(name))
        paren = PAREN_CREDIT.search(line)
        if paren:
            previous = text[slice(*blocks[number - 1])].replace("\xa0", " ") if number else ""
            # A caption repeated with an agency credit is a photo credit; elsewhere it credits the text.
            is_caption = previous and line[: paren.start()].strip() == previous
            add(
                paren.group("agency"),
                "photo" if is_caption else "text",
                lead + paren.start("agency"),
                lead + paren.end("agency"),
            )
        for quoted in QUOTED_CREDIT.finditer(line):
            group = next(g for g in ("a", "b", "c") if quoted.group(g))
            add(quoted.group(group), "quoted", lead + quoted.start(group), lead + quoted.end(group))
    return meta
