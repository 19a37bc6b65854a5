"""Accuracy of the same-fact score on labelled sentence pairs, against plain cosine.

    python benchmarks/align.py PATH.jsonl            # evaluate the shipped weights
    python benchmarks/align.py PATH.jsonl --fit      # k-fold CV fit; prints a WEIGHTS table
    python benchmarks/align.py PATH.jsonl --embedding-backend onnx-int8   # torch (default), onnx, onnx-int8

PATH.jsonl holds one pair a line: {"a": ..., "b": ..., "label": 0|1}. Prints precision, recall,
F1 (at the shipped threshold) and ROC AUC of the same-fact score, with plain MiniLM cosine
beside them (at its usual cut 0.60 and at its best cut) from the same run. The last line is
machine-readable: `auc=0.812 f1=0.861 cosine_auc=0.751 cosine_f1=0.80`.

Embeddings come from the normal on-disk cache, so a second run encodes nothing. Data is read
from where it lies; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.align.anchors import Vocabulary, profile
from auditor.align.score import FEATURES, SAME_FACT_THRESHOLD, WEIGHTS, pair_features, shared_event_anchors
from auditor.embed import Encoder
from auditor.embed.backends import BACKEND_NAMES

COSINE_CUT = 0.60  # the usual cut for MiniLM cosine on MRPC


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Mann-Whitney U with average ranks for ties."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    positives = labels == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def prf(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(predicted & (labels == 1)))
    precision = tp / max(1.0, float(predicted.sum()))
    recall = tp / max(1.0, float((labels == 1).sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_cut(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(threshold, F1) maximising F1."""
    best = (0.5, 0.0)
    for cut in np.unique(np.quantile(scores, np.linspace(0.01, 0.99, 197))):
        f1 = prf(scores >= cut, labels)[2]
        if f1 > best[1]:
            best = (float(cut), f1)
    return best


