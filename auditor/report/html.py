"""The HTML report: one self-contained file (inline CSS and JS, nothing fetched).

Article text is untrusted, so the page is built server-side by a jinja2 template with
autoescaping on; the script only shows, hides and reorders elements that already exist
(it never writes markup). A Content-Security-Policy with a per-report nonce is a second
line of defence: even a tag that slipped past escaping could not run or fetch anything.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

import jinja2

from auditor import __version__
from auditor.model import SAME_FACT, Category, Document, Evidence, Finding, Severity
from auditor.report.model import Cluster, Report

MAX_CONTEXT = 320  # characters of sentence shown around a flagged span
STATUS_ORDER = ("disputed", "corroborated", "single-source")
STATUS_LABEL = {"disputed": "Disputed", "corroborated": "Corroborated", "single-source": "Single source"}


@dataclass(frozen=True)
class Snippet:
    """A sentence split around the flagged span, so the template can wrap the span in <mark>."""

    before: str
    flagged: str
    after: str
    clipped_start: bool = False
    clipped_end: bool = False


@dataclass(frozen=True)
class Side:
    """One side of a contradiction (or a supporting quote): where it is and what it says."""

    label: str
    outlet: str
    published: str | None
    doc: str
    line: int | None
    snippet: Snippet


@dataclass(frozen=True)
class FindingView:
    index: int
    anchor: str
    finding: Finding
    outlet: str
    outlet_keys: str  # space-separated outlet filter keys of the finding and its evidence
    published: str | None
    rule_name: str
    snippet: Snippet
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class DocumentRow:
    id: str
    outlet: str
    published: str | None
    title: str | None
    credits: tuple[str, ...]
    language: str | None
    sentences: int
    debris: int
    garble_score: float | None
    by_category: dict[str, int]
    by_severity: dict[str, int]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class RuleView:
    id: str
    name: str
    category: str
    severity: str
    summary: str
    doc: str
    used: int


@dataclass(frozen=True)
class ClusterView:
    cluster: Cluster
    findings: tuple[FindingView, ...]  # contradictions about this fact (what makes it disputed)
    related: tuple[FindingView, ...]  # contradictions over another fact a member sentence also states
    garbled: tuple[tuple[FindingView, ...], ...]  # per member: garble findings in its sentence


def _touches(cluster: Cluster, finding: Finding) -> bool:
    """Does a contradiction finding (either side) overlap one of the cluster's statements?"""
    if finding.category is not Category.CONTRADICTION:
        return False
    spans = [(finding.doc, finding.start, finding.end)] + [(e.doc, e.start, e.end) for e in finding.evidence]
    return any(m.doc == doc and m.start < end and start < m.end for m in cluster.members for doc, start, end in spans)


def cluster_view(cluster: Cluster, findings: list[FindingView]) -> ClusterView:
    from auditor.align.clusters import disputes

    touching = [v for v in findings if _touches(cluster, v.finding)]
    about = tuple(v for v in touching if disputes(v.finding, cluster.members))
    garbled = tuple(
        tuple(v for v in findings if v.finding.category is Category.GARBLE and v.finding.touches(m.doc, m.start, m.end))
        for m in cluster.members
    )
    return ClusterView(cluster, about, tuple(v for v in touching if v not in about), garbled)


