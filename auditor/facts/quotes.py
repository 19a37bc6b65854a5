"""Quotations and who said them.

A quote is text between quotation marks (straight or typographic); its speaker is read from the
attribution beside it: `"...," Stoltenberg wrote`, `said Prince Faisal bin Farhan al Saud`,
`Jens Stoltenberg said: "..."`, after a long title or an honorific (`said Public Force director
Rocío Brenes`, `Dr. Priya Raman`), across an aside (`X, the reef ecologist who led the survey, told
reporters: "..."`) or in reported speech (`X said that Brazil "will not ..."`). "he said" is the
person the paragraph's previous sentence opened with, when no one else is named in between (a
written-out speaker), or else the last person named before it (a guess).
"""

from __future__ import annotations

import re

from auditor.facts.entities import HONORIFICS
from auditor.facts.model import EntityMention, Quote
from auditor.facts.words import LOWER, UPPER, plain
from auditor.model import Sentence

SAYING = r"(?:said|says|added|noted|wrote|told|stated|tweeted|warned|stressed|insisted|explained|declared|asked)"
_UPPER, _LOWER = UPPER, LOWER  # "Martín Echeverría", "Peñarol", "Tomáš Hradil"
NAME = rf"(?:[{_UPPER}][{_LOWER}]+(?:[-'][{_UPPER}]?[{_LOWER}]+)?)"  # one part of a person's name
_FULL_NAME = rf"{NAME}(?:\s+(?:(?:bin|al|van|von|de)\s+)?{NAME}){{0,4}}"
# A person named in full, two or three parts ("Kim Seong-ho", "Armando Teixeira Lobo", "Ludwig van
# Beethoven"): how the office and appointment readers take the holder.
FULL_PERSON_NAME = rf"{NAME}(?:\s+(?:(?:van|von|de|da|del|der|bin|al)\s+)*{NAME}){{1,2}}"
# "Dr. Priya Raman", "Sen. Ana Ruiz": an abbreviated honorific, its full stop no end of the name.
HONORIFIC = rf"(?:(?:{'|'.join(sorted((h.capitalize() for h in HONORIFICS), key=len, reverse=True))})\.?\s+)"
_PERSON = rf"{HONORIFIC}?{_FULL_NAME}"
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
_ASIDE = r"(?:,[^,\"“”‘’]{3,80},)?"
# Where the speaker works, between the name and the verb: "Dr. Sanjeewa Abeysekara of the Centre
# for Conservation and Research said".
# Only after a name in full: "Minister of Equipment and Water Karim Bennani said" is a title.
_AFFILIATION = r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][^,;\"“”‘’]{1,60}?"
AFTER = re.compile(
    rf"^[\s,]*(?:{SAYING}\s+{_TITLE}(?P<name1>{_PERSON})"
    rf"|{_TITLE}(?P<name2>{_PERSON}|{_PRONOUN}){_ASIDE}\s+(?:{SAYING})"
    rf"|{_TITLE}(?P<name3>{HONORIFIC}?{FULL_PERSON_NAME}){_AFFILIATION}{_ASIDE}\s+(?:{SAYING}))"
)
# A longer title of several capitalised words, "of" and "and": "said Public Force director Rocío
# Brenes, who ...", "Minister of Equipment and Water Karim Bennani said". The name must end where
# the attribution does, and is kept only if it reads as a person's (see `_person_in`).
_LONG_TITLE = rf"(?:(?:{NAME}|[a-z][\w'’-]*)\s+){{1,7}}?"
_NAME_ENDS = r"(?=\s*(?:$|[,.;:!?()\u2013\u2014-]|(?:of|who|at|in|on|from|during|after|before|to|when|while|as|and|for|with|adding|according)\b))"
AFTER_LONG_TITLE = re.compile(
    rf"^[\s,]*(?:{SAYING}\s+{_LONG_TITLE}(?P<name1>{_PERSON}){_NAME_ENDS}"
    rf"|{_LONG_TITLE}(?P<name2>{_PERSON}){_ASIDE}\s+(?:{SAYING})\b)"
)
BEFORE = re.compile(rf"(?P<name>{_PERSON}|{_PRONOUN}){_ASIDE}\s+{SAYING}(?:\s+that)?\s*[:,]?\s*$")
# The audience, the occasion or the day between the verb and a colon: "Linda Marsh told the full
# council meeting on Tuesday: ...", "Smith said at a news conference: ...".
BEFORE_ADDRESSED = re.compile(
    rf"(?P<name>{_PERSON}|{_PRONOUN}){_ASIDE}\s+{SAYING}\s+(?:to|at|in|on|after|before|the|a|an|reporters|journalists)\b"
    rf"[^\"“”‘’:;.!?]{{0,60}}:\s*$"
)
# Words quoted inside reported speech: `Celso Amorim ... said on Thursday that Brazil "will not
# accept ..."`, `Keith Labelle told reporters the city needs "every Calgarian to ..."`: a few words
# of the speaker's own clause between the verb (and "that") and the quote.
BEFORE_REPORTED = re.compile(
    rf"(?P<name>{_PERSON}){_ASIDE}\s+{SAYING}(?:\s+(?:reporters|journalists))?(?:\s+(?:on\s+)?[A-Z][a-z]+day|"
    rf"\s+(?:yesterday|today))?(?:\s+that)?(?:\s+[\w'’-]+){{1,3}}\s*$"
)
# A sentence that opens with the person it is about: "Captain Sefo Aumua did not hide his
# frustration.", "Dr. Anita Deshpande, the study's lead author, said ...". A "he said" after it,
# with no other name in between, is that person speaking.
_OPENING_PERSON = re.compile(rf"^(?:[A-Z][a-z]+\s+){{0,3}}?(?P<name>{_PERSON})(?=,|\s+[a-z])")
_NAME_RUN = re.compile(rf"{NAME}(?:\s+{NAME})+")


def extract_quotes(sentence: Sentence, last_person: str | None = None, previous: Sentence | None = None) -> list[Quote]:
    """Quotes in one sentence; `last_person` resolves "he said" to the person last named, and the
    person the `previous` sentence of the paragraph opened with gives that "he said" a written-out
    speaker when nobody else is named in between."""
    text = sentence.text
    quotes = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in _QUOTE_GROUPS if match.group(g) is not None)
        s, e = match.start(group), match.end(group)
        if len(match.group(group).split()) < 3:
            continue  # a scare-quoted term ("negotiated settlement") is not a quotation
        speaker, span = _attribution(text, match.start(), match.end())
        doc_span = (sentence.start + span[0], sentence.start + span[1]) if span else None
        if speaker and re.fullmatch(_PRONOUN, speaker):
            speaker, doc_span = last_person, None
            antecedent = opening_person(previous) if previous is not None else None
            if (
                antecedent
                and not _NAME_RUN.search(text[: match.start()])
                and _pronoun_fits(text, match.end(), antecedent[0])
            ):
                speaker, doc_span = antecedent[0], (antecedent[1], antecedent[2])
        quotes.append(
            Quote(
                doc_id=sentence.doc_id,
                sentence=sentence.index,
                start=sentence.start + s,
                end=sentence.start + e,
                text=text[s:e],
                speaker=speaker,
                speaker_start=doc_span[0] if doc_span else None,
                speaker_end=doc_span[1] if doc_span else None,
            )
        )
    return quotes


