"""SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, VS Code's SARIF viewer...).

One run; `tool.driver.rules` carries every rule with its documentation as help text; each
finding is a result with a region (line and column of both ends, in Unicode code points, as
Python counts them), the flagged text as snippet, the other side of a contradiction as related
locations, and the finding's fingerprint as a partial fingerprint so that code-scanning UIs
track a finding across runs. Paths are relative to the working directory (`%SRCROOT%`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.model import SAME_FACT, Evidence, Finding, Severity
from auditor.report.model import Report

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "auditorFingerprint/v1"
SRCROOT = "%SRCROOT%"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


# Readers whose offsets map onto the file's own lines; HTML (extracted text) and JSONL (a string
# inside a JSON line) do not, so their positions are given as positions in the text, not the file.
FILE_POSITION_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(frozen=True)
class Region:
    """1-based line and column of both ends; the end column is that of the character after the span."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    in_file: bool = True  # False: the position is in the text read from the file (HTML, JSONL), not the file
    record_line: int | None = None  # JSONL: the file line of the record whose text holds the span

    def describe(self) -> str:
        """'line 3, column 5' in the words a reader needs when it is not a position in the file."""
        where = f"line {self.start_line}, column {self.start_column}"
        if self.in_file:
            return where
        if self.record_line is not None:
            return f"{where} of the text of the record on line {self.record_line}"
        return f"{where} of the text extracted from the file"

    def to_sarif(self) -> dict[str, int]:
        return {
            "startLine": self.start_line,
            "startColumn": self.start_column,
            "endLine": self.end_line,
            "endColumn": self.end_column,
        }


def span_region(report: Report, doc_id: str, start: int, end: int, text: str, line: int, column: int) -> Region:
    """The region of a span, from the document's own line table when the report still has the original."""
    doc = report.documents_by_id.get(doc_id)
    if doc is not None:
        start_line, start_column = doc.line_column(start)
        end_line, end_column = doc.line_column(end)
        in_file = Path(doc.path).suffix.lower() in FILE_POSITION_SUFFIXES
        return Region(start_line, start_column, end_line, end_column, in_file, doc.record_line)
    # A report without originals (e.g. rebuilt from JSON): count lines in the flagged text itself.
    lines = text.split("\n")
    end_line = line + len(lines) - 1
    end_column = (column if len(lines) == 1 else 1) + len(lines[-1])
    return Region(line, column, end_line, end_column)


def finding_region(report: Report, finding: Finding) -> Region:
    return span_region(report, finding.doc, finding.start, finding.end, finding.text, finding.line, finding.column)


def evidence_region(report: Report, evidence: Evidence) -> Region:
    return span_region(
        report, evidence.doc, evidence.start, evidence.end, evidence.text, evidence.line or 1, evidence.column or 1
    )


def relative_path(path: str, base: Path | None = None) -> str:
    """A path as CI systems want it: relative to the working directory, with forward slashes."""
    base = (base or Path.cwd()).resolve()
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(base).as_posix()
    except ValueError:
        return candidate.as_posix() if not candidate.is_absolute() else candidate.resolve().as_posix()


def document_paths(report: Report, base: Path | None = None) -> dict[str, str]:
    """doc id -> path relative to `base` (every renderer that points at files uses the same paths)."""
    return {d.id: relative_path(d.path, base) for d in report.documents}


def _rule_descriptors(report: Report) -> list[dict[str, Any]]:
    from auditor.checks.registry import load_rules

    registry = load_rules()
    descriptors = []
    for rule in sorted(registry.values(), key=lambda r: r.id):
        descriptors.append(
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc or rule.summary},
                "help": {"text": rule.doc or rule.summary},
                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                "properties": {"category": rule.category.value, "tags": [rule.category.value]},
            }
        )
    # A finding from a rule that is not registered here (a plugin, an older report) still gets a descriptor.
    known = {d["id"] for d in descriptors}
    for finding in report.findings:
        if finding.rule not in known:
            known.add(finding.rule)
            descriptors.append(
                {
                    "id": finding.rule,
                    "shortDescription": {"text": finding.rule},
                    "properties": {"category": finding.category.value, "tags": [finding.category.value]},
                }
            )
    return descriptors


