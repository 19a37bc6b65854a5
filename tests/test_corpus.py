from __future__ import annotations

from pathlib import Path

from auditor.corpus import read_corpus
from auditor.model import Document


def test_fixture_texts_are_read_byte_for_byte_with_manifest_metadata(fixtures_dir: Path) -> None:
    corpus = read_corpus([fixtures_dir])
    assert corpus.errors == []
    assert [d.id for d in corpus.documents] == sorted(p.stem for p in fixtures_dir.glob("*.txt"))
    for doc in corpus.documents:
        assert doc.text == Path(doc.path).read_text(encoding="utf-8")
    anis = [d for d in corpus.documents if d.outlet == "ANI"]
    assert len(anis) == 1 and anis[0].published is not None and anis[0].published.isoformat() == "2021-07-02"


def test_front_matter_gives_metadata_and_line_numbers_count_it(tmp_path: Path) -> None:
    from auditor.corpus.readers import read_file

    page = tmp_path / "story.md"
    page.write_text(
        "---\ntitle: Floods\noutlet: Daily Wire Copy\npublished: 2024-06-03\ncredits: [Reuters (text), AP (photo)]\n---\n"
        "Munich: Rivers rose on Monday.\nREAD MORE: Storm hits coast\n",
        encoding="utf-8",
    )
    [doc] = read_file(page)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Munich:")
    assert (doc.outlet, str(doc.published), doc.credit_labels) == (
        "Daily Wire Copy",
        "2024-06-03",
        ["Reuters (text)", "AP (photo)"],
    )
    assert dict(doc.metadata_source)["outlet"] == "front matter"
    assert doc.line_column(doc.text.index("READ MORE")) == (8, 1)  # the file's line, front matter included


def test_metadata_is_read_from_the_text_when_none_is_given(tmp_path: Path) -> None:
    from auditor.corpus.readers import read_file

    page = tmp_path / "wire.txt"
    page.write_text(
        "New Delhi [India], March 4, 2023 (ANI): Officials met on Saturday, the ministry told Reuters.\n"
        "The talks will continue next week, Xinhua reported.\n",
        encoding="utf-8",
    )
    [doc] = read_file(page)
    assert isinstance(doc, Document)
    assert doc.dateline == "New Delhi [India], March 4, 2023 (ANI)"
    assert str(doc.published) == "2023-03-04"
    assert doc.credit_labels == ["ANI (text)", "Reuters (quoted)", "Xinhua (quoted)"]
    assert dict(doc.metadata_source)["published"] == "text"
    assert doc.language == "en" and doc.language_source == "detected"


def test_dateline_without_year_does_not_guess_a_date() -> None:
    from auditor.corpus.metadata import extract_text_metadata

    meta = extract_text_metadata("Moscow [Russia], July 2 (ANI): Talks were held in Moscow on Friday.\n")
    assert meta.published is None and meta.dateline == "Moscow [Russia], July 2 (ANI)"


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    from auditor.corpus.readers import read_file

    paragraphs = "".join(
        f"<p>Paragraph {i}: rescue teams used boats to reach villages cut off by the floodwater on Monday, officials said.</p>"
        for i in range(6)
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><title>Floods in Bavaria</title><meta property='og:site_name' content='Example News'>"
        "<meta name='date' content='2024-06-03'></head><body><nav>Home | World | Share</nav>"
        f"<article><h1>Floods in Bavaria</h1>{paragraphs}</article><footer>© Example News</footer></body></html>",
        encoding="utf-8",
    )
    [doc] = read_file(page)
    assert isinstance(doc, Document)
    assert "rescue teams used boats" in doc.text and "<p>" not in doc.text
    assert doc.outlet == "Example News" and str(doc.published) == "2024-06-03"
    assert any("trafilatura" in note for note in doc.notes)


def test_non_english_document_is_read_and_english_checks_say_they_skipped(tmp_path: Path, encoder) -> None:
    from auditor import audit
    from auditor.config import Config

    (tmp_path / "fr.txt").write_text(
        "Les talibans ont pris le contrôle de la ville mardi, selon des responsables locaux.\n"
        "Les combats se poursuivent dans le nord du pays depuis plusieurs semaines.\n",
        encoding="utf-8",
    )
    report = audit([tmp_path], Config(), encoder=encoder)
    [doc] = report.documents
    assert doc.language == "fr" and doc.sentences == 2
    skipped_for_fr = {s["check"] for s in report.skipped if s.get("doc") == "fr"}
    from auditor.checks.registry import load_rules

    english_only = {r.id for r in load_rules().values() if r.english_only}
    assert english_only and english_only <= skipped_for_fr


def test_title_is_taken_from_the_text_only_when_the_first_line_reads_like_a_headline(fixtures_dir: Path) -> None:
    titles = {d.id[:3]: d.title for d in read_corpus([fixtures_dir]).documents}
    assert titles["001"] == "Taliban continue talks whilst making big gains on the battlefield"
    assert titles["002"] is None  # a page header ("Just Earth News | @justearthnews | ...")
    assert titles["004"] is None  # the first paragraph, not a title


def test_languages_are_detected_together_and_metadata_wins(tmp_path: Path) -> None:
    """read_corpus detects every undeclared language in one (parallel) call: each document gets
    what detecting it alone gives; a declared language is kept; a jsonl file's records each get theirs."""
    import json

    from auditor.corpus.language import detect_language
    from auditor.workcache import WorkCache

    texts = {
        "de": "Die Taliban haben am Dienstag die Kontrolle über die Stadt übernommen, sagten Beamte.",
        "fr": "Les talibans ont pris le contrôle de la ville mardi, selon des responsables locaux.",
        "en": "The Taliban took control of the city on Tuesday, local officials said.",
        "es": "Los talibanes tomaron el control de la ciudad el martes, dijeron funcionarios locales.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "declared.md").write_text("---\nlanguage: it\n---\n" + texts["en"] + "\n", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        "\n".join(json.dumps({"id": f"r-{name}", "text": texts[name]}) for name in ("fr", "en")) + "\n",
        encoding="utf-8",
    )
    work = WorkCache(tmp_path / "work.sqlite")
    for cache in (None, work, work):  # no cache, cold cache, warm cache
        corpus = read_corpus([tmp_path], cache=cache)
        found = {d.id: (d.language, d.language_source) for d in corpus.documents}
        for name, text in texts.items():
            assert found[name] == (detect_language(text), "detected") == (name, "detected")
        assert found["declared"] == ("it", "metadata")
        assert found["r-fr"] == ("fr", "detected") and found["r-en"] == ("en", "detected")
        if cache is not None:
            cache.flush()
    assert work.hits >= 6  # the warm read found every detected language in the cache
