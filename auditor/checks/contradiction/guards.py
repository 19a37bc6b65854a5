"""Guards that hold of any figure two outlets give, whatever it counts or measures: who gave it
(a named source), where (the places in its clause), on which day, how far it may be rounded, and
whether a later article says it changed. The count check (numeric.py) and the measure check
(measures.py) both ask them."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from auditor.checks.contradiction.common import _CLAUSE_BREAK, _CLAUSE_STOP, _sentence, one_contains_other
from auditor.checks.registry import CheckContext
from auditor.facts import document_facts
from auditor.facts.entities import first_level_divisions, load_gazetteer
from auditor.facts.model import EntityMention, Quantity
from auditor.facts.numerals import NUMBER_WORDS
from auditor.facts.words import LOWER, MONTHS, UPPER, singular, stem, word_set

ROUNDING_SLACK = 0.05


_DECIMAL = re.compile(r"\d\.\d")


def rounding_slack(q: Quantity) -> float:
    """How far a figure may be from the count it reports: 5% for a round or qualified one ("1,500",
    "about 50"), none for an exact figure no one rounds to ("48", "1,512", "twelve"), so 48 and
    52 seats disagree while 1,500 and 1,512 soldiers do not. A decimal's interval already says
    how precise it is (its last digit, see auditor.facts.quantities): "9.25%" is not 9.0%."""
    if q.kind == "exact" and not q.garbled and _DECIMAL.search(q.text):
        return 0.0
    if q.kind != "exact" or q.unit_scale != 1.0 or q.value != int(q.value):
        return ROUNDING_SLACK
    return ROUNDING_SLACK if q.value >= 10 and q.value % 10 == 0 else 0.0


def agree_after_rounding(qa: Quantity, qb: Quantity) -> bool:
    """Can one amount be reported as both figures, each allowed its own rounding?"""
    return qa.overlaps(qb, rounding_slack(qa), rounding_slack(qb))


# Nouns by which a sentence refers back to an organisation named before it ("The company sold
# 51,000 cars"): the count belongs to whatever the previous sentence named.
ORGANISATION_NOUNS = word_set(
    """company firm carmaker automaker maker manufacturer producer group bank lender insurer airline
    carrier retailer chain brand club team party agency ministry operator startup conglomerate
    business corporation organisation organization charity union league developer builder contractor utility"""
)

# Who a sentence says gave its figure: "..., the Democratic Union of Teachers (PDSZ) said", "the
# Interior Ministry, which oversees education, said", "according to the organisers".
_SOURCE = re.compile(
    r"(?:^|[,;]\s*)(?P<before>[^,;]{2,60}?)(?:,\s*(?:which|who)\s[^,]{0,80},)?\s+(?:said|says|told|estimated|reported)\b"
    r"|\baccording\s+to\s+(?P<after>[^,;.]{2,120})"
)
# "according to data released on Thursday by the research institute INPE": the agent is the source.
_AGENT = re.compile(r".*\b(?:by|from)\s+(?P<agent>.+)$")
_NAME_WORD = re.compile(r"\b[A-Z][\w-]*")
# Sources that name no one in particular: two outlets citing "officials" may cite the same ones.
_ANONYMOUS_SOURCES = word_set(
    """official officials authority authorities source sources report reports media spokesman spokeswoman
    spokesperson statement agency police it he she they we i people witness witnesses"""
)


def named_sources(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """Content words of whoever the sentence says gave the figure; empty when no one named is."""
    return _source_words(_sentence(ctx.document(q.doc_id), q.sentence).text)


@lru_cache(maxsize=4096)
def _source_words(text: str) -> frozenset[str]:
    words: set[str] = set()
    for match in _SOURCE.finditer(text):
        phrase = match.group("before") or match.group("after") or ""
        agent = _AGENT.match(phrase) if match.group("after") else None
        if agent:  # whoever released or ran it, by name where it has one ("the institute INPE")
            phrase = " ".join(_NAME_WORD.findall(agent.group("agent"))) or agent.group("agent")
        tokens = [w.lower() for w in re.findall(r"[A-Za-z]+", phrase)]
        content = [t for t in tokens if t not in _CLAUSE_STOP and t not in _ANONYMOUS_SOURCES]
        if len(tokens) > 8 or any(t in _ANONYMOUS_SOURCES for t in tokens[-1:]):
            continue  # a whole clause, not a subject; or "officials said"
        if all(singular(t) in ORGANISATION_NOUNS for t in content):
            continue  # "the company said": the one named before, whoever that is
        words.update(stem(t) for t in content)
    return frozenset(words)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end]."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    lo = max((b for b in breaks if b < start), default=-1) + 1
    return lo, min((b for b in breaks if b >= end), default=len(text))


_CLAUSE_PLACE_KINDS = ("city", "region", "country")


def clause_place_mentions(ctx: CheckContext, q: Quantity) -> list[EntityMention]:
    """The gazetteer's places named in q's own clause, not a firm's home ("the Ohio-based chain")."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    text = sentence.text
    lo, hi = clause_bounds(text, q.start - sentence.start, q.end - sentence.start)
    return [
        e
        for e in document_facts(ctx)[q.doc_id].in_sentence(q.sentence).entities
        if e.kind in _CLAUSE_PLACE_KINDS
        and lo <= e.start - sentence.start
        and e.end - sentence.start <= hi
        and not text[e.end - sentence.start :].startswith("-based")
    ]


