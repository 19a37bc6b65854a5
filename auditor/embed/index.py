"""Nearest neighbours of normalised vectors across groups (documents), exact or approximate.

Alignment needs, for every sentence, the few most similar sentences of OTHER documents.
Comparing all pairs is quadratic; below `EXACT_LIMIT` vectors an exact blocked matrix product
is still cheap next to encoding, above it an inverted-file index (IVF: k-means cells, each
query scans the `probes` nearest cells) keeps the cost near-linear. numpy only: no native
ANN package to build or download.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EXACT_LIMIT = 20_000
BLOCK = 2048
# Cells of similarity matrix per block: a block's similarities, their negation and argpartition's
# int64 indices take ~16 bytes a cell, so this caps the transient at ~64 MB. Rows x all 20k
# columns at once took ~700 MB, more than the whole corpus's data.
CELLS_PER_BLOCK = 8_000_000


class RowsOf:
    """`vectors[rows]` without building it: indexing gives `vectors[rows[index]]`, the same values.

    Items may share a row (the same sentence in several documents: wire copy); the IVF search
    only ever reads blocks of items, so the whole (items, dim) matrix is never made."""

    def __init__(self, vectors: np.ndarray, rows: np.ndarray) -> None:
        self.vectors, self.rows = vectors, rows

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), int(self.vectors.shape[1]))

    def __getitem__(self, index: slice | np.ndarray) -> np.ndarray:
        return self.vectors[self.rows[index]]


def _rows_per_block(columns: int) -> int:
    return max(16, min(BLOCK, CELLS_PER_BLOCK // max(columns, 1)))


@dataclass(frozen=True)
class Neighbours:
    """`ids[i]` are the row numbers of vector i's nearest neighbours in other groups (-1 = none)."""

    ids: np.ndarray  # (n, k) int64
    scores: np.ndarray  # (n, k) float32 cosine

    def pairs(self, min_score: float = -1.0) -> list[tuple[int, int, float]]:
        """Unique (i, j, cosine) pairs with i < j."""
        seen: dict[tuple[int, int], float] = {}
        rows, cols = np.nonzero((self.ids >= 0) & (self.scores >= min_score))
        for i, c in zip(rows.tolist(), cols.tolist(), strict=True):
            j = int(self.ids[i, c])
            key = (i, j) if i < j else (j, i)
            seen[key] = float(self.scores[i, c])
        return [(i, j, s) for (i, j), s in sorted(seen.items())]

    def pair_arrays(self, min_score: float = -1.0) -> tuple[np.ndarray, np.ndarray]:
        """The (i, j) of `pairs()` as two int64 arrays, same order (by i, then j), no Python objects:
        a big corpus has over a million candidate pairs."""
        n = self.ids.shape[0]
        rows, cols = np.nonzero((self.ids >= 0) & (self.scores >= min_score))
        other = self.ids[rows, cols]
        keys = np.unique(np.minimum(rows, other) * n + np.maximum(rows, other))
        return keys // n, keys % n


def _merge_top(
    best_ids: np.ndarray, best_scores: np.ndarray, rows: np.ndarray, ids: np.ndarray, scores: np.ndarray, k: int
) -> None:
    """Fold candidate (ids, scores) for `rows` into the running top-k, in place."""
    all_scores = np.concatenate([best_scores[rows], scores], axis=1)
    all_ids = np.concatenate([best_ids[rows], ids], axis=1)
    top = np.argpartition(-all_scores, kth=min(k, all_scores.shape[1]) - 1, axis=1)[:, :k]
    best_scores[rows] = np.take_along_axis(all_scores, top, axis=1)
    best_ids[rows] = np.take_along_axis(all_ids, top, axis=1)


