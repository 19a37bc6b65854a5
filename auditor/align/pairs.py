"""Cross-document sentence pairs that are likely to state the same fact.

Candidates come from embedding neighbours (never all pairs); each candidate is then scored by
the calibrated same-fact model in `auditor.align.score`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from auditor.align.anchors import Profile, Vocabulary, profile
from auditor.align.score import SAME_FACT_THRESHOLD, pair_features, same_fact_probability, shared_event_anchors
from auditor.checks.registry import CheckContext
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
    """The active sentences of a corpus with their vectors and anchor profiles (row-aligned)."""

    sentences: list[Sentence]
    vectors: np.ndarray
    profiles: list[Profile]
    vocabulary: Vocabulary

    def score(self, i: int, j: int) -> tuple[float, float]:
        """(same-fact probability, cosine) of rows i and j."""
        cosine = float(self.vectors[i] @ self.vectors[j])
        features = pair_features(self.profiles[i], self.profiles[j], cosine, self.vocabulary)
        return same_fact_probability(features), cosine

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
        vectors = ctx.encoder.encode([s.text for s in sentences]) if sentences else np.zeros((0, 384), dtype=np.float32)
        return SentenceTable(sentences, np.asarray(vectors, dtype=np.float32), profiles, Vocabulary(profiles))

    table: SentenceTable = ctx.artifact("sentence_table", build)
    return table


def aligned_pairs(ctx: CheckContext) -> list[AlignedPair]:
    """Cross-document pairs of active sentences, best first; `pair.same_fact` is the decision."""

    def build() -> list[AlignedPair]:
        table = sentence_table(ctx)
        if len(table.sentences) < 2:
            return []
        groups = np.array([s.doc_id for s in table.sentences])
        neighbours = cross_group_neighbours(table.vectors, groups, k=NEIGHBOURS)
        pairs: list[AlignedPair] = []
        for i, j, _ in neighbours.pairs(min_score=MIN_CANDIDATE_COSINE):
            pair = table.pair(i, j)
            if pair.score >= CANDIDATE_FLOOR or pair.event_anchors:
                pairs.append(pair)
        pairs.sort(key=lambda p: (-p.score, p.a.doc_id, p.a.index, p.b.doc_id, p.b.index))
        return pairs

    result: list[AlignedPair] = ctx.artifact("aligned_pairs", build)
    return result
