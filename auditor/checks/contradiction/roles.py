"""C003 entity role: the same role given to different people or places (who said a quote, who holds
or takes an office, who won a prize or a contract, where an event took place)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations
from typing import Any

from auditor.checks.contradiction.common import (
    _CLAUSE_STOP,
    EVENT_PLACES_ARTIFACT,
    FIGURE_MIN,
    POSTING_CAP,
    _names_in,
    _severity,
    _story_pairs,
    _timing,
    _two_outlets_flag,
    _where,
    candidate_pairs,
    document_names,
)
from auditor.checks.contradiction.flights import flight_flags
from auditor.checks.contradiction.numeric import SAME_EVENT_CONFIDENCE, _loosely_aligned, _share_day
from auditor.checks.contradiction.operators import operator_flags
from auditor.checks.contradiction.placings import placing_flags
from auditor.checks.contradiction.replacements import replacement_flags
from auditor.checks.contradiction.sites import site_flags
from auditor.checks.registry import CORPUS, CheckContext, rule
from auditor.facts import DocumentFacts, document_facts
from auditor.facts.dates import SAYING_VERBS, event_class, is_eventive
from auditor.facts.entities import HONORIFICS, PERSON_WITH_TITLE, load_gazetteer
from auditor.facts.model import Quote
from auditor.facts.quotes import FULL_PERSON_NAME, HONORIFIC, surname
from auditor.facts.succession import Succession, same_post, successions
from auditor.facts.words import CALENDAR_WORDS, MONTHS, UPPER, WEEKDAYS, plain, stem, word_set
from auditor.model import Category, Document, Evidence, Flag, Sentence, Severity

_SINGLE_HOLDER = re.compile(
    r"^(?:(?:vice|first\s+vice)\s+)?(?:president|prime\s+minister|chancellor|king|queen|secretary[\s-]general|"
    r"secretary\s+of\s+state|chief|(?:foreign|defen[cs]e|interior|finance|health|home)\s+minister|governor|mayor)$",
    re.IGNORECASE,
)
# A company's single-holder offices, as the titles name them once folded by _SAME_OFFICE.
# Companies are too many for a gazetteer, so the capitalised name right before the title is
# taken as the company ("Volvo Cars chief executive Jim Rowan").
_GENERIC_ORGANISATION = word_set("board company group firm bank committee party council club team union")
_SAME_OFFICE = {"ceo": "chief executive", "chief executive officer": "chief executive", "chairwoman": "chairman"}
_COMPANY_OFFICES = frozenset({"chief executive", "chairman"})
_COMPANY_NAME = re.compile(r"(?<![\w'’])((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)\s+$")
_NOT_A_COMPANY = (
    word_set(
        """the a an his her its their our this that former then acting interim outgoing incoming new late on in
        at as and but after when while meanwhile"""
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
_FORMER = re.compile(r"(?:former|ex-|late|then-?|outgoing|incoming|acting|interim|elect)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class RoleHolder:
    doc_id: str
    org: str
    role: str
    person: str
    start: int
    end: int  # span of "org role Name"
    appointed: bool = False  # named as the office's new holder ("appointed X as finance minister")


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR_WORDS = word_set("a an the of in on at by to for from with and or but as vs via")


def _title_case(text: str) -> bool:
    """Is the line written in headline capitals ("Greek Prime Minister Calls Bank Workers")?
    Stricter than pronouns' `_headline_case` (most long words capitalised): a body sentence that
    opens with a title and a name ("Greek Prime Minister George Papandreou said ...") passes that."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def role_holders(doc: Document, facts: DocumentFacts) -> list[RoleHolder]:
    """ "NATO chief Jens Stoltenberg", "Afghan President Ashraf Ghani": (org, role, person)."""
    holders = []
    for sentence in doc.active_sentences():
        if _title_case(sentence.text):
            continue  # "Greek Prime Minister Calls Bank Workers": a headline's capitals name no one
        entities = [e for e in facts.in_sentence(sentence.index).entities if e.kind != "person"]
        for match in PERSON_WITH_TITLE.finditer(sentence.text):
            if match.group("name").split()[0].lower() in HONORIFICS:
                continue  # "Chairman Rep. Nick Rahall": the name is after the honorific
            role = re.sub(r"[\s-]+", " ", match.group("role").lower())
            role = _SAME_OFFICE.get(role, role)
            if not (_SINGLE_HOLDER.match(role) or role in _COMPANY_OFFICES):
                continue
            before = sentence.text[: match.start("role")]
            org = next((e for e in entities if e.end - sentence.start == len(before.rstrip())), None)
            if org is not None:
                org_name, org_start = org.canonical, org.start - sentence.start
            elif role in _COMPANY_OFFICES and (company := _company_before(before)):
                org_name, org_start = company
            else:
                continue  # "President Joe Biden" names no country: too ambiguous to compare
            prefix = sentence.text[:org_start]
            if _FORMER.search(prefix) or re.match(r"\s*-?\s*elect", sentence.text[match.end("role") :]):
                continue
            holders.append(
                RoleHolder(
                    doc.id,
                    org_name,
                    role,
                    match.group("name"),
                    sentence.start + org_start,
                    sentence.start + match.end("name"),
                )
            )
    return holders


