"""Report formats for pipelines: SARIF 2.1.0 (against the OASIS schema), Markdown comments, GitHub annotations.

The SARIF schema in tests/data/ is the official OASIS one (source in tests/data/README.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from auditor import audit
from auditor.config import Config
from auditor.model import Category, Finding, Severity
from auditor.report.github import escape_data, escape_property, render_github, workflow_command
from auditor.report.markdown import GITHUB_COMMENT_LIMIT, code, escape, render_markdown
from auditor.report.model import Report
from auditor.report.sarif import FINGERPRINT_KEY, render_sarif

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Two short articles in the shapes the readers take: one with YAML front matter (so file lines
# and text lines differ), one plain; the probe rules flag numbers, "ceasefire" and "said".
ARTICLE_WITH_FRONT_MATTER = """---
title: Talks in Doha
outlet: Wire A
published: 2021-08-01
---
Officials said a ceasefire was agreed on Sunday in Doha.

The 2 delegations met for 3 days, the mediator said, and a second ceasefire round is planned.
"""
PLAIN_ARTICLE = "Talks continue in Doha.\nNo ceasefire was agreed, officials said on 2 August.\n"


def sarif_validator() -> jsonschema.Draft4Validator:
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    return jsonschema.Draft4Validator(SARIF_SCHEMA)


@pytest.fixture
def corpus(corpus_of: Callable[[dict[str, str]], Path]) -> Path:
    """A two-article corpus (one with front matter) under the working directory."""
    return corpus_of({"wire-a.md": ARTICLE_WITH_FRONT_MATTER, "outlet-b.txt": PLAIN_ARTICLE})


@pytest.fixture
def probe_report(corpus: Path, probe_rules, encoder) -> Report:
    report = audit([Path("articles")], Config(select=("Z9",)), encoder=encoder)
    assert report.findings and not report.errors
    return report


# --- SARIF ---


def test_sarif_of_the_fixture_report_is_valid_against_the_oasis_schema(fixture_report: Report) -> None:
    log = render_sarif(fixture_report)
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(fixture_report.findings)


def test_sarif_with_evidence_suggestions_errors_and_skips_is_valid(probe_report: Report) -> None:
    probe_report.errors.append({"path": "articles/broken.jsonl", "line": 3, "message": "malformed JSON"})
    probe_report.skipped.append({"check": "grammar", "reason": "no LanguageTool server"})
    log = render_sarif(probe_report)
    assert not list(sarif_validator().iter_errors(log))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    notes = [n["message"]["text"] for n in invocation["toolConfigurationNotifications"]]
    assert any("grammar" in note for note in notes)  # the probes select no G rule: garble-score is noted too
    with_evidence = [r for r in log["runs"][0]["results"] if r.get("relatedLocations")]
    assert with_evidence, "the contradiction probe cites the other document"
    assert "Suggestion: truce" in with_evidence[0]["message"]["text"]


def test_sarif_regions_point_at_the_flagged_text_in_the_file_on_disk(probe_report: Report) -> None:
    run = render_sarif(probe_report)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    checked = 0
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith("/") and Path(uri).is_file(), uri  # relative to the working directory
        region = location["region"]
        lines = Path(uri).read_text(encoding="utf-8").splitlines()
        assert region["startLine"] == region["endLine"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
        checked += 1
    # front matter shifts every line of wire-a.md by five; the loop above proves they still match
    assert checked == len(probe_report.findings) >= 8


def test_sarif_rules_carry_help_text_and_results_their_fingerprints(probe_report: Report, probe_rules) -> None:
    run = render_sarif(probe_report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["Z902"]["help"]["text"] == probe_rules["Z902"].doc
    assert by_id["Z902"]["defaultConfiguration"]["level"] == "error"
    assert by_id["Z903"]["defaultConfiguration"]["level"] == "note"
    for result, finding in zip(run["results"], probe_report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        assert result["partialFingerprints"][FINGERPRINT_KEY] == finding.fingerprint
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.value]


# --- Markdown ---


def _many_findings_report(report: Report, copies: int) -> Report:
    """The probe report with each finding repeated: a corpus large enough to overflow a comment."""
    findings = [f for f in report.findings for _ in range(copies)]
    return Report(report.generated, report.documents, findings, documents_by_id=report.documents_by_id)


def test_markdown_lists_every_finding_when_it_fits(probe_report: Report) -> None:
    text = render_markdown(probe_report)
    assert len(text) <= GITHUB_COMMENT_LIMIT
    assert text.count("\n- **Z9") == len(probe_report.findings)
    assert "left out" not in text
    assert "`articles/wire-a.md:6:" in text  # locations are code spans with the file's own line numbers
    # errors come first
    assert text.index("### 🔴 error") < text.index("### 🟠 warning") < text.index("### 🔵 info")


def test_markdown_truncates_to_the_comment_limit_with_a_note(probe_report: Report) -> None:
    big = _many_findings_report(probe_report, 400)
    text = render_markdown(big)
    assert len(text) <= GITHUB_COMMENT_LIMIT
    shown = text.count("\n- **Z9")
    assert 0 < shown < len(big.findings)
    note = re.search(r"(\d+) more findings left out to fit a comment's 65,536-character limit", text)
    assert note and int(note.group(1)) == len(big.findings) - shown
    # a smaller limit keeps fewer findings and still fits
    small = render_markdown(big, limit=5_000)
    assert len(small) <= 5_000 and small.count("\n- **Z9") < shown


def test_markdown_escapes_article_text() -> None:
    hostile = "<img src=x onerror=alert(1)> | *bold* [link](http://x) @someone `code`"
    escaped = escape(hostile)
    for raw in ("<img", "| *", "[link]", "@someone", "`code`"):
        assert raw not in escaped
    assert "&lt;img" in escaped and "&#64;someone" in escaped
    assert code("a`b") == "`` a`b ``" and code("x.txt:3:1") == "`x.txt:3:1`"


# --- GitHub workflow commands ---


def test_github_escaping_matches_the_actions_toolkit() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = workflow_command("error", "two\nlines: 5%", file="dir/a,b:c.txt", line=3, title="C001 x")
    assert line == "::error file=dir/a%2Cb%3Ac.txt,line=3,title=C001 x::two%0Alines: 5%25"


def test_github_annotations_one_line_per_finding_with_positions(probe_report: Report) -> None:
    output = render_github(probe_report)
    lines = [line for line in output.splitlines() if "title=auditor::" not in line]  # skipped-check notices
    assert len(lines) == len(probe_report.findings)
    command = re.compile(
        r"^::(error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
        r"endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),title=(?P<title>[^,:]+)::(?P<message>.+)$"
    )
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for line, finding in zip(lines, probe_report.findings, strict=True):
        match = command.match(line)
        assert match, line
        assert match.group(1) == levels[finding.severity]
        assert match.group("file") == f"articles/{Path(probe_report.documents_by_id[finding.doc].path).name}"
        assert int(match.group("line")) == finding.line and int(match.group("col")) == finding.column
        assert match.group("title").startswith(finding.rule)
        assert "\n" not in match.group("message")


def test_github_annotation_escapes_untrusted_text_in_messages() -> None:
    finding = Finding(
        rule="Z902",
        category=Category.CONTRADICTION,
        severity=Severity.ERROR,
        doc="d",
        text="50%\n::error::injected",
        start=0,
        end=19,
        line=1,
        column=1,
        message="says 50%\n::warning::injected",
    )
    output = render_github(Report("now", [], [finding]))
    # one line: the newline that would start a second workflow command is escaped
    assert output.count("\n") == 1 and output.startswith("::error file=d,")
    assert "says 50%25%0A::warning::injected" in output


def test_positions_in_jsonl_and_html_articles_are_not_passed_off_as_file_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe_rules, encoder
) -> None:
    """Offsets of a JSONL record point into a JSON string: the SARIF region and the annotation give
    the record's line only, and the message says where in the record's text."""
    monkeypatch.chdir(tmp_path)
    record = {"id": "feed-1", "outlet": "Wire", "text": "Talks went on.\nNo ceasefire was agreed."}
    Path("feed.jsonl").write_text(json.dumps({"id": "x", "text": "Nothing here."}) + "\n" + json.dumps(record) + "\n")
    report = audit([Path("feed.jsonl")], Config(select=("Z902",)), encoder=encoder)
    log = render_sarif(report)
    assert not list(sarif_validator().iter_errors(log))
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 2}  # the record's line, no column
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "feed.jsonl"
    artifacts = log["runs"][0]["artifacts"]  # one per file, though the file holds two documents
    assert [a["location"]["uri"] for a in artifacts] == ["feed.jsonl"]
    assert location["physicalLocation"]["artifactLocation"]["index"] == 0
    assert "line 2, column 4 of the text of the record on line 2" in result["message"]["text"]
    (annotation,) = [line for line in render_github(report).splitlines() if "title=auditor::" not in line]
    assert annotation.startswith("::error file=feed.jsonl,line=2,title=Z902 probe-word::")
    assert "feed.jsonl (line 2, column 4 of the text of the record on line 2)" in render_markdown(report)
    assert report.documents_by_id["feed-1"].record_line == 2
