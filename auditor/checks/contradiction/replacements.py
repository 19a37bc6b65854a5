"""Two successors of one predecessor: "Sanne Verbeek will become the new director ... She succeeds
Peter Kools" in one article, "The board has chosen Lotte Brouwer to lead the museum. She is to take
over from the retiring Peter Kools" in another. Part of C003 (entity roles): whoever the post is
called, one person cannot be replaced by two at once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.checks.contradiction.common import _two_outlets_flag, _where, names_anywhere, unflagged_story_pairs
from auditor.checks.registry import CheckContext
from auditor.facts.names import first_name_gender
from auditor.facts.quotes import FULL_PERSON_NAME, NAME, _person_in, surname
from auditor.model import Document, Flag

# "replacing Ruth Aldridge", "She succeeds Peter Kools", "take over from the retiring Peter Kools";
# not "was succeeded by", "replaced by" (the other way round).
_REPLACES = re.compile(
    r"\b(?:replacing|replaces|replaced|replace|succeeding|succeeds|succeeded|succeed|"
    r"(?:takes|took|take|taking)\s+over\s+from|in\s+place\s+of)(?!\s+by\b)\s+(?:the\s+)?"
    r"(?:(?:retiring|outgoing|departing|long-serving|long-time|longtime|current|incumbent|interim|acting)\s+)?"
    rf"(?:[a-z-]+\s+){{0,3}}?(?P<old>{FULL_PERSON_NAME})"
)
# An earlier change told as background: "who replaced X in 2019", "had succeeded X".
_EARLIER = re.compile(r"\b(?:in|since)\s+(?:19|20)\d\d\b|\bhad\s+(?:succeeded|replaced)\b|\b(?:former|previously)\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
# The sentence's subject: a name at its start, titles before it allowed ("Incoming Chief Ombudsman
# Graeme Whitcombe", "Marsh-Tipene, a District Court judge since 2012, will ...").
_OPENING_RUN = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*(?=[\s,])")


@dataclass(frozen=True)
class Replacement:
    doc_id: str
    successor: str
    predecessor: str
    start: int
    end: int


def _people(text: str) -> list[str]:
    """The full names of people (two or three words) a text gives, in order; not "Spaarne Museum"
    or "Lagos State"."""
    return [person for m in re.finditer(FULL_PERSON_NAME, text) if (person := _person_in(m.group()))]


def _full_name(name: str, people: list[str]) -> str | None:
    """The full name an article gives for a name or surname it uses, if it gives one."""
    key = surname(name)
    return next((p for p in people if surname(p) == key and len(p.split()) >= len(name.split())), None)


# Words every replacement holds: an article without them is skipped in one search.
_MAY_REPLACE = re.compile(r"\b(?:replac|succeed|tak\w*\s+over\s+from|took\s+over\s+from|in\s+place\s+of)", re.I)


def replacements(doc: Document) -> list[Replacement]:
    """Who an article says replaces whom."""
    if not _MAY_REPLACE.search(doc.text):
        return []
    people = _people(doc.text)
    found: list[Replacement] = []
    last_person: str | None = None
    for sentence in doc.active_sentences():
        text = sentence.text
        for match in _REPLACES.finditer(text):
            if _EARLIER.search(text[max(0, match.start() - 30) : match.end() + 30]):
                continue
            old = match.group("old")
            successor = _successor(text[: match.start()], people, last_person, surname(old))
            if successor is None or surname(successor) == surname(old):
                continue
            found.append(
                Replacement(doc.id, successor, old, sentence.start + match.start(), sentence.start + match.end())
            )
        named = _people(text)
        last_person = _opening_person(text, people) or (named[-1] if named else last_person)
    return found


def _opening_person(text: str, people: list[str]) -> str | None:
    """The person a sentence opens with, by the last words of its opening capitalised run."""
    run = _OPENING_RUN.match(text)
    if run is None:
        return None
    words = run.group().split()
    return _full_name(" ".join(words[-2:]), people) or _full_name(words[-1], people)


def _successor(before: str, people: list[str], last_person: str | None, old: str) -> str | None:
    """Who does the replacing: "he" or "she" right before the verb is the sentence's first person
    named (or, with none, the last person named before); otherwise the name the sentence opens with."""
    pronoun = list(_PRONOUN.finditer(before))
    if pronoun and not re.search(rf"{NAME}", before[pronoun[-1].end() :]):
        named = [p for p in _people(before) if surname(p) != old]
        with_first_name = [p for p in named if first_name_gender(p.split()[0])[0] is not None]
        chosen = with_first_name or named  # "Incoming Chief Ombudsman Graeme Whitcombe": the one with a first name
        return chosen[0] if chosen else last_person
    return _opening_person(before, people)


def replacement_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """One predecessor, a different successor in each of two articles of one story."""
    by_doc: dict[str, list[Replacement]] = {}
    for doc in ctx.documents:
        found = replacements(doc)
        successors: dict[str, set[str]] = {}
        for r in found:
            successors.setdefault(surname(r.predecessor), set()).add(surname(r.successor))
        found = [r for r in found if len(successors[surname(r.predecessor)]) == 1]  # an interim, then the new one
        if found:
            by_doc[doc.id] = found
    for a_id, b_id in unflagged_story_pairs(ctx, by_doc, reported):
        doc, other = ctx.document(a_id), ctx.document(b_id)
        for a in by_doc[a_id]:
            b = next((r for r in by_doc[b_id] if surname(r.predecessor) == surname(a.predecessor)), None)
            if b is None or surname(a.successor) == surname(b.successor):
                continue
            if names_anywhere(other, surname(a.successor)) or names_anywhere(doc, surname(b.successor)):
                continue  # the other article knows this person: a rival, an interim, a deputy
            yield _two_outlets_flag(
                doc,
                (a.start, a.end),
                other,
                (b.start, b.end),
                f"{_where(doc)} says {a.successor} replaces {a.predecessor}; {_where(other)} says {b.successor} does.",
                "Check who was appointed with the appointing body's own announcement.",
                0.6,
                "successor",
            )
            break
