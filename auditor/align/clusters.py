"""Fact clusters: sentences of different documents that report the same fact.

Greedy average-linkage over the same-fact pairs, strongest first, with one rule that stops
the chaining a one-topic corpus invites: a cluster holds at most one sentence per document
(an article states a fact once; its other sentences on the topic are other facts). Two
clusters merge only when the mean same-fact score across all their cross pairs clears the
threshold, so a chain A~B~C with A and C unrelated stays split.

Status: "corroborated" when two or more outlets report it, "single-source" when one does,
"disputed" when a contradiction finding (of the C checks, which the pipeline passes in) is
about this fact: for a fact one sentence reports, the finding touches that sentence; for a fact
several outlets report, both sides of the finding lie in its members (a member sentence often
carries a second fact, and a conflict over that one does not dispute this one).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

import numpy as np

from auditor.align.pairs import SentenceTable, aligned_pairs, sentence_table
from auditor.align.score import SAME_FACT_THRESHOLD
from auditor.checks.registry import CheckContext
from auditor.checks.results import kept_for_corpus
from auditor.embed.encoder import release_freed_memory
from auditor.facts.words import WEEKDAYS
from auditor.model import Document, Finding, Flag
from auditor.report.model import Cluster, ClusterMember

# Two clusters merge when every cross pair is at least loosely related and the average pair is
# close to the same-fact threshold: a chain A~B~C with A and C unrelated stays split.
MIN_LINK = SAME_FACT_THRESHOLD / 4
MEAN_LINK = SAME_FACT_THRESHOLD * 0.6
# Big clusters (wire copy reprinted by hundreds of sites) are compared through a few
# representatives each, so merging stays cheap however large they grow.
REPRESENTATIVES = 6
PAIRS_PER_CHUNK = 65_536  # pairs turned into Python ints at a time
# Links scored on the way (pairs the aligner did not keep) are remembered for the next merge that
# asks, up to this many, then forgotten all at once: at 5,000 articles the dict grew to ~85 MB.
LINKS_REMEMBERED = 100_000
CLUSTERS_STAGE = "clusters"


def _group(table: SentenceTable, rows_a: np.ndarray, rows_b: np.ndarray, strengths: np.ndarray) -> list[list[int]]:
    """Greedy merging of the same-fact pairs (rows_a[n], rows_b[n]; link strength strengths[n]), strongest first.

    A 5,000-article corpus has hundreds of thousands of pairs, so the pairs stay numpy arrays
    (read a chunk at a time), a row's cluster is an integer array, and a row that has not joined
    another is a cluster of its own without a list or a set of its own."""
    n = len(table.sentences)
    keys = np.minimum(rows_a, rows_b).astype(np.int64) * n + np.maximum(rows_a, rows_b)
    by_key = np.argsort(keys, kind="stable")
    known_keys = keys[by_key]
    del keys
    # The pair's position rather than a sorted copy of its strength: 4 bytes a pair, not 8.
    known_at = by_key.astype(np.int32)
    del by_key
    computed: dict[int, float] = {}

    def score(i: int, j: int) -> float:
        key = min(i, j) * n + max(i, j)
        at = int(np.searchsorted(known_keys, key))
        if at < len(known_keys) and int(known_keys[at]) == key:
            return float(strengths[known_at[at]])
        if key not in computed:
            if len(computed) >= LINKS_REMEMBERED:
                computed.clear()  # a link is a pure function of (i, j): forgetting changes no cluster
            computed[key] = table.linked(i, j)
        return computed[key]

    code_of: dict[str, int] = {}
    doc_code = array("q", (code_of.setdefault(s.doc_id, len(code_of)) for s in table.sentences))
    cluster_of = array("q", [-1]) * n  # -1: the row is a cluster of its own
    members: dict[int, list[int]] = {}  # clusters of two rows or more
    docs_of: dict[int, set[int]] = {}

    def cluster(row: int) -> int:
        """The row's cluster id, made now if the row was on its own."""
        if cluster_of[row] < 0:
            cluster_of[row] = row  # ids are row numbers: unique, and no counter to keep
            members[row] = [row]
            docs_of[row] = {doc_code[row]}
        return cluster_of[row]

    strongest_first = np.argsort(-strengths, kind="stable").astype(np.int32)
    for chunk in range(0, len(strongest_first), PAIRS_PER_CHUNK):
        # The loop's own objects are small, but the lists and sets it grows and the links it
        # forgets leave freed blocks in the C heap: handed back each chunk, they do not pile up.
        release_freed_memory()
        order = strongest_first[chunk : chunk + PAIRS_PER_CHUNK]
        for i, j in zip(rows_a[order].tolist(), rows_b[order].tolist(), strict=True):
            ci, cj = cluster_of[i], cluster_of[j]
            if ci >= 0 and ci == cj:
                continue
            if not (docs_of[ci] if ci >= 0 else {doc_code[i]}).isdisjoint(docs_of[cj] if cj >= 0 else {doc_code[j]}):
                continue
            left = members[ci] if ci >= 0 else [i]
            right = members[cj] if cj >= 0 else [j]
            links = [score(x, y) for x in left[:REPRESENTATIVES] for y in right[:REPRESENTATIVES]]
            if min(links) < MIN_LINK or sum(links) / len(links) < MEAN_LINK:
                continue
            ci, cj = cluster(i), cluster(j)
            left, right = members[ci], members[cj]
            if len(left) < len(right):  # relabel the smaller side: merging stays O(n log n)
                ci, cj, left, right = cj, ci, right, left
            left.extend(right)
            docs_of[ci] |= docs_of.pop(cj)
            for row in right:
                cluster_of[row] = ci
            del members[cj]
    return [sorted(rows) for rows in members.values()]


