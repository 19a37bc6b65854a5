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


# Blocks where pysbd's abbreviation step has work to do: abbreviations before names and numbers,
# at the end of sentences, in capitals, glued to other words, and with the characters that
# re.IGNORECASE folds differently from str.lower() (the shortcut must not be taken there).
ABBREVIATION_BLOCKS = [
    "Gen. Austin Miller met Dr. Jane Smith on Jan. 5 in the U.S. capital. He left at noon.",
    "He said no. 5 was fine. Art. 3 says so, see p. 7 and pp. 8-9 (fig. 2).",
    "The U.S. and U.K. met. I.e. it is fine. The meeting is at 5 p.m. on Sept. 11.",
    "St. Louis Mo. and Ft. Worth Tex. are cities. The Co. Ltd. filed. Mt. Everest is high.",
    "Mr. \u212aim went to \u017ft. Louis. Ms. \u0130pek stayed. Sen. Ida Jones spoke.",
    "The gen. manager is a maj. shareholder. Prof. Jr. Smith vs. Jones Inc. ended.",
    "A man in MASS. was met by Sgt. Major Ko. No. 1 is no. 2 here.",
    "They ate at 7 a.m. The news came at 9 p.m. Then it was over.",
    "No abbreviation here at all. Just two plain sentences.",
]


def test_abbreviation_shortcut_gives_pysbds_own_sentences() -> None:
    import pysbd

    from auditor.text.segment import _pysbd_sentences

    stock = pysbd.Segmenter(language="en", clean=False)
    for block in ABBREVIATION_BLOCKS:
        expected = [s.strip() for s in stock.segment(block) if s.strip()]
        assert [s.strip() for s in _pysbd_sentences(block)] == expected, block
