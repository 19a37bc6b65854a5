"""The editor's diff: two versions of a story (wire copy vs republication, or two outlets).

Sentences are paired by what they say, not by where they are: a lexical similarity
(rapidfuzz, for edited copies of the same sentence) and the sentence-embedding cosine (for
rewordings) together, matched one-to-one, best pair first. Pairs that keep their relative
order are aligned; the others are moves. Inside an aligned pair the word-level changes come
from difflib; numbers, dates and names that changed are called out, because those are the
edits that change a story's facts.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from auditor.facts.numerals import NUMBER_WORDS, find_numerals
from auditor.model import Document, Sentence
from auditor.text import segment_document

# Pairing thresholds. A pair is the same sentence edited when its combined similarity is high
# enough AND at least one signal is strong on its own: wording kept (lexical) or meaning kept
# (cosine). Chosen by benchmarks/diff_pairing.py (5-fold CV on MRPC paraphrases vs ECB+
# sentences about a similar but different event): recall 0.93, false pairs 1.1% per candidate
# pair, before one-to-one matching removes most of those. Character similarity of two unrelated
# English sentences is already ~0.5, hence a lexical bar well above that.
PAIR_SCORE = 0.50
STRONG_LEXICAL = 0.60
STRONG_COSINE = 0.84
LEXICAL_WEIGHT = 0.5

KINDS = ("same", "changed", "added", "dropped")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DATE_RE = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}})(?!\w)"
    rf"|\b{_WEEKDAY}\b|\b(?:early|mid|late)[- ]{_MONTH}(?!\w)|(?<![\w-]){_MONTH}(?!\w)"
    r"|\b(?i:yesterday|today|tomorrow|tonight|last (?:week|month|year|night)|next (?:week|month|year))\b"
    r"|\b(?:19|20)\d{2}\b"
)
NUMBER_WORD_RE = re.compile(
    r"\b(?:" + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_CAPITALISED = r"(?:[A-Z][\w’'.-]*[\w]|[A-Z])"
NAME_RE = re.compile(rf"{_CAPITALISED}(?:\s+(?:(?:al|bin|de|of|van|von|la|le|du|the)\s+)?{_CAPITALISED})*")
TOKEN_RE = re.compile(r"\w+(?:[’'.,:-]\w+)*|\s+|[^\w\s]")


@dataclass(frozen=True)
class WordChange:
    """One difflib opcode over word tokens: equal, delete, insert or replace."""

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class Callout:
    """A number, date or name that one version has and the other does not."""

    kind: str  # "number" | "date" | "name"
    old: tuple[str, ...]
    new: tuple[str, ...]

    def describe(self) -> str:
        old = ", ".join(self.old) or "–"
        new = ", ".join(self.new) or "–"
        return f"{self.kind}: {old} → {new}"


@dataclass(frozen=True)
class DiffEntry:
    """One line of the diff: a pair of sentences (same or changed), or an added or dropped one."""

    kind: str  # "same" | "changed" | "added" | "dropped"
    old: Sentence | None
    new: Sentence | None
    similarity: float = 0.0
    moved: bool = False  # aligned sentence that changed its place in the story
    words: tuple[WordChange, ...] = ()
    callouts: tuple[Callout, ...] = ()


@dataclass(frozen=True)
class StoryDiff:
    old: Document
    new: Document
    entries: tuple[DiffEntry, ...]
    notes: tuple[str, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        counts = Counter(e.kind for e in self.entries)
        out = {kind: counts.get(kind, 0) for kind in KINDS}
        out["moved"] = sum(e.moved for e in self.entries)
        out["callouts"] = sum(len(e.callouts) for e in self.entries)
        return out

    @property
    def callouts(self) -> list[tuple[DiffEntry, Callout]]:
        return [(entry, callout) for entry in self.entries for callout in entry.callouts]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def lexical_similarity(old: Sequence[str], new: Sequence[str]) -> np.ndarray:
    """Character-level similarity in [0, 1] of every old sentence with every new one."""
    from rapidfuzz.process import cdist

    if not old or not new:
        return np.zeros((len(old), len(new)), dtype=np.float32)
    scores = cdist([_normalise(t) for t in old], [_normalise(t) for t in new], scorer=fuzz.ratio, workers=1)
    return np.asarray(scores, dtype=np.float32) / 100.0


def pair_sentences(
    old: Sequence[Sentence], new: Sequence[Sentence], encoder: Any = None
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (old index, new index, similarity) of sentences that are the same sentence, edited or not."""
    lexical = lexical_similarity([s.text for s in old], [s.text for s in new])
    if encoder is not None and old and new:
        vectors_old = encoder.encode([s.text for s in old])
        vectors_new = encoder.encode([s.text for s in new])
        cosine = np.clip(vectors_old @ vectors_new.T, 0.0, 1.0)
    else:
        cosine = lexical  # without a model, wording is all we can compare
    combined = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * cosine
    eligible = (combined >= PAIR_SCORE) & ((lexical >= STRONG_LEXICAL) | (cosine >= STRONG_COSINE))
    candidates = sorted(
        ((float(combined[i, j]), i, j) for i, j in zip(*np.nonzero(eligible), strict=True)),
        key=lambda c: (-c[0], abs(c[1] / max(len(old), 1) - c[2] / max(len(new), 1)), c[1], c[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for score, i, j in candidates:  # greedy, best first: exact copies win over look-alikes
        if i in used_old or j in used_new:
            continue
        used_old.add(int(i))
        used_new.add(int(j))
        pairs.append((int(i), int(j), score))
    return sorted(pairs)


def in_order(pairs: Sequence[tuple[int, int, float]]) -> set[tuple[int, int]]:
    """The largest set of pairs that keep their order in both versions (longest increasing subsequence)."""
    ordered = sorted(pairs)
    tails: list[int] = []  # tails[k]: index into `ordered` of the smallest tail of a run of length k+1
    previous: list[int] = [-1] * len(ordered)
    for index, (_, j, _) in enumerate(ordered):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if ordered[tails[middle]][1] < j:
                low = middle + 1
            else:
                high = middle
        previous[index] = tails[low - 1] if low > 0 else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    keep: set[tuple[int, int]] = set()
    cursor = tails[-1] if tails else -1
    while cursor >= 0:
        keep.add((ordered[cursor][0], ordered[cursor][1]))
        cursor = previous[cursor]
    return keep


def word_changes(old: str, new: str) -> tuple[WordChange, ...]:
    """Word-level difflib opcodes; a lone space between two changes is folded into them."""
    old_tokens, new_tokens = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    changes: list[WordChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        change = WordChange(op, "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2]))
        previous = changes[-2] if len(changes) >= 2 else None
        if (
            op != "equal"
            and previous is not None
            and previous.op != "equal"
            and changes[-1].op == "equal"
            and not changes[-1].old.strip()
        ):
            gap = changes.pop()
            changes[-1] = WordChange(
                "replace", previous.old + gap.old + change.old, previous.new + gap.new + change.new
            )
            continue
        changes.append(change)
    return tuple(changes)


def _dates(text: str) -> tuple[list[str], str]:
    """Date expressions, and the text with them blanked out (so their digits are not numbers)."""
    found = [m.group() for m in DATE_RE.finditer(text)]
    return found, DATE_RE.sub(lambda m: " " * len(m.group()), text)


def _numbers(text: str) -> list[tuple[str, float]]:
    found = [(n.text, n.value) for n in find_numerals(text)]
    for match in NUMBER_WORD_RE.finditer(text):
        found.append((match.group(), float(NUMBER_WORDS[match.group().lower()])))
    return found


def _blank_numerals(text: str) -> str:
    """The text with numerals (and their scale words: "2 5 Hundreds") blanked out."""
    for numeral in find_numerals(text):
        text = text[: numeral.start] + " " * (numeral.end - numeral.start) + text[numeral.end :]
    return text


@lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 3.3


def _names(sentence: str) -> list[str]:
    """Capitalised word runs that are names: not dates, and not an ordinary word capitalised to start a sentence."""
    names = []
    for match in NAME_RE.finditer(sentence):
        words = match.group().split()
        at_start = not sentence[: match.start()].strip(" \"'“‘([")
        if at_start and words and not words[0].isupper() and _common_word(words[0]):
            words = words[1:]
        while words and words[0].lower() in {"the", "of"}:
            words = words[1:]
        name = " ".join(words).rstrip(".").removesuffix("'s").removesuffix("’s")
        if not name or DATE_RE.fullmatch(name) or (len(words) == 1 and len(name) < 2):
            continue
        names.append(name)
    return names


def fact_callouts(old: str, new: str) -> tuple[Callout, ...]:
    """Numbers, dates and names in one sentence and not in its counterpart."""
    callouts: list[Callout] = []
    old_dates, old_rest = _dates(old)
    new_dates, new_rest = _dates(new)

    old_numbers, new_numbers = _numbers(old_rest), _numbers(new_rest)
    old_values = Counter(v for _, v in old_numbers)
    new_values = Counter(v for _, v in new_numbers)
    lost = old_values - new_values
    gained = new_values - old_values
    if lost or gained:
        callouts.append(
            Callout(
                "number",
                tuple(t for t, v in old_numbers if v in lost),
                tuple(t for t, v in new_numbers if v in gained),
            )
        )

    old_date_keys = Counter(_normalise(d) for d in old_dates)
    new_date_keys = Counter(_normalise(d) for d in new_dates)
    if old_date_keys != new_date_keys:
        callouts.append(
            Callout(
                "date",
                tuple(d for d in old_dates if _normalise(d) in old_date_keys - new_date_keys),
                tuple(d for d in new_dates if _normalise(d) in new_date_keys - old_date_keys),
            )
        )

    old_names, new_names = _names(_blank_numerals(old_rest)), _names(_blank_numerals(new_rest))

    def contains(longer: str, shorter: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer, re.IGNORECASE) is not None

    def kept(name: str, other_text: str, other_names: list[str]) -> bool:
        # Still there (perhaps starting the sentence, where it was not read as a name), or
        # trimmed to its last word or extended ("Joe Biden" -> "Biden"): not a different name.
        if contains(other_text, name) or contains(other_text, name.split()[-1]):
            return True
        return any(contains(name, other) or contains(other, name) for other in other_names)

    dropped = tuple(dict.fromkeys(n for n in old_names if not kept(n, new, new_names)))
    added = tuple(dict.fromkeys(n for n in new_names if not kept(n, old, old_names)))
    if dropped or added:
        callouts.append(Callout("name", dropped, added))
    return tuple(callouts)


def diff_documents(old: Document, new: Document, encoder: Any = None) -> StoryDiff:
    """Align two versions of a story sentence by sentence and describe every change."""
    old = old if old.sentences else segment_document(old)
    new = new if new.sentences else segment_document(new)
    pairs = pair_sentences(old.sentences, new.sentences, encoder)
    ordered = in_order(pairs)
    by_new = {j: (i, score) for i, j, score in pairs}
    paired_old = {i for i, _, _ in pairs}

    # Dropped sentences sit after the nearest earlier old sentence that kept its place.
    dropped_after: dict[int, list[int]] = {}
    anchor = -1
    anchors = {i: j for i, j in ordered}
    for i in range(len(old.sentences)):
        if i in anchors:
            anchor = anchors[i]
        elif i not in paired_old:
            dropped_after.setdefault(anchor, []).append(i)

    def dropped(j: int) -> list[DiffEntry]:
        return [DiffEntry("dropped", old.sentences[i], None) for i in dropped_after.get(j, [])]

    entries = dropped(-1)
    for j, sentence in enumerate(new.sentences):
        if j not in by_new:
            entries.append(DiffEntry("added", None, sentence))
        else:
            i, score = by_new[j]
            before = old.sentences[i]
            same = before.text == sentence.text
            entries.append(
                DiffEntry(
                    "same" if same else "changed",
                    before,
                    sentence,
                    similarity=round(score, 3),
                    moved=(i, j) not in ordered,
                    words=() if same else word_changes(before.text, sentence.text),
                    callouts=() if same else fact_callouts(before.text, sentence.text),
                )
            )
        entries.extend(dropped(j))
    notes = () if encoder is not None else ("sentences paired by wording only (no embedding model)",)
    return StoryDiff(old, new, tuple(entries), notes)


def read_story(path: Path) -> Document:
    """One article from a file (the same readers as `auditor audit`), segmented.

    A file holding several articles (JSONL) takes the article's id after '#': `feed.jsonl#afp-1`."""
    from auditor.corpus import read_corpus

    wanted: str | None = None
    if not path.exists() and "#" in path.name:
        name, _, wanted = path.name.rpartition("#")
        path = path.with_name(name)
    corpus = read_corpus([path])
    if corpus.errors:
        raise ValueError(f"{corpus.errors[0]}")
    documents = [d for d in corpus.documents if wanted is None or d.id == wanted]
    ids = ", ".join(d.id for d in corpus.documents[:10]) + (", ..." if len(corpus.documents) > 10 else "")
    if wanted is not None and not documents:
        raise ValueError(f"{path}: no article with id {wanted!r} (ids: {ids})")
    if len(documents) != 1:
        raise ValueError(f"{path}: expected one article, found {len(documents)}; name one as {path}#ID (ids: {ids})")
    return segment_document(documents[0])


def diff_files(old: Path, new: Path, encoder: Any = None) -> StoryDiff:
    """The library form of `auditor diff OLD NEW`."""
    return diff_documents(read_story(old), read_story(new), encoder)


# ---------------------------------------------------------------- renderers

DIFF_STYLE = {
    "delete": "red strike",
    "insert": "green underline",
    "added": "green",
    "dropped": "red",
    "moved": "magenta",
    "callout": "bold yellow",
    "same": "dim",
}


def _version_label(doc: Document) -> str:
    when = doc.published.isoformat() if doc.published else "date unknown"
    return f"{doc.outlet or 'unknown outlet'}, {when} ({doc.path})"


def _line(doc: Document, sentence: Sentence) -> int:
    return doc.line_column(sentence.start)[0]


def word_diff_text(words: Sequence[WordChange], plain: bool) -> Any:
    """The new sentence with deletions struck through and insertions underlined (rich Text).

    Without colour (NO_COLOR, not a TTY) the changes are marked [-old-]{+new+}, like
    `git diff --word-diff=plain`, so they survive in logs and pipes.
    """
    from rich.text import Text

    text = Text()
    for change in words:
        if change.op == "equal":
            text.append(change.new)
            continue
        if change.old:
            text.append(f"[-{change.old}-]" if plain else change.old, style=DIFF_STYLE["delete"])
        if change.new:
            text.append(f"{{+{change.new}+}}" if plain else change.new, style=DIFF_STYLE["insert"])
    return text


def render_diff_terminal(story: StoryDiff, console: Any = None, show_unchanged: bool = False) -> None:
    """Print the diff with rich: one line per sentence, marked  =  ~  ↷  +  -  and facts called out."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    plain = console.no_color or console.color_system is None
    counts = story.counts()
    console.print(Text("old: ", style="bold") + Text(_version_label(story.old)))
    console.print(Text("new: ", style="bold") + Text(_version_label(story.new)))
    summary = (
        f"{counts['same']} unchanged, {counts['changed']} changed, {counts['moved']} moved, "
        f"{counts['added']} added, {counts['dropped']} dropped; "
        f"{counts['callouts']} changed numbers, dates or names"
    )
    console.print(Text(summary, style="bold"))
    for note in story.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    if story.callouts:  # the edits that change the story's facts, first
        console.print(Text("changed facts:", style="bold"))
        for entry, callout in story.callouts:
            where = f"new:{_line(story.new, entry.new)}" if entry.new else ""
            console.print(Text(f"  {where:<8} {callout.describe()}", style=DIFF_STYLE["callout"]))
    console.print()

    hidden = 0

    def flush_hidden() -> None:
        nonlocal hidden
        if hidden:
            console.print(Text(f"   … {hidden} unchanged sentence{'s' if hidden > 1 else ''}", style="dim"))
            hidden = 0

    for entry in story.entries:
        if entry.kind == "same" and not entry.moved and not show_unchanged:
            hidden += 1
            continue
        flush_hidden()
        line = Text()
        if entry.kind == "dropped" and entry.old is not None:
            line.append(f"-  old:{_line(story.old, entry.old):<4} ", style=DIFF_STYLE["dropped"])
            line.append(entry.old.text, style=DIFF_STYLE["dropped"])
        elif entry.kind == "added" and entry.new is not None:
            line.append(f"+  new:{_line(story.new, entry.new):<4} ", style=DIFF_STYLE["added"])
            line.append(entry.new.text, style=DIFF_STYLE["added"])
        elif entry.old is not None and entry.new is not None:
            marker = "↷" if entry.moved else ("~" if entry.kind == "changed" else "=")
            where = f"{marker}  new:{_line(story.new, entry.new):<4} "
            line.append(where, style=DIFF_STYLE["moved"] if entry.moved else "bold")
            if entry.kind == "changed":
                line.append_text(word_diff_text(entry.words, plain))
            else:
                line.append(entry.new.text, style="" if entry.moved else DIFF_STYLE["same"])
            if entry.moved:
                line.append(f"  (moved from old line {_line(story.old, entry.old)})", style=DIFF_STYLE["moved"])
        console.print(line)
        for callout in entry.callouts:
            console.print(Text(f"     ! {callout.describe()}", style=DIFF_STYLE["callout"]))
    flush_hidden()


def render_diff_html(story: StoryDiff) -> str:
    """The diff as one self-contained, escaped HTML page (old and new side by side)."""
    import secrets

    from auditor.report.html import _environment

    template = _environment().get_template("diff.html.j2")
    rows = []
    for index, entry in enumerate(story.entries):
        rows.append(
            {
                "entry": entry,
                "anchor": f"s{index + 1}",
                "old_line": _line(story.old, entry.old) if entry.old else None,
                "new_line": _line(story.new, entry.new) if entry.new else None,
            }
        )
    return template.render(
        story=story,
        rows=rows,
        counts=story.counts(),
        old_label=_version_label(story.old),
        new_label=_version_label(story.new),
        nonce=secrets.token_urlsafe(18),
    )


def write_diff(story: StoryDiff, output_format: str, output: Path | None, show_unchanged: bool = False) -> None:
    """Render `story` as "terminal" or "html" to `output` (a file) or stdout."""
    import sys

    from rich.console import Console

    if output_format == "html":
        page = render_diff_html(story)
        if output is None:
            sys.stdout.write(page)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(page, encoding="utf-8")
        return
    if output is None:
        render_diff_terminal(story, Console(), show_unchanged)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as handle:
        render_diff_terminal(story, Console(file=handle, width=120, no_color=True), show_unchanged)