def _sides(flag: Any) -> list[tuple[str, int, int]]:
    """The spans a contradiction sets against each other: the flagged one, then its evidence."""
    doc = getattr(flag, "doc", None)
    flag_doc = doc.id if isinstance(doc, Document) else str(doc)
    return [(flag_doc, flag.start, flag.end)] + [(e.doc, e.start, e.end) for e in getattr(flag, "evidence", ())]


def disputes(flag: Any, members: Sequence[ClusterMember]) -> bool:
    """Whether a contradiction is about the fact these members report (see the module doc)."""

    def inside(side: tuple[str, int, int]) -> bool:
        doc, start, end = side
        return any(m.doc == doc and start < m.end and m.start < end for m in members)

    sides = _sides(flag)
    if len(members) == 1:
        return any(inside(side) for side in sides)
    return inside(sides[0]) and any(inside(side) for side in sides[1:])


class DisputeIndex:
    """Every side of every contradiction, under its document: a cluster finds the flags whose
    sides overlap its members without scanning every flag of its members' documents (a big
    corpus has tens of thousands of single-source facts, each asking)."""

    def __init__(self, flags: Iterable[Any]) -> None:
        self._sides: dict[str, list[tuple[int, int, int, int]]] = {}  # doc -> (start, end, flag, side)
        for number, flag in enumerate(flags):
            for side_number, (doc, start, end) in enumerate(_sides(flag)):
                self._sides.setdefault(doc, []).append((start, end, number, side_number))

    def disputed(self, members: Sequence[ClusterMember]) -> bool:
        """`disputes(flag, members)` for some flag: the same decision, from the index."""
        touched: dict[int, set[int]] = {}
        for m in members:
            for start, end, flag, side in self._sides.get(m.doc, ()):
                if start < m.end and m.start < end:
                    touched.setdefault(flag, set()).add(side)
        if len(members) == 1:
            return bool(touched)
        return any(0 in sides and len(sides) > 1 for sides in touched.values())


def build_clusters(ctx: CheckContext, contradictions: Sequence[Flag | Finding] = ()) -> list[Cluster]:
    """Clusters of sentences that report the same fact, with outlets and agreement status;
    those a contradiction is about are "disputed".

    With a work cache, the clusters of a corpus seen before with the same contradictions are
    not built again: they depend on every document (through the aligner's pairs) and on the
    contradictions' sides, which is their key."""
    sides = [_sides(flag) for flag in contradictions]
    return kept_for_corpus(ctx, CLUSTERS_STAGE, (sides,), lambda: _build_clusters(ctx, contradictions))


def _build_clusters(ctx: CheckContext, contradictions: Sequence[Flag | Finding]) -> list[Cluster]:
    table = sentence_table(ctx)
    if not table.sentences:
        return []
    release_freed_memory()  # what the rules freed, before this stage's arrays come on top
    pairs = aligned_pairs(ctx)
    chosen = np.flatnonzero(pairs.same_fact_mask())
    links = np.maximum(pairs.scores[chosen], SAME_FACT_THRESHOLD)
    # Rows as int32, as the aligner keeps them (a table has far fewer than 2**31 rows).
    rows_a = pairs.rows_a[chosen].astype(np.int32, copy=False)
    rows_b = pairs.rows_b[chosen].astype(np.int32, copy=False)
    del chosen
    groups = _group(table, rows_a, rows_b, links)
    del rows_a, rows_b, links
    dispute_index = DisputeIndex(contradictions)
    documents = {d.id: d for d in ctx.documents}
    clustered = {r for rows in groups for r in rows}
    # A sentence no other outlet matches, but which carries a checkable value (number, date),
    # is a single-source fact worth listing (made one at a time: no one-element list per row kept).
    singles = ([r] for r, p in enumerate(table.profiles) if r not in clustered and (p.numbers or p.dates - _DAYS))
    groups.sort(key=lambda rs: (-len(rs), rs[0]))

    clusters: list[Cluster] = []
    for rows in chain(groups, singles):
        members = []
        for r in sorted(rows, key=lambda r: (table.sentences[r].doc_id, table.sentences[r].start)):
            s = table.sentences[r]
            doc = documents.get(s.doc_id)
            members.append(
                ClusterMember(
                    doc=s.doc_id,
                    text=s.text,
                    start=s.start,
                    end=s.end,
                    outlet=doc.outlet if doc else None,
                    published=doc.published.isoformat() if doc and doc.published else None,
                )
            )
        outlets = {m.outlet or m.doc for m in members}
        disputed = dispute_index.disputed(members)
        status = "disputed" if disputed else "corroborated" if len(outlets) > 1 else "single-source"
        sample = rows[:REPRESENTATIVES]
        pair_scores = [table.linked(x, y) for n, x in enumerate(sample) for y in sample[n + 1 :]]
        shared = frozenset.intersection(*(table.profiles[r].anchors for r in rows)) if len(rows) > 1 else frozenset()
        clusters.append(
            Cluster(
                id=f"k{len(clusters) + 1}",
                members=tuple(members),
                status=status,
                score=sum(pair_scores) / len(pair_scores) if pair_scores else 1.0,
                label=", ".join(sorted(shared - _DAYS)) or None,
            )
        )
    del groups, singles, clustered
    release_freed_memory()  # `_group`'s lists and sets, freed: not carried into the next stages
    return clusters


_DAYS = frozenset(WEEKDAYS)
