"""Calibrate the editor diff's sentence pairing (auditor.diff.pair_sentences) on labelled data.

The diff must pair a sentence with its edited or reworded counterpart and must NOT pair two
different statements about a similar story. Data (read from /work/shared/data, never copied):
- positives: MRPC training pairs labelled paraphrase (news sentences from different outlets
  that say the same thing): these should pair;
- hard negatives: ECB+ sentence pairs from articles of one topic about the *other* seminal
  event (similar vocabulary, different statements), labelled as sharing no event: these must not.
MRPC pairs labelled "not a paraphrase" are often the same sentence with content edited, which an
editor diff *should* pair; they are reported, not scored.

Five-fold cross-validation: the thresholds are chosen on four folds (highest recall with a
false-pair rate at most MAX_FALSE_PAIRS) and evaluated on the fifth.

Run: .venv/bin/python benchmarks/diff_pairing.py [--data /work/shared/data]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from auditor.diff import LEXICAL_WEIGHT, PAIR_SCORE, STRONG_COSINE, STRONG_LEXICAL, lexical_similarity
from auditor.embed import Encoder

MAX_FALSE_PAIRS = 0.01
GRID_SCORE = np.arange(0.50, 0.86, 0.02)
GRID_LEXICAL = np.arange(0.40, 0.86, 0.05)
GRID_COSINE = np.arange(0.70, 0.97, 0.02)


def load(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    positives: list[tuple[str, str]] = []
    unsure: list[tuple[str, str]] = []
    negatives: list[tuple[str, str]] = []
    for line in (data / "mrpc-train.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        (positives if row["label"] == 1 else unsure).append((row["a"], row["b"]))
    for line in (data / "ecbplus" / "pairs-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["label"] == 0 and row["kind"] == "other-event":
            negatives.append((row["a"], row["b"]))
    return positives, unsure, negatives


def signals(pairs: list[tuple[str, str]], encoder: Encoder) -> tuple[np.ndarray, np.ndarray]:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    va, vb = encoder.encode(a), encoder.encode(b)
    cosine = np.clip(np.sum(va * vb, axis=1), 0.0, 1.0)
    lexical = np.array([lexical_similarity([x], [y])[0, 0] for x, y in pairs], dtype=np.float32)
    return lexical, cosine


def paired(lexical: np.ndarray, cosine: np.ndarray, score: float, strong_lex: float, strong_cos: float) -> np.ndarray:
    combined = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * cosine
    return (combined >= score) & ((lexical >= strong_lex) | (cosine >= strong_cos))


def choose(pos: tuple[np.ndarray, np.ndarray], neg: tuple[np.ndarray, np.ndarray]) -> tuple[float, float, float]:
    best: tuple[float, float, float, float, float] = (-1.0, 0.0, 0.0, 0.0, 0.0)
    for score, strong_lex, strong_cos in itertools.product(GRID_SCORE, GRID_LEXICAL, GRID_COSINE):
        false_rate = paired(*neg, score, strong_lex, strong_cos).mean()
        if false_rate > MAX_FALSE_PAIRS:
            continue
        recall = paired(*pos, score, strong_lex, strong_cos).mean()
        candidate = (recall, -false_rate, score, strong_lex, strong_cos)
        if candidate[:2] > best[:2]:
            best = candidate
    return float(best[2]), float(best[3]), float(best[4])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    positives, unsure, negatives = load(args.data)
    encoder = Encoder()
    pos, neg, uns = signals(positives, encoder), signals(negatives, encoder), signals(unsure, encoder)
    rng = np.random.default_rng(20211)
    pos_fold = rng.integers(0, args.folds, len(positives))
    neg_fold = rng.integers(0, args.folds, len(negatives))

    recalls, false_rates = [], []
    for fold in range(args.folds):
        train = (
            (pos[0][pos_fold != fold], pos[1][pos_fold != fold]),
            (neg[0][neg_fold != fold], neg[1][neg_fold != fold]),
        )
        thresholds = choose(*train)
        recalls.append(paired(pos[0][pos_fold == fold], pos[1][pos_fold == fold], *thresholds).mean())
        false_rates.append(paired(neg[0][neg_fold == fold], neg[1][neg_fold == fold], *thresholds).mean())
        print(
            f"fold {fold}: thresholds {tuple(round(t, 2) for t in thresholds)} "
            f"held-out recall {recalls[-1]:.3f} false pairs {false_rates[-1]:.4f}"
        )
    print(
        f"cross-validated: recall {np.mean(recalls):.3f} ± {np.std(recalls):.3f}, "
        f"false pairs {np.mean(false_rates):.4f} ± {np.std(false_rates):.4f}"
    )

    full = choose(pos, neg)
    print(
        f"thresholds chosen on all data: PAIR_SCORE={full[0]:.2f} "
        f"STRONG_LEXICAL={full[1]:.2f} STRONG_COSINE={full[2]:.2f}"
    )
    current = (PAIR_SCORE, STRONG_LEXICAL, STRONG_COSINE)
    print(
        f"in auditor/diff.py now {current}: recall {paired(*pos, *current).mean():.3f}, "
        f"false pairs {paired(*neg, *current).mean():.4f} ({len(negatives)} ECB+ other-event pairs), "
        f"MRPC non-paraphrases paired {paired(*uns, *current).mean():.3f}"
    )


if __name__ == "__main__":
    main()
