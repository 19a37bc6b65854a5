"""Quotations and who said them.

A quote is text between quotation marks (straight or typographic); its speaker is read from the
attribution beside it: `"...," Stoltenberg wrote`, `said Prince Faisal bin Farhan al Saud`,
`Jens Stoltenberg said: "..."`. "he said" takes the last person named before it in the document.
"""

from __future__ import annotations

import re

from auditor.facts.model import EntityMention, Quote
from auditor.facts.words import LOWER, UPPER, plain
from auditor.model import Sentence

SAYING = r"(?:said|says|added|noted|wrote|told|stated|tweeted|warned|stressed|insisted|explained|declared|asked)"
_UPPER, _LOWER = UPPER, LOWER  # "Martín Echeverría", "Peñarol", "Tomáš Hradil"
NAME = rf"(?:[{_UPPER}][{_LOWER}]+(?:[-'][{_UPPER}]?[{_LOWER}]+)?)"  # one part of a person's name
_FULL_NAME = rf"{NAME}(?:\s+(?:(?:bin|al|van|von|de)\s+)?{NAME}){{0,4}}"
_PRONOUN = r"(?:he|she|they|He|She|They)"

# Opening mark -> closing marks it pairs with. Single quotes ('...', ‘...’) open only where no
# word runs into them and close only before a space or punctuation: "the dockers' section" and
# "don’t" are apostrophes.
_QUOTE = re.compile(
    r"[\"“”](?P<a>[^\"“”]{3,}?)[\"“”]|‘‘(?P<c>[^‘’]{3,}?)’’|''(?P<b>[^']{3,}?)''"
    r"|(?<![\w'])'(?P<d>[^']{3,}?[^\s'])'(?=[\s,.;:!?]|$)|‘(?P<e>[^‘’]{3,}?(?:’\w[^‘’]*?)*[^\s‘’])’(?=[\s,.;:!?]|$)"
)
_QUOTE_GROUPS = ("a", "b", "c", "d", "e")

# A lowercase title may sit before the name: "said army chief Wali Ahmadzai", and a name before
# the title: "Ireland captain Ciaran Walsh said"; an aside may stand between the name and the verb:
# "Johan Peeters, who heads the union's dockers' section, told reporters".
_TITLE = rf"(?:{NAME}\s+(?=[a-z]))?(?:[a-z][\w-]*\s+){{0,3}}?"
AFTER = re.compile(
    rf"^[\s,]*(?:{SAYING}\s+{_TITLE}(?P<name1>{_FULL_NAME})"
    rf"|{_TITLE}(?P<name2>{_FULL_NAME}|{_PRONOUN})(?:,[^,\"“”‘’]{{3,80}},)?\s+(?:{SAYING}))"
)
BEFORE = re.compile(rf"(?P<name>{_FULL_NAME}|{_PRONOUN})\s+{SAYING}(?:\s+that)?\s*[:,]?\s*$")
# The audience, the occasion or the day between the verb and a colon: "Linda Marsh told the full
# council meeting on Tuesday: ...", "Smith said at a news conference: ...".
BEFORE_ADDRESSED = re.compile(
    rf"(?P<name>{_FULL_NAME}|{_PRONOUN})\s+{SAYING}\s+(?:to|at|in|on|after|before|the|a|an|reporters|journalists)\b"
    rf"[^\"“”‘’:;.!?]{{0,60}}:\s*$"
)


def extract_quotes(sentence: Sentence, last_person: str | None = None) -> list[Quote]:
    """Quotes in one sentence; `last_person` resolves "he said" to the person last named."""
    text = sentence.text
    quotes = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in _QUOTE_GROUPS if match.group(g) is not None)
        s, e = match.start(group), match.end(group)
        if len(match.group(group).split()) < 3:
            continue  # a scare-quoted term ("negotiated settlement") is not a quotation
        speaker = None
        span: tuple[int, int] | None = None
        after = AFTER.match(text[match.end() :])
        before = BEFORE.search(text[: match.start()]) or BEFORE_ADDRESSED.search(text[: match.start()])
        if after:
            name_group = "name1" if after.group("name1") else "name2"
            speaker = after.group(name_group)
            span = (match.end() + after.start(name_group), match.end() + after.end(name_group))
        elif before:
            speaker = before.group("name")
            span = (before.start("name"), before.end("name"))
        speaker = _strip_title(speaker) if speaker else None
        if speaker and re.fullmatch(_PRONOUN, speaker):
            speaker = last_person
            span = None
        quotes.append(
            Quote(
                doc_id=sentence.doc_id,
                sentence=sentence.index,
                start=sentence.start + s,
                end=sentence.start + e,
                text=text[s:e],
                speaker=speaker,
                speaker_start=sentence.start + span[0] if span else None,
                speaker_end=sentence.start + span[1] if span else None,
            )
        )
    return quotes


TITLE_WORDS = frozenset(
    """president secretary-general minister chief defence defense foreign interior spokesman spokeswoman
    general prince governor envoy ambassador commander secretary prime vice deputy mr mrs ms dr mayor king
    queen chancellor leader head director adviser advisor""".split()  # noqa: SIM905
)


def _strip_title(name: str) -> str:
    """ "Secretary-General Jens Stoltenberg" -> "Jens Stoltenberg"; "Biden's" -> "Biden".

    A bare title ("Secretary") stays as it is; callers check for it."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return re.sub(r"['’]s$", "", " ".join(words))


def surname(name: str) -> str:
    """The part of a name that outlets keep when they shorten it ("Stoltenberg")."""
    return plain(_strip_title(name).split()[-1].lower())  # "Šimunović" and "Simunovic" are one name


def last_person_named(entities: list[EntityMention], quotes: list[Quote]) -> str | None:
    """The person a following "he said" most likely refers to."""
    people = [(e.start, e.canonical) for e in entities if e.kind == "person"]
    people += [(q.speaker_start or q.start, q.speaker) for q in quotes if q.speaker]
    return max(people)[1] if people else None