# Appointments name the office's new holder without the "Org Title Name" shape: "appointed
# economist Lucia Paredes as finance minister", "Jorge Paredes ... was sworn in as Peru's
# minister of economy and finance", "Marco Villacis ... will be the new finance minister".
_PERSON = rf"(?P<name>{FULL_PERSON_NAME})"
_APPOINTED_OFFICE = (
    r"(?P<role>(?i:(?:foreign|defen[cs]e|interior|finance|health|home)\s+minister|"
    r"minister\s+of\s+(?:economy\s+and\s+)?finance|minister\s+of\s+(?:foreign\s+affairs|defen[cs]e|"
    r"the\s+interior|health)|prime\s+minister|chief\s+executive(?:\s+officer)?|ceo|governor|mayor|"
    r"head\s+coach|coach|manager|chairman|chairwoman|secretary[\s-]general|general\s+secretary|speaker|"
    r"president)|ambassador\s+to\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
# "as Prime Minister of the Republic of Vanuatu", "secretary-general of the National Teachers'
# Federation": whose office, when written after it.
_OFFICE_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(?P<org>(?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*)")
_OFFICE_OWNER = (
    r"(?:(?P<org>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:'s|’s)\s+|(?:its|their|his|her)\s+)?(?:the\s+)?(?:country's\s+)?"
)
_APPOINTMENTS = (
    re.compile(
        rf"\b(?:appointed|appoints|named|names|nominated|picked|chose|tapped|hired|swore\s+in|swears\s+in|elected|elects)\s+"
        rf"(?:[a-z]+\s+){{0,2}}?{_PERSON}(?:,[^,]{{0,120}},)?\s+as\s+{_OFFICE_OWNER}(?:next\s+|new\s+)?{_APPOINTED_OFFICE}"
    ),
    re.compile(
        rf"{_PERSON}(?:,[^,]{{0,120}},)?\s+(?:was|has\s+been|had\s+been|will\s+be|is\s+to\s+be)\s+"
        rf"(?:appointed|named|sworn\s+in|nominated|hired|elected)\s+(?:as\s+)?{_OFFICE_OWNER}(?:next\s+|new\s+)?{_APPOINTED_OFFICE}"
    ),
    re.compile(
        rf"{_PERSON}(?:,[^,]{{0,120}},)?\s+(?:will\s+be|is)\s+{_OFFICE_OWNER}(?:next|new)\s+{_APPOINTED_OFFICE}"
    ),
)
# Who appoints: the name right before the verb ("Ajax have appointed", "Dutch club Ajax on
# Tuesday named"): the office is theirs when the phrase and the sentence name no other owner.
_APPOINTER = re.compile(
    r"(?:^|\s)(?P<org>(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*)\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:have\s+|has\s+)?$"
)
_APPOINTED_SAME_OFFICE = {
    "minister of finance": "finance minister",
    "minister of economy and finance": "finance minister",
    "minister of foreign affairs": "foreign minister",
    "minister of defence": "defence minister",
    "minister of defense": "defense minister",
    "minister of the interior": "interior minister",
    "minister of health": "health minister",
}


def appointments(doc: Document, facts: DocumentFacts) -> list[RoleHolder]:
    """New holders of single-holder offices named in appointment wording, with the country (or
    company) from the phrase itself ("Peru's minister ...") or else the sentence's only country."""
    found = []
    for sentence in doc.active_sentences():
        countries = {e.canonical for e in facts.in_sentence(sentence.index).entities if e.kind == "country"}
        for pattern in _APPOINTMENTS:
            for match in pattern.finditer(sentence.text):
                name = match.group("name")
                if name.split()[0].lower() in HONORIFICS or not _is_person_name(name):
                    continue
                role = re.sub(r"[\s-]+", " ", match.group("role").lower())
                role = _SAME_OFFICE.get(role, _APPOINTED_SAME_OFFICE.get(role, role))
                org_text = match.group("org")
                office_of = _OFFICE_OF.match(sentence.text, match.end())
                if not org_text and office_of:
                    org_text = office_of.group("org")
                owners = countries
                if role.startswith("ambassador to "):  # the host country is not the ambassador's own
                    host = load_gazetteer().lookup(re.sub(r"^ambassador\s+to\s+(?:the\s+)?", "", match.group("role")))
                    owners = countries - ({host.canonical} if host is not None else set())
                appointer = _APPOINTER.search(sentence.text[: match.start()]) if pattern is _APPOINTMENTS[0] else None
                if org_text:
                    org = load_gazetteer().lookup(org_text)
                    org_name = org.canonical if org is not None else org_text
                elif len(owners) == 1:
                    org_name = next(iter(owners))
                elif appointer and _names_appointer(appointer.group("org")):
                    org_name = appointer.group("org")
                else:
                    continue  # whose minister? not said
                found.append(
                    RoleHolder(
                        doc.id, org_name, role, name, sentence.start + match.start(), sentence.start + match.end(), True
                    )
                )
    return found


# Who scored a match's deciding goal: "Striker Facundo Rivas headed the winning goal in the 88th
# minute", "Substitute Mikkel Sondergaard headed in the 78th-minute winner", "with midfielder Anders
# Holm scoring the only goal in the 78th minute". Keyed by the minute, which both outlets must give:
# a corpus may hold two matches, but not two winning goals in the same minute.
_POSITIONS = word_set(
    "striker forward midfielder defender goalkeeper keeper substitute winger captain veteran teenager"
)
_MINUTE = r"(?P<{}>\d{{1,3}})(?:st|nd|rd|th)"
_DECIDING_GOAL = r"(?:winning\s+goal|winner|only\s+goal|decisive\s+goal|deciding\s+goal)"
_SCORERS = (
    re.compile(
        rf"{_PERSON}\s+(?:scored|headed|struck|fired|netted|slotted|curled|volleyed|tapped|nodded)\s+(?:in\s+|home\s+)?"
        rf"the\s+(?:{_MINUTE.format('m1')}-minute\s+)?{_DECIDING_GOAL}(?:[^.;]{{0,40}}?\bin\s+the\s+{_MINUTE.format('m2')}\s+minute)?"
    ),
    re.compile(
        rf"\bwith\s+(?:[a-z]+\s+)?{_PERSON}\s+(?:scoring|heading|netting)\s+(?:in\s+)?the\s+{_DECIDING_GOAL}"
        rf"\s+in\s+the\s+{_MINUTE.format('m2')}\s+minute"
    ),
)


# Who won a named prize: "Norwegian poet Eirik Haugland won the Nordic Council Literature Prize",
# "Solveig Hrafnsdottir was awarded the Nordic Council Literature Prize", "the Booker Prize went to
# X". A named prize has one winner per edition; an edition in another year ("won the Booker Prize in
# 2019") is another prize, and "who won" is a past winner.
# Up to four capitalised words: a person ("Eirik Haugland") or a firm ("Lund & Hvid Arkitekter").
_PROPER_NAME = rf"(?:[{UPPER}][\w&.'’-]*\s+){{0,3}}[{UPPER}][\w&.'’-]*"
_WINNER = rf"(?P<name>{_PROPER_NAME})"
# Words a name pattern takes in before the name itself: "On Tuesday Ann Lee won", "But Ann Lee".
_BEFORE_NAME = CALENDAR_WORDS | _CLAUSE_STOP


def _name_words(written: str, described: bool = False) -> list[str]:
    """The words of a name as a pattern caught it, without the sentence's words before it (and,
    with `described`, descriptions: "Lisbon-based Mobilitec", "Spain's Vialta")."""
    words = written.rstrip(".").split()
    while words and (
        words[0].lower() in _BEFORE_NAME or (described and re.search(r"-(?:based|owned)$|['’]s$", words[0]))
    ):
        words = words[1:]
    return words


_PRIZE = (
    r"(?:(?i:the)\s+|this\s+year's\s+)?(?P<year>\d{4}\s+)?(?P<prize>(?:[A-Z][\w'’-]*\s+){1,5}"
    r"(?:Prize|Award|Medal|Trophy|Cup|Grand\s+Prix)(?:\s+(?:in|for)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)"
)
_PRIZE_WINNERS = (
    re.compile(
        rf"{_WINNER}\s+(?:has\s+|have\s+)?(?:won|wins|took|takes|clinched|scooped|claimed|collected)\s+{_PRIZE}"
    ),
    re.compile(rf"{_WINNER}\s+(?:was|has\s+been|were|have\s+been)\s+(?:awarded|given|handed)\s+{_PRIZE}"),
    re.compile(rf"{_PRIZE}\s+(?:went|goes|has\s+gone)\s+to\s+(?:[a-z]+\s+){{0,2}}{_WINNER}"),
)
_ANOTHER_YEAR = re.compile(r"\s+(?:in|for)\s+(?P<year>(?:19|20)\d\d)\b")


def prize_winners(doc: Document) -> list[RoleHolder]:
    """Winners of a named prize, keyed by the prize (and its year when given)."""
    found = []
    year = doc.published.year if doc.published else None
    for sentence in doc.active_sentences():
        for pattern in _PRIZE_WINNERS:
            for match in pattern.finditer(sentence.text):
                words = _name_words(match.group("name"))
                if not words or words[0].lower() in HONORIFICS:
                    continue
                name = " ".join(words)
                edition = match.group("year") or ""
                later = _ANOTHER_YEAR.match(sentence.text, match.end())
                if later and (year is None or int(later.group("year")) != year):
                    continue  # "won the Booker Prize in 2019": an earlier edition
                prize = re.sub(r"\s+", " ", (edition + match.group("prize")).strip())
                found.append(
                    RoleHolder(
                        doc.id,
                        prize,
                        "winner",
                        name,
                        sentence.start + match.start(),
                        sentence.start + match.end(),
                        True,
                    )
                )
    return found


# Who won one category of a race: "Kenya's Daniel Kiptoo won the men's race at the Rio de Janeiro
# Marathon", "Ethiopian Abebe Tadesse crossed the finish line first in the men's category of the Rio
# de Janeiro Marathon". Keyed by the race and the category, so the women's winner is another role.
_RACE = (
    r"(?P<race>[A-Z][\w'’-]*\s+(?:(?:[A-Z][\w'’-]*|de|del|da|do|dos|of|la|le)\s+){0,5}(?:(?:Half\s+)?Marathon|Grand\s+Prix|Tour|Classic|Rally|Regatta|"
    r"Triathlon|Ultra))"
)
_CATEGORY = r"(?P<category>men's|women's|men’s|women’s|wheelchair|junior|under-\d+)"
_RACE_WINNERS = (
    re.compile(
        rf"{_WINNER}\s+(?:won|wins|took|claimed|clinched)\s+the\s+{_CATEGORY}\s+(?:race|title|event|category|"
        rf"crown|division|contest)\s+(?:at|of|in)\s+(?:the\s+)?(?:\d{{4}}\s+)?{_RACE}"
    ),
    re.compile(
        rf"{_WINNER}\s+(?:crossed\s+the\s+finish(?:ing)?\s+line\s+first|finished\s+first|came\s+first|took\s+first\s+place)"
        rf"\s+in\s+the\s+{_CATEGORY}\s+(?:race|event|category|division|contest)\s+(?:at|of|in)\s+(?:the\s+)?"
        rf"(?:\d{{4}}\s+)?{_RACE}"
    ),
)


# Words every race-winner sentence holds: a sentence without them is skipped in one search.
_RACE_WORDS = re.compile(r"\b(?:men|women)['’]s\b|\b(?:wheelchair|junior|under-\d+)\b", re.IGNORECASE)


def race_winners(doc: Document) -> list[RoleHolder]:
    """Winners of one category of a named race (see _RACE_WINNERS)."""
    found = []
    for sentence in doc.active_sentences():
        if not _RACE_WORDS.search(sentence.text):
            continue
        for pattern in _RACE_WINNERS:
            for match in pattern.finditer(sentence.text):
                words = _name_words(match.group("name"), described=True)
                if words and _is_country(words[0], demonym=True):
                    words = words[1:]  # "Ethiopian Abebe Tadesse"
                if len(words) < 2 or words[0].lower() in HONORIFICS or not _is_person_name(" ".join(words)):
                    continue
                race = re.sub(r"\s+", " ", match.group("race").strip())
                category = match.group("category").replace("’", "'").lower()
                found.append(
                    RoleHolder(
                        doc.id,
                        f"{race} ({category})",
                        "winner",
                        " ".join(words),
                        sentence.start + match.start(),
                        sentence.start + match.end(),
                        True,
                    )
                )
    return found


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def deciding_goals(doc: Document) -> list[RoleHolder]:
    """The scorers of a match's deciding goal, with its minute (see _SCORERS)."""
    found = []
    for sentence in doc.active_sentences():
        for pattern in _SCORERS:
            for match in pattern.finditer(sentence.text):
                minute = match.groupdict().get("m1") or match.groupdict().get("m2")
                words = match.group("name").split()
                while words and words[0].lower() in _POSITIONS:
                    words = words[1:]
                if minute is None or len(words) < 2 or not _is_person_name(" ".join(words)):
                    continue
                found.append(
                    RoleHolder(
                        doc.id,
                        f"the {_ordinal(int(minute))}-minute",
                        "deciding goal's scorer",
                        " ".join(words),
                        sentence.start + match.start("name"),
                        sentence.start + match.end(),
                        True,
                    )
                )
    return found


def _names_appointer(org: str) -> bool:
    """A name, not an article or a day ("The prime minister on Monday appointed")."""
    words = org.split()
    return words[0] not in ("The", "A", "An") and not any(w.lower() in CALENDAR_WORDS for w in words)


def _company_before(before: str) -> tuple[str, int] | None:
    """The capitalised name that ends right before a company office, and where it starts: the
    words after the last one that cannot be part of it ("On Tuesday Volvo Cars" -> "Volvo Cars")."""
    found = _COMPANY_NAME.search(before)
    if found is None:
        return None
    words = list(re.finditer(r"\S+", found.group(1)))
    kept = words[max((n + 1 for n, w in enumerate(words) if w.group().lower() in _NOT_A_COMPANY), default=0) :]
    if not kept or all(w.group().lower() in _GENERIC_ORGANISATION for w in kept):
        return None  # "Board chairman X": whose board?
    return " ".join(w.group() for w in kept), found.start(1) + kept[0].start()


_NON_WORD_RUN = re.compile(r"\W+")


def _quote_key(text: str) -> str:
    return _NON_WORD_RUN.sub(" ", text.lower()).strip()


@rule(
    "C003",
    "entity-role-contradiction",
    Category.CONTRADICTION,
    Severity.WARNING,
    english_only=True,
    embeds_corpus=True,
    scope=CORPUS,
)
def check_entity_roles(ctx: CheckContext) -> Iterable[Flag]:
    """The same role or the same words are given to different people by different outlets.

    What it flags: the same quotation attributed to different speakers; the same single-holder
    office of the same organization or country ("Pentagon chief", "Afghan President") held by
    different people; the same reported event placed in different places (a city is not in
    conflict with its own country: Doha lies in Qatar).
    Why it matters: misattributed quotes and wrong office-holders are among the most common
    corrections; the editor needs to see both versions side by side.
    Example: '"We will defend every city," said Defence Minister Bismillah Khan' (outlet A) vs
    the same words "said army chief Wali Ahmadzai" (outlet B).
    """
    flags = [*_quote_flags(ctx), *_role_flags(ctx), *_place_flags(ctx), *_contract_flags(ctx)]
    flags += _district_flags(ctx, flags)
    flags += _new_holder_flags(ctx, flags)
    flags += _succession_flags(ctx, flags)
    flags += placing_flags(ctx, flags)
    flags += replacement_flags(ctx, flags)
    flags += flight_flags(ctx, flags)
    flags += site_flags(ctx, flags)
    return [*flags, *operator_flags(ctx, flags)]


def _quote_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    # Only attributions written out beside the quote: "he said" resolved to a name is a guess.
    quotes: list[Quote] = [
        q
        for f in facts.values()
        for q in f.quotes
        if q.speaker and q.speaker_start is not None and len(q.text.split()) >= 6 and _is_person_name(q.speaker)
    ]
    # Near-identical quotes share their longest words: bucket by them instead of comparing all pairs.
    buckets: dict[str, list[Quote]] = {}
    for q in quotes:
        for word in sorted(set(_quote_key(q.text).split()), key=lambda w: (-len(w), w))[:2]:
            buckets.setdefault(word, []).append(q)
    candidates = {
        tuple(sorted([(qa.doc_id, qa.start), (qb.doc_id, qb.start)])): (qa, qb)
        for bucket in buckets.values()
        if len(bucket) <= POSTING_CAP
        for qa, qb in combinations(bucket, 2)
    }
    for qa, qb in candidates.values():
        if qa.doc_id == qb.doc_id or not _same_quote(qa.text, qb.text):
            continue
        assert qa.speaker and qb.speaker
        if surname(qa.speaker) == surname(qb.speaker):
            continue
        doc, other = ctx.document(qa.doc_id), ctx.document(qb.doc_id)
        if _mentions_near(doc, qa, qb.speaker) or _mentions_near(other, qb, qa.speaker):
            continue  # both people beside one quote: a joint statement or a quote passed on
        different_days, when = _timing(doc, [other])
        confidence = 0.8
        start, end = (qa.speaker_start, qa.speaker_end) if qa.speaker_start is not None else (qa.start, qa.end)
        assert end is not None
        ostart, oend = (qb.speaker_start, qb.speaker_end) if qb.speaker_start is not None else (qb.start, qb.end)
        assert oend is not None
        yield Flag(
            doc,
            start,
            end,
            f"{_where(doc)} attributes the quote {_short(qa.text)!r} to {qa.speaker}; "
            f"{_where(other)} attributes it to {qb.speaker}." + when,
            suggestion="Check who said it in the primary source (video, statement, transcript).",
            confidence=confidence,
            evidence=(Evidence.from_span(other, ostart, oend), Evidence.from_span(other, qb.start, qb.end)),
            severity=_severity(confidence, different_days),
            data=(("kind", "quote-speaker"),),
        )


QUOTE_MIN_RATIO = 90  # rapidfuzz similarity of two quotes' words at which they are one quote
QUOTE_MIN_PARTIAL = 95  # ... of the shorter with the best-matching stretch of the longer
# ... of their sets of words, for quotes of some length: outlets trim and touch up a quote ("The
# streets belong to the citizens, not to the gangs" / "These streets belong to the citizens and not
# to the gangs, and we are going to take them back"). On the studied sets, two different people's
# quotes in one story never came above 61.
QUOTE_MIN_WORD_SET = 85
QUOTE_MIN_WORDS_FOR_SET = 8


def _same_quote(a: str, b: str) -> bool:
    """The same words, whole or trimmed: one outlet quotes "Let me be absolutely clear. We are not
    closing a single library", another only "We are not closing a single library"."""
    from rapidfuzz import fuzz

    key_a, key_b = _quote_key(a), _quote_key(b)
    if fuzz.ratio(key_a, key_b) >= QUOTE_MIN_RATIO or fuzz.partial_ratio(key_a, key_b) >= QUOTE_MIN_PARTIAL:
        return True
    shorter = min(len(key_a.split()), len(key_b.split()))
    return shorter >= QUOTE_MIN_WORDS_FOR_SET and fuzz.token_set_ratio(key_a, key_b) >= QUOTE_MIN_WORD_SET


def _is_person_name(name: str) -> bool:
    """A name, not a bare title or pronoun left by the attribution pattern ("Secretary")."""
    from auditor.facts.quotes import TITLE_WORDS

    words = name.split()
    return bool(words) and not all(w.lower().strip(".") in TITLE_WORDS for w in words)


_JOINING_WORDS = word_set("agreed echoed repeated joined")
_SHORT_ATTRIBUTION_WORDS = 8  # "Walsh said the same." / "Jones added, nodding."


def _mentions_near(doc: Document, quote: Quote, name: str) -> bool:
    """Does `name` stand beside the quote: in its sentence, or joining in the sentence right before
    or after it ("Walsh agreed.", "Walsh said the same.")? A captain named in the next sentence
    for something else ("was sent to the sin bin"), a spokesperson who "added that" something else,
    or a name two paragraphs on did not say it with the coach."""
    pattern = re.compile(rf"\b{re.escape(surname(name))}\b", re.IGNORECASE)
    for sentence in doc.sentences[max(0, quote.sentence - 1) : quote.sentence + 2]:
        if not pattern.search(sentence.text):
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence.text)]
        if sentence.index == quote.sentence or set(words) & _JOINING_WORDS:
            return True
        if set(words) & SAYING_VERBS and len(words) <= _SHORT_ATTRIBUTION_WORDS:
            return True
    return False


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _role_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    holders = [
        h
        for doc in ctx.documents
        for h in (
            *role_holders(doc, facts[doc.id]),
            *appointments(doc, facts[doc.id]),
            *deciding_goals(doc),
            *prize_winners(doc),
            *race_winners(doc),
        )
    ]
    reported: set[tuple[str, str, str]] = set()
    # A new holder is compared with other outlets' new holders only: "Finance Minister Joseph
    # Tembo" in one article may be the predecessor of the minister another says was appointed.
    by_office: dict[tuple[str, str, bool], list[RoleHolder]] = {}
    for holder in holders:
        by_office.setdefault((plain(holder.org), holder.role, holder.appointed), []).append(holder)
    for a, b in (pair for group in by_office.values() for pair in _other_holders(group)):
        key = (a.doc_id, a.org, a.role)
        if key in reported:
            continue
        reported.add(key)
        doc, other = ctx.document(a.doc_id), ctx.document(b.doc_id)
        yield _two_outlets_flag(
            doc,
            (a.start, a.end),
            other,
            (b.start, b.end),
            f"{_where(doc)} names {a.person} as {a.org} {a.role}; {_where(other)} names {b.person}.",
            "Check who held the office on the date of the events.",
            0.7,
            "role-holder",
        )


