"""Who an article says takes a post: "appointed Kim Seong-ho ... as the new head of the Korea
Meteorological Administration", "Park Jae-min ... was named administrator of the Korea
Meteorological Administration", "Kenji Matsuda ... will become chief executive in April, succeeding
Hiroshi Tanabe", "Lt. Gen. Georgios Pateras takes over as Chief of the Fire Service".

Outlets word an appointment every way there is, so the reader keys a post by its head word and the
body it belongs to, not by the whole title: "head" and "administrator" of one agency are one post;
"chief executive" and "chief financial officer" of one company are two. The person a new holder
replaces ("succeeding Hiroshi Tanabe", "replacing Lt. Gen. Nikolaos Karagiannis") is not a new
holder; nor is someone appointed in an earlier year ("who was named ambassador in 2019").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.facts.quotes import FULL_PERSON_NAME, HONORIFIC, surname
from auditor.facts.words import plain, word_set
from auditor.model import Document

# The head word of a post: what the person becomes. A post whose head word is not here is not read.
POST_HEADS = word_set(
    """executive ceo chief head leader director director-general administrator commissioner
    superintendent president vice-president chair chairman chairwoman chairperson governor mayor
    ambassador envoy representative rector chancellor vice-chancellor dean provost conductor coach
    manager editor editor-in-chief secretary secretary-general minister speaker archbishop bishop
    prosecutor ombudsman auditor-general inspector-general commander principal curator justice officer"""
)
# Head words that all say "the one who runs it": of one body, they are one post.
_RUNS_IT = word_set(
    "chief head leader director director-general administrator commissioner superintendent president governor"
)
# Words of rank before a head word, part of the post: a "chief conductor" is not a "guest conductor".
_TITLE_MODIFIERS = word_set(
    """chief vice deputy assistant associate acting interim senior principal guest managing executive artistic
    music musical head general special permanent first second financial operating medical technical
    information marketing legal scientific"""
)
_CHIEF_EXECUTIVE = re.compile(r"\b(?:ceo|chief\s+executive(?:\s+officer)?)\b", re.I)

_PERSON = rf"(?:{HONORIFIC}){{0,2}}(?P<name>{FULL_PERSON_NAME})"
_ASIDE = r"(?:,[^,;]{1,120},|,)?"
# Words that may follow a post's head word: anything else in lower case continues the title
# ("chief medical officer": "chief" alone is not the post).
_FUNCTION_AFTER_POST = (
    "of|to|for|at|in|on|from|after|and|when|until|replacing|succeeding|with|effective|starting|since|by|as|"
    "the|a|an|who|which|this|next|last|following|later|early|once|while|but|or|said|says|ahead"
)
_HEADS = "|".join(sorted(POST_HEADS, key=len, reverse=True))
_RANKS = "|".join(sorted(_TITLE_MODIFIERS, key=len, reverse=True))
# A post: a few lower-case words ending in a head word, then what it is of ("of the Korea
# Meteorological Administration", "to China", "for Libya"); whose it is may stand before it ("its",
# "Tokyo's", "the agency's").
_POST = (
    r"(?:(?:its|their|his|her|the|[A-Z][\w'’-]*(?:'s|’s)|the\s+[a-z]+(?:'s|’s))\s+)?(?:new\s+|next\s+|incoming\s+)?"
    r"(?P<post>(?i:ceo\b|chief\s+executive(?:\s+officer)?\b)|"
    rf"(?:(?!(?:to|as|be|and|or|by)\b)(?:[a-z-]+|(?i:{_RANKS}))\s+){{0,3}}?(?i:{_HEADS})\b(?!-)(?!\s+(?i:{_HEADS})\b)(?!\s+(?!(?:{_FUNCTION_AFTER_POST})\b)[a-z])"
    r"(?:\s+(?:of|to|for|at)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+(?:of|and|for)\s+|\s+)?){1,6})?)"
)
_CHOOSE = r"(?:appointed|appoints|named|names|elected|elects|chose|chooses|chosen|picked|picks|selected|selects|tapped|taps|hired|hires|nominated|nominates)"
# "to head the UN Support Mission in Libya": the post is who runs what follows.
_TO_RUN = r"to\s+(?:head|lead|run)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'’.-]*(?:\s+(?:of|and|for|in)\s+|\s+)?){1,6})"
_CHOSEN = r"(?:appointed|named|elected|chosen|picked|selected|tapped|hired|nominated|confirmed)"
_WEEKDAY = r"(?:\s+(?:on|last)\s+[A-Z][a-z]+day)?"
# A body named by what it is, after one name it earlier: "the new head of the company is X".
_THE_BODY = r"(?:company|firm|group|bank|agency|organi[sz]ation|club|party|utility|fund|board|institute|museum)\b"
_BY = r"(?:\s+by\s+(?:the\s+)?(?>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}))?"  # all of "by UN Secretary-General Antonio Guterres"

_PATTERNS = (
    # "has appointed its chief financial officer, Yuki Arai, as its next chief executive"; "names X chief conductor"
    re.compile(rf"\b{_CHOOSE}\s+(?:(?!by\b)[A-Za-z-]+,?\s+){{0,4}}?{_PERSON}{_ASIDE}\s+(?:as\s+|to\s+be\s+)?{_POST}"),
    re.compile(rf"\b{_CHOOSE}\s+(?:(?!by\b)[A-Za-z-]+,?\s+){{0,4}}?{_PERSON}{_ASIDE}\s+{_TO_RUN}"),
    # "Park Jae-min, a professor ..., was named administrator of ..."
    re.compile(
        rf"{_PERSON}{_ASIDE}\s+(?:was|has\s+been|had\s+been|is|will\s+be|is\s+to\s+be){_WEEKDAY}\s+{_CHOSEN}{_WEEKDAY}{_BY}"
        rf"\s+(?:as\s+|to\s+be\s+)?{_POST}"
    ),
    re.compile(
        rf"{_PERSON}{_ASIDE}\s+(?:was|has\s+been|had\s+been|is|will\s+be|is\s+to\s+be){_WEEKDAY}\s+{_CHOSEN}{_WEEKDAY}{_BY}\s+{_TO_RUN}"
    ),
    # "Kenji Matsuda ... will become chief executive"; "X takes over as Chief of the Fire Service"
    re.compile(
        rf"{_PERSON}{_ASIDE}\s+(?:will\s+become|becomes|became|is\s+to\s+become|is\s+set\s+to\s+become|is\s+due\s+to\s+become|"
        rf"will\s+be|takes\s+over\s+as|took\s+over\s+as|will\s+take\s+over\s+as|steps\s+in\s+as)\s+{_POST}"
    ),
    # "Catarina Lopes is the new secretary-general of ..."
    re.compile(rf"{_PERSON}{_ASIDE}\s+(?:is|was)\s+(?=(?:\S+\s+)?(?:new|next|incoming)\s){_POST}"),
    # A headline: "Justice Dorothy Kamwendo named Malawi's new Chief Justice" (not "Pope Leo named Bishop X")
    re.compile(rf"^{_PERSON}\s+(?:named|appointed|elected|chosen|picked|tapped)\s+(?:as\s+)?{_POST}(?!\s+[A-Z][a-z])"),
    # "The new chief conductor will be X", "The new head of the company is X"
    re.compile(rf"\b(?:new|next)\s+{_POST}(?:\s+of\s+the\s+{_THE_BODY})?\s+(?:will\s+be|is|was)\s+{_PERSON}"),
)
# Every pattern above needs one of these: a sentence without any names no new holder.
_MAY_NAME_HOLDER = re.compile(
    rf"\b(?:{_CHOOSE}|{_CHOSEN}|will\s+become|becomes|became|to\s+become|will\s+be|takes?\s+over|took\s+over|"
    r"steps\s+in|is|was)\b"
)
# The holder being replaced: not a new holder.
_OUTGOING = re.compile(
    rf"\b(?:replacing|replaces|replaced|succeeding|succeeds|succeeded|succeed|replace|"
    rf"(?:took|takes|take|taking)\s+over\s+from|in\s+place\s+of)\s+{_PERSON}"
)
# An appointment told as past: "who was named ambassador in 2019", "previously appointed".
_EARLIER = re.compile(r"\b(?:in|since)\s+(?:19|20)\d\d\b|\b(?:former|formerly|previously|last\s+year)\b", re.I)
_EARLIER_AFTER_CHARS = 40
_TRAILING = re.compile(r"(?:\s+(?:of|and|for|in))+$|(?<=[a-z])\.$")  # not the stop of "U.N."


@dataclass(frozen=True)
class Succession:
    """Someone an article says takes a post; `start`/`end` are the name's offsets in the document."""

    sentence: int
    person: str
    post: str
    start: int
    end: int


