"""G004: sentences that read as incoherent machine translation.

Two independent signals are combined (see docs/ACCURACY.md, "Translation quality"):

1. the sentence garble score of `scores.py` (shape signals, wordfreq word rarity, function-word
   share, repetition, and a MiniLM "awkward translation" direction, fitted on translators'
   judgements of real MT English);
2. neighbour fit: the cosine between the sentence's embedding and the mean of its neighbours'
   (the sentences just before and after it), calibrated into the probability that the sentence
   belongs where it stands (news sentences against their real neighbours vs. a sentence from an
   unrelated article put in their place).

A sentence is flagged when its garble score is very high on its own (precision-oriented
threshold), or when it is high and the sentence also does not fit its neighbours. Both
thresholds are set in `benchmarks/garble.py` on held-out folds, never on fixture text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from auditor.checks.registry import DOCUMENT, CheckContext, rule
from auditor.checks.scores import SentenceScore, rule_hits, sentence_garble_scores
from auditor.model import Category, Flag, Severity

# Neighbour-fit calibration: P(sentence belongs) = sigmoid(a + b * cosine), fitted on news articles
# (benchmarks/garble.py --calibrate-context). Refit if the embedding model changes.
NEIGHBOUR_FIT_INTERCEPT = -3.22
NEIGHBOUR_FIT_SLOPE = 13.46
# Garble-score thresholds (benchmarks/garble.py --fit prints precision at each).
GARBLE_ALONE = 0.9  # score high enough to flag without the context signal (dev precision ~0.6)
GARBLE_WITH_MISFIT = 0.8  # score high enough when the sentence also does not fit its neighbours
MISFIT_PROBABILITY = 0.5  # P(belongs) below this counts as "does not fit"


def neighbour_fit_probability(cosine: float) -> float:
    return float(1.0 / (1.0 + np.exp(-(NEIGHBOUR_FIT_INTERCEPT + NEIGHBOUR_FIT_SLOPE * cosine))))


@dataclass(frozen=True, slots=True)
class CoherenceSignal:
    scored: SentenceScore
    neighbour_cosine: float | None  # None when the sentence has no neighbours
    belongs_probability: float | None
    explained_by_rules: bool  # G001-G003 already flag this sentence's damage precisely

    @property
    def flagged(self) -> bool:
        if self.explained_by_rules:
            return False
        if self.scored.score >= GARBLE_ALONE:
            return True
        misfit = self.belongs_probability is not None and self.belongs_probability < MISFIT_PROBABILITY
        return self.scored.score >= GARBLE_WITH_MISFIT and misfit


def coherence_signals(ctx: CheckContext) -> dict[str, list[CoherenceSignal]]:
    """doc id -> both signals for each scored sentence (cached for the score and the report)."""

    def build() -> dict[str, list[CoherenceSignal]]:
        result: dict[str, list[CoherenceSignal]] = {}
        for doc_id, scored in sentence_garble_scores(ctx).items():
            vectors = ctx.encoder.encode([s.sentence.text for s in scored]) if scored else np.zeros((0, 1))
            signals = []
            for i, item in enumerate(scored):
                neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(scored)]
                explained = rule_hits(item.sentence.text) > 0
                if not neighbours:
                    signals.append(CoherenceSignal(item, None, None, explained))
                    continue
                context = vectors[neighbours].mean(axis=0)
                context /= np.linalg.norm(context) or 1.0
                cosine = float(vectors[i] @ context)
                signals.append(CoherenceSignal(item, cosine, neighbour_fit_probability(cosine), explained))
            result[doc_id] = signals
        return result

    signals: dict[str, list[CoherenceSignal]] = ctx.artifact("coherence_signals", build)
    return signals


@rule(
    "G004",
    "incoherent-sentence",
    Category.GARBLE,
    Severity.WARNING,
    english_only=True,
    embeds_corpus=True,
    scope=DOCUMENT,
)
def incoherent_sentences(ctx: CheckContext) -> Iterator[Flag]:
    """A sentence whose wording or meaning reads as broken machine translation.

    What it flags: a whole sentence whose garble score (length-independent shape signals, word
    rarity, function-word share, repetition and an embedding direction learned from professional
    translators' judgements of MT English) is very high, or high while the sentence also does
    not fit the sentences around it (embedding similarity to its neighbours, calibrated on news).

    Why it matters: such a sentence may say something the source never said; a fact-checker
    should read the original (or another outlet) before quoting or relying on it.

    Example: "The Taliban's plan to invade and strengthen the northern region has long been at
    odds with the rebel group, Afghanistan's top security official said."
    """
    documents = {doc.id: doc for doc in ctx.documents}
    for doc_id, signals in coherence_signals(ctx).items():
        doc = documents[doc_id]
        for signal in signals:
            if not signal.flagged:
                continue
            sentence = signal.scored.sentence
            context = (
                f", fits its neighbours with P {signal.belongs_probability:.2f}"
                if signal.belongs_probability is not None
                else ""
            )
            yield Flag(
                doc,
                sentence.start,
                sentence.end,
                f"Sentence reads as garbled translation (garble score {signal.scored.score:.2f}{context}); "
                "check the original before quoting",
                confidence=round(signal.scored.score, 3),
                data=(
                    ("garble_score", round(signal.scored.score, 4)),
                    (
                        "neighbour_cosine",
                        None if signal.neighbour_cosine is None else round(signal.neighbour_cosine, 4),
                    ),
                ),
            )
