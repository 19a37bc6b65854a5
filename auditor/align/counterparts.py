"""Same fact, other wording: what a fact-checker can quote instead of a damaged sentence.

A finding that says "do not quote this" (garbled machine translation, category garble) is more
useful with the sentences of other outlets that report the same fact: a republisher's garbled
"about 2 5 Hundreds U S. troops" next to the wire's "about 2,500 U.S. troops". They come from
the aligner's same-fact pairs and are attached as evidence with relation "same-fact"; a
counterpart that is itself flagged as garbled is not offered. Counterparts do not enter a
finding's fingerprint, so a new outlet reporting the fact does not make a known finding new.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np

from auditor.align.pairs import aligned_pairs
from auditor.checks.registry import CheckContext
from auditor.checks.results import kept_for_corpus
from auditor.model import SAME_FACT, Category, Evidence, Finding, Sentence

MAX_COUNTERPARTS = 2  # the best two are enough to read the fact in clean words
COUNTERPARTS_STAGE = "counterparts"


def _sentence_at(sentences: list[Sentence], start: int, end: int) -> Sentence | None:
    """The sentence a finding's span starts in (a span may run over the sentence's end)."""
    for sentence in sentences:
        if sentence.start <= start < sentence.end or (start == end == sentence.start):
            return sentence
    return None


def with_counterparts(ctx: CheckContext, findings: list[Finding]) -> list[Finding]:
    """`findings` with same-fact evidence from other outlets added to each garble finding.

    With a work cache, the counterparts found for the same garble spans in a corpus seen before
    are not looked up again (they depend on every document, through the aligner's pairs)."""
    garbled = [f for f in findings if f.category is Category.GARBLE]
    if not garbled:
        return findings
    spans = [(f.doc, f.start, f.end) for f in garbled]
    found = kept_for_corpus(ctx, COUNTERPARTS_STAGE, (spans,), lambda: _counterparts(ctx, garbled))
    added = iter(found)
    result = []
    for finding in findings:
        counterparts = next(added) if finding.category is Category.GARBLE else ()
        result.append(replace(finding, evidence=finding.evidence + counterparts) if counterparts else finding)
    return result


def _counterparts(ctx: CheckContext, garbled: list[Finding]) -> list[tuple[Evidence, ...]]:
    """The same-fact evidence for each of the garble findings, in order."""
    flagged_sentences = {
        (f.doc, s.index) for f in garbled for s in ctx.document(f.doc).sentences if f.touches(f.doc, s.start, s.end)
    }
    pairs = aligned_pairs(ctx)
    table = pairs.table
    flagged_rows = np.array(
        [r for r, s in enumerate(table.sentences) if (s.doc_id, s.index) in flagged_sentences], dtype=np.int64
    )
    # Only the same-fact pairs that touch a flagged sentence become objects (a corpus has ~10^6 pairs).
    wanted = pairs.same_fact_mask() & (np.isin(pairs.rows_a, flagged_rows) | np.isin(pairs.rows_b, flagged_rows))
    same_fact: dict[tuple[str, int], list[tuple[float, Sentence]]] = defaultdict(list)
    for position in np.flatnonzero(wanted):
        pair = pairs[int(position)]
        same_fact[(pair.a.doc_id, pair.a.index)].append((pair.score, pair.b))
        same_fact[(pair.b.doc_id, pair.b.index)].append((pair.score, pair.a))

    result = []
    for finding in garbled:
        doc = ctx.document(finding.doc)
        sentence = _sentence_at(list(doc.sentences), finding.start, finding.end)
        candidates = same_fact.get((finding.doc, sentence.index), []) if sentence else []
        clean = sorted(
            (c for c in candidates if (c[1].doc_id, c[1].index) not in flagged_sentences),
            key=lambda c: (-c[0], c[1].doc_id, c[1].index),
        )
        seen_docs: set[str] = set()
        counterparts = []
        for _, other in clean:
            if other.doc_id in seen_docs:
                continue  # one sentence per outlet
            seen_docs.add(other.doc_id)
            counterparts.append(Evidence.from_span(ctx.document(other.doc_id), other.start, other.end, SAME_FACT))
            if len(counterparts) == MAX_COUNTERPARTS:
                break
        result.append(tuple(counterparts))
    return result
