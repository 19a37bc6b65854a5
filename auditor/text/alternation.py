"""A regex that finds any of many literal words, as fast as one: the words as a trie.

`(?:Afghanistan|Albania|...)` with hundreds of alternatives makes `re` try every one at every
position of the text. The same words as a trie, `(?:A(?:fghanistan|lbania)|...)`, try one
branch per character. Matches are the same as those of the plain alternation with the words
sorted longest first: at a position, the text picks one path through the trie, and the engine
tries the longest word on that path first and backtracks to shorter ones, as it would go down
a longest-first list. Case-sensitive patterns only: under re.IGNORECASE two branches ("A", "a")
could both match and the first would win whatever the length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def literal_alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of `words` (longest first), for a case-sensitive regex."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[_END] = {}
    if not trie:
        return "(?!)"  # matches nothing, as an empty alternation would not

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(character) + build(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word ends here and longer ones go on: greedy `?` tries the longer ones first.
        return "(?:" + group + ")?" if _END in node else group

    return "(?:" + build(trie) + ")"
