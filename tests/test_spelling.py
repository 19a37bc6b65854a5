"""S001: misspelt common words, with the intended word suggested."""

from __future__ import annotations

import pytest

from auditor.checks.spelling import find_misspellings, is_typing_slip
from auditor.model import Document
from auditor.text import segment_document


def suggestions(text: str) -> dict[str, tuple[str, ...]]:
    return {m.word: m.suggestions for m in find_misspellings(text)}


def test_fixture_reead_more_is_flagged_with_read(fixture_report) -> None:
    found = [f for f in fixture_report.findings if f.rule == "S001"]
    assert [(f.doc[:3], f.text, f.suggestion) for f in found] == [("000", "REEAD", "READ")]
    assert found[0].category.value == "spelling"


def test_boilerplate_lines_are_checked_too(fixture_report) -> None:
    # "REEAD MORE: ..." is a link line the cleaner excludes from alignment; readers still see it.
    [finding] = [f for f in fixture_report.findings if f.rule == "S001"]
    doc = fixture_report.documents_by_id[finding.doc]
    sentence = doc.sentence_at(finding.start)
    assert sentence is not None
    assert doc.text[finding.start : finding.end] == "REEAD"


@pytest.mark.parametrize(
    ("text", "word", "repair"),
    [
        ("The goverment said on Monday.", "goverment", "government"),
        ("Troops did not recieve their pay.", "recieve", "receive"),
        ("thier commanders fled", "thier", "their"),
        ("an SCO spokeman said", "spokeman", "spokesman"),
        ("the court saidon Wednesday", "saidon", "said on"),  # two words run together
        ("The Taliban made sttrong gains.", "sttrong", "strong"),
    ],
)
def test_misspelt_common_word_is_flagged_with_repair(text: str, word: str, repair: str) -> None:
    assert suggestions(text)[word] == (repair,)


def test_ambiguous_repair_lists_options_without_guessing() -> None:
    [options] = suggestions("Clashes between demonstrators and plice continued.").values()
    assert "police" in options and len(options) > 1


@pytest.mark.parametrize(
    "text",
    [
        "NATO chief Jens Stoltenberg spoke in Bajaur district.",  # names
        "Hamdullah Mohib met officials at Shir Khan Bandar.",
        "Kunduz provincial council member Khaliddin Hakmi said so.",
        "according to the Inter-Services Public Relations (ISPR) and the SCS",  # acronyms
        "We want to maintain the flexibilities to do so, whilst the lien stands.",  # rare but real words
        "The fiend quipped that the partier partied; the flames were fanned.",  # real words near common ones
        "Some rural districts were abandoned; he emphasised the organisation's role.",  # British spellings
        "see www.usgs.gov or run iexplore.exe, singin' and dancin'",  # URLs, files, dropped g
        "Taliban-held areas, a well-organised counter-offensive",  # hyphenated compounds
        "The codirected film used a supermax set.",  # prefixed words
    ],
)
def test_names_acronyms_and_real_words_are_not_flagged(text: str) -> None:
    assert suggestions(text) == {}


def test_typing_slip_shapes() -> None:
    assert is_typing_slip("thier", "their")  # swap
    assert is_typing_slip("posession", "possession")  # undoubled
    assert is_typing_slip("seperate", "separate")  # vowel for vowel
    assert is_typing_slip("goverment", "government")  # letter left out of a long word
    assert not is_typing_slip("busty", "busy")  # an added consonant makes another word
    assert not is_typing_slip("breakin", "breaking")  # last letter dropped: break-in


def test_non_english_documents_are_skipped_and_reported() -> None:
    from dataclasses import replace

    from auditor.checks.registry import CheckContext, load_rules
    from auditor.config import Config
    from auditor.pipeline import run_rules

    german = replace(
        segment_document(Document("de", "de.txt", "Die Regirung hat am Montag gesprochen.")), language="de"
    )
    english = segment_document(Document("en", "en.txt", "The goverment spoke on Monday."))
    ctx = CheckContext([german, english], Config())
    findings = run_rules(ctx, [load_rules()["S001"]])
    assert [(f.doc, f.text) for f in findings] == [("en", "goverment")]
    assert [(s.check, s.doc) for s in ctx.skipped] == [("S001", "de")]
