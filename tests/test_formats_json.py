"""The JSON report stays stable: docs/report.schema.json (draft 2020-12) describes every report we write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from auditor import audit
from auditor.cli import app
from auditor.config import Config
from auditor.report.jsonschema import report_schema, schema_json, validation_errors
from auditor.report.model import Report

DOCS_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"


def assert_valid(report: Report) -> dict:
    data = json.loads(json.dumps(report.to_dict()))  # exactly what --format json writes
    errors = validation_errors(data)
    assert not errors, "\n".join(errors[:10])
    for finding in report.findings:  # the contract beyond types: text is the original span
        doc = report.documents_by_id[finding.doc]
        assert doc.text[finding.start : finding.end] == finding.text
    return data


def test_docs_schema_is_the_published_form_of_the_module() -> None:
    Draft202012Validator.check_schema(report_schema())
    assert DOCS_SCHEMA.read_text(encoding="utf-8") == schema_json(), (
        "docs/report.schema.json is out of date: python -m auditor.report.jsonschema docs/report.schema.json"
    )


def test_fixture_report_is_valid(fixture_report: Report) -> None:
    data = assert_valid(fixture_report)
    assert data["summary"]["documents"] == 5 and data["findings"]


def test_nearly_empty_corpus_report_is_valid(tmp_path: Path, encoder) -> None:
    (tmp_path / "short.txt").write_text("Kabul.\n", encoding="utf-8")
    report = audit([tmp_path], Config(), encoder=encoder)
    data = assert_valid(report)
    assert data["summary"]["documents"] == 1 and data["clusters"] == []


def test_corpus_with_input_errors_report_is_valid(tmp_path: Path, encoder, fixtures_dir: Path) -> None:
    (tmp_path / "good.txt").write_text(
        (fixtures_dir / "004_db929eefe4fa1c71.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "feed.jsonl").write_text('{"id": "ok", "text": "The Taliban said so."}\n{oops\n', encoding="utf-8")
    report = audit([tmp_path, tmp_path / "missing.md"], Config(), encoder=encoder)
    data = assert_valid(report)
    assert data["summary"]["incomplete"] is True
    assert any(e["line"] == 2 for e in data["summary"]["errors"])  # the bad JSONL line is named
    assert len(data["summary"]["errors"]) >= 4


def test_report_with_evidence_and_a_baseline_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe_rules
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("A ceasefire was agreed, officials said.\n", encoding="utf-8")
    Path("b.txt").write_text("No ceasefire on 2 August.\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["baseline", "a.txt", "b.txt", "--select", "Z902", "-o", "base.json", "-q"])
    result = runner.invoke(
        app, ["audit", "a.txt", "b.txt", "--select", "Z9", "--baseline", "base.json", "-f", "json", "-q"]
    )
    data = json.loads(result.stdout)
    assert not validation_errors(data)
    assert data["summary"]["baseline"]["suppressed"] == 2
    before = json.loads(runner.invoke(app, ["audit", "a.txt", "b.txt", "--select", "Z902", "-f", "json"]).stdout)
    assert before["findings"][0]["evidence"] and not validation_errors(before)


def test_schema_rejects_a_renamed_field(fixture_report: Report) -> None:
    data = json.loads(json.dumps(fixture_report.to_dict()))
    finding = data["findings"][0]
    finding["severity_level"] = finding.pop("severity")
    errors = validation_errors(data)
    assert any("severity" in e for e in errors)


def test_schema_command_prints_the_published_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == DOCS_SCHEMA.read_text(encoding="utf-8")
