"""CI gating through the CLI: exit codes for --fail-on, thresholds, input errors, and baselines.

The probe rules (tests/conftest.py) give each run known findings: Z901 warnings (numbers),
Z902 errors (contradiction category, "ceasefire"), Z903 info (grammar category, "said").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from auditor.cli import app
from auditor.config import Config
from auditor.gating import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, gate
from auditor.model import Category, Finding, Severity
from auditor.report.model import DocumentSummary, Report


@pytest.fixture
def articles(two_articles: Path, probe_rules) -> Path:
    return two_articles


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["audit", *args])


def json_report(result: Result) -> dict:
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("select", "fail_on", "expected"),
    [
        ("Z9", "error", EXIT_FINDINGS),  # Z902 errors
        ("Z9", "never", EXIT_OK),
        ("Z901", "error", EXIT_OK),  # only warnings
        ("Z901", "warning", EXIT_FINDINGS),
        ("Z903", "warning", EXIT_OK),  # only info
        ("Z903", "info", EXIT_FINDINGS),
        ("Z901,Z903", "error", EXIT_OK),
    ],
)
def test_fail_on_sets_the_exit_code(articles: Path, select: str, fail_on: str, expected: int) -> None:
    result = run("articles", "--select", select, "--fail-on", fail_on, "--format", "json", "-q")
    assert result.exit_code == expected, result.output
    if expected == EXIT_FINDINGS:
        assert f"at or above {fail_on}" in result.stderr


def test_default_fail_on_is_error(articles: Path) -> None:
    assert run("articles", "--select", "Z902", "-q").exit_code == EXIT_FINDINGS
    assert run("articles", "--select", "Z901", "-q").exit_code == EXIT_OK


def test_input_errors_exit_2_even_when_nothing_else_fails(articles: Path) -> None:
    (articles / "broken.jsonl").write_text('{"text": "fine article text here."}\n{not json\n', encoding="utf-8")
    result = run("articles", "--select", "Z901", "--fail-on", "never", "-q")
    assert result.exit_code == EXIT_INPUT
    assert "broken.jsonl:2" in result.stderr


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.txt"), "-q")
    assert result.exit_code == EXIT_INPUT
    assert "nothing was audited" in result.stderr


def test_max_findings_per_category(articles: Path) -> None:
    base = ("articles", "--select", "Z9", "--fail-on", "never", "-q")
    # two "ceasefire" findings (one per article) in the contradiction category
    over = run(*base, "--max-findings", "contradiction=1")
    assert over.exit_code == EXIT_FINDINGS
    assert "2 contradiction findings exceed the maximum of 1" in over.stderr
    assert run(*base, "--max-findings", "contradiction=2").exit_code == EXIT_OK
    # repeatable; a category without findings never fails
    assert run(*base, "--max-findings", "contradiction=5", "--max-findings", "garble=0").exit_code == EXIT_OK
    assert run(*base, "--max-findings", "contradiction=5", "--max-findings", "grammar=0").exit_code == EXIT_FINDINGS
    total = len(json_report(run(*base, "--format", "json"))["findings"])
    assert run(*base, "--max-findings", f"all={total - 1}").exit_code == EXIT_FINDINGS
    assert run(*base, "--max-findings", f"all={total}").exit_code == EXIT_OK


@pytest.mark.parametrize("flag", ["contradiction", "contradiction=-1", "contradiction=many", "nonsense=1"])
def test_malformed_max_findings_is_a_usage_error(articles: Path, flag: str) -> None:
    result = run("articles", "--select", "Z9", "--max-findings", flag, "-q")
    assert result.exit_code == EXIT_INPUT
    assert "max-findings" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_max_garble_score_fails_when_a_document_exceeds_it(articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.checks.scores as scores

    monkeypatch.setattr(scores, "document_garble_scores", lambda ctx: {"wire": 0.05, "outlet": 0.42})
    base = ("articles", "--select", "Z901", "--fail-on", "never", "-q")
    over = run(*base, "--max-garble-score", "0.4")
    assert over.exit_code == EXIT_FINDINGS
    assert "outlet.txt: garble score 0.42 exceeds 0.4" in over.stderr
    assert run(*base, "--max-garble-score", "0.42").exit_code == EXIT_OK
    assert run(*base, "--max-garble-score", "1.5").exit_code == EXIT_INPUT  # out of range: usage error


def test_gate_ignores_documents_without_a_score_and_reports_every_reason() -> None:
    def doc(doc_id: str, score: float | None) -> DocumentSummary:
        return DocumentSummary(doc_id, f"{doc_id}.txt", None, None, None, "en", (), None, None, 3, 0, score)

    finding = Finding("Z902", Category.CONTRADICTION, Severity.ERROR, "a", "x", 0, 1, 1, 1, "m")
    report = Report("now", [doc("a", None), doc("b", 0.9)], [finding])
    result = gate(report, Config(fail_on="error", max_garble_score=0.5, max_findings={"contradiction": 0}))
    assert result.exit_code == EXIT_FINDINGS
    assert len(result.reasons) == 3  # severity, garble score of b, contradiction count
    assert gate(report, Config(fail_on="never", max_garble_score=0.95)).passed


# --- baselines ---


def test_baseline_round_trip_reports_and_gates_only_new_findings(articles: Path) -> None:
    made = CliRunner().invoke(app, ["baseline", "articles", "--select", "Z9", "--output", "ci/baseline.json", "-q"])
    assert made.exit_code == EXIT_OK, made.output
    saved = json.loads(Path("ci/baseline.json").read_text(encoding="utf-8"))
    assert saved["tool"]["name"] == "auditor" and saved["tool"]["version"]
    everything = json_report(run("articles", "--select", "Z9", "--format", "json", "--fail-on", "never", "-q"))
    assert {e["fingerprint"] for e in saved["findings"]} == {f["fingerprint"] for f in everything["findings"]}
    assert all(e["rule"] and e["doc"] and e["text"] for e in saved["findings"])  # readable by a person

    # nothing new: clean run, and the summary says how many the baseline hid
    clean = run("articles", "--select", "Z9", "--baseline", "ci/baseline.json", "--fail-on", "info", "--format", "json")
    assert clean.exit_code == EXIT_OK, clean.output
    report = json_report(clean)
    assert report["findings"] == []
    assert report["summary"]["baseline"] == {"file": "ci/baseline.json", "suppressed": len(saved["findings"])}
    assert f"{len(saved['findings'])} known finding(s) suppressed" in clean.stderr
    terminal = run("articles", "--select", "Z9", "--baseline", "ci/baseline.json", "--fail-on", "never", "-q")
    assert f"{len(saved['findings'])} known finding(s) not shown: in the baseline ci/baseline.json" in terminal.stdout

    # a new contradiction in an edited article is the only finding reported, and it fails the run
    outlet = articles / "outlet.txt"
    outlet.write_text(
        outlet.read_text(encoding="utf-8") + "\nA ceasefire is in force, the Taliban claim.\n", encoding="utf-8"
    )
    new = run("articles", "--select", "Z9", "--baseline", "ci/baseline.json", "--format", "json", "-q")
    assert new.exit_code == EXIT_FINDINGS
    reported = json_report(new)["findings"]
    assert [(f["rule"], f["doc"], f["text"], f["line"]) for f in reported] == [("Z902", "outlet", "ceasefire", 5)]
    assert json_report(new)["summary"]["baseline"]["suppressed"] == len(saved["findings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "baseline is not valid JSON"),
        ('{"schema": "something else"}', "not an auditor baseline"),
        ('{"schema": "auditor.baseline/1", "findings": [{"rule": "x"}]}', "must be a list of objects"),
    ],
)
def test_bad_baseline_exits_2_with_one_line_naming_the_file(articles: Path, content: str | None, message: str) -> None:
    path = Path("baseline.json")
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("articles", "--select", "Z9", "--baseline", str(path), "-q")
    assert result.exit_code == EXIT_INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "baseline.json" in lines[0] and message in lines[0]


def test_baseline_of_an_incomplete_corpus_exits_2(articles: Path) -> None:
    (articles / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["baseline", "articles", "--select", "Z9", "-o", "b.json", "-q"])
    assert result.exit_code == EXIT_INPUT
    assert Path("b.json").is_file()  # written for what was read, but the run is not a clean pass


def test_fingerprints_survive_an_edit_to_another_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixtures_dir: Path, probe_rules
) -> None:
    """A real article, audited with every rule; then a paragraph is rewritten and one inserted above."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "copy"
    folder.mkdir()
    source = fixtures_dir / "000_ee120b2da65b2266.txt"
    shutil.copy(source, folder / source.name)
    first = json_report(run("copy", "--format", "json", "--fail-on", "never", "-q"))
    again = json_report(run("copy", "--format", "json", "--fail-on", "never", "-q"))
    assert [f["fingerprint"] for f in first["findings"]] == [f["fingerprint"] for f in again["findings"]]

    text = source.read_text(encoding="utf-8")
    paragraphs = text.split("\n")
    # the edited paragraph: the longest line that no finding touches
    touched = {f["line"] for f in first["findings"]}
    edited = max((i for i in range(len(paragraphs)) if i + 1 not in touched), key=lambda i: len(paragraphs[i]))
    paragraphs[edited] = "Editors rewrote this paragraph entirely after publication."
    paragraphs.insert(1, "An editor's note inserted near the top shifts every line below it.")
    (folder / source.name).write_text("\n".join(paragraphs), encoding="utf-8")
    edited_report = json_report(run("copy", "--format", "json", "--fail-on", "never", "-q"))

    before = {f["fingerprint"]: f for f in first["findings"]}
    after = {f["fingerprint"]: f for f in edited_report["findings"]}
    assert len(before) >= 5  # real rules and probes both flag this article
    missing = [f for fp, f in before.items() if fp not in after]
    assert not missing, missing
    moved = [after[fp]["line"] - f["line"] for fp, f in before.items()]
    assert all(shift == 1 for shift in moved if shift)  # same findings, lines shifted by the insertion
