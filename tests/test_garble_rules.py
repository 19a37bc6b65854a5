"""Garble rules G001-G005 on made-up cases (including good English that must pass) and on the fixtures."""

from __future__ import annotations

from typing import Any

import pytest

from auditor.checks.coherence import incoherent_sentences
from auditor.checks.garble import (
    broken_abbreviations,
    find_broken_abbreviations,
    find_repetitions,
    garbled_numerals,
    heading_misfit,
    repetitions,
)
from auditor.checks.registry import CheckContext
from auditor.config import Config
from auditor.model import Document
from auditor.text import segment_document

CLEAN_NEWS = (
    "About 2,500 U.S. troops and 16,000 contractors were in the country, officials said.\n\n"
    "The U.N. envoy, who holds a Ph.D. from Oxford, met George W. Bush and J. K. Rowling in Washington, D.C.\n\n"
    "Protesters returned again and again, year after year, and the crowds grew bigger and bigger.\n\n"
    "What it is is a plan that that committee had had for years and years.\n"
)


def make_doc(text: str, doc_id: str = "x") -> Document:
    return segment_document(Document(doc_id, f"{doc_id}.txt", text))


def context(*docs: Document, encoder: Any = None) -> CheckContext:
    return CheckContext(list(docs), Config(), _encoder=encoder)


def flagged(check: Any, ctx: CheckContext) -> list[tuple[str, str | None]]:
    return [(flag.doc.text[flag.start : flag.end], flag.suggestion) for flag in check(ctx)]


# G001 ---------------------------------------------------------------------------------------


def test_split_numeral_is_flagged_with_repair() -> None:
    doc = make_doc("At the time, about 2 5 Hundreds U S. troops and 16 Thousands contractors were there.\n")
    assert flagged(garbled_numerals, context(doc)) == [("2 5 Hundreds", "2,500"), ("16 Thousands", "16,000")]


def test_lakh_is_only_information() -> None:
    doc = make_doc("The flood displaced 5 lakh people, officials said.\n")
    (flag,) = list(garbled_numerals(context(doc)))
    assert flag.suggestion == "500,000" and flag.severity is not None and flag.severity.value == "info"


# G002 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("most of them U S. citizens", [("U S.", "U.S.")]),
        ("the U. N envoy said", [("U. N", "U.N.")]),
        ("some U S troops left", [("U S", "U.S.")]),
        ("the U.S troops left", [("U.S", "U.S.")]),
    ],
)
def test_broken_abbreviation_is_repaired(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(b.text, b.repaired) for b in find_broken_abbreviations(text)] == expected


def test_document_teaches_its_own_abbreviations() -> None:
    # "N.A.T.O." is not in the built-in list; the document's own dotted use makes "N A T O." a broken form.
    doc = make_doc("The N.A.T.O. chief spoke.\n\nLater the N A T O. allies met.\n")
    assert flagged(broken_abbreviations, context(doc)) == [("N A T O.", "N.A.T.O.")]


def test_good_abbreviations_and_initials_are_not_flagged() -> None:
    assert list(broken_abbreviations(context(make_doc(CLEAN_NEWS)))) == []
    assert find_broken_abbreviations("Plan A B and grade A were fine; I A M not sure") == []


# G003 ---------------------------------------------------------------------------------------


def test_word_coordinated_with_itself_is_flagged() -> None:
    text = "as the Taliban continue to carry out these attacks and attacks in the region"
    (repetition,) = find_repetitions(text)
    assert text[repetition.start : repetition.end] == "attacks and attacks"


def test_doubled_word_is_flagged_with_single_word() -> None:
    (repetition,) = find_repetitions("He said the the talks failed.")
    assert repetition.kind == "doubled-word" and repetition.suggestion == "the"


def test_clause_said_twice_is_flagged() -> None:
    text = "the fighting in the north of the country, and the fighting in the north of the country"
    (repetition,) = find_repetitions(text)
    assert repetition.kind == "repeated-phrase"
    assert text[repetition.start : repetition.end] == "the fighting in the north of the country"


def test_intentional_repetition_is_not_flagged() -> None:
    assert list(repetitions(context(make_doc(CLEAN_NEWS)))) == []
    for text in (
        "more and more people",
        "over and over",
        "on and on",
        "hours and hours of talks",
        "bye bye",
        "He waited and waited.",
        "shares of Johnson and Johnson fell",
        "the assassin Sirhan Sirhan",
        "getting Young and young vets into the team",
        "I'm not going to express outrage and I'm not going to express any feelings",
    ):
        assert find_repetitions(text) == [], text


# G005 ---------------------------------------------------------------------------------------

FLOOD_SECTION = (
    "Floods swept through three villages in the north on Sunday.\n\n"
    "Rescue teams pulled dozens of people from the water, the disaster agency said.\n\n"
    "Heavy rain is expected to continue for two more days, forecasters warned.\n"
)


