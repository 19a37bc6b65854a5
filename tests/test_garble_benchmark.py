"""benchmarks/garble.py: its metrics and its machine-readable last line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from benchmark_scripts import last_line_fields, load_benchmark


def test_roc_auc_and_best_f1() -> None:
    bench = load_benchmark("garble")
    labels = np.array([1, 1, 0, 0])
    assert bench.roc_auc(labels, np.array([0.9, 0.8, 0.2, 0.1])) == 1.0
    assert bench.roc_auc(labels, np.array([0.1, 0.2, 0.8, 0.9])) == 0.0
    assert bench.roc_auc(labels, np.array([0.5, 0.5, 0.5, 0.5])) == 0.5
    f1, threshold = bench.best_f1(labels, np.array([0.9, 0.8, 0.2, 0.1]))
    assert f1 == 1.0 and threshold == 0.8


def test_benchmark_prints_machine_readable_last_line(tmp_path: Path) -> None:
    rows = [
        {"text": "At the time, about 2 5 Hundreds U S. troops were in the country.", "label": "garbled"},
        {"text": "The Taliban continue to carry out these attacks and attacks in the region.", "label": "garbled"},
        {"text": "The talks failed.", "label": "clean"},
        {"text": "Officials said the border crossing had reopened on Saturday after the fighting.", "label": "clean"},
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    fields = last_line_fields("garble", str(path))
    assert set(fields) == {"auc", "f1", "length_auc"}
    assert float(fields["auc"]) == 1.0  # the rule detectors put both damaged sentences on top