def _attribution(text: str, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The speaker written beside the quote text[start:end] and its span in `text`."""
    after = AFTER.match(text[end:])
    if after:
        name_group = next(group for group in ("name1", "name2", "name3") if after.group(group))
        speaker = _strip_title(after.group(name_group))
        if re.fullmatch(_PRONOUN, speaker) or _person_in(speaker):
            return speaker, (end + after.start(name_group), end + after.end(name_group))
    long_title = AFTER_LONG_TITLE.match(text[end:])
    if long_title:
        name_group = "name1" if long_title.group("name1") else "name2"
        person = _person_in(long_title.group(name_group))
        if person:
            name_end = end + long_title.end(name_group)
            return person, (name_end - len(person), name_end)
    before_text = text[:start]
    before = BEFORE.search(before_text) or BEFORE_ADDRESSED.search(before_text) or BEFORE_REPORTED.search(before_text)
    if before:
        speaker = _strip_title(before.group("name"))
        if re.fullmatch(_PRONOUN, speaker) or _person_in(speaker):
            return speaker, (before.start("name"), before.end("name"))
    return None, None


def _person_in(written: str) -> str | None:
    """The person's name at the end of an attribution's words: titles and common words before
    it dropped ("Water Karim Bennani" -> "Karim Bennani"); None when no word of it is a name
    ("Lagos State", "Public Force")."""
    from wordfreq import zipf_frequency

    from auditor.facts.names import first_name_gender

    words = _strip_title(written).split()
    common = [zipf_frequency(w.lower(), "en") >= COMMON_WORD_ZIPF and first_name_gender(w)[0] is None for w in words]
    while len(words) > 1 and common[0]:
        words, common = words[1:], common[1:]
    if len(words) == 1 and common[0] and len(written.split()) > 1:
        return None  # a title and a common word: "Public Force"
    if len(words) > 1 and common[-1] and first_name_gender(words[0])[0] is None:
        return None  # a place or a body: "Lagos State", "Health Ministry"
    return " ".join(words)


COMMON_WORD_ZIPF = 4.5  # "water", "state", "force": words, not names


def _pronoun_fits(text: str, quote_end: int, name: str) -> bool:
    """Does the "he"/"she" after the quote fit the person's first name (when it has a known gender)?"""
    from auditor.facts.names import first_name_gender

    pronoun = re.match(rf"^[\s,]*(?:[a-z]+\s+)*?({_PRONOUN})\b", text[quote_end:])
    gender, _confidence = first_name_gender(name.split()[0])
    if pronoun is None or gender is None:
        return True
    return {"he": "male", "she": "female"}.get(pronoun.group(1).lower(), gender) == gender


def opening_person(sentence: Sentence) -> tuple[str, int, int] | None:
    """The person a sentence opens with, as (name, start, end) in the document; None when the
    sentence names anyone else too (then a following "he said" is ambiguous)."""
    match = _OPENING_PERSON.match(sentence.text)
    if match is None:
        return None
    person = _person_in(match.group("name"))
    if person is None or len(person.split()) < 2:
        return None
    if _NAME_RUN.search(sentence.text[match.end("name") :]):
        return None
    end = sentence.start + match.end("name")
    return person, end - len(person), end


TITLE_WORDS = frozenset(
    """president secretary-general minister chief defence defense foreign interior spokesman spokeswoman
    general prince governor envoy ambassador commander secretary prime vice deputy mr mrs ms mx dr prof mayor
    king queen chancellor leader head director adviser advisor captain coach judge justice senator sen rep
    gov capt sgt rev cllr commissioner professor commodore colonel major lieutenant sergeant admiral inspector
    superintendent detective constable councillor""".split()  # noqa: SIM905
)
_TITLES_AND_HONORIFICS = TITLE_WORDS | HONORIFICS


def _strip_title(name: str) -> str:
    """ "Secretary-General Jens Stoltenberg" -> "Jens Stoltenberg"; "Biden's" -> "Biden".

    A bare title ("Secretary") stays as it is; callers check for it."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES_AND_HONORIFICS:
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
