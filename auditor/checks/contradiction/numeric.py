"""C001 numeric: the same thing counted or measured with numbers no wording can reconcile (aligned
sentences, the same event worded apart, the one prison term, fine, vote tally or count each article
of one story gives)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np

from auditor.checks.contradiction.changes import percent_changes_alike, story_changes
from auditor.checks.contradiction.common import (
    _CLAUSE_BREAK,
    _CLAUSE_STOP,
    CANDIDATE_MIN_SCORE,
    FIGURE_MIN,
    NUMERIC_MIN_SCORE,
    Candidate,
    _names_in,
    _sentence,
    _severity,
    _story_pairs,
    _timing,
    _where,
    candidate_pairs,
    published_within,
)
from auditor.checks.contradiction.guards import (
    ORGANISATION_NOUNS,
    agree_after_rounding,
    categories_differ,
    event_days,
    named_sources,
    periods_differ,
    places_differ,
    reports_change,
)
from auditor.checks.contradiction.measures import compound_parts, measure_flags
from auditor.checks.registry import CORPUS, CheckContext, rule
from auditor.facts import DocumentFacts, document_facts
from auditor.facts.dates import SAYING_VERBS
from auditor.facts.entities import HONORIFICS, load_gazetteer, same_place
from auditor.facts.model import Quantity
from auditor.facts.quantities import noun_key
from auditor.facts.scope import QuantityScope, owners_compatible, quantity_scope, scopes_differ
from auditor.facts.units import currency_words, measure_words
from auditor.facts.votes import VoteTally, vote_tallies
from auditor.facts.words import CALENDAR_WORDS, LOWER, UPPER, plain, singular, stem, word_set
from auditor.model import Category, Document, Evidence, Flag, Sentence, Severity


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
        and not agree_after_rounding(q, other)
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
_FINED = re.compile(
    r"\b(?:fined|penali[sz]ed|ordered\b[^;:()]{0,60}?\bto\s+pay|must\s+pay|(?:will|would)\s+have\s+to\s+pay)\b[^;:()]{0,90}?$",
    re.I,
)
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
            if group and all(_currency(q) == _currency(group[0]) and agree_after_rounding(group[0], q) for q in group):
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
    handed down, the fine imposed, the one rise or fall in percent?"""
    return _prison_terms_alike(ctx, qa, qb) or _fines_alike(ctx, qa, qb) or percent_changes_alike(ctx, qa, qb)


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


def _also_states(ctx: CheckContext, doc_id: str, q: Quantity) -> bool:
    """Does this document itself give a number like q for the same noun (for a measure, of the
    same thing: "over five years" of bribes is no prison term; or the very figure, "¥6,000" for
    a red light where the other outlet's "6,000 yen" is worded as a fine)?"""
    return any(
        other.noun
        and noun_key(other.noun) == noun_key(q.noun or "")
        and agree_after_rounding(other, q)
        and (not is_measure(q) or _measure_alike(ctx, other, q) or _very_figure(other, q))
        for other in document_facts(ctx)[doc_id].quantities
    )


def _very_figure(a: Quantity, b: Quantity) -> bool:
    """One exact figure, specific enough (FIGURE_MIN on) not to be a coincidence in one story."""
    return a.kind == b.kind == "exact" and a.value == b.value >= FIGURE_MIN


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
    if agree_after_rounding(qa, qb):
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
    days_a, days_b = event_days(ctx, qa), event_days(ctx, qb)
    if days_a and days_b and not days_a & days_b:
        return None  # "a 6.1 quake on Monday" vs "a 5.3 quake on Tuesday": two events
    sources_a, sources_b = named_sources(ctx, qa), named_sources(ctx, qb)
    if sources_a and sources_b and not sources_a & sources_b:
        return None  # "80%, the union said" vs "35%, the ministry said": two attributed estimates
    actors_a, actors_b = _actor_countries(ctx, qa), _actor_countries(ctx, qb)
    if actors_a and actors_b and actors_a != actors_b:
        return None  # "Police in Sweden and Denmark arrested 14" vs "Swedish police arrested eleven"
    if places_differ(ctx, qa, qb):
        return None  # "30 stores in Canada" vs "12 stores in Quebec": a whole and its part
    if periods_differ(
        _sentence(ctx.document(qa.doc_id), qa.sentence).text, _sentence(ctx.document(qb.doc_id), qb.sentence).text
    ):
        return None  # "in the first nine months of 2024" vs "in 2024": a part of the year and the year
    if categories_differ(ctx, qa, qb):
        return None  # "Uzbekistan's men's team won seven" vs "Uzbek boxers won nine": a group and all
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
    flags.extend(_vote_flags(ctx, flags))
    return [*flags, *measure_flags(ctx, flags)]


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
            if all(agree_after_rounding(counts[0], q) for q in counts[1:])
        }
    return memo[doc_id]


