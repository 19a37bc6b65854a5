"""A check that raises costs its own results, not the audit: the other checks' findings are
reported, every format names the failed check, and the run is incomplete (exit 2)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor import audit
from auditor.checks import registry
from auditor.cli import app
from auditor.config import Config
from auditor.gating import EXIT_INPUT, gate
from auditor.model import Category, Severity
from auditor.pipeline import RAISE_ENV
from auditor.report.github import render_github
from auditor.report.html import render_html
from auditor.report.jsonschema import validation_errors
from auditor.report.markdown import render_markdown
from auditor.report.sarif import render_sarif

BUG = "index 7 is out of range for the\n  probe list"


def broken(ctx):
    """Raises on every corpus (test probe for a rule with a bug)."""
    raise IndexError(BUG)
    yield  # a generator, as most checks are: the error comes while its flags are read


@pytest.fixture
def failing_rule(monkeypatch: pytest.MonkeyPatch, probe_rules) -> str:
    monkeypatch.delenv(RAISE_ENV, raising=False)
    probe = registry.Rule("Z904", "probe-broken", Category.PLAUSIBILITY, Severity.ERROR, broken, registry.CORPUS)
    monkeypatch.setitem(registry.REGISTRY, "Z904", probe)
    return "Z904"


@pytest.fixture
def articles(two_articles: Path) -> Path:
    return two_articles


def test_other_rules_still_report_and_the_failure_is_named(failing_rule: str, articles: Path) -> None:
    report = audit([articles], Config(select=("Z901", "Z902", failing_rule)))
    assert report.failed == [
        {"check": failing_rule, "reason": "IndexError: index 7 is out of range for the probe list"}
    ]
    assert {f.rule for f in report.findings} == {"Z901", "Z902"}
    assert report.incomplete
    data = report.to_dict()
    assert data["summary"]["failed"] == report.failed and data["summary"]["incomplete"] is True
    assert validation_errors(data) == []


def test_a_failed_check_fails_the_gate_with_exit_2(failing_rule: str, articles: Path) -> None:
    report = audit([articles], Config(select=("Z901", failing_rule)))
    result = gate(report, Config(fail_on="never"))
    assert result.exit_code == EXIT_INPUT
    assert result.reasons == (f"check failed ({failing_rule}): the run was incomplete",)


def test_every_format_names_the_failed_check(failing_rule: str, articles: Path) -> None:
    report = audit([articles], Config(select=("Z901", failing_rule)))
    reason = "IndexError: index 7 is out of range for the probe list"
    assert f"{failing_rule}: {reason}" in render_markdown(report)
    assert f"check failed</strong>: {failing_rule}: {reason}" in render_html(report)
    assert f"::error title=auditor check failed::{failing_rule}: failed ({reason})" in render_github(report)
    invocation = render_sarif(report)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["descriptor"]["id"]) for n in notes] == [("error", failing_rule)]


def test_cli_says_which_check_failed_and_exits_2(failing_rule: str, articles: Path) -> None:
    result = CliRunner().invoke(app, ["audit", "articles", "--select", f"Z901,{failing_rule}", "-f", "json", "-q"])
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"check {failing_rule} failed (IndexError: index 7" in result.stderr
    assert RAISE_ENV in result.stderr
    report = json.loads(result.stdout)
    assert {f["rule"] for f in report["findings"]} == {"Z901"}
    assert "check failed" in CliRunner().invoke(app, ["audit", "articles", "--select", f"Z901,{failing_rule}"]).stdout


def test_raise_env_lets_the_exception_end_the_audit(
    failing_rule: str, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RAISE_ENV, "1")
    with pytest.raises(IndexError, match="out of range"):
        audit([articles], Config(select=("Z901", failing_rule)))


def test_a_real_rule_failing_on_the_fixtures_costs_only_its_own_findings(
    fixtures_dir: Path, encoder, fixture_report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """C002 broken: every other rule's findings and the fact clusters are still there."""
    monkeypatch.delenv(RAISE_ENV, raising=False)
    monkeypatch.setitem(registry.REGISTRY, "C002", replace(registry.REGISTRY["C002"], check=broken))
    report = audit([fixtures_dir], Config(cache_dir=os.environ["AUDITOR_CACHE_DIR"]), encoder=encoder)
    assert [f["check"] for f in report.failed] == ["C002"]
    expected = {(f.rule, f.doc, f.start, f.end) for f in fixture_report.findings if f.rule != "C002"}
    assert any(f.rule == "C002" for f in fixture_report.findings)  # so the test shows something was lost
    assert {(f.rule, f.doc, f.start, f.end) for f in report.findings} == expected
    assert len(report.clusters) == len(fixture_report.clusters)


def test_a_model_that_cannot_be_loaded_is_one_line_and_exit_2(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong model path is a setting to fix, not six failed checks: one line naming the path."""
    monkeypatch.delenv(RAISE_ENV, raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "empty-cache"))  # nothing embedded yet
    missing = tmp_path / "no-such-model"
    monkeypatch.setenv("AUDITOR_MODEL", str(missing))
    result = CliRunner().invoke(app, ["audit", "articles", "--select", "C", "-q"])
    assert result.exit_code == EXIT_INPUT, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot load the embedding model {missing}" in lines[0], lines
    old, new = articles / "wire.txt", articles / "outlet.txt"
    diffed = CliRunner().invoke(app, ["diff", str(old), str(new)])
    assert diffed.exit_code == EXIT_INPUT and "cannot load the embedding model" in diffed.stderr
