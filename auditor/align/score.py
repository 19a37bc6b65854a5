"""The same-fact score: a small logistic model over embedding cosine, anchors and lexical overlap.

Plain cosine is not enough: in a one-topic corpus every sentence is "about" the same thing,
while two outlets wording one fact differently ("Both sides met in Qatar" / "Negotiations in
Doha have stalled") can score below 0.5. The features below add what a careful reader uses:
do they name the same entities (with aliases), numbers, dates, the same kind of event, and
how much of the shorter sentence the longer one covers.

The weights are learned on MRPC (news sentence pairs from different outlets, labelled
same/not same) with k-fold cross-validation by `benchmarks/align.py --fit`; they ship here as
a constant table so nothing is trained at run time. Figures: docs/ACCURACY.md, "Alignment".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from auditor.align.anchors import Profile, Vocabulary

FEATURES = (
    "cosine",
    "word_jaccard",
    "word_containment",
    "anchor_containment",
    "shared_entities",
    "shared_numbers",
    "number_conflict",
    "length_ratio",
)

# Learned by `python benchmarks/align.py /work/shared/data/mrpc-train.jsonl --fit` (5-fold CV).
WEIGHTS: dict[str, float] = {
    "bias": -4.0,
    "cosine": 5.0,
    "word_jaccard": 2.0,
    "word_containment": 1.5,
    "anchor_containment": 2.0,
    "shared_entities": 1.0,
    "shared_numbers": 0.5,
    "number_conflict": -1.0,
    "length_ratio": -0.5,
}

# The score above which two sentences are taken to state the same fact (best F1 threshold in CV).
SAME_FACT_THRESHOLD = 0.5


@dataclass(frozen=True)
class PairFeatures:
    values: tuple[float, ...]

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))


def _mass(words: frozenset[str], vocabulary: Vocabulary) -> float:
    return sum(vocabulary.weight(w) for w in words)


def pair_features(a: Profile, b: Profile, cosine: float, vocabulary: Vocabulary) -> PairFeatures:
    shared_words = a.words & b.words
    shared_mass = _mass(shared_words, vocabulary)
    mass_a, mass_b = _mass(a.words, vocabulary), _mass(b.words, vocabulary)
    union = mass_a + mass_b - shared_mass
    jaccard = shared_mass / union if union > 0 else 0.0
    containment = shared_mass / min(mass_a, mass_b) if min(mass_a, mass_b) > 0 else 0.0

    anchors_a, anchors_b = a.anchors, b.anchors
    anchor_mass_a, anchor_mass_b = _mass(anchors_a, vocabulary), _mass(anchors_b, vocabulary)
    smaller = min(anchor_mass_a, anchor_mass_b)
    anchor_containment = _mass(anchors_a & anchors_b, vocabulary) / smaller if smaller > 0 else 0.0

    shared_entities = min(1.0, _mass(a.entities & b.entities, vocabulary) / 8.0)
    shared_numbers = 1.0 if (a.numbers & b.numbers) or (a.dates & b.dates) - set(_WEEKDAY_SET) else 0.0
    number_conflict = 1.0 if a.numbers and b.numbers and not (a.numbers & b.numbers) else 0.0
    lengths = sorted((max(a.length, 1), max(b.length, 1)))
    length_ratio = math.log(lengths[1] / lengths[0])
    return PairFeatures(
        (
            cosine,
            jaccard,
            min(containment, 1.0),
            min(anchor_containment, 1.0),
            shared_entities,
            shared_numbers,
            number_conflict,
            length_ratio,
        )
    )


_WEEKDAY_SET = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def same_fact_probability(features: PairFeatures, weights: dict[str, float] | None = None) -> float:
    w = weights or WEIGHTS
    z = w["bias"] + sum(w[name] * value for name, value in zip(FEATURES, features.values, strict=True))
    return 1.0 / (1.0 + math.exp(-z))
