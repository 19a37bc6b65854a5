"""Rule modules; importing this package registers every rule (one module per family)."""

from auditor.checks import boilerplate, duplicate  # noqa: F401  (registration side effect)
from auditor.checks import plausibility, spelling  # noqa: F401  (registration side effect)
from auditor.checks.registry import REGISTRY, CheckContext, Rule, rule

__all__ = ["REGISTRY", "CheckContext", "Rule", "rule"]
