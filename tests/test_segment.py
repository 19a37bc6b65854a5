from __future__ import annotations

from auditor.text import segment_text

TEXT = (
    "Taliban take highway\n\n"
    "Gen. Austin Miller met Dr. Jane Smith on Jan. 5 in the U.S. capital. He left at noon.\n"
    "“We will stay,” he said. About 2 5 Hundreds U S. troops remain.\n"
    "Fighting continues\n"
)


def test_sentences_keep_exact_offsets() -> None:
    sentences = segment_text("d", TEXT)
    for sentence in sentences:
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_news_abbreviations_do_not_split_sentences() -> None:
    texts = [s.text for s in segment_text("d", TEXT)]
    assert "Gen. Austin Miller met Dr. Jane Smith on Jan. 5 in the U.S. capital." in texts
    assert "He left at noon." in texts


def test_lines_without_final_punctuation_are_kept_whole() -> None:
    sentences = segment_text("d", TEXT)
    headings = [s.text for s in sentences if s.kind == "line"]
    assert headings == ["Taliban take highway", "Fighting continues"]
    assert sentences[0].block != sentences[1].block
