"""The cleaning rules (boilerplate, duplicate) on the real articles and on made-up pages of other shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import audit
from auditor.config import Config
from auditor.report.model import Report


def rules_on(report: Report, doc_prefix: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in report.findings:
        if finding.doc.startswith(doc_prefix):
            found.setdefault(finding.rule, []).append(finding.text.replace("\xa0", " "))
    return found


def test_every_finding_quotes_the_original_text_at_its_offsets(fixture_report: Report) -> None:
    for finding in fixture_report.findings:
        doc = fixture_report.documents_by_id[finding.doc]
        assert doc.text[finding.start : finding.end] == finding.text
        line, column = doc.line_column(finding.start)
        assert (finding.line, finding.column) == (line, column)


def test_share_widgets_and_embed_prompts_are_flagged(fixture_report: Report) -> None:
    widgets = rules_on(fixture_report, "001")["B001"]
    assert "Share this articleComments" in widgets
    assert any(w.startswith("Copy/paste the article video embed link") for w in widgets)


def test_cross_links_are_flagged_including_misspelled_labels(fixture_report: Report) -> None:
    links = rules_on(fixture_report, "000")["B002"]
    assert len(links) == 4
    assert any(link.startswith("REEAD MORE:") for link in links)
    assert any(f.suggestion for f in fixture_report.findings if f.text.startswith("REEAD"))
    assert rules_on(fixture_report, "002")["B002"][0].startswith("Further Reading:")
    assert rules_on(fixture_report, "003")["B002"][0].startswith("Read also:")


def test_credit_and_comment_lines_are_flagged(fixture_report: Report) -> None:
    assert "Copyright KARIM JAAFAR/AFP or licensors" in rules_on(fixture_report, "001")["B003"]
    assert "UNAMA/Fraidoon Poya" in rules_on(fixture_report, "002")["B003"]
    assert rules_on(fixture_report, "004")["B004"] == ["POST COMMENTS (0)"]


def test_related_block_covers_header_and_its_headlines(fixture_report: Report) -> None:
    [block] = rules_on(fixture_report, "001")["B005"]
    assert block.startswith("You might also like")
    assert block.rstrip().endswith("UN says")


def test_unrelated_trailing_headlines_are_found_by_topic(fixture_report: Report) -> None:
    tail = rules_on(fixture_report, "002")["B006"]
    assert len(tail) == 5
    assert all(line.startswith("- ") for line in tail)
    # The on-topic sentence just before them is article text.
    assert not any("Herat province" in line for line in tail)


def test_repeated_titles_and_near_duplicate_paragraphs(fixture_report: Report) -> None:
    assert len(rules_on(fixture_report, "003")["D001"]) == 2  # the title three times
    near = rules_on(fixture_report, "000")["D002"]
    assert len(near) == 1 and near[0].endswith("(AP)")


def test_article_sentences_are_not_flagged_as_boilerplate(fixture_report: Report) -> None:
    # Section headings and real paragraphs of 000 stay article text.
    flagged = {f.text for f in fixture_report.findings if f.doc.startswith("000")}
    assert "Fighting continues" not in flagged
    assert "Russia joint military drills" not in flagged
    doc = fixture_report.documents_by_id[next(d for d in fixture_report.documents_by_id if d.startswith("004"))]
    assert len(doc.excluded) == 1  # only the comment counter


def test_flagged_lines_are_excluded_from_alignment(fixture_report: Report) -> None:
    doc = fixture_report.documents_by_id[next(d for d in fixture_report.documents_by_id if d.startswith("002"))]
    active = " ".join(s.text for s in doc.active_sentences())
    assert "Laos" not in active and "Gatwick" not in active
    assert "18 provincial capitals" in active


OTHER_OUTLET_PAGE = """\
Floods force thousands from homes in Bavaria
Floods force thousands from homes in Bavaria
Photo: dpa/Karl Huber
By Anna Schmidt and Jonas Weber with Reuters
Tweet Share Email Print

Munich, June 3 (Reuters) - Rising rivers forced thousands of people from their homes in southern Germany on Monday, officials said.
Rescue teams used boats to reach villages cut off by the water, and two firefighters were reported missing.
Rain is expected to continue through Wednesday, the national weather service warned.
Also read: Heatwave grips southern Europe as temperatures soar
The state premier said the damage would run into hundreds of millions of euros.
Residents described the water rising faster than in any flood they remembered.
Comments (12)
Related articles
Bavaria floods: what we know so far
Insurers brace for record claims after storms
"""


def test_rules_work_on_another_outlets_page(tmp_path: Path, encoder) -> None:
    page = tmp_path / "bavaria.txt"
    page.write_text(OTHER_OUTLET_PAGE, encoding="utf-8")
    report = audit([page], Config(), encoder=encoder)
    found = rules_on(report, "bavaria")
    assert found["D001"] == ["Floods force thousands from homes in Bavaria"]
    assert found["B003"] == ["Photo: dpa/Karl Huber"]
    assert found["B001"] == ["Tweet Share Email Print"]
    assert found["B002"] == ["Also read: Heatwave grips southern Europe as temperatures soar"]
    assert found["B004"] == ["Comments (12)"]
    assert found["B005"][0].startswith("Related articles")
    # Real sentences, including ones with colons and numbers, are left alone.
    flagged = " ".join(t for texts in found.values() for t in texts)
    assert "Rescue teams" not in flagged and "state premier" not in flagged
    doc = report.documents_by_id["bavaria"]
    assert any(c.name == "Reuters" for c in doc.credits)
    assert doc.byline and doc.byline.startswith("By Anna Schmidt")


@pytest.mark.parametrize(
    "line",
    [
        "Washington: The Senate passed the bill late on Tuesday after a long debate.",
        "Read the full statement on the ministry's website, officials said.",
        "See you in court, the lawyer told reporters outside the building.",
        "Share prices fell sharply in Tokyo after the announcement.",
    ],
)
def test_ordinary_sentences_are_not_furniture(line: str) -> None:
    from auditor.checks.boilerplate import is_furniture

    assert not is_furniture(line)
