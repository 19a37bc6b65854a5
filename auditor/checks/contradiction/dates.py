"""C002 date: the same event put on different dates (the event a date attaches to, its occurrence
and doers; the day a story's lead gives)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from itertools import combinations

from auditor.checks.contradiction.common import (
    _CLAUSE_BREAK,
    _CLAUSE_STOP,
    CLAUSE_CONTENT_ARTIFACT,
    POSTING_CAP,
    _cosines,
    _names_in,
    _sentence,
    _severity,
    _story_pairs,
    _timing,
    _two_outlets_flag,
    _where,
    published_within,
)
from auditor.checks.registry import CORPUS, CheckContext, rule
from auditor.facts import DocumentFacts, document_facts
from auditor.facts.dates import (
    ASPECT_START,
    FIGURE_CHANGE,
    PHRASAL_START,
    SAYING_VERBS,
    future_clause,
    is_eventive,
    is_known_event,
)
from auditor.facts.model import DateMention
from auditor.facts.numerals import NUMBER_WORDS
from auditor.facts.quantities import noun_key
from auditor.facts.words import CALENDAR_WORDS, stem, word_set
from auditor.model import Category, Document, Evidence, Flag, Sentence, Severity


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


# Reports of one event rarely disagree by more than half a year; dates further apart are almost
# always different occurrences ("returned to prison in May 1984" vs "in June 1999"). Six calendar
# months are up to 184 days ("from January 1, 2026" vs "on 1 July 2026" are 181 apart).
MAX_DATE_GAP_DAYS = 184


# Days that date no event: a statement's, a figure's reading.
_NOT_AN_EVENT = ("say", FIGURE_CHANGE)
# No event to compare: none found, or one of those.
_NO_EVENT = (None, *_NOT_AN_EVENT)


def _comparable_dates(d: DateMention) -> bool:
    """Dated occurrences only: no statements, past windows, "since", or bare years (background).
    Starts count ("the trial will begin on September 4"); they are compared with starts only."""
    if d.event in _NO_EVENT or d.earliest is None:
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
        and w.lower() not in _TIME_WORDS  # "reopened on June 6, a week later than last year": when
        and w.lower() not in event_words
        and w.lower() not in ASPECT_START  # "the ceasefire will begin" / "will start": when, not what
        and stem(w) != d.event
        and (w[0].isupper() or not is_eventive(w))
    )


_TIME_WORDS = word_set("day days week weeks month months year years later earlier sooner ago")


# Words that say which occurrence of a recurring event is meant: the first round is not the
# runoff, the second leg not the first, the final not the semi-final.
_OCCURRENCE_WORDS = word_set(
    """first second third fourth fifth sixth final finals last next previous initial preliminary opening
    closing runoff run-off rerun re-run round rounds semifinal semifinals semi-final semi-finals quarterfinal
    quarterfinals quarter-final quarter-finals leg stage phase"""
)
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
    found = occurrence_words([*_lead_in(ctx, d), *_clause_words(ctx, d)])
    s, e = _clip_span(ctx, d)
    clause = ctx.document(d.doc_id).text[s:e].lower().split()  # with its figures: "another 20 people"
    if "more" not in found and any(_added_batch(clause, i) for i in range(len(clause))):
        found |= {"more"}
    return found


_DETERMINERS = word_set("the these those all both his her their its our my your this that each every such a an")
# After an occurrence word, words that show it says no occurrence: "the first day of trading" (the
# event's start), "for the first time", "opening the market" /
# "the opening of the bridge" (a verb, or the event itself).
_NO_OCCURRENCE_AFTER = {
    # "the first person to swim": a feat, not which occurrence
    "first": word_set("day days time person people woman women man men patient patients one ever"),
    "opening": _DETERMINERS | word_set("of up"),
    "round": word_set("trip trips"),  # "two round trips each week"
    "closing": _DETERMINERS | word_set("of down"),
    # "will begin on September 21 and last about a week": the verb
    "last": word_set(
        "about around roughly nearly almost some for until till through over several between just only at"
        " respects rites farewell goodbye"  # "to pay their last respects": a funeral, no occurrence
    ),
}


# "its first population census in ten years", "the first strike since": how long it has not
# happened, not which occurrence (a first round, a second vote) is meant.
_FIRST_IN_YEARS = re.compile(
    r"^(?:[a-z-]+\s+){0,3}?(?:since\b|in\s+(?:(?:a|an|[a-z-]+)\s+)?(?:years|decades?|generations?|century)\b)"
)


def occurrence_words(words: Sequence[str]) -> frozenset[str]:
    """The occurrence words among `words` that say which occurrence is meant; a batch counted on
    top of an earlier one ("five more suspects were detained") is the occurrence "more"."""
    lower = [w.lower() for w in words]
    found = {
        w
        for i, w in enumerate(lower)
        if w in _OCCURRENCE_WORDS
        and not (lower[i + 1 : i + 2] and lower[i + 1] in _NO_OCCURRENCE_AFTER.get(w, ()))
        and not (w == "first" and _FIRST_IN_YEARS.match(" ".join(lower[i + 1 : i + 8])))
        and not _running_count(lower, i)
        and not (w == "last" and i > 0 and lower[i - 1] in _BEFORE_A_VERB)  # "the truce will last six months"
        and not _one_of_the(lower, i)
    }
    if any(_added_batch(lower, i) for i in range(len(lower))):
        found.add("more")
    return frozenset(found)


# "five more suspects", "another 20 people", "a further 12", "30 additional workers": a batch on
# top of one reported before, so its day is that batch's, not the first one's.
_ADDED = word_set("more another further additional")


def _added_batch(lower: Sequence[str], i: int) -> bool:
    if lower[i] not in _ADDED:
        return False
    before, after = lower[i - 1] if i > 0 else "", lower[i + 1] if i + 1 < len(lower) else ""
    if lower[i] == "more":
        return _is_count(before) and after not in ("than", "or")  # not "more than 50", "two or more"
    return _is_count(after) or (lower[i] == "additional" and _is_count(before))


def _is_count(word: str) -> bool:
    return word.replace(",", "").isdigit() or (word in NUMBER_WORDS and word not in ("a", "an", "one"))


def _one_of_the(lower: Sequence[str], i: int) -> bool:
    """ "one of the first states to halt sales", "among the last": a rank among many, no occurrence."""
    return lower[max(0, i - 3) : i] == ["one", "of", "the"] or lower[max(0, i - 2) : i] == ["among", "the"]


# Words after which "last" is the verb (to go on), not the occurrence ("the last round").
_BEFORE_A_VERB = word_set("will would could can may might to shall should must and")


_POSSESSIVES = word_set("its their his her")
_RUNNING_UNITS = word_set("day days week weeks month months")


def _running_count(lower: Sequence[str], i: int) -> bool:
    """How far something has gone, not which occurrence of it: "the search has entered its third
    day", "the strike, in its second week", "preparations are in their final stages"."""
    if not (0 < i < len(lower) - 1 and lower[i - 1] in _POSSESSIVES):
        return False
    return lower[i + 1] in _RUNNING_UNITS or (lower[i] in ("final", "last") and lower[i + 1] == "stages")


