"""The Report: what every renderer (terminal, JSON, HTML, SARIF, Markdown...) draws from.

`Report.to_dict()` is the JSON contract (schema "auditor.report/1"); fields may be added,
never renamed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor import __version__
from auditor.model import Document, Evidence, Finding, Severity

SCHEMA_ID = "auditor.report/1"


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    path: str
    outlet: str | None
    published: str | None
    title: str | None
    language: str | None
    credits: tuple[str, ...]
    byline: str | None
    dateline: str | None
    sentences: int
    excluded_sentences: int
    garble_score: float | None = None
    metadata_source: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    @classmethod
    def from_document(cls, doc: Document, garble_score: float | None = None) -> DocumentSummary:
        return cls(
            id=doc.id,
            path=doc.path,
            outlet=doc.outlet,
            published=doc.published.isoformat() if doc.published else None,
            title=doc.title,
            language=doc.language,
            credits=tuple(doc.credit_labels),
            byline=doc.byline,
            dateline=doc.dateline,
            sentences=len(doc.sentences),
            excluded_sentences=len(doc.excluded),
            garble_score=garble_score,
            metadata_source=doc.metadata_source,
            notes=doc.notes,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "language": self.language,
            "credits": list(self.credits),
            "byline": self.byline,
            "dateline": self.dateline,
            "sentences": self.sentences,
            "excluded_sentences": self.excluded_sentences,
            "garble_score": self.garble_score,
            "metadata_source": dict(self.metadata_source),
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class ClusterMember:
    doc: str
    text: str
    start: int
    end: int
    outlet: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "outlet": self.outlet,
            "published": self.published,
        }


@dataclass(frozen=True)
class Cluster:
    """A fact reported by one or more outlets: its members and whether they agree."""

    id: str
    members: tuple[ClusterMember, ...]
    status: str  # "corroborated" | "single-source" | "disputed"
    score: float = 1.0
    label: str | None = None

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet or m.doc for m in self.members})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlets": self.outlets,
            "status": self.status,
            "score": round(self.score, 3),
            "label": self.label,
            "members": [m.to_dict() for m in self.members],
        }


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "doc": evidence.doc,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
        "line": evidence.line,
        "column": evidence.column,
        "outlet": evidence.outlet,
        "published": evidence.published,
        "relation": evidence.relation,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "doc": finding.doc,
        "text": finding.text,
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "confidence": finding.confidence,
        "fingerprint": finding.fingerprint,
        "evidence": [evidence_to_dict(e) for e in finding.evidence],
    }


@dataclass
class Report:
    generated: str
    documents: list[DocumentSummary]
    findings: list[Finding]
    clusters: list[Cluster] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)  # input problems: path, line, message
    failed: list[dict[str, str]] = field(default_factory=list)  # checks that raised: check, reason
    documents_by_id: dict[str, Document] = field(default_factory=dict, repr=False)  # originals, for renderers
    baseline: dict[str, Any] | None = None  # {"file", "suppressed"} when a baseline hid known findings

    @property
    def incomplete(self) -> bool:
        """Some input was not read, or some check failed: the findings are not the whole story."""
        return bool(self.errors or self.failed)

    def severity_counts(self) -> dict[str, int]:
        counts = Counter(f.severity.value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    def category_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.category.value for f in self.findings).items()))

    def findings_for(self, doc_id: str) -> list[Finding]:
        return [f for f in self.findings if f.doc == doc_id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "generated": self.generated,
            "tool": {"name": "auditor", "version": __version__},
            "documents": [d.to_dict() for d in self.documents],
            "clusters": [c.to_dict() for c in self.clusters],
            "findings": [finding_to_dict(f) for f in self.findings],
            "summary": {
                "documents": len(self.documents),
                "findings": self.severity_counts(),
                "categories": self.category_counts(),
                "clusters": dict(Counter(c.status for c in self.clusters)),
                "skipped": self.skipped,
                "errors": self.errors,
                "failed": self.failed,
                "incomplete": self.incomplete,
                "baseline": self.baseline,
            },
        }
