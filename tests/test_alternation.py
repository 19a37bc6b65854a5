"""The trie alternation finds what the plain longest-first alternation finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

from auditor.facts.entities import load_gazetteer
from auditor.text.alternation import literal_alternation


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _matches(pattern: str, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text)]


def test_prefixes_and_boundaries_pick_the_longest_word_that_fits() -> None:
    words = ["US", "USA", "U.S.", "U.S", "United States", "United", "Un", "al Qaeda", "a"]
    bounded = r"(?<![\w.])" + literal_alternation(words) + r"(?![\w])"
    text = "USA and US. U.S. troops, the United States, United Kingdom, Uni, USAF, al Qaeda's a"
    assert _matches(bounded, text) == _matches(r"(?<![\w.])" + _plain(words) + r"(?![\w])", text)
    # "USAF": neither USA nor US may end inside a word; "United Kingdom": the shorter word fits
    assert (text.index("United Kingdom"), text.index("United Kingdom") + 6, "United") in _matches(bounded, text)
    assert not any(m[2].startswith("US") and m[0] == text.index("USAF") for m in _matches(bounded, text))


def test_the_gazetteer_finds_the_same_mentions_either_way(fixtures_dir: Path) -> None:
    entries = load_gazetteer().entries
    plain = re.compile(r"(?<![\w.])" + _plain(list(entries)) + r"(?![\w])")
    trie = re.compile(r"(?<![\w.])" + literal_alternation(entries) + r"(?![\w])")
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures_dir.glob("*.txt"))]
    rng = random.Random(0)
    aliases = sorted(entries)
    # made-up text: every alias, glued to others, cut short and followed by word characters
    for _ in range(300):
        picks = rng.sample(aliases, 6)
        texts.append(" ".join(rng.choice([a, a + "s", a[:-1], a + ".", "x" + a, a + "'s"]) for a in picks))
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_no_words_matches_nothing() -> None:
    assert re.search(literal_alternation([]), "anything") is None