def _location(uri: str, artifact_index: int | None, region: Region, snippet: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri, "uriBaseId": SRCROOT}
    if artifact_index is not None:
        artifact["index"] = artifact_index
    if not region.in_file:
        # A text region would point at the wrong line of the HTML/JSONL file: name the file (and a
        # JSONL record's line), say where in its text.
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if region.record_line is not None:
            physical["region"] = {"startLine": region.record_line}
        return {"physicalLocation": physical, "message": {"text": f"{region.describe()}: {snippet}"}}
    region_with_snippet = {**region.to_sarif(), "snippet": {"text": snippet}}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region_with_snippet}}


def _result(
    report: Report,
    finding: Finding,
    rule_index: dict[str, int],
    paths: dict[str, str],
    artifact_index: dict[str, int],
) -> dict[str, Any]:
    region = finding_region(report, finding)
    message = finding.message
    if finding.suggestion:
        message += f" Suggestion: {finding.suggestion}"
    if not region.in_file:
        message += f" (at {region.describe()})"
    uri = paths.get(finding.doc, finding.doc)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [_location(uri, artifact_index.get(finding.doc), region, finding.text)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "category": finding.category.value,
            "confidence": finding.confidence,
            "suggestion": finding.suggestion,
            "document": finding.doc,
        },
    }
    related = []
    for number, evidence in enumerate(finding.evidence, start=1):
        location = _location(
            paths.get(evidence.doc, evidence.doc),
            artifact_index.get(evidence.doc),
            evidence_region(report, evidence),
            evidence.text,
        )
        source = ", ".join(p for p in (evidence.outlet or evidence.doc, evidence.published) if p)
        location["id"] = number
        label = "same fact in " if evidence.relation == SAME_FACT else ""
        location["message"] = {"text": f"{label}{source}: {evidence.text}"}
        related.append(location)
    if related:
        result["relatedLocations"] = related
    return result


def _invocation(report: Report, paths: dict[str, str]) -> dict[str, Any]:
    errors = []
    for error in report.errors:
        notification: dict[str, Any] = {"level": "error", "message": {"text": str(error.get("message", ""))}}
        where: dict[str, Any] = {"artifactLocation": {"uri": relative_path(str(error.get("path", "")))}}
        if error.get("line"):
            where["region"] = {"startLine": int(error["line"])}
        notification["locations"] = [{"physicalLocation": where}]
        errors.append(notification)
    for failure in report.failed:
        errors.append(
            {
                "level": "error",
                "message": {
                    "text": f"{failure.get('check')}: failed ({failure.get('reason')}); its results are missing"
                },
                "descriptor": {"id": str(failure.get("check"))},
            }
        )
    skipped = [
        {
            "level": "note",
            "message": {"text": f"{s.get('check')}: skipped ({s.get('reason')})"},
            "descriptor": {"id": str(s.get("check"))},
        }
        for s in report.skipped
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not report.incomplete}
    if errors:
        invocation["toolExecutionNotifications"] = errors
    if skipped:
        invocation["toolConfigurationNotifications"] = skipped
    return invocation


def render_sarif(report: Report, base: Path | None = None) -> dict[str, Any]:
    """The SARIF log of a report, as a JSON-ready dict; paths relative to `base` (default: cwd)."""
    base = (base or Path.cwd()).resolve()
    paths = document_paths(report, base)
    files = list(dict.fromkeys(paths.values()))  # one artifact per file; a JSONL file holds many documents
    artifact_index = {doc_id: files.index(uri) for doc_id, uri in paths.items()}
    rules = _rule_descriptors(report)
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "auditor",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri() + "/"}},
        "artifacts": [{"location": {"uri": uri, "uriBaseId": SRCROOT}, "sourceLanguage": "text"} for uri in files],
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report, paths)],
        "results": [_result(report, f, rule_index, paths, artifact_index) for f in report.findings],
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def sarif_json(report: Report, base: Path | None = None) -> str:
    return json.dumps(render_sarif(report, base), indent=2, ensure_ascii=False) + "\n"
