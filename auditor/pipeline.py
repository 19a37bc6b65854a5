"""audit(paths, config) -> Report: read, segment, clean, analyze, align, report.

Data flows one way; every stage is a plain function over plain data:
  read_corpus -> segment_document -> clean rules (flag debris, exclude it from alignment)
  -> analyze rules (facts, embeddings, contradictions, garble...) -> clusters, scores -> Report
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from auditor.checks.contradiction.common import (
    CANDIDATES_ARTIFACT,
    CLAUSE_CONTENT_ARTIFACT,
    EVENT_PLACES_ARTIFACT,
)
from auditor.checks.registry import (
    ANALYZE,
    CLEAN,
    CORPUS,
    CheckContext,
    Rule,
    evidence_context,
    load_rules,
    to_finding,
)
from auditor.checks.results import rule_flags
from auditor.config import Config
from auditor.corpus import read_corpus
from auditor.embed.encoder import ModelUnavailable, release_freed_memory
from auditor.facts import FACTS_ARTIFACT
from auditor.model import Category, Document, Finding, Flag, fingerprint
from auditor.report.model import Cluster, DocumentSummary, Report
from auditor.text import segment_documents
from auditor.workcache import open_work_cache

ProgressCallback = Callable[[str], None]

# Artifacts of the analyze stage that nothing after it reads (clusters read the sentence table and
# the aligned pairs, garble scores their own artifacts): the contradiction rules' candidate list
# (one object per aligned pair scoring >= 0.35), their facts and memos. Dropped before the clusters
# are built, so the audit's last stage does not carry them (a stage that asked again would only
# compute them again: no result depends on the drop).
SPENT_AFTER_ANALYSIS = (CANDIDATES_ARTIFACT, FACTS_ARTIFACT, CLAUSE_CONTENT_ARTIFACT, EVENT_PLACES_ARTIFACT)


def drop_spent_artifacts(ctx: CheckContext) -> list[str]:
    """Forget the artifacts no later stage reads (SPENT_AFTER_ANALYSIS) and hand their memory back;
    the names dropped."""
    dropped = [name for name in SPENT_AFTER_ANALYSIS if ctx.artifacts.pop(name, None) is not None]
    if dropped:
        release_freed_memory()
    return dropped


def active_rules(config: Config, stage: str | None = None) -> list[Rule]:
    rules = sorted(load_rules().values(), key=lambda r: r.id)
    return [r for r in rules if config.rule_enabled(r.id) and (stage is None or r.stage == stage)]


# Set to 1 to let a failing check's exception end the audit with its traceback (developers, tests).
RAISE_ENV = "AUDITOR_RAISE"
T = TypeVar("T")


def check_failure(check: str, error: Exception) -> dict[str, str]:
    """The report's entry for a check that raised: which check, and the error on one line."""
    message = " ".join(str(error).split())
    reason = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return {"check": check, "reason": reason[:500]}


def guarded(check: str, failed: list[dict[str, str]], compute: Callable[[], T], fallback: T) -> T:
    """`compute()`, or `fallback` when it raises: one check's bug costs the user that check's
    results (the report says which check failed and why, and the run counts as incomplete), not
    every other check's. With AUDITOR_RAISE=1 the exception ends the audit instead."""
    if os.environ.get(RAISE_ENV) == "1":
        return compute()
    try:
        return compute()
    except ModelUnavailable:  # a setting to fix: every check that embeds would fail the same way
        raise
    except Exception as error:
        failed.append(check_failure(check, error))
        return fallback


def run_rules(ctx: CheckContext, rules: Iterable[Rule], failed: list[dict[str, str]] | None = None) -> list[Finding]:
    """The rules' findings. Given a `failed` list, a rule that raises adds an entry to it and no
    findings (see `guarded`); without one, its exception ends the run."""
    findings: list[Finding] = []
    english_ctx: CheckContext | None = None
    for rule in rules:
        severity = ctx.config.severity.get(rule.id, rule.severity)
        others = [d for d in ctx.documents if not d.is_english] if rule.english_only else []
        if others:
            for doc in others:
                ctx.skip(rule.id, f"English-only check; document language is '{doc.language}'", doc.id)
            # Own artifacts: what is computed on the English subset must not pass for the whole
            # corpus. One such context for all English-only rules, so they share it as the rules
            # of an all-English corpus share ctx (facts, aligned pairs: computed once, not per rule).
            if english_ctx is None:
                english = [d for d in ctx.documents if d.is_english]
                english_ctx = CheckContext(english, ctx.config, ctx.skipped, {}, ctx._encoder, ctx.work)
            english_ctx._encoder = english_ctx._encoder or ctx._encoder
            checked = english_ctx
        else:
            checked = ctx
        override = ctx.config.severity.get(rule.id)
        no_flags: list[Flag] = []
        flags = (
            rule_flags(rule, checked)
            if failed is None
            else guarded(rule.id, failed, partial(rule_flags, rule, checked), no_flags)
        )
        for flag in flags:
            finding = to_finding(rule, flag, severity)
            # the user's configured severity beats the one a rule picks per flag
            findings.append(replace(finding, severity=override) if override else finding)
        if checked is not ctx:
            ctx._encoder = ctx._encoder or checked._encoder
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


# Why a report part was not computed (summary.skipped); see `wanted_outputs`.
CLUSTERS_SKIPPED = "not built: no contradiction rule (C) is selected"
GARBLE_SCORES_SKIPPED = "not computed: no garble rule (G) is selected and no max-garble-score is set"


