"""audit(paths, config) -> Report: read, segment, clean, analyze, align, report.

Data flows one way; every stage is a plain function over plain data:
  read_corpus -> segment_document -> clean rules (flag debris, exclude it from alignment)
  -> analyze rules (facts, embeddings, contradictions, garble...) -> clusters, scores -> Report
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor.checks.registry import ANALYZE, CLEAN, CheckContext, Rule, evidence_context, load_rules, to_finding
from auditor.config import Config
from auditor.corpus import read_corpus
from auditor.model import Document, Finding, fingerprint
from auditor.report.model import DocumentSummary, Report
from auditor.text import segment_document

ProgressCallback = Callable[[str], None]


def active_rules(config: Config, stage: str | None = None) -> list[Rule]:
    rules = sorted(load_rules().values(), key=lambda r: r.id)
    return [r for r in rules if config.rule_enabled(r.id) and (stage is None or r.stage == stage)]


def run_rules(ctx: CheckContext, rules: Iterable[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        severity = ctx.config.severity.get(rule.id, rule.severity)
        others = [d for d in ctx.documents if not d.is_english] if rule.english_only else []
        if others:
            for doc in others:
                ctx.skip(rule.id, f"English-only check; document language is '{doc.language}'", doc.id)
            # Own artifacts: what is computed on the English subset must not pass for the whole corpus.
            english = [d for d in ctx.documents if d.is_english]
            checked = CheckContext(english, ctx.config, ctx.skipped, {}, ctx._encoder)
        else:
            checked = ctx
        override = ctx.config.severity.get(rule.id)
        for flag in rule.check(checked):
            finding = to_finding(rule, flag, severity)
            # the user's configured severity beats the one a rule picks per flag
            findings.append(replace(finding, severity=override) if override else finding)
        if checked is not ctx:
            ctx._encoder = checked._encoder
    return findings


def exclude_flagged(documents: list[Document], findings: list[Finding]) -> list[Document]:
    """Mark every sentence that a cleaning finding overlaps as excluded from alignment."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for finding in findings:
        spans[finding.doc].append((finding.start, finding.end))
    updated = []
    for doc in documents:
        excluded = {
            s.index for s in doc.sentences for start, end in spans.get(doc.id, []) if s.start < end and start < s.end
        }
        updated.append(replace(doc, excluded=frozenset(excluded)) if excluded else doc)
    return updated


def with_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Stable fingerprints: rule, document, flagged text, and which occurrence of that text it is."""
    occurrences: dict[tuple[str, str, str], int] = defaultdict(int)
    result = []
    for finding in sorted(findings, key=Finding.sort_key):
        key = (finding.rule, finding.doc, finding.text)
        occurrence = occurrences[key]
        occurrences[key] += 1
        context = evidence_context(finding.evidence)
        result.append(
            replace(finding, fingerprint=fingerprint(finding.rule, finding.doc, finding.text, occurrence, context))
        )
    return result


def audit(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    encoder: Any = None,
    progress: ProgressCallback | None = None,
) -> Report:
    """Audit the articles under `paths` and return the report (the library form of `auditor audit`)."""
    config = config or Config()
    say = progress or (lambda _message: None)

    say("reading")
    corpus = read_corpus(paths, exclude=config.exclude, max_file_bytes=config.max_file_bytes)
    documents = [segment_document(doc) for doc in corpus.documents]
    ctx = CheckContext(documents, config, _encoder=encoder)

    say("cleaning")
    clean_findings = run_rules(ctx, active_rules(config, CLEAN))
    ctx.documents = exclude_flagged(documents, clean_findings)

    say("analyzing")
    findings = clean_findings + run_rules(ctx, active_rules(config, ANALYZE))

    say("aligning")
    from auditor.align import build_clusters
    from auditor.align.counterparts import with_counterparts
    from auditor.checks.scores import document_garble_scores

    clusters = build_clusters(ctx) if ctx.documents else []
    findings = with_counterparts(ctx, findings) if ctx.documents else findings
    garble_scores = document_garble_scores(ctx) if ctx.documents else {}

    return Report(
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        documents=[DocumentSummary.from_document(d, garble_scores.get(d.id)) for d in ctx.documents],
        findings=with_fingerprints(findings),
        clusters=clusters,
        skipped=[s.as_dict() for s in ctx.skipped],
        errors=[e.as_dict() for e in corpus.errors],
        documents_by_id={d.id: d for d in ctx.documents},
    )
