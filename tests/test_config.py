"""Configuration: [tool.auditor] in pyproject.toml or auditor.toml; defaults < file < command-line flags.

Every configuration problem is one line on stderr that names the file, and exit code 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from auditor.cli import app
from auditor.config import Config, ConfigError, find_config_file, load_config
from auditor.gating import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from auditor.model import Severity

ARTICLE = "Officials said a ceasefire was agreed on Sunday.\n\nThe 2 delegations met for 3 days in Doha.\n"
OTHER = "No ceasefire was agreed, officials said on 2 August.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe_rules) -> Path:
    """A project folder with two articles; tests add the config file."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "outlet.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["audit", "articles", "-q", *args])


def one_error_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == EXIT_INPUT, result.output
    assert len(lines) == 1, lines
    return lines[0]


# --- precedence ---


def test_defaults_then_file_then_flags(tmp_path: Path) -> None:
    assert Config().fail_on == "error" and Config().max_garble_score is None
    path = tmp_path / "auditor.toml"
    path.write_text('fail-on = "warning"\nmax-garble-score = 0.3\nselect = ["C", "G"]\n', encoding="utf-8")
    from_file = load_config(path)
    assert (from_file.fail_on, from_file.max_garble_score, from_file.select) == ("warning", 0.3, ("C", "G"))
    assert from_file.source == str(path)
    flagged = from_file.with_overrides(fail_on="never", select=("C001",), max_garble_score=None)
    assert (flagged.fail_on, flagged.max_garble_score, flagged.select) == ("never", 0.3, ("C001",))


