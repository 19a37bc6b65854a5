"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's files.

    ::warning file=articles/a.txt,line=3,col=5,endLine=3,endColumn=12,title=G001 split-numeral::G001 ...

Escaping follows the Actions toolkit (and ruff's `--output-format github`): in the message,
`%`, CR and LF are percent-encoded; in properties also `:` and `,`, which would otherwise end
the property. Article text is untrusted, so every piece of it goes through these escapes.
"""

from __future__ import annotations

from pathlib import Path

from auditor.model import SAME_FACT, Severity
from auditor.report.model import Report
from auditor.report.sarif import document_paths, finding_region, relative_path

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
MAX_QUOTE = 160  # characters of flagged text quoted in an annotation


def escape_data(value: str) -> str:
    """Escape a workflow command's message (the part after `::`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command property value (file=..., title=...)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: object) -> str:
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{command}{' ' + given if given else ''}::{escape_data(message)}"


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…"


def render_github(report: Report, base: Path | None = None) -> str:
    """Annotations for findings, input errors and skipped checks; one workflow command a line."""
    from auditor.checks.registry import load_rules

    registry = load_rules()
    paths = document_paths(report, base)
    lines = []
    for error in report.errors:
        lines.append(
            workflow_command(
                "error",
                str(error.get("message", "")),
                file=relative_path(str(error.get("path", "")), base),
                line=error.get("line") or None,
                title="auditor input error",
            )
        )
    for finding in report.findings:
        region = finding_region(report, finding)
        rule = registry.get(finding.rule)
        title = f"{finding.rule} {rule.name}" if rule else finding.rule
        message = f"{finding.rule} {finding.message} “{_quote(finding.text)}”"
        if finding.suggestion:
            message += f" Suggestion: {finding.suggestion}"
        for evidence in finding.evidence:
            marker = "= same fact in" if evidence.relation == SAME_FACT else "↔"
            message += f"\n{marker} {evidence.outlet or evidence.doc}: “{_quote(evidence.text)}”"
        if not region.in_file:  # HTML/JSONL: annotate the file, say where in its text
            message += f" (at {region.describe()})"
        position = (
            {
                "line": region.start_line,
                "col": region.start_column,
                "endLine": region.end_line,
                "endColumn": region.end_column,
            }
            if region.in_file
            else {"line": region.record_line}  # a JSONL record's line; nothing for HTML
            if region.record_line is not None
            else {}
        )
        lines.append(
            workflow_command(
                COMMAND[finding.severity], message, file=paths.get(finding.doc, finding.doc), **position, title=title
            )
        )
    for failure in report.failed:
        lines.append(
            workflow_command(
                "error",
                f"{failure.get('check')}: failed ({failure.get('reason')}); its results are missing",
                title="auditor check failed",
            )
        )
    for skip in report.skipped:
        lines.append(
            workflow_command("notice", f"{skip.get('check')}: skipped ({skip.get('reason')})", title="auditor")
        )
    return "".join(line + "\n" for line in lines)