def context_snippet(doc: Document | None, start: int, end: int, fallback: str) -> Snippet:
    """The sentence (or line) around [start, end) of the original text, split for highlighting."""
    if doc is None or not (0 <= start <= end <= len(doc.text)):
        return Snippet("", fallback, "")
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    sentence = doc.sentence_at(start)
    window_start = max(line_start, sentence.start if sentence else line_start)
    window_end = min(line_end, max(sentence.end if sentence else line_end, end))
    window_start = min(window_start, start)
    window_end = max(window_end, end)
    if window_end - window_start > MAX_CONTEXT:  # long lines: keep the span and some context
        window_start = max(window_start, start - MAX_CONTEXT // 3)
        window_end = min(window_end, max(end, window_start + MAX_CONTEXT))
    return Snippet(
        before=text[window_start:start],
        flagged=text[start:end],
        after=text[end:window_end],
        clipped_start=window_start > line_start,
        clipped_end=window_end < line_end,
    )


def _outlet_name(report: Report, doc_id: str, fallback: str | None = None) -> str:
    doc = report.documents_by_id.get(doc_id)
    if doc is not None and doc.outlet:
        return doc.outlet
    for summary in report.documents:
        if summary.id == doc_id and summary.outlet:
            return summary.outlet
    return fallback or doc_id


def _side(report: Report, evidence: Evidence, label: str) -> Side:
    doc = report.documents_by_id.get(evidence.doc)
    return Side(
        label=label,
        outlet=evidence.outlet or _outlet_name(report, evidence.doc),
        published=evidence.published,
        doc=evidence.doc,
        line=evidence.line,
        snippet=context_snippet(doc, evidence.start, evidence.end, evidence.text),
    )


def _rule_catalogue() -> dict[str, RuleView]:
    from auditor.checks.registry import load_rules

    return {
        rule.id: RuleView(rule.id, rule.name, rule.category.value, rule.severity.value, rule.summary, rule.doc, 0)
        for rule in load_rules().values()
    }


def build_view(report: Report) -> dict[str, object]:
    """Everything the template shows, as plain data (the template does no computing)."""
    outlets = sorted(
        {_outlet_name(report, d.id) for d in report.documents}
        | {_outlet_name(report, e.doc, e.outlet) for f in report.findings for e in f.evidence}
    )
    outlet_key = {name: f"o{i}" for i, name in enumerate(outlets)}
    catalogue = _rule_catalogue()
    used = Counter(f.rule for f in report.findings)

    findings: list[FindingView] = []
    for index, finding in enumerate(sorted(report.findings, key=Finding.sort_key)):
        outlet = _outlet_name(report, finding.doc)
        own = Evidence(
            finding.doc,
            finding.text,
            finding.start,
            finding.end,
            outlet,
            _published(report, finding.doc),
            finding.line,
            finding.column,
        )
        sides: tuple[Side, ...] = ()
        if finding.evidence:
            other_label = "Other side" if finding.category is Category.CONTRADICTION else "Evidence"
            sides = (
                _side(report, own, "This article"),
                *(
                    _side(report, e, "Same fact elsewhere" if e.relation == SAME_FACT else other_label)
                    for e in finding.evidence
                ),
            )
        keys = {outlet_key[outlet]} | {outlet_key[_outlet_name(report, e.doc, e.outlet)] for e in finding.evidence}
        rule = catalogue.get(finding.rule)
        findings.append(
            FindingView(
                index=index,
                anchor=f"finding-{index + 1}",
                finding=finding,
                outlet=outlet,
                outlet_keys=" ".join(sorted(keys)),
                published=_published(report, finding.doc),
                rule_name=rule.name if rule else "(not in the rule registry)",
                snippet=context_snippet(
                    report.documents_by_id.get(finding.doc), finding.start, finding.end, finding.text
                ),
                sides=sides,
            )
        )

    categories_present = sorted({f.category.value for f in report.findings}, key=_category_order)
    documents = []
    for summary in report.documents:
        own_findings = report.findings_for(summary.id)
        documents.append(
            DocumentRow(
                id=summary.id,
                outlet=_outlet_name(report, summary.id),
                published=summary.published,
                title=summary.title,
                credits=summary.credits,
                language=summary.language,
                sentences=summary.sentences,
                debris=summary.excluded_sentences,
                garble_score=summary.garble_score,
                by_category=dict(Counter(f.category.value for f in own_findings)),
                by_severity=dict(Counter(f.severity.value for f in own_findings)),
                notes=summary.notes,
            )
        )

    rules = [
        RuleView(r.id, r.name, r.category, r.severity, r.summary, r.doc, used.get(r.id, 0))
        for r in sorted(catalogue.values(), key=lambda r: (used.get(r.id, 0) == 0, r.id))
    ]
    clusters_by_status: dict[str, list[ClusterView]] = {status: [] for status in STATUS_ORDER}
    for cluster in report.clusters:
        view = cluster_view(cluster, findings)
        clusters_by_status.setdefault(cluster.status, []).append(view)
    for views in clusters_by_status.values():
        views.sort(key=lambda v: (-len(v.cluster.outlets), v.cluster.id))

    return {
        "report": report,
        "version": __version__,
        "documents": documents,
        "categories_present": categories_present,
        "findings": findings,
        "severities": [s.value for s in Severity],
        "categories": [c.value for c in Category],
        "outlets": [(outlet_key[name], name) for name in outlets],
        "rules_in_findings": sorted(used),
        "rules": rules,
        "clusters_by_status": [(s, STATUS_LABEL.get(s, s), clusters_by_status[s]) for s in clusters_by_status],
        "severity_counts": report.severity_counts(),
        "skipped": report.skipped,
        "errors": report.errors,
        "failed": report.failed,
    }


def _published(report: Report, doc_id: str) -> str | None:
    doc = report.documents_by_id.get(doc_id)
    if doc is not None and doc.published:
        return doc.published.isoformat()
    return next((d.published for d in report.documents if d.id == doc_id), None)


def _category_order(category: str) -> int:
    names = [c.value for c in Category]
    return names.index(category) if category in names else len(names)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("auditor.report", "templates"),
        autoescape=True,  # article text is untrusted: every {{ }} is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def default_title(report: Report) -> str:
    """'auditor report: afghanistan-2021', named after the folders the articles came from."""
    folders = sorted({PurePath(d.path).parent.name for d in report.documents} - {""})
    return "auditor report" + (f": {', '.join(folders[:3])}" if folders else "") + (" …" if len(folders) > 3 else "")


def render_html(report: Report, title: str | None = None) -> str:
    """The report as one self-contained HTML page."""
    title = title or default_title(report)
    nonce = secrets.token_urlsafe(18)
    template = _environment().get_template("report.html.j2")
    return template.render(title=title, nonce=nonce, **build_view(report))
