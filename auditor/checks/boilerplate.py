"""Boilerplate rules (B...): scrape debris that is not part of the article.

These rules look at the shape of a line and the vocabulary of web page furniture (share
buttons, link labels, credit lines), which is the same on every site; none of them knows an
article's words. What they flag is excluded from fact alignment and listed as findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from auditor.checks.registry import CLEAN, DOCUMENT, CheckContext, rule
from auditor.corpus.metadata import PHOTO_CREDIT, SOURCE_LINE
from auditor.model import Category, Document, Flag, Severity
from auditor.text import line_blocks

# Words of page furniture: share bars, embed prompts, buttons, social networks.
WIDGET_WORDS = frozenset(
    [
        "share",
        "shares",
        "shared",
        "this",
        "article",
        "story",
        "comments",
        "comment",
        "close",
        "button",
        "copy",
        "paste",
        "copied",
        "clipboard",
        "embed",
        "link",
        "links",
        "video",
        "below",
        "above",
        "print",
        "email",
        "e-mail",
        "mail",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "reddit",
        "telegram",
        "pinterest",
        "messenger",
        "subscribe",
        "newsletter",
        "sign",
        "up",
        "log",
        "in",
        "login",
        "follow",
        "us",
        "on",
        "click",
        "here",
        "tap",
        "advertisement",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "skip",
        "to",
        "content",
        "menu",
        "search",
        "save",
        "bookmark",
        "listen",
        "min",
        "read",
        "reading",
        "time",
        "font",
        "size",
        "text",
        "the",
        "a",
        "an",
        "and",
        "or",
        "our",
        "your",
        "page",
        "url",
        "code",
        "iframe",
        "player",
        "audio",
        "gallery",
        "photos",
        "next",
        "previous",
        "back",
        "top",
        "more",
        "less",
        "show",
        "hide",
        "open",
        "toggle",
        "view",
        "all",
    ]
)
# Labels that introduce a link to another story ("READ MORE:", "Further Reading:", "Also read:").
LINK_LABEL_WORDS = frozenset(
    [
        "read",
        "more",
        "also",
        "see",
        "watch",
        "listen",
        "related",
        "further",
        "reading",
        "recommended",
        "don't",
        "miss",
        "latest",
        "explore",
        "next",
    ]
)
LINK_LABEL_CORE = frozenset(["read", "see", "watch", "listen", "related", "reading", "recommended"])
# Headers of a block of links to other stories.
RELATED_HEADER = re.compile(
    r"^(?:you (?:might|may) (?:also )?(?:like|enjoy|be interested in)|related(?: (?:articles?|stories|news|content|coverage|posts|reading|topics))?"
    r"|more (?:from|on|stories|news|in|like this)\b.*|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|top stories|editor'?s? picks?|(?:what to )?read next|latest (?:news|stories)|don'?t miss"
    r"|also (?:on|in) .+|more to explore|popular (?:now|stories)|in other news)\s*:?$",
    re.IGNORECASE,
)
COMMENT_COUNTER = re.compile(
    r"^(?:(?:post|view|show|read|add|leave|see|load)\s+(?:a\s+|all\s+|the\s+)?)?comments?\s*(?:\(\s*\d+\s*\)|\d+)?$"
    r"|^\d+\s+comments?$|^be the first to comment\.?$|^comments? \(\d+\)$",
    re.IGNORECASE,
)
CREDIT_START = re.compile(
    r"^(?:copyright\b|©|\(c\)\s|photo(?:graph)?s?\s*(?:credit)?\s*:|image\s*:|picture\s*:|credit\s*:|file photo\b)",
    re.IGNORECASE,
)
GLUED_WORDS = re.compile(r"[a-z]{3,}[A-Z][a-z]{2,}|[a-z]:[A-Z][a-z]")  # "articleComments", "below:Copy"
LIST_MARKER = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)])\s+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


_LOWER_UPPER = re.compile(r"([a-z])([A-Z])")


def _words(line: str) -> list[str]:
    """Words of a line, splitting glued ones ("articleComments" -> "article", "Comments")."""
    spaced = _LOWER_UPPER.sub(r"\1 \2", line.replace(":", " "))
    return [w.lower().replace("’", "'") for w in WORD.findall(spaced)]


MASTHEAD_SEPARATOR = re.compile(r"\s[|•·]\s")
HANDLE_OR_TIME = re.compile(r"@\w{2,}|\b\d{1,2}:\d{2}\b|\b(?:print|share|updated|published)\b", re.IGNORECASE)


def is_masthead_line(line: str) -> bool:
    """ "Site Name | @handle | 16 Aug 2021, 07:27 am Print": a page header, not the article."""
    segments = MASTHEAD_SEPARATOR.split(line)
    return len(segments) >= 3 and all(len(s.split()) <= 7 for s in segments) and bool(HANDLE_OR_TIME.search(line))


def is_widget_line(line: str) -> bool:
    if is_masthead_line(line):
        return True
    if COMMENT_COUNTER.match(line.strip()):
        return False  # B004's
    words = _words(line)
    if not words or len(words) > 16:
        return False
    furniture = sum(w in WIDGET_WORDS for w in words) / len(words)
    if GLUED_WORDS.search(line) and furniture >= 0.6:
        return True
    # Pure furniture lines ("Share this article", "Print"), but not short real phrases.
    return furniture == 1.0 and any(
        w in {"share", "comments", "embed", "clipboard", "print", "subscribe", "tweet", "email"} for w in words
    )


def _fuzzy_in(word: str, vocabulary: frozenset[str]) -> str | None:
    if word in vocabulary:
        return word
    if len(word) >= 4:
        for known in vocabulary:
            if len(known) >= 4 and Levenshtein.distance(word, known) <= 1:
                return known
    return None


def link_label(line: str) -> tuple[int, str] | None:
    """(label length, normalised label) when the line opens with a link label such as "READ MORE:"."""
    match = re.match(r"^\[?\s*([A-Za-z' ]{3,40}?)\s*[:|»›>\]]\s*\S", line)
    if not match:
        return None
    words = match.group(1).lower().split()
    if not 1 <= len(words) <= 4:
        return None
    known = [_fuzzy_in(w, LINK_LABEL_WORDS) for w in words]
    if any(k is None for k in known) or not any(k in LINK_LABEL_CORE for k in known):
        return None
    return match.end(1), " ".join(k for k in known if k)


def is_credit_line(line: str) -> bool:
    if len(line.split()) > 14:
        return False
    if CREDIT_START.match(line) or SOURCE_LINE.match(line):
        return True
    match = PHOTO_CREDIT.match(line)
    # "UNAMA/Fraidoon Poya", "KARIM JAAFAR/AFP": short names on both sides of a slash.
    return bool(match) and len(line.split()) <= 8 and not line.rstrip().endswith(".")


def is_furniture(line: str) -> bool:
    return (
        is_widget_line(line)
        or link_label(line) is not None
        or is_credit_line(line)
        or bool(COMMENT_COUNTER.match(line))
    )


def _lines(doc: Document) -> Iterator[tuple[int, int, str]]:
    for start, end in line_blocks(doc.text):
        yield start, end, doc.text[start:end].replace("\xa0", " ")


@rule("B001", "share-widget", Category.BOILERPLATE, Severity.WARNING, stage=CLEAN, scope=DOCUMENT)
def share_widget(ctx: CheckContext) -> Iterable[Flag]:
    """Share buttons, embed prompts and other page furniture scraped into the text.

    What it flags: short lines made of the vocabulary of page furniture (share, comments, embed,
    copy to clipboard, print, subscribe...), especially when the scraper glued button labels
    together ("Share this articleComments").
    Why it matters: it is not the article; quoting or aligning it produces nonsense, and its
    presence says the text was scraped without cleaning, so look for other debris too.
    Example: "Copy/paste the article video embed link below:Copy to clipboardCopied" (Euronews).
    """
    for doc in ctx.documents:
        for start, end, line in _lines(doc):
            if is_masthead_line(line):
                message = "page header (site name, handle, timestamp, buttons), not article text"
                yield Flag(doc, start, end, message, confidence=0.85, severity=Severity.INFO)
            elif is_widget_line(line):
                yield Flag(
                    doc, start, end, "page furniture (share/embed/print widget), not article text", confidence=0.95
                )


@rule("B002", "cross-link", Category.BOILERPLATE, Severity.WARNING, stage=CLEAN, scope=DOCUMENT)
def cross_link(ctx: CheckContext) -> Iterable[Flag]:
    """A "READ MORE:"-style link to another story inside the article body.

    What it flags: a line that opens with a link label (READ MORE, Read also, Further Reading,
    See also, Related, Watch...), misspelled labels included ("REEAD MORE"), followed by the
    linked story's headline.
    Why it matters: the headline belongs to another story; a fact-checker must not read it as
    part of this one, and the aligner must not match facts against it.
    Example: "READ MORE: Tajikistan holds largest-ever military drill amid Afghan Taliban advance".
    """
    for doc in ctx.documents:
        for start, end, line in _lines(doc):
            found = link_label(line)
            if found is None:
                continue
            length, label = found
            written = line[:length]
            misspelt = written.lower().split() != label.split()
            message = f"link to another story ('{written.strip()}:'), not article text"
            suggestion = f"remove the line (label reads '{label.upper()}')" if misspelt else None
            yield Flag(doc, start, end, message, suggestion=suggestion, confidence=0.95)


@rule("B003", "credit-line", Category.BOILERPLATE, Severity.INFO, stage=CLEAN, scope=DOCUMENT)
def credit_line(ctx: CheckContext) -> Iterable[Flag]:
    """Photo credits, copyright notices and source lines standing on their own line.

    What it flags: lines such as "Copyright NAME/AFP or licensors", "Photo: ...",
    "AGENCY/Photographer Name" and "Source: AFP".
    Why it matters: they are metadata (auditor reads the credits from them and shows them per
    document), not statements of fact; they are excluded from alignment.
    Example: "Copyright KARIM JAAFAR/AFP or licensors" (Euronews).
    """
    for doc in ctx.documents:
        for start, end, line in _lines(doc):
            if is_credit_line(line):
                yield Flag(doc, start, end, "credit or copyright line (metadata, not article text)", confidence=0.9)


@rule("B004", "comment-counter", Category.BOILERPLATE, Severity.WARNING, stage=CLEAN, scope=DOCUMENT)
def comment_counter(ctx: CheckContext) -> Iterable[Flag]:
    """Comment counters and comment prompts scraped from the page.

    What it flags: lines like "POST COMMENTS (0)", "12 comments", "Be the first to comment".
    Why it matters: page furniture, not article text.
    Example: "POST COMMENTS (0)" (ANI).
    """
    for doc in ctx.documents:
        for start, end, line in _lines(doc):
            if COMMENT_COUNTER.match(line.strip()):
                yield Flag(doc, start, end, "comment counter, not article text", confidence=0.95)


def _is_headline_shaped(doc: Document, start: int, end: int) -> bool:
    """A line that reads like a headline: no final full stop, not too long, or a list item."""
    line = doc.text[start:end]
    return len(line.split()) <= 30 and (not re.search(r"[.!?][\"'”’)]*$", line) or bool(LIST_MARKER.match(line)))


@rule("B005", "related-block", Category.BOILERPLATE, Severity.WARNING, stage=CLEAN, scope=DOCUMENT)
def related_block(ctx: CheckContext) -> Iterable[Flag]:
    """A "You might also like" / "Related" block and the headlines listed under it.

    What it flags: a related-content header line and the run of headline-shaped lines that
    follows it, as one span.
    Why it matters: those headlines are other stories (often on the same topic, which makes
    them easy to mistake for this article's facts).
    Example: "You might also like" followed by "Floods kill more than 300 people in northern
    Afghanistan, UN says" (Euronews).
    """
    for doc in ctx.documents:
        blocks = line_blocks(doc.text)
        for number, (start, end) in enumerate(blocks):
            header = doc.text[start:end].replace("\xa0", " ").strip()
            if not RELATED_HEADER.match(header) or len(header.split()) > 8:
                continue
            last = end
            count = 0
            for next_start, next_end in blocks[number + 1 :]:
                if not _is_headline_shaped(doc, next_start, next_end):
                    break
                last, count = next_end, count + 1
            if count:
                yield Flag(
                    doc,
                    start,
                    last,
                    f"related-content block ('{header}' and {count} headlines of other stories)",
                    confidence=0.9,
                )


@dataclass(frozen=True)
class TailLine:
    start: int
    end: int
    similarity: float


# Calibrated on ECB+ articles (benchmarks/boilerplate.py; 300 articles, each with three appended
# headlines of other topics, of its own topic, or its own last sentences): a trailing line is
# clearly off-topic below min(OFF_TOPIC_CEILING, mean - OFF_TOPIC_SPREAD * std of the body's own
# similarities). One such line alone is not enough (a last sentence can stray); two or more make
# the run a block of appended headlines, and then lines below min(RUN_CEILING, body mean) go too.
OFF_TOPIC_CEILING = 0.25
OFF_TOPIC_SPREAD = 2.0
RUN_CEILING = 0.35
MIN_OFF_TOPIC_LINES = 2


def off_topic_tail(vectors: np.ndarray, body_count: int, tail: list[tuple[int, int]]) -> list[TailLine]:
    """Tail lines whose topic is far from the body's (vectors: body rows, then tail rows)."""
    body_vectors = vectors[:body_count]
    total = body_vectors.sum(axis=0)
    # Each body sentence against the centroid of the others: how far this article strays from itself.
    own = []
    for i in range(body_count):
        rest = total - body_vectors[i]
        own.append(float(body_vectors[i] @ rest / (np.linalg.norm(rest) + 1e-9)))
    mean, spread = float(np.mean(own)), float(np.std(own))
    centroid = total / (np.linalg.norm(total) + 1e-9)
    similarities = [float(vector @ centroid) for vector in vectors[body_count:]]
    clear_floor = min(OFF_TOPIC_CEILING, mean - OFF_TOPIC_SPREAD * spread)
    if sum(similarity < clear_floor for similarity in similarities) < MIN_OFF_TOPIC_LINES:
        return []
    run_floor = min(RUN_CEILING, mean)
    return [
        TailLine(start, end, similarity)
        for (start, end), similarity in zip(tail, similarities, strict=True)
        if similarity < run_floor
    ]


def trailing_headlines(doc: Document) -> list[tuple[int, int]]:
    """The run of headline-shaped lines at the end of a document that are not other furniture."""
    run: list[tuple[int, int]] = []
    for start, end in reversed(line_blocks(doc.text)):
        line = doc.text[start:end].replace("\xa0", " ")
        if is_furniture(line):
            if run:
                break
            continue  # trailing widgets/credits are flagged by their own rules
        if not _is_headline_shaped(doc, start, end) or RELATED_HEADER.match(line.strip()):
            break
        run.append((start, end))
    return list(reversed(run))


@rule("B006", "unrelated-headlines", Category.BOILERPLATE, Severity.WARNING, stage=CLEAN, scope=DOCUMENT)
def unrelated_headlines(ctx: CheckContext) -> Iterable[Flag]:
    """Headlines of unrelated stories that the scraper appended after the article.

    What it flags: headline-shaped lines (no final full stop, or list items) at the end of a
    document whose topic, measured by sentence embeddings against the article body, is far
    from everything the article talks about. Found by position and topic, not by keywords.
    Why it matters: a fact-checker skimming the text would read them as part of the story;
    they must not be aligned with other outlets' facts.
    Example: "- Suspected methanol poisoning leaves six foreign tourists dead in Laos" at the
    end of an article on the Taliban offensive (Just Earth News).
    """
    for doc in ctx.documents:
        tail = trailing_headlines(doc)
        if not tail:
            continue
        tail_starts = {start for start, _ in tail}
        body = [
            s for s in doc.sentences if s.kind == "sentence" and s.start not in tail_starts and s.start < tail[0][0]
        ]
        if len(body) < 4:
            continue  # too little article to know its topic
        texts = [s.text for s in body] + [doc.text[s:e] for s, e in tail]
        vectors = ctx.encoder.encode(texts)
        for line in off_topic_tail(vectors, len(body), tail):
            yield Flag(
                doc,
                line.start,
                line.end,
                f"headline of an unrelated story appended after the article (topic similarity {line.similarity:.2f})",
                confidence=round(min(0.95, 0.6 + (RUN_CEILING - line.similarity)), 2),
            )
