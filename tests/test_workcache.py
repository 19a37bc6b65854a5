"""The work cache: a warm re-audit gives the same report, and nothing stale is ever served."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditor import audit, workcache
from auditor.config import Config
from auditor.embed import Encoder
from auditor.workcache import CACHE_FILE, WorkCache, work_key


def _json(report: Any) -> str:
    data = report.to_dict()
    data.pop("generated")
    return json.dumps(data, indent=2, ensure_ascii=False)


def _audit(fixtures_dir: Path, cache: Path) -> Any:
    return audit([fixtures_dir], Config(cache_dir=str(cache)), encoder=Encoder(cache_dir=cache, progress=False))


def test_a_warm_audit_gives_the_same_json_as_a_cold_one(
    fixtures_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[str] = []
    original = WorkCache.get_many

    def counting(self: WorkCache, stage: str, keys: Any) -> dict[str, Any]:
        found = original(self, stage, keys)
        served.extend(stage for _ in found)
        return found

    monkeypatch.setattr(WorkCache, "get_many", counting)
    cold = _json(_audit(fixtures_dir, tmp_path))
    assert not served and (tmp_path / CACHE_FILE).is_file()
    warm = _json(_audit(fixtures_dir, tmp_path))
    assert {"segment", "facts", "aligned_pairs"} <= set(served)  # (the fixtures declare their language)
    assert warm == cold
    uncached = _json(audit([fixtures_dir], Config(), encoder=Encoder(cache_dir=tmp_path, use_cache=False)))
    assert uncached == cold


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
