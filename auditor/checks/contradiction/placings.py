"""Who won a contest, and who an outlet says did not: "Le Thi Tuyet claimed the women's marathon
gold" in one article, "with Tuyet settling for silver" in another that gives the gold to Joida
Marasigan. Part of C003 (entity roles): the role is the winner of one contest."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from auditor.align.anchors import STOPWORDS
from auditor.checks.contradiction.common import (
    _two_outlets_flag,
    _where,
    names_anywhere,
    numbered_parts,
    unflagged_story_pairs,
)
from auditor.checks.registry import CheckContext
from auditor.facts.quotes import NAME, surname
from auditor.facts.words import UPPER, plain, stem, word_set
from auditor.model import Document, Flag, Sentence

# A competitor as outlets write one: "Le Thi Tuyet", "Sven van Lier", "Ariel Gómez Valdés", or the
# surname alone once the article has named them ("with Tuyet settling for silver").
_RUNNER = rf"(?P<name>{NAME}(?:\s+(?:(?:van|von|de|da|del|der|bin|al)\s+)*{NAME}){{0,3}})"
# What may stand between the name and its verb: ", who led for much of the event at X,", " of the
# Nepal Army Club" or a team in brackets (" (Solare-Vetta)"), and an auxiliary ("had to", "was").
_ASIDE = r"(?:,\s+(?:who|a|an|the)\b[^,;]{1,120},|\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?=\s+[a-z])|\s+\([^()]{1,40}\))?"
_AUXILIARY = r"(?:\s+(?:has|had|have|was|were|is|also|then|eventually|finally)(?:\s+to)?)*"
# What winning a contest takes: the title, the gold, the race or one stage or section of it.
_WON_WHAT = (
    r"(?:title|gold|crown|race|stage|section|group|event|marathon|tournament|championship|final|trophy|cup|"
    r"victory|win|honours|first\s+place|top\s+spot)"
)
_WIN_VERB = (
    r"(?:won|wins|claimed|claims|took|takes|clinched|clinches|captured|captures|secured|lifted|lifts|grabbed|bagged)"
)
# A part of a contest won, not the contest: a round, a heat, a game, a qualifier; other placings.
_NOT_THE_CONTEST = re.compile(
    r"\b(?:silver|bronze|(?:second|third)(?!\s+(?:stage|leg|day|race|section|edition))|runner|round|heat|game|set|leg|semi|quarter|qualif\w*|pole|point|seat|"
    r"vote|toss|case|medals|contract|award|prize|bid|jersey|lead)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;.:](?!\d)|\s(?:after|while|but|when|as|and|with|before)\s")
_CLAUSE = r"(?:[^,;:]|[,:](?=\d)){0,80}"  # up to the clause's end: "the women's 10,000 metres title"
# A contest by its name: "the Tata Steel Masters", "his first Emperor's Cup", "the $5 million Cox
# Plate"; not "the backing of Germany".
_NAMED_CONTEST = re.compile(
    r"^(?:the|his|her|its|their|a)\s+(?:(?!(?:of|from|in|at|for|to|by|with|on)\b)[\w$.'’-]+\s+){0,3}?[A-Z]"
)
_WINS = (
    re.compile(rf"{_RUNNER}{_ASIDE}{_AUXILIARY}\s+{_WIN_VERB}\s+(?P<what>{_CLAUSE})"),
    # "Thijs Hoekstra became the first Dutch player in three years to win the Tata Steel Masters",
    # "Veloce Rosso has stormed down the Moonee Valley straight to win the $5 million Cox Plate"
    re.compile(
        rf"{_RUNNER}{_ASIDE}{_AUXILIARY}\s+(?:became|becomes|went\s+on|stormed|powered|surged|charged|raced|sprinted|"
        rf"swept|came\s+from\s+behind)\b[^,;:]{{0,60}}?\bto\s+win\s+(?P<what>{_CLAUSE})"
    ),
    re.compile(
        rf"{_RUNNER}{_ASIDE}{_AUXILIARY}\s+(?:crossed|crossing)\s+the\s+(?:finish(?:ing)?\s+)?line\s+first"
        rf"(?P<what>{_CLAUSE})"
    ),
    re.compile(rf"{_RUNNER}{_ASIDE}{_AUXILIARY}\s+(?:finished|came|came\s+home|placed)\s+first(?P<what>{_CLAUSE})"),
    # "Joida Marasigan delivered the Philippines its first athletics gold", "gave Cuba the title"
    re.compile(
        rf"{_RUNNER}{_ASIDE}{_AUXILIARY}\s+(?:gave|delivered|handed)\s+(?:[\w'’]+\s+){{1,3}}?"
        rf"(?:its|their|his|her|the)\s+(?P<what>(?:[\w'’-]+\s+){{0,2}}(?:title|gold|victory|win|crown|[A-Z])[^,;:]{{0,60}})"
    ),
)
# Placed behind the winner: "came second", "settling for silver", "had to settle for second place",
# "was runner-up".
_LOSSES = (
    re.compile(
        rf"{_RUNNER}{_ASIDE}{_AUXILIARY}\s+(?:(?:came|finished|placed|ended|crossed\s+the\s+line)\s+(?:in\s+)?"
        rf"(?:second|2nd|runner-up)|settl(?:e|ed|es|ing)\s+for\s+(?:second|2nd|silver|the\s+silver|runner-up)|"
        rf"(?:took|won|claimed|collected)\s+(?:the\s+)?silver|(?:was|were)\s+(?:the\s+)?runner-up)\b"
    ),
)
# Beaten by the one the sentence says won: "edging out Dutchman Sven van Lier", "beating Italy's
# Matteo Ferrante", "half a point ahead of Peruvian grandmaster Renato Salas".
_BEATEN = re.compile(
    r"\b(?:beat|beats|beating|edged(?:\s+out)?|edging(?:\s+out)?|held\s+off|holding\s+off|pipped|pipping|"
    r"outsprinted|outsprinting|pulled\s+clear\s+of|pulling\s+clear\s+of|ahead\s+of|defeated|defeating|"
    r"overcame|overcoming|outlasted|outlasting|(?:getting|got)\s+the\s+better\s+of)\s+"
    rf"(?P<who>(?:[{UPPER}][\w'’-]*\s+|[a-z][\w-]*\s+){{0,4}}?{NAME}(?:\s+(?:(?:van|von|de|da|del|der)\s+)*{NAME}){{0,3}})"
)
# What tells two contests of one event apart: the category and the stage, round or section number.
_CATEGORY = re.compile(r"\b(?:men|women|boys|girls)['’]s\b|\b(?:mixed|wheelchair|junior|under-\d+|u-?\d+)\b", re.I)
_RESULT_WORDS = word_set(
    "won wins claimed claims took takes clinched captured secured lifted grabbed bagged crossed crossing line first"
    " finished came placed gave delivered handed its their his her"
)
SHARED_CONTEST_WORDS = 2  # words the two win sentences share beyond the names: "elite", "Capablanca", "Memorial"


# Words every placing holds: a sentence without them is skipped in one search.
_MAY_PLACE = re.compile(
    rf"\b(?:{_WIN_VERB}|win|first|gave|delivered|handed|second|2nd|runner-up|silver|beat\w*|edg\w+|held\s+off|"
    r"holding\s+off|pip\w+|outsprint\w*|pull\w*\s+clear|ahead\s+of|defeat\w*|overc\w+|outlast\w*|better\s+of)\b"
)


@dataclass(frozen=True)
class Placing:
    doc_id: str
    person: str  # as written
    won: bool  # True: won; False: placed behind the winner
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    headline: bool = False  # said in the article's first line


def placings(doc: Document) -> list[Placing]:
    """Who an article says won a contest, and who it places behind the winner."""
    found: list[Placing] = []
    previous_end = -1
    active = doc.active_sentences()
    first_line = active[0].start if active else -1
    for sentence in active:
        headline = sentence.start == first_line
        text = sentence.text
        winners_here = bool(found) and found[-1].won and found[-1].sentence_end == previous_end
        previous_end = sentence.end
        if not _MAY_PLACE.search(text):
            continue
        for pattern in _WINS:
            for match in pattern.finditer(text):
                what = _CLAUSE_END.split(match.group("what"), maxsplit=1)[0]
                if pattern in _WINS[:2] and (
                    not (re.search(rf"\b{_WON_WHAT}\b", what, re.I) or _NAMED_CONTEST.match(what))
                    or _NOT_THE_CONTEST.search(what)
                ):
                    continue  # "won four medals", "took silver", "won the first round"
                found.append(_placing(doc, sentence, match, True, headline))
                winners_here = True
        for pattern in _LOSSES:
            for match in pattern.finditer(text):
                found.append(_placing(doc, sentence, match, False, headline))
        if winners_here:
            for match in _BEATEN.finditer(text):
                found.append(_placing(doc, sentence, match, False, headline, group="who"))
    return [p for p in found if len(surname(p.person)) > 2]


def _placing(
    doc: Document, sentence: Sentence, match: re.Match[str], won: bool, headline: bool, group: str = "name"
) -> Placing:
    start, end = sentence.start + match.start(), sentence.start + match.end()
    return Placing(doc.id, match.group(group), won, start, end, sentence.start, sentence.end, headline)


def _contest_words(doc: Document, placing: Placing, names: frozenset[str]) -> frozenset[str]:
    text = doc.text[placing.sentence_start : placing.sentence_end]
    words = {plain(w.lower()) for w in re.findall(r"[^\W\d_][\w'’-]*|\d+(?:st|nd|rd|th)", text)}
    return frozenset(
        stem(w) for w in words if len(w) > 2 and w not in STOPWORDS and w not in _RESULT_WORDS and w not in names
    )


def _contest_marks(doc: Document, placing: Placing) -> tuple[frozenset[str], frozenset[str]]:
    """(categories, numbered parts) the winner's sentence names: ({"women's"}, {"stage 2"})."""
    text = doc.text[placing.sentence_start : placing.sentence_end]
    categories = frozenset(m.group().lower().replace("’", "'") for m in _CATEGORY.finditer(text))
    return categories, frozenset(number for _, number in numbered_parts(text))