def _actor_words(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """The common nouns right before the event word, auxiliaries skipped: "finance ministers" in
    "EU finance ministers will meet", "peace" in "peace talks" (folded). A determiner, a name or
    any other word ends them, so "the entire withdrawal" and "plans in April to withdraw" have none:
    only an event whose doer or kind is named next to it can be told apart this way."""
    words: list[str] = []
    lead_in = _lead_in(ctx, d)
    end = 0  # where the words before the doer end
    verb = False  # an auxiliary before the event word: a verb's subject, not an event noun's modifier
    for index in range(len(lead_in) - 1, -1, -1):
        word = lead_in[index]
        lower = word.lower()
        if not words and lower in _AUXILIARIES:
            verb = True
            continue
        if (
            not (word.isalpha() and word.islower())
            or lower in _CLAUSE_STOP
            or lower in _OCCURRENCE_WORDS
            or lower in _LEAD_IN_FILLERS
            or lower in _NOT_A_DOER  # "which it says will be released", "put a new note into"
            or is_eventive(word)
        ):
            end = index + 1
            break
        words.append(noun_key(word))
    before = [w.lower() for w in lead_in[:end] if w.lower() not in _DETERMINERS | _NUMBERS]
    # "the agreement between the two countries was signed": neither doer nor kind; but "for the
    # annual meeting" names the kind of meeting
    if verb and words and before and before[-1] in _PREPOSITIONS:
        return frozenset()
    return frozenset(words)


# The two chambers of a legislature: "the Chamber of Deputies approved on Wednesday" and "the
# Senate on Tuesday approved" are two votes on one bill.
_UPPER_CHAMBER = word_set("senate senators upper lords")
_LOWER_CHAMBER = word_set("deputies lower commons representatives")
_BE_VERBS = word_set("is are was were be been being")


def _doers(ctx: CheckContext, d: DateMention) -> tuple[frozenset[str], frozenset[str]]:
    """Who does the event, as the words right before it name them in the active voice: the
    countries ("Moldova's parliament ... ratified", "the Georgian parliament ratified") and the
    chamber of a legislature ("upper", "lower"). A passive ("a Philippine boat was rammed") names
    what the event was done to, so it names no doer."""
    lead_in = _lead_in(ctx, d)
    if not lead_in or _passive(ctx, d):
        return frozenset(), frozenset()
    lower = {w.lower().removesuffix("'s").removesuffix("’s") for w in lead_in}
    chambers = frozenset(
        side for side, words in (("upper", _UPPER_CHAMBER), ("lower", _LOWER_CHAMBER)) if lower & words
    )
    sentence = _sentence(ctx.document(d.doc_id), d.sentence)
    position = sentence.text.find(d.event_text or "")
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, position)]
    clause_at, event_at = sentence.start + (breaks[-1] if breaks else 0), sentence.start + position
    countries = frozenset(
        e.canonical
        for e in document_facts(ctx)[d.doc_id].in_sentence(d.sentence).entities
        if e.kind in ("country", "demonym") and clause_at <= e.start and e.end <= event_at
    )
    return countries, chambers


