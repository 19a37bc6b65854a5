"""Fact clusters: how contradictions mark them disputed."""

from __future__ import annotations

from typing import Any

import pytest


def test_dispute_index_decides_as_disputes_does() -> None:
    """The index clusters use gives, for random spans and flags, the decision of `disputes`."""
    import random
    from types import SimpleNamespace

    from auditor.align.clusters import DisputeIndex, disputes
    from auditor.report.model import ClusterMember

    rng = random.Random(7)

    def span() -> tuple[str, int, int]:
        start = rng.randrange(0, 200)
        return rng.choice("abcd"), start, start + rng.randrange(1, 40)

    def flag() -> SimpleNamespace:
        doc, start, end = span()
        evidence = tuple(
            SimpleNamespace(doc=d, start=s, end=e) for d, s, e in (span() for _ in range(rng.randint(1, 3)))
        )
        return SimpleNamespace(doc=doc, start=start, end=end, evidence=evidence)

    decided = {True: 0, False: 0}
    for _ in range(400):
        flags = [flag() for _ in range(rng.randint(0, 4))]
        members = [
            ClusterMember(doc=d, text="x", start=s, end=e, outlet=None, published=None)
            for d, s, e in (span() for _ in range(rng.randint(1, 3)))
        ]
        expected = any(disputes(f, members) for f in flags)
        assert DisputeIndex(flags).disputed(members) == expected
        decided[expected] += 1
    assert min(decided.values()) > 20  # both answers were exercised


def _reference_group(table: Any, rows_a: Any, rows_b: Any, strengths: Any) -> list[list[int]]:
    """Greedy merging as first written (dicts and a list and a set per row), to check `_group` against."""
    from auditor.align.clusters import MEAN_LINK, MIN_LINK, REPRESENTATIVES

    known = {
        (min(a, b), max(a, b)): s for a, b, s in zip(rows_a.tolist(), rows_b.tolist(), strengths.tolist(), strict=True)
    }

    def score(i: int, j: int) -> float:
        return known.get((min(i, j), max(i, j)), table.linked(i, j))

    docs_of: dict[int, set[str]] = {}
    cluster_of: dict[int, int] = {}
    clusters: dict[int, list[int]] = {}
    next_id = 0
    order = sorted(range(len(strengths)), key=lambda k: -strengths[k])
    for k in order:
        i, j = int(rows_a[k]), int(rows_b[k])
        for row in (i, j):
            if row not in cluster_of:
                cluster_of[row] = next_id
                clusters[next_id] = [row]
                docs_of[next_id] = {table.sentences[row].doc_id}
                next_id += 1
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or not docs_of[ci].isdisjoint(docs_of[cj]):
            continue
        left, right = clusters[ci], clusters[cj]
        links = [score(x, y) for x in left[:REPRESENTATIVES] for y in right[:REPRESENTATIVES]]
        if min(links) < MIN_LINK or sum(links) / len(links) < MEAN_LINK:
            continue
        if len(left) < len(right):
            ci, cj, left, right = cj, ci, right, left
        left.extend(right)
        docs_of[ci] |= docs_of.pop(cj)
        for row in right:
            cluster_of[row] = ci
        del clusters[cj]
    return sorted(sorted(rows) for rows in clusters.values() if len(rows) > 1)


@pytest.mark.parametrize(("remembered", "row_type"), [(None, "int64"), (None, "int32"), (1, "int32"), (3, "int64")])
def test_greedy_grouping_gives_the_clusters_of_the_plain_version(
    remembered: int | None, row_type: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`_group` (arrays, chunks, no per-row objects) merges exactly as the plain dict version,
    however few of the links it computed on the way it remembers (`LINKS_REMEMBERED`), with rows
    as int32 (what `build_clusters` passes) or int64."""
    import random
    from types import SimpleNamespace

    import numpy as np

    from auditor.align import clusters

    if remembered is not None:
        monkeypatch.setattr(clusters, "LINKS_REMEMBERED", remembered)
    rng = random.Random(11)
    merged = 0
    for trial in range(30):
        rows = rng.randint(5, 60)
        docs = [f"d{rng.randrange(rng.randint(2, 8))}" for _ in range(rows)]
        link_seed = rng.random()

        def linked(i: int, j: int, seed: float = link_seed) -> float:
            return random.Random(hash((min(i, j), max(i, j), seed))).random() * 0.8

        table = SimpleNamespace(sentences=[SimpleNamespace(doc_id=d) for d in docs], linked=linked)
        pairs = {
            (a, b) for a in range(rows) for b in range(rows) if a < b and docs[a] != docs[b] and rng.random() < 0.3
        }
        ordered = sorted(pairs)
        rows_a = np.array([a for a, _ in ordered], dtype=row_type)
        rows_b = np.array([b for _, b in ordered], dtype=row_type)
        strengths = np.array([round(rng.uniform(0.3, 1.0), 2) for _ in ordered])  # ties too
        expected = _reference_group(table, rows_a, rows_b, strengths)
        assert sorted(clusters._group(table, rows_a, rows_b, strengths)) == expected, trial  # type: ignore[arg-type]
        merged += sum(len(rows) > 2 for rows in expected)
    assert merged > 20  # clusters of three and more were built, not only pairs