def _one_contest(ctx: CheckContext, a: Placing, b: Placing) -> bool:
    """Do the two win sentences speak of one contest: words in common beyond the names, and no
    category or stage number that tells them apart?"""
    doc, other = ctx.document(a.doc_id), ctx.document(b.doc_id)
    names = frozenset(plain(w.lower()) for p in (a, b) for w in p.person.split())
    shared = _contest_words(doc, a, names) & _contest_words(other, b, names)
    if len(shared) < SHARED_CONTEST_WORDS:
        return False
    (cat_a, num_a), (cat_b, num_b) = _contest_marks(doc, a), _contest_marks(other, b)
    return not (cat_a and cat_b and cat_a != cat_b) and not (num_a and num_b and not num_a & num_b)


def placing_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """One outlet says P won; another puts P behind the one it says won the same contest."""
    by_doc: dict[str, list[Placing]] = {}
    for doc in ctx.documents:
        found = placings(doc)
        won = {surname(p.person) for p in found if p.won}
        lost = {surname(p.person) for p in found if not p.won}
        if found and not won & lost:  # one name both won and lost: two contests in one article
            by_doc[doc.id] = found
    for a_id, b_id in unflagged_story_pairs(ctx, by_doc, reported):
        for first, second in ((a_id, b_id), (b_id, a_id)):
            flag = _placing_flag(ctx, by_doc[first], by_doc[second])
            if flag is not None:
                yield flag
                break


