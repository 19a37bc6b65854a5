"""Alignment: same-fact pairs across outlets and the fact clusters built from them."""

from __future__ import annotations

import numpy as np
import pytest

from auditor.align import SAME_FACT_THRESHOLD, AlignedPair
from auditor.align.anchors import Vocabulary, profile
from auditor.align.score import pair_features, same_fact_probability
from auditor.embed.index import approximate_neighbours, exact_neighbours


def _score(encoder, a: str, b: str, corpus: list[str] | None = None) -> tuple[float, float]:
    va, vb = encoder.encode([a, b])
    cosine = float(va @ vb)
    profiles = [profile(t) for t in (corpus or [a, b])]
    features = pair_features(profile(a), profile(b), cosine, Vocabulary(profiles))
    return same_fact_probability(features), cosine


def test_aliases_become_one_anchor() -> None:
    a = profile("The U.S. and NATO met in Doha on Saturday.")
    b = profile("Washington and the alliance held talks in Qatar.")
    assert "united states" in a.entities & b.entities
    assert "qatar" in a.entities & b.entities
    assert "meet" in a.predicates & b.predicates


def test_numbers_and_dates_are_normalised() -> None:
    a = profile("The invasion followed the 9/11 attacks in 2001 and cost 1,500 lives.")
    b = profile("After the attacks of September 11, 2001, some 1500 people died.")
    assert "09-11" in a.dates & b.dates
    assert "2001" in a.dates & b.dates
    assert "1500" in a.numbers & b.numbers


@pytest.fixture(scope="module")
def fixture_ctx(fixtures_dir, encoder):
    """The cleaned fixture corpus, as the analyze stage sees it (contradictions not run)."""
    from auditor import pipeline
    from auditor.checks.registry import CheckContext
    from auditor.config import Config
    from auditor.corpus import read_corpus
    from auditor.text import segment_document

    documents = [segment_document(d) for d in read_corpus([fixtures_dir]).documents]
    ctx = CheckContext(documents, Config(), _encoder=encoder)
    cleaning = pipeline.run_rules(ctx, pipeline.active_rules(ctx.config, "clean"))
    ctx.documents = pipeline.exclude_flagged(documents, cleaning)
    return ctx


def _cluster_of(clusters, doc_prefix: str, fragment: str):
    for cluster in clusters:
        for member in cluster.members:
            if member.doc.startswith(doc_prefix) and fragment in member.text:
                return cluster
    return None


def test_qatar_and_doha_talks_are_one_fact_though_cosine_is_low(fixture_ctx) -> None:
    from auditor.align import sentence_table

    table = sentence_table(fixture_ctx)
    rows = {s.text: r for r, s in enumerate(table.sentences)}
    qatar = next(r for t, r in rows.items() if "met in Qatar" in t)
    doha = next(r for t, r in rows.items() if "Doha have stalled" in t)
    pair = table.pair(qatar, doha)
    assert pair.cosine < 0.5  # plain similarity alone would miss it
    assert pair.same_fact
    assert "qatar" in pair.event_anchors  # Doha is in Qatar: the alias made the anchor


def test_expected_fixture_clusters(fixture_ctx) -> None:
    from auditor.align import build_clusters

    clusters = build_clusters(fixture_ctx)
    talks = _cluster_of(clusters, "001", "met in Qatar")
    assert talks is not None and _cluster_of([talks], "003", "Doha have stalled")
    invasion = _cluster_of(clusters, "000", "in the wake of the 9/11 attacks")
    assert invasion is not None and _cluster_of([invasion], "001", "invasion led by the United States")
    offensive = _cluster_of(clusters, "000", "Since early May")
    assert offensive is not None and _cluster_of([offensive], "001", "all-out offensive in May")
    for cluster in (talks, invasion, offensive):
        assert cluster.status == "corroborated"
        assert len({m.doc for m in cluster.members}) == len(cluster.members)  # one sentence per document
        assert all(m.published for m in cluster.members)


def test_unrelated_sentences_are_not_clustered(fixture_ctx) -> None:
    from auditor.align import build_clusters

    clusters = build_clusters(fixture_ctx)
    # Saudi-Pakistani talks (000) are not the Taliban's capture of provincial capitals (002).
    saudi = _cluster_of(clusters, "000", "Saudi Arabia's foreign minister")
    assert saudi is None or not _cluster_of([saudi], "002", "provincial capitals")
    invasion = _cluster_of(clusters, "000", "in the wake of the 9/11 attacks")
    assert invasion is not None and not _cluster_of([invasion], "001", "all-out offensive in May")


