"""Garble findings carry other outlets' sentences that report the same fact (made-up articles)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor import audit
from auditor.config import Config
from auditor.model import SAME_FACT
from auditor.report.jsonschema import report_schema

WIRE = """About 2,500 U.S. troops and 16,000 contractors were in Afghanistan when President Biden ordered the withdrawal in April, officials said.

The Pentagon said the pullout was more than 90 percent complete.

Fighting between the Taliban and government forces has intensified in the north.
"""
REPUBLISHED = """At the time of Biden's command in April, about 2 5 Hundreds U S. troops and 16 Thousands contractors were present in Afghanistan, officials said.

The Pentagon says the withdrawal is more than 90 percent done.

The fighting between the Taliban and the government forces has increased in the north.
"""
# Another machine translation of the same sentence: damaged too, so never offered as the clean wording.
SECOND_MT = """In April, at Biden's command, about 2 5 Hundreds U S. troops and 16 Thousands contractors were in Afghanistan, officials said.

Fighting between Taliban and government forces has increased in the north.
"""


def run(tmp_path: Path, encoder: Any, **articles: str) -> Any:
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return audit([folder], Config(cache_dir=os.environ["AUDITOR_CACHE_DIR"]), encoder=encoder)


def numeral_findings(report: Any, doc: str) -> list[Any]:
    return [f for f in report.findings if f.rule == "G001" and f.doc == doc]


def test_garbled_numeral_comes_with_the_wire_sentence_of_the_same_fact(tmp_path: Path, encoder: Any) -> None:
    report = run(tmp_path, encoder, wire=WIRE, republished=REPUBLISHED)
    findings = numeral_findings(report, "republished")
    assert {f.suggestion for f in findings} == {"2,500", "16,000"}
    for finding in findings:
        (counterpart,) = finding.evidence
        assert counterpart.relation == SAME_FACT
        assert counterpart.doc == "wire"
        assert counterpart.text.startswith("About 2,500 U.S. troops and 16,000 contractors")
        assert (counterpart.line, counterpart.column) == (1, 1)
    # nothing of the clean article's own findings points at the garbled one
    assert not any(e.doc == "republished" for f in report.findings if f.doc == "wire" for e in f.evidence)
    jsonschema.validate(json.loads(json.dumps(report.to_dict())), report_schema())


def test_a_counterpart_that_is_garbled_too_is_not_offered(tmp_path: Path, encoder: Any) -> None:
    report = run(tmp_path, encoder, republished=REPUBLISHED, second=SECOND_MT)
    findings = numeral_findings(report, "republished")
    assert findings
    assert all(not f.evidence for f in findings)


def test_counterparts_do_not_change_fingerprints(tmp_path: Path, encoder: Any) -> None:
    alone = run(tmp_path / "a", encoder, republished=REPUBLISHED)
    with_wire = run(tmp_path / "b", encoder, republished=REPUBLISHED, wire=WIRE)
    assert {f.fingerprint for f in numeral_findings(alone, "republished")} == {
        f.fingerprint for f in numeral_findings(with_wire, "republished")
    }
    assert all(f.evidence for f in numeral_findings(with_wire, "republished"))


@pytest.mark.parametrize("output_format", ["terminal", "markdown", "sarif"])
def test_reports_say_same_fact_not_other_side(tmp_path: Path, encoder: Any, output_format: str) -> None:
    from rich.console import Console

    from auditor.report.markdown import render_markdown
    from auditor.report.sarif import sarif_json
    from auditor.report.terminal import render_terminal

    report = run(tmp_path, encoder, wire=WIRE, republished=REPUBLISHED)
    if output_format == "terminal":
        console = Console(record=True, width=200, color_system=None)
        render_terminal(report, console)
        text = console.export_text()
    else:
        text = render_markdown(report) if output_format == "markdown" else sarif_json(report)
    assert "same fact in wire" in text
    assert "↔" not in text  # the mark of a contradiction's other side


def test_html_report_labels_the_counterpart(tmp_path: Path, encoder: Any) -> None:
    from auditor.report.html import render_html

    page = render_html(run(tmp_path, encoder, wire=WIRE, republished=REPUBLISHED))
    assert "Same fact elsewhere" in page
    assert "About 2,500 U.S. troops and 16,000 contractors" in page


def test_facts_table_and_html_mark_the_garbled_member(tmp_path: Path, encoder: Any) -> None:
    from rich.console import Console

    from auditor.report.html import render_html
    from auditor.report.terminal import render_terminal

    report = run(tmp_path, encoder, wire=WIRE, republished=REPUBLISHED)
    console = Console(record=True, width=250, color_system=None)
    render_terminal(report, console)
    text = console.export_text()
    assert text.count("[garbled translation in republished: do not quote]") == 1
    page = render_html(report)
    (summary,) = [
        s for s in re.findall(r"<summary>.*?</summary>", page, re.S) if "2 5 Hundreds" in s or "About 2,500" in s
    ]
    assert "garbled member" in summary
    troops = re.search(r"<li><strong>republished</strong>[^\n]*?2 5 Hundreds[^\n]*?</li>", page)
    assert troops and "garbled translation: do not quote" in troops.group()
    wire = re.search(r"<li><strong>wire</strong>[^\n]*?About 2,500[^\n]*?</li>", page)
    assert wire and "do not quote" not in wire.group()
