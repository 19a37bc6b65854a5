"""Alignment: same-fact pairs across outlets and the fact clusters built from them."""

from __future__ import annotations

import numpy as np
import pytest

from auditor.align import SAME_FACT_THRESHOLD, AlignedPair
from auditor.align.anchors import Vocabulary, profile
from auditor.align.score import pair_features, same_fact_probability
from auditor.embed.index import approximate_neighbours, exact_neighbours


def _score(encoder, a: str, b: str, corpus: list[str] | None = None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    va, vb = encoder.encode([a, b])
    cosine = float(va @ vb)
    profiles = [profile(t) for t in (corpus or [a, b])]
    features = pair_features(profile(a), profile(b), cosine, Vocabulary(profiles))
    return same_fact_probability(features), cosine


def test_aliases_become_one_anchor() -> None:
    a = profile("The U.S. and NATO met in Doha on Saturday.")
    b = profile("Washington and the alliance held talks in Qatar.")
    assert "united states" in a.entities & b.entities
    assert "qatar" in a.entities & b.entities
    assert "meet" in a.predicates & b.predicates


def test_numbers_and_dates_are_normalised() -> None:
    a = profile("The invasion followed the 9/11 attacks in 2001 and cost 1,500 lives.")
    b = profile("After the attacks of September 11, 2001, some 1500 people died.")
    assert "09-11" in a.dates & b.dates
    assert "2001" in a.dates & b.dates
    assert "1500" in a.numbers & b.numbers


def test_pairs_are_cross_document_active_and_scored(fixture_report, encoder) -> None:  # type: ignore[no-untyped-def]
    from auditor.align import aligned_pairs
    from auditor.checks.registry import CheckContext
    from auditor.config import Config

    documents = list(fixture_report.documents_by_id.values())
    ctx = CheckContext(documents, Config(), _encoder=encoder)
    pairs = aligned_pairs(ctx)
    assert pairs and all(isinstance(p, AlignedPair) for p in pairs)
    assert all(p.a.doc_id != p.b.doc_id for p in pairs)
    excluded = {(d.id, i) for d in documents for i in d.excluded}
    assert not any((p.a.doc_id, p.a.index) in excluded or (p.b.doc_id, p.b.index) in excluded for p in pairs)
    assert all(0.0 <= p.score <= 1.0 for p in pairs)
    assert aligned_pairs(ctx) is pairs  # cached as an artifact


def test_ann_finds_the_exact_neighbours_on_clustered_vectors() -> None:
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(40, 64))
    vectors = centres[rng.integers(0, 40, 3000)] + 0.6 * rng.normal(size=(3000, 64))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    groups = np.arange(3000) // 30  # 100 "documents"
    exact = exact_neighbours(vectors, groups, k=5)
    approx = approximate_neighbours(vectors, groups, k=5)
    recall = np.mean([len(set(e) & set(a)) / 5 for e, a in zip(exact.ids, approx.ids, strict=True)])
    assert recall >= 0.9
    # Never a neighbour from the same document.
    assert not np.any(groups[approx.ids] == groups[:, None])


def test_threshold_is_a_probability() -> None:
    assert 0.0 < SAME_FACT_THRESHOLD < 1.0


@pytest.mark.parametrize("k", [1, 3])
def test_exact_neighbours_match_brute_force(k: int) -> None:
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    groups = np.arange(50) // 5
    found = exact_neighbours(vectors, groups, k)
    sims = vectors @ vectors.T
    sims[groups[:, None] == groups[None, :]] = -np.inf
    expected = np.sort(-np.sort(-sims, axis=1)[:, :k], axis=1)
    assert np.allclose(np.sort(found.scores, axis=1), expected, atol=1e-5)
