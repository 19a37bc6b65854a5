"""Who ran it: the one operator of a ship, a plane or a plant ("its operator, the Danish shipping
company Nordhav Line" vs "operated by the Hamburg-based shipping firm Elbe Reederei") and the one
leader of a study or an expedition ("Ana Ferrada, the astronomer who led the study" vs "a team led by
Tomás Ibáñez"). Part of C003 (entity roles). The names are read from the words after "operated by"
or "led by" and around "its operator," or "who led the"; two are in conflict only when each article
gives one and neither names the other's anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditor.checks.contradiction.common import OneOfAKind, one_name, one_of_a_kind_flags
from auditor.checks.registry import CheckContext
from auditor.facts.entities import load_gazetteer
from auditor.facts.words import UPPER, plain
from auditor.model import Document, Flag, Sentence

OPERATOR_CONFIDENCE = 0.5  # at the line of doubt: a name read from the words around a verb

_NAME = re.compile(rf"[{UPPER}][\w'’.&-]*(?:\s+(?:[{UPPER}][\w'’.&-]*|de|da|van|von|der|del|la))*")
# The words that say who follows: "operated by", "its operator,", "a team led by".
_RUN_BY = {
    "operator": re.compile(r"\b(?:operated|run|managed)\s+by\s+|\bits\s+operator,\s+"),
    "leader": re.compile(
        r"\b(?:team|study|research|expedition|survey|excavation|mission|investigation|group)\s+(?:was\s+)?led\s+by\s+"
    ),
}
# "Ana Ferrada, the University of Chile astronomer who led the study": the leader named before.
_WHO_LED = re.compile(
    r",\s+(?:[^,]{0,80}?\s+)?who\s+(?:led|headed|co-led)\s+the\s+"
    r"(?:study|team|research|expedition|survey|excavation|mission|investigation)\b"
)
_CLAUSE_END = re.compile(r"[,;:.()\"“”]\s|[;:()\"“”]|\.$")
# Words before a name that say where it is from or what it is: "the Hamburg-based", "Danish".
_DESCRIBING = re.compile(r"[\w'’]+-(?:based|owned|registered|flagged|run)$")
_NOT_NAMES = frozenset({"The", "A", "An", "Its", "It", "He", "She", "They"})


def run_by(doc: Document) -> list[OneOfAKind]:
    """The operators and the leaders an article names, each by the word that tells it apart."""
    found: list[OneOfAKind] = []
    for sentence in doc.active_sentences():
        text = sentence.text
        for kind, pattern in _RUN_BY.items():
            for match in pattern.finditer(text):
                end = _CLAUSE_END.search(text, match.end())
                name = next(
                    (n for n in _NAME.finditer(text, match.end(), end.start() if end else len(text)) if _names_one(n)),
                    None,
                )
                if name is not None and not _more_named(text, name.end()):
                    found.append(_fact(doc, sentence, name, kind))
        for match in _WHO_LED.finditer(text):
            before = list(_NAME.finditer(text[: match.start()]))
            if before and before[-1].end() == match.start() and _names_one(before[-1]):
                found.append(_fact(doc, sentence, before[-1], "leader"))
    return found


def _names_one(name: re.Match[str]) -> bool:
    """Is the capitalised run a name of its own, not a description ("Hamburg-based", "Danish")?"""
    written = name.group()
    if written in _NOT_NAMES or _DESCRIBING.search(written):
        return False
    entry = load_gazetteer().lookup(written)
    return entry is None  # a nationality, a place or a country runs nothing here


def _more_named(text: str, end: int) -> bool:
    return re.match(r"\s+(?:and|&)\s+[A-Z]", text[end:]) is not None  # "led by A and B": two leaders


def _fact(doc: Document, sentence: Sentence, name: re.Match[str], kind: str) -> OneOfAKind:
    written = name.group().rstrip(".")
    owner = re.match(r".*['’]s\s+", written)  # "Spain's Iberdrola": the firm, not its country
    written = written[owner.end() :] if owner else written
    words = written.split()
    key = plain((words[0] if kind == "operator" else words[-1]).lower())  # a firm's first word, a person's surname
    start = sentence.start + name.start() + (owner.end() if owner else 0)
    return OneOfAKind(doc.id, kind, key, written, start, start + len(written), sentence.index)


_MESSAGES = {
    "operator": (
        "names {a} as the operator; {other} names {b}.",
        "Check the operator with the registry or the authority.",
    ),
    "leader": ("says {a} led it; {other} says {b}.", "Check who led it with the institution or the publication."),
}


def operator_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """One operator, or one leader, per article; another in an article of the same story that
    never names the first."""
    yield from one_of_a_kind_flags(
        ctx, reported, run_by, one_name, lambda facts: facts[0], _MESSAGES, OPERATOR_CONFIDENCE, "run-by"
    )