# Who was elected or appointed to an office, the story's one choice: "the Alaska House on
# Wednesday elected Rep. Dana Whitfield, a Dillingham independent, as speaker", "Social Democrat
# Mikko Hirvonen was elected chair of the Tampere City Council", "chose Kaisa Räsänen of the
# National Coalition Party (NCP) as its chair", "has been assigned by the Politburo to serve as
# secretary of ...". A deputy's post is another office ("first deputy chair"); one article that
# puts two people in one office (two terms, two bodies) is left out.
_ELECTED_OFFICE = (
    r"(?P<office>(?i:(?:(?:first|second|third)\s+)?(?:deputy|vice)[\s-])?(?i:chair|chairman|chairwoman|chairperson|"
    r"speaker|president|rector|vice-chancellor|chancellor|mayor|governor|leader|secretary[\s-]general|"
    r"director[\s-]general|general\s+secretary|secretary|head|chief\s+executive|chief\s+of\s+staff|chief))\b"
)
_HONORIFIC = rf"{HONORIFIC}?"
_ASIDE = r"(?:,[^,;]{1,120},|\s+(?:of|from)\s+(?:the\s+)?[^,;]{1,60}?)?"
_ELECTION_DAY = r"(?:\s+(?:on|last)\s+[A-Z][a-z]+day)?"
_CHOSEN_BY = r"(?:\s+by\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"  # "assigned by the Politburo"
_ELECTIONS = (
    re.compile(
        rf"\b(?:elected|elects|chose|chooses|picked|picks|voted\s+in|installed|appointed|appoints|named|names|"
        rf"nominated|assigned)\s+(?:[a-z]+\s+){{0,3}}?{_HONORIFIC}"
        rf"{_PERSON}{_ASIDE}\s+(?:as|to\s+be)\s+(?:its\s+|their\s+|the\s+)?(?:new\s+|next\s+)?{_ELECTED_OFFICE}"
    ),
    re.compile(
        rf"{_PERSON}{_ASIDE}\s+(?:was|has\s+been|had\s+been|is){_ELECTION_DAY}\s+(?:elected|chosen|picked|voted\s+in|"
        rf"appointed|named|nominated|assigned){_ELECTION_DAY}{_CHOSEN_BY}(?:\s+to\s+serve)?\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
        rf"{_ELECTED_OFFICE}"
    ),
)
# The verbs the patterns above start or end on: a sentence without one is skipped in one search.
_CHOOSING_VERB = re.compile(
    r"\b(?:elected|elects|chose|chooses|chosen|picked|picks|voted\s+in|installed|appointed|appoints|named|names|"
    r"nominated|assigned)\b"
)
# An election told as past or as someone's earlier post: "who was elected speaker in 2019".
_EARLIER_ELECTION = re.compile(
    r"\b(?:former|previous|previously|formerly|then|predecessor|who\s+was|in\s+(?:19|20)\d\d)\b", re.I
)


