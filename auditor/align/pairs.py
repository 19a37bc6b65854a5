"""Cross-document sentence pairs that are likely to state the same fact.

Candidates come from embedding neighbours (never all pairs); each candidate is then scored by
the calibrated same-fact model in `auditor.align.score`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import overload

import numpy as np

from auditor.align.anchors import Profile, Vocabulary, profile
from auditor.align.score import (
    EVENT_MIN_COSINE,
    SAME_FACT_THRESHOLD,
    same_fact_score,
    same_fact_scores,
    shared_event_anchors,
)
from auditor.checks.registry import CheckContext
from auditor.checks.results import kept_for_corpus
from auditor.embed.index import cross_group_neighbours
from auditor.model import Sentence

NEIGHBOURS = 10  # candidates per sentence
# Below this cosine a pair is not scored at all: on MRPC 0.04% of same-fact pairs lie there,
# and the same-event rule needs 0.35 anyway.
MIN_CANDIDATE_COSINE = 0.3
CANDIDATE_FLOOR = 0.25  # pairs below this score are not returned at all
MIN_TOKENS = 4  # "Kabul:" or a photo credit states no fact


@dataclass(frozen=True, slots=True)  # slots: a big corpus keeps ~10 pairs per sentence
class AlignedPair:
    """Two sentences of different documents.

    `score` is the calibrated probability that they state the same fact (learned on MRPC);
    `event_anchors` are the specific anchors and predicate they share when they report one
    event in other words (see `shared_event_anchors`); `same_fact` is the decision clusters use.
    """

    a: Sentence
    b: Sentence
    score: float
    cosine: float
    event_anchors: tuple[str, ...] = ()

    @property
    def same_fact(self) -> bool:
        return self.score >= SAME_FACT_THRESHOLD or bool(self.event_anchors)


@dataclass(frozen=True)
class SentenceTable:
    """The active sentences of a corpus with their vectors and anchor profiles (row-aligned).

    Vectors are kept once per distinct text: sentence i's is `distinct_vectors[vector_rows[i]]`
    (`vector(i)`). The same sentence in several documents (wire copy; ~30% of the rows of the
    synthetic corpora in benchmarks/speed.py) does not repeat its vector."""

    sentences: list[Sentence]
    distinct_vectors: np.ndarray  # (distinct texts, dim), read-only: the encoder's memory reads it too
    vector_rows: np.ndarray  # (sentences,) int64 row of distinct_vectors
    profiles: list[Profile]
    vocabulary: Vocabulary

    @property
    def vectors(self) -> np.ndarray:
        """One row per sentence, as a new array (tests, small corpora); `vector(i)` makes none."""
        return self.distinct_vectors[self.vector_rows]

    def vector(self, i: int) -> np.ndarray:
        return self.distinct_vectors[self.vector_rows[i]]

    def score(self, i: int, j: int) -> tuple[float, float]:
        """(same-fact probability, cosine) of rows i and j."""
        cosine = float(self.vector(i) @ self.vector(j))
        return same_fact_score(self.profiles[i], self.profiles[j], cosine, self.vocabulary), cosine

    def pair(self, i: int, j: int) -> AlignedPair:
        score, cosine = self.score(i, j)
        anchors = shared_event_anchors(self.profiles[i], self.profiles[j], cosine, self.vocabulary)
        return AlignedPair(self.sentences[i], self.sentences[j], score, cosine, anchors)

    def linked(self, i: int, j: int) -> float:
        """Link strength for clustering: the score, or the threshold when only the event rule holds."""
        pair = self.pair(i, j)
        return max(pair.score, SAME_FACT_THRESHOLD if pair.event_anchors else 0.0)


PRONOUN = re.compile(r"\b(?:he|she|they|we|it|his|her|their)\b", re.IGNORECASE)


def with_context(current: Profile, text: str, previous: Profile | None) -> Profile:
    """A sentence that names nobody but refers back ("...," he said) borrows the names of the
    sentence before it: "We remain committed to a political solution," he said (after a
    sentence naming Stoltenberg) is Stoltenberg's statement."""
    if previous is None or current.entities or not previous.entities or not PRONOUN.search(text):
        return current
    return replace(current, entities=previous.entities)


