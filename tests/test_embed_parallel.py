"""Batches run side by side on several cores: same batches, same vectors, errors not lost."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from auditor.embed import Encoder
from auditor.embed.encoder import TorchSentenceModel
from auditor.embed.parallel import encode_in_parallel, encode_workers, longest_first_batches


def _fixture_sentences(fixtures_dir: Path, count: int) -> list[str]:
    """Real sentences of varied length (one per line of the fixture articles)."""
    lines: list[str] = []
    for path in sorted(fixtures_dir.glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 3]
    unique = list(dict.fromkeys(lines))
    assert len(unique) >= count
    return unique[:count]


def test_batches_are_longest_first_and_stable_for_equal_lengths() -> None:
    texts = ["bb", "a", "cc", "dddd", "e"]
    assert longest_first_batches(texts, 2) == [[3, 0], [2, 1], [4]]


def test_each_row_gets_its_own_text_vector_whichever_worker_ran_it() -> None:
    texts = [f"text {n} " + "x" * (n % 7) for n in range(50)]
    seen_threads: set[str] = set()

    def encode_batch(batch: list[str]) -> np.ndarray:
        seen_threads.add(threading.current_thread().name)
        time.sleep(0.001)  # let the other worker take a batch
        return np.array([[float(t.split()[1]), len(t)] for t in batch], dtype=np.float32)

    vectors = encode_in_parallel(texts, longest_first_batches(texts, 4), encode_batch, workers=3, dimension=2)
    assert vectors[:, 0].tolist() == list(range(50))
    assert vectors[:, 1].tolist() == [len(t) for t in texts]
    assert len(seen_threads) > 1


def test_a_worker_error_reaches_the_caller() -> None:
    def encode_batch(batch: list[str]) -> np.ndarray:
        if "bad" in batch:
            raise RuntimeError("model failed on a batch")
        return np.zeros((len(batch), 2), dtype=np.float32)

    texts = ["ok"] * 10 + ["bad"] + ["ok"] * 10
    with pytest.raises(RuntimeError, match="model failed"):
        encode_in_parallel(texts, longest_first_batches(texts, 3), encode_batch, workers=2, dimension=2)


def test_workers_come_from_the_environment_or_the_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUDITOR_ENCODE_WORKERS", raising=False)
    assert encode_workers(1) == 1
    monkeypatch.setenv("AUDITOR_ENCODE_WORKERS", "3")
    assert encode_workers(1) == 3
    monkeypatch.setenv("AUDITOR_ENCODE_WORKERS", "many")
    with pytest.raises(ValueError, match="AUDITOR_ENCODE_WORKERS"):
        encode_workers(2)


def test_parallel_vectors_equal_the_librarys_and_do_not_depend_on_the_worker_count(
    encoder: Encoder, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    model = encoder.model
    assert isinstance(model, TorchSentenceModel)
    texts = _fixture_sentences(fixtures_dir, 60)
    library = model.sentence_transformer.encode(texts, batch_size=8, normalize_embeddings=True)
    threads_before = torch.get_num_threads()
    by_workers = {}
    for workers in (2, 3):
        monkeypatch.setattr(model, "workers", workers)
        by_workers[workers] = model.encode(texts, 8)
    one_by_one = model.encode(texts, 8, side_by_side=False)
    assert torch.get_num_threads() == threads_before  # put back after the parallel pass
    # Each batch is computed on its own, whichever worker ran it: the same bits.
    assert np.array_equal(by_workers[2], by_workers[3])
    # The same batches one after another (a rule's small call while a corpus is held): the same bits.
    assert np.array_equal(one_by_one, by_workers[2])
    # The library's vectors up to float rounding (one thread instead of several per batch).
    assert np.abs(by_workers[2] - library).max() < 1e-5
    assert np.allclose(np.linalg.norm(by_workers[2], axis=1), 1.0, atol=1e-5)
    monkeypatch.setattr(model, "workers", 1)  # the serial path: the library's own call
    assert np.array_equal(model.encode(texts, 8), library)