def _other_doers(ctx: CheckContext, a: DateMention, b: DateMention) -> bool:
    """Do the two clauses name different doers: other countries, or the other chamber?"""
    (countries_a, chambers_a), (countries_b, chambers_b) = _doers(ctx, a), _doers(ctx, b)
    return bool(
        (countries_a and countries_b and not countries_a & countries_b)
        or (len(chambers_a) == len(chambers_b) == 1 and chambers_a != chambers_b)
    )


def _other_actors(ctx: CheckContext, a: DateMention, b: DateMention) -> bool:
    """Do the words before the two events name different doers, or different things it was done
    to? In the passive they name what was done to ("children were vaccinated"), which the active
    names after its verb ("health workers vaccinated 3.1 million children"): one event."""
    actors_a, actors_b = _actor_words(ctx, a), _actor_words(ctx, b)
    if not actors_a or not actors_b or actors_a & actors_b:
        return False
    if _passive(ctx, a) == _passive(ctx, b):
        return True
    done_to, active = (actors_a, b) if _passive(ctx, a) else (actors_b, a)
    return not done_to & _content(ctx, active)


def _passive(ctx: CheckContext, d: DateMention) -> bool:
    lead_in = _lead_in(ctx, d)
    return bool(lead_in) and lead_in[-1].lower() in _BE_VERBS