def test_contradiction_between_members_marks_cluster_disputed(fixture_ctx) -> None:
    from auditor.align import build_clusters
    from auditor.model import Evidence, Flag

    clusters = build_clusters(fixture_ctx)
    target = next(c for c in clusters if c.status == "corroborated")
    member, other = target.members[0], target.members[1]
    doc, other_doc = fixture_ctx.document(member.doc), fixture_ctx.document(other.doc)
    outsider = next(
        s for d in fixture_ctx.documents for s in d.sentences if d.id not in {m.doc for m in target.members}
    )

    def clusters_with(flag: Flag):
        return build_clusters(fixture_ctx, [flag])

    both_sides = Flag(
        doc,
        member.start,
        member.start + 5,
        "conflict",
        evidence=(Evidence.from_span(other_doc, other.start, other.end),),
    )
    disputed = _cluster_of(clusters_with(both_sides), member.doc[:3], member.text)
    assert disputed is not None and disputed.status == "disputed"

    # The member sentence carries a second fact that conflicts with a sentence outside the
    # cluster: that conflict does not dispute this fact.
    outsider_doc = fixture_ctx.document(outsider.doc_id)
    one_side = Flag(
        doc,
        member.start,
        member.start + 5,
        "conflict",
        evidence=(Evidence.from_span(outsider_doc, outsider.start, outsider.end),),
    )
    kept = _cluster_of(clusters_with(one_side), member.doc[:3], member.text)
    assert kept is not None and kept.status == "corroborated"


def test_contradiction_touching_a_single_source_fact_disputes_it(fixture_ctx) -> None:
    from auditor.align import build_clusters
    from auditor.model import Flag

    single = next(c for c in build_clusters(fixture_ctx) if c.status == "single-source")
    member = single.members[0]
    conflict = Flag(fixture_ctx.document(member.doc), member.start, member.end, "conflict")
    disputed = _cluster_of(build_clusters(fixture_ctx, [conflict]), member.doc[:3], member.text)
    assert disputed is not None and disputed.status == "disputed"


def test_unrelated_pair_scores_low(encoder) -> None:
    score, _ = _score(
        encoder,
        "Pakistan on Saturday partially reopened its border with southern Afghanistan.",
        "NATO allies met on Friday in the North Atlantic Council to consult on the situation.",
    )
    assert score < SAME_FACT_THRESHOLD


def test_paraphrase_scores_high(encoder) -> None:
    score, _ = _score(
        encoder,
        "The Taliban launched an all-out offensive in May.",
        "In May the Taliban launched a sweeping offensive.",
    )
    assert score >= SAME_FACT_THRESHOLD


def test_pairs_are_cross_document_active_and_scored(fixture_ctx) -> None:
    from auditor.align import aligned_pairs

    ctx = fixture_ctx
    documents = ctx.documents
    pairs = aligned_pairs(ctx)
    assert pairs and all(isinstance(p, AlignedPair) for p in pairs)
    assert all(p.a.doc_id != p.b.doc_id for p in pairs)
    excluded = {(d.id, i) for d in documents for i in d.excluded}
    assert not any((p.a.doc_id, p.a.index) in excluded or (p.b.doc_id, p.b.index) in excluded for p in pairs)
    assert all(0.0 <= p.score <= 1.0 for p in pairs)
    assert aligned_pairs(ctx) is pairs  # cached as an artifact


def test_ann_finds_the_exact_neighbours_on_clustered_vectors() -> None:
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(40, 64))
    vectors = centres[rng.integers(0, 40, 3000)] + 0.6 * rng.normal(size=(3000, 64))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    groups = np.arange(3000) // 30  # 100 "documents"
    exact = exact_neighbours(vectors, groups, k=5)
    approx = approximate_neighbours(vectors, groups, k=5)
    recall = np.mean([len(set(e) & set(a)) / 5 for e, a in zip(exact.ids, approx.ids, strict=True)])
    assert recall >= 0.9
    # Never a neighbour from the same document.
    assert not np.any(groups[approx.ids] == groups[:, None])


def test_threshold_is_a_probability() -> None:
    assert 0.0 < SAME_FACT_THRESHOLD < 1.0