def test_pyproject_table_is_found_from_a_subfolder_and_auditor_toml_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\nfail-on = "info"\n', encoding="utf-8")
    nested = tmp_path / "articles" / "2021"
    nested.mkdir(parents=True)
    assert find_config_file(nested) == tmp_path / "pyproject.toml"
    assert load_config(start=nested).fail_on == "info"
    (tmp_path / "articles" / "auditor.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert load_config(start=nested).fail_on == "never"


def test_pyproject_without_an_auditor_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(tmp_path / "inner") == tmp_path / "pyproject.toml"


def test_cli_flags_override_the_config_file(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.auditor]\nfail-on = "info"\nselect = ["Z903"]\n', encoding="utf-8")
    assert run().exit_code == EXIT_FINDINGS  # file: only Z903 (info), fail on info
    assert run("--fail-on", "warning").exit_code == EXIT_OK  # flag beats file
    selected = json.loads(run("--select", "Z901", "--format", "json", "--fail-on", "never").stdout)
    assert {f["rule"] for f in selected["findings"]} == {"Z901"}  # --select replaces the file's select


def test_severity_overrides_ignore_and_exclude_from_the_file(project: Path) -> None:
    (project / "auditor.toml").write_text(
        'select = ["Z9"]\nignore = ["Z901"]\nexclude = ["*/outlet.txt"]\n[severity]\nZ903 = "error"\nZ902 = "info"\n',
        encoding="utf-8",
    )
    result = run("--format", "json")
    report = json.loads(result.stdout)
    assert [d["id"] for d in report["documents"]] == ["wire"]
    assert {f["rule"]: f["severity"] for f in report["findings"]} == {"Z902": "info", "Z903": "error"}
    assert result.exit_code == EXIT_FINDINGS  # Z903 is now an error


def test_configured_severity_beats_the_severity_a_rule_sets_per_flag(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.checks import registry
    from auditor.model import Category, Flag

    def loud(ctx):
        """Flags the first word as an error, whatever the rule's default (test probe)."""
        for doc in ctx.documents:
            yield Flag(doc, 0, 9, "loud", severity=Severity.ERROR)

    monkeypatch.setitem(
        registry.REGISTRY,
        "Z904",
        registry.Rule("Z904", "probe-loud", Category.GRAMMAR, Severity.INFO, loud, registry.DOCUMENT),
    )
    assert run("--select", "Z904").exit_code == EXIT_FINDINGS
    (project / "auditor.toml").write_text('[severity]\nZ904 = "info"\n', encoding="utf-8")
    result = run("--select", "Z904", "--format", "json")
    assert {f["severity"] for f in json.loads(result.stdout)["findings"]} == {"info"}
    assert result.exit_code == EXIT_OK


def test_max_findings_flags_merge_with_the_files_limits(project: Path) -> None:
    (project / "auditor.toml").write_text(
        'select = ["Z9"]\nfail-on = "never"\n[max-findings]\ngrammar = 0\n', encoding="utf-8"
    )
    assert run().exit_code == EXIT_FINDINGS  # two "said": more than the file's 0
    merged = run("--max-findings", "contradiction=0")
    assert "grammar findings" in merged.stderr and "contradiction findings" in merged.stderr
    assert run("--max-findings", "grammar=2").exit_code == EXIT_OK  # the flag wins for the same category


def test_baseline_setting_is_relative_to_the_config_file(project: Path) -> None:
    (project / "auditor.toml").write_text('select = ["Z9"]\nbaseline = "ci/known.json"\n', encoding="utf-8")
    made = CliRunner().invoke(app, ["baseline", "articles", "-q"])  # writes where the config says
    assert made.exit_code == EXIT_OK and (project / "ci" / "known.json").is_file()
    config = load_config(project / "auditor.toml")
    assert config.baseline == str(project / "ci" / "known.json")
    result = run("--format", "json")
    assert result.exit_code == EXIT_OK and json.loads(result.stdout)["findings"] == []


# --- errors: one line, naming the file ---


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("fail-on = [", "invalid TOML"),
        ('colour = "red"', "unknown setting 'colour'"),
        ('fail-on = "sometimes"', "fail-on must be error, warning, info or never"),
        ("select = 3", "select must be a list of strings"),
        ('[severity]\nZ901 = "critical"', "severity of Z901 must be error, warning or info"),
        ("max-garble-score = 2", "max-garble-score must be a number between 0 and 1"),
        ("[max-findings]\nfacts = 1", "unknown category 'facts'"),
        ("[max-findings]\ngarble = -1", "garble must be a whole number"),
        ('select = ["Q"]', "select: no rule matches Q"),
        ('[severity]\nQ123 = "info"', "severity: no rule Q123"),
    ],
)
def test_config_errors_are_one_line_naming_the_file(project: Path, content: str, message: str) -> None:
    (project / "auditor.toml").write_text(content + "\n", encoding="utf-8")
    line = one_error_line(run())
    assert "auditor.toml" in line and message in line


def test_pyproject_errors_name_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.auditor]\nthreshold = 1\n", encoding="utf-8")
    line = one_error_line(run())
    assert "pyproject.toml" in line and "unknown setting 'threshold' in [tool.auditor]" in line


def test_explicit_config_that_does_not_exist(project: Path) -> None:
    line = one_error_line(run("--config", "nowhere.toml"))
    assert "nowhere.toml" in line and "cannot read config" in line


def test_unknown_rule_on_the_command_line(project: Path) -> None:
    line = one_error_line(run("--select", "Z9,QX"))
    assert "command line" in line and "QX" in line


def test_library_config_errors_are_config_errors(tmp_path: Path) -> None:
    path = tmp_path / "auditor.toml"
    path.write_text('[severity]\nz901 = "warning"\n', encoding="utf-8")
    assert load_config(path).severity == {"Z901": Severity.WARNING}  # rule ids are case-insensitive
    path.write_text('select = "c, g001"\nexclude = ["Drafts/*"]\n', encoding="utf-8")
    assert (load_config(path).select, load_config(path).exclude) == (("C", "G001"), ("Drafts/*",))
    path.write_text("exclude = [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="exclude must be a list of strings"):
        load_config(path)