def successions(doc: Document) -> list[Succession]:
    found: list[Succession] = []
    for sentence in doc.active_sentences():
        text = sentence.text
        if not _MAY_NAME_HOLDER.search(text):
            continue  # one search instead of every pattern on most sentences
        outgoing = {surname(m.group("name")) for m in _OUTGOING.finditer(text)}
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                name = match.group("name")
                if surname(name) in outgoing:
                    continue
                groups = match.groupdict()
                where = "post" if groups.get("post") else "org"
                if _EARLIER.search(text[match.start(where) : match.end() + _EARLIER_AFTER_CHARS]):
                    continue  # "named ambassador in 2019": an earlier post
                post = _TRAILING.sub("", " ".join((groups.get("post") or "head of " + groups["org"]).split()))
                found.append(
                    Succession(
                        sentence.index,
                        name,
                        post,
                        sentence.start + match.start("name"),
                        sentence.start + match.end("name"),
                    )
                )
    return found


_BODY_SPLIT = re.compile(r"\s+(?:of|to|for|at)\s+", re.I)
_BODY_FILLER = word_set("the of and for in")


def post_key(post: str) -> tuple[str, frozenset[str]]:
    """(head, body words): "the new head of the Korea Meteorological Administration" -> ("head",
    {"korea", "meteorological", "administration"}); "CEO" -> ("chief executive", {})."""
    parts = _BODY_SPLIT.split(post, maxsplit=1)
    title = _CHIEF_EXECUTIVE.sub("chief executive", parts[0].lower())
    words = title.split()
    if title.endswith("chief executive"):
        head = "chief executive"
    else:  # the head word and the words of rank before it: "first woman elected rector" is a rector
        kept = words[-1:]
        for word in reversed(words[:-1]):
            if word not in _TITLE_MODIFIERS:
                break
            kept.insert(0, word)
        head = " ".join(kept)
    body = (
        frozenset(plain(w.lower()) for w in parts[1].split() if w.lower() not in _BODY_FILLER)
        if len(parts) > 1
        else frozenset()
    )
    return head, body


def same_post(a: str, b: str) -> bool:
    """Do two posts as written name one post? The same title of the same body (or of none named), or
    two words for who runs one body ("head"/"administrator" of one agency)."""
    head_a, body_a = post_key(a)
    head_b, body_b = post_key(b)
    if body_a and body_b:
        shared = len(body_a & body_b)
        if shared < min(len(body_a), len(body_b)):
            return False  # "director of the museum" vs "director of the festival"
        last_a, last_b = head_a.split()[-1], head_b.split()[-1]
        return head_a == head_b or (last_a in _RUNS_IT and last_b in _RUNS_IT)
    return head_a == head_b
