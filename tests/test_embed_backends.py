"""Embedding backends: the ONNX export of the packaged model against the torch reference.

Real model, no mocks. The ONNX files are exported once per session into their own cache
directory (fp32 by torch's exporter, int8 quantized from it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from auditor.config import Config, ConfigError, config_from_table
from auditor.corpus import read_corpus
from auditor.embed import DEFAULT_MODEL, Encoder, default_model_path
from auditor.embed.backends import BACKEND_NAMES, QUANTIZATIONS, parse_backend
from auditor.embed.onnx_export import ensure_onnx_file, onnx_file_path
from auditor.report.model import Report
from auditor.text import segment_document

ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = ("torch", "transformers", "sentence_transformers")
EQUIVALENT_COSINE = 0.99  # the tolerance for offering a backend as equivalent to the reference


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("onnx-cache")
    for quantization in QUANTIZATIONS:
        ensure_onnx_file(Path(default_model_path()), DEFAULT_MODEL, quantization, cache)
    return cache


@pytest.fixture(scope="session")
def fixture_texts(fixtures_dir: Path) -> list[str]:
    """Every sentence of the fixtures, and each whole article: longer than the model's 256
    tokens, so truncation must match sentence-transformers' too."""
    documents = [segment_document(d) for d in read_corpus([fixtures_dir]).documents]
    sentences = sorted({s.text for d in documents for s in d.sentences})
    return sentences + [d.text for d in documents]


@pytest.fixture(scope="session")
def reference_vectors(encoder: Encoder, fixture_texts: list[str]) -> np.ndarray:
    return encoder.encode(fixture_texts)


def cosines_to_reference(backend: str, cache: Path, texts: list[str], reference: np.ndarray) -> np.ndarray:
    vectors = Encoder(cache_dir=cache, use_cache=False, backend=backend).encode(texts)
    return np.asarray((vectors * reference).sum(axis=1))


def test_onnx_fp32_vectors_equal_the_torch_reference(
    onnx_cache: Path, fixture_texts: list[str], reference_vectors: np.ndarray
) -> None:
    cosines = cosines_to_reference("onnx", onnx_cache, fixture_texts, reference_vectors)
    assert cosines.min() >= EQUIVALENT_COSINE
    assert cosines.min() >= 0.9999  # float error only: same tokens, same pooling, same truncation


def test_onnx_int8_vectors_are_near_the_reference_but_not_equivalent(
    onnx_cache: Path,
    fixture_texts: list[str],
    reference_vectors: np.ndarray,
    record_property: Callable[[str, object], None],
) -> None:
    """Measured, not equivalent: docs/PERFORMANCE.md gives the figures; thresholds stay fp32's."""
    cosines = cosines_to_reference("onnx-int8", onnx_cache, fixture_texts, reference_vectors)
    record_property("int8_cosine_min", float(cosines.min()))
    record_property("int8_cosine_mean", float(cosines.mean()))
    print(f"int8 vs torch cosine: min {cosines.min():.4f}, mean {cosines.mean():.4f}")
    assert cosines.mean() >= 0.93  # measured 0.958: still the same model, not noise


AUDIT_IN_NEW_PROCESS = """
import json, sys
from auditor import audit
from auditor.config import Config
report = audit([sys.argv[1]], Config(cache_dir=sys.argv[2], embedding_backend=sys.argv[3]))
print(json.dumps({
    "findings": sorted([f.rule, f.doc, f.start, f.end] for f in report.findings),
    "imported": [name for name in sys.argv[4].split(",") if name in sys.modules],
}))
"""


