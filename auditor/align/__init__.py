"""Fact clusters across documents (issue 4 builds the aligner here)."""

from __future__ import annotations

from auditor.checks.registry import CheckContext
from auditor.report.model import Cluster


def build_clusters(ctx: CheckContext) -> list[Cluster]:
    """Clusters of sentences that report the same fact; empty until the aligner lands."""
    return []
