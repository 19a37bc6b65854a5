"""P001: counts of administrative divisions that cannot be right."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from auditor.checks.plausibility import admin_division_references, dominant_country, find_implausible_counts
from auditor.model import Document, Flag
from auditor.text import segment_document


def flags_for(text: str) -> list[Flag]:
    doc = segment_document(Document("x", "x.txt", text))
    fallback = dominant_country(doc)
    return [flag for sentence in doc.sentences for flag in find_implausible_counts(doc, sentence, fallback)]


def test_reference_file_cites_a_source_for_every_entry() -> None:
    data = json.loads(resources.files("auditor").joinpath("data", "reference.json").read_text(encoding="utf-8"))
    assert data["derived"]["admin_divisions"]["source"]
    assert data["derived"]["admin_divisions"]["caveats"]
    for entry in data["admin_divisions"]:
        assert entry["source"] and entry["cite"]
        assert entry["min"] <= entry["count"] <= entry["max"]


def test_first_level_counts_are_derived_from_iso_3166_2() -> None:
    references = admin_division_references()
    assert references[("AF", "province")].count == 34
    assert references[("US", "state")].count == 50
    assert references[("KE", "county")].count == 47
    # Philippine provinces are second-level in ISO 3166-2: no figure, so nothing is judged.
    assert ("PH", "province") not in references


def test_fixture_370_provinces_is_flagged_and_districts_suggested(fixture_report) -> None:
    found = [f for f in fixture_report.findings if f.rule == "P001"]
    assert [(f.doc[:3], f.text) for f in found] == [("003", "370 provinces")]
    assert "34 provinces" in found[0].message
    assert found[0].suggestion == "370 districts"


def test_count_above_the_country_total_is_flagged_with_country_from_sentence() -> None:
    [flag] = flags_for("In Afghanistan, the Taliban said they had taken 60 provinces.")
    assert flag.doc.text[flag.start : flag.end] == "60 provinces"
    assert "Afghanistan has 34 provinces" in flag.message


def test_stated_total_far_below_reference_is_flagged() -> None:
    [flag] = flags_for("Iran's 10 provinces held elections on Friday.")
    assert "31 provinces" in flag.message


@pytest.mark.parametrize(
    "text",
    [
        "Afghanistan has 34 provinces.",
        "The Taliban have captured 18 provincial capitals in Afghanistan.",
        "The 5 provinces of Afghanistan where fighting raged were cut off.",  # a subset, not the total
        "Fighting spread to 3 new provinces in Afghanistan.",
        "The US has 50 states.",
        "China has 31 provinces, municipalities and regions.",  # close enough to ISO's 23 provinces
        "More than 50 of the 370 districts of Afghanistan have fallen.",  # the right unit
        "Talks covered 200 districts in Pakistan and India.",  # two countries: unclear which
        "The company operates in 70 regions.",  # no country
    ],
)
def test_plausible_or_unjudgeable_counts_are_not_flagged(text: str) -> None:
    assert flags_for(text) == []


def test_document_level_country_is_used_when_the_sentence_names_none() -> None:
    text = (
        "Afghanistan faces a crisis. Afghanistan's army is retreating. Officials in Afghanistan worry.\n"
        "The insurgents now hold 80 provinces."
    )
    [flag] = flags_for(text)
    assert "Afghanistan has 34 provinces" in flag.message
