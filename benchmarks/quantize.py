"""Would an int8 model be worth offering? fp32 MiniLM vs the same model with its Linear layers
dynamically quantised to int8 (torch.quantization.quantize_dynamic): encode speed and MRPC
cosine ROC AUC, on the first N pairs of MRPC train.

    python benchmarks/quantize.py ../shared/data/mrpc-train.jsonl [--pairs 1200]

Nothing is downloaded: the model is the one the Encoder uses. Figures: docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(scores)
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    positive = labels == 1
    n1, n0 = int(positive.sum()), int((~positive).sum())
    return float((ranks[positive].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def main() -> None:
    import torch

    from auditor.embed.encoder import _load_model, default_model_path

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs_file", type=Path)
    parser.add_argument("--pairs", type=int, default=1200)
    args = parser.parse_args()
    with args.pairs_file.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle][: args.pairs]
    texts = [r["a"] for r in rows] + [r["b"] for r in rows]
    labels = np.array([r["label"] for r in rows])
    fp32 = _load_model(default_model_path())
    int8 = torch.quantization.quantize_dynamic(copy.deepcopy(fp32), {torch.nn.Linear}, dtype=torch.qint8)
    vectors = {}
    for name, model in (("fp32", fp32), ("int8", int8), ("fp32 again", fp32)):
        model.encode(texts[:64], batch_size=64, normalize_embeddings=True)  # warm-up
        start = time.perf_counter()
        v = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        seconds = time.perf_counter() - start
        vectors[name] = v
        cosine = (v[: len(rows)] * v[len(rows) :]).sum(axis=1)
        print(f"{name:10} {len(texts) / seconds:6.1f} texts/s  MRPC cosine AUC {roc_auc(cosine, labels):.4f}")
    agreement = (vectors["fp32"] * vectors["int8"]).sum(axis=1)
    print(f"cosine between fp32 and int8 vectors: mean {agreement.mean():.4f}, min {agreement.min():.4f}")
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
