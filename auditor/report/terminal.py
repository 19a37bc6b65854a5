"""The rich terminal report: renderables built from the report model, never ANSI strings.

Colour follows rich's rules: NO_COLOR disables it, and output that is not a TTY is plain.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from auditor.model import SAME_FACT, Category, Evidence, Finding, Severity
from auditor.report.model import DocumentSummary, Report

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
HIGHLIGHT = {Severity.ERROR: "bold white on red", Severity.WARNING: "black on yellow", Severity.INFO: "black on cyan"}
MAX_CONTEXT = 240  # characters of sentence shown around a flagged span


def finding_context(report: Report, finding: Finding) -> Text:
    """The sentence (or line) around a finding, with the flagged span highlighted."""
    doc = report.documents_by_id.get(finding.doc)
    if doc is None:
        return Text(finding.text)
    line_start = doc.text.rfind("\n", 0, finding.start) + 1
    line_end = doc.text.find("\n", finding.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    sentence = doc.sentence_at(finding.start)
    start = max(line_start, sentence.start if sentence else line_start)
    end = min(line_end, max(sentence.end if sentence else line_end, finding.end))
    if end - start > MAX_CONTEXT:
        start = max(start, finding.start - MAX_CONTEXT // 3)
        end = min(end, max(finding.end, start + MAX_CONTEXT))
    prefix = "…" if start > line_start else ""
    suffix = "…" if end < line_end else ""
    text = Text(prefix + doc.text[start:end] + suffix)
    offset = len(prefix) - start
    text.stylize(HIGHLIGHT[finding.severity], finding.start + offset, min(finding.end, end) + offset)
    return text


def _indented(renderable: RenderableType) -> Padding:
    return Padding(renderable, (0, 0, 0, 4))


def _evidence_renderable(finding: Finding, evidence: Evidence) -> Text:
    same_fact = evidence.relation == SAME_FACT
    side = Text("= same fact in " if same_fact else "↔ ", style="green" if same_fact else "magenta")
    if evidence.doc == finding.doc:
        side.append(f"line {evidence.line}: ", style="dim")  # the other side is in the same article
    else:
        side.append(f"{evidence.outlet or evidence.doc}", style="bold magenta")
        if evidence.published:
            side.append(f", {evidence.published}", style="magenta")
        side.append(f" ({evidence.doc}:{evidence.line}): ", style="dim")
    side.append(f"“{evidence.text}”")
    return side


def _finding_renderable(report: Report, finding: Finding) -> RenderableType:
    head = Text()
    head.append(f"{finding.line}:{finding.column} ", style="dim")
    head.append(f"{finding.severity.value:<7} ", style=SEVERITY_STYLE[finding.severity])
    head.append(f"{finding.rule} ", style="bold")
    head.append(finding.message)
    if finding.confidence < 1:
        head.append(f"  (confidence {finding.confidence:.2f})", style="dim")
    parts: list[RenderableType] = [head, _indented(finding_context(report, finding))]
    if finding.suggestion:
        parts.append(_indented(Text("suggestion: ", style="green") + Text(finding.suggestion)))
    parts.extend(_indented(_evidence_renderable(finding, evidence)) for evidence in finding.evidence)
    return Group(*parts)


def documents_table(report: Report) -> Table:
    table = Table(title="Documents", show_lines=False, expand=False)
    table.add_column("doc", no_wrap=True)
    table.add_column("outlet", max_width=18, overflow="ellipsis", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("credits", overflow="fold", min_width=14)
    for column in ("lang", "sent.", "debris", "garble"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("E/W/I", no_wrap=True)
    for doc in report.documents:
        counts = {s: 0 for s in Severity}
        for finding in report.findings_for(doc.id):
            counts[finding.severity] += 1
        garble = "-" if doc.garble_score is None else f"{doc.garble_score:.2f}"
        table.add_row(
            doc.id,
            doc.outlet or "?",
            doc.published or "?",
            ", ".join(doc.credits) or "-",
            doc.language or "?",
            str(doc.sentences),
            str(doc.excluded_sentences),
            garble,
            f"[red]{counts[Severity.ERROR]}[/]/[yellow]{counts[Severity.WARNING]}[/]/[cyan]{counts[Severity.INFO]}[/]",
        )
    return table


def clusters_renderable(report: Report) -> RenderableType | None:
    if not report.clusters:
        return None
    table = Table(title="Facts across outlets", expand=False)
    table.add_column("status")
    table.add_column("outlets")
    table.add_column("fact (first member)", overflow="fold")
    order = {"disputed": 0, "corroborated": 1, "single-source": 2}
    style = {"disputed": "bold red", "corroborated": "green", "single-source": "dim"}
    shown = sorted(report.clusters, key=lambda c: (order.get(c.status, 3), -len(c.outlets)))
    garble_findings = [f for f in report.findings if f.category is Category.GARBLE]
    for cluster in shown:
        if cluster.status == "single-source" and len(shown) > 40:
            continue  # long corpora: single-source facts are in the JSON/HTML reports
        label = cluster.status if cluster.status != "corroborated" else f"corroborated by {len(cluster.outlets)}"
        fact = Text(cluster.members[0].text)
        garbled = [m for m in cluster.members if any(f.touches(m.doc, m.start, m.end) for f in garble_findings)]
        if garbled:
            outlets = ", ".join(m.outlet or m.doc for m in garbled)
            fact.append(f"  [garbled translation in {outlets}: do not quote]", style="bold yellow")
        table.add_row(Text(label, style=style.get(cluster.status, "")), ", ".join(cluster.outlets), fact)
    return table


PLAIN_WIDTH = 120  # logs and files are read in wide windows; rich would assume 80 columns


def document_metadata(doc: DocumentSummary) -> Text:
    """Dateline, byline, credits and where each metadata field came from."""
    line = Text(style="dim")
    parts = []
    if doc.dateline:
        parts.append(f"dateline: {doc.dateline}")
    if doc.byline:
        parts.append(f"byline: {doc.byline}")
    parts.append("credits: " + (", ".join(doc.credits) or "none found"))
    sources = dict(doc.metadata_source)
    if sources:
        parts.append("metadata from " + ", ".join(f"{field} ← {where}" for field, where in sorted(sources.items())))
    parts.extend(doc.notes)
    line.append(" · ".join(parts))
    return line


def render_terminal(report: Report, console: Console | None = None) -> None:
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=PLAIN_WIDTH)
    console.print(documents_table(report))
    clusters = clusters_renderable(report)
    if clusters is not None:
        console.print(clusters)
    for doc in report.documents:
        findings = report.findings_for(doc.id)
        title = f"{doc.id} — {doc.outlet or 'unknown outlet'}, {doc.published or 'date unknown'}"
        body: list[RenderableType] = [document_metadata(doc)]
        body.extend(_finding_renderable(report, f) for f in findings)
        if not findings:
            body.append(Text("no findings", style="green"))
        console.print(Panel(Group(*body), title=title, title_align="left"))
    console.print(summary_renderable(report))


def summary_renderable(report: Report) -> RenderableType:
    counts = report.severity_counts()
    lines: list[Text] = []
    line = Text("Summary: ", style="bold")
    line.append(f"{len(report.documents)} documents, ")
    line.append(f"{counts['error']} errors", style="red")
    line.append(", ")
    line.append(f"{counts['warning']} warnings", style="yellow")
    line.append(", ")
    line.append(f"{counts['info']} info", style="cyan")
    if report.clusters:
        line.append(f"; {len(report.clusters)} fact clusters")
    lines.append(line)
    if report.baseline:
        lines.append(
            Text(
                f"{report.baseline['suppressed']} known finding(s) not shown: in the baseline {report.baseline['file']}",
                style="dim",
            )
        )
    for skipped in _unique_skips(report.skipped):
        lines.append(Text(f"{skipped}", style="yellow"))
    for error in report.errors:
        where = f"{error['path']}:{error['line']}" if error.get("line") else error["path"]
        lines.append(Text(f"input error: {where}: {error['message']}", style="red"))
    for check, reason in dict.fromkeys((f["check"], f["reason"]) for f in report.failed):
        lines.append(Text(f"check failed: {check}: {reason} (its results are missing; a bug in auditor)", style="red"))
    if report.incomplete:
        lines.append(Text("Run incomplete: some inputs or checks could not be audited (see above).", style="bold red"))
    return Group(*lines)


def _unique_skips(skipped: Iterable[dict[str, str]]) -> list[str]:
    """'grammar: skipped (reason)' once per check and reason, naming the documents it concerns."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for entry in skipped:
        grouped.setdefault((entry["check"], entry["reason"]), [])
        if entry.get("doc"):
            grouped[(entry["check"], entry["reason"])].append(entry["doc"])
    out = []
    for (check, reason), docs in grouped.items():
        where = f" for {', '.join(docs)}" if docs else ""
        out.append(f"{check}: skipped ({reason}){where}")
    return out