@dataclass(frozen=True)
class NewOfficeHolder:
    """Someone an article says was elected or appointed to an office; `start`/`end` in the document."""

    doc_id: str
    sentence: int
    office: str
    person: str
    start: int
    end: int
    body: frozenset[str]  # the capitalised words of "of the Anti-Corruption Commission" after the office


def new_office_holders(doc: Document) -> list[NewOfficeHolder]:
    found = []
    for sentence in doc.active_sentences():
        text = sentence.text
        if not _CHOOSING_VERB.search(text):
            continue
        for pattern in _ELECTIONS:
            for match in pattern.finditer(text):
                if _EARLIER_ELECTION.search(text[: match.start()] + " " + text[match.end() :]):
                    continue  # "who was elected speaker in 2019"; not "X, a former banker, as" inside it
                name = match.group("name")
                if name.split()[0].lower() in HONORIFICS or not _is_person_name(name):
                    continue
                office = re.sub(r"[\s-]+", " ", match.group("office").lower())
                office = re.sub(r"^(?:first|second|third) ", "", office)
                office = re.sub(r"\b(?:chairman|chairwoman|chairperson)\b", "chair", office)
                office_of = _OFFICE_OF.match(sentence.text, match.end())
                body = frozenset(plain(w.lower()) for w in office_of.group("org").split()) if office_of else frozenset()
                found.append(
                    NewOfficeHolder(
                        doc.id,
                        sentence.index,
                        office,
                        name,
                        sentence.start + match.start(),
                        sentence.start + match.end(),
                        body,
                    )
                )
    return found


