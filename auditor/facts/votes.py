"""Vote tallies on one motion: how many voted for it and, where said, how many against.

Outlets word a tally in many ways: "voted 29 to 12", "on a 21-19 vote", "by 55 votes to 23",
"Seventy-eight members of the 150-seat legislature backed the bill", "with 84 deputies voting in
favour", "won the support of 52 deputies", "Seventeen councillors voted against". A candidate's votes in an election ("won 19 of the
35 votes") are no tally of a motion and are not read: two candidates' votes differ by design.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor.facts.numerals import parse_numeral

# A count of votes: digits, or number words ("seventy-eight", "Fifty-one", "six").
_NUMBER = r"(?:\d{1,4}|[A-Za-z]+(?:-[a-z]+)?)"
_SPLIT = rf"(?P<yes>{_NUMBER})\s*(?:-|–|to)\s*(?P<no>{_NUMBER})"
# Who casts the votes: a motion's voters, not an electorate (whose votes are shares and turnouts).
_VOTERS = (
    r"(?:members|deputies|lawmakers|legislators|MPs|MEPs|MCAs|senators|councillors|councilors|"
    r"representatives|delegates|judges|magistrates|justices|shareholders|parliamentarians|directors|"
    r"commissioners|ministers|governors|states|countries|nations|member\s+states)"
)
_FOR = (
    r"(?:voted\s+(?:in\s+favou?r|for|yes|to\s+(?:approve|pass|adopt|back|support|override|confirm|uphold|ratify))"
    r"|voting\s+(?:in\s+favou?r|for|yes)|backed|backing|supported|supporting|approved|endorsed|sided\s+with)"
)
_AGAINST = r"(?:voted\s+(?:against|no)|voting\s+(?:against|no)|opposed|opposing|rejected)"
_OF_BODY = r"(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?)?"
_GAP = r"(?:\s+(?!(?:be|been|being|was|were|is|are)\b)[^\s,;.]+)"  # words between voters and verb, not a passive
_START = r"(?<![\d,.\-–])\b"  # a count's first digit: not "507" in "2,507", not "1" in "2-1"
# A sentence about a vote: a tally read without a word of voting in it ("by a 44-26 margin",
# "two of six against the Pistons") needs one elsewhere in the sentence.
_VOTING_CONTEXT = re.compile(
    r"\b(?:vot\w*|ballots?|in\s+favou?r|abstain\w*|abstentions?|bill|motion|resolution|amendments?|law|"
    r"measure|veto|court|justices|judges|jur(?:y|ors)|lawmakers|senators|deputies|councill?ors|parliament|"
    r"legislat\w*|congress|assembly)\b",
    re.I,
)
# Each pattern with whether it needs a word of voting elsewhere in the sentence, and the words
# (lower case) of which it holds one: a sentence with none of them is not searched (most news
# sentences; a pattern that starts on a number would otherwise be tried at each word).
_Patterns = tuple[tuple[re.Pattern[str], bool, tuple[str, ...]], ...]
_VOTE_WORDS = ("vote", "ballot")
_FOR_WORDS = ("vot", "back", "support", "approv", "endors", "sided")
_AGAINST_WORDS = ("against", "voted no", "voting no", "oppos", "reject")
_TALLIES: _Patterns = (
    # "voted 29 to 12", "voted 33-14", "voted six to three"
    (re.compile(rf"\bvot(?:ed|ing)\s+(?:by\s+)?{_SPLIT}\b", re.I), False, ("vot",)),
    # "on a 21-19 vote", "a 6-3 ruling", "by a 52-47 margin"
    (re.compile(rf"{_START}{_SPLIT}\s+(?:vote|ballot)\b", re.I), False, _VOTE_WORDS),
    (
        re.compile(rf"{_START}{_SPLIT}\s+(?:ruling|decision|majority|margin)\b", re.I),
        True,
        ("ruling", "decision", "majority", "margin"),
    ),
    # "by 55 votes to 23", "55 votes to 23"
    (
        re.compile(rf"{_START}(?P<yes>{_NUMBER})\s+votes?\s+(?:to|against)\s+(?P<no>{_NUMBER})\b", re.I),
        False,
        ("vote",),
    ),
    # "passed the bill 52-47", "approved the measure 7-2"
    (
        re.compile(
            r"\b(?:passed|approved|adopted|backed|carried|confirmed)\s+(?:[\w-]+\s+){0,4}?"
            r"(?P<yes>\d{1,4})\s*[-–]\s*(?P<no>\d{1,4})\b"
        ),
        True,
        ("passed", "approved", "adopted", "backed", "carried", "confirmed"),
    ),
)
_IN_FAVOUR: _Patterns = (
    # "55 votes in favour", "78 in favour", "with 84 deputies voting in favour",
    # "Seventy-eight members of the 150-seat legislature backed the bill", "31 senators sided with"
    (re.compile(rf"{_START}(?P<yes>{_NUMBER})\s+(?:votes?\s+)?in\s+favou?r\b", re.I), False, ("favo",)),
    (
        re.compile(rf"{_START}(?P<yes>{_NUMBER}){_OF_BODY}\s+{_VOTERS}\b{_GAP}{{0,8}}?\s+{_FOR}\b", re.I),
        False,
        _FOR_WORDS,
    ),
    (
        re.compile(
            rf"{_START}(?P<yes>{_NUMBER})\s+of\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){{0,4}}?{_VOTERS}\s+{_FOR}\b", re.I
        ),
        False,
        _FOR_WORDS,
    ),
    # "The bill won the support of 52 deputies", "with the backing of 61 lawmakers"
    (
        re.compile(rf"\b(?:support|backing|votes)\s+of\s+(?P<yes>{_NUMBER})\s+(?:of\b|{_VOTERS}\b)", re.I),
        True,
        ("support of", "backing of", "votes of"),
    ),
    # "backed by 24 of the council's 43 members", "supported by 61 lawmakers"
    (
        re.compile(rf"\b(?:backed|supported|approved|endorsed)\s+by\s+(?P<yes>{_NUMBER})\s+(?:of\b|{_VOTERS}\b)", re.I),
        True,
        ("backed by", "supported by", "approved by", "endorsed by"),
    ),
)
_AGAINST_ONLY: _Patterns = (
    # "no one voted against", "none against": nought, not the "one" in "no one"
    (
        re.compile(r"\b(?P<no>no\s+one|nobody|none)\s+(?:(?:votes?|voted|voting)\s+)?against\b", re.I),
        True,
        ("against",),
    ),
    (re.compile(rf"(?<!\bno\s){_START}(?P<no>{_NUMBER})\s+votes?\s+against\b", re.I), False, ("against",)),
    (re.compile(rf"(?<!\bno\s){_START}(?P<no>{_NUMBER})\s+against\b", re.I), True, ("against",)),
    (
        re.compile(
            rf"(?<!\bno\s){_START}(?P<no>{_NUMBER})\s+(?:other\s+)?{_VOTERS}{_GAP}{{0,6}}?\s+{_AGAINST}\b", re.I
        ),
        False,
        _AGAINST_WORDS,
    ),
    (re.compile(rf"(?<!\bno\s){_START}(?P<no>{_NUMBER})\s+{_AGAINST}\b", re.I), True, _AGAINST_WORDS),
)
# A tally no one has cast: needed, expected, required, a threshold.
_NOT_CAST = re.compile(
    r"\b(?:need|needs|needed|needing|require|requires|required|would|could|might|may|expected|expects|"
    r"hopes?|if|threshold|majority\s+of|at\s+least|enough)\b",
    re.I,
)
_CLAUSE = re.compile(r"[,;:()]|\s[-–—]\s")
# A tally gives a count: a sentence with no digit and no number word holds none.
_ANY_COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|none|nobody)\b",
    re.I,
)


@dataclass(frozen=True)
class VoteTally:
    """One reading of a tally in a sentence; `start`/`end` are offsets in the sentence's text."""

    start: int
    end: int
    text: str
    in_favour: int | None
    against: int | None