def clause_places(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """The places named in q's own clause ("will open 30 stores in Canada by the end of 2026"),
    not a firm's home ("the Ohio-based chain"). A count in a place and one in a place inside it
    (Canada, Quebec) may both be true."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    text = sentence.text
    start, end = q.start - sentence.start, q.end - sentence.start
    lo, hi = clause_bounds(text, start, end)
    known = {e.canonical for e in clause_place_mentions(ctx, q)}
    divisions = first_level_divisions()
    provinces = {  # "Ontario's emergency departments": a province the gazetteer does not hold
        m.group(1)
        for m in _CAPITALISED_RUN.finditer(text, lo, hi)
        if m.group(1) in divisions and not text[m.end() :].startswith("-based")
    }
    return frozenset(known | provinces)


def places_differ(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Do two figures' clauses name other places ("30 stores in Canada" vs "12 in Quebec"), or one
    a place of a list the other's names ("14 detained in Antwerp, Ghent and Brussels" vs "nine in
    Antwerp": a part and the whole)?"""
    places_a, places_b = clause_places(ctx, qa), clause_places(ctx, qb)
    if not places_a or not places_b:
        return False
    if not places_a & places_b:
        return True
    return any(
        places < group and not any(one_contains_other(x, y) for x in group - places for y in places)
        for q, places in ((qa, places_b), (qb, places_a))
        for group in _place_lists(ctx, q)
    )


_PLACE_NAME = rf"[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{0,2}}"
_PLACE_LIST = re.compile(rf"{_PLACE_NAME}(?:\s*,\s*{_PLACE_NAME})*\s*,?\s+(?:and|&)\s+{_PLACE_NAME}")


def _place_lists(ctx: CheckContext, q: Quantity) -> list[frozenset[str]]:
    """The names q's sentence lists together with a place of q's clause ("in Antwerp, Ghent and
    Brussels", though the gazetteer knows no Ghent), each as the gazetteer names it; not a place
    named beside another ("in Rotterdam ... from Ecuador")."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    spans = [(e.start - sentence.start, e.end - sentence.start) for e in clause_place_mentions(ctx, q)]
    gazetteer = load_gazetteer()
    lists = []
    for match in _PLACE_LIST.finditer(sentence.text):
        if any(match.start() <= s and e <= match.end() for s, e in spans):
            names = re.findall(_PLACE_NAME, match.group())
            lists.append(frozenset((entry.canonical if (entry := gazetteer.lookup(n)) else n) for n in names))
    return lists


_CAPITALISED_RUN = re.compile(rf"\b([{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{0,2}})(?:['’]s)?\b")


def event_days(ctx: CheckContext, q: Quantity) -> frozenset[date]:
    """The days the sentence puts its events on (not the day something was said)."""
    dates = document_facts(ctx)[q.doc_id].in_sentence(q.sentence).dates
    return frozenset(
        d.earliest
        for d in dates
        if d.granularity == "day" and d.earliest and d.earliest == d.latest and d.event != "say"
    )


# A later article that says its figure changed ("Number injured in bus crash rises to 15", "after three
# more passengers went to hospital overnight", "up from 12"): the earlier figure is superseded, not
# contradicted.
_CHANGED_TO = re.compile(
    r"\b(?:rose|rises|risen|rising|climbed|climbs|jumped|jumps|increased|increases|grew|grows|went\s+up|"
    r"goes\s+up|revised|fell|falls|dropped|drops)\b[^.;]{0,40}?\bto\s+(?:at\s+least\s+)?$",
    re.IGNORECASE,
)
_CHANGED_FROM = re.compile(r"\b(?:up|down)\s+from\s+\S*\d|\bfrom\s+\S*\d\S*\s+(?:earlier|previously|initially)\b", re.I)
_SO_MANY_MORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)\s+more\b(?!\s+than)",
    re.IGNORECASE,
)


def reports_change(ctx: CheckContext, q: Quantity, other: Quantity) -> bool:
    """Was `q` published after `other`, in an article that says the figure changed since (a rise
    to q's value, "N more", "up from")?"""
    doc, other_doc = ctx.document(q.doc_id), ctx.document(other.doc_id)
    if not doc.published or not other_doc.published or doc.published <= other_doc.published:
        return False
    text = _sentence(doc, q.sentence).text
    if _CHANGED_FROM.search(text) or _SO_MANY_MORE.search(text):
        return True
    return any(
        same.value == q.value and _CHANGED_TO.search(doc.text[max(0, same.start - 60) : same.start])
        for same in document_facts(ctx)[q.doc_id].quantities
    )


# Part of a year: "in the first nine months of 2024", "in January-September", "first-half revenue",
# "the third quarter", "in the nine months to September". A figure for it and one for the whole
# year ("in 2024", "last year") are two figures, however alike the sentences.
_MONTH = "|".join(m.capitalize() for m in MONTHS)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_MONTH_RANGE = re.compile(
    rf"\b(?:between\s+(?P<between>{_MONTH})\s+and\s+(?P<and>{_MONTH})|(?P<first>{_MONTH})\s*(?:-|–|to|through)\s*(?P<last>{_MONTH}))\b"
)
_FIRST_MONTHS = re.compile(r"\b(?:first|opening)\s+(?P<count>\w+)\s+months\b|\b(?P<count2>\w+)\s+months\s+to\b", re.I)
_PART_NAMED = re.compile(r"\b(?P<ordinal>first|second|third|fourth)[\s-]+(?P<part>half|quarter)\b", re.I)
_WHOLE_YEAR = re.compile(
    r"\b(?:in|for|during|throughout|of)\s+(?:(?:the\s+)?(?:full|whole|calendar|fiscal)\s+year\s+)?(?:19|20)\d\d\b"
    r"(?!\s*[-–/])|\b(?:last|this|the\s+full|the\s+whole)\s+year\b",
    re.I,
)


def _year_parts(text: str) -> frozenset[str]:
    """The parts of a year a sentence names, each as its length in months and, when it does not
    open the year, its first month: "9", "6:7", "3:7"."""
    parts: set[str] = set()
    for match in _MONTH_RANGE.finditer(text):
        first = MONTHS.index((match["first"] or match["between"]).lower()) + 1
        last = MONTHS.index((match["last"] or match["and"]).lower()) + 1
        if last > first:
            parts.add(f"{last - first + 1}" + (f":{first}" if first > 1 else ""))
    for match in _FIRST_MONTHS.finditer(text):
        count = (match["count"] or match["count2"]).lower()
        number = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
        if number and number < 12:
            parts.add(str(number))
    for match in _PART_NAMED.finditer(text):
        length = 6 if match["part"].lower() == "half" else 3
        first = (_ORDINALS[match["ordinal"].lower()] - 1) * length + 1
        parts.add(f"{length}" + (f":{first}" if first > 1 else ""))
    return frozenset(parts)


def periods_differ(text_a: str, text_b: str) -> bool:
    """Do two sentences give figures for different periods of a year: two different parts, or a
    part and the whole year?"""
    parts_a, parts_b = _year_parts(text_a), _year_parts(text_b)
    if parts_a and parts_b:
        return not parts_a & parts_b
    if parts_a or parts_b:
        return bool(_WHOLE_YEAR.search(text_b if parts_a else text_a))
    return False


# The group a figure is of: "Uzbekistan's men's team won seven", "the women's squad".
_CATEGORY = re.compile(
    r"\b(?:(?:men|women|boys|girls)(?:['’]s?)?|male|female|junior|juniors|youth|wheelchair|under-\d+)(?![\w-])", re.I
)


def categories_differ(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Does one figure's clause name a group ("men's", "junior") the other's does not name?"""

    def before(q: Quantity) -> frozenset[str]:
        sentence = _sentence(ctx.document(q.doc_id), q.sentence)
        clause = _CLAUSE_BREAK.split(sentence.text[: q.start - sentence.start])[-1]
        return frozenset(m.group().lower().rstrip("'’s") for m in _CATEGORY.finditer(clause))

    return before(qa) != before(qb)
