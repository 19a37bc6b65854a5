"""The work cache: a warm re-audit gives the same report, and nothing stale is ever served."""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from auditor import audit, workcache
from auditor.checks import registry
from auditor.checks.results import check_settings
from auditor.config import Config
from auditor.embed import Encoder
from auditor.model import Severity
from auditor.workcache import CACHE_FILE, WorkCache, work_key


def _json(report: Any) -> str:
    data = report.to_dict()
    data.pop("generated")
    return json.dumps(data, indent=2, ensure_ascii=False)


def _audit(corpus: Path, cache: Path, **settings: Any) -> Any:
    config = Config(cache_dir=str(cache), **settings)
    return audit([corpus], config, encoder=Encoder(cache_dir=cache, progress=False))


def _cold_audit(corpus: Path, warm_cache: Path, fresh_cache: Path, **settings: Any) -> Any:
    """An audit with an empty work cache but warm_cache's embeddings: a new text's vector depends
    a little on the batch the model computed it in, so a cold audit must read the same vectors."""
    fresh_cache.mkdir()
    shutil.copy(warm_cache / "embeddings.sqlite", fresh_cache / "embeddings.sqlite")
    return _audit(corpus, fresh_cache, **settings)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stage of every entry the work cache serves."""
    stages: list[str] = []
    original = WorkCache.get_many

    def counting(self: WorkCache, stage: str, keys: Any) -> dict[str, Any]:
        found = original(self, stage, keys)
        stages.extend(stage for _ in found)
        return found

    monkeypatch.setattr(WorkCache, "get_many", counting)
    return stages


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """rule id -> ids of the documents each run of its check saw (the checks stay cacheable)."""
    seen: dict[str, list[str]] = {}
    registry.load_rules()
    for rule_id, rule in list(registry.REGISTRY.items()):

        @functools.wraps(rule.check)
        def watched(ctx: Any, rule_id: str = rule_id, check: Any = rule.check) -> Iterator[Any]:
            seen.setdefault(rule_id, []).extend(doc.id for doc in ctx.documents)
            yield from check(ctx)

        monkeypatch.setitem(registry.REGISTRY, rule_id, replace(rule, check=watched))
    return seen


def test_a_warm_audit_gives_the_same_json_as_a_cold_one(
    fixtures_dir: Path, tmp_path: Path, served: list[str], checked: dict[str, list[str]]
) -> None:
    cold = _json(_audit(fixtures_dir, tmp_path))
    assert not served and (tmp_path / CACHE_FILE).is_file()
    checked.clear()
    encoder = Encoder(cache_dir=tmp_path, progress=False)

    def no_vectors(texts: Any, progress: Any = None) -> Any:
        raise AssertionError(f"a warm audit asked for {len(texts)} vectors")

    encoder.encode = no_vectors  # type: ignore[method-assign]
    warm = _json(audit([fixtures_dir], Config(cache_dir=str(tmp_path)), encoder=encoder))
    assert {"segment", "rule", "clusters", "counterparts", "garble_score"} <= set(served)
    assert set(checked) == {r.id for r in registry.REGISTRY.values() if r.scope == registry.EXTERNAL}
    assert warm == cold
    uncached = _json(audit([fixtures_dir], Config(), encoder=Encoder(cache_dir=tmp_path, use_cache=False)))
    assert uncached == cold


def test_after_an_edit_document_rules_run_on_that_document_only(
    fixtures_dir: Path, tmp_path: Path, checked: dict[str, list[str]]
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixtures_dir, corpus)
    cache = tmp_path / "cache"
    _audit(corpus, cache)
    edited = sorted(corpus.glob("*.txt"))[0]
    with edited.open("a", encoding="utf-8") as file:
        file.write("\nThe talks in Doha will resume next week with 40 delegates, officials said on Monday.\n")
    files = sorted(corpus.iterdir())
    checked.clear()
    warm = _audit(corpus, cache)
    edited_id = next(d.id for d in warm.documents if d.path.endswith(edited.name))
    for rule in registry.REGISTRY.values():
        if rule.scope == registry.DOCUMENT:
            assert checked[rule.id] == [edited_id], rule.id
        else:  # a rule that compares documents sees them all again
            assert len(checked[rule.id]) == len(warm.documents), rule.id
    assert _json(warm) == _json(_cold_audit(corpus, cache, tmp_path / "fresh"))
    assert sorted(corpus.iterdir()) == files  # nothing is written beside the inputs


def test_a_corpus_with_a_non_english_article_gives_the_same_json_warm(
    fixtures_dir: Path, tmp_path: Path, checked: dict[str, list[str]]
) -> None:
    # English-only rules run on the English subset: their entries are keyed by what they saw.
    corpus = tmp_path / "corpus"
    shutil.copytree(fixtures_dir, corpus)
    (corpus / "fr.txt").write_text(
        "Les talibans ont pris le contrôle de la ville mardi, selon des responsables locaux.\n"
        "Les combats se poursuivent dans le nord du pays depuis plusieurs semaines.\n",
        encoding="utf-8",
    )
    cold = _json(_audit(corpus, tmp_path / "cache"))
    checked.clear()
    warm = _json(_audit(corpus, tmp_path / "cache"))
    assert set(checked) == {r.id for r in registry.REGISTRY.values() if r.scope == registry.EXTERNAL}
    assert warm == cold


def test_a_severity_override_applies_to_kept_flags(
    fixtures_dir: Path, tmp_path: Path, checked: dict[str, list[str]]
) -> None:
    _audit(fixtures_dir, tmp_path / "cache")
    checked.clear()
    override = {"B002": Severity.ERROR, "C002": Severity.ERROR}
    warm = _audit(fixtures_dir, tmp_path / "cache", severity=override)
    assert set(checked) == {r.id for r in registry.REGISTRY.values() if r.scope == registry.EXTERNAL}
    assert {f.severity for f in warm.findings if f.rule in override} == {Severity.ERROR}
    assert _json(warm) == _json(_cold_audit(fixtures_dir, tmp_path / "cache", tmp_path / "fresh", severity=override))


def test_settings_a_check_may_read_are_in_its_key() -> None:
    default = check_settings(Config())
    assert check_settings(Config(languagetool_url="http://localhost:8081")) != default
    assert check_settings(Config(model="another-model")) != default
    # applied after the checks: the same flags serve every selection, severity and gate
    after = Config(select=("B",), severity={"B002": Severity.ERROR}, fail_on="warning", max_garble_score=0.5)
    assert check_settings(after) == default


def test_other_code_serves_nothing(
    fixtures_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: list[str]
) -> None:
    cold = _json(_audit(fixtures_dir, tmp_path, select=("B", "D", "G001", "S")))
    monkeypatch.setattr(workcache, "code_fingerprint", lambda: "another version of the code")
    served.clear()
    assert _json(_audit(fixtures_dir, tmp_path, select=("B", "D", "G001", "S"))) == cold
    assert served == []


def test_what_a_check_skipped_is_kept_with_its_flags(
    fixtures_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checked: dict[str, list[str]]
) -> None:
    rule = registry.REGISTRY["C004"]

    @functools.wraps(rule.check)
    def skipping(ctx: Any) -> Iterator[Any]:
        ctx.skip("C004", "a reason the check gave", ctx.documents[0].id)
        yield from rule.check(ctx)

    monkeypatch.setitem(registry.REGISTRY, "C004", replace(rule, check=skipping))
    cold = _audit(fixtures_dir, tmp_path, select=("C004",))
    checked.clear()
    warm = _audit(fixtures_dir, tmp_path, select=("C004",))
    assert "C004" not in checked
    assert any(s["reason"] == "a reason the check gave" for s in warm.skipped)
    assert _json(warm) == _json(cold)


def test_no_cache_encoder_turns_the_work_cache_off(fixtures_dir: Path, tmp_path: Path) -> None:
    audit([fixtures_dir], Config(select=("C004",)), encoder=Encoder(cache_dir=tmp_path, use_cache=False))
    assert not (tmp_path / CACHE_FILE).exists()


def test_keys_change_with_the_code_and_the_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    key = work_key("facts", "doc", "text")
    assert key != work_key("facts", "doc", "text ")
    assert key != work_key("segment", "doc", "text")
    monkeypatch.setattr(workcache, "code_fingerprint", lambda: "another version of the code")
    assert work_key("facts", "doc", "text") != key


def test_the_fingerprint_covers_every_source_file(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "facts").mkdir(parents=True)
    (package / "facts" / "dates.py").write_text("A = 1\n", encoding="utf-8")
    (package / "facts" / "gazetteer.json").write_text("{}\n", encoding="utf-8")
    before = workcache.fingerprint_of(package)
    (package / "facts" / "gazetteer.json").write_text('{"Doha": "QA"}\n', encoding="utf-8")
    assert workcache.fingerprint_of(package) != before
    (package / "facts" / "gazetteer.json").write_text("{}\n", encoding="utf-8")
    assert workcache.fingerprint_of(package) == before


def test_an_entry_of_other_code_is_never_served(
    fixtures_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.corpus import read_corpus
    from auditor.text import segment_documents

    documents = read_corpus([fixtures_dir]).documents
    cache = WorkCache(tmp_path / CACHE_FILE)
    monkeypatch.setattr(workcache, "code_fingerprint", lambda: "old code")
    stale = [(work_key("segment", doc.text), ((0, 1, 0, "line"),)) for doc in documents]
    cache.put_many("segment", stale)
    monkeypatch.undo()
    segmented = segment_documents(documents, cache)
    assert [len(d.sentences) for d in segmented] != [1] * len(documents)
    assert segmented == segment_documents(documents, None)


def test_an_unreadable_entry_is_a_miss(tmp_path: Path) -> None:
    cache = WorkCache(tmp_path / CACHE_FILE)
    cache._db.execute("INSERT INTO work VALUES ('facts', 'k', x'00ff')")
    assert cache.get_many("facts", ["k"]) == {}


def test_detected_languages_are_kept(tmp_path: Path) -> None:
    from auditor.corpus.language import LANGUAGE_STAGE, detect_language

    cache = WorkCache(tmp_path / CACHE_FILE)
    text = "Die Verhandlungen in Doha sind ins Stocken geraten, sagte der Sprecher am Montag."
    assert detect_language(text, cache) == "de"
    cache.flush()
    key = work_key(LANGUAGE_STAGE, text)
    assert cache.get_many(LANGUAGE_STAGE, [key]) == {key: "de"}
    cache.put_many(LANGUAGE_STAGE, [(key, "fr")])  # what is stored is what is served
    assert detect_language(text, cache) == "fr"
    assert detect_language(text) == "de"


def test_kept_each_computes_each_missing_key_once_in_one_call(tmp_path: Path) -> None:
    cache = WorkCache(tmp_path / CACHE_FILE)
    calls: list[list[int]] = []

    def kept(stage: str, keys: list[str]) -> list[Any]:
        def compute(positions: list[int]) -> list[Any]:
            calls.append(positions)
            return [None if keys[n] == "none" else keys[n].upper() for n in positions]

        return cache.kept_each(stage, keys, compute)

    assert kept("stage", ["a", "b", "a", "none", "c"]) == ["A", "B", "A", None, "C"]
    assert calls == [[0, 1, 3, 4]]  # first occurrence of each distinct key, together
    assert kept("stage", ["c", "d", "none", "b"]) == ["C", "D", None, "B"]
    assert calls[1:] == [[1]]  # a stored None is a value, not a miss
    assert kept("other-stage", ["a"]) == ["A"] and calls[2:] == [[0]]
