"""Run a model's batches on several cores at once, one core per batch.

A small model on a CPU uses its cores better running several batches side by side, each on one
thread, than running one batch at a time split across threads: each thread then works on its
own matrices, with no barrier after every operation where it waits for the others. The batches
are cut as a serial pass cuts them (texts sorted longest first, cut every `batch_size`), and each
batch's vectors depend only on its own texts, so the result does not depend on which worker ran
which batch, nor on how many workers there are.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

WORKERS_VARIABLE = "AUDITOR_ENCODE_WORKERS"


def encode_workers(threads: int) -> int:
    """How many batches run at once: `AUDITOR_ENCODE_WORKERS` if set, else the model runtime's
    thread count (torch's defaults to the physical cores)."""
    configured = os.environ.get(WORKERS_VARIABLE, "").strip()
    if configured:
        try:
            return max(1, int(configured))
        except ValueError:
            raise ValueError(f"{WORKERS_VARIABLE} must be a whole number, not {configured!r}") from None
    return max(1, min(threads, os.cpu_count() or 1))


def longest_first_batches(texts: Sequence[str], batch_size: int) -> list[list[int]]:
    """Row numbers of `texts` in batches of `batch_size`, longest texts first, so a batch's texts
    need little padding (sentence-transformers' own order, made stable for equal lengths)."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]


def encode_one_by_one(
    texts: Sequence[str],
    batches: Sequence[Sequence[int]],
    encode_batch: Callable[[list[str]], np.ndarray],
    dimension: int,
) -> np.ndarray:
    """What `encode_in_parallel` returns, the batches run one after another in this thread: one
    batch's activations in memory at a time instead of one per worker."""
    vectors = np.zeros((len(texts), dimension), dtype=np.float32)
    for rows in batches:
        vectors[list(rows)] = encode_batch([texts[i] for i in rows])
    return vectors


def encode_in_parallel(
    texts: Sequence[str],
    batches: Sequence[Sequence[int]],
    encode_batch: Callable[[list[str]], np.ndarray],
    workers: int,
    dimension: int,
) -> np.ndarray:
    """The vectors of `texts` (row i is texts[i]'s), each batch of row numbers encoded by
    `encode_batch` on one of `workers` threads; the longest batches are taken first, so the
    workers finish together. `encode_batch` must release the GIL while it computes (torch and
    ONNX Runtime do) and be safe to call from several threads. The first error raised in a worker
    is raised here once every worker has stopped."""
    vectors = np.zeros((len(texts), dimension), dtype=np.float32)
    pending = iter(batches)
    take = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        while not errors:
            with take:
                rows = next(pending, None)
            if rows is None:
                return
            try:
                vectors[list(rows)] = encode_batch([texts[i] for i in rows])
            except BaseException as error:  # handed to the caller's thread below
                errors.append(error)
                return

    threads = [threading.Thread(target=work, name=f"encode-{n}", daemon=True) for n in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return vectors


@contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """torch's intra-op thread count set to `count` for the block, then put back."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)