NEW_HOLDER_CONFIDENCE = 0.6


def _new_holder_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """Two articles of one story put two different people in the same office."""
    chosen: dict[str, dict[str, NewOfficeHolder]] = {}
    for doc in ctx.documents:
        by_office: dict[str, list[NewOfficeHolder]] = {}
        for holder in new_office_holders(doc):
            by_office.setdefault(holder.office, []).append(holder)
        ones = {office: found[0] for office, found in by_office.items() if len({surname(h.person) for h in found}) == 1}
        if ones:
            chosen[doc.id] = ones
    flagged = {(f.doc.id, e.doc) for f in reported for e in f.evidence}
    for a_id, b_id in _story_pairs(ctx, chosen):
        if (a_id, b_id) in flagged or (b_id, a_id) in flagged:
            continue  # a role-holder finding on these two articles already names the office's two holders
        for office in sorted(chosen[a_id].keys() & chosen[b_id].keys()):
            a, b = chosen[a_id][office], chosen[b_id][office]
            if surname(a.person) == surname(b.person) or (a.body and b.body and not a.body & b.body):
                continue  # one person; or the offices of two bodies ("director of the museum", "of the festival")
            doc, other = ctx.document(a_id), ctx.document(b_id)
            yield _two_outlets_flag(
                doc,
                (a.start, a.end),
                other,
                (b.start, b.end),
                f"{_where(doc)} says {a.person} is the new {office}; {_where(other)} says {b.person}.",
                "Check the official result or announcement before naming the new office holder.",
                NEW_HOLDER_CONFIDENCE,
                "role-holder",
            )


