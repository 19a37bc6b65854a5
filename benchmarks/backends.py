"""Embedding backends side by side: start-up, throughput, peak memory, accuracy, agreement with torch.

    python benchmarks/backends.py ../shared/data/mrpc-train.jsonl              # first 1,200 pairs
    python benchmarks/backends.py PAIRS.jsonl --pairs 3668 --threads 1         # onnxruntime threads

Each backend runs in a NEW PROCESS on the same sentences (both sides of the first --pairs MRPC
pairs), so start-up and peak memory are its own: start-up is importing auditor and loading the
model (the ONNX file already exported; it is exported first, outside the timing, when missing);
throughput is a bare `model.encode` (batch 64) after a warm-up batch; peak memory is VmHWM.
Accuracy is the ROC AUC of plain cosine on the pairs' labels, and each ONNX variant's vectors
are compared with torch's (cosine per sentence: min and mean). The load average is printed
with each run: the machine is shared, and load slows the encoder most.

Data is read from where it lies; nothing is copied into the repository.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before any import that start-up should count

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def read_pairs(path: Path, count: int) -> tuple[list[str], np.ndarray]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle][:count]
    return [r["a"] for r in rows] + [r["b"] for r in rows], np.array([r["label"] for r in rows])


def run_backend(backend: str, pairs_file: Path, pairs: int, threads: int | None, vectors_file: Path) -> None:
    """--child: load the model on `backend`, encode, print one JSON line, save the vectors."""
    from auditor.embed import Encoder
    from auditor.embed.encoder import SentenceModel

    encoder = Encoder(use_cache=False, backend=backend)
    model: SentenceModel
    if backend != "torch":
        from auditor.embed.onnx_export import ensure_onnx_file, onnx_file_path
        from auditor.embed.onnx_model import OnnxSentenceModel

        model_dir = Path(encoder.model_path)
        quantization = encoder.backend.quantization
        if not onnx_file_path(model_dir, encoder.model_name, quantization, encoder.cache_dir).is_file():
            print(f"exporting the {backend} model first; re-run for a start-up time", file=sys.stderr)
        onnx_file = ensure_onnx_file(model_dir, encoder.model_name, quantization, encoder.cache_dir)
        model = OnnxSentenceModel(onnx_file, model_dir, threads=threads)
    else:
        model = encoder.model
    startup = time.perf_counter() - STARTED
    texts, _ = read_pairs(pairs_file, pairs)
    model.encode(texts[:64], 64)  # warm-up: first-run allocations are not throughput
    start = time.perf_counter()
    vectors = model.encode(texts, 64)
    seconds = time.perf_counter() - start
    np.save(vectors_file, vectors)
    print(json.dumps({"startup_s": startup, "texts_per_s": len(texts) / seconds, "peak_mb": peak_rss_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs_file", type=Path)
    parser.add_argument("--pairs", type=int, default=1200)
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx", "onnx-int8"])
    parser.add_argument("--threads", type=int, default=None, help="onnxruntime intra-op threads (default: its own)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--vectors", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_backend(args.child, args.pairs_file, args.pairs, args.threads, args.vectors)
        return

    from align import roc_auc  # beside this script; here, not at the top: the children's start-up would count it

    texts, labels = read_pairs(args.pairs_file, args.pairs)
    print(f"{len(texts)} sentences from {args.pairs_file}; onnxruntime threads: {args.threads or 'default'}")
    print(
        f"{'backend':10}{'start-up':>10}{'texts/s':>9}{'peak MB':>9}{'MRPC AUC':>10}{'cos min':>9}{'cos mean':>10}  load"
    )
    with tempfile.TemporaryDirectory() as workdir:
        vectors: dict[str, np.ndarray] = {}
        for backend in args.backends:
            before = load_average()
            out = Path(workdir) / f"{backend}.npy"
            threads = ["--threads", str(args.threads)] if args.threads else []
            command = [sys.executable, __file__, str(args.pairs_file), "--pairs", str(args.pairs)]
            done = subprocess.run(
                [*command, "--child", backend, "--vectors", str(out), *threads],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "HF_HUB_OFFLINE": "1"},
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            vectors[backend] = np.load(out)
            half = len(labels)
            auc = roc_auc((vectors[backend][:half] * vectors[backend][half:]).sum(axis=1), labels)
            agreement = ""
            if "torch" in vectors and backend != "torch":
                cosines = (vectors[backend] * vectors["torch"]).sum(axis=1)
                agreement = f"{cosines.min():>9.4f}{cosines.mean():>10.5f}"
            print(
                f"{backend:10}{result['startup_s']:>9.2f}s{result['texts_per_s']:>9.1f}{result['peak_mb']:>9.0f}"
                f"{auc:>10.4f}{agreement or ' ' * 19}  {before} -> {load_average()}",
                flush=True,
            )


if __name__ == "__main__":
    main()