# Not "of": "the number of people evacuated" names who was.
_PREPOSITIONS = word_set("between among to from with for in on at by over under about against within")
_NUMBERS = word_set("two three four five six seven eight nine ten")
_NOT_A_DOER = SAYING_VERBS | _PREPOSITIONS | word_set("into onto")


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


_TIME_ZONE = re.compile(r"\b(?:GMT|UTC|local time|[A-Z][a-z]+ time)\b")


def _names_time_zone(ctx: CheckContext, d: DateMention) -> bool:
    """Does the date's sentence give a time zone? Then a day's difference may be the clock's."""
    return bool(_TIME_ZONE.search(_sentence(ctx.document(d.doc_id), d.sentence).text))


def _one_moment_across_zones(ctx: CheckContext, a: DateMention, b: DateMention, gap: int) -> bool:
    """Are two days one apart one moment told in two time zones (either names one)?"""
    return gap == 1 and (_names_time_zone(ctx, a) or _names_time_zone(ctx, b))


def _sentence_names(ctx: CheckContext, d: DateMention) -> frozenset[str]:
    """Names in the date's sentence: its gazetteer entities (a city also stands for its country:
    Tunis and Tunisia) and its capitalised words that are not common English words ("Bardo",
    "Harmon"; the first word only if rare: "Norland's", not "Voters")."""
    return _names_in(ctx, d.doc_id, d.sentence)


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
    """Occurrence words of the date's whole sentence, outside its dates ("last Wednesday",
    "a week later than last year" say when, not which occurrence)."""
    sentence = _sentence(ctx.document(d.doc_id), d.sentence)
    text = sentence.text
    for x in sorted(document_facts(ctx)[d.doc_id].in_sentence(d.sentence).dates, key=lambda x: -x.start):
        start, end = x.start - sentence.start, x.end - sentence.start
        text = text[:start] + " " * (end - start) + text[end:]
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


_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:\w+ly\s+|already\s+|now\s+)?$", re.I)
TALLY_REACH = 30  # characters after the event word where its figure may stand


def _tally_by(ctx: CheckContext, d: DateMention) -> bool:
    """Is a "by" day the day a running total was read ("had burned about 1,200 hectares by Tuesday
    morning", "by Wednesday had vaccinated 2 million")? A total on two days is two readings, not
    one deadline put on two days."""
    doc = ctx.document(d.doc_id)
    by = d.relation == "by" or d.text.lower().startswith("by ") or doc.text[max(0, d.start - 3) : d.start] == "by "
    if not by or not d.event_text:
        return False
    sentence = _sentence(doc, d.sentence)
    position = sentence.text.find(d.event_text)
    if position < 0 or not _PERFECT.search(sentence.text, 0, position):
        return False
    event_start, event_end = sentence.start + position, sentence.start + position + len(d.event_text)
    lo, hi = min(event_start, d.start), max(event_end + TALLY_REACH, d.end)
    return any(lo <= q.start < hi for q in document_facts(ctx)[d.doc_id].in_sentence(d.sentence).quantities)


def _done_and_to_come(ctx: CheckContext, done: DateMention, to_come: DateMention) -> bool:
    """In two papers of one day, is one event told as done and the other as still to come? Then
    they are two occasions: what one paper says happened cannot be what the other awaits."""
    doc, other = ctx.document(done.doc_id), ctx.document(to_come.doc_id)
    sentence = _sentence(doc, done.sentence)
    return (
        published_within(doc, other, 0)
        and _ahead(ctx, to_come)
        and not _ahead(ctx, done)
        and not future_clause(sentence.text, done.start - sentence.start)
    )


def _before_deadline(on: DateMention, by: DateMention) -> bool:
    """Is `on` a day that falls before the deadline `by` gives? Something done then was done by
    it, so the two dates agree."""
    deadline = by.target or by.latest
    if on.relation != "on" or by.relation != "by" or on.latest is None or deadline is None:
        return False
    return on.latest <= deadline


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
    return (
        d.granularity == "day"
        and d.earliest is not None
        and d.relation in ("on", "start")
        and d.event not in _NOT_AN_EVENT
    )