# The one new holder each article of one story gives a post, however the post is worded ("head" /
# "administrator" of one agency): two different people are a dispute unless either article names
# the other's person (a predecessor, a deputy: it knows of both) other than as the one not chosen
# ("choosing her over Capt. Ben Okafor, the other finalist": both articles know the shortlist and
# each says the other's pick lost).
SUCCESSION_CONFIDENCE = 0.55
SAME_PERSON_RATIO = 75  # "Mammadov" / "Mamedov": one surname transliterated two ways


def _one_person(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(surname(a), surname(b)) >= SAME_PERSON_RATIO


def _names_person(doc: Document, person: str) -> bool:
    return surname(person) in _plain_words(doc.text)


# A sentence that names someone as a contender: "the other finalist", "chosen over X", "beat X".
_CONTENDER = re.compile(
    r"\b(?:finalists?|shortlist(?:ed)?|short-list(?:ed)?|runners?-up|contenders?|candidates?|rivals?|"
    r"beat|beating|defeated|defeating|edged|edging)\b",
    re.IGNORECASE,
)


def _names_as_holder(doc: Document, person: str) -> bool:
    """Does the article name `person` other than as a contender who lost ("chosen over X", "X,
    the other finalist", "He and X were the two finalists")?"""
    if not _names_person(doc, person):
        return False
    name = surname(person)
    chosen_over = re.compile(rf"\bover\s+(?:[\w.]+\s+){{0,3}}{re.escape(name)}\b", re.IGNORECASE)
    return any(
        name in _plain_words(s.text) and not (_CONTENDER.search(s.text) or chosen_over.search(plain(s.text)))
        for s in doc.active_sentences()
    )


@lru_cache(maxsize=256)
def _plain_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w'’-]+", plain(text.lower())))


def _names_beside(ctx: CheckContext, doc_id: str, person: str) -> frozenset[str]:
    """The names an article gives beside its new holder's: whose post it is (a country, a company)."""
    own = {plain(w.lower()) for w in person.split()} | {plain(person.lower())}
    return frozenset(name for name in document_names(ctx, doc_id) if name not in own)


def _only_holder(found: list[Succession], holder: Succession) -> bool:
    """Is `holder` the one person its article gives this post?"""
    return all(_one_person(other.person, holder.person) for other in found if same_post(other.post, holder.post))


def _succession_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    found = {doc.id: successions(doc) for doc in ctx.documents}
    found = {doc_id: holders for doc_id, holders in found.items() if holders}
    flagged = {(f.doc.id, e.doc) for f in reported for e in f.evidence}
    for a_id, b_id in _story_pairs(ctx, found):
        if (a_id, b_id) in flagged or (b_id, a_id) in flagged:
            continue  # a finding on these two articles already names the two people
        doc, other = ctx.document(a_id), ctx.document(b_id)
        pairs = (
            (a, b)
            for a in found[a_id]
            for b in found[b_id]
            if same_post(a.post, b.post) and not _one_person(a.person, b.person)
        )
        for a, b in pairs:
            if not _only_holder(found[a_id], a) or not _only_holder(found[b_id], b):
                continue
            if _names_as_holder(doc, b.person) or _names_as_holder(other, a.person):
                continue
            if not _names_beside(ctx, a_id, a.person) or not _names_beside(ctx, b_id, b.person):
                continue  # "appointed X as finance minister" in an article that names no country, no body
            yield _two_outlets_flag(
                doc,
                (a.start, a.end),
                other,
                (b.start, b.end),
                f"{_where(doc)} says {a.person} takes the post ({a.post}); {_where(other)} says {b.person} ({b.post}).",
                "Check the official announcement before naming the new office holder.",
                SUCCESSION_CONFIDENCE,
                "role-holder",
            )
            break  # one finding per pair of articles


def _other_holders(group: list[RoleHolder]) -> Iterator[tuple[RoleHolder, RoleHolder]]:
    """For each holder of one office, in order, the first LATER holder in another document with
    another surname: the first pair `combinations(group, 2)` would give that passes those tests,
    found without trying all pairs (an office named in every article of a big corpus gives
    millions). Runs of one surname are skipped in one step."""
    surnames = [surname(h.person) for h in group]
    next_change = [len(group)] * len(group)  # first later position with another surname
    for q in range(len(group) - 2, -1, -1):
        next_change[q] = q + 1 if surnames[q + 1] != surnames[q] else next_change[q + 1]
    for p, a in enumerate(group):
        q = p + 1
        while q < len(group):
            if surnames[q] == surnames[p]:
                q = next_change[q]
            elif group[q].doc_id == a.doc_id:
                q += 1
            else:
                yield a, group[q]
                break


_PLACE_PREP = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def _places(ctx: CheckContext, sentence: Sentence) -> list[tuple[Any, str]]:
    """Places an event word points at: "met in Qatar", "talks in Doha" -> (entity, event word)."""
    memo: dict[tuple[str, int], list[tuple[Any, str]]] = ctx.artifacts.setdefault(EVENT_PLACES_ARTIFACT, {})
    key = (sentence.doc_id, sentence.index)
    if key not in memo:
        memo[key] = _event_places(ctx, sentence)
    return memo[key]


# "talks in Doha", "talks, held in Oslo", "negotiations in the Ethiopian capital, Addis Ababa",
# "landed in the Georgian capital Tbilisi".
_PLACE_PHRASE_BEFORE = re.compile(
    r"((?:[A-Za-z][A-Za-z-]*,?\s+){1,3})(?:in|at)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][a-z]+\s+)?(?:capital|city|port|town)(?:\s+of|,)?\s+)?$"
)


def _event_places(ctx: CheckContext, sentence: Sentence) -> list[tuple[Any, str]]:
    facts = document_facts(ctx)[sentence.doc_id]
    out = []
    for e in facts.in_sentence(sentence.index).entities:
        if e.kind not in ("city", "country"):
            continue
        before = sentence.text[: e.start - sentence.start]
        match = _PLACE_PHRASE_BEFORE.search(before)
        if not match:
            continue
        event = next((w for w in (w.rstrip(",") for w in reversed(match.group(1).split())) if is_eventive(w)), None)
        if event:
            out.append((e, event.lower()))
    return out


def _events(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]+", text) if is_eventive(w))


PLACE_MIN_SCORE = 0.6  # same-fact score at which one event's two places are compared outright


def _place_flags(ctx: CheckContext) -> Iterator[Flag]:
    from auditor.facts.entities import one_place

    facts = document_facts(ctx)
    loose = _loosely_aligned(ctx, lambda s: len(_places(ctx, s)) == 1)
    for cand in chain(candidate_pairs(ctx), loose):
        close = cand.score >= PLACE_MIN_SCORE
        # Worded apart ("began peace talks in Addis Ababa on Monday" vs "resumed peace talks in
        # Kampala on Monday"): the same kind of event on the same day still names one place.
        if not close and not _share_day(facts[cand.a.doc_id], facts[cand.b.doc_id], cand, weeks=True):
            continue
        pa, pb = _places(ctx, cand.a), _places(ctx, cand.b)
        if len(pa) != 1 or len(pb) != 1:
            continue
        (place_a, event_a), (place_b, event_b) = pa[0], pb[0]
        if event_class(event_a) != event_class(event_b) or one_place(place_a, place_b):
            continue
        doc, other = ctx.document(cand.a.doc_id), ctx.document(cand.b.doc_id)
        yield _two_outlets_flag(
            doc,
            (place_a.start, place_a.end),
            other,
            (cand.b.start, cand.b.end),
            f"{_where(doc)} places the {event_a} in {place_a.canonical}; {_where(other)} in {place_b.canonical}.",
            "Check where the event took place.",
            round(0.75 * cand.score, 3) if close else SAME_EVENT_CONFIDENCE,
            "place",
        )


# The one district (province, county, ...) an article places its story in: "discovered gas at its
# Chak Noor West-1 well in the Ghotki district of Sindh" vs "a well situated in Khairpur district".
# Small districts are in no gazetteer; the unit word after the name says it is one.
_ADMIN_UNITS = "district|province|county|prefecture|governorate|municipality|oblast|canton|region"
_IN_DISTRICT = re.compile(
    rf"\b(?:in|at|of)\s+(?:the\s+)?(?P<name>[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{0,2}})\s+(?P<unit>{_ADMIN_UNITS})\b"
)
DISTRICT_CONFIDENCE = 0.45  # read from the story, not from sentences the aligner pairs: info
SPELLING_MIN_RATIO = 80  # rapidfuzz similarity at which two names are one transliterated two ways


def _districts(doc: Document) -> dict[str, tuple[str, int, int]]:
    """Per unit word, the one name the document gives it (name, start, end); a unit given two
    names ("Ghotki district ... Khairpur district") has none."""
    found: dict[str, list[tuple[str, int, int]]] = {}
    for sentence in doc.active_sentences():
        for match in _IN_DISTRICT.finditer(sentence.text):
            name = plain(match.group("name"))
            found.setdefault(match.group("unit"), []).append(
                (name, sentence.start + match.start("name"), sentence.start + match.end("unit"))
            )
    return {unit: names[0] for unit, names in found.items() if len({n for n, _, _ in names}) == 1}


def _district_flags(ctx: CheckContext, reported: Sequence[Flag]) -> list[Flag]:
    """Two articles of one story that each place it in one district (one province, ...) of a
    different name, neither naming the other's anywhere (a town and the district around it, the
    district where people came from and the one where it happened are both named in one of them)."""
    from rapidfuzz import fuzz

    flagged = {f.doc.id for f in reported}
    districts = {doc.id: _districts(doc) for doc in ctx.documents if doc.id not in flagged}
    flags: list[Flag] = []
    for a_id, b_id in _story_pairs(ctx, [doc_id for doc_id, found in districts.items() if found]):
        units = sorted(districts[a_id].keys() & districts[b_id].keys())
        if not units:
            continue
        doc_a, doc_b = ctx.document(a_id), ctx.document(b_id)
        text_a, text_b = plain(doc_a.text), plain(doc_b.text)
        for unit in units:
            (name_a, start_a, end_a), (name_b, start_b, end_b) = districts[a_id][unit], districts[b_id][unit]
            if name_b.split()[0] in text_a or name_a.split()[0] in text_b:
                continue
            if fuzz.ratio(name_a.lower(), name_b.lower()) >= SPELLING_MIN_RATIO:
                continue  # one name spelled two ways: "Hormuzgan" / "Hormouzgan" (ECB+)
            for doc, span, other, other_span, mine, theirs in (
                (doc_a, (start_a, end_a), doc_b, (start_b, end_b), name_a, name_b),
                (doc_b, (start_b, end_b), doc_a, (start_a, end_a), name_b, name_a),
            ):
                flags.append(
                    _two_outlets_flag(
                        doc,
                        span,
                        other,
                        other_span,
                        f"{_where(doc)} places the story in {mine} {unit}; {_where(other)} in {theirs} {unit}.",
                        "Check where the event took place.",
                        DISTRICT_CONFIDENCE,
                        "place",
                    )
                )
    return flags


# Who won a contract or tender: "awarded a $520 million contract to supply 37 trains ... to France's
# Alstom", "Lisbon-based Mobilitec has won the tender for ...", "has chosen the Spanish manufacturer
# CAF to build the trains". One contract has one winner; two outlets naming different winners in
# sentences that share a name (the buyer, the line, the city) disagree, unless either article names
# more than one winner (two lots) or also names the other's winner (a bidder, a partner).
_FIRM = rf"(?P<firm>{_PROPER_NAME})"
_SUPPLIED_COUNT = r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|hundreds\s+of)"
_CONTRACT = r"(?:contract|tender|concession|order|deal|licence|license|block|franchise)s?"
_CONTRACT_WINNERS = (
    re.compile(
        rf"\b(?:awarded|awards|gave|granted)\s+(?:a|an|the|its)\s+[^.;]{{0,120}}?\b{_CONTRACT}\b[^.;]{{0,120}}\bto\s+(?:[A-Z][\w-]*(?:'s|’s)\s+)?{_FIRM}(?=\s*(?:[,.;]|$)|\s+(?:to|for|on|in|at)\b)"
    ),
    re.compile(
        rf"(?:^|[,;]\s+|\b(?:based|owned)\s+){_FIRM}\s+(?:has\s+|have\s+)?(?:won|wins|secured|clinched|landed|been\s+awarded|was\s+awarded)\s+(?:a|an|the)?\s*(?:[\w$.,-]+\s+){{0,4}}?{_CONTRACT}\b"
    ),
    re.compile(
        rf"\b(?:chose|chosen|picked|selected|appointed|hired|contracted)\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+|[A-Z][a-z]+\s+(?=[a-z])){{0,3}}{_FIRM}\s+to\s+(?:build|supply|deliver|run|operate|design|make|manufacture|provide)\b"
    ),
    # Who supplies counted things: "China's Foton will supply 214 electric buses", "ordered 120
    # turbines from Vestas", "The 214 units will be manufactured by the Chinese firm Yutong".
    re.compile(
        rf"(?:^|[,;]\s+|\s[-—–]\s+|[’']s\s+|\b(?:based|owned)\s+){_FIRM}\s+(?:will|would|is\s+to|are\s+to|is\s+set\s+to)\s+(?:supply|deliver|build|manufacture)\s+(?:[a-z]+\s+)?{_SUPPLIED_COUNT}"
    ),
    re.compile(
        rf"\b(?:ordered|orders|bought|buys|purchased|purchases)\s+(?:[a-z]+\s+)?{_SUPPLIED_COUNT}\s+(?:[\w-]+\s+){{0,3}}?from\s+(?:[A-Z][\w-]*[’']s\s+)?(?:the\s+)?(?:[a-z-]+\s+){{0,3}}{_FIRM}"
    ),
    re.compile(
        rf"\b{_SUPPLIED_COUNT}\s+(?:[\w-]+\s+){{0,3}}?(?:will\s+be|are\s+to\s+be|are\s+being|were)\s+(?:manufactured|built|made|supplied|produced|delivered)\s+by\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+|[A-Z][a-z]+\s+(?=[a-z])){{0,3}}{_FIRM}"
    ),
)


