"""Embeddings: the on-disk cache, batching, the progress bar and the configurable model."""

from __future__ import annotations

import io
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def test_preload_fills_the_memory_with_the_vectors_encode_gives(tmp_path: Path) -> None:
    reference = Encoder(cache_dir=tmp_path / "reference").encode(SENTENCES)
    enc = Encoder(cache_dir=tmp_path / "preloaded")
    enc.preload(SENTENCES)  # returns nothing: no (n, dim) copy to throw away
    assert enc.encoded_count == len(SENTENCES)
    assert np.array_equal(enc.encode(SENTENCES[::-1]), reference[::-1])  # bit for bit, from memory
    assert enc.encoded_count == len(SENTENCES)


def test_memory_filled_from_the_cache_holds_the_same_bits(tmp_path: Path) -> None:
    vectors = Encoder(cache_dir=tmp_path).encode(SENTENCES)
    again = Encoder(cache_dir=tmp_path)  # a new process: its memory is filled from SQLite
    assert np.array_equal(again.encode(SENTENCES), vectors)
    assert again.encoded_count == 0
    rows = [again._memory[t] for t in SENTENCES]
    assert all(row.base is rows[0].base for row in rows)  # one array, not a buffer per vector


def test_shared_rows_are_the_callers_array_and_encode_gives_the_same_vectors(tmp_path: Path) -> None:
    enc = Encoder(cache_dir=tmp_path)
    other = "A sentence the caller does not keep, about the weather in Kabul."
    before = enc.encode([*SENTENCES, other])
    kept_texts = [SENTENCES[0], SENTENCES[1], SENTENCES[0]]  # duplicates, as in the aligner's table
    kept = enc.encode(kept_texts)
    enc.share(kept_texts, kept)

    memory = enc._memory
    assert not kept.flags.writeable  # the memory reads it now: nobody may write to it
    assert np.shares_memory(memory[SENTENCES[0]], kept)
    assert np.shares_memory(memory[SENTENCES[1]], kept)
    # The others are copied into one compact array of their own, not rows of the model's batches.
    rest = [memory[t] for t in (SENTENCES[2], other)]
    assert not np.shares_memory(rest[0], kept)
    base = rest[0].base
    assert base is not None and base is rest[1].base and base.shape == (2, 384)

    after = enc.encode([*SENTENCES, other])
    assert np.array_equal(after, before)  # bit for bit
    assert after.flags.writeable  # callers still get their own array
    assert enc.encoded_count == 4
    with pytest.raises(ValueError):
        enc.share(SENTENCES[:2], kept)  # a row per text, or the memory would pair them wrongly


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _c_allocator() -> Any:
    """The C library, with malloc and free typed for pointers."""
    import ctypes

    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    return libc


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_memory_goes_back_to_the_system_after_a_big_release() -> None:
    """glibc keeps freed heap memory; release_freed_memory hands it back (RSS falls)."""
    import ctypes

    from auditor.embed.encoder import release_freed_memory

    libc = _c_allocator()
    libc.mallopt(-3, 1 << 30)  # M_MMAP_THRESHOLD: small blocks come from the heap, as after torch's frees
    blocks = [libc.malloc(64 * 1024) for _ in range(3200)]  # 200 MB in 64 KB blocks
    for block in blocks:
        ctypes.memset(block, 1, 64 * 1024)
    for block in blocks[:-1]:  # the last block, at the heap's top, keeps glibc from trimming by itself
        libc.free(block)
    held = _resident_mb()
    assert release_freed_memory()
    assert _resident_mb() < held - 150
    libc.free(blocks[-1])
    libc.mallopt(-3, 128 * 1024)  # glibc's default threshold again


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_big_blocks_kept_off_the_heap_go_back_to_the_system_when_freed() -> None:
    """After keep_big_blocks_off_the_heap, a freed 1 MB block leaves RSS at once, with no trim,
    even between live blocks (as the rules' arrays sit between their objects). With the raised
    threshold the same 200 MB stay resident (checked by hand: 212 -> 212 MB; 212 -> 12 with it)."""
    import ctypes

    from auditor.embed.encoder import HEAP_BLOCK_LIMIT, keep_big_blocks_off_the_heap

    libc = _c_allocator()
    libc.mallopt(-3, 32 << 20)  # as after torch's frees: blocks under 32 MB come from the heap
    try:
        assert keep_big_blocks_off_the_heap()
        size = 1 << 20
        assert size >= HEAP_BLOCK_LIMIT
        blocks, pins = [], []
        for _ in range(200):  # 200 MB, each block followed by a live one that small free lists cannot hold
            block = libc.malloc(size)
            ctypes.memset(block, 1, size)
            blocks.append(block)
            pins.append(libc.malloc(100_000))
        held = _resident_mb()
        for block in blocks:
            libc.free(block)
        assert _resident_mb() < held - 150  # gone without malloc_trim
        for pin in pins:
            libc.free(pin)
    finally:
        libc.mallopt(-3, 128 * 1024)  # glibc's default threshold again


def test_encoder_gives_memory_back_after_the_model_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call that runs the model trims the heap and fixes the mmap threshold; a call the
    memory or the cache answers does neither."""
    import auditor.embed.encoder as encoder_module

    calls: list[str] = []

    def recorder(name: str) -> Callable[[], bool]:
        def record() -> bool:
            calls.append(name)
            return True

        return record

    monkeypatch.setattr(encoder_module, "release_freed_memory", recorder("trim"))
    monkeypatch.setattr(encoder_module, "keep_big_blocks_off_the_heap", recorder("threshold"))
    enc = Encoder(cache_dir=tmp_path)
    first = enc.encode(SENTENCES)
    assert calls == ["trim", "threshold"]
    assert np.array_equal(enc.encode(SENTENCES), first)
    assert calls == ["trim", "threshold"]  # from memory: the model did not run
    assert Encoder(cache_dir=tmp_path).encode(SENTENCES).shape == (3, 384)  # from the cache
    assert calls == ["trim", "threshold"]


def test_share_trims_the_heap_once_the_old_vectors_are_freed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`share` frees the arrays the memory held (the model's output, in the heap after torch ran),
    then trims: without the trim ~110 MB stayed resident through the rules at 5,000 articles."""
    import auditor.embed.encoder as encoder_module

    enc = Encoder(cache_dir=tmp_path)
    vectors = enc.encode(SENTENCES)
    kept = vectors[:2].copy()
    trims: list[bool] = []

    def trim() -> bool:  # records whether the memory already reads the shared rows
        trims.append(np.shares_memory(enc._memory[SENTENCES[0]], kept))
        return True

    monkeypatch.setattr(encoder_module, "release_freed_memory", trim)
    enc.share(SENTENCES[:2], kept)
    assert trims == [True]  # once, after the memory was replaced: the old arrays are unreachable by then
    assert np.array_equal(enc.encode(SENTENCES), vectors)