def _unattached_day(ctx: CheckContext, d: DateMention) -> bool:
    """A day with no known event that is not the day of publication: "still active on Thursday"
    in Thursday's paper is the report's now, which tells no event from another."""
    return _dated_day(d) and d.earliest != ctx.document(d.doc_id).published


RECENT_DAYS = 3  # a day this close before an article's publication is that article's news
RECENT_MONTH_DAYS = 45  # ... and the month before it: "remittances fell in June", out by mid-August
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
        d.earliest is not None
        and d.latest is not None
        and 0 <= (published - d.latest).days <= (RECENT_MONTH_DAYS if d.granularity == "month" else RECENT_DAYS)
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
        if _two_occasions_apart(ctx, a) or _two_occasions_apart(ctx, b):
            continue  # "beat Denmark on Saturday, two days after losing the first of the friendlies"
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


# A dateline that is only its place, cut from the story by a full stop: "Dar es Salaam.", "NAIROBI."
_PLACE_DATELINE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]*){0,3}\.")


def _dateline_fragment(text: str) -> bool:
    """A dateline cut at its abbreviation ("ACCRA, Aug.", "TOKYO, Sept.") or its place alone ("Dar
    es Salaam."), not a short headline."""
    text = text.strip()
    return (len(text.split()) < 6 and text.endswith(".") and "," in text) or bool(_PLACE_DATELINE.fullmatch(text))


# "runs from August 29 to September 6": the day after "to" ends a stretch; the one after "from",
# ahead of the publication, is when it starts.
# The words that join the two ends of a stretch ("from May 2 to May 9", "Monday through Friday").
_RANGE_JOINERS = r"to|until|till|through|and"
_RANGE_END_BEFORE = re.compile(rf"\b(?:{_RANGE_JOINERS})\s+(?:[A-Z][a-z]+,?\s+)?$")


def _lead_day(ctx: CheckContext, d: DateMention) -> bool:
    text = ctx.document(d.doc_id).text
    return (
        d.granularity in ("day", "range")  # "runs from June 21 to 28": the days it runs
        and d.relation in ("on", "start", "since")
        and d.event not in _NOT_AN_EVENT
        and (_ahead(ctx, d) or _recent_past(ctx, d))
        and not _until(ctx, d)
        and not _tally_by(ctx, d)
        and not _RANGE_END_BEFORE.search(text, max(0, d.start - 20), d.start)
    )


PAST_LEAD_DAYS = 14  # a past day this close before publication may be the lead's news
PAST_LEAD_PUBLISHED_DAYS = 1  # past days are compared only in articles out within a day of each other