@pytest.fixture(scope="session")
def onnx_audit(fixtures_dir: Path, onnx_cache: Path) -> dict[str, Any]:
    """The fixtures audited with the onnx backend in a new process (so its imports are its own)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            AUDIT_IN_NEW_PROCESS,
            str(fixtures_dir),
            str(onnx_cache),
            "onnx",
            ",".join(HEAVY_MODULES),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_audit_with_onnx_gives_the_reference_findings(fixture_report: Report, onnx_audit: dict[str, Any]) -> None:
    reference = sorted([f.rule, f.doc, f.start, f.end] for f in fixture_report.findings)
    assert onnx_audit["findings"] == reference


def test_audit_with_onnx_never_imports_torch(onnx_audit: dict[str, Any]) -> None:
    assert onnx_audit["imported"] == []


def test_export_is_remade_when_the_weights_checksum_changes(tmp_path: Path, onnx_cache: Path) -> None:
    model_dir = Path(default_model_path())
    exported = onnx_file_path(model_dir, DEFAULT_MODEL, "fp32", onnx_cache)
    cache = tmp_path / "cache"
    (cache / "onnx").mkdir(parents=True)
    shutil.copy(exported, cache / "onnx" / exported.name)
    assert ensure_onnx_file(model_dir, DEFAULT_MODEL, "fp32", cache) == cache / "onnx" / exported.name

    # The same model with one weight nudged: the first data byte of safetensors is the lowest
    # mantissa byte of a float32, so the model still loads and works.
    changed = tmp_path / "changed-model"
    shutil.copytree(model_dir, changed, ignore=shutil.ignore_patterns("model.safetensors"))
    weights = bytearray((model_dir / "model.safetensors").read_bytes())
    first_data_byte = 8 + int.from_bytes(weights[:8], "little")
    weights[first_data_byte] ^= 1
    (changed / "model.safetensors").write_bytes(bytes(weights))

    remade = ensure_onnx_file(changed, DEFAULT_MODEL, "fp32", cache)
    assert remade != cache / "onnx" / exported.name and remade.is_file()
    assert sorted(p.name for p in (cache / "onnx").iterdir()) == [remade.name]  # the superseded file is gone


def test_backends_keep_their_vectors_apart_in_the_cache() -> None:
    torch_id = Encoder(use_cache=False).model_id
    assert torch_id == DEFAULT_MODEL  # the reference's cache entries stay valid
    ids = {Encoder(use_cache=False, backend=name).model_id for name in BACKEND_NAMES}
    assert len(ids) == len(BACKEND_NAMES)


def test_backend_is_chosen_by_config_environment_and_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from auditor import cli

    assert config_from_table({"embedding-backend": "ONNX-int8"}, "auditor.toml").embedding_backend == "onnx-int8"
    with pytest.raises(ConfigError, match="embedding-backend must be one of torch, onnx, onnx-int8"):
        config_from_table({"embedding-backend": "tensorflow"}, "auditor.toml")

    monkeypatch.setenv("AUDITOR_EMBEDDING_BACKEND", "onnx")
    assert Encoder.from_config(Config()).backend == parse_backend("onnx")
    assert Encoder.from_config(Config(embedding_backend="torch")).backend == parse_backend("torch")

    assert tuple(cli.EmbeddingBackendName) == BACKEND_NAMES
    assert tuple(cli.Quantization) == QUANTIZATIONS
    chosen: list[str | None] = []

    def record(*args: object, **kwargs: object) -> Encoder:
        config = next(a for a in (*args, *kwargs.values()) if isinstance(a, Config))
        chosen.append(config.embedding_backend)
        raise ValueError("recorded; stop here")

    monkeypatch.setattr(Encoder, "from_config", classmethod(record))
    monkeypatch.setattr("auditor.pipeline.audit", record)
    article = tmp_path / "a.txt"
    article.write_text("One sentence.\n", encoding="utf-8")
    for command in (["audit", str(article)], ["baseline", str(article)], ["diff", str(article), str(article)]):
        CliRunner().invoke(cli.app, [*command, "--embedding-backend", "onnx-int8"])
    assert chosen == ["onnx-int8"] * 3


def test_model_export_command_reports_an_existing_file(onnx_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.cli import app

    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(onnx_cache))
    result = CliRunner().invoke(app, ["model", "export", "--quantization", "int8"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stderr and "onnx-int8" in result.stderr


def test_model_export_refuses_a_folder_without_a_sentence_transformers_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.cli import app

    monkeypatch.setenv("AUDITOR_MODEL", str(tmp_path))
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["model", "export"])
    assert result.exit_code == 2
    assert "modules.json" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_onnx_batches_side_by_side_give_the_serial_vectors(onnx_cache: Path, fixture_texts: list[str]) -> None:
    from auditor.embed.onnx_model import OnnxSentenceModel

    onnx_file = onnx_file_path(Path(default_model_path()), DEFAULT_MODEL, "fp32", onnx_cache)
    model_dir = Path(default_model_path())
    texts = fixture_texts[:150]
    serial = OnnxSentenceModel(onnx_file, model_dir, workers=1).encode(texts, 16)
    side_by_side = {w: OnnxSentenceModel(onnx_file, model_dir, workers=w).encode(texts, 16) for w in (2, 3)}
    assert np.array_equal(side_by_side[2], side_by_side[3])  # the same batches whatever the worker count
    assert np.abs(side_by_side[2] - serial).max() < 1e-5
    assert OnnxSentenceModel(onnx_file, model_dir).workers >= 1  # default: one per core
    assert OnnxSentenceModel(onnx_file, model_dir, threads=2).workers == 1  # threads asked: serial, as before