def sentence_table(ctx: CheckContext) -> SentenceTable:
    """Shared per audit (artifact "sentence_table"): embeddings are computed once."""

    def build() -> SentenceTable:
        sentences: list[Sentence] = []
        profiles: list[Profile] = []
        for doc in ctx.documents:
            previous: Profile | None = None
            for sentence in doc.active_sentences():
                p = with_context(profile(sentence.text), sentence.text, previous)
                previous = p
                if p.length >= MIN_TOKENS:
                    sentences.append(sentence)
                    profiles.append(p)
        texts = list(dict.fromkeys(s.text for s in sentences))
        row_of = {text: row for row, text in enumerate(texts)}
        rows = np.array([row_of[s.text] for s in sentences], dtype=np.int64)
        vectors = (
            np.asarray(ctx.encoder.encode(texts), dtype=np.float32) if sentences else np.zeros((0, 384), np.float32)
        )
        # The table is kept for the whole audit: the encoder's memory reads its rows instead of
        # holding the same vectors a second time (~190 MB at 5,000 articles).
        share = getattr(ctx.encoder, "share", None)
        if share is not None and texts:
            share(texts, vectors)
        return SentenceTable(sentences, vectors, rows, profiles, Vocabulary(profiles))

    table: SentenceTable = ctx.artifact("sentence_table", build)
    return table


class AlignedPairs(Sequence[AlignedPair]):
    """The scored pairs of a corpus, best first, kept as arrays; `AlignedPair`s are built on access.

    A corpus of 5,000 articles has ~900k pairs: as objects they took most of a gigabyte, as
    arrays (table rows as int32, score as float64, cosine as float32; the rare event anchors in a
    dict) ~20 bytes a pair. Indexing and
    iteration give `AlignedPair` objects as before; `rows`, `scores`, `same_fact_mask()` and
    `at_least()` serve the callers that need no objects.
    """

    def __init__(
        self,
        table: SentenceTable,
        rows_a: np.ndarray,
        rows_b: np.ndarray,
        scores: np.ndarray,
        cosines: np.ndarray,
        anchors: dict[int, tuple[str, ...]],
    ) -> None:
        self.table = table
        self.rows_a, self.rows_b = rows_a, rows_b
        self.scores, self.cosines = scores, cosines
        self.anchors = anchors  # position -> event anchors, only where there are some

    def __len__(self) -> int:
        return int(self.scores.shape[0])

    @overload
    def __getitem__(self, position: int) -> AlignedPair: ...

    @overload
    def __getitem__(self, position: slice) -> list[AlignedPair]: ...

    def __getitem__(self, position: int | slice) -> AlignedPair | list[AlignedPair]:
        if isinstance(position, slice):
            return [self[n] for n in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        sentences = self.table.sentences
        return AlignedPair(
            sentences[int(self.rows_a[position])],
            sentences[int(self.rows_b[position])],
            float(self.scores[position]),
            float(self.cosines[position]),
            self.anchors.get(position, ()),
        )

    def __iter__(self) -> Iterator[AlignedPair]:
        return (self[n] for n in range(len(self)))

    def at_least(self, score: float) -> Iterator[AlignedPair]:
        """The pairs scoring `score` or more (a prefix: the pairs are sorted best first)."""
        end = int(np.searchsorted(-self.scores, -score, side="right"))
        return (self[n] for n in range(end))

    def same_fact_mask(self) -> np.ndarray:
        """`pair.same_fact` of every pair, as a boolean array."""
        mask = self.scores >= SAME_FACT_THRESHOLD
        for position in self.anchors:
            mask[position] = True
        return mask


SCORING_CHUNK = 65_536  # candidate pairs turned into Python ints at a time


PAIRS_STAGE = "aligned_pairs"


def aligned_pairs(ctx: CheckContext) -> AlignedPairs:
    """Cross-document pairs of active sentences, best first; `pair.same_fact` is the decision.

    With a work cache, the scored pairs of a corpus seen before are not scored again. They
    depend on the whole corpus (the vocabulary weighs words by their share of all sentences), so
    they are kept under every document's digest and the embedding model; any edit scores them anew."""

    def build() -> AlignedPairs:
        table = sentence_table(ctx)
        empty = np.zeros(0, dtype=np.int32)
        if len(table.sentences) < 2:
            return AlignedPairs(table, empty, empty, np.zeros(0), np.zeros(0, dtype=np.float32), {})

        def score() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[int, tuple[str, ...]]]:
            pairs = _score_pairs(table)
            return pairs.rows_a, pairs.rows_b, pairs.scores, pairs.cosines, pairs.anchors

        return AlignedPairs(table, *kept_for_corpus(ctx, PAIRS_STAGE, (), score))

    result: AlignedPairs = ctx.artifact("aligned_pairs", build)
    return result


