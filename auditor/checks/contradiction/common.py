"""What the four contradiction rules share: the aligner's candidate pairs, where and when an
outlet published, the severity a doubtful or late finding drops to, the names in a sentence, and the
finding that quotes one outlet against another."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from auditor.align.anchors import information
from auditor.checks.registry import CheckContext
from auditor.facts import document_facts
from auditor.facts.entities import load_gazetteer
from auditor.facts.quantities import noun_key
from auditor.facts.words import CALENDAR_WORDS, LOWER, UPPER, plain, word_set
from auditor.model import Document, Evidence, Flag, Sentence, Severity

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


STORY_NAMES = 3  # names two articles share when they tell one story (a defendant's two names and a town)


def unflagged_story_pairs(
    ctx: CheckContext, doc_ids: Iterable[str], reported: Iterable[Flag]
) -> Iterator[tuple[str, str]]:
    """The story pairs of `doc_ids` no flag in `reported` already sets against each other: a
    reader of one more kind of fact adds no second finding on two articles already in conflict."""
    flagged = {frozenset((f.doc.id, e.doc)) for f in reported for e in f.evidence if e.doc != f.doc.id}
    return (pair for pair in _story_pairs(ctx, doc_ids) if frozenset(pair) not in flagged)


# Which of several numbered parts of one event a sentence is about: "stage 2", "the ninth stage",
# "the 14th stage", "the opening round".
_ORDINAL_NUMBERS = {
    word: str(n)
    for n, words in enumerate(
        (
            "first opening",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ),
        start=1,
    )
    for word in words.split()
}
_NUMBERED_PART = re.compile(
    r"\b(?P<part>stage|round|race|game|leg|day|heat)\s+(?P<n>\d+)\b"
    rf"|\b(?:(?P<ord>{'|'.join(_ORDINAL_NUMBERS)})|(?P<nth>\d+)(?:st|nd|rd|th))\s+(?P<part2>stage|round|leg|day|heat)\b",
    re.IGNORECASE,
)


def numbered_parts(text: str) -> frozenset[tuple[str, str]]:
    """The parts of an event a text names, by number: "the ninth stage" and "stage 9" ->
    {("stage", "9")}."""
    return frozenset(
        (
            (m.group("part") or m.group("part2")).lower(),
            m.group("n") or m.group("nth") or _ORDINAL_NUMBERS[m.group("ord").lower()],
        )
        for m in _NUMBERED_PART.finditer(text)
    )


def names_anywhere(doc: Document, name: str) -> bool:
    """Does the article name `name` (a surname, a place, an airline's first word) anywhere,
    accents aside?"""
    return re.search(rf"\b{re.escape(plain(name.lower()))}\b", plain(doc.text.lower())) is not None


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
        for name in story_marks(ctx, doc_id):
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


_CLAUSE_STOP = word_set(
    """a an the of in on at by to for from with and or but as that which who is are was were be been will
    would could should has have had its their his her it they this these those than less more within"""
)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]")


POSTING_CAP = 60  # a content word in more clauses than this says little about which event it is


_NAME_WORD = re.compile(rf"(?:^|(?<=\s))[{UPPER}][{LOWER}]+(?:-[{UPPER}{LOWER}]+)*")
RARE_WORD_INFORMATION = 3.5  # Zipf 3.5: a capitalised first word this rare is a name ("Norland's")
COMMON_WORD_INFORMATION = 2.5  # Zipf 4.5: "Police", "Last updated", "Museum" capitalised mid-sentence
_ACRONYM = re.compile(rf"(?<![\w.])[{UPPER}]{{2,6}}(?![\w.])")
# "12:52 p.m. EDT": a time zone says when, not who or where.
_TIME_ZONE_ACRONYM = re.compile(r"[A-Z]{1,3}[SD]T|GMT|UTC|CEST|EEST|WAT|EAT|CAT|SAST")
_NOT_NAMES = CALENDAR_WORDS | word_set(
    "the a an this that these those it he she they we i in on at by for of and or but"
)


def _names_in(ctx: CheckContext, doc_id: str, index: int) -> frozenset[str]:
    """The names a sentence gives (memoised per sentence)."""
    memo: dict[tuple[str, int], frozenset[str]] = ctx.artifacts.setdefault(SENTENCE_NAMES_ARTIFACT, {})
    key = (doc_id, index)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _read_names(ctx, doc_id, index)
    return found


def document_names(ctx: CheckContext, doc_id: str) -> frozenset[str]:
    """The names anywhere in a document. Not memoised: pairing articles asks this once of each
    article, and a memo would hold every article's names (some 25 MB at 5,000 articles) until the
    analysis ends."""
    sentences = ctx.document(doc_id).active_sentences()
    return frozenset().union(*(_read_names(ctx, doc_id, s.index) for s in sentences))


def _read_names(ctx: CheckContext, doc_id: str, index: int) -> frozenset[str]:
    names: set[str] = set()
    for e in document_facts(ctx)[doc_id].in_sentence(index).entities:
        names.add(plain(e.canonical.lower()))
        if e.country:
            names.add(f"country:{e.country}")
    text = _sentence(ctx.document(doc_id), index).text
    for match in _NAME_WORD.finditer(text):
        word = plain(match.group().lower())  # "Dašice" in one outlet is "Dasice" in another
        # A first word is a name if rare, or if a name runs on after it ("Typhoon Linfa crashed ashore")
        opens_run = match.start() == 0 and _NAME_WORD.match(text, match.end() + 1) is not None
        threshold = RARE_WORD_INFORMATION if match.start() == 0 and not opens_run else COMMON_WORD_INFORMATION
        if word in _NOT_NAMES or information(word) < threshold:
            continue  # "The", "Voters" first in the sentence; "Last updated", "Police" in a title
        names.add(word)
    for match in _ACRONYM.finditer(text):
        word = match.group().lower()
        if information(word) >= RARE_WORD_INFORMATION and not _TIME_ZONE_ACRONYM.fullmatch(match.group()):
            names.add(word)  # "TAT", "OGDCL", "BCB"; not "CEO", "GDP", "EU", "NATO": too common to tell stories apart
    return frozenset(names)


# A figure two articles both give marks one story as a name does ("68 votes", "$316.4 million"):
# from FIGURE_MIN on, and for something counted; "two people", "five years" are in any story.
FIGURE_MIN = 10


def story_marks(ctx: CheckContext, doc_id: str) -> frozenset[str]:
    """What tells an article's story from another's: its names (a country stands beside its
    cities' names already) and the figures it gives for something counted."""
    figures = {
        f"figure:{q.value:g}:{noun_key(q.noun)}"
        for q in document_facts(ctx)[doc_id].quantities
        if q.noun and q.kind != "vague" and q.value >= FIGURE_MIN
    }
    return frozenset(name for name in document_names(ctx, doc_id) if not name.startswith("country:")) | figures


def published_within(a: Document, b: Document, days: int) -> bool:
    """Did the two come out (both dated) within `days` of each other?"""
    return bool(a.published and b.published and abs((a.published - b.published).days) <= days)


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


@dataclass(frozen=True)
class OneOfAKind:
    """A name an event has one of, as one article gives it: the airline that flew a flight, the
    airport it was diverted to, the place a storm made landfall."""

    doc_id: str
    kind: str  # "airline", "landing", "landfall", "release", "crash"
    key: str  # the name's telling word, plain: "delta", "keflavik", "kitanglad"
    written: str
    start: int
    end: int
    sentence: int  # its sentence's index


def one_contains_other(a: str, b: str) -> bool:
    """Is one place the other or inside it, as far as the gazetteer knows ("Tashkent" in
    "Uzbekistan")? Two cities of one country are two places."""
    gazetteer = load_gazetteer()
    entry_a, entry_b = gazetteer.lookup(a), gazetteer.lookup(b)
    if entry_a is None or entry_b is None:
        return False
    if entry_a.canonical == entry_b.canonical:
        return True
    return (
        "country" in (entry_a.kind, entry_b.kind) and entry_a.country is not None and entry_a.country == entry_b.country
    )


def one_of_a_kind_flags(
    ctx: CheckContext,
    reported: Sequence[Flag],
    read: Callable[[Document], Iterable[OneOfAKind]],
    keep: Callable[[Document, Sequence[OneOfAKind]], bool],
    pick: Callable[[Sequence[OneOfAKind]], OneOfAKind],
    messages: Mapping[str, tuple[str, str]],
    confidence: float,
    tag: str,
) -> Iterator[Flag]:
    """At most one finding per story pair of articles where both name one of a kind and neither
    names the other's anywhere, nor the gazetteer holds one inside the other. `read` gives an
    article's names; `keep` holds whether an article's names of one kind name one thing; `pick`
    chooses the name quoted of an article's mentions; `messages` words, by kind, the message ({a},
    {other}, {b}) and the suggestion."""
    by_doc: dict[str, dict[str, list[OneOfAKind]]] = {}
    for doc in ctx.documents:
        kinds: dict[str, list[OneOfAKind]] = {}
        for fact in read(doc):
            kinds.setdefault(fact.kind, []).append(fact)
        kept = {kind: facts for kind, facts in kinds.items() if keep(doc, facts)}
        if kept:
            by_doc[doc.id] = kept
    for a_id, b_id in unflagged_story_pairs(ctx, by_doc, reported):
        doc, other = ctx.document(a_id), ctx.document(b_id)
        for kind in sorted(by_doc[a_id].keys() & by_doc[b_id].keys()):
            mine, theirs = by_doc[a_id][kind], by_doc[b_id][kind]
            if any(names_anywhere(other, x.key) for x in mine) or any(names_anywhere(doc, y.key) for y in theirs):
                continue  # one name; or the other article knows it (a codeshare, a park in its district)
            if any(one_contains_other(x.written, y.written) for x in mine for y in theirs):
                continue
            a, b = pick(mine), pick(theirs)
            message, suggestion = messages[kind]
            yield _two_outlets_flag(
                doc,
                (a.start, a.end),
                other,
                (b.start, b.end),
                f"{_where(doc)} " + message.format(a=a.written, b=b.written, other=_where(other)),
                suggestion,
                confidence,
                f"{tag}-{kind}",
            )
            break


def one_name(doc: Document, facts: Sequence[OneOfAKind]) -> bool:
    """Do an article's mentions of one kind all name one thing (one telling word)?"""
    return len({f.key for f in facts}) == 1
