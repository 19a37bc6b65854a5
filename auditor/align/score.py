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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from auditor.align.anchors import Profile, Vocabulary
from auditor.facts.words import WEEKDAYS

FEATURES = (
    "cosine",
    "word_jaccard",
    "word_containment",
    "anchor_containment",
    "shared_entities",
    "shared_numbers",
    "number_conflict",
    "length_ratio",
    "character_similarity",
    "word_order_similarity",
    "unmatched_numbers",
    "unmatched_entities",
)

# Learned by `python benchmarks/align.py /work/shared/data/mrpc-train.jsonl --fit`: logistic regression
# with each weight's sign fixed in advance (see SIGNS there; length_ratio is not used: similar length
# marks paraphrases, not facts). 5-fold CV ROC AUC 0.796 on MRPC (cosine 0.751); on ECB+ pairs-dev,
# never tuned on, 0.738 (cosine 0.738; with length_ratio it fell to 0.684).
WEIGHTS: dict[str, float] = {
    "bias": -6.901,
    "cosine": 3.817,
    "word_jaccard": 0.000,
    "word_containment": 0.000,
    "anchor_containment": 0.000,
    "shared_entities": 0.000,
    "shared_numbers": 0.000,
    "number_conflict": -0.315,
    "length_ratio": 0.000,
    "character_similarity": 2.812,
    "word_order_similarity": 3.946,
    "unmatched_numbers": -0.461,
    "unmatched_entities": 0.000,
}

# The score above which two sentences are taken to state the same fact (best F1 threshold in CV).
SAME_FACT_THRESHOLD = 0.40


@dataclass(frozen=True)
class PairFeatures:
    values: tuple[float, ...]

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))


def _mass(words: frozenset[str], vocabulary: Vocabulary) -> float:
    return sum(vocabulary.weight(w) for w in words)


def pair_features(a: Profile, b: Profile, cosine: float, vocabulary: Vocabulary) -> PairFeatures:
    words_a, words_b = a.words, b.words
    shared_mass = _mass(words_a & words_b, vocabulary)
    mass_a, mass_b = _mass(words_a, vocabulary), _mass(words_b, vocabulary)
    union = mass_a + mass_b - shared_mass
    jaccard = shared_mass / union if union > 0 else 0.0
    containment = shared_mass / min(mass_a, mass_b) if min(mass_a, mass_b) > 0 else 0.0

    anchors_a, anchors_b = a.anchors, b.anchors
    anchor_mass_a, anchor_mass_b = _mass(anchors_a, vocabulary), _mass(anchors_b, vocabulary)
    smaller = min(anchor_mass_a, anchor_mass_b)
    anchor_containment = _mass(anchors_a & anchors_b, vocabulary) / smaller if smaller > 0 else 0.0

    shared_entities = min(1.0, _mass(a.entities & b.entities, vocabulary) / 8.0)
    shared_numbers = 1.0 if (a.numbers & b.numbers) or (a.dates & b.dates) - set(_WEEKDAY_SET) else 0.0
    number_conflict = _number_conflict(a, b)
    lengths = sorted((max(a.length, 1), max(b.length, 1)))
    length_ratio = math.log(lengths[1] / lengths[0])
    # Edit-distance similarity sees shared wording the stems miss (names, phrases, word order).
    character_similarity = fuzz.ratio(a.normalized, b.normalized) / 100.0
    word_order_similarity = fuzz.token_sort_ratio(a.normalized, b.normalized) / 100.0
    unmatched_numbers = _unmatched_numbers(a, b)
    unmatched_entities = min(3.0, float(len(a.entities ^ b.entities))) / 3.0
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
            character_similarity,
            word_order_similarity,
            unmatched_numbers,
            unmatched_entities,
        )
    )


_WEEKDAY_SET = frozenset(WEEKDAYS)


# Same event, different words: MRPC's labels are about paraphrase, so its weights give little
# to anchors (there, negatives share names as often as positives). In a corpus about one story,
# two sentences that report the same kind of event (predicate class) with the same specific
# anchor (a place, person, date or number that few sentences of the corpus mention) and are
# at least loosely similar report one fact even when a paraphrase model says no:
# "Both sides met in Qatar on Saturday" / "Negotiations for peace in Doha have stalled".
# Not learned: a fixed rule, measured on held-out ECB+ event pairs in docs/ACCURACY.md.
EVENT_MIN_COSINE = 0.35
GENERIC_PREDICATES = frozenset({"announce"})