def _recent_past(ctx: CheckContext, d: DateMention) -> bool:
    published = ctx.document(d.doc_id).published
    return (
        published is not None
        and d.earliest is not None
        and d.earliest < published
        and (published - d.earliest).days <= PAST_LEAD_DAYS
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
        days = [d for d in days if _ahead(ctx, d)] or days  # what is to happen is the story, not its background
        if days and len({d.earliest for d in days}) == 1:
            found[doc.id] = sorted(days, key=lambda d: (not _strong_event(d), d.event is None, d.sentence))
    return found


def _other_occurrences(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two leads' occurrence words tell two occurrences apart? "First" against none does not:
    "the first direct flight" and "will launch flights" are the one inaugural flight."""
    return a != b and {a, b} != {frozenset(), frozenset({"first"})}


# A lead that dates its news by another occasion: "on Saturday, a day after its unveiling", "the
# day after the vote". The other outlet's day may be that occasion's.
_OCCASION_APART = re.compile(
    r"\b(?:a|one|two|three|four|five|the)\s+days?\s+(?:after|before)\b|\bthe\s+(?:next|following|previous)\s+day\b",
    re.I,
)


def _two_occasions_apart(ctx: CheckContext, d: DateMention) -> bool:
    return bool(_OCCASION_APART.search(_sentence(ctx.document(d.doc_id), d.sentence).text))


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
        if _ahead(ctx, a) != _ahead(ctx, b):
            continue
        if not _ahead(ctx, a) and not published_within(
            ctx.document(a_id), ctx.document(b_id), PAST_LEAD_PUBLISHED_DAYS
        ):
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
        if _two_occasions_apart(ctx, a) or _two_occasions_apart(ctx, b):
            continue  # "thrown open to visitors on Saturday, a day after its unveiling" vs "unveiled on Friday"
        if _speaks_of_a_new_date(ctx.document(a_id)) != _speaks_of_a_new_date(ctx.document(b_id)):
            continue  # "postponed to July 26" in one: the other reported the earlier plan
        if _other_occurrences(_sentence_occurrences(ctx, a), _sentence_occurrences(ctx, b)):
            continue  # "the first round ... on June 22" vs "a runoff ... on August 24"
        if _other_actors(ctx, a, b):
            continue  # "finance ministers will meet" vs "leaders will meet"
        if _other_doers(ctx, a, b):
            continue  # "the Senate approved on Tuesday" vs "the Chamber of Deputies approved on Wednesday"
        texts: list[tuple[str, str]] = []
        if a.event != b.event or a.event is None:
            doc_a, doc_b = ctx.document(a_id), ctx.document(b_id)
            if _ahead(ctx, a):
                texts = [
                    (_sentence(doc_a, x).text, _sentence(doc_b, y).text)
                    for x in sorted({m.sentence for m in leads[a_id]})
                    for y in sorted({m.sentence for m in leads[b_id]})
                ]
            else:
                texts = [(x.text, y.text) for x in _lead(doc_a) for y in _lead(doc_b)]
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


_RANGE_TO = re.compile(rf"\s*(?:{_RANGE_JOINERS}|-|–)\s*(?:[A-Z][a-z]+,?\s+)?")
# "will begin on September 21", "kicked off on", "got under way on": the words of a start.
_START_WORDS = "|".join([*sorted(ASPECT_START), *(rf"{a}\s+{b}" for a, b in sorted(PHRASAL_START))])
_STARTS_ON = re.compile(rf"\b(?:{_START_WORDS})\s+(?:on\s+)?$", re.I)


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
            if _other_actors(ctx, a, b):
                continue  # "finance ministers will meet" vs "leaders will meet": two meetings
            pa, pb = _event_participants(ctx, a), _event_participants(ctx, b)
            if pa and pb and not pa & pb:
                continue  # different actors: the US withdrawal is not the UK's
            if _other_doers(ctx, a, b):
                continue  # "the Georgian parliament ratified" vs "Moldova's parliament ... ratified"
            if {a.relation, b.relation} == {"on", "by"} and "day" not in (a.granularity, b.granularity):
                continue  # "began in May" vs "completed by August": a month is no deadline
            if _tally_by(ctx, a) or _tally_by(ctx, b):
                continue  # "had burned 1,200 hectares by Tuesday morning": a running total's day
            if _before_deadline(a, b) or _before_deadline(b, a):
                continue  # "vaccinated on Friday" vs "during a campaign that ended on Monday": in time
            if _until(ctx, a) != _until(ctx, b):
                continue  # "adjourned on Tuesday" vs "adjourned until March 18": when it stopped, when it resumes
            if _each_reports_its_own(ctx, a, b):
                continue  # two papers weeks apart, each on "Friday's" match: two matches
            if _done_and_to_come(ctx, a, b) or _done_and_to_come(ctx, b, a):
                continue  # "opened its season on Friday" vs "other resorts plan to open next weekend"
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