def _score_pairs(table: SentenceTable) -> AlignedPairs:
    """Candidates from embedding neighbours, each scored by the same-fact model; best first."""
    groups = np.array([s.doc_id for s in table.sentences])
    neighbours = cross_group_neighbours(table.distinct_vectors, groups, k=NEIGHBOURS, rows=table.vector_rows)
    candidates_a, candidates_b = neighbours.pair_arrays(min_score=MIN_CANDIDATE_COSINE)
    # Cosines as the table computes them one pair at a time (float32 dot), so scores match `table.pair`.
    distinct, rows = table.distinct_vectors, table.vector_rows
    cosines = np.fromiter(
        (
            float(distinct[i] @ distinct[j])
            for i, j in zip(rows[candidates_a].tolist(), rows[candidates_b].tolist(), strict=True)
        ),
        dtype=np.float64,
        count=len(candidates_a),
    )
    scores = np.empty(len(candidates_a), dtype=np.float64)
    for start in range(0, len(candidates_a), SCORING_CHUNK):
        chunk = slice(start, start + SCORING_CHUNK)
        scores[chunk] = same_fact_scores(
            [table.profiles[i] for i in candidates_a[chunk].tolist()],
            [table.profiles[j] for j in candidates_b[chunk].tolist()],
            cosines[chunk],
            table.vocabulary,
        )
    keep = scores >= CANDIDATE_FLOOR
    found_anchors: dict[int, tuple[str, ...]] = {}
    anchor_tuples: dict[tuple[str, ...], tuple[str, ...]] = {}  # equal anchors, one tuple: many pairs share them
    for n in np.flatnonzero(cosines >= EVENT_MIN_COSINE).tolist():
        i, j = int(candidates_a[n]), int(candidates_b[n])
        anchors = shared_event_anchors(table.profiles[i], table.profiles[j], float(cosines[n]), table.vocabulary)
        if anchors:
            keep[n] = True
            found_anchors[n] = anchor_tuples.setdefault(anchors, anchors)
    kept = np.flatnonzero(keep)
    rows_a, rows_b = candidates_a[kept], candidates_b[kept]
    # Best first, then by (document, sentence) of each side: the order the objects were sorted in.
    doc_ids = [s.doc_id for s in table.sentences]
    rank = {doc_id: r for r, doc_id in enumerate(sorted(set(doc_ids)))}
    doc_rank = np.array([rank[d] for d in doc_ids], dtype=np.int64)
    index = np.array([s.index for s in table.sentences], dtype=np.int64)
    order = np.lexsort(
        (index[rows_b], doc_rank[rows_b], index[rows_a], doc_rank[rows_a], -scores[kept]),
    )
    positions = kept[order]
    new_position = np.empty(len(candidates_a), dtype=np.int64)
    new_position[positions] = np.arange(len(positions))
    # Kept for the whole audit in the smallest exact types: table rows fit int32, and every cosine
    # is a float32 dot product (float32 holds it exactly; `float()` gives back the same number).
    return AlignedPairs(
        table,
        candidates_a[positions].astype(np.int32),
        candidates_b[positions].astype(np.int32),
        scores[positions],
        cosines[positions].astype(np.float32),
        {int(new_position[old]): anchors for old, anchors in found_anchors.items()},
    )
