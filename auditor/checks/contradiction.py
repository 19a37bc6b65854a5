"""Contradictions: statements, across outlets or within one article, that cannot all be true.

Four rules share one engine:
  C001 numeric: the same thing counted with numbers no wording can reconcile;
  C002 date: the same event put on different dates;
  C003 entity-role: the same role given to different people (a quote, a title);
  C004 count-vs-list: a stated count that disagrees with the list that follows it.

Precision comes first (a false contradiction costs a fact-checker more than a missed one):
two quantities are compared only when they count the same noun with the same owner, scope
words and time window, and their intervals (qualifiers and rounding included) do not touch.
Every finding quotes the other side(s) as evidence with outlet and date, carries a confidence,
and drops to `info` when it is doubtful or when the outlets published on different days (the
story may have moved on). The pipeline hands the findings to the aligner, which marks the
clusters they touch as disputed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import chain, combinations
from typing import Any

import numpy as np

from auditor.align.anchors import information
from auditor.checks.registry import CORPUS, DOCUMENT, CheckContext, rule
from auditor.facts import DocumentFacts, document_facts
from auditor.facts.dates import SAYING_VERBS, event_class, is_eventive, is_known_event
from auditor.facts.entities import HONORIFICS, PERSON_WITH_TITLE, load_gazetteer, same_place
from auditor.facts.model import DateMention, Quantity, Quote
from auditor.facts.numerals import NUMBER_WORDS
from auditor.facts.quantities import noun_key
from auditor.facts.quotes import HONORIFIC, NAME, surname
from auditor.facts.scope import QuantityScope, owners_compatible, quantity_scope, scopes_differ
from auditor.facts.succession import Succession, same_post, successions
from auditor.facts.units import currency_words, measure_words
from auditor.facts.votes import VoteTally, vote_tallies
from auditor.facts.words import CALENDAR_WORDS, LOWER, MONTHS, UPPER, WEEKDAYS, plain, singular, stem, word_set
from auditor.model import Category, Document, Evidence, Flag, Sentence, Severity

# The rules' shared results and memos (ctx.artifacts' keys); none is read after the analysis.
CANDIDATES_ARTIFACT = "contradiction_candidates"
CLAUSE_CONTENT_ARTIFACT = "date_clause_content"
EVENT_PLACES_ARTIFACT = "event_places"
SENTENCE_NAMES_ARTIFACT = "sentence_names"

CANDIDATE_MIN_SCORE = 0.35  # same-fact probability below which two sentences are not compared
# Numbers are compared only in sentences the aligner is fairly sure state the same fact: in an
# ECB+ review, pairs scored 0.5-0.6 were mostly different statistics of one story (punches of
# each boxer, yards of each player).
NUMERIC_MIN_SCORE = 0.65
DOUBTFUL = 0.5  # confidence below which a contradiction is reported as info


@dataclass(frozen=True, slots=True)  # slots: a big corpus has hundreds of thousands
class Candidate:
    """Two sentences of different documents that may state the same fact."""

    a: Sentence
    b: Sentence
    score: float  # calibrated same-fact probability from the aligner


# ---------------------------------------------------------------- shared helpers


def _cosines(ctx: CheckContext, pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Cosine of each pair of texts, all embedded in one call: the model's batches stay full
    (one small call per pair cost more than the model's work for these short clauses)."""
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    if not texts:
        return []
    vectors = np.asarray(ctx.encoder.encode(texts), dtype=np.float32)
    row = {text: i for i, text in enumerate(texts)}
    return [float(vectors[row[a]] @ vectors[row[b]]) for a, b in pairs]


def candidate_pairs(ctx: CheckContext) -> list[Candidate]:
    """Cross-document sentence pairs worth comparing: the aligner's embedding neighbours
    (`auditor.align.aligned_pairs`, near-linear), never all pairs."""
    from auditor.align import aligned_pairs

    def build() -> list[Candidate]:
        return [Candidate(p.a, p.b, p.score) for p in aligned_pairs(ctx).at_least(CANDIDATE_MIN_SCORE)]

    result: list[Candidate] = ctx.artifact(CANDIDATES_ARTIFACT, build)
    return result


def _published(doc: Document) -> str:
    return doc.published.isoformat() if doc.published else "undated"


def _where(doc: Document) -> str:
    return f"{doc.outlet or doc.id} ({_published(doc)})"


def _timing(doc: Document, others: Iterable[Document]) -> tuple[bool, str]:
    """(published on different days?, the sentence that says so)."""
    days = sorted({d.published for d in [doc, *others] if d.published})
    if len(days) > 1:
        listed = " vs ".join(d.isoformat() for d in days)
        return True, f" Published {listed}: the story may have moved on."
    return False, ""


def _severity(confidence: float, different_days: bool) -> Severity | None:
    """None keeps the rule's (configurable) default; doubtful or time-shifted ones drop to info."""
    if confidence < DOUBTFUL or different_days:
        return Severity.INFO
    return None


def _sentence(doc: Document, index: int) -> Sentence:
    return doc.sentences[index]


