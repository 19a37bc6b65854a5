"""Markdown for a pull-request comment: a summary table, then the findings, most severe first.

A GitHub comment holds at most 65,536 characters; when the report is longer, whole findings are
left out from the end (the least severe) and a note says how many and how to see them all.
Article text is untrusted: it is escaped so that it cannot inject HTML, links, tables or
@-mentions into the comment.
"""

from __future__ import annotations

import re
from pathlib import Path

from auditor.model import SAME_FACT, Finding, Severity
from auditor.report.model import Report
from auditor.report.sarif import document_paths, finding_region

GITHUB_COMMENT_LIMIT = 65_536
MAX_QUOTE = 300  # characters of flagged or evidence text quoted per finding
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_LABEL = {Severity.ERROR: "🔴 error", Severity.WARNING: "🟠 warning", Severity.INFO: "🔵 info"}
# Inline markup only: flagged text never starts a line, so block markers (#, -, >, 1.) are inert.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|~])")


def escape(text: str) -> str:
    """Plain text that GitHub renders literally: no HTML, no emphasis, no links, no table breaks, no mentions."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return text.replace("@", "&#64;")  # an @name in an article must not notify a GitHub user


def code(text: str) -> str:
    """An inline code span (paths, ids): shown verbatim, so nothing inside needs escaping."""
    flat = " ".join(text.split())
    fence = "``" if "`" in flat else "`"
    return f"{fence} {flat} {fence}" if fence == "``" else f"`{flat}`"


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return escape(flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…")


def _summary(report: Report) -> list[str]:
    counts = report.severity_counts()
    parts = [f"**{len(report.documents)} documents**"] + [
        f"{counts[s.value]} {s.value}{'s' if counts[s.value] != 1 and s is not Severity.INFO else ''}"
        for s in SEVERITY_ORDER
    ]
    lines = ["## auditor report", "", " · ".join(parts)]
    if report.baseline:
        suppressed = report.baseline.get("suppressed", 0)
        lines.append("")
        lines.append(f"{suppressed} known finding{'s' if suppressed != 1 else ''} suppressed by the baseline.")
    return lines


def _documents_table(report: Report) -> list[str]:
    if not report.documents:
        return []
    lines = [
        "",
        "| Document | Outlet | Published | Garble score | Findings |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for doc in report.documents:
        score = "–" if doc.garble_score is None else f"{doc.garble_score:.2f}"
        count = len(report.findings_for(doc.id))
        doc_id = code(doc.id).replace("|", "\\|")  # a pipe would end the table cell, even in code
        lines.append(f"| {doc_id} | {escape(doc.outlet or '–')} | {escape(doc.published or '–')} | {score} | {count} |")
    return lines


def _problems(report: Report) -> list[str]:
    lines = []
    if report.errors:
        lines += ["", "**Input errors** (the run was incomplete):", ""]
        for error in report.errors:
            where = f"{error.get('path')}:{error['line']}" if error.get("line") else str(error.get("path"))
            lines.append(f"- {escape(where)}: {escape(str(error.get('message', '')))}")
    if report.failed:
        lines += [
            "",
            "**Checks that failed** (a bug in auditor; their results are missing, the run was incomplete):",
            "",
        ]
        for failure in report.failed:
            lines.append(f"- {escape(str(failure.get('check')))}: {escape(str(failure.get('reason')))}")
    if report.skipped:
        lines += ["", "**Skipped checks:**", ""]
        for skip in report.skipped:
            lines.append(f"- {escape(str(skip.get('check')))}: {escape(str(skip.get('reason')))}")
    return lines


def _finding_block(report: Report, finding: Finding, paths: dict[str, str]) -> str:
    region = finding_region(report, finding)
    path = paths.get(finding.doc, finding.doc)
    where = f"{path}:{region.start_line}:{region.start_column}" if region.in_file else f"{path} ({region.describe()})"
    lines = [f"- **{escape(finding.rule)}** {code(where)}: {escape(finding.message)}", f"  > {_quote(finding.text)}"]
    if finding.suggestion:
        lines.append(f"  - suggestion: {escape(finding.suggestion)}")
    for evidence in finding.evidence:
        source = ", ".join(p for p in (evidence.outlet or evidence.doc, evidence.published) if p)
        marker = "= same fact in" if evidence.relation == SAME_FACT else "↔"
        lines.append(f"  - {marker} {escape(source)}: {_quote(evidence.text)}")
    return "\n".join(lines) + "\n"


def _truncation_note(left_out: int) -> str:
    return (
        f"\n> [!NOTE]\n> {left_out} more finding{'s' if left_out != 1 else ''} left out to fit a comment's "
        f"{GITHUB_COMMENT_LIMIT:,}-character limit; run `auditor audit --format json` (or html) for the full report.\n"
    )


def render_markdown(report: Report, limit: int = GITHUB_COMMENT_LIMIT, base: Path | None = None) -> str:
    """The report as a comment no longer than `limit` characters (GitHub counts characters)."""
    paths = document_paths(report, base)
    head = "\n".join(_summary(report) + _documents_table(report) + _problems(report)) + "\n"
    ordered = sorted(report.findings, key=lambda f: (-f.severity.rank, f.sort_key()))
    sections: list[tuple[Severity, str]] = [(f.severity, _finding_block(report, f, paths)) for f in ordered]
    if not sections:
        return head + "\nNo findings.\n"
    # Reserve room for the longest possible truncation note before filling in findings.
    budget = limit - len(head) - len(_truncation_note(len(sections)))
    body: list[str] = []
    used = 0
    shown = 0
    current: Severity | None = None
    for severity, block in sections:
        heading = f"\n### {SEVERITY_LABEL[severity]}\n\n" if severity is not current else ""
        if used + len(heading) + len(block) > budget:
            break
        body.append(heading + block)
        used += len(heading) + len(block)
        current = severity
        shown += 1
    text = head + "".join(body)
    if shown < len(sections):
        text += _truncation_note(len(sections) - shown)
    return text
