"""Per-document translation-quality (garble) scores for the report.

Owned by the translation-quality work (issue 5): until its signals land, no score is given.
"""

from __future__ import annotations

from auditor.checks.registry import CheckContext


def document_garble_scores(ctx: CheckContext) -> dict[str, float]:
    """doc id -> garble score in [0, 1]; documents without a score are left out."""
    return {}