UNPLACED_CONFIDENCE = 0.45  # two winners, nobody placed behind: below DOUBTFUL, so reported as info
SAME_NAME_RATIO = 75  # "Mammadov" / "Mamedov": one wrestler transliterated two ways


def _same_name(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= SAME_NAME_RATIO


def _unplaced_rivals(ctx: CheckContext, win: Placing, other_win: Placing) -> bool:
    """Two winners of one contest and neither article places the other's behind: still one
    contest when both say so in the body (a headline's "wins Ottawa Marathon" may be either race),
    with the same category words (none, or "men's" in both), and neither article names the other's
    winner at all."""
    if win.headline or other_win.headline:
        return False
    doc, other = ctx.document(win.doc_id), ctx.document(other_win.doc_id)
    if _contest_marks(doc, win)[0] != _contest_marks(other, other_win)[0]:
        return False  # "the classic World Cup downhill" vs "the women's World Cup downhill"
    return not names_anywhere(other, surname(win.person)) and not names_anywhere(doc, surname(other_win.person))


def _placing_flag(ctx: CheckContext, here: list[Placing], there: list[Placing]) -> Flag | None:
    for win in (p for p in here if p.won):
        name = surname(win.person)
        loss = next((p for p in there if not p.won and _same_name(surname(p.person), name)), None)
        rivals = [p for p in there if p.won and _one_contest(ctx, win, p)]
        if len({surname(p.person) for p in rivals}) != 1 or _same_name(surname(rivals[0].person), name):
            continue  # nobody else won that contest there, or several did (whose loss is it?)
        other_win = rivals[0]
        doc, other = ctx.document(win.doc_id), ctx.document(other_win.doc_id)
        if loss is None and not _unplaced_rivals(ctx, win, other_win):
            continue
        evidence = loss or other_win
        return _two_outlets_flag(
            doc,
            (win.start, win.end),
            other,
            (evidence.start, evidence.end),
            f"{_where(doc)} says {win.person} won; {_where(other)} says {other_win.person} won"
            + (f" and places {loss.person} behind." if loss else "."),
            "Check the result with the organisers' official results.",
            0.7 if loss else UNPLACED_CONFIDENCE,
            "contest-winner",
        )
    return None