def _story_counts(ctx: CheckContext) -> Iterator[tuple[Candidate, str]]:
    """The sentences of two articles of one story that give the one count each has for a noun."""
    counts = {doc_id: _single_counts(ctx, doc_id) for doc_id in document_facts(ctx)}
    for a, b in _story_pairs(ctx, [doc_id for doc_id, found in counts.items() if found]):
        if not _published_close(ctx.document(a), ctx.document(b)):
            continue
        for key in sorted(counts[a].keys() & counts[b].keys(), key=lambda k: (k[0], sorted(k[1]))):
            qa, qb = counts[a][key], counts[b][key]
            if not _figures_close(qa, qb):
                continue
            yield (
                Candidate(_sentence(ctx.document(a), qa.sentence), _sentence(ctx.document(b), qb.sentence), 0.0),
                "count",
            )


def _published_close(a: Document, b: Document) -> bool:
    return published_within(a, b, ONE_COUNT_DAYS)


def _figures_close(qa: Quantity, qb: Quantity) -> bool:
    """Different figures, within ONE_COUNT_RATIO of each other."""
    low, high = sorted((qa.value, qb.value))
    return 0 < low < high <= low * ONE_COUNT_RATIO


def _one_count_alike(ctx: CheckContext, qa: Quantity, qb: Quantity) -> bool:
    """Are qa and qb their articles' one count of a noun, and may they be one figure misreported
    (see ONE_COUNT_DAYS)?"""
    if qa.noun is None or qb.noun is None:
        return False
    key = _count_key(qa)
    if _single_counts(ctx, qa.doc_id).get(key) is not qa or _single_counts(ctx, qb.doc_id).get(key) is not qb:
        return False  # another count in the two sentences
    if not _published_close(ctx.document(qa.doc_id), ctx.document(qb.doc_id)) or not _figures_close(qa, qb):
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
        if found and all(agree_after_rounding(found[0], q) for q in found[1:]):
            terms[doc_id] = found[0]
        fine = _document_fine(ctx, doc_id)
        if fine is not None:
            fines[doc_id] = fine
    for chosen, slot in ((terms, "prison term"), (fines, "fine")):
        for a, b in _story_pairs(ctx, chosen):
            qa, qb = chosen[a], chosen[b]
            cand = Candidate(_sentence(ctx.document(a), qa.sentence), _sentence(ctx.document(b), qb.sentence), 0.0)
            yield cand, slot
    changes = {doc_id: found for doc_id, found in story_changes(ctx).items() if found}
    for a, b in _story_pairs(ctx, changes):
        for qa in changes[a]:
            for qb in changes[b]:
                cand = Candidate(_sentence(ctx.document(a), qa.sentence), _sentence(ctx.document(b), qb.sentence), 0.0)
                yield cand, "percent change"


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
        parts = compound_parts(ctx, cand.a.doc_id) | compound_parts(ctx, cand.b.doc_id)
        for qa in fa.in_sentence(cand.a.index).quantities:
            for qb in fb.in_sentence(cand.b.index).quantities:
                if (qa.doc_id, qa.start) in parts or (qb.doc_id, qb.start) in parts:
                    continue  # "6 minutes 51 seconds": one time, for the measure reading; its seconds are no count
                if slot == "count" and not _one_count_alike(ctx, qa, qb):
                    continue  # first: cheaper than the comparison, and most pairs in the two sentences fail it
                conflict = numeric_conflict(ctx, qa, qb)
                if conflict is None:
                    continue
                if slot == "prison term" and not _prison_terms_alike(ctx, qa, qb):
                    continue
                if slot == "fine" and not _fines_alike(ctx, qa, qb):
                    continue
                if slot == "percent change" and not percent_changes_alike(ctx, qa, qb):
                    continue
                if slot != "count" and not close and not (_same_event(ctx, qa, qb) or is_measure(qa)):
                    continue  # a measure passed _measure_alike: the words around it name the same thing
                if reports_change(ctx, qa, qb) or reports_change(ctx, qb, qa):
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