def _count(text: str | None) -> int | None:
    if text is None:
        return None
    if re.fullmatch(r"none|nobody|no\s+one", text, re.I):
        return 0
    parsed = parse_numeral(text)
    if parsed is None or parsed.int_value is None or parsed.garbled:
        return None
    return parsed.int_value


def _cast(text: str, start: int) -> bool:
    """Was the tally at `start` cast, by what its clause says before it ("needed 30 votes" was not)?"""
    clause = _CLAUSE.split(text[:start])[-1]
    return not _NOT_CAST.search(clause)


@lru_cache(maxsize=4096)  # C001 and C004 both read each sentence's tallies
def vote_tallies(text: str) -> tuple[VoteTally, ...]:
    """The tallies of votes on a motion a sentence gives, each read once (the first pattern that
    reads a span wins); the numbers must read as counts ("six", "84"), not as other words."""
    found: list[VoteTally] = []
    if not _ANY_COUNT.search(text):
        return ()
    lower = text.lower()
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], yes: int | None, no: int | None) -> None:
        if any(match.start() < end and start < match.end() for start, end in taken):
            return
        if (yes is None and no is None) or not _cast(text, match.start()):
            return
        taken.append((match.start(), match.end()))
        found.append(VoteTally(match.start(), match.end(), match.group(), yes, no))

    voting: bool | None = None  # searched once, when a pattern needs it

    def searched(needs_context: bool, keys: tuple[str, ...]) -> bool:
        nonlocal voting
        if not any(key in lower for key in keys):
            return False
        if needs_context and voting is None:
            voting = bool(_VOTING_CONTEXT.search(text))
        return not needs_context or bool(voting)

    # A split gives both counts; "in favour" and "against" patterns one each.
    for patterns, sides in ((_TALLIES, ("yes", "no")), (_IN_FAVOUR, ("yes",)), (_AGAINST_ONLY, ("no",))):
        for pattern, needs_context, keys in patterns:
            if not searched(needs_context, keys):
                continue
            for match in pattern.finditer(text):
                counts = {side: _count(match.group(side)) for side in sides}
                if None not in counts.values():
                    add(match, counts.get("yes"), counts.get("no"))
    return tuple(sorted(found, key=lambda t: t.start))
