"""Embeddings: the on-disk cache, batching, the progress bar and the configurable model."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pytest

from auditor.embed import Encoder
from auditor.embed.progress import encoding_progress

SENTENCES = [
    "Negotiations for peace in Doha have stalled, officials said.",
    "Both sides met in Qatar on Saturday, as they have done for months.",
    "The Taliban launched an all-out offensive in May.",
]


def test_reencode_runs_nothing_through_the_model(tmp_path: Path, encoder: Encoder) -> None:
    first = Encoder(cache_dir=tmp_path)
    vectors = first.encode(SENTENCES)
    assert first.encoded_count == len(SENTENCES)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)

    again = Encoder(cache_dir=tmp_path)  # a new process: only the SQLite file is shared
    assert np.allclose(again.encode(SENTENCES), vectors, atol=1e-6)
    assert again.encoded_count == 0

    # Only the one new sentence is embedded; the order of the output follows the input.
    mixed = again.encode([SENTENCES[2], "A new sentence about something else entirely.", SENTENCES[0]])
    assert again.encoded_count == 1
    assert np.allclose(mixed[0], vectors[2], atol=1e-6) and np.allclose(mixed[2], vectors[0], atol=1e-6)


def test_cache_is_keyed_by_model(tmp_path: Path) -> None:
    from auditor.embed.encoder import EmbeddingCache

    cache = EmbeddingCache(tmp_path / "e.sqlite")
    key = EmbeddingCache.key("x")
    cache.put_many("model-a", {key: np.ones(4, dtype=np.float32)})
    assert key in cache.get_many("model-a", [key])
    assert cache.get_many("model-b", [key]) == {}


def test_duplicates_are_encoded_once(tmp_path: Path) -> None:
    enc = Encoder(cache_dir=tmp_path, batch_size=2)
    vectors = enc.encode([SENTENCES[0]] * 5 + SENTENCES)
    assert enc.encoded_count == 3
    assert np.allclose(vectors[0], vectors[5], atol=1e-6)


def test_model_path_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.embed import default_model_path

    monkeypatch.setenv("AUDITOR_MODEL", default_model_path())
    enc = Encoder(cache_dir=tmp_path)
    assert enc.model_path == default_model_path()
    assert enc.model_id == default_model_path()  # cache entries of another model never mix


def test_progress_is_quiet_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    with encoding_progress(10_000) as advance:
        advance(5_000)
    assert stream.getvalue() == ""


def test_progress_draws_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.embed.progress as progress

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(progress, "_stderr_is_terminal", lambda: True)
    with encoding_progress(10) as advance:  # short: no bar even on a terminal
        advance(10)
    assert stream.getvalue() == ""
    with encoding_progress(10_000) as advance:
        advance(10_000)
    assert "embedding sentences" in stream.getvalue()