def _fmt(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


# ---------------------------------------------------------------- C001 numeric


def _scope(ctx: CheckContext, q: Quantity) -> QuantityScope:
    doc = ctx.document(q.doc_id)
    facts = document_facts(ctx)[q.doc_id]
    sentence = _sentence(doc, q.sentence)
    return quantity_scope(
        q,
        sentence.text,
        sentence.start,
        facts.in_sentence(q.sentence).entities,
        facts.in_sentence(q.sentence).dates,
    )


def _modifiers(q: Quantity) -> frozenset[str]:
    """Descriptive words of the counted phrase, leaving out names (those are owners)."""
    assert q.noun is not None
    gazetteer = load_gazetteer()
    words = (q.noun_text or "").split()[:-1]
    return frozenset(stem(w) for w in words if not gazetteer.lookup(w) and not w[0].isupper())


# Nouns that measure rather than count: years of what? percent of what? Left to other checks.
MEASURE_UNITS = frozenset(
    noun_key(unit)
    for unit in word_set(
        """year month week day hour minute second percent per cent point season time degree mile kilometre
        kilometer metre meter foot feet inch yard pound kilogram kilo ton tonne dollar euro yuan rupee caliber
        calibre gallon barrel litre liter acre hectare"""
    )
) | frozenset(noun_key(unit) for unit in measure_words())


# Words around a measure that are not what it measures: function words, qualifiers, saying verbs.
_MEASURE_CONTEXT_STOP = word_set(
    """a an the of in on at by to for from with and or but as than that which who whom whose this these
    those its their his her our my your it they he she we him them was were is are be been being have has
    had will would could should may might can did do does said says told say about around over under
    more less most least nearly almost some just only up down per each every all any other also not no
    then there here into out"""
)
_MEASURE_CONTEXT_WORDS = 3


def _measure_window(ctx: CheckContext, q: Quantity) -> tuple[list[str], list[str]]:
    """The words right before and after a measure, inside its clause."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    start, end = q.start - sentence.start, q.end - sentence.start
    before = _CLAUSE_BREAK.split(sentence.text[:start])[-1].split()[-_MEASURE_CONTEXT_WORDS:]
    after = _CLAUSE_BREAK.split(sentence.text[end:])[0].split()[:_MEASURE_CONTEXT_WORDS]
    return before, after


def _measure_context(ctx: CheckContext, q: Quantity, names: bool = False) -> frozenset[str]:
    """Content words right around a measure: what "12 years" or "40 percent" is of ("sentenced
    to 12 years in prison", "turnout of 62 percent", "dragged her 10 feet"). Names are whose
    measure it is, not what it measures ("sentenced Radu Ionescu to eight years"): only with
    `names` are they read."""
    before, after = _measure_window(ctx, q)
    first = _sentence(ctx.document(q.doc_id), q.sentence).text.split(maxsplit=1)[0]
    words = (w.strip(".,;:!?'’") for w in (*before, *after))
    return frozenset(
        stem(w.lower())
        for w in words
        if w.isalpha() and (names or w.islower() or w == first) and w.lower() not in _MEASURE_CONTEXT_STOP
    )


def _sentence_stems(ctx: CheckContext, doc_id: str, index: int) -> frozenset[str]:
    return _stems(_sentence(ctx.document(doc_id), index).text)


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", text.lower()))


def is_measure(q: Quantity) -> bool:
    """Does q measure (years, percent, feet) rather than count things?"""
    return any(noun_key(word) in MEASURE_UNITS for word in (q.noun or "").split())


# A prison term handed down, however worded ("sentenced X to nine years in prison", "a six-year
# prison term", "nine years behind bars"); not one sought, faced, served, suspended or cut on appeal.
_SENTENCING = re.compile(r"\b(?:sentenced|sentence|jailed|imprisoned|imprisonment|prison|jail|behind\s+bars)\b", re.I)
# A term no one serves: sought, faced, the maximum, suspended. Any other term an article gives (one
# served before, one added) is a second term of its own.
_HYPOTHETICAL_WORDS = (
    r"seek|seeks|seeking|sought|demand|demanded|demanding|request|requested|asked\s+for|face|faces|faced|facing|"
    r"maximum|up\s+to|could|would|may|might|suspended"
)
_HYPOTHETICAL = re.compile(rf"\b(?:{_HYPOTHETICAL_WORDS})\b", re.I)
_NO_VERDICT = re.compile(
    rf"\b(?:{_HYPOTHETICAL_WORDS}|served|serving|appeal|reduced|cut|increased|originally|earlier|previous|previously|"
    r"first|already|each|respectively|total|combined|add|added|adding|additional|extra|more|another|further)\b",
    re.I,
)
# Two or more capitalised words: a person's name ("Rui Calado"), unless the gazetteer knows it.
_NAME_RUN = re.compile(rf"[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+)+")


def _named_people(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """Surnames of the people a sentence names (runs of capitalised words that are no place,
    organisation or date)."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    gazetteer = load_gazetteer()
    return frozenset(
        plain(run.split()[-1].lower())
        for run in _NAME_RUN.findall(sentence.text)
        if not any(gazetteer.lookup(w) or w.lower() in CALENDAR_WORDS for w in run.split())
    )


# Words before and after "nine years" within its clause in which a word of sentencing makes it a
# prison term: "a nine-year prison term", "six years and six months in prison".
PRISON_TERM_BEFORE, PRISON_TERM_AFTER = 3, 5
_SENTENCED_TO = re.compile(r"\b(?:sentenced|jailed|condemned)\b[^;:()]{0,90}?\bto\s+$", re.I)


def _in_years(q: Quantity) -> bool:
    return bool(q.noun) and noun_key(q.noun or "") == noun_key("year")


def _sentencing_around(ctx: CheckContext, q: Quantity) -> bool:
    """Is there a word of sentencing right around the years q gives ("nine years in prison", "a
    six-year prison term", "jailed for 12 years", "sentenced Souza to 23 years")?"""
    if not _in_years(q):
        return False
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    start, end = q.start - sentence.start, q.end - sentence.start
    before = _CLAUSE_BREAK.split(sentence.text[:start])[-1].split()[-PRISON_TERM_BEFORE:]
    after = _CLAUSE_BREAK.split(sentence.text[end:])[0].split()[:PRISON_TERM_AFTER]
    around = " ".join([*before, sentence.text[start:end], *after])
    return bool(_SENTENCING.search(around) or _SENTENCED_TO.search(sentence.text[:start]))


def _other_term(ctx: CheckContext, q: Quantity) -> bool:
    """Does q's article give another prison term, one someone serves (served before, added,
    handed to another), not only one sought or suspended? An obituary's seven years of 1960 and
    twelve of 1997 are two terms, and neither is the one to compare."""
    return any(
        other is not q
        and _sentencing_around(ctx, other)
        and not _HYPOTHETICAL.search(_sentence(ctx.document(other.doc_id), other.sentence).text)
        and not _agree_after_rounding(q, other)
        for other in document_facts(ctx)[q.doc_id].quantities
    )


def _prison_term(ctx: CheckContext, q: Quantity) -> bool:
    """Is q a prison term handed down: years, with a word of sentencing right around them ("nine
    years in prison", "a six-year prison term", "jailed for 12 years", "sentenced Souza to 23
    years"), in a sentence that speaks of no term sought, served or cut ("bribes taken over five
    years" is no term)?"""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    return _sentencing_around(ctx, q) and not _NO_VERDICT.search(sentence.text)


def _different_people(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    people_a, people_b = _named_people(ctx, qa), _named_people(ctx, qb)
    return bool(people_a and people_b and not people_a & people_b)


def _prison_terms_alike(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Are both the prison term a court handed one person? Both are terms handed down (none
    sought, served or cut), the sentences name no two different people, and neither article
    gives another term someone serves."""
    return (
        _prison_term(ctx, qa)
        and _prison_term(ctx, qb)
        and not _different_people(ctx, qa, qb)
        and not _other_term(ctx, qa)
        and not _other_term(ctx, qb)
    )


# A fine or damages imposed, however worded ("fined four cement producers a combined 212 million
# euros", "fines totalling 185 million euros", "600,000 kronor in general damages"); not one faced,
# sought, proposed or cut on appeal, nor a fine per company or per day.
_PENALTY = re.compile(r"\b(?:fine|fines|fined|penalty|penalties|penali[sz]ed|damages)\b", re.I)
_FINED = re.compile(r"\b(?:fined|penali[sz]ed|ordered\b[^;:()]{0,60}?\bto\s+pay)\b[^;:()]{0,90}?$", re.I)
_NOT_IMPOSED = re.compile(
    rf"\b(?:{_HYPOTHETICAL_WORDS}|faces|facing|proposed|recommended|appeal|appealed|reduced|cut|originally|"
    r"initially|previous|previously|earlier|already|daily|respectively|another|additional|further)\b",
    re.I,
)
# An amount per party or per period: "3 million yen each", "fined each firm 5,000 euros", "per day".
_PER_PARTY_AFTER = re.compile(r"^\s*(?:each|apiece|per\s+\w+|a\s+(?:day|week|month|year))\b", re.I)
_PER_PARTY_BEFORE = re.compile(r"\b(?:each|per)\b", re.I)
# A fine for several parties at once: the one to compare when an article also gives their shares.
_FINE_TOTAL = re.compile(r"\b(?:combined|total|totalling|totaling|together|in\s+all|overall|altogether)\b", re.I)
# An article that tells of a second fine: "received a separate fine earlier this week", "was also fined".
_OTHER_FINE = re.compile(
    r"\b(?:separate|another|second|other|also)\b(?:\s+[\w-]+){0,3}?\s+(?:fine|fines|fined|penalty|penalties)\b", re.I
)
_FINED_PARTY = re.compile(r"\b(?:fined|penali[sz]ed)\s+(?P<party>[^;:()]{1,90}?)\s*$", re.I)
PENALTY_BEFORE, PENALTY_AFTER = 4, 5
FINES_ARTIFACT = "document_fines"


@lru_cache(maxsize=1)
def _currency_keys() -> frozenset[str]:
    return frozenset(noun_key(word) for word in currency_words())


def _currency(q: Quantity) -> str | None:
    last = (q.noun or "").split()[-1:]
    key = noun_key(last[0]) if last else None
    return key if key in _currency_keys() else None


def _fine_imposed(ctx: CheckContext, q: Quantity) -> bool:
    """Is q an amount of money a fine or damages imposed: a word of penalty right around it in its
    clause ("fines totalling 185 million euros", "350,000 crowns in damages"), or "fined"
    before it ("fined four producers a combined 212 million euros"), in a sentence that speaks of
    no fine faced, proposed or cut; not an amount per party or per day ("3 million yen each, for
    a total of 351 million yen": the total is the fine)?"""
    if _currency(q) is None:
        return False
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    if _NOT_IMPOSED.search(sentence.text):
        return False
    start, end = q.start - sentence.start, q.end - sentence.start
    before = _CLAUSE_BREAK.split(sentence.text[:start])[-1].split()[-PENALTY_BEFORE:]
    after = _CLAUSE_BREAK.split(sentence.text[end:])[0].split()[:PENALTY_AFTER]
    if _PER_PARTY_AFTER.match(sentence.text[end:]) or _PER_PARTY_BEFORE.search(" ".join(before)):
        return False
    return bool(_PENALTY.search(" ".join([*before, *after])) or _FINED.search(sentence.text[:start]))


def _fine_total(ctx: CheckContext, q: Quantity) -> bool:
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    clause = _CLAUSE_BREAK.split(sentence.text[: q.start - sentence.start])[-1]
    return bool(_FINE_TOTAL.search(" ".join(clause.split()[-PENALTY_BEFORE:])))


def _document_fine(ctx: CheckContext, doc_id: str) -> Quantity | None:
    """The one fine an article reports: its only amount of fine (however often repeated), or,
    when it also gives the parties' shares, the one it calls combined or total."""
    memo: dict[str, Quantity | None] = ctx.artifacts.setdefault(FINES_ARTIFACT, {})
    if doc_id not in memo and any(_OTHER_FINE.search(s.text) for s in ctx.document(doc_id).active_sentences()):
        memo[doc_id] = None  # two fines, one of them without its amount: which one is this?
    if doc_id not in memo:
        found = [q for q in document_facts(ctx)[doc_id].quantities if _fine_imposed(ctx, q)]
        totals = [q for q in found if _fine_total(ctx, q)]
        chosen = None
        for group in (found, totals):
            if group and all(_currency(q) == _currency(group[0]) and _agree_after_rounding(group[0], q) for q in group):
                chosen = group[0]
                break
        memo[doc_id] = chosen
    return memo[doc_id]


def _fined_party(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """Content words of whom "fined" names before the amount ("fined a 52-year-old farmer from
    Zamosc county 80,000 zlotys"); empty when the sentence is worded otherwise."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    match = _FINED_PARTY.search(sentence.text[: q.start - sentence.start])
    if match is None:
        return frozenset()
    words = re.findall(r"[A-Za-z][\w-]*", match.group("party").lower())
    return frozenset(stem(w) for w in words if w not in _CLAUSE_STOP and not _FINE_TOTAL.fullmatch(w))


def _fines_alike(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Are both the one fine their articles report, in one currency, both a total or neither (one
    outlet's total of five airlines' fines is not another's fine on one of them), on no two
    different people?"""
    return (
        _document_fine(ctx, qa.doc_id) is qa
        and _document_fine(ctx, qb.doc_id) is qb
        and _currency(qa) == _currency(qb)
        and _fine_total(ctx, qa) == _fine_total(ctx, qb)
        and not _different_people(ctx, qa, qb)
        and not _parties_differ(ctx, qa, qb)
    )


def _parties_differ(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    party_a, party_b = _fined_party(ctx, qa), _fined_party(ctx, qb)
    return bool(party_a and party_b and not party_a & party_b)


def _one_slot(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Are both the one figure their articles give for a slot a story has once: the prison term
    handed down, the fine imposed?"""
    return _prison_terms_alike(ctx, qa, qb) or _fines_alike(ctx, qa, qb)


def _measure_alike(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Do two measures in one unit measure the same thing? Only when the words around them say so:
    they share a content word and each one's words are in the other's sentence ("sentenced X to
    eight years in prison" vs "was sentenced to six years in prison"), not "served 12 years" vs
    "sentenced to 15 years", nor "a 12-year term" vs "for 15 years"; or both are the prison term
    a court handed one person."""
    if _in_years(qa) and _different_people(ctx, qa, qb):
        return False  # "sentenced Petrov to nine years" vs "sentenced his deputy Dimov to six years"
    if _one_slot(ctx, qa, qb):
        return True
    context_a, context_b = _measure_context(ctx, qa), _measure_context(ctx, qb)
    if not context_a and not context_b:  # only names around both ("Smith, 45, and Jones"): the same names
        with_names = _measure_context(ctx, qa, names=True)
        return bool(with_names) and with_names == _measure_context(ctx, qb, names=True)
    if not context_a & context_b:
        return False
    return context_a <= _sentence_stems(ctx, qb.doc_id, qb.sentence) and context_b <= _sentence_stems(
        ctx, qa.doc_id, qa.sentence
    )


# Nouns by which a sentence refers back to an organisation named before it ("The company sold
# 51,000 cars"): the count belongs to whatever the previous sentence named.
ORGANISATION_NOUNS = word_set(
    """company firm carmaker automaker maker manufacturer producer group bank lender insurer airline
    carrier retailer chain brand club team party agency ministry operator startup conglomerate
    business corporation organisation organization charity union league"""
)
_REFERRING_SUBJECT = re.compile(r"^(?:The|This|That)\s+(?P<words>(?:[a-z-]+\s+){0,2}[a-z-]+)\b")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z’'-]*")


def _antecedent_names(ctx: CheckContext, q: Quantity) -> frozenset[str] | None:
    """The names of the sentence before, if q's sentence opens by referring back to an
    organisation ("The company ..."); else None. Sentence-initial words and the calendar's
    words are not names."""
    doc = ctx.document(q.doc_id)
    match = _REFERRING_SUBJECT.match(_sentence(doc, q.sentence).text)
    if match is None or q.sentence == 0 or not any(singular(w) in ORGANISATION_NOUNS for w in match["words"].split()):
        return None
    words = _CAPITALISED.findall(_sentence(doc, q.sentence - 1).text)[1:]
    return frozenset(w for w in words if w.lower() not in CALENDAR_WORDS and w.lower() not in HONORIFICS)


def _antecedents_differ(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Both sentences count for "the company" (or the club, the bank...) and the sentences before
    them name different ones: two companies' figures, not one figure in dispute."""
    names_a, names_b = _antecedent_names(ctx, qa), _antecedent_names(ctx, qb)
    return names_a is not None and names_b is not None and bool(names_a) and bool(names_b) and not names_a & names_b


ROUNDING_SLACK = 0.05


_DECIMAL = re.compile(r"\d\.\d")


def _rounding_slack(q: Quantity) -> float:
    """How far a figure may be from the count it reports: 5% for a round or qualified one ("1,500",
    "about 50"), none for an exact figure no one rounds to ("48", "1,512", "twelve"), so 48 and
    52 seats disagree while 1,500 and 1,512 soldiers do not. A decimal's interval already says
    how precise it is (its last digit, see auditor.facts.quantities): "9.25%" is not 9.0%."""
    if q.kind == "exact" and not q.garbled and _DECIMAL.search(q.text):
        return 0.0
    if q.kind != "exact" or q.unit_scale != 1.0 or q.value != int(q.value):
        return ROUNDING_SLACK
    return ROUNDING_SLACK if q.value >= 10 and q.value % 10 == 0 else 0.0


def _agree_after_rounding(qa: Quantity, qb: Quantity) -> bool:
    """Can one amount be reported as both figures, each allowed its own rounding?"""
    return qa.overlaps(qb, _rounding_slack(qa), _rounding_slack(qb))


def _also_states(ctx: CheckContext, doc_id: str, q: Quantity) -> bool:
    """Does this document itself give a number like q for the same noun (for a measure, of the
    same thing: "over five years" of bribes is no prison term)?"""
    return any(
        other.noun
        and noun_key(other.noun) == noun_key(q.noun or "")
        and _agree_after_rounding(other, q)
        and (not is_measure(q) or _measure_alike(ctx, other, q))
        for other in document_facts(ctx)[doc_id].quantities
    )


_KIND_WEIGHT = {"exact": 1.0, "lower_bound": 0.9, "upper_bound": 0.85, "approximate": 0.85, "range": 0.9, "vague": 0.55}


# Whom a job cut counts: "cut 2,400 jobs" and "lay off 1,600 workers" count one thing.
_WORKFORCE = frozenset(noun_key(w) for w in ("job", "worker", "employee", "staff", "position"))


def _same_count(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    if not qa.noun or not qb.noun:
        return False
    key_a, key_b = noun_key(qa.noun), noun_key(qb.noun)
    if key_a == key_b:
        return True
    return {key_a, key_b} <= _WORKFORCE and _scope(ctx, qa).event == _scope(ctx, qb).event == "cut"


# Who a sentence says gave its figure: "..., the Democratic Union of Teachers (PDSZ) said", "the
# Interior Ministry, which oversees education, said", "according to the organisers".
_SOURCE = re.compile(
    r"(?:^|[,;]\s*)(?P<before>[^,;]{2,60}?)(?:,\s*(?:which|who)\s[^,]{0,80},)?\s+(?:said|says|told|estimated|reported)\b"
    r"|\baccording\s+to\s+(?P<after>[^,;.]{2,60})"
)
# Sources that name no one in particular: two outlets citing "officials" may cite the same ones.
_ANONYMOUS_SOURCES = word_set(
    """official officials authority authorities source sources report reports media spokesman spokeswoman
    spokesperson statement agency police it he she they we i people witness witnesses"""
)


def _sources(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """Content words of whoever the sentence says gave the figure; empty when no one named is."""
    return _source_words(_sentence(ctx.document(q.doc_id), q.sentence).text)


@lru_cache(maxsize=4096)
def _source_words(text: str) -> frozenset[str]:
    words: set[str] = set()
    for match in _SOURCE.finditer(text):
        phrase = match.group("before") or match.group("after") or ""
        tokens = [w.lower() for w in re.findall(r"[A-Za-z]+", phrase)]
        content = [t for t in tokens if t not in _CLAUSE_STOP and t not in _ANONYMOUS_SOURCES]
        if len(tokens) > 8 or any(t in _ANONYMOUS_SOURCES for t in tokens[-1:]):
            continue  # a whole clause, not a subject; or "officials said"
        if all(singular(t) in ORGANISATION_NOUNS for t in content):
            continue  # "the company said": the one named before, whoever that is
        words.update(stem(t) for t in content)
    return frozenset(words)


_ACTOR_BREAK = re.compile(r"[,;:()\"“”—–]|\s-\s")
_PLACE_KINDS = ("country", "city", "demonym")


def _actor_countries(ctx: CheckContext, q: Quantity) -> frozenset[str]:
    """The countries named in the clause before a count, after any verb of saying: whose police,
    troops or voters did it ("Police in Sweden and Denmark arrested 14", "Swedish police arrested
    eleven"; not "Ukrainian officials said Russian forces ...": the sayers are no actors)."""
    sentence = _sentence(ctx.document(q.doc_id), q.sentence)
    before = sentence.text[: q.start - sentence.start]
    start = max((m.end() for m in _ACTOR_BREAK.finditer(before)), default=0)
    said = [w.end() for w in re.finditer(r"[A-Za-z]+", before[start:]) if w.group().lower() in SAYING_VERBS]
    clause_start = sentence.start + start + (said[-1] if said else 0)
    return frozenset(
        e.country
        for e in document_facts(ctx)[q.doc_id].in_sentence(q.sentence).entities
        if e.kind in _PLACE_KINDS and e.country and clause_start <= e.start < q.start
    )


def _event_days(ctx: CheckContext, q: Quantity) -> frozenset[date]:
    """The days the sentence puts its events on (not the day something was said)."""
    dates = document_facts(ctx)[q.doc_id].in_sentence(q.sentence).dates
    return frozenset(
        d.earliest
        for d in dates
        if d.granularity == "day" and d.earliest and d.earliest == d.latest and d.event != "say"
    )


def numeric_conflict(ctx: CheckContext, qa: Quantity, qb: Quantity) -> tuple[float, str] | None:
    """(confidence factor, description) if two quantities count the same thing irreconcilably."""
    same_count = _same_count(ctx, qa, qb)
    same_modifiers = bool(qa.noun and qb.noun) and _modifiers(qa) == _modifiers(qb)
    # "600,000 kronor" and "350,000 Swedish crowns" in damages: one fine (asked only when needed)
    one_fine = (not same_count or not same_modifiers) and _fines_alike(ctx, qa, qb)
    if not same_count and not one_fine:
        return None
    if not same_modifiers and not one_fine:
        return None  # "provincial capitals" vs "capitals", "worst-hit villages" vs "villages": subsets
    if "vague" in (qa.kind, qb.kind):
        return None  # "several", "dozens": too loose to contradict a figure
    if is_measure(qa) and not _measure_alike(ctx, qa, qb):
        return None  # "seven years", "40 percent": what they measure is not in the noun
    if _agree_after_rounding(qa, qb):
        return None
    if _also_states(ctx, qa.doc_id, qb) or _also_states(ctx, qb.doc_id, qa):
        return None  # each outlet gives both numbers: two counts (this raid vs all raids), not a dispute
    sa, sb = _scope(ctx, qa), _scope(ctx, qb)
    why = scopes_differ(sa, sb)
    if (
        why
        and not (one_fine or _fines_alike(ctx, qa, qb))
        and not (why == "different events" and _prison_terms_alike(ctx, qa, qb))
    ):
        return None  # a term handed down is one event however worded ("sentenced to", "will spend");
        # a fine's total is read by the fine ("a combined", "fines totalling")
    if _antecedents_differ(ctx, qa, qb):
        return None  # "The company sold 51,000 cars": each outlet's company is named just before
    days_a, days_b = _event_days(ctx, qa), _event_days(ctx, qb)
    if days_a and days_b and not days_a & days_b:
        return None  # "a 6.1 quake on Monday" vs "a 5.3 quake on Tuesday": two events
    sources_a, sources_b = _sources(ctx, qa), _sources(ctx, qb)
    if sources_a and sources_b and not sources_a & sources_b:
        return None  # "80%, the union said" vs "35%, the ministry said": two attributed estimates
    actors_a, actors_b = _actor_countries(ctx, qa), _actor_countries(ctx, qb)
    if actors_a and actors_b and actors_a != actors_b:
        return None  # "Police in Sweden and Denmark arrested 14" vs "Swedish police arrested eleven"
    owners = owners_compatible(sa, sb)
    factor = _KIND_WEIGHT[qa.kind] * _KIND_WEIGHT[qb.kind] * (1.0 if owners else 0.85)
    return factor, f"{qa.text!r} vs {qb.text!r}"


@rule(
    "C001",
    "numeric-contradiction",
    Category.CONTRADICTION,
    Severity.WARNING,
    english_only=True,
    embeds_corpus=True,
    scope=CORPUS,
)
def check_numeric(ctx: CheckContext) -> Iterable[Flag]:
    """Two outlets give numbers for the same count that no wording can reconcile.

    What it flags: in two sentences that report the same fact (aligned across documents), the
    same counted noun with the same owner, scope and time window, and numbers whose intervals do
    not meet even after qualifiers ("around", "more than", "as many as") and rounding.
    Why it matters: one of the outlets has the figure wrong, or is reporting an older count;
    the fact-checker must pick a source before quoting it. Different scopes ("around 1,000 of
    its soldiers" vs "a total of more than 1,500 soldiers"), owners (NATO's force vs US troops)
    and windows (18 so far vs six in the past 24 hours) are not flagged.
    Example: "At least 40 people were killed in the floods" (outlet A) vs "12 people were
    killed in the floods" (outlet B, same day).
    """
    flags = list(_numeric_flags(ctx))
    return [*flags, *_vote_flags(ctx, flags)]


# Outlets word one fact differently: "A tunnel collapsed ... on Tuesday, killing 17 miners" and
# "Eleven miners were killed when part of the mine caved in ... on Tuesday" score below
# NUMERIC_MIN_SCORE. Below it, two counts are still compared when the same verb class governs
# both ("killing", "were killed") and the sentences share the day or a place; the aligner's low
# score keeps the finding's confidence modest.
SAME_EVENT_CONFIDENCE = 0.55
SAME_EVENT_MIN_COSINE = 0.5  # below CANDIDATE_MIN_SCORE, the embedding neighbours still compared


def _share_day_or_place(fa: DocumentFacts, fb: DocumentFacts, cand: Candidate) -> bool:
    if _share_day(fa, fb, cand):
        return True
    facts_a, facts_b = fa.in_sentence(cand.a.index), fb.in_sentence(cand.b.index)
    places = ("country", "city", "region")
    return any(
        x.canonical == y.canonical or same_place(x, y)
        for x in facts_a.entities
        if x.kind in places
        for y in facts_b.entities
        if y.kind in places
    )


def _loosely_aligned(ctx: CheckContext, keep: Callable[[Sentence], bool]) -> Iterator[Candidate]:
    """Embedding neighbours below CANDIDATE_MIN_SCORE (cosine at least SAME_EVENT_MIN_COSINE) whose
    two sentences both pass `keep`: "shot down 18 Russian attack drones" vs "destroyed 28 Russian
    attack drones" share the fact but little surface, and the same-fact score rewards surface.
    Read from the aligner's arrays, so the pairs that fail are never built as objects."""
    from auditor.align import aligned_pairs

    pairs = aligned_pairs(ctx)
    if not len(pairs):
        return
    kept = np.array([keep(s) for s in pairs.table.sentences], dtype=bool)
    loose = (
        (pairs.scores < CANDIDATE_MIN_SCORE)
        & (pairs.cosines >= SAME_EVENT_MIN_COSINE)
        & kept[pairs.rows_a]
        & kept[pairs.rows_b]
    )
    for position in np.flatnonzero(loose).tolist():
        pair = pairs[position]
        yield Candidate(pair.a, pair.b, pair.score)


def _loosely_aligned_counts(ctx: CheckContext) -> Iterator[Candidate]:
    facts = document_facts(ctx)
    return _loosely_aligned(ctx, lambda s: s.doc_id in facts and bool(facts[s.doc_id].in_sentence(s.index).quantities))


def _share_day(fa: DocumentFacts, fb: DocumentFacts, cand: Candidate, weeks: bool = False) -> bool:
    """Do the two sentences give the same day (or, with `weeks`, the same week: "talks next week")?"""
    kinds = ("day", "week") if weeks else ("day",)

    def periods(facts: DocumentFacts, index: int) -> set[tuple[Any, Any]]:
        return {
            (d.earliest, d.latest)
            for d in facts.in_sentence(index).dates
            if d.granularity in kinds and (d.granularity == "week" or d.earliest == d.latest)
        }

    return bool(periods(fa, cand.a.index) & periods(fb, cand.b.index))


def _same_event(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Does the same kind of event govern both counts ("killing 17 miners", "11 miners were killed")?"""
    event_a, event_b = _scope(ctx, qa).event, _scope(ctx, qb).event
    return event_a is not None and event_a == event_b


STORY_NAMES = 3  # names two articles share when they tell one story (a defendant's two names and a town)


def _story_pairs(ctx: CheckContext, doc_ids: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs of `doc_ids` that tell one story: they name the same people and places (at least
    STORY_NAMES names in common: the defendant, the victim, the town, the court) or the aligner
    holds that they state a fact in common. Two trials (two votes) in one corpus are not paired,
    and the pairs grow with the names' postings and the aligned pairs, not with the square of the
    documents."""
    from auditor.align import SAME_FACT_THRESHOLD

    wanted = set(doc_ids)
    postings: dict[str, list[str]] = {}
    for doc_id in sorted(wanted):
        doc = ctx.document(doc_id)
        names = frozenset().union(*(_names_in(ctx, doc_id, s.index) for s in doc.active_sentences()))
        for name in names:
            if not name.startswith("country:"):  # a country stands beside its name already
                postings.setdefault(name, []).append(doc_id)
    shared: dict[tuple[str, str], int] = {}
    for docs in postings.values():
        if len(docs) <= POSTING_CAP:
            for pair in combinations(docs, 2):
                shared[pair] = shared.get(pair, 0) + 1
    one_story = {pair for pair, count in shared.items() if count >= STORY_NAMES} | {
        (min(c.a.doc_id, c.b.doc_id), max(c.a.doc_id, c.b.doc_id))
        for c in candidate_pairs(ctx)
        if c.score >= SAME_FACT_THRESHOLD and c.a.doc_id in wanted and c.b.doc_id in wanted
    }
    return sorted(one_story)


# One count each article gives once, in sentences the aligner does not pair: "The aircraft, carrying
# 212 passengers and 12 crew, landed safely" and "Most of the 187 passengers on board ... were
# tourists". Compared only when the two articles tell one story (`_story_pairs`), came out within
# ONE_COUNT_DAYS of each other (a later one may count a later state), name nothing apart in the two
# sentences, and give figures within ONE_COUNT_RATIO of each other: a misreported figure lies near
# the right one, while figures several times apart count different groups ("1,250 troops" of one
# contingent vs "about 14,000" in the mission).
ONE_COUNT_DAYS = 1
ONE_COUNT_RATIO = 1.5
ONE_COUNT_CONFIDENCE = 0.45  # below DOUBTFUL: read from the story, not from sentences the aligner pairs


SINGLE_COUNTS_ARTIFACT = "single_counts"
CountKey = tuple[str, frozenset[str]]


def _count_key(q: Quantity) -> CountKey:
    assert q.noun is not None
    return noun_key(q.noun), _modifiers(q)


def _single_counts(ctx: CheckContext, doc_id: str) -> dict[CountKey, Quantity]:
    """The counts (not measures, not vague) a document gives one figure for, by counted noun and
    its descriptive words; a noun given two figures ("Eleven people" hurt, "about 180 people" on
    board) has no one count."""
    memo: dict[str, dict[CountKey, Quantity]] = ctx.artifacts.setdefault(SINGLE_COUNTS_ARTIFACT, {})
    if doc_id not in memo:
        found: dict[CountKey, list[Quantity]] = {}
        for q in document_facts(ctx)[doc_id].quantities:
            if q.noun and q.kind != "vague" and not is_measure(q):
                found.setdefault(_count_key(q), []).append(q)
        memo[doc_id] = {
            key: counts[0]
            for key, counts in found.items()
            if all(_agree_after_rounding(counts[0], q) for q in counts[1:])
        }
    return memo[doc_id]


def _story_counts(ctx: CheckContext) -> Iterator[tuple[Candidate, str]]:
    """The sentences of two articles of one story that give the one count each has for a noun."""
    counts = {doc_id: _single_counts(ctx, doc_id) for doc_id in document_facts(ctx)}
    for a, b in _story_pairs(ctx, [doc_id for doc_id, found in counts.items() if found]):
        for key in sorted(counts[a].keys() & counts[b].keys(), key=lambda k: (k[0], sorted(k[1]))):
            qa, qb = counts[a][key], counts[b][key]
            yield (
                Candidate(_sentence(ctx.document(a), qa.sentence), _sentence(ctx.document(b), qb.sentence), 0.0),
                "count",
            )


def _one_count_alike(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Are qa and qb their articles' one count of a noun, and may they be one figure misreported
    (see ONE_COUNT_DAYS)?"""
    key = _count_key(qa)
    if _single_counts(ctx, qa.doc_id).get(key) is not qa or _single_counts(ctx, qb.doc_id).get(key) is not qb:
        return False  # another count in the two sentences
    published_a, published_b = ctx.document(qa.doc_id).published, ctx.document(qb.doc_id).published
    if not published_a or not published_b or abs((published_a - published_b).days) > ONE_COUNT_DAYS:
        return False
    low, high = sorted((qa.value, qb.value))
    if low <= 0 or high > low * ONE_COUNT_RATIO:
        return False
    names_a, names_b = _names_in(ctx, qa.doc_id, qa.sentence), _names_in(ctx, qb.doc_id, qb.sentence)
    return not (names_a and names_b and not names_a & names_b)


def _verdicts(ctx: CheckContext) -> Iterator[tuple[Candidate, str]]:
    """The sentences of two documents of one story (`_story_pairs`) that each give one prison
    term, or one fine, wherever they stand: a story of one verdict ("jailed for 25 years" in a
    headline, "a 20-year prison sentence" in the other outlet's lead) need not be worded alike to
    be compared. A document that gives two different terms (two defendants, a term sought and one
    handed down) is left out; so is one that gives two fines and no total. Yields (candidate,
    what is compared)."""
    facts = document_facts(ctx)
    terms: dict[str, Quantity] = {}
    fines: dict[str, Quantity] = {}
    for doc_id, doc_facts in facts.items():
        found = [q for q in doc_facts.quantities if _prison_term(ctx, q)]
        if found and all(_agree_after_rounding(found[0], q) for q in found[1:]):
            terms[doc_id] = found[0]
        fine = _document_fine(ctx, doc_id)
        if fine is not None:
            fines[doc_id] = fine
    for chosen, slot in ((terms, "prison term"), (fines, "fine")):
        for a, b in _story_pairs(ctx, chosen):
            qa, qb = chosen[a], chosen[b]
            cand = Candidate(_sentence(ctx.document(a), qa.sentence), _sentence(ctx.document(b), qb.sentence), 0.0)
            yield cand, slot


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


def _reports_change(ctx: CheckContext, q: Quantity, other: Quantity) -> bool:
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


def _matched_by(close: bool, slot: str | None) -> str:
    if close:
        return "same-fact score"
    return f"the one {slot} each outlet gives" if slot else "same event, day or place"


def _numeric_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    seen: set[tuple[str, int, int, str, int, int]] = set()
    aligned = ((cand, None) for cand in chain(candidate_pairs(ctx), _loosely_aligned_counts(ctx)))
    slots: Iterator[tuple[Candidate, str | None]] = chain(aligned, _verdicts(ctx), _story_counts(ctx))
    for cand, slot in slots:
        fa, fb = facts.get(cand.a.doc_id), facts.get(cand.b.doc_id)
        if fa is None or fb is None:
            continue
        close = cand.score >= NUMERIC_MIN_SCORE
        if not close and not slot and not _share_day_or_place(fa, fb, cand):
            continue
        for qa in fa.in_sentence(cand.a.index).quantities:
            for qb in fb.in_sentence(cand.b.index).quantities:
                conflict = numeric_conflict(ctx, qa, qb)
                if conflict is None:
                    continue
                if slot == "prison term" and not _prison_terms_alike(ctx, qa, qb):
                    continue
                if slot == "fine" and not _fines_alike(ctx, qa, qb):
                    continue
                if slot == "count" and not _one_count_alike(ctx, qa, qb):
                    continue
                if slot != "count" and not close and not (_same_event(ctx, qa, qb) or is_measure(qa)):
                    continue  # a measure passed _measure_alike: the words around it name the same thing
                if _reports_change(ctx, qa, qb) or _reports_change(ctx, qb, qa):
                    continue  # "rises to 15" a day after "12 injured": an update
                key = (qa.doc_id, qa.start, qa.end, qb.doc_id, qb.start, qb.end)
                if key in seen:
                    continue
                seen.add(key)
                factor, _ = conflict
                doc, other = ctx.document(qa.doc_id), ctx.document(qb.doc_id)
                base = SAME_EVENT_CONFIDENCE if slot != "count" else ONE_COUNT_CONFIDENCE
                confidence = round((min(0.95, cand.score) if close else base) * factor, 3)
                different_days, when = _timing(doc, [other])
                noun = qa.noun_text or qa.noun
                if is_measure(qa):  # "for the same years" says nothing: say what the words around them are
                    before, after = _measure_window(ctx, qa)
                    noun = "measure ('" + " ".join([*before, "…", *after]) + "')"
                yield Flag(
                    doc,
                    qa.start,
                    qa.end,
                    f"{_where(doc)} says {qa.text!r}; {_where(other)} says {qb.text!r} for the same {noun}." + when,
                    suggestion="Check which figure the original source gives before quoting either.",
                    confidence=confidence,
                    evidence=(Evidence.from_span(other, qb.start, qb.end),),
                    severity=_severity(confidence, different_days),
                    data=(
                        ("kind", "numeric"),
                        ("values", (qa.value, qb.value)),
                        ("same_fact", round(cand.score, 3)),
                        ("matched_by", _matched_by(close, slot)),
                    ),
                )


# A vote tally on one motion: each outlet's one tally is compared between articles of one story,
# however worded ("voted 29 to 12" vs "backed by 24 of the council's 43 members").
@dataclass(frozen=True)
class _Tally:
    sentence: Sentence
    tally: VoteTally

    @property
    def span(self) -> tuple[int, int]:
        return self.sentence.start + self.tally.start, self.sentence.start + self.tally.end


# Which vote of several: "at its first reading", "in the second round", the Senate's or a committee's.
_VOTE_STAGE = re.compile(
    r"\b(first|second|third|fourth|fifth)\s+(?:and\s+final\s+)?(?:reading|round|ballot|vote)\b", re.I
)
_VOTING_BODY = re.compile(
    r"\b(senate|house|assembly|committee|subcommittee|cabinet|board|panel|court|council|congress)\b", re.I
)


def _document_tally(ctx: CheckContext, doc: Document) -> tuple[_Tally | None, _Tally | None]:
    """The one count for and the one count against a motion the document gives (None where it
    gives none, or gives two different ones: two votes, a reading and a final vote)."""
    in_favour: list[_Tally] = []
    against: list[_Tally] = []
    for sentence in doc.active_sentences():
        for tally in vote_tallies(sentence.text):
            if tally.in_favour is not None:
                in_favour.append(_Tally(sentence, tally))
            if tally.against is not None:
                against.append(_Tally(sentence, tally))
    one_for = in_favour[0] if len({t.tally.in_favour for t in in_favour}) == 1 else None
    one_against = against[0] if len({t.tally.against for t in against}) == 1 else None
    return one_for, one_against


def _vote_words(pattern: re.Pattern[str], tally: _Tally) -> frozenset[str]:
    """The stage or body words that belong to this tally: in its words ("24 of the council's
    members"), else the nearest before it ("The House passed the bill 87-26 after the Senate
    approved it" is the House's), else those after it in its clause ("approved 12-3 by the House
    Commerce Committee")."""
    text, start, end = tally.sentence.text, tally.tally.start, tally.tally.end
    found = list(pattern.finditer(text))
    chosen = [m for m in found if start <= m.start() and m.end() <= end]
    if not chosen:
        chosen = [m for m in found if m.end() <= start][-1:]
    if not chosen:
        clause_end = end + len(_CLAUSE_BREAK.split(text[end:])[0])
        chosen = [m for m in found if end <= m.start() and m.end() <= clause_end]
    return frozenset(m.group(1).lower() for m in chosen)


def _other_vote(ctx: CheckContext, a: _Tally, b: _Tally) -> bool:
    """Do the two sentences tell two votes: another reading or round, another body (the Senate's
    and the House's, a committee's and the floor's), another day?"""
    for pattern in (_VOTE_STAGE, _VOTING_BODY):
        words_a, words_b = _vote_words(pattern, a), _vote_words(pattern, b)
        if words_a and words_b and not words_a & words_b:
            return True
    days_a, days_b = (
        frozenset(
            d.earliest
            for d in document_facts(ctx)[t.sentence.doc_id].in_sentence(t.sentence.index).dates
            if d.granularity == "day" and d.earliest and d.earliest == d.latest and d.event != "say"
        )
        for t in (a, b)
    )
    return bool(days_a and days_b and not days_a & days_b)


VOTE_CONFIDENCE = 0.6  # the story's pairing and the vote's wording are read, not aligned
VOTE_DAYS_APART = 7  # two tallies published further apart may be two votes on one motion


def _tally_disputes(
    ctx: CheckContext, a: tuple[_Tally | None, _Tally | None], b: tuple[_Tally | None, _Tally | None]
) -> Iterator[tuple[_Tally, _Tally, str]]:
    """(this side, the other side, what is counted) for each count the two tallies disagree on.
    A count for one side that equals the other's count against is one tally read in the other
    order ("defeated 40-58" vs "58 voted against"), not a dispute."""
    (for_a, against_a), (for_b, against_b) = a, b
    counts_a = {t.tally.in_favour if t is for_a else t.tally.against for t in (for_a, against_a) if t}
    counts_b = {t.tally.in_favour if t is for_b else t.tally.against for t in (for_b, against_b) if t}
    if counts_a & counts_b and counts_a != counts_b and (len(counts_a) == 1 or len(counts_b) == 1):
        return  # one side gives only the count the other has: no count is in dispute
    for x, y, side in ((for_a, for_b, "votes for"), (against_a, against_b, "votes against")):
        if x is None or y is None:
            continue
        value_x = x.tally.in_favour if side == "votes for" else x.tally.against
        value_y = y.tally.in_favour if side == "votes for" else y.tally.against
        if value_x == value_y or value_x in counts_b or value_y in counts_a or _other_vote(ctx, x, y):
            continue
        yield x, y, side


def _vote_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """Two articles of one story give different tallies of its one vote."""
    tallies = {}
    for doc_id in document_facts(ctx):
        doc = ctx.document(doc_id)
        tally = _document_tally(ctx, doc)
        if tally != (None, None):
            tallies[doc_id] = tally
    # Spans the aligned comparison already flagged ("29" against "24"): the same dispute once.
    flagged: dict[str, list[tuple[int, int]]] = {}
    for f in reported:
        flagged.setdefault(f.doc.id, []).append((f.start, f.end))
        for e in f.evidence:
            flagged.setdefault(e.doc, []).append((e.start, e.end))

    def reported_already(doc_id: str, span: tuple[int, int]) -> bool:
        return any(start < span[1] and span[0] < end for start, end in flagged.get(doc_id, ()))

    for a, b in _story_pairs(ctx, tallies):
        doc, other = ctx.document(a), ctx.document(b)
        if doc.published and other.published and abs((doc.published - other.published).days) > VOTE_DAYS_APART:
            continue
        for x, y, side in _tally_disputes(ctx, tallies[a], tallies[b]):
            if reported_already(a, x.span) and reported_already(b, y.span):
                continue
            different_days, when = _timing(doc, [other])
            start, end = x.span
            other_start, other_end = y.span
            yield Flag(
                doc,
                start,
                end,
                f"{_where(doc)} says {x.tally.text!r}; {_where(other)} says {y.tally.text!r}: "
                f"two counts of the {side} in one vote." + when,
                suggestion="Check the official record of the vote before quoting either count.",
                confidence=VOTE_CONFIDENCE,
                evidence=(Evidence.from_span(other, other_start, other_end),),
                severity=_severity(VOTE_CONFIDENCE, different_days),
                data=(
                    ("kind", "numeric"),
                    (
                        "values",
                        (
                            x.tally.in_favour if side == "votes for" else x.tally.against,
                            y.tally.in_favour if side == "votes for" else y.tally.against,
                        ),
                    ),
                    ("same_fact", 0.0),
                    ("matched_by", "the one vote tally each outlet gives"),
                ),
            )


# ---------------------------------------------------------------- C002 date


def _event_participants(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """Entities within six words of the event word the date attaches to."""
    doc = ctx.document(d.doc_id)
    sentence = _sentence(doc, d.sentence)
    facts = document_facts(ctx)[d.doc_id]
    if not d.event_text:
        return frozenset()
    position = sentence.text.find(d.event_text)
    if position < 0:
        return frozenset()
    lo, hi = _word_window(sentence.text, position, 6)
    return frozenset(
        e.canonical
        for e in facts.in_sentence(d.sentence).entities
        if lo <= e.start - sentence.start and e.end - sentence.start <= hi
    )


_NON_SPACE_RUN = re.compile(r"\S+")


@lru_cache(maxsize=4096)  # C002 asks for the same sentence's words for every date pair
def _word_starts(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _NON_SPACE_RUN.finditer(text))


def _word_window(text: str, position: int, words: int) -> tuple[int, int]:
    starts = _word_starts(text)
    index = max(0, bisect_right(starts, position) - 1)  # starts are ascending
    lo = starts[max(0, index - words)]
    hi_index = min(len(starts) - 1, index + words)
    hi = starts[hi_index] + len(text[starts[hi_index] :].split(maxsplit=1)[0])
    return lo, hi


DATE_MIN_COSINE = 0.4  # event clauses less similar than this are not the same event


def _clip_sentence(ctx: CheckContext, d: DateMention) -> Sentence:
    """The event clause ("withdrawal ... completed by the end of August") as a pseudo-sentence to embed."""
    s, e = _clip_span(ctx, d)
    doc = ctx.document(d.doc_id)
    return Sentence(doc.id, d.sentence, s, e, doc.text[s:e], 0)


# Reports of one event rarely disagree by more than a season; dates further apart are almost
# always different occurrences ("returned to prison in May 1984" vs "in June 1999").
MAX_DATE_GAP_DAYS = 180


def _comparable_dates(d: DateMention) -> bool:
    """Dated occurrences only: no statements, past windows, "since", or bare years (background).
    Starts count ("the trial will begin on September 4"); they are compared with starts only."""
    if d.event in (None, "say") or d.earliest is None:
        return False
    if d.granularity == "window":
        return d.relation == "by"  # "completed in less than a week" is a deadline
    return d.relation in ("on", "by", "start") and d.granularity != "year"


def _dates_agree_elsewhere(facts: DocumentFacts, d: DateMention) -> bool:
    """Does the document also give d's date for the same event, at least as precisely? "In
    November" in a headline does not give "November 21": it agrees with every day of the month."""
    return any(
        x.event == d.event
        and x.earliest is not None
        and _comparable_dates(x)
        and date_gap(x, d) == 0
        and _specificity(x) >= _specificity(d)
        for x in facts.dates
    )


_CLAUSE_STOP = word_set(
    """a an the of in on at by to for from with and or but as that which who is are was were be been will
    would could should has have had its their his her it they this these those than less more within"""
)


def _content(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """Content words of the event clause other than the event and the date, nouns folded."""
    memo: dict[DateMention, frozenset[str]] = ctx.artifacts.setdefault(CLAUSE_CONTENT_ARTIFACT, {})
    found = memo.get(d)
    if found is None:
        found = memo[d] = _clause_content(ctx, d)
    return found


def _clause_words(ctx: CheckContext, d: DateMention) -> list[str]:
    """The words of the event clause outside its sentence's dates ("last week" is no occurrence)."""
    s, e = _clip_span(ctx, d)
    text = ctx.document(d.doc_id).text
    spans = [(x.start, x.end) for x in document_facts(ctx)[d.doc_id].in_sentence(d.sentence).dates]
    return [
        m.group()
        for m in re.finditer(r"[A-Za-z][A-Za-z-]+", text[s:e])
        if not any(a <= s + m.start() < b for a, b in spans)
    ]


def _clause_content(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    words = _clause_words(ctx, d)
    event_words = {w.lower() for w in (d.event_text or "").split()}  # "passed away": "away" is the event's
    return frozenset(
        noun_key(w)
        for w in words
        if w.lower() not in _CLAUSE_STOP
        and w.lower() not in CALENDAR_WORDS  # "on Wednesday, September 3": the date's own weekday
        and w.lower() not in event_words
        and stem(w) != d.event
        and (w[0].isupper() or not is_eventive(w))
    )


# Words that say which occurrence of a recurring event is meant: the first round is not the
# runoff, the second leg not the first, the final not the semi-final.
_OCCURRENCE_WORDS = word_set(
    """first second third fourth fifth sixth final finals last next previous initial preliminary opening
    closing runoff run-off rerun re-run round rounds semifinal semifinals semi-final semi-finals quarterfinal
    quarterfinals quarter-final quarter-finals leg stage phase"""
)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]")
_LEAD_IN_WORDS = 5


def _lead_in(ctx: CheckContext, d: DateMention) -> list[str]:
    """The words right before the event word, back to a clause break ("EU finance ministers will"
    for "meet"): who or which occurrence the event is, which the event clause leaves out."""
    if not d.event_text:
        return []
    sentence = _sentence(ctx.document(d.doc_id), d.sentence)
    position = sentence.text.find(d.event_text)
    if position < 0:
        return []
    clauses = _CLAUSE_BREAK.split(sentence.text[:position])
    words = [w.strip(".'’") for w in clauses[-1].split()]
    if len(clauses) == 1 and words and words[0].istitle():
        words[0] = words[0].lower()  # "Peace talks will resume": capitalised as the sentence's first word
    return words[-_LEAD_IN_WORDS:]


def _occurrence_words(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """Occurrence words ("first", "round", "runoff") of the lead-in and the event clause; words of
    the dates themselves ("last week", "next Tuesday") do not count."""
    return occurrence_words([*_lead_in(ctx, d), *_clause_words(ctx, d)])


_DETERMINERS = word_set("the these those all both his her their its our my your this that each every such a an")
# After an occurrence word, words that show it says no occurrence: "the first day of trading" (the
# event's start), "for the first time", "opening the market" /
# "the opening of the bridge" (a verb, or the event itself).
_NO_OCCURRENCE_AFTER = {
    "first": word_set("day days time"),
    "opening": _DETERMINERS | word_set("of up"),
    "closing": _DETERMINERS | word_set("of down"),
    # "will begin on September 21 and last about a week": the verb
    "last": word_set(
        "about around roughly nearly almost some for until till through over several between just only at"
    ),
}


# "its first population census in ten years", "the first strike since": how long it has not
# happened, not which occurrence (a first round, a second vote) is meant.
_FIRST_IN_YEARS = re.compile(
    r"^(?:[a-z-]+\s+){0,3}?(?:since\b|in\s+(?:(?:a|an|[a-z-]+)\s+)?(?:years|decades?|generations?|century)\b)"
)


def occurrence_words(words: Sequence[str]) -> frozenset[str]:
    """The occurrence words among `words` that say which occurrence is meant."""
    lower = [w.lower() for w in words]
    return frozenset(
        w
        for i, w in enumerate(lower)
        if w in _OCCURRENCE_WORDS
        and not (lower[i + 1 : i + 2] and lower[i + 1] in _NO_OCCURRENCE_AFTER.get(w, ()))
        and not (w == "first" and _FIRST_IN_YEARS.match(" ".join(lower[i + 1 : i + 8])))
    )


def _actor_words(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """The common nouns right before the event word, auxiliaries skipped: "finance ministers" in
    "EU finance ministers will meet", "peace" in "peace talks" (folded). A determiner, a name or
    any other word ends them, so "the entire withdrawal" and "plans in April to withdraw" have none:
    only an event whose doer or kind is named next to it can be told apart this way."""
    words: list[str] = []
    for word in reversed(_lead_in(ctx, d)):
        lower = word.lower()
        if not words and lower in _AUXILIARIES:
            continue
        if not (word.isalpha() and word.islower()) or lower in _CLAUSE_STOP or lower in _OCCURRENCE_WORDS:
            break
        if lower in _LEAD_IN_FILLERS or is_eventive(word):
            break
        words.append(noun_key(word))
    return frozenset(words)


# Between a doer and its verb: "ministers will meet", "troops are due to withdraw", "leaders will
# hold talks" (a light verb before the event noun), "agents set to begin knocking on doors".
_AUXILIARIES = word_set(
    """will would shall should can could may might must to is are was were be been being has have had
    do does did not also still now then again just already soon due expected set planned scheduled likely
    hold holds held holding host hosts hosted hosting stage stages staged come comes came enter enters entered
    begin begins start starts commence commences"""
)
# Words before an event that name neither its doer nor its kind.
_LEAD_IN_FILLERS = word_set(
    """entire full whole complete partial new old long short major big large small several many some all
    both each any other another such"""
)


POSTING_CAP = 60  # a content word in more clauses than this says little about which event it is


_TIME_ZONE = re.compile(r"\b(?:GMT|UTC|local time|[A-Z][a-z]+ time)\b")


def _names_time_zone(ctx: CheckContext, d: DateMention) -> bool:
    """Does the date's sentence give a time zone? Then a day's difference may be the clock's."""
    return bool(_TIME_ZONE.search(_sentence(ctx.document(d.doc_id), d.sentence).text))


_NAME_WORD = re.compile(rf"(?:^|(?<=\s))[{UPPER}][{LOWER}]+(?:-[{UPPER}{LOWER}]+)*")
RARE_WORD_INFORMATION = 3.5  # Zipf 3.5: a capitalised first word this rare is a name ("Norland's")
COMMON_WORD_INFORMATION = 2.5  # Zipf 4.5: "Police", "Last updated", "Museum" capitalised mid-sentence
_NOT_NAMES = CALENDAR_WORDS | word_set(
    "the a an this that these those it he she they we i in on at by for of and or but"
)


def _one_moment_across_zones(ctx: CheckContext, a: DateMention, b: DateMention, gap: int) -> bool:
    """Are two days one apart one moment told in two time zones (either names one)?"""
    return gap == 1 and (_names_time_zone(ctx, a) or _names_time_zone(ctx, b))


def _sentence_names(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """Names in the date's sentence: its gazetteer entities (a city also stands for its country:
    Tunis and Tunisia) and its capitalised words that are not common English words ("Bardo",
    "Harmon"; the first word only if rare: "Norland's", not "Voters")."""
    return _names_in(ctx, d.doc_id, d.sentence)


def _names_in(ctx: CheckContext, doc_id: str, index: int) -> frozenset[str]:
    memo: dict[tuple[str, int], frozenset[str]] = ctx.artifacts.setdefault(SENTENCE_NAMES_ARTIFACT, {})
    key = (doc_id, index)
    found = memo.get(key)
    if found is None:
        names: set[str] = set()
        for e in document_facts(ctx)[doc_id].in_sentence(index).entities:
            names.add(plain(e.canonical.lower()))
            if e.country:
                names.add(f"country:{e.country}")
        text = _sentence(ctx.document(doc_id), index).text
        for match in _NAME_WORD.finditer(text):
            word = plain(match.group().lower())  # "Dašice" in one outlet is "Dasice" in another
            threshold = RARE_WORD_INFORMATION if match.start() == 0 else COMMON_WORD_INFORMATION
            if word in _NOT_NAMES or information(word) < threshold:
                continue  # "The", "Voters" first in the sentence; "Last updated", "Police" in a title
            names.add(word)
        found = memo[key] = frozenset(names)
    return found


def _pairs_sharing_content(ctx: CheckContext, mentions: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """Pairs of mentions whose clauses share a content word or whose sentences share a name, via
    an inverted index (not all pairs), so cost stays near-linear on large corpora."""
    postings: dict[str, list[int]] = {}
    for i, d in enumerate(mentions):
        for word in _content(ctx, d) | {f"name:{n}" for n in _sentence_names(ctx, d)}:
            postings.setdefault(word, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) <= POSTING_CAP:
            pairs.update(combinations(ids, 2))
    return [(mentions[i], mentions[j]) for i, j in sorted(pairs)]


def _shared_objects(ctx: CheckContext, a: DateMention, b: DateMention) -> bool:
    """Do the two clauses speak of the same thing? They share a content word; or one leaves the
    event's object unsaid ("elections will be held on ...", "will reopen on ...") and the two
    sentences name someone or somewhere in common. Two different objects ("hosted the Oscars" vs
    "hosted the Tonys") are two events."""
    content_a, content_b = _content(ctx, a), _content(ctx, b)
    if content_a & content_b:
        return True
    if content_a and content_b:
        return False
    if not _sentence_names(ctx, a) & _sentence_names(ctx, b):
        return False
    # Looser evidence, stricter guard: which occurrence ("Sunday's first round" vs "the runoff on
    # Sunday") is read from the whole sentences.
    return _sentence_occurrences(ctx, a) == _sentence_occurrences(ctx, b)


def _sentence_occurrences(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    text = _sentence(ctx.document(d.doc_id), d.sentence).text
    return occurrence_words(re.findall(r"[a-z-]+", text.lower()))


def _ahead(ctx: CheckContext, d: DateMention) -> bool:
    published = ctx.document(d.doc_id).published
    return published is not None and d.earliest is not None and d.earliest > published


def _aspects_agree(ctx: CheckContext, a: DateMention, b: DateMention) -> bool:
    """Starts are compared with starts; but a scheduled event's day is the day it starts: "will go
    on trial on June 17" and "the trial will begin on June 10" give two days for one start."""
    if _aspect(a) == _aspect(b):
        return True
    return {a.relation, b.relation} == {"start", "on"} and _ahead(ctx, a) and _ahead(ctx, b)


# "Schools will remain closed on Monday", "the road stayed shut through Friday": a state that holds
# on the day, not the day something happened.
_STATE_ON = re.compile(
    r"\b(?:remain|remains|remained|remaining|stay|stays|stayed|staying)\s+[a-z]+\s+(?:on|through|over)?\s*$"
)


def _until(ctx: CheckContext, d: DateMention) -> bool:
    """Is the date the end of a state ("adjourned until March 18", "closed till Monday") or a day a
    state still held ("will remain closed on Monday"), not the day the event happened or its
    deadline?"""
    text = ctx.document(d.doc_id).text
    before = text[max(0, d.start - 40) : d.start]
    words = before.split()
    return bool(words) and (words[-1].lower() in ("until", "till", "pending") or bool(_STATE_ON.search(before)))


def date_gap(a: DateMention, b: DateMention) -> int:
    """Days between the two periods (0 when they meet or overlap)."""
    assert a.earliest and a.latest and b.earliest and b.latest
    return max(0, (b.earliest - a.latest).days, (a.earliest - b.latest).days)


def _aspect(d: DateMention) -> str:
    return "start" if d.relation == "start" else "end-or-point"


@rule(
    "C002",
    "date-contradiction",
    Category.CONTRADICTION,
    Severity.WARNING,
    english_only=True,
    embeds_corpus=True,
    scope=CORPUS,
)
def check_dates(ctx: CheckContext) -> Iterable[Flag]:
    """Two outlets put the same event on dates that cannot both be right.

    What it flags: dates attached to the same event word (withdraw/withdrawal, attack, vote...)
    in similar sentences of different documents, with compatible participants, whose resolved
    periods do not meet; relative dates ("on Tuesday", "in less than a week") are resolved
    against each article's publication date first. Also the one day ahead that each of two
    articles of one story gives in its lead (headline and first sentence), when they differ.
    Why it matters: a deadline or an event date quoted from the wrong outlet misleads readers;
    when the articles were published on different days the plan may have changed, so that case
    is reported at lower severity with both publication dates.
    Example: "the withdrawal of foreign forces which is due to be completed by the end of
    August" (Euronews, 2021-07-17) vs "the entire withdrawal ... will be completed in less than
    a week by the July 4 national holiday" (ANI, 2021-07-02).
    """
    flags = list(_date_flags(ctx))
    flagged = {f.doc.id for f in flags}
    flags += [f for f in _unattached_date_flags(ctx) if f.doc.id not in flagged]
    flagged = {f.doc.id for f in flags}
    return [*flags, *(f for f in _lead_date_flags(ctx) if f.doc.id not in flagged)]


# A date whose event word is not recognised ("will fight again in Riyadh on December 13", "a
# rematch ... in Riyadh on Saturday, December 20") is still one event's when the two sentences say
# nearly the same thing and name the same people or places. Doubtful: reported as info.
UNATTACHED_MIN_COSINE = 0.7
UNATTACHED_CONFIDENCE = 0.45


def _dated_day(d: DateMention) -> bool:
    return d.granularity == "day" and d.earliest is not None and d.relation in ("on", "start") and d.event != "say"


def _unattached_day(ctx: CheckContext, d: DateMention) -> bool:
    """A day with no known event that is not the day of publication: "still active on Thursday"
    in Thursday's paper is the report's now, which tells no event from another."""
    return _dated_day(d) and d.earliest != ctx.document(d.doc_id).published


RECENT_DAYS = 3  # a day this close before an article's publication is that article's news
# Two reports more than a week apart, each of "its" latest occurrence, tell of two occurrences of
# something that recurs (weekly fixtures, monthly meetings); within a week, of one event misdated.
RECURRENCE_DAYS = 7


def _each_reports_its_own(ctx: CheckContext, a: DateMention, b: DateMention) -> bool:
    """Does each outlet date its event just before its own publication, the publications being
    more than a week apart? Then each reports the latest of a recurring event ("beat Derry on
    Friday night" in two papers three weeks apart: two matches), not one event on two days."""
    published_a, published_b = ctx.document(a.doc_id).published, ctx.document(b.doc_id).published
    if not published_a or not published_b or abs((published_a - published_b).days) <= RECURRENCE_DAYS:
        return False
    return all(
        d.earliest is not None and d.latest is not None and 0 <= (published - d.latest).days <= RECENT_DAYS
        for d, published in ((a, published_a), (b, published_b))
    )


def _unattached_date_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    mentions = [d for f in facts.values() for d in f.dates if _unattached_day(ctx, d)]
    postings: dict[str, list[int]] = {}
    for i, d in enumerate(mentions):
        for name in _sentence_names(ctx, d):
            postings.setdefault(name, []).append(i)
    pairs = {pair for ids in postings.values() if len(ids) <= POSTING_CAP for pair in combinations(ids, 2)}
    survivors: list[tuple[DateMention, DateMention]] = []
    for i, j in sorted(pairs):
        a, b = mentions[i], mentions[j]
        if a.doc_id == b.doc_id or (a.event is not None and b.event is not None):
            continue  # both events known: the event path's to compare
        gap = date_gap(a, b)
        if gap == 0 or gap > MAX_DATE_GAP_DAYS or _one_moment_across_zones(ctx, a, b, gap):
            continue
        if any(date_gap(x, b) == 0 for x in facts[a.doc_id].dates if _dated_day(x)) or any(
            date_gap(x, a) == 0 for x in facts[b.doc_id].dates if _dated_day(x)
        ):
            continue  # an outlet that also gives the other day may be telling of two occasions
        if _ahead(ctx, a) != _ahead(ctx, b) or _sentence_occurrences(ctx, a) != _sentence_occurrences(ctx, b):
            continue
        if _each_reports_its_own(ctx, a, b):
            continue
        survivors.append((a, b))
    cosines = _cosines(
        ctx,
        [
            (_sentence(ctx.document(a.doc_id), a.sentence).text, _sentence(ctx.document(b.doc_id), b.sentence).text)
            for a, b in survivors
        ],
    )
    best: dict[tuple[str, str], tuple[float, DateMention, DateMention]] = {}
    for (a, b), cosine in zip(survivors, cosines, strict=True):
        if cosine < UNATTACHED_MIN_COSINE:
            continue
        for mine, other in ((a, b), (b, a)):
            key = (mine.doc_id, other.doc_id)
            if key not in best or cosine > best[key][0]:
                best[key] = (cosine, mine, other)
    for (_doc_id, _other_id), (_cosine, mine, other) in sorted(best.items()):
        doc, other_doc = ctx.document(mine.doc_id), ctx.document(other.doc_id)
        different_days, when = _timing(doc, [other_doc])
        start, end = _sentence(doc, mine.sentence).start, _sentence(doc, mine.sentence).end
        yield Flag(
            doc,
            start,
            end,
            f"Dates differ in what reads as the same event: {_where(doc)} has {_period(mine)}; "
            f"{_where(other_doc)} has {_period(other)}." + when,
            suggestion="Check the date against the primary source and say which outlet's date you use.",
            confidence=UNATTACHED_CONFIDENCE,
            evidence=(Evidence.from_span(other_doc, *_sentence_span(other_doc, other.sentence)),),
            severity=_severity(UNATTACHED_CONFIDENCE, different_days),
            data=(("kind", "date"), ("event", ""), ("date", _period(mine)), ("matched_by", "similar sentences")),
        )


# The day a story's lead gives for what is to happen: a headline and its first sentence name the
# event the story is about ("Tonga to vote in late November" / "Tongans will go to the polls on 27
# November"). When each of two articles of one story gives exactly one such day there, and they
# differ, the outlets disagree on the story's date even when they name the event in other words.
LEAD_SENTENCES = 2  # the headline and the first sentence; a dateline fragment ("ACCRA, Aug.") adds one
LEAD_GAP_DAYS = 92
LEAD_CONFIDENCE = 0.55  # one event word in both leads ("elections" / "go to the polls")
LEAD_WORDED_APART_CONFIDENCE = 0.45  # events worded apart: doubtful, reported as info
# A date that moved: "postponed to July 26", "will now take place on", "moved the start to".
# Not "after years of delays": a word of delay is a new date only with where it moved ("delayed to").
_RESCHEDULED = re.compile(
    r"\b(?:postpon\w*|reschedul\w*|(?:delayed|moved|pushed\s+back|put\s+back)\s+(?:[\w'’-]+\s+){0,6}?(?:to|until)|"
    r"brought\s+forward|will\s+now)\b",
    re.I,
)


def _lead(doc: Document) -> list[Sentence]:
    sentences = doc.active_sentences()
    fragments = sum(_dateline_fragment(s.text) for s in sentences[:LEAD_SENTENCES])
    return sentences[: LEAD_SENTENCES + fragments]


def _dateline_fragment(text: str) -> bool:
    """A dateline cut at its abbreviation ("ACCRA, Aug.", "TOKYO, Sept."), not a short headline."""
    return len(text.split()) < 6 and text.rstrip().endswith(".") and "," in text


# "runs from August 29 to September 6": the day after "to" ends a stretch; the one after "from",
# ahead of the publication, is when it starts.
_RANGE_END_BEFORE = re.compile(r"\b(?:to|through|till|and)\s+(?:[A-Z][a-z]+,?\s+)?$")


def _lead_day(ctx: CheckContext, d: DateMention) -> bool:
    text = ctx.document(d.doc_id).text
    return (
        d.granularity == "day"
        and d.relation in ("on", "start", "since")
        and d.event != "say"
        and _ahead(ctx, d)
        and not _until(ctx, d)
        and not _RANGE_END_BEFORE.search(text, max(0, d.start - 20), d.start)
    )


def _strong_event(d: DateMention) -> bool:
    """Is the date's event word one of the known event nouns and verbs ("election", "trial",
    "launch"), not a word read off its shape or the aspect word alone?"""
    return is_known_event((d.event_text or "").lower())


def _lead_days(ctx: CheckContext) -> dict[str, list[DateMention]]:
    """Per document, its lead's mentions of the one day ahead that it gives (best first)."""
    facts = document_facts(ctx)
    found: dict[str, list[DateMention]] = {}
    for doc in ctx.documents:
        lead = {s.index for s in _lead(doc)}
        days = [d for d in facts[doc.id].dates if d.sentence in lead and _lead_day(ctx, d)]
        if days and len({d.earliest for d in days}) == 1:
            found[doc.id] = sorted(days, key=lambda d: (not _strong_event(d), d.event is None, d.sentence))
    return found


def _speaks_of_a_new_date(doc: Document) -> bool:
    return any(_RESCHEDULED.search(s.text) for s in doc.active_sentences())


# Two leads whose events are worded apart are compared only when they say much the same thing
# ("will open to passengers on July 28" / "will begin carrying passengers on August 28", 0.79); a
# company's results day and its shareholder meeting, "Tesla will ... on May 4/16", are 0.53. Two
# events of one company framed alike in both leads can pass (0.6-0.7): hence info, not warning.
LEAD_MIN_COSINE = 0.55


def _lead_date_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    leads = _lead_days(ctx)
    survivors: list[tuple[DateMention, DateMention, list[tuple[str, str]]]] = []
    for a_id, b_id in _story_pairs(ctx, leads):
        a, b = leads[a_id][0], leads[b_id][0]
        gap = date_gap(a, b)
        if gap == 0 or gap > LEAD_GAP_DAYS:
            continue
        if _one_moment_across_zones(ctx, a, b, gap):
            continue  # "3:40 a.m. on March 5, Jakarta time" is "20:40 GMT on March 4"
        if a.event != b.event and _strong_event(a) and _strong_event(b):
            continue  # "the trial opens on March 3" vs "the verdict is due on March 24": two events
        a_gives_b = [x for x in facts[a_id].dates if x.earliest == b.earliest]
        b_gives_a = [x for x in facts[b_id].dates if x.earliest == a.earliest]
        if not all(_ends_range_of(ctx, x, a) for x in a_gives_b) or not all(
            _ends_range_of(ctx, x, b) for x in b_gives_a
        ):
            continue  # an outlet that also gives the other day tells of two occasions, or of the old date
        if (a_gives_b and not _starts_on(ctx, b)) or (b_gives_a and not _starts_on(ctx, a)):
            continue  # "from Sept. 14 to Sept. 21" vs "on Sept. 21": only "will begin on Sept. 21" disputes the start
        if _speaks_of_a_new_date(ctx.document(a_id)) != _speaks_of_a_new_date(ctx.document(b_id)):
            continue  # "postponed to July 26" in one: the other reported the earlier plan
        if _sentence_occurrences(ctx, a) != _sentence_occurrences(ctx, b):
            continue  # "the first round ... on June 22" vs "a runoff ... on August 24"
        actors_a, actors_b = _actor_words(ctx, a), _actor_words(ctx, b)
        if actors_a and actors_b and not actors_a & actors_b:
            continue  # "finance ministers will meet" vs "leaders will meet"
        texts: list[tuple[str, str]] = []
        if a.event != b.event or a.event is None:
            doc_a, doc_b = ctx.document(a_id), ctx.document(b_id)
            texts = [
                (_sentence(doc_a, x).text, _sentence(doc_b, y).text)
                for x in sorted({m.sentence for m in leads[a_id]})
                for y in sorted({m.sentence for m in leads[b_id]})
            ]
        survivors.append((a, b, texts))
    cosines = iter(_cosines(ctx, [pair for *_, texts in survivors for pair in texts]))
    for a, b, texts in survivors:
        if texts and max([next(cosines) for _ in texts]) < LEAD_MIN_COSINE:
            continue
        confidence = LEAD_WORDED_APART_CONFIDENCE if texts else LEAD_CONFIDENCE
        for mine, other in ((a, b), (b, a)):
            doc, other_doc = ctx.document(mine.doc_id), ctx.document(other.doc_id)
            flag = _two_outlets_flag(
                doc,
                _sentence_span(doc, mine.sentence),
                other_doc,
                _sentence_span(other_doc, other.sentence),
                f"The lead gives another day for what the story is about: {_where(doc)} has "
                f"{_period(mine)}; {_where(other_doc)} has {_period(other)}.",
                "Check the date against the primary source and say which outlet's date you use.",
                confidence,
                "date",
            )
            yield replace(flag, data=(*flag.data, ("matched_by", "the one day each outlet's lead gives")))


_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*(?:[A-Z][a-z]+,?\s+)?")
_STARTS_ON = re.compile(
    r"\b(?:begin|begins|start|starts|commence|commences|get\s+under\s+way|kick\s+off)\s+(?:on\s+)?$", re.I
)


def _ends_range_of(ctx: CheckContext, x: DateMention, start: DateMention) -> bool:
    """Is x the end of the range that `start` opens ("from Sept. 14 to Sept. 21")?"""
    text = ctx.document(x.doc_id).text
    return x.sentence == start.sentence and x.start > start.end and bool(_RANGE_TO.fullmatch(text, start.end, x.start))


def _starts_on(ctx: CheckContext, d: DateMention) -> bool:
    """Is d said to be the day something begins ("will begin on September 21")?"""
    text = ctx.document(d.doc_id).text
    return d.relation == "start" or bool(_STARTS_ON.search(text, max(0, d.start - 30), d.start))


def _sentence_span(doc: Document, index: int) -> tuple[int, int]:
    sentence = _sentence(doc, index)
    return sentence.start, sentence.end


def _date_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    by_event: dict[str, list[DateMention]] = {}
    for doc_facts in facts.values():
        for d in doc_facts.dates:
            if _comparable_dates(d):
                assert d.event is not None
                by_event.setdefault(d.event, []).append(d)
    # Cheap filters first; the survivors' event clauses and sentences are embedded together.
    survivors: list[tuple[str, DateMention, DateMention, frozenset[str], frozenset[str]]] = []
    for event, mentions in by_event.items():
        for a, b in _pairs_sharing_content(ctx, mentions):
            if a.doc_id == b.doc_id or not _aspects_agree(ctx, a, b):
                continue
            gap = date_gap(a, b)
            if gap == 0 or gap > MAX_DATE_GAP_DAYS:
                continue
            if _one_moment_across_zones(ctx, a, b, gap):
                continue  # "2:17 a.m. on March 5, Japan time" is "17:17 GMT on March 4"
            if _dates_agree_elsewhere(facts[a.doc_id], b) or _dates_agree_elsewhere(facts[b.doc_id], a):
                continue  # an outlet that also gives the other date describes two occurrences
            if not _shared_objects(ctx, a, b):
                continue  # "hosted the Oscars" vs "hosted the Tonys": same verb, different events
            if _occurrence_words(ctx, a) != _occurrence_words(ctx, b):
                continue  # "the first round ... on April 10" vs "the runoff ... on April 24"
            actors_a, actors_b = _actor_words(ctx, a), _actor_words(ctx, b)
            if actors_a and actors_b and not actors_a & actors_b:
                continue  # "finance ministers will meet" vs "leaders will meet": two meetings
            pa, pb = _event_participants(ctx, a), _event_participants(ctx, b)
            if pa and pb and not pa & pb:
                continue  # different actors: the US withdrawal is not the UK's
            if {a.relation, b.relation} == {"on", "by"} and "day" not in (a.granularity, b.granularity):
                continue  # "began in May" vs "completed by August": a month is no deadline
            if _until(ctx, a) != _until(ctx, b):
                continue  # "adjourned on Tuesday" vs "adjourned until March 18": when it stopped, when it resumes
            if _each_reports_its_own(ctx, a, b):
                continue  # two papers weeks apart, each on "Friday's" match: two matches
            survivors.append((event, a, b, pa, pb))
    text_pairs: list[tuple[str, str]] = []
    for _event, a, b, _pa, _pb in survivors:
        text_pairs.append((_clip_sentence(ctx, a).text, _clip_sentence(ctx, b).text))
        text_pairs.append(
            (
                _sentence(ctx.document(a.doc_id), a.sentence).text,
                _sentence(ctx.document(b.doc_id), b.sentence).text,
            )
        )
    cosines = _cosines(ctx, text_pairs)
    best: dict[tuple[str, str, str], tuple[float, DateMention, DateMention]] = {}
    for n, (event, a, b, pa, pb) in enumerate(survivors):
        cosine = max(cosines[2 * n], cosines[2 * n + 1])
        if cosine < DATE_MIN_COSINE:
            continue
        similarity = min(1.0, (cosine - DATE_MIN_COSINE) / 0.4)
        confidence = 0.45 + 0.35 * similarity + (0.1 if pa & pb else 0.0) + (0.05 if a.relation == b.relation else 0)
        if a.doc_id > b.doc_id:
            a, b = b, a
        key = (event, a.doc_id, b.doc_id)
        rank = (confidence, _specificity(a) + _specificity(b))
        if key not in best or rank > (best[key][0], _specificity(best[key][1]) + _specificity(best[key][2])):
            best[key] = (confidence, a, b)
    # One finding per document and event, listing every other outlet that disagrees with it.
    grouped: dict[tuple[str, str], list[tuple[float, DateMention, DateMention]]] = {}
    for event_key, a_doc, b_doc in best:
        confidence, a, b = best[(event_key, a_doc, b_doc)]
        grouped.setdefault((a.doc_id, event_key), []).append((confidence, a, b))
        grouped.setdefault((b.doc_id, event_key), []).append((confidence, b, a))
    for items in grouped.values():
        items.sort(key=lambda item: (-item[0], -_specificity(item[1])))
        confidence, mine, _ = items[0]
        doc = ctx.document(mine.doc_id)
        others = [ctx.document(o.doc_id) for _c, _m, o in items]
        different_days, when = _timing(doc, others)
        # The other sides' wording is in the evidence; the message lines the dates up.
        sides = "; ".join(f"{_where(ctx.document(o.doc_id))} has {_period(o)}" for *_, o in items)
        confidence = round(min(0.95, confidence), 3)
        start, end = _clip_span(ctx, mine)
        yield Flag(
            doc,
            start,
            end,
            f"Dates differ for the same event ({mine.event_text!r}): {_where(doc)} has {_period(mine)}; {sides}."
            + when,
            suggestion="Check the date against the primary source and say which outlet's date you use.",
            confidence=confidence,
            evidence=tuple(Evidence.from_span(ctx.document(o.doc_id), *_clip_span(ctx, o)) for *_, o in items),
            severity=_severity(confidence, different_days),
            data=(("kind", "date"), ("event", mine.event or ""), ("date", _period(mine))),
        )


def _specificity(d: DateMention) -> int:
    return {"day": 3, "range": 2, "month-part": 2, "window": 1}.get(d.granularity, 0)


def _period(d: DateMention) -> str:
    if d.earliest == d.latest or (d.relation == "by" and d.target):
        prefix = "by " if d.relation == "by" else ""
        return prefix + (d.target or d.earliest or date.min).isoformat()
    return f"{d.earliest} to {d.latest}"


def _clip_span(ctx: CheckContext, d: DateMention) -> tuple[int, int]:
    """The event clause: from the event word to the last date of that event in the sentence."""
    sentence = _sentence(ctx.document(d.doc_id), d.sentence)
    found = sentence.text.find(d.event_text) if d.event_text else -1
    start = sentence.start + found if found >= 0 and sentence.start + found <= d.start else d.start
    same_event = [x.end for x in document_facts(ctx)[d.doc_id].in_sentence(d.sentence).dates if x.event == d.event]
    return start, max([d.end, *same_event])


# ---------------------------------------------------------------- C003 entity role

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
_PERSON = rf"(?P<name>{NAME}(?:\s+(?:(?:van|von|de|da|del|der|bin|al)\s+)*{NAME}){{1,2}})"
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
    flags += _new_holder_flags(ctx, flags)
    return [*flags, *_succession_flags(ctx, flags)]


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
# the other's person anywhere (a predecessor, a rival, a deputy: it knows of both).
SUCCESSION_CONFIDENCE = 0.55
SAME_PERSON_RATIO = 75  # "Mammadov" / "Mamedov": one surname transliterated two ways


def _one_person(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(surname(a), surname(b)) >= SAME_PERSON_RATIO


def _names_person(doc: Document, person: str) -> bool:
    return surname(person) in _plain_words(doc.text)


@lru_cache(maxsize=256)
def _plain_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w'’-]+", plain(text.lower())))


def _names_beside(ctx: CheckContext, doc_id: str, person: str) -> frozenset[str]:
    """The names an article gives beside its new holder's: whose post it is (a country, a company)."""
    own = {plain(w.lower()) for w in person.split()} | {plain(person.lower())}
    names = frozenset().union(*(_names_in(ctx, doc_id, s.index) for s in ctx.document(doc_id).active_sentences()))
    return frozenset(name for name in names if name not in own)


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
            if _names_person(doc, b.person) or _names_person(other, a.person):
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


def _two_outlets_flag(
    doc: Document,
    span: tuple[int, int],
    other: Document,
    other_span: tuple[int, int],
    message: str,
    suggestion: str,
    confidence: float,
    kind: str,
) -> Flag:
    """A finding on `span` of one outlet, the other outlet's words as evidence; a lower severity
    when the two published on different days (the message then says so)."""
    different_days, when = _timing(doc, [other])
    return Flag(
        doc,
        *span,
        message + when,
        suggestion=suggestion,
        confidence=confidence,
        evidence=(Evidence.from_span(other, *other_span),),
        severity=_severity(confidence, different_days),
        data=(("kind", kind),),
    )


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


# Who won a contract or tender: "awarded a $520 million contract to supply 37 trains ... to France's
# Alstom", "Lisbon-based Mobilitec has won the tender for ...", "has chosen the Spanish manufacturer
# CAF to build the trains". One contract has one winner; two outlets naming different winners in
# sentences that share a name (the buyer, the line, the city) disagree, unless either article names
# more than one winner (two lots) or also names the other's winner (a bidder, a partner).
_FIRM = rf"(?P<firm>{_PROPER_NAME})"
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
)


@dataclass(frozen=True)
class ContractWinner:
    doc_id: str
    sentence: int
    firm: str
    start: int
    end: int


def contract_winners(doc: Document) -> list[ContractWinner]:
    found = []
    for sentence in doc.active_sentences():
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


def _is_country(name: str) -> bool:
    entry = load_gazetteer().lookup(name.title())
    return entry is not None and entry.kind == "country"


def _names_firm(doc: Document, firm: str) -> bool:
    """Does the article name this firm anywhere (by any of its capitalised words)?"""
    return any(re.search(rf"\b{re.escape(word)}\b", doc.text) for word in firm.split() if len(word) > 2)


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
            if not {n for n in shared if not n.startswith("country:") and not _is_country(n)}:
                continue  # nothing (but a country) says it is the same contract
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


# ---------------------------------------------------------------- C004 count vs list

_LIST_NAME = rf"[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)*(?:(?<=\s[{UPPER}])\.)?"  # "Ion P."
_LIST = re.compile(rf"(?P<items>(?:{_LIST_NAME},\s+){{1,}}{_LIST_NAME},?\s+(?:and|&)\s+{_LIST_NAME})")
# Titles in quotation marks: '"The Salt Road", "Winter Orchard" and "Kinship"' (three or more), in
# single quotes too ("'The Ferryman's Daughter'": an apostrophe before a letter is inside the title).
_QUOTED_TITLE = r"(?:[\"“][^\"“”]{1,80}[\"”]|‘[^‘’]{1,80}’|'(?:[^'\n]|'(?=[a-z])){1,80}')"
_QUOTED_LIST = re.compile(rf"(?P<items>(?:{_QUOTED_TITLE},?\s+){{2,}}(?:and|&)\s+{_QUOTED_TITLE})")
# Two names make a list only right after a colon ("Three athletes were disqualified: A and B").
_PAIR_AFTER_COLON = re.compile(rf"(?<=:\s)(?P<items>{_LIST_NAME}\s+(?:and|&)\s+{_LIST_NAME})")
# A sentence that only names what the sentence before counted: "... in two provinces. These were A, B and C."
_LIST_GOES_ON = re.compile(r",?\s+(?:and|&)\s+[A-Z]")
_MORE_NAMES = re.compile(r",\s+[A-Z]")
_LIST_LEAD_IN = re.compile(r"\s*(?:These|Those|They)\s+(?:are|were)\s+$")
# "Three consortia have submitted bids ... The bidders are A, B, C and D": a sentence that names
# what one word of the count's sentence ("bids") speaks of; not "The others were", "The injured were".
_NOUN_LEAD_IN = re.compile(r"\s*The\s+(?P<noun>[a-z-]+)(?:\s+(?:are|were)\s+|,\s+)$")  # "The suspects, A and B, were"
_NOT_THE_SAME = word_set("others rest remaining remainder injured wounded dead survivors latter former")


# "Connor Walsh, 24, of Solihull, and Jamal Price, 27, have been charged": names with their ages
# (and home towns) set off by commas, as police and court reports write them.
_AGED_ITEM = rf"{_LIST_NAME},\s+\d{{1,3}}(?:,\s+(?:of|from)\s+{_LIST_NAME})?"
_AGED_LIST = re.compile(rf"(?P<items>(?:{_AGED_ITEM},\s+)*{_AGED_ITEM},?\s+(?:and|&)\s+{_AGED_ITEM})")
_AGE_IN_LIST = re.compile(r",\s+\d{1,3}\b")
# Words between a subject and its verb: "have been charged", "were also arrested".
_AUXILIARY_WORDS = word_set("has have had was were is are be been being will would also both all later then each")


def _same_predicate(after_list: str, counted_sentence: str) -> bool:
    """Is the list the subject of the verb the count's sentence uses ("Three men have been
    charged ..." / "A, 24, and B, 27, have been charged with ...")?"""
    words = re.findall(r"[A-Za-z]+", after_list)[:4]
    verb = next((w.lower() for w in words if w.lower() not in _AUXILIARY_WORDS), None)
    return verb is not None and is_eventive(verb) and _shares_root(verb, counted_sentence)


def _narrower_noun(q: Quantity, lead_in: str, counted_sentence: str) -> bool:
    """Does a later sentence's lead-in name a narrower kind of the counted things ("nine medals in
    all", then "The gold medals went to A, B, C and D")? A modifier the count's sentence never uses
    makes the list a part, not the whole."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*", lead_in)
    stems = _noun_stems(q)
    for i in range(len(words) - 1, 0, -1):
        if stem(singular(words[i])) in stems:
            modifier = words[i - 1]
            return (
                modifier.islower()
                and modifier not in _DETERMINERS
                and modifier not in NUMBER_WORDS
                and not _shares_root(modifier, counted_sentence)
            )
    return False


def _names_what_was_counted(lead_in: str, counted_sentence: str) -> bool:
    match = _NOUN_LEAD_IN.fullmatch(lead_in)
    if match is None or match.group("noun") in _NOT_THE_SAME:
        return False
    return _shares_root(match.group("noun"), counted_sentence)


def _shares_root(word: str, sentence: str) -> bool:
    """Does a word of `sentence` have `word`'s root ("bidders" / "bids", "charged" / "charged")?"""
    root = _root(word)
    return any(root == _root(w) for w in re.findall(r"[a-z]+", sentence.lower()))


def _root(word: str) -> str:
    """A word's stem without an agent suffix: "bidders" and "bids" -> "bid", "winners" -> "win"."""
    root = stem(singular(word))
    for suffix in ("er", "or"):
        if root.endswith(suffix) and len(root) > len(suffix) + 2:
            root = root[: -len(suffix)]
            if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "aeiou":
                root = root[:-1]  # "bidd" -> "bid"
            break
    return stem(root)


_PARTIAL = re.compile(
    r"\b(?:including|include|includes|included|such as|like|among them|among|e\.g\.|for example|notably)\W*$",
    re.IGNORECASE,
)
LIST_LOOKAHEAD = 2  # sentences after the count in which its list may follow


# A list opened by a colon or a dash is read item by item, so that names may hold initials ("Karim
# B."), "of" or "and" ("the Irish Nurses and Midwives Organisation (INMO)"), or a description before
# the name ("Edinburgh flanker Jamie Orr"). It ends at a dash, a semicolon or the sentence's end.
_LIST_OPENER = re.compile(rf"(?::|\s[-–—])\s+(?=(?:the\s+|[a-z]+\s+)?[{UPPER}])")
# "The prosecutor named the three suspects as Karim B. and Steven V.": "as" opens the list.
# Read after the count too ("... three suspects| as Karim B. and ..."), where the caller checks the verb.
_NAMED_AS = re.compile(rf"(?:\b(?:named|identified)\s+(?:[\w'’-]+\s+){{0,5}}?|^\s*)as\s+(?=[{UPPER}])")
_LIST_CLOSER = re.compile(r"\s[-–—]\s|;|\.\s*$|\.(?=\s+[A-Z][a-z])")
_ITEM_WORD = re.compile(rf"[{UPPER}][\w'’.&-]*|\([A-Z][A-Za-z]{{1,7}}\)")
# What a list item may say of its name before it: "goalkeeper Ismail Waiswa", "defender Joe Kizito";
# not a verb or a function word ("police arrested Smith", "and Jones").
_DESCRIPTOR = re.compile(r"[a-z][a-z-]+")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
MAX_ITEM_WORDS = 8


def _is_list_item(item: str) -> bool:
    """A name, with at most two lower-case words inside it: "Saracens wing Lewis McAllister",
    "the University of Twente"; not "54", "who investigators say ran the workshop"."""
    item = _PLACE_AFTER_ITEM.sub("", item)  # "Praia do Barril, in Tavira"
    words = _AGE.sub("", item).split()  # "Karim B. (34)": an age in brackets is no part of the name
    if words[:1] == ["the"]:
        words = words[1:]
    # "goalkeeper Toni Marić", "lacquer artist Michiko Arakawa": a description of up to three words
    described = next((n for n in range(1, 4) if len(words) > n and _ITEM_WORD.fullmatch(words[n])), 0)
    if described and all(_is_descriptor(w) for w in words[:described]):
        words = words[described:]
    if (
        not 1 <= len(words) <= MAX_ITEM_WORDS
        or not _ITEM_WORD.fullmatch(words[0])
        or not _ITEM_WORD.fullmatch(words[-1])
    ):
        return False
    lower_run = 0
    for word in words:
        lower_run = 0 if _ITEM_WORD.fullmatch(word) else lower_run + 1
        if lower_run > 2 or any(c.isdigit() for c in word):
            return False
    return True


# Species in a list: "Pristimantis aureolus, Pristimantis nubicola and P. tayos" (every item so),
# whose second word is no common English word ("Police said" is no species).
_BINOMIAL = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.)\s+(?P<epithet>[a-z]{3,})")
EPITHET_INFORMATION = 4.0  # Zipf 3 or rarer: "aureolus", "sapiens", "vulgaris"; not "said", "spread"


def _is_binomial(item: str) -> bool:
    match = _BINOMIAL.fullmatch(item)
    return match is not None and information(match.group("epithet")) >= EPITHET_INFORMATION


def _is_item(item: str) -> bool:
    return _is_list_item(item) or _is_binomial(item)


def _is_descriptor(word: str) -> bool:
    """A lower-case noun that may describe the name after it ("goalkeeper", "novelist")."""
    return (
        _DESCRIPTOR.fullmatch(word) is not None
        and not word.endswith(("ed", "ing", "ly"))
        and word not in _BEFORE_NAME
        and word not in SAYING_VERBS
        and word not in ("and", "or", "nor", "but", "with", "plus", "then", "who", "whose", "which", "where")
    )


# "A, B and C, the Department of Disaster Prevention and Mitigation said": who said it, not a name more.
_ATTRIBUTION_WORDS = SAYING_VERBS | word_set("confirmed according")


# "Praia do Cabeço, in Castro Marim, Praia de Cacela Velha and Praia do Barril, in Tavira": where
# an item is, set off by commas, belongs to it.
_PLACE_OF_ITEM = re.compile(rf"(?:in|near|at|from|of)\s+[{UPPER}]")
_PLACE_AFTER_ITEM = re.compile(rf",\s+(?:in|near|at|from|of)\s+[{UPPER}][^,]*$")


def _with_places(parts: list[str]) -> list[str]:
    merged: list[str] = []
    for part in parts:
        if merged and _PLACE_OF_ITEM.match(part):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


def _opened_list(text: str, start: int) -> tuple[int, int, int, int] | None:
    """(number of items, start, end, joined) of the complete list that begins at `start`, if one
    does: items split by commas, the last one after "and" ("A, B, C and D"; "A, B, and C"). An
    item that holds "and" is one name unless it is the last ("the Irish Nurses and Midwives
    Organisation, Forsa and Connect"); `joined` counts those whose two sides are names of their own
    ("Republicans A, B and C, and Democrat D"): each may be two items."""
    closer = _LIST_CLOSER.search(text, start)
    end = closer.start() if closer else len(text)
    parts = _with_places(re.split(r",\s+", text[start:end]))
    items: list[str] = []
    for position, part in enumerate(parts):
        following = parts[position + 1].removeprefix("and ") if position + 1 < len(parts) else ""
        last = (
            not following
            or not _is_item(re.split(r"\s(?:and|&)\s", following)[0])
            or bool(_ATTRIBUTION_WORDS.intersection(re.findall(r"[a-z]+", following)))
        )
        if part.startswith(("and ", "& ")) and items:
            items.append(part.split(" ", 1)[1])
        elif last and re.search(r"\s(?:and|&)\s", part):
            left, right = re.split(r"\s(?:and|&)\s(?!.*\s(?:and|&)\s)", part, maxsplit=1)
            items.extend([left, right])
        elif last:
            return None  # no "and": an open list ("Sources: Reuters, AFP")
        else:
            items.append(part)
            continue
        names = all(_is_list_item(item) for item in items)
        if len(items) < 2 or not (names or all(_is_binomial(item) for item in items)):
            return None
        list_end = start + len(", ".join(parts[: position + 1]))
        joined = sum(
            all(_is_list_item(side) for side in sides)
            for sides in (re.split(r"\s(?:and|&)\s", item) for item in items)
            if len(sides) > 1
        )
        return len(items), start, list_end, joined
    return None


def _list_items(text: str) -> list[tuple[range, int, int]]:
    """(the numbers of names it may hold, start, end) of each complete list of names in text: one
    number, or more where an item that holds "and" may be two names."""
    out: list[tuple[range, int, int]] = []
    for opener in (*_LIST_OPENER.finditer(text), *_NAMED_AS.finditer(text)):
        opened = _opened_list(text, opener.end())
        if opened and not _PARTIAL.search(text[: opener.start()]):
            count, start, end, joined = opened
            out.append((range(count, count + joined + 1), start, end))
    for match in _AGED_LIST.finditer(text):
        if not _PARTIAL.search(text[: match.start()]):
            out.append((_exactly(len(_AGE_IN_LIST.findall(match.group("items")))), match.start(), match.end()))
    for match in (*_QUOTED_LIST.finditer(text), *_LIST.finditer(text), *_PAIR_AFTER_COLON.finditer(text)):
        if _PARTIAL.search(text[: match.start()]) or any(s <= match.start() < e for _, s, e in out):
            continue
        if _LIST_GOES_ON.match(text, match.end()):
            continue  # "A, B and C, and D and E": the names run on past the match
        if match.re is _PAIR_AFTER_COLON and _MORE_NAMES.match(text, match.end()):
            continue  # ": Ward and Burke Construction, Sisk Group and Ferrovial": one name holds "and"
        if match.re is _QUOTED_LIST:
            if re.match(r"\s*,?\s*(?:and|&)?\s*[\"“]", text[match.end() :]):
                continue  # more titles follow
            out.append((_exactly(len(re.findall(_QUOTED_TITLE, match.group("items")))), match.start(), match.end()))
            continue
        items = [i for i in re.split(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+", match.group("items")) if i.strip()]
        out.append((_exactly(len(items)), match.start(), match.end()))
    return out


def _exactly(count: int) -> range:
    return range(count, count + 1)


def _noun_stems(q: Quantity) -> frozenset[str]:
    assert q.noun is not None
    return frozenset(stem(w) for w in q.noun.split()) | {noun_key(q.noun)}


def _noun_beside_list(q: Quantity, text: str, start: int, end: int) -> bool:
    """Is the counted noun written right before or after the list ("the towns of A, B and C",
    "A, B and C provinces")? Then the list names the counted things."""
    before = re.findall(r"[A-Za-z]+", text[:start])[-4:]
    after = re.findall(r"[A-Za-z]+", text[end:])[:2]
    return bool(_noun_stems(q) & {stem(singular(w)) for w in [*before, *after]})


_COMPRISING = re.compile(
    r"^[\w\s-]{0,40}?\b(?:comprising|consisting\s+of|made\s+up\s+of|namely)\s+(?:[\w'’-]+\s+){0,3}$"
)
# "three of his eight children, A, B and C": the names are the part's, not the count's.
_PARTITIVE_BEFORE = re.compile(r"\b[\w-]+\s+of\s+(?:his|her|their|its|our|the|these|those)\s+$", re.I)
# Right after the counted noun, a list set off by commas: "the two justices who dissented, A, B and C, argued".
_APPOSITION = re.compile(r"(?:\s+(?:who|that|which)\s+(?:[a-z]+\s+){0,2}[a-z]+)?,\s*")


# A colon or a dash, or one with a few words of place after it: "...: the waters off Alor, East
# Sumba, ...", "...: the provinces of A, B and C".
_LIST_OPENS = re.compile(r"(?::|\s[-–—]|^[-–—])(?:\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:of|off|in|on|at|near|around))?$")


def _introduces_list(between: str, before: str = "") -> bool:
    """Does the clause after a count end in a colon or a dash that opens the list, with no verb of
    saying in between ("Three ministers resigned on Monday: A, B, C and D", "six regions - A, B")? Then the list is the count's
    (unless another count stands between); after "said that ..." it is the reported clause's."""
    if re.fullmatch(r"\s*as\s*", between) and re.search(r"\b(?:named|identified)\s+(?:the\s+)?$", before):
        return True  # "named the three suspects as A and B"
    if _COMPRISING.search(between) and not re.search(r"\.\s", between):
        return True  # "a four-member committee comprising former Test players A, B and C"
    if not _LIST_OPENS.search(between.rstrip()) or re.search(r"\.\s", between):
        return False
    if re.match(r"\s*(?:and|with|plus|as\s+well\s+as|along\s+with|together\s+with)\b", between):
        return False  # "Two climbers and their guide - A, B and C": the list names more than the count
    return not any(word.strip(",;:").lower() in SAYING_VERBS for word in between.split())


# "Hanne Berg, Olav Lind, Siri Dahl and Per Moen, from the Progress Party, were the three
# councillors who voted against": the list is the subject, the count comes after "were the".
_NAMED_FIRST = re.compile(rf"^\s*(?P<items>(?:{_LIST_NAME},\s+){{1,}}{_LIST_NAME},?\s+(?:and|&)\s+{_LIST_NAME})\b")
_COUNT_AFTER_LIST = re.compile(r"\b(?:were|are)\s+(?:the|all|all\s+the)\s+$")
# "A, B, C, D and E - the six winners of ...": the count in apposition right after the list.
_COUNT_IN_APPOSITION = re.compile(
    r",?\s+[-–—]\s+(?:(?:the|all|all\s+the)\s+)?"
)  # "A, B and C - five officials in all -"


def _list_named_first(text: str, count_start: int) -> tuple[int, int, int] | None:
    """(number of names, start, end) of the list that opens the sentence, if the count at
    `count_start` is said of it ("A, B and C ... were the three ...")."""
    match = _NAMED_FIRST.match(text)
    if match is None or not _COUNT_AFTER_LIST.search(text[match.end() : count_start]):
        match = next(
            (
                m
                for m in _LIST.finditer(text, 0, count_start)
                if _COUNT_IN_APPOSITION.fullmatch(text, m.end(), count_start)
            ),
            None,
        )
        if match is None:
            return None
    if "." in text[match.end() : count_start]:
        return None
    items = [i for i in re.split(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+", match.group("items")) if i.strip()]
    return len(items), match.start("items"), match.end("items")


def _count_list_flag(
    doc: Document, q: Quantity, count: int, list_start: int, list_end: int, where: Sentence, confidence: float
) -> Flag:
    side = "precedes it" if list_end <= q.start else "follows"
    return Flag(
        doc,
        q.start,
        q.end,
        f"Says {q.text!r} but the list that {side} names {count}: {doc.text[list_start:list_end]!r}.",
        suggestion=f"Make the count and the list agree ({_fmt(q.value)} vs {count}).",
        confidence=confidence,
        evidence=(Evidence.from_span(doc, where.start, where.end),),
        severity=_severity(confidence, False),
        data=(("kind", "count-list"), ("count", q.value), ("listed", count)),
    )


def _days_differ(dates: Iterable[DateMention], other_dates: Iterable[DateMention]) -> bool:
    """Do both sentences name a day of their own (not a day of saying), and never the same one?"""

    def days(mentions: Iterable[DateMention]) -> set[date]:
        return {d.earliest for d in mentions if d.granularity == "day" and d.earliest and d.event != "say"}

    mine, others = days(dates), days(other_dates)
    return bool(mine and others and not mine & others)


def _window_text(dates: Iterable[DateMention]) -> str | None:
    for d in dates:
        if d.relation == "window":
            return re.sub(r"\s+", " ", d.text.lower())
    return None


@rule("C004", "count-list-mismatch", Category.CONTRADICTION, Severity.WARNING, english_only=True, scope=DOCUMENT)
def check_count_vs_list(ctx: CheckContext) -> Iterable[Flag]:
    """A stated count disagrees with the list of names that follows it in the same article.

    What it flags: "N <things>" followed (in the same or the next two sentences) by a complete
    list (not "including ...") of the same things with a different number of names, when both
    refer to the same period or event.
    Why it matters: either the count or the list is wrong, and readers will repeat whichever
    they see first; an editor can fix it before publication.
    Example: "The Taliban have toppled six provincial capitals in the past 24 hours" followed by
    "The centres of Kandahar, Helmand, Herat, Badghis, Ghor, Logar, Zabul, and Oruzgan provinces
    fell to the Taliban in the past 24 hours" (eight names).
    """
    flags = list(_count_list_flags(ctx))
    return [*flags, *_vote_list_flags(ctx, flags)]


# A vote's count for one side against the voters an article names for that side: "with 15 senators
# voting in favor, three against and two abstaining", then "Voting against the measure were
# Senators A, B, C and D" (or "A, B and C voted against").
_SIDE = {"against": r"against", "for": r"(?:in\s+favou?r|for)"}
# "Voting against the measure were", "Those who voted for it:" before the list; "voted against" after it.
_SIDE_LEAD_IN = {
    side: re.compile(rf"\b(?:voting|voted|votes?)\s+{words}\b[^.;:]{{0,60}}?(?:\b(?:were|was)|:)\s*$", re.I)
    for side, words in _SIDE.items()
}
_SIDE_AFTER = {
    side: re.compile(rf"^\s*(?:all\s+|each\s+)?(?:voted|voting)\s+{words}\b", re.I) for side, words in _SIDE.items()
}
_SOME_OF_THEM = re.compile(r"\b(?:among|including|include|included|such\s+as|some|several|others?)\b", re.I)


def _vote_list_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """Each tally's count for a side against the list of that side's voters, once per tally (a
    count the quantity path already flagged is not flagged again)."""
    taken = {(f.doc.id, f.start) for f in reported}
    for doc in ctx.documents:
        active = doc.active_sentences()
        for position, sentence in enumerate(active):
            for tally in vote_tallies(sentence.text):
                for side, count in (("for", tally.in_favour), ("against", tally.against)):
                    if count is None or not 2 <= count <= 40 or (doc.id, sentence.start + tally.start) in taken:
                        continue
                    flag = _side_list_flag(
                        doc, sentence, tally, side, count, active[position : position + 1 + LIST_LOOKAHEAD]
                    )
                    if flag is not None:
                        yield flag
                        break


def _side_list_flag(
    doc: Document, sentence: Sentence, tally: VoteTally, side: str, count: int, followers: Sequence[Sentence]
) -> Flag | None:
    """The flag when a list of names said to have voted for `side` after the tally holds another
    number of names than the tally's count; None when the lists agree or none is said to be that side's."""
    for follower in followers:
        offset = tally.end if follower is sentence else 0
        text = follower.text[offset:]
        for counts, start, end in _list_items(text):
            lead_in = text[:start]
            if _SOME_OF_THEM.search(lead_in) or not (
                _SIDE_LEAD_IN[side].search(lead_in) or _SIDE_AFTER[side].match(text[end:])
            ):
                continue  # "Among those who opposed were": some of them; or a list of something else
            if count in counts:
                return None
            listed = min(counts, key=lambda n: abs(n - count))
            list_start, list_end = follower.start + offset + start, follower.start + offset + end
            confidence = 0.6
            return Flag(
                doc,
                sentence.start + tally.start,
                sentence.start + tally.end,
                f"Says {tally.text!r} but the list of those who voted {side} names {listed}: "
                f"{doc.text[list_start:list_end]!r}.",
                suggestion=f"Make the count and the list agree ({count} vs {listed}).",
                confidence=confidence,
                evidence=(Evidence.from_span(doc, follower.start, follower.end),),
                severity=_severity(confidence, False),
                data=(("kind", "count-list"), ("count", count), ("listed", listed)),
            )
    return None


def _count_list_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    for doc in ctx.documents:
        doc_facts = facts[doc.id]
        active = doc.active_sentences()
        for position, sentence in enumerate(active):
            sentence_facts = doc_facts.in_sentence(sentence.index)
            for q in sentence_facts.quantities:
                if not q.noun or q.kind not in ("exact", "approximate", "lower_bound", "upper_bound") or is_measure(q):
                    continue  # "five years" is no count of names
                if not 2 <= q.value <= 40:
                    continue
                window = _window_text(sentence_facts.dates)
                named_first = _list_named_first(sentence.text, q.start - sentence.start)
                if named_first and not q.low <= named_first[0] <= q.high:
                    count, s, e = named_first
                    yield _count_list_flag(doc, q, count, sentence.start + s, sentence.start + e, sentence, 0.6)
                    continue
                for follower in active[position : position + 1 + LIST_LOOKAHEAD]:
                    text = follower.text
                    offset = q.end - follower.start if follower is sentence else 0
                    if offset >= len(text):
                        continue
                    follower_facts = doc_facts.in_sentence(follower.index)
                    for counts, s, e in _list_items(text[offset:]):
                        if any(q.low <= count <= q.high for count in counts):
                            continue  # "Four candidates: Republicans A, B and C, and Democrat D"
                        count = min(counts, key=lambda n: abs(n - q.value))
                        lead_in = follower is not sentence and (
                            _LIST_LEAD_IN.fullmatch(text[offset : offset + s])
                            or _names_what_was_counted(text[offset : offset + s], sentence.text)
                            or (
                                not text[offset : offset + s].strip()
                                and _same_predicate(text[offset + e :], sentence.text)
                            )
                        )
                        in_apposition = (
                            follower is sentence
                            and _APPOSITION.fullmatch(text[offset : offset + s])
                            and not re.match(r"\s*(?:said|says|told|added)\b", text[offset + e :])
                            and not _PARTITIVE_BEFORE.search(text[: q.start - follower.start])
                        )
                        if (
                            not _noun_beside_list(q, text[offset:], s, e)
                            and not lead_in
                            and not in_apposition
                            and not (
                                follower is sentence
                                and _introduces_list(text[offset : offset + s], text[: q.start - follower.start])
                                and not any(
                                    other.noun
                                    and not is_measure(other)  # "a 20-year concession" counts nothing
                                    and q.end < other.start < follower.start + offset + s
                                    for other in sentence_facts.quantities
                                )
                            )
                        ):
                            continue  # the list names other things ("four seasons ... under Brown, Lynam and Moe")
                        if follower is not sentence and _narrower_noun(q, text[offset : offset + s], sentence.text):
                            continue  # "nine medals in all ... The gold medals went to A, B, C and D"
                        other_window = _window_text(follower_facts.dates)
                        if follower is not sentence and (window or other_window) and window != other_window:
                            continue  # "six in the past 24 hours" vs a list of all of them so far
                        if follower is not sentence and _days_differ(sentence_facts.dates, follower_facts.dates):
                            continue  # "three were arrested on Monday" vs those arrested on Tuesday
                        confidence = 0.8 if window and window == other_window else 0.6
                        list_start, list_end = follower.start + offset + s, follower.start + offset + e
                        yield _count_list_flag(doc, q, count, list_start, list_end, follower, confidence)
                        break