@dataclass(frozen=True)
class ContractWinner:
    doc_id: str
    sentence: int
    firm: str
    start: int
    end: int


# The verbs the patterns above turn on: a sentence without one is skipped in one search.
_CONTRACT_VERB = re.compile(
    r"\b(?:award|awarded|awards|gave|granted|won|wins|secured|clinched|landed|chose|chosen|picked|selected|"
    r"appointed|hired|contracted|supply|deliver|build|manufacture|ordered|orders|bought|buys|purchased|purchases|"
    r"manufactured|built|made|supplied|produced|delivered)\b"
)


def contract_winners(doc: Document) -> list[ContractWinner]:
    found = []
    for sentence in doc.active_sentences():
        if not _CONTRACT_VERB.search(sentence.text):
            continue
        for pattern in _CONTRACT_WINNERS:
            for match in pattern.finditer(sentence.text):
                words = _name_words(match.group("firm"), described=True)
                if words:
                    found.append(
                        ContractWinner(
                            doc.id,
                            sentence.index,
                            " ".join(words),
                            sentence.start + match.start(),
                            sentence.start + match.end(),
                        )
                    )
    return found


def _is_country(name: str, demonym: bool = False) -> bool:
    """Is `name` a country (or, with `demonym`, a nationality: "the Danish firm")?"""
    entry = load_gazetteer().lookup(name.title())
    return entry is not None and (entry.kind == "country" or (demonym and entry.kind == "demonym"))


