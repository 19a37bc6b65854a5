"""CI gating: decide the exit code of a run from its report and the configured limits.

Exit codes (documented in the README, "CI gating"):
  0  the run was complete and nothing crossed a limit;
  1  findings at or above `fail_on`, or a threshold (`max_garble_score`, `max_findings`) exceeded;
  2  usage, configuration or input errors, or a check that failed: the run was incomplete, so it
     cannot pass.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from auditor.config import MAX_FINDINGS_ALL, Config
from auditor.model import Severity
from auditor.report.model import Report

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


@dataclass(frozen=True)
class GateResult:
    exit_code: int
    reasons: tuple[str, ...]  # why the run failed, one line each; empty when it passed

    @property
    def passed(self) -> bool:
        return self.exit_code == EXIT_OK


def gate(report: Report, config: Config) -> GateResult:
    """The exit code and the reasons for it; findings hidden by a baseline never count."""
    if report.incomplete:
        problems = []
        if report.errors:
            problems.append(f"{len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}")
        if report.failed:
            checks = ", ".join(dict.fromkeys(f["check"] for f in report.failed))
            problems.append(f"check{'s' if len(report.failed) != 1 else ''} failed ({checks})")
        return GateResult(EXIT_INPUT, (f"{' and '.join(problems)}: the run was incomplete",))
    reasons: list[str] = []
    if config.fail_on != "never":
        threshold = Severity(config.fail_on).rank
        failing = [f for f in report.findings if f.severity.rank >= threshold]
        if failing:
            reasons.append(
                f"{len(failing)} finding{'s' if len(failing) != 1 else ''} at or above {config.fail_on} (--fail-on)"
            )
    if config.max_garble_score is not None:
        for doc in report.documents:
            if doc.garble_score is not None and doc.garble_score > config.max_garble_score:
                reasons.append(
                    f"{doc.path}: garble score {doc.garble_score:.2f} exceeds {config.max_garble_score:g}"
                    " (--max-garble-score)"
                )
    counts = Counter(f.category.value for f in report.findings)
    for category, limit in sorted(config.max_findings.items()):
        found = len(report.findings) if category == MAX_FINDINGS_ALL else counts.get(category, 0)
        if found > limit:
            label = "findings in all" if category == MAX_FINDINGS_ALL else f"{category} findings"
            reasons.append(f"{found} {label} exceed the maximum of {limit} (--max-findings)")
    return GateResult(EXIT_FINDINGS if reasons else EXIT_OK, tuple(reasons))
