"""The CLI side of the formats: --format/--output for each one, and the progress display on stderr."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import auditor.cli
from auditor import audit
from auditor.cli import app, progress_display
from auditor.config import Config

ARTICLE = "Officials said a ceasefire was agreed on Sunday.\n\nThe 2 delegations met for 3 days in Doha.\n"


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe_rules) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "wire.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("output_format", "marker"),
    [
        ("json", '"schema": "auditor.report/1"'),
        ("sarif", '"version": "2.1.0"'),
        ("markdown", "## auditor report"),
        ("github", "::error file=wire.txt,line=1,col=18,endLine=1,endColumn=27,title=Z902 probe-word::"),
        ("terminal", "Z902"),
    ],
)
def test_each_format_goes_to_stdout_or_to_the_output_file(article: Path, output_format: str, marker: str) -> None:
    runner = CliRunner()
    args = ["audit", "wire.txt", "--select", "Z9", "--fail-on", "never", "-q", "-f", output_format]
    to_stdout = runner.invoke(app, args)
    assert to_stdout.exit_code == 0, to_stdout.output
    assert marker in to_stdout.stdout
    to_file = runner.invoke(app, [*args, "-o", "out/report.txt"])
    assert to_file.exit_code == 0 and to_file.stdout == ""
    assert marker in Path("out/report.txt").read_text(encoding="utf-8")


def test_also_writes_more_formats_from_the_same_run(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    audits: list[object] = []
    real_run = auditor.cli.run_audit

    def counted_run(*a: Any, **k: Any) -> Any:
        audits.append(a)
        return real_run(*a, **k)

    monkeypatch.setattr(auditor.cli, "run_audit", counted_run)
    args = ["audit", "wire.txt", "--select", "Z9", "--fail-on", "never", "-q", "-f", "terminal"]
    result = CliRunner().invoke(app, [*args, "--also", "sarif=out/a.sarif", "--also", "json=out/a.json"])
    assert result.exit_code == 0, result.output
    assert "Z902" in result.stdout
    assert json.loads(Path("out/a.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert json.loads(Path("out/a.json").read_text(encoding="utf-8"))["schema"] == "auditor.report/1"
    assert len(audits) == 1


def test_also_html_beside_sarif_still_gets_the_fact_clusters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, object]] = []
    real_run = auditor.cli.run_audit

    def recorded_run(*a: Any, **k: Any) -> Any:
        seen.append(k)
        return real_run(*a, **k)

    monkeypatch.setattr(auditor.cli, "run_audit", recorded_run)
    monkeypatch.chdir(tmp_path)
    Path("wire.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["audit", "wire.txt", "--select", "B001", "--fail-on", "never", "-q", "-f", "sarif"]
    assert CliRunner().invoke(app, [*args, "--also", "html=r.html"]).exit_code == 0
    assert CliRunner().invoke(app, args).exit_code == 0
    assert [k["clusters"] for k in seen] == [True, False]  # the HTML report shows clusters; SARIF alone does not


@pytest.mark.parametrize("value", ["html", "pdf=out.pdf", "json="])
def test_a_malformed_also_is_a_usage_error_before_any_work(article: Path, value: str) -> None:
    result = CliRunner().invoke(app, ["audit", "wire.txt", "--select", "Z9", "-q", "--also", value])
    assert result.exit_code == 2
    assert "expected FORMAT=FILE" in result.output
    assert not Path("out.pdf").exists()


def test_sarif_output_is_json_with_relative_paths(article: Path) -> None:
    result = CliRunner().invoke(app, ["audit", "wire.txt", "--select", "Z9", "-q", "-f", "sarif", "--fail-on", "never"])
    log = json.loads(result.stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"wire.txt"}


def test_pipeline_reports_its_stages_in_order(article: Path, encoder) -> None:
    stages: list[str] = []
    audit([article], Config(select=("Z9",)), encoder=encoder, progress=stages.append)
    assert [s for s in ("reading", "cleaning", "analyzing", "aligning") if s in stages] == [
        "reading",
        "cleaning",
        "analyzing",
        "aligning",
    ]


def test_progress_display_draws_each_stage_on_a_terminal() -> None:
    buffer = io.StringIO()
    with progress_display(True, console=Console(file=buffer, force_terminal=True, width=80)) as say:
        assert say is not None
        say("reading")
        say("analyzing")
    drawn = buffer.getvalue()
    assert "auditing: " in drawn and "reading" in drawn and "analyzing" in drawn
    with progress_display(False) as nothing:
        assert nothing is None


@pytest.mark.parametrize(("quiet", "shown"), [(False, True), (True, False)])
def test_progress_on_a_terminal_unless_quiet(
    article: Path, monkeypatch: pytest.MonkeyPatch, quiet: bool, shown: bool
) -> None:
    buffer = io.StringIO()
    terminal = Console(file=buffer, force_terminal=True, width=80)
    monkeypatch.setattr(auditor.cli, "stderr_console", lambda: terminal)
    args = ["audit", "wire.txt", "--select", "Z9", "--fail-on", "never", "-f", "json"]
    result = CliRunner().invoke(app, [*args, "-q"] if quiet else args)
    assert result.exit_code == 0
    assert ("auditing: " in buffer.getvalue()) is shown
    json.loads(result.stdout)  # the report on stdout is never mixed with the progress display


def test_no_progress_when_stderr_is_not_a_terminal(article: Path) -> None:
    result = CliRunner().invoke(app, ["audit", "wire.txt", "--select", "Z9", "--fail-on", "never", "-f", "json"])
    assert result.exit_code == 0
    assert "auditing" not in result.stderr and "\x1b[" not in result.stderr


def test_unwritable_output_is_one_line_and_exit_2(article: Path) -> None:
    Path("taken").mkdir()  # a directory where the report file should go
    result = CliRunner().invoke(app, ["audit", "wire.txt", "--select", "Z9", "-q", "-f", "sarif", "-o", "taken"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "taken: cannot write the report" in lines[0]
