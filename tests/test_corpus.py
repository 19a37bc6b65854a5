from __future__ import annotations

from pathlib import Path

from auditor.corpus import read_corpus


def test_fixture_texts_are_read_byte_for_byte_with_manifest_metadata(fixtures_dir: Path) -> None:
    corpus = read_corpus([fixtures_dir])
    assert corpus.errors == []
    assert [d.id for d in corpus.documents] == sorted(p.stem for p in fixtures_dir.glob("*.txt"))
    for doc in corpus.documents:
        assert doc.text == Path(doc.path).read_text(encoding="utf-8")
    anis = [d for d in corpus.documents if d.outlet == "ANI"]
    assert len(anis) == 1 and anis[0].published is not None and anis[0].published.isoformat() == "2021-07-02"