def load(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    a, b, labels = [], [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                a.append(row["a"])
                b.append(row["b"])
                labels.append(int(row["label"]))
    return a, b, np.array(labels)


def feature_matrix(
    a: list[str], b: list[str], encoder: Encoder, events: list[bool] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(features, cosine) for every pair; the vocabulary is the file's own sentences.

    `events`, when given, is filled with the same-event rule's decision for each pair.
    """
    vectors_a = encoder.encode(a)
    vectors_b = encoder.encode(b)
    cosine = np.sum(vectors_a * vectors_b, axis=1)
    profiles_a = [profile(t) for t in a]
    profiles_b = [profile(t) for t in b]
    unique = {t: p for t, p in zip(a + b, profiles_a + profiles_b, strict=True)}
    vocabulary = Vocabulary(unique.values())
    rows = [
        pair_features(pa, pb, float(c), vocabulary).values
        for pa, pb, c in zip(profiles_a, profiles_b, cosine, strict=True)
    ]
    if events is not None:
        events.extend(
            bool(shared_event_anchors(pa, pb, float(c), vocabulary))
            for pa, pb, c in zip(profiles_a, profiles_b, cosine, strict=True)
        )
    return np.array(rows, dtype=np.float64), cosine.astype(np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50) -> np.ndarray:
    """Newton's method for L2-regularised logistic regression; returns [bias, *weights]."""
    design = np.hstack([np.ones((x.shape[0], 1)), x])
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


# The direction each feature may push the score: sharing more never makes two sentences less
# likely to state one fact, a conflict never more likely. Fitting under these signs keeps
# collinear features from taking a sign that only fits MRPC's quirks (there, negatives
# share entities as often as positives do).
SIGNS = {
    "cosine": 1,
    "word_jaccard": 1,
    "word_containment": 1,
    "anchor_containment": 1,
    "shared_entities": 1,
    "shared_numbers": 1,
    "number_conflict": -1,
    # 0 = not used. Similar length is a mark of a paraphrase, not of the same fact: one outlet's
    # sentence often carries the fact plus a clause more. MRPC (paraphrases) rewards it; on ECB+
    # (same event, other wording) it pulled the score's ROC AUC from 0.738 to 0.684.
    "length_ratio": 0,
    "character_similarity": 1,
    "word_order_similarity": 1,
    "unmatched_numbers": -1,
    "unmatched_entities": -1,
}


def fit_signed(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression whose weights respect SIGNS: a wrong-signed feature is dropped, then refit."""
    active = [f for f in range(x.shape[1]) if SIGNS[FEATURES[f]] != 0]
    while True:
        w = fit_logistic(x[:, active], y)
        wrong = [f for f, value in zip(active, w[1:], strict=True) if value * SIGNS[FEATURES[f]] < 0]
        if not wrong:
            full = np.zeros(x.shape[1] + 1)
            full[0] = w[0]
            for f, value in zip(active, w[1:], strict=True):
                full[f + 1] = value
            return full
        active = [f for f in active if f not in wrong]


def predict(weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-(weights[0] + x @ weights[1:]))))


def cross_validate(x: np.ndarray, y: np.ndarray, folds: int, seed: int = 0) -> tuple[float, float, float]:
    """Mean held-out (AUC, F1 at the best training-fold cut, that cut) over k folds."""
    rng = np.random.default_rng(seed)
    fold_of = rng.permutation(len(y)) % folds
    aucs, f1s, cuts = [], [], []
    for k in range(folds):
        train, test = fold_of != k, fold_of == k
        w = fit_signed(x[train], y[train])
        cut, _ = best_cut(predict(w, x[train]), y[train])
        held_out = predict(w, x[test])
        aucs.append(roc_auc(held_out, y[test]))
        f1s.append(prf(held_out >= cut, y[test])[2])
        cuts.append(cut)
    return float(np.mean(aucs)), float(np.mean(f1s)), float(np.mean(cuts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--fit", action="store_true", help="k-fold CV fit of the weights; prints the table")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--model", default=None, help="sentence-transformers model path (default: MiniLM)")
    parser.add_argument(
        "--embedding-backend", choices=BACKEND_NAMES, default=None, help="torch (default), onnx or onnx-int8"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    a, b, labels = load(args.path)
    encoder = Encoder(model=args.model, backend=args.embedding_backend)
    events: list[bool] = []
    x, cosine = feature_matrix(a, b, encoder, events)
    print(
        f"{args.path}: {len(labels)} pairs, {int(labels.sum())} positive; backend {encoder.backend.name}; "
        f"{encoder.encoded_count} sentences encoded ({time.perf_counter() - started:.0f}s)"
    )

    if args.fit:
        cv_auc, cv_f1, cv_cut = cross_validate(x, labels, args.folds)
        print(f"{args.folds}-fold CV: auc={cv_auc:.3f} f1={cv_f1:.3f} (mean best cut {cv_cut:.2f})")
        w = fit_signed(x, labels)
        cut, f1 = best_cut(predict(w, x), labels)
        print("WEIGHTS: dict[str, float] = {")
        print(f'    "bias": {w[0]:.3f},')
        for name, value in zip(FEATURES, w[1:], strict=True):
            print(f'    "{name}": {value:.3f},')
        print("}")
        print(f"SAME_FACT_THRESHOLD = {cut:.2f}  # best F1 {f1:.3f} on the full file")

    weights = np.array([WEIGHTS["bias"], *(WEIGHTS[name] for name in FEATURES)])
    score = predict(weights, x)
    auc = roc_auc(score, labels)
    precision, recall, f1 = prf(score >= SAME_FACT_THRESHOLD, labels)
    cos_auc = roc_auc(cosine, labels)
    cos_p, cos_r, cos_f1 = prf(cosine >= COSINE_CUT, labels)
    cos_cut, cos_best = best_cut(cosine, labels)
    _, score_best = best_cut(score, labels)
    always_yes = prf(np.ones_like(labels, dtype=bool), labels)[2]
    print(f"{'':24}{'precision':>10}{'recall':>8}{'F1':>7}{'best F1':>9}{'ROC AUC':>9}")
    print(
        f"{'same-fact score @' + format(SAME_FACT_THRESHOLD, '.2f'):24}{precision:>10.3f}{recall:>8.3f}"
        f"{f1:>7.3f}{score_best:>9.3f}{auc:>9.3f}"
    )
    print(
        f"{'cosine @' + format(COSINE_CUT, '.2f'):24}{cos_p:>10.3f}{cos_r:>8.3f}{cos_f1:>7.3f}"
        f"{cos_best:>9.3f}{cos_auc:>9.3f}"
    )
    decision = (score >= SAME_FACT_THRESHOLD) | np.array(events, dtype=bool)
    d_p, d_r, d_f1 = prf(decision, labels)
    print(f"{'clusters: score or event':24}{d_p:>10.3f}{d_r:>8.3f}{d_f1:>7.3f}")
    print(f"(cosine's best cut {cos_cut:.2f}; F1 of always saying 'same': {always_yes:.3f})")
    print(
        f"auc={auc:.3f} f1={f1:.3f} precision={precision:.3f} recall={recall:.3f} "
        f"cosine_auc={cos_auc:.3f} cosine_f1={cos_f1:.3f} cluster_f1={d_f1:.3f}"
    )


if __name__ == "__main__":
    main()
