"""Garble-score benchmark: ROC AUC and best F1 of the sentence garble score on a labelled JSONL.

    python benchmarks/garble.py PATH.jsonl                # evaluate the shipped model
    python benchmarks/garble.py PATH.jsonl --fit          # cross-validate, ablate, write garble_model.json
    python benchmarks/garble.py PATH.jsonl --no-embeddings

Each line of PATH.jsonl has `text` and `label` ("garbled" | "clean"). A sentence-length-only
baseline (word count) is computed in the same run. The last line is machine-readable:
`auc=0.79 f1=0.52 length_auc=0.68`.

--fit uses grouped cross-validation: rows sharing `doc` (the same talk: the same source
sentences translated by several systems) never sit in both train and test folds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.checks.scores import HAND_FEATURES, MODEL_PATH, GarbleModel, hand_features


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Mann-Whitney AUC with ties counted half."""
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    positives = labels.sum()
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    return float((ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def best_f1(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """Best F1 over all thresholds, and the threshold that gives it."""
    order = np.argsort(-scores)
    sorted_labels = labels[order]
    true_positives = np.cumsum(sorted_labels)
    predicted = np.arange(1, len(labels) + 1)
    precision = true_positives / predicted
    recall = true_positives / max(labels.sum(), 1)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0)
    best = int(np.argmax(f1))
    return float(f1[best]), float(scores[order][best])


def load(path: Path) -> tuple[list[dict[str, object]], np.ndarray]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = np.array([1 if r["label"] == "garbled" else 0 for r in rows])
    return rows, labels


def embed(texts: list[str], cache_dir: str | None) -> np.ndarray:
    from auditor.embed import Encoder

    return Encoder(cache_dir=cache_dir).encode(texts)


def fit_logistic(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def design(hand: np.ndarray, vectors: np.ndarray | None, columns: list[int], mean: np.ndarray, scale: np.ndarray):
    standardized = (hand[:, columns] - mean[columns]) / scale[columns]
    return standardized if vectors is None else np.hstack([standardized, vectors])


def cross_validated_scores(
    hand: np.ndarray, vectors: np.ndarray | None, y: np.ndarray, groups: np.ndarray, columns: list[int], c: float
) -> np.ndarray:
    out = np.zeros(len(y))
    for group in np.unique(groups):
        test = groups == group
        train = ~test
        mean, scale = hand[train].mean(axis=0), hand[train].std(axis=0) + 1e-9
        coef, intercept = fit_logistic(
            design(hand[train], vectors[train] if vectors is not None else None, columns, mean, scale), y[train], c
        )
        x_test = design(hand[test], vectors[test] if vectors is not None else None, columns, mean, scale)
        out[test] = x_test @ coef + intercept
    return out


def groups_of(rows: list[dict[str, object]]) -> np.ndarray:
    if all("doc" in r for r in rows):
        return np.array([str(r["doc"]) for r in rows])
    return np.arange(len(rows)) % 5  # no grouping information: five interleaved folds


def fit(rows: list[dict[str, object]], y: np.ndarray, hand: np.ndarray, vectors: np.ndarray | None) -> None:
    groups = groups_of(rows)
    all_columns = list(range(len(HAND_FEATURES)))
    print(f"grouped CV over {len(np.unique(groups))} groups")
    best_c, best_auc = 1.0, -1.0
    for c in (0.01, 0.03, 0.1, 0.3, 1.0):
        auc = roc_auc(y, cross_validated_scores(hand, vectors, y, groups, all_columns, c))
        print(f"  C={c}: cv auc={auc:.3f}")
        if auc > best_auc:
            best_c, best_auc = c, auc
    print(f"chosen C={best_c} (cv auc {best_auc:.3f})")

    print("ablation (cv auc): all signals, without one, and each alone")
    print(f"  all: {best_auc:.3f}")
    if vectors is not None:
        hand_only = roc_auc(y, cross_validated_scores(hand, None, y, groups, all_columns, best_c))
        print(f"  without embedding direction: {hand_only:.3f}")
        alone = roc_auc(y, cross_validated_scores(hand[:, :0], vectors, y, groups, [], best_c))
        print(f"  embedding direction alone: {alone:.3f}")
    for i, name in enumerate(HAND_FEATURES):
        rest = [j for j in all_columns if j != i]
        without = roc_auc(y, cross_validated_scores(hand, vectors, y, groups, rest, best_c))
        single = roc_auc(y, hand[:, i]) if np.std(hand[:, i]) > 0 else 0.5
        print(f"  without {name}: {without:.3f}   {name} alone (raw): {single:.3f}")

    mean, scale = hand.mean(axis=0), hand.std(axis=0) + 1e-9
    coef, intercept = fit_logistic(design(hand, vectors, all_columns, mean, scale), y, best_c)
    n_hand = len(HAND_FEATURES)
    z = design(hand, vectors, all_columns, mean, scale) @ coef + intercept
    probability = 1 / (1 + np.exp(-z))
    model = {
        "about": "garble score: logistic regression fitted by benchmarks/garble.py --fit on garble-dev.jsonl "
        "(class-balanced, so 0.5 is the point where garbled and clean are equally likely)",
        "features": list(HAND_FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef[:n_hand]],
        "embedding_coef": [round(float(v), 6) for v in coef[n_hand:]] if vectors is not None else None,
        "intercept": round(intercept, 6),
        "clean_median": round(float(np.median(probability[y == 0])), 4),
        "rule_floor": 0.9,
        "cv_auc": round(best_auc, 4),
        "C": best_c,
    }
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


def calibrate_context(articles_path: Path, cache_dir: str | None, limit: int = 300) -> None:
    """Fit the heading-fit (G005) and neighbour-fit (G004) cosine calibrations on news articles.

    Articles: ECB+ `articles.jsonl` (one sentence a line; ECB+ half starts with a title line).
    Headings: a title against the mean of the article's first body sentences (positive) and against
    those of an article from another topic (negative). Neighbours: a sentence against the mean of
    its two neighbours (positive), and a sentence of another topic's article in its place (negative).
    """
    rng = np.random.default_rng(20140526)
    articles = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [a for a in articles if str(a["id"]).endswith("ecbplus")]
    rng.shuffle(articles)
    articles = articles[:limit]
    split = [[line for line in str(a["text"]).splitlines() if line.strip()] for a in articles]
    keep = [i for i, lines in enumerate(split) if len(lines) >= 6]
    texts = sorted({line for i in keep for line in split[i][:8]})
    vectors = dict(zip(texts, embed(texts, cache_dir), strict=True))

    def centroid(lines: list[str]) -> np.ndarray:
        v = np.mean([vectors[t] for t in lines], axis=0)
        return v / (np.linalg.norm(v) or 1.0)

    heading_x, heading_y, neighbour_x, neighbour_y = [], [], [], []
    for i in keep:
        lines = split[i][:8]
        j = keep[int(rng.integers(len(keep)))]
        if articles[j]["topic"] == articles[i]["topic"]:
            continue  # negatives come from another story
        other = split[j][:8]
        body = [t for t in lines[1:] if len(t.split()) >= 6][:4]
        other_body = [t for t in other[1:] if len(t.split()) >= 6][:4]
        if len(body) < 2 or len(other_body) < 2:
            continue
        title = vectors[lines[0]]
        heading_x += [float(title @ centroid(body)), float(title @ centroid(other_body))]
        heading_y += [1, 0]
        context = centroid([body[0], body[2]] if len(body) > 2 else [body[0]])
        neighbour_x += [float(vectors[body[1]] @ context), float(vectors[other_body[1]] @ context)]
        neighbour_y += [1, 0]
    for name, xs, ys in (("heading fit", heading_x, heading_y), ("neighbour fit", neighbour_x, neighbour_y)):
        x, y = np.array(xs)[:, None], np.array(ys)
        coef, intercept = fit_logistic(x, y, 100.0)
        print(
            f"{name}: {len(ys) // 2} pairs, cosine AUC {roc_auc(y, x[:, 0]):.3f}, "
            f"P = sigmoid({intercept:.2f} + {coef[0]:.2f} * cosine); "
            f"positives' cosine 5th percentile {np.percentile(x[y == 1, 0], 5):.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--fit", action="store_true", help="cross-validate, ablate and write the model")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--cache-dir", default=os.environ.get("AUDITOR_CACHE_DIR"))
    parser.add_argument(
        "--calibrate-context",
        type=Path,
        metavar="ARTICLES_JSONL",
        help="fit the G004/G005 cosine calibrations on news articles (ECB+ articles.jsonl)",
    )
    args = parser.parse_args()
    if args.calibrate_context:
        calibrate_context(args.calibrate_context, args.cache_dir)
        return

    rows, y = load(args.path)
    texts = [str(r["text"]) for r in rows]
    hand = np.array([hand_features(t) for t in texts], dtype=np.float64)
    shipped = GarbleModel.load() if MODEL_PATH.exists() else None
    wants_embeddings = args.fit or (shipped is not None and shipped.uses_embeddings)
    vectors = embed(texts, args.cache_dir) if wants_embeddings and not args.no_embeddings else None
    if args.fit:
        fit(rows, y, hand, vectors)

    model = GarbleModel.load()
    scores = model.score(hand, vectors)
    length = np.array([len(t.split()) for t in texts], dtype=np.float64)
    auc, (f1, threshold) = roc_auc(y, scores), best_f1(y, scores)
    length_auc, (length_f1, _) = roc_auc(y, length), best_f1(y, length)
    print(f"{args.path.name}: {len(rows)} segments, {int(y.sum())} garbled")
    print(f"garble score: ROC AUC {auc:.3f}, best F1 {f1:.3f} (at score >= {threshold:.3f})")
    print(f"length only:  ROC AUC {length_auc:.3f}, best F1 {length_f1:.3f}")
    if args.fit:
        print("(scores of the model fitted on this file: in-sample; the CV figure above is the honest one)")
    print(f"auc={auc:.2f} f1={f1:.2f} length_auc={length_auc:.2f}")


if __name__ == "__main__":
    main()
