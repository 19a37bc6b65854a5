"""benchmarks/align.py on a small made-up pair file: its metrics and its machine-readable last line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from benchmark_scripts import last_line_fields, load_benchmark

PAIRS = [
    ("Both sides met in Qatar on Saturday.", "Negotiators from both sides met in Doha on Saturday.", 1),
    ("The floods killed 12 people in the north.", "Twelve people died in floods in the north.", 1),
    ("Parliament passed the budget on Tuesday.", "Lawmakers approved the budget on Tuesday.", 1),
    ("The floods killed 12 people in the north.", "The central bank raised interest rates.", 0),
    ("Parliament passed the budget on Tuesday.", "A goalkeeper saved two penalties in the final.", 0),
    ("Both sides met in Qatar on Saturday.", "The company recalled 40,000 cars over faulty brakes.", 0),
]


def test_roc_auc_counts_ties_half() -> None:
    bench = load_benchmark("align")
    labels = np.array([1, 1, 0, 0])
    assert bench.roc_auc(np.array([0.9, 0.8, 0.2, 0.1]), labels) == 1.0
    assert bench.roc_auc(np.array([0.5, 0.5, 0.5, 0.5]), labels) == 0.5
    assert bench.prf(np.array([True, False, True, False]), labels) == (0.5, 0.5, 0.5)


def test_benchmark_prints_machine_readable_last_line(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps({"a": a, "b": b, "label": y}) for a, b, y in PAIRS) + "\n", encoding="utf-8")
    fields = last_line_fields("align", str(path))
    assert {"auc", "f1", "cosine_auc"} <= set(fields)
    assert float(fields["auc"]) == 1.0  # same facts in other words score above unrelated news
    assert float(fields["cosine_auc"]) == 1.0