@pytest.mark.parametrize("k", [1, 3])
@pytest.mark.parametrize("cells_per_block", [4_000_000, 200])  # one block; blocks of 16 rows
def test_exact_neighbours_match_brute_force(k: int, cells_per_block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.embed.index as index

    monkeypatch.setattr(index, "CELLS_PER_BLOCK", cells_per_block)
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    groups = np.arange(50) // 5
    found = exact_neighbours(vectors, groups, k)
    if cells_per_block < 50 * 16:
        assert index._rows_per_block(50) == 16  # the rows really came in several blocks
    sims = vectors @ vectors.T
    sims[groups[:, None] == groups[None, :]] = -np.inf
    expected = np.sort(-np.sort(-sims, axis=1)[:, :k], axis=1)
    assert np.allclose(np.sort(found.scores, axis=1), expected, atol=1e-5)


def test_large_inputs_take_the_index_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the exact limit no all-pairs product is computed: the IVF path is used."""
    import auditor.embed.index as index

    calls: list[str] = []
    monkeypatch.setattr(index, "exact_neighbours", lambda *a, **k: calls.append("exact"))
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(400, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    found = index.cross_group_neighbours(vectors, np.arange(400) // 4, k=3, exact_limit=100)
    assert calls == [] and found.ids.shape == (400, 3)


def test_quote_without_names_borrows_the_previous_sentences_names() -> None:
    from auditor.align.pairs import with_context

    before = profile("Taliban need to understand that they will not be recognized, Stoltenberg added.")
    quote = "We remain committed to supporting a political solution to the conflict, he said."
    assert "stoltenberg" in with_context(profile(quote), quote, before).entities
    plain = "Fighting continued near the border crossing on Friday morning in the province."
    assert with_context(profile(plain), plain, before).entities == profile(plain).entities


def test_pair_arrays_are_the_unique_pairs_in_order() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(400, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    neighbours = exact_neighbours(vectors, np.arange(400) // 8, k=6)
    rows_a, rows_b = neighbours.pair_arrays(min_score=0.2)
    assert list(zip(rows_a.tolist(), rows_b.tolist(), strict=True)) == [
        (i, j) for i, j, _ in neighbours.pairs(min_score=0.2)
    ]


def test_pairs_kept_as_arrays_read_as_the_sorted_objects(fixture_ctx) -> None:
    from auditor.align import aligned_pairs

    pairs = aligned_pairs(fixture_ctx)
    objects = list(pairs)
    assert len(objects) == len(pairs) and objects[0] == pairs[0] and objects[-1] == pairs[-1] == pairs[len(pairs) - 1]
    assert objects[1:3] == pairs[1:3]
    assert objects == sorted(objects, key=lambda p: (-p.score, p.a.doc_id, p.a.index, p.b.doc_id, p.b.index))
    assert pairs.same_fact_mask().tolist() == [p.same_fact for p in objects]
    assert any(p.event_anchors for p in objects)
    assert list(pairs.at_least(0.5)) == [p for p in objects if p.score >= 0.5]
    with pytest.raises(IndexError):
        pairs[len(pairs)]


def test_pairs_kept_in_compact_arrays_give_the_table_s_own_pairs(fixture_ctx) -> None:
    """Rows as int32 and cosines as float32 lose nothing: every pair read back is the pair the
    table computes for its two rows (score and cosine bit for bit, anchors too)."""
    from auditor.align import aligned_pairs

    pairs = aligned_pairs(fixture_ctx)
    assert pairs.rows_a.dtype == pairs.rows_b.dtype == np.int32 and pairs.cosines.dtype == np.float32
    table = pairs.table
    for position in range(len(pairs)):
        i, j = int(pairs.rows_a[position]), int(pairs.rows_b[position])
        assert pairs[position] == table.pair(i, j)


def test_scores_for_many_pairs_equal_the_per_pair_score(fixtures_dir) -> None:
    from auditor.align.score import WEIGHTS, same_fact_score, same_fact_scores

    texts = [
        line.strip()
        for path in sorted(fixtures_dir.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 5
    ]
    profiles = [profile(t) for t in texts]
    vocabulary = Vocabulary(profiles)
    rng = np.random.default_rng(0)
    a = rng.integers(0, len(profiles), 400)
    b = rng.integers(0, len(profiles), 400)
    cosines = rng.uniform(0.2, 0.95, 400)
    pa, pb = [profiles[i] for i in a], [profiles[j] for j in b]

    def one_at_a_time(weights: dict[str, float]) -> list[float]:
        return [
            same_fact_probability(pair_features(p, q, float(c), vocabulary), weights)
            for p, q, c in zip(pa, pb, cosines, strict=True)
        ]

    def fast_one_at_a_time(weights: dict[str, float]) -> list[float]:
        return [same_fact_score(p, q, float(c), vocabulary, weights) for p, q, c in zip(pa, pb, cosines, strict=True)]

    assert same_fact_scores(pa, pb, cosines, vocabulary).tolist() == one_at_a_time(WEIGHTS)
    assert fast_one_at_a_time(WEIGHTS) == one_at_a_time(WEIGHTS)
    # weights that use a vocabulary-weighted feature take the per-pair path, same result
    refit = {**WEIGHTS, "word_jaccard": 1.5}
    assert same_fact_scores(pa, pb, cosines, vocabulary, refit).tolist() == one_at_a_time(refit)
    assert fast_one_at_a_time(refit) == one_at_a_time(refit)


def test_table_vectors_are_the_encoders_and_the_memory_reads_them(fixture_ctx) -> None:
    """The aligner's table and the encoder's memory hold each vector once, with the same bits."""
    import os

    from auditor.align import sentence_table
    from auditor.embed import Encoder

    table = sentence_table(fixture_ctx)
    texts = [s.text for s in table.sentences]
    fresh = Encoder(cache_dir=os.environ["AUDITOR_CACHE_DIR"])  # same SQLite cache, empty memory
    assert np.array_equal(table.vectors, fresh.encode(texts))
    memory = fixture_ctx.encoder._memory
    assert all(np.shares_memory(memory[t], table.distinct_vectors) for t in texts)
    assert not table.distinct_vectors.flags.writeable
    assert np.array_equal(fixture_ctx.encoder.encode(texts), table.vectors)
    # One row per distinct text; every sentence points at its own text's row.
    assert len(table.distinct_vectors) == len(set(texts))
    for i in range(len(texts)):
        assert np.array_equal(table.vector(i), table.vectors[i])


@pytest.mark.parametrize("exact_limit", [10_000, 100])  # the exact path; the IVF path
def test_neighbours_of_shared_rows_are_those_of_the_full_matrix(exact_limit: int) -> None:
    """`rows` (one vector per distinct text) gives exactly the neighbours of `vectors[rows]`, bit for bit."""
    from auditor.embed.index import cross_group_neighbours

    rng = np.random.default_rng(3)
    distinct = rng.normal(size=(300, 16)).astype(np.float32)
    distinct /= np.linalg.norm(distinct, axis=1, keepdims=True)
    rows = rng.integers(0, 300, size=450)  # a third of the items repeat a vector
    groups = np.arange(450) // 9
    full = cross_group_neighbours(distinct[rows], groups, k=5, exact_limit=exact_limit)
    shared = cross_group_neighbours(distinct, groups, k=5, exact_limit=exact_limit, rows=rows)
    assert np.array_equal(shared.ids, full.ids) and np.array_equal(shared.scores, full.scores)
    assert (full.ids >= 0).all()


def test_equal_anchor_sets_are_one_object() -> None:
    from auditor.align.anchors import EMPTY

    a = profile("The Taliban took Kunduz on Sunday, officials said.")
    b = profile("On Sunday the Taliban seized Kunduz, a provincial capital.")
    assert a.entities == b.entities == {"taliban", "kunduz"} and a.entities is b.entities
    assert a.dates is b.dates and a.predicates is b.predicates  # took / seized: one class
    assert a.numbers is b.numbers is EMPTY
    assert not hasattr(a, "__dict__")  # slots: one profile per sentence of a corpus
    assert a.word_tuple == tuple(sorted(a.words)) and "kunduz" in a.words & b.words


def test_shared_sets_stay_equal_when_the_store_is_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.align import anchors

    monkeypatch.setattr(anchors, "MAX_SHARED_SETS", 2)
    monkeypatch.setattr(anchors, "_shared_sets", {})
    made = [anchors.shared_set({word}) for word in ("a", "b", "c", "a")]
    assert made == [{"a"}, {"b"}, {"c"}, {"a"}]
    assert len(anchors._shared_sets) <= 2