def _names_firm(doc: Document, firm: str) -> bool:
    """Does the article name this firm anywhere (by any of its capitalised words)?"""
    return any(re.search(rf"\b{re.escape(word)}\b", doc.text) for word in firm.split() if len(word) > 2)


def _share_figure(ctx: CheckContext, a: ContractWinner, b: ContractWinner) -> bool:
    """Do the two sentences give one specific figure ("214 electric buses", "The 214 units") and
    name no places or bodies apart (Brno's 20 trams are not Ostrava's), besides the two firms and
    their countries?"""
    facts = document_facts(ctx)
    values_a = {q.value for q in facts[a.doc_id].in_sentence(a.sentence).quantities if q.value >= FIGURE_MIN}
    if not any(q.value in values_a for q in facts[b.doc_id].in_sentence(b.sentence).quantities):
        return False
    firms = {plain(w.lower()) for w in f"{a.firm} {b.firm}".split()} | {plain(f.lower()) for f in (a.firm, b.firm)}

    def others(winner: ContractWinner) -> set[str]:
        names = _names_in(ctx, winner.doc_id, winner.sentence)
        return {
            n for n in names if n not in firms and not n.startswith("country:") and not _is_country(n, demonym=True)
        }

    names_a, names_b = others(a), others(b)
    return not (names_a and names_b and not names_a & names_b)


def _contract_flags(ctx: CheckContext) -> Iterator[Flag]:
    winners: dict[str, list[ContractWinner]] = {}
    for doc in ctx.documents:
        found = contract_winners(doc)
        if len({w.firm for w in found}) == 1:  # two winners in one article: two lots, two contracts
            winners[doc.id] = found
    ids = sorted(winners)
    for i, a_id in enumerate(ids):
        for b_id in ids[i + 1 :]:
            a, b = winners[a_id][0], winners[b_id][0]
            doc, other = ctx.document(a_id), ctx.document(b_id)
            if _names_firm(other, a.firm) or _names_firm(doc, b.firm):
                continue  # the other article knows this firm: a bidder, a partner, a subcontractor
            shared = {
                n
                for wa in winners[a_id]
                for wb in winners[b_id]
                for n in _names_in(ctx, a_id, wa.sentence) & _names_in(ctx, b_id, wb.sentence)
            }
            if not {n for n in shared if not n.startswith("country:") and not _is_country(n)} and not any(
                _share_figure(ctx, wa, wb) for wa in winners[a_id] for wb in winners[b_id]
            ):
                continue  # nothing (but a country) says it is the same contract: no name, no figure
            yield _two_outlets_flag(
                doc,
                (a.start, a.end),
                other,
                (b.start, b.end),
                f"{_where(doc)} says the contract went to {a.firm}; {_where(other)} says {b.firm}.",
                "Check who won the contract with the buyer's own announcement.",
                0.6,
                "contract-winner",
            )
