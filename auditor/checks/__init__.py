"""Rule modules; importing this package registers every rule (one module per family)."""

from auditor.checks import (  # noqa: F401  (registration side effect: each module registers its rules)
    boilerplate,
    coherence,
    contradiction,
    duplicate,
    garble,
    grammar,
    plausibility,
    pronouns,
    spelling,
)
from auditor.checks.registry import REGISTRY, CheckContext, Rule, rule

__all__ = ["REGISTRY", "CheckContext", "Rule", "rule"]
