"""The command line and bad input: one-line errors naming the file (and line), the rest still audited."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import audit
from auditor.config import Config
from auditor.corpus import read_corpus

GOOD = "Rising rivers forced thousands of people from their homes on Monday, officials said.\n"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )


@pytest.fixture()
def messy_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 owners in Kabul said prices rose.\n".encode("latin-1"))
    (corpus / "badfront.md").write_text("---\ntitle: [unclosed\noutlet: X\n---\nText here.\n", encoding="utf-8")
    (corpus / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "outlet": "Wire", "text": GOOD})
        + "\n{not json\n"
        + json.dumps({"id": "a2", "text": ""})
        + "\n",
        encoding="utf-8",
    )
    return corpus


def test_bad_inputs_give_one_line_errors_and_the_rest_is_audited(messy_corpus: Path) -> None:
    before = {p: p.read_bytes() for p in messy_corpus.iterdir()}
    corpus = read_corpus([messy_corpus, messy_corpus / "missing.txt"])
    messages = [str(e) for e in corpus.errors]
    assert {d.id for d in corpus.documents} == {"good", "latin1", "a1"}
    assert any("binary.txt" in m and "binary" in m for m in messages)
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("badfront.md:3" in m and "front matter" in m for m in messages)  # where YAML noticed
    assert any("feed.jsonl:2" in m and "malformed JSON" in m for m in messages)
    assert any("feed.jsonl:3" in m and "no 'text'" in m for m in messages)
    assert any("missing.txt" in m and "no such file" in m for m in messages)
    assert all("\n" not in m for m in messages)
    latin = next(d for d in corpus.documents if d.id == "latin1")
    assert latin.text.startswith("Café") and "cp1252" in latin.notes[0]
    assert before == {p: p.read_bytes() for p in messy_corpus.iterdir()}  # inputs untouched


def test_oversized_file_is_refused_by_name(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.write(b"word " * (10 * 1024 * 1024))  # 50 MB
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["ok"]
    [error] = corpus.errors
    assert "huge.txt" in str(error) and "MB" in str(error)


def test_file_vanishing_mid_run_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.corpus.readers as readers

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    collect = readers.collect_files

    def collect_then_delete(*args, **kwargs):
        files, errors = collect(*args, **kwargs)
        (tmp_path / "b.txt").unlink()
        return files, errors

    monkeypatch.setattr(readers, "collect_files", collect_then_delete)
    corpus = readers.read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a"]
    assert "b.txt" in str(corpus.errors[0]) and "disappeared" in str(corpus.errors[0])


def test_directory_without_articles_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = run_cli("audit", str(tmp_path), "--select", "B001")
    assert result.returncode == 2
    assert "holds no readable article" in result.stderr
    assert "Traceback" not in result.stderr


def test_incomplete_run_exits_2_but_reports_the_good_files(messy_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run_cli("audit", str(messy_corpus), "--select", "B", "--format", "json", "--output", str(out))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "badfront.md:3" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["incomplete"] is True
    assert {d["id"] for d in report["documents"]} == {"good", "latin1", "a1"}


def test_exit_codes_follow_fail_on(fixtures_dir: Path) -> None:
    # The fixtures have boilerplate warnings and no errors among the B and D rules.
    assert run_cli("audit", str(fixtures_dir), "--select", "B", "--select", "D").returncode == 0
    assert run_cli("audit", str(fixtures_dir), "--select", "B", "--fail-on", "warning").returncode == 1


def test_terminal_report_is_plain_when_not_a_tty(fixtures_dir: Path) -> None:
    result = run_cli("audit", str(fixtures_dir), "--select", "B002")
    assert "\x1b[" not in result.stdout
    assert "REEAD MORE" in result.stdout and "B002" in result.stdout
    assert "TRT World" in result.stdout


def test_rules_and_explain_document_every_rule() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0 and "B006" in listing.stdout
    explained = run_cli("explain", "B002")
    assert explained.returncode == 0
    assert "Why it matters" in explained.stdout and "Example" in explained.stdout
    assert run_cli("explain", "Z999").returncode == 2


def test_version() -> None:
    from auditor import __version__

    assert run_cli("--version").stdout.strip() == f"auditor {__version__}"


def test_library_call_matches_the_cli(fixtures_dir: Path, encoder) -> None:
    report = audit([fixtures_dir], Config(select=("B002",)), encoder=encoder)
    assert report.to_dict()["schema"] == "auditor.report/1"
    assert len(report.findings) == 6  # four in 000, one each in 002 and 003


def test_no_color_is_honoured_even_on_a_forced_terminal(fixtures_dir: Path) -> None:
    env = {**os.environ, "FORCE_COLOR": "1", "HF_HUB_OFFLINE": "1"}
    env.pop("NO_COLOR", None)
    args = [sys.executable, "-m", "auditor", "audit", str(fixtures_dir), "--select", "B002", "--quiet"]
    coloured = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    plain = subprocess.run(args, capture_output=True, text=True, env={**env, "NO_COLOR": "1"}, timeout=600)
    assert "\x1b[33m" in coloured.stdout  # warnings in yellow
    assert "\x1b[33m" not in plain.stdout and "\x1b[31m" not in plain.stdout
    assert "REEAD MORE" in plain.stdout