def test_heading_that_does_not_fit_its_section_is_flagged(encoder: Any) -> None:
    doc = make_doc("Central bank raises interest rates\n\n" + FLOOD_SECTION)
    (flag,) = list(heading_misfit(context(doc, encoder=encoder)))
    assert doc.text[flag.start : flag.end] == "Central bank raises interest rates"


def test_fitting_heading_and_byline_are_not_flagged(encoder: Any) -> None:
    doc = make_doc("Floods hit northern villages\n\nBy Jane Smith\n\n" + FLOOD_SECTION)
    assert list(heading_misfit(context(doc, encoder=encoder))) == []


@pytest.mark.parametrize(
    "line",
    [
        "To which she replied,",  # a sentence broken across lines
        '"It is significant that it was lost," he said',
        "According to international media and local television",
        "and the markets closed early",
    ],
)
def test_pieces_of_sentences_on_their_own_line_are_not_headings(encoder: Any, line: str) -> None:
    doc = make_doc(line + "\n\n" + FLOOD_SECTION)
    assert list(heading_misfit(context(doc, encoder=encoder))) == []
    # the same words as a real headline are judged (and flagged: they do not fit the floods)
    headline = make_doc("Central bank raises interest rates\n\n" + line + "\n\n" + FLOOD_SECTION)
    assert [headline.text[f.start : f.end] for f in heading_misfit(context(headline, encoder=encoder))] == [
        "Central bank raises interest rates"
    ]


# Fixtures -----------------------------------------------------------------------------------


def garble_findings(report: Any, doc_prefix: str) -> list[Any]:
    return [
        f
        for f in report.findings
        if f.rule in {"G001", "G002", "G003", "G004", "G005"} and f.doc.startswith(doc_prefix)
    ]


def test_fixture_003_damage_is_found_with_repairs(fixture_report: Any) -> None:
    found = {(f.rule, f.text, f.suggestion) for f in garble_findings(fixture_report, "003")}
    assert ("G001", "2 5 Hundreds", "2,500") in found
    assert ("G001", "16 Thousands", "16,000") in found
    assert ("G002", "U S.", "U.S.") in found
    assert ("G003", "attacks and attacks", None) in found
    assert ("G005", "US can reduce emissions: Pentagon", None) in found


def test_clean_fixtures_have_no_garble_findings(fixture_report: Any) -> None:
    for prefix in ("000", "001", "002", "004"):
        assert [(f.rule, f.text) for f in garble_findings(fixture_report, prefix)] == [], prefix


def test_fixture_003_scores_clearly_worst(fixture_report: Any) -> None:
    scores = {d.id[:3]: d.garble_score for d in fixture_report.documents}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    worst_other = max(s for k, s in scores.items() if k != "003")
    assert scores["003"] >= 2 * worst_other


def test_incoherence_rule_leaves_clean_prose_alone(encoder: Any) -> None:
    doc = make_doc(FLOOD_SECTION + "\nOfficials said the water level was falling slowly on Monday.\n")
    assert list(incoherent_sentences(context(doc, encoder=encoder))) == []


def test_incoherence_combines_score_and_neighbour_fit() -> None:
    from auditor.checks.coherence import CoherenceSignal, neighbour_fit_probability
    from auditor.checks.scores import SentenceScore
    from auditor.model import Sentence

    sentence = Sentence("x", 0, 0, 10, "x", 0)

    def signal(score: float, cosine: float | None, explained: bool = False) -> CoherenceSignal:
        probability = None if cosine is None else neighbour_fit_probability(cosine)
        return CoherenceSignal(SentenceScore(sentence, score), cosine, probability, explained)

    assert signal(0.95, 0.8).flagged  # very high score alone
    assert signal(0.85, 0.05).flagged  # high score and does not fit its neighbours
    assert not signal(0.85, 0.8).flagged  # high score but fits
    assert not signal(0.5, 0.0).flagged  # off-topic but well written: not garble
    assert not signal(0.99, 0.0, explained=True).flagged  # G001-G003 already flag it precisely


def test_unrelated_sentence_does_not_fit_its_neighbours(encoder: Any) -> None:
    from auditor.checks.coherence import coherence_signals

    doc = make_doc(
        "Floods swept through three villages in the north on Sunday.\n\n"
        "The striker scored twice as the home side won the cup final.\n\n"
        "Rescue teams pulled dozens of people from the water, the disaster agency said.\n\n"
        "Heavy rain is expected to continue for two more days, forecasters warned.\n"
    )
    signals = coherence_signals(context(doc, encoder=encoder))["x"]
    fits = {s.scored.sentence.text[:12]: s.belongs_probability for s in signals}
    assert fits["The striker "] is not None and fits["The striker "] < 0.5
    assert fits["Rescue teams"] is not None and fits["Rescue teams"] > fits["The striker "]