def _empty(n: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    return np.full((n, k), -1, dtype=np.int64), np.full((n, k), -np.inf, dtype=np.float32)


def exact_neighbours(vectors: np.ndarray, groups: np.ndarray, k: int) -> Neighbours:
    """Exact top-k by blocked matrix products; same-group pairs excluded."""
    n = vectors.shape[0]
    best_ids, best_scores = _empty(n, k)
    block = _rows_per_block(n)
    for start in range(0, n, block):
        rows = np.arange(start, min(n, start + block))
        sims = vectors[rows] @ vectors.T
        sims[groups[rows][:, None] == groups[None, :]] = -np.inf
        kk = min(k, n)
        top = np.argpartition(-sims, kth=kk - 1, axis=1)[:, :kk]
        _merge_top(best_ids, best_scores, rows, top.astype(np.int64), np.take_along_axis(sims, top, axis=1), k)
    best_ids[~np.isfinite(best_scores)] = -1
    return Neighbours(best_ids, best_scores)


def _kmeans(vectors: np.ndarray | RowsOf, cells: int, iterations: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means on a sample; returns normalised centroids."""
    sample_size = min(vectors.shape[0], cells * 40)
    sample = vectors[rng.choice(vectors.shape[0], sample_size, replace=False)]
    centroids = sample[rng.choice(sample_size, cells, replace=False)].copy()
    for _ in range(iterations):
        assign = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = sample[rng.choice(sample_size, int(empty.sum()))]
        norms[empty] = 1.0
        centroids = sums / norms
    return centroids.astype(np.float32)


def approximate_neighbours(
    vectors: np.ndarray | RowsOf, groups: np.ndarray, k: int, probes: int = 8, seed: int = 0
) -> Neighbours:
    """IVF search: about sqrt(probes * n) cells, each query scans its `probes` nearest cells.

    Work per query is about 2 * sqrt(probes * n) dot products, so the total grows as n^1.5 with a
    small constant (150k sentences: ~2,000 dot products each, seconds next to minutes of encoding).
    """
    n = vectors.shape[0]
    rng = np.random.default_rng(seed)
    cells = max(1, min(n // 4, int(math.sqrt(probes * n))))
    centroids = _kmeans(vectors, cells, iterations=8, rng=rng)
    probes = min(probes, cells)
    assignment = np.empty(n, dtype=np.int64)
    probe_lists = np.empty((n, probes), dtype=np.int64)
    for start in range(0, n, BLOCK):
        sims = vectors[start : start + BLOCK] @ centroids.T
        order = np.argpartition(-sims, kth=probes - 1, axis=1)[:, :probes]
        probe_lists[start : start + BLOCK] = order
        assignment[start : start + BLOCK] = np.argmax(sims, axis=1)
    members_of = [np.flatnonzero(assignment == c) for c in range(cells)]
    queries_of: list[list[np.ndarray]] = [[] for _ in range(cells)]
    flat_cells = probe_lists.ravel()
    flat_rows = np.repeat(np.arange(n), probes)
    order = np.argsort(flat_cells, kind="stable")
    bounds = np.searchsorted(flat_cells[order], np.arange(cells + 1))
    for c in range(cells):
        queries_of[c].append(flat_rows[order[bounds[c] : bounds[c + 1]]])
    best_ids, best_scores = _empty(n, k)
    for c in range(cells):
        members = members_of[c]
        rows = queries_of[c][0]
        if members.size == 0 or rows.size == 0:
            continue
        block = _rows_per_block(members.size)
        for start in range(0, rows.size, block):
            chunk = rows[start : start + block]
            sims = vectors[chunk] @ vectors[members].T
            sims[groups[chunk][:, None] == groups[members][None, :]] = -np.inf
            kk = min(k, members.size)
            top = np.argpartition(-sims, kth=kk - 1, axis=1)[:, :kk]
            _merge_top(best_ids, best_scores, chunk, members[top], np.take_along_axis(sims, top, axis=1), k)
    best_ids[~np.isfinite(best_scores)] = -1
    return Neighbours(best_ids, best_scores)


def cross_group_neighbours(
    vectors: np.ndarray,
    groups: np.ndarray,
    k: int = 10,
    exact_limit: int = EXACT_LIMIT,
    rows: np.ndarray | None = None,
) -> Neighbours:
    """Top-k neighbours in other groups: exact for small inputs, IVF above `exact_limit`.

    With `rows`, item i's vector is `vectors[rows[i]]` and `groups` has one entry per item: the
    result is exactly that of `vectors[rows]`, which the IVF search never builds whole."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    # Integer codes: the blocks compare every row's group with every column's, and comparing
    # strings (document ids) there cost more than the matrix product itself.
    groups = np.unique(np.asarray(groups), return_inverse=True)[1].reshape(-1)
    items = vectors.shape[0] if rows is None else len(rows)
    if items == 0:
        return Neighbours(np.zeros((0, k), dtype=np.int64), np.zeros((0, k), dtype=np.float32))
    if items <= exact_limit:
        return exact_neighbours(vectors if rows is None else vectors[rows], groups, k)
    return approximate_neighbours(vectors if rows is None else RowsOf(vectors, rows), groups, k)
