"""Fact alignment across documents: same-fact sentence pairs and fact clusters.

`aligned_pairs(ctx)` gives cross-document sentence pairs with a calibrated same-fact score;
`build_clusters(ctx)` groups them into facts reported by one or more outlets.
"""

from __future__ import annotations

from auditor.align.clusters import build_clusters
from auditor.align.pairs import AlignedPair, AlignedPairs, aligned_pairs, sentence_table
from auditor.align.score import SAME_FACT_THRESHOLD

__all__ = ["SAME_FACT_THRESHOLD", "AlignedPair", "AlignedPairs", "aligned_pairs", "build_clusters", "sentence_table"]
