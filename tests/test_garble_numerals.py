"""Garbled numerals: the parser shared with fact extraction, and what it must leave alone."""

from __future__ import annotations

import pytest

from auditor.facts.numerals import find_garbled_numerals, find_numerals, format_western, parse_numeral


def test_split_digits_with_plural_scale_word_is_repaired() -> None:
    text = "about 2 5 Hundreds U S. troops and 16 Thousands contractors"
    garbled = find_garbled_numerals(text)
    assert [(n.text, n.value, n.repaired) for n in garbled] == [
        ("2 5 Hundreds", 2500, "2,500"),
        ("16 Thousands", 16000, "16,000"),
    ]
    for numeral in garbled:
        assert text[numeral.start : numeral.end] == numeral.text


@pytest.mark.parametrize(
    ("text", "value", "repaired", "kind"),
    [
        ("1,00,000 people", 100_000, "100,000", "south-asian-groups"),
        ("5 lakh people", 500_000, "500,000", "south-asian"),
        ("Rs 2 crore", 20_000_000, "20 million", "south-asian"),
        ("3 millions of dollars", 3_000_000, "3 million", "plural-scale"),
        ("2,5 million voters", 2_500_000, "2.5 million", "decimal-comma"),
        ("1.000.000 refugees", 1_000_000, "1 million", "dot-groups"),
        ("some 2 500 people", 2500, "2,500", "spaced-groups"),
        ("1,0000 troops", 10_000, "10,000", "digit-groups"),
    ],
)
def test_other_numbering_systems_and_broken_groups(text: str, value: int, repaired: str, kind: str) -> None:
    (numeral,) = find_garbled_numerals(text)
    assert (numeral.value, numeral.repaired, numeral.kind) == (value, repaired, kind)


@pytest.mark.parametrize(
    "text",
    [
        "about 2,500 troops and 16,000 contractors",
        "Most of NATO's 10,000-strong force have already pulled out.",
        "hundreds of civilians and thousands of troops",
        "after the 9/11 attacks, at 07:27 am on 2021-07-27",
        "The drills from August 5-10 involve more than 1,500 soldiers.",
        "On July 2 500 protesters gathered.",
        "The score was 2 1 after extra time.",
        "Call 0800 123 456 for help.",
        "version 1.2.3 and 1.5 million people and 2.5 billion dollars",
    ],
)
def test_well_formed_numbers_are_not_garbled(text: str) -> None:
    assert find_garbled_numerals(text) == []


def test_find_numerals_reads_plain_values() -> None:
    values = [n.value for n in find_numerals("46 soldiers, including five officers, and 1,000 troops and 1.5 million")]
    assert values == [46, 1000, 1_500_000]


@pytest.mark.parametrize(
    ("text", "value", "garbled"),
    [
        ("2 5 Hundreds", 2500, True),
        ("16 Thousands", 16000, True),
        ("2,500", 2500, False),
        ("five thousand", 5000, False),
        ("twenty-five", 25, False),
        ("two dozen", 24, False),
        ("1.5 million", 1_500_000, False),
    ],
)
def test_parse_numeral(text: str, value: float, garbled: bool) -> None:
    parsed = parse_numeral(text)
    assert parsed is not None
    assert (parsed.value, parsed.garbled) == (value, garbled)


@pytest.mark.parametrize("text", ["hundreds", "troops", "a", "", "2 5"])
def test_parse_numeral_rejects_non_numerals(text: str) -> None:
    assert parse_numeral(text) is None


def test_format_western() -> None:
    assert format_western(2500) == "2,500"
    assert format_western(20_000_000) == "20 million"
    assert format_western(2_500_000_000) == "2.5 billion"