def wanted_outputs(
    config: Config, rules: Sequence[Rule], clusters: bool = True, garble_scores: bool = True
) -> tuple[bool, bool]:
    """(build fact clusters?, compute document garble scores?) for this selection of rules.

    Both embed the whole corpus, so they run only when something uses them: clusters belong to
    the contradiction rules (which share the aligner's pairs and mark clusters disputed),
    garble scores to the garble rules (which compute most of their parts anyway) and to the
    `max-garble-score` gate; `clusters` / `garble_scores` False say the report does not show them.
    """
    categories = {r.category for r in rules}
    want_clusters = clusters and Category.CONTRADICTION in categories
    want_garble = (garble_scores and Category.GARBLE in categories) or config.max_garble_score is not None
    return want_clusters, want_garble


class CorpusFirstEncoder:
    """The audit's encoder, whose first call first embeds every sentence of the English documents.

    The rules that embed (aligner, coherence, headings) would otherwise each encode their own
    share in many small calls; one call sorted by length keeps the model's batches full, and the
    rules then find every vector in the encoder's memory. Only English text is embedded: the
    model is English, and every rule that embeds is English-only. On the first call, not before
    the rules: a re-audit whose results the work cache keeps embeds nothing at all.
    """

    def __init__(self, encoder: Any, texts: list[str], say: ProgressCallback) -> None:
        self.encoder = encoder
        self._pending = texts
        self._say = say

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> Any:
        if self._pending:
            pending, self._pending = self._pending, []
            self._say("embedding")
            preload = getattr(self.encoder, "preload", None)  # no (n, dim) copy to throw away
            if preload is not None:
                preload(pending)
            else:
                self.encoder.encode(pending)
            release_freed_memory()
        return self.encoder.encode(texts, progress)

    def __getattr__(self, name: str) -> Any:  # model_id, cache, dimension...: the encoder's
        return getattr(self.encoder, name)


def audit(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    encoder: Any = None,
    progress: ProgressCallback | None = None,
    clusters: bool = True,
    garble_scores: bool = True,
) -> Report:
    """Audit the articles under `paths` and return the report (the library form of `auditor audit`).

    Fact clusters are built only when a contradiction rule is selected, and document garble
    scores computed only when a garble rule is selected or `max_garble_score` is set
    (`wanted_outputs`); otherwise they are [] / None and `report.skipped` says why (check
    "clusters" / "garble-score"). `clusters=False` / `garble_scores=False` skip them silently,
    for outputs that do not show them.
    """
    config = config or Config()
    say = progress or (lambda _message: None)

    say("reading")
    work = open_work_cache(config, encoder)
    corpus = read_corpus(paths, exclude=config.exclude, max_file_bytes=config.max_file_bytes, cache=work)
    if work is not None:
        work.flush()
    documents = segment_documents(corpus.documents, work)
    ctx = CheckContext(documents, config, _encoder=encoder, work=work)
    rules = active_rules(config)
    want_clusters, want_garble = wanted_outputs(config, rules, clusters, garble_scores)
    if want_clusters or want_garble or any(r.embeds_corpus for r in rules):
        sentences = dict.fromkeys(s.text for doc in ctx.documents if doc.is_english for s in doc.sentences)
        ctx._encoder = CorpusFirstEncoder(ctx.encoder, list(sentences), say)

    say("cleaning")
    failed: list[dict[str, str]] = []
    clean_findings = run_rules(ctx, [r for r in rules if r.stage == CLEAN], failed)
    ctx.documents = exclude_flagged(documents, clean_findings)

    say("analyzing")
    analyze_rules = [r for r in rules if r.stage == ANALYZE]
    findings = clean_findings + run_rules(ctx, analyze_rules, failed)

    say("aligning")
    from auditor.align import build_clusters
    from auditor.align.counterparts import with_counterparts
    from auditor.checks.scores import document_garble_scores

    if ctx.documents and clusters and not want_clusters:
        ctx.skip("clusters", CLUSTERS_SKIPPED)
    if ctx.documents and garble_scores and not want_garble:
        ctx.skip("garble-score", GARBLE_SCORES_SKIPPED)
    drop_spent_artifacts(ctx)
    contradictions = [f for f in findings if f.category is Category.CONTRADICTION]
    fact_clusters: list[Cluster] = []
    if ctx.documents and want_clusters:
        fact_clusters = guarded("clusters", failed, partial(build_clusters, ctx, contradictions), fact_clusters)
    scores: dict[str, float] = {}
    if ctx.documents and want_garble:
        scores = guarded("garble-score", failed, partial(document_garble_scores, ctx), scores)
    # Same-fact counterparts come from the aligner's pairs: there when clusters are built or the
    # contradiction rules that compare documents ran; a garble-only audit does not align the
    # corpus for them.
    aligned = want_clusters or any(r.category is Category.CONTRADICTION and r.scope == CORPUS for r in analyze_rules)
    if ctx.documents and aligned:
        findings = guarded("counterparts", failed, lambda: with_counterparts(ctx, findings), findings)

    return Report(
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        documents=[DocumentSummary.from_document(d, scores.get(d.id)) for d in ctx.documents],
        findings=with_fingerprints(findings),
        clusters=fact_clusters,
        skipped=[s.as_dict() for s in ctx.skipped],
        errors=[e.as_dict() for e in corpus.errors],
        failed=failed,
        documents_by_id={d.id: d for d in ctx.documents},
    )
