"""L001: grammar through language_tool_python, tested against a loopback LanguageTool look-alike."""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from auditor.checks.grammar import GrammarUnavailable, build_requests, connect, languagetool_grammar
from auditor.checks.registry import CheckContext
from auditor.config import Config
from auditor.model import Document, Flag
from auditor.text import segment_document

# Error patterns the fake server "knows", with LanguageTool's real rule ids, categories and issue types.
FAKE_RULES = [
    ("a important", "EN_A_VS_AN", "MISC", "misspelling", "Use “an” instead of “a”.", ["an important"]),
    ("there are less", "LESS_COMPARATIVE", "GRAMMAR", "grammar", "Did you mean “fewer”?", ["there are fewer"]),
    ("Taliban", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake.", ["Tale ban"]),
    ('"', "EN_QUOTES", "TYPOGRAPHY", "typographical", "Use a smart quote.", ["“"]),
    ("very unique", "EN_PLAIN_ENGLISH", "GRAMMAR", "style", "Wordy.", ["unique"]),
]


def utf16_offset(text: str, index: int) -> int:
    """LanguageTool (Java) counts UTF-16 code units: a character outside the BMP counts twice."""
    return len(text[:index].encode("utf-16-le")) // 2


def fake_matches(text: str) -> list[dict[str, Any]]:
    matches = []
    for needle, rule_id, category, issue_type, message, replacements in FAKE_RULES:
        start = text.find(needle)
        while start >= 0:
            offset = utf16_offset(text, start)
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in replacements],
                    "offset": offset,
                    "length": utf16_offset(text, start + len(needle)) - offset,
                    "context": {
                        "text": text[max(0, start - 20) : start + 40],
                        "offset": min(start, 20),
                        "length": len(needle),
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": message,
                        "issueType": issue_type,
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
            start = text.find(needle, start + 1)
    return matches


class FakeLanguageTool(BaseHTTPRequestHandler):
    checks: ClassVar[list[dict[str, list[str]]]] = []
    fail_checks: ClassVar[bool] = False

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            languages = [
                {"name": "English", "code": "en", "longCode": "en"},
                {"name": "English (US)", "code": "en", "longCode": "en-US"},
                {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
            ]
            self._send(200, json.dumps(languages).encode())
        else:
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        type(self).checks.append(form)
        if self.path.startswith("/v2/check") and not type(self).fail_checks:
            text = form["text"][0]
            body = {
                "software": {"name": "LanguageTool", "version": "6.6", "apiVersion": 1, "status": ""},
                "warnings": {"incompleteResults": False},
                "language": {"name": "English (US)", "code": "en-US"},
                "matches": fake_matches(text),
            }
            self._send(200, json.dumps(body).encode())
        else:
            self._send(500, b"Error: internal problem", "text/plain")


@pytest.fixture()
def languagetool_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("NO_PROXY", "no_proxy"):  # a proxy from the environment must not catch loopback requests
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    FakeLanguageTool.checks = []
    FakeLanguageTool.fail_checks = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def no_local_languagetool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point language_tool_python's download folder at an empty directory, and make any attempt to
    construct a LanguageTool without a server fail the test (it would download LanguageTool)."""
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    import language_tool_python

    def forbidden(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("LanguageTool constructed without a server: it would download")

    monkeypatch.setattr(language_tool_python, "LanguageTool", forbidden)


def document(text: str, excluded: frozenset[int] = frozenset()) -> Document:
    doc = segment_document(Document("doc", "doc.txt", text))
    return replace(doc, excluded=excluded)


def run_check(docs: list[Document], url: str | None) -> tuple[list[Flag], CheckContext]:
    ctx = CheckContext(docs, Config(languagetool_url=url))
    return list(languagetool_grammar(ctx)), ctx


def test_grammar_matches_map_to_exact_document_offsets(languagetool_url: str) -> None:
    text = "Fighting continues\n\nThe Taliban seized a important crossing. Officials said there are less troops.\n"
    doc = document(text)
    flags, ctx = run_check([doc], languagetool_url)
    assert [(text[f.start : f.end], f.suggestion) for f in flags] == [
        ("a important", "an important"),
        ("there are less", "there are fewer"),
    ]
    assert "EN_A_VS_AN" in flags[0].message
    assert ctx.skipped == []
    # What was sent: English (US), only the reported categories, and enabledOnly.
    [form] = FakeLanguageTool.checks
    assert form["language"] == ["en-US"]
    assert form["enabledOnly"] == ["true"]
    assert set(form["enabledCategories"][0].split(",")) >= {"GRAMMAR", "MISC"}
    assert "TYPOS" not in form["enabledCategories"][0]


def test_spelling_typography_and_style_matches_are_not_reported(languagetool_url: str) -> None:
    text = 'The Taliban said it was "very unique".'
    flags, _ctx = run_check([document(text)], languagetool_url)
    assert flags == []  # TYPOS, TYPOGRAPHY and a style-type match are all left out


def test_offsets_stay_exact_after_characters_outside_the_bmp(languagetool_url: str) -> None:
    text = "Crowds cheered 🎉🎉 in Kabul. It was a important day."
    [flag] = run_check([document(text)], languagetool_url)[0]
    assert text[flag.start : flag.end] == "a important"


def test_boilerplate_sentences_are_not_sent_and_offsets_skip_them(languagetool_url: str) -> None:
    text = "READ MORE: a important link\nThe army made a important gain.\nShare this article"
    doc = segment_document(Document("doc", "doc.txt", text))
    boilerplate = frozenset(s.index for s in doc.sentences if not s.text.startswith("The army"))
    doc = replace(doc, excluded=boilerplate)
    [flag] = run_check([doc], languagetool_url)[0]
    assert (flag.start, text[flag.start : flag.end]) == (text.index("a important gain"), "a important")
    assert "READ MORE" not in FakeLanguageTool.checks[0]["text"][0]


def test_long_documents_are_split_into_requests_that_map_back() -> None:
    text = "\n".join(f"Paragraph {i} says there are less troops." for i in range(10))
    doc = document(text)
    requests = build_requests(doc, max_chars=120)
    assert len(requests) > 1
    for request in requests:
        for chunk in request.chunks:  # every chunk is a verbatim copy of the document
            copied = request.text[chunk.request_start : chunk.request_start + chunk.length]
            assert copied == text[chunk.doc_start : chunk.doc_start + chunk.length]
        at = request.text.find("there are less")
        span = request.to_document(at, len("there are less"))
        assert span is not None and text[span[0] : span[1]] == "there are less"


def test_no_server_and_no_local_install_skips_with_reason(no_local_languagetool: None) -> None:
    flags, ctx = run_check([document("It was a important day.")], None)
    assert flags == []
    [skip] = ctx.skipped
    assert skip.check == "grammar"
    assert "AUDITOR_LANGUAGETOOL_URL" in skip.reason and "languagetool-url" in skip.reason


def test_unreachable_server_skips_quickly_with_reason(no_local_languagetool: None) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    flags, ctx = run_check([document("It was a important day.")], f"http://127.0.0.1:{port}")
    assert flags == []
    assert ctx.skipped[0].check == "grammar"
    assert "not reachable" in ctx.skipped[0].reason


def test_server_failing_on_check_skips_that_document_and_goes_on(languagetool_url: str) -> None:
    FakeLanguageTool.fail_checks = True
    flags, ctx = run_check([document("It was a important day.")], languagetool_url)
    assert flags == []
    assert ctx.skipped[0].check == "grammar" and ctx.skipped[0].doc == "doc"


def test_connect_never_constructs_a_downloading_languagetool(no_local_languagetool: None) -> None:
    with pytest.raises(GrammarUnavailable):
        connect(None)


def test_fixture_audit_reports_grammar_skipped_in_summary_and_terminal(fixture_report) -> None:
    from rich.console import Console

    from auditor.report.terminal import summary_renderable

    skipped = [s for s in fixture_report.skipped if s["check"] == "grammar"]
    assert skipped and skipped[0]["reason"]
    assert fixture_report.to_dict()["summary"]["skipped"]
    console = Console(record=True, width=200, color_system=None)
    console.print(summary_renderable(fixture_report))
    assert "grammar: skipped (" in console.export_text()


def test_audit_with_configured_server_reports_grammar_findings_at_file_positions(
    languagetool_url: str,
    tmp_path: Path,
    encoder,
) -> None:
    import os

    from auditor import audit

    article = tmp_path / "article.txt"
    article.write_text(
        "Taliban take border crossing\n\nThe Taliban seized a important crossing on Tuesday, officials said.\n",
        encoding="utf-8",
    )
    config = Config(languagetool_url=languagetool_url, cache_dir=os.environ["AUDITOR_CACHE_DIR"])
    report = audit([article], config, encoder=encoder)
    grammar = [f for f in report.findings if f.rule == "L001"]
    assert [(f.text, f.line, f.column, f.suggestion) for f in grammar] == [("a important", 3, 20, "an important")]
    assert grammar[0].category.value == "grammar"
    assert not [s for s in report.skipped if s["check"] == "grammar"]