def shared_event_anchors(a: Profile, b: Profile, cosine: float, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The specific anchors and predicates two sentences share when they report one event, else ()."""
    if cosine < EVENT_MIN_COSINE:
        return ()
    predicates = (a.predicates & b.predicates) - GENERIC_PREDICATES
    if not predicates:
        return ()
    specific = {
        anchor
        for anchor in (a.entities & b.entities) | (a.numbers & b.numbers) | ((a.dates & b.dates) - _WEEKDAY_SET)
        if vocabulary.is_specific(anchor)
    }
    if not specific:
        return ()
    return tuple(sorted(specific)) + tuple(sorted(predicates))


def same_fact_probability(features: PairFeatures, weights: dict[str, float] | None = None) -> float:
    w = weights or WEIGHTS
    z = w["bias"] + sum(w[name] * value for name, value in zip(FEATURES, features.values, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def _number_conflict(a: Profile, b: Profile) -> float:
    return 1.0 if a.numbers and b.numbers and not (a.numbers & b.numbers) else 0.0


def _unmatched_numbers(a: Profile, b: Profile) -> float:
    return 1.0 if a.numbers ^ b.numbers else 0.0


# Features computed for many pairs at once by `same_fact_scores`: the ones the shipped weights use.
_PER_PAIR: dict[str, Callable[[Profile, Profile], float]] = {
    "number_conflict": _number_conflict,
    "unmatched_numbers": _unmatched_numbers,
}
_STRING_SIMILARITY = {"character_similarity": fuzz.ratio, "word_order_similarity": fuzz.token_sort_ratio}


def _fast_path_features(weights: dict[str, float]) -> list[str] | None:
    """The features with a weight, in FEATURES order, when each can be computed on its own
    (cosine, a per-pair feature, a string similarity); None when one needs `pair_features`."""
    used = [name for name in FEATURES if weights[name] != 0.0]
    return used if set(used) <= {"cosine", *_PER_PAIR, *_STRING_SIMILARITY} else None


def same_fact_score(
    a: Profile, b: Profile, cosine: float, vocabulary: Vocabulary, weights: dict[str, float] | None = None
) -> float:
    """`same_fact_probability(pair_features(a, b, cosine))`, equal to the last bit, computing only
    the features with a weight (the clusters' linking scores pairs one at a time)."""
    w = weights or WEIGHTS
    used = _fast_path_features(w)
    if used is None:
        return same_fact_probability(pair_features(a, b, cosine, vocabulary), w)
    total = 0.0  # summed in FEATURES order, as the other two paths do
    for name in used:
        if name == "cosine":
            value = cosine
        elif name in _STRING_SIMILARITY:
            value = _STRING_SIMILARITY[name](a.normalized, b.normalized) / 100.0
        else:
            value = _PER_PAIR[name](a, b)
        total += w[name] * value
    return 1.0 / (1.0 + math.exp(-(w["bias"] + total)))


def same_fact_scores(
    a: Sequence[Profile],
    b: Sequence[Profile],
    cosines: np.ndarray,
    vocabulary: Vocabulary,
    weights: dict[str, float] | None = None,
) -> np.ndarray:
    """`same_fact_probability(pair_features(a[n], b[n], cosines[n]))` for every n, equal to the last bit.

    Aligning a corpus scores ~200 candidate pairs per article; only the features with a weight
    are computed, the string similarities in rapidfuzz's C loop, so the cost is the scoring
    model's, not the interpreter's. Weights that use another feature take the per-pair path.
    """
    w = weights or WEIGHTS
    used = _fast_path_features(w)
    if used is None:
        return np.array(
            [
                same_fact_probability(pair_features(p, q, float(c), vocabulary), w)
                for p, q, c in zip(a, b, cosines, strict=True)
            ]
        )
    total = np.zeros(len(a), dtype=np.float64)
    # Summed in FEATURES order, as same_fact_probability does, so every score is bit-identical.
    for name in used:
        if name == "cosine":
            column = np.asarray(cosines, dtype=np.float64)
        elif name in _STRING_SIMILARITY:
            similarity = cpdist(
                [p.normalized for p in a], [q.normalized for q in b], scorer=_STRING_SIMILARITY[name], dtype=np.float64
            )
            column = similarity / 100.0
        else:
            feature = _PER_PAIR[name]
            column = np.fromiter((feature(p, q) for p, q in zip(a, b, strict=True)), dtype=np.float64, count=len(a))
        total += w[name] * column
    return np.fromiter((1.0 / (1.0 + math.exp(-(w["bias"] + t))) for t in total.tolist()), dtype=np.float64)
