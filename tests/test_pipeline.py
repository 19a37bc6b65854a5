"""The pipeline computes only what the selected rules and the report use."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import auditor.embed.encoder as encoder_module
from auditor import audit
from auditor.config import Config
from auditor.embed import Encoder
from auditor.report.jsonschema import validation_errors
from auditor.report.model import Report


class NoModel:
    """An encoder that fails the test if anything asks it for a vector."""

    def encode(self, texts: Any, progress: Any = None) -> Any:
        raise AssertionError(f"the model was asked to embed {len(texts)} texts")

    @property
    def dimension(self) -> int:
        raise AssertionError("the model was loaded")


def _config(**changes: Any) -> Config:
    return Config(cache_dir=os.environ["AUDITOR_CACHE_DIR"], **changes)


def test_a_cleaning_rule_alone_embeds_nothing(fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The encoder may be created (the work cache keys results by its model) but never used.
    monkeypatch.setattr(Encoder, "from_config", classmethod(lambda cls, config: NoModel()))
    report = audit([fixtures_dir], _config(select=("B002",)))
    assert len(report.findings) == 6
    assert report.clusters == []
    assert all(d.garble_score is None for d in report.documents)
    skipped = {s["check"]: s["reason"] for s in report.skipped}
    assert "contradiction rule" in skipped["clusters"]
    assert "garble rule" in skipped["garble-score"]
    assert not validation_errors(report.to_dict())


def test_garble_rules_get_scores_but_no_clusters(fixtures_dir: Path, encoder: Encoder) -> None:
    report = audit([fixtures_dir], _config(select=("G001",)), encoder=encoder)
    assert report.clusters == []
    assert any(d.garble_score is not None for d in report.documents)
    assert {s["check"] for s in report.skipped} >= {"clusters"}
    assert "garble-score" not in {s["check"] for s in report.skipped}


def test_garble_gate_alone_computes_the_scores(fixtures_dir: Path, encoder: Encoder) -> None:
    report = audit([fixtures_dir], _config(select=("B002",), max_garble_score=0.9), encoder=encoder)
    assert any(d.garble_score is not None for d in report.documents)


def test_a_format_without_clusters_skips_them_silently(fixtures_dir: Path) -> None:
    report = audit([fixtures_dir], _config(select=("C004",)), encoder=NoModel(), clusters=False)
    assert report.clusters == []
    assert "clusters" not in {s["check"] for s in report.skipped}


def test_the_whole_rule_set_builds_clusters_and_scores(fixture_report: Any) -> None:
    assert fixture_report.clusters
    assert any(d.garble_score is not None for d in fixture_report.documents)
    assert not {"clusters", "garble-score"} & {s["check"] for s in fixture_report.skipped}


def test_outputs_that_show_no_scores_skip_them_silently(fixtures_dir: Path) -> None:
    report = audit([fixtures_dir], _config(select=("B002",)), encoder=NoModel(), clusters=False, garble_scores=False)
    assert not {"clusters", "garble-score"} & {s["check"] for s in report.skipped}


def test_a_non_english_article_does_not_hide_disputed_clusters(
    fixtures_dir: Path, tmp_path: Path, encoder: Encoder, fixture_report: Any
) -> None:
    import shutil

    for path in fixtures_dir.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "fr.txt").write_text(
        "Les talibans ont pris le contrôle de la ville mardi, selon des responsables locaux.\n"
        "Les combats se poursuivent dans le nord du pays depuis plusieurs semaines.\n",
        encoding="utf-8",
    )
    report = audit([tmp_path], _config(), encoder=encoder)
    disputed = [c for c in report.clusters if c.status == "disputed"]
    assert disputed
    assert len(disputed) == len([c for c in fixture_report.clusters if c.status == "disputed"])
    contradictions = sorted((f.doc, f.start, f.message) for f in report.findings if f.rule.startswith("C"))
    assert contradictions == sorted(
        (f.doc, f.start, f.message) for f in fixture_report.findings if f.rule.startswith("C")
    )


class RecordingModel:
    """The real model, recording the texts of each call the Encoder makes to it."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.dimension = model.dimension
        self.calls: list[list[str]] = []
        self.side_by_side: list[bool] = []

    def encode(self, texts: Any, batch_size: int, side_by_side: bool = True) -> Any:
        self.calls.append(list(texts))
        self.side_by_side.append(side_by_side)
        return self.model.encode(texts, batch_size, side_by_side)


def _recorded_audit(fixtures_dir: Path, encoder: Encoder) -> tuple[Report, RecordingModel]:
    recording = RecordingModel(encoder.model)

    class Recorded(Encoder):
        @property
        def model(self) -> Any:
            return recording

    return audit([fixtures_dir], _config(), encoder=Recorded(use_cache=False)), recording


def test_the_corpus_is_embedded_in_one_pass_before_the_rules(fixtures_dir: Path, encoder: Encoder) -> None:
    report, recording = _recorded_audit(fixtures_dir, encoder)
    sentences = {s.text for d in report.documents_by_id.values() if d.is_english for s in d.sentences}
    assert sentences and sentences <= set(recording.calls[0])
    # what the rules embed later is their own text (heading words, event clauses), never a sentence again
    assert not sentences & {t for call in recording.calls[1:] for t in call}
    # a small corpus: every call runs its batches side by side (the faster way)
    assert len(recording.calls) > 1 and all(recording.side_by_side)


def test_a_big_corpus_has_the_rules_texts_embedded_one_batch_at_a_time(
    fixtures_dir: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ONE_BATCH_AT_A_TIME_FROM vectors in memory on, the rules' later texts run one batch at
    a time (side by side they set a 5,000-article audit's peak memory); the corpus pass does not."""
    monkeypatch.setattr(encoder_module, "ONE_BATCH_AT_A_TIME_FROM", 1)
    _report, recording = _recorded_audit(fixtures_dir, encoder)
    assert recording.side_by_side[0] and len(recording.calls) > 1
    assert not any(recording.side_by_side[1:])


def test_the_contradiction_rules_artifacts_are_dropped_before_the_clusters(
    fixtures_dir: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The candidate list, facts and memos of the C rules are not carried into the clusters' stage
    (memory: at 5,000 articles the candidates are one object per aligned pair); what the clusters
    and the garble scores read is still there, so nothing is computed twice."""
    import auditor.align as align
    from auditor.pipeline import SPENT_AFTER_ANALYSIS

    seen: list[set[str]] = []
    build = align.build_clusters

    def spy(ctx: Any, contradictions: Any = ()) -> Any:
        seen.append(set(ctx.artifacts))
        return build(ctx, contradictions)

    monkeypatch.setattr(align, "build_clusters", spy)
    monkeypatch.setattr("auditor.pipeline.open_work_cache", lambda *_: None)  # every rule runs: no kept results
    report = audit([fixtures_dir], Config(cache_dir=str(tmp_path)), encoder=encoder)
    assert report.clusters and len(seen) == 1
    assert not seen[0] & set(SPENT_AFTER_ANALYSIS)
    assert {"sentence_table", "aligned_pairs", "garble_sentence_scores"} <= seen[0]


def test_dropping_spent_artifacts_keeps_the_rest() -> None:
    from auditor.checks.registry import CheckContext
    from auditor.pipeline import drop_spent_artifacts

    ctx = CheckContext([], Config())
    ctx.artifacts.update({"contradiction_candidates": [1], "facts": {}, "aligned_pairs": object()})
    assert drop_spent_artifacts(ctx) == ["contradiction_candidates", "facts"]
    assert set(ctx.artifacts) == {"aligned_pairs"}
