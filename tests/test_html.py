"""The HTML report: self-contained, complete, and safe with hostile article text."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from auditor.model import Category, Document, Evidence, Finding, Severity
from auditor.report.html import context_snippet, render_html
from auditor.report.model import Cluster, ClusterMember, DocumentSummary, Report
from auditor.text import segment_document

# What an attacker would put into a scraped article, a title or an outlet name.
SCRIPT_PAYLOAD = "<script>window.__pwned = 1; alert('xss')</script>"
ONERROR_PAYLOAD = '<img src=x onerror="window.__pwned = 2; alert(2)">'
BREAKOUT_PAYLOAD = "</script><script>window.__pwned = 3</script><!--"


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


def _document(doc_id: str, text: str, outlet: str, published: date) -> Document:
    return segment_document(Document(id=doc_id, path=f"{doc_id}.txt", text=text, outlet=outlet, published=published))


def hostile_report() -> Report:
    """Two articles whose text, outlet and title carry script payloads, and a contradiction between them."""
    text_a = (
        f"Officials said 6 provincial capitals fell. {SCRIPT_PAYLOAD} The Taliban took Kunduz.\n"
        f"Caption {ONERROR_PAYLOAD} here.\n"
    )
    text_b = f"Officials said 8 provincial capitals fell {BREAKOUT_PAYLOAD} on Sunday.\n"
    doc_a = _document("a", text_a, f"Outlet {ONERROR_PAYLOAD}", date(2021, 8, 9))
    doc_b = _document("b", text_b, f"Wire {BREAKOUT_PAYLOAD}", date(2021, 8, 10))
    doc_a = replace(doc_a, title=SCRIPT_PAYLOAD)

    def span(doc: Document, needle: str) -> tuple[int, int]:
        start = doc.text.index(needle)
        return start, start + len(needle)

    def finding(doc: Document, needle: str, **kwargs: object) -> Finding:
        start, end = span(doc, needle)
        line, column = doc.line_column(start)
        fields: dict[str, object] = {
            "rule": "B001",
            "category": Category.BOILERPLATE,
            "severity": Severity.WARNING,
            "message": f"message with {SCRIPT_PAYLOAD}",
            "fingerprint": f"fp-{doc.id}-{start}",
        }
        fields.update(kwargs)
        return Finding(doc=doc.id, text=doc.text[start:end], start=start, end=end, line=line, column=column, **fields)  # type: ignore[arg-type]

    b_start, b_end = span(doc_b, "8 provincial capitals fell")
    findings = [
        finding(
            doc_a,
            "6 provincial capitals fell",
            rule="C001",
            category=Category.CONTRADICTION,
            severity=Severity.ERROR,
            message="6 capitals here, 8 in the other outlet",
            suggestion=ONERROR_PAYLOAD,
            evidence=(Evidence.from_span(doc_b, b_start, b_end),),
        ),
        finding(doc_a, SCRIPT_PAYLOAD),
        finding(doc_a, ONERROR_PAYLOAD, category=Category.GARBLE, rule="G001", severity=Severity.INFO),
        finding(doc_b, BREAKOUT_PAYLOAD),
    ]
    cluster = Cluster(
        id="k1",
        status="disputed",
        label=SCRIPT_PAYLOAD,
        members=(
            ClusterMember("a", doc_a.text[:40], 0, 40, outlet=doc_a.outlet, published="2021-08-09"),
            ClusterMember("b", BREAKOUT_PAYLOAD, 0, b_end, outlet=doc_b.outlet, published="2021-08-10"),
        ),
    )
    return Report(
        generated="2021-08-10T00:00:00+00:00",
        documents=[DocumentSummary.from_document(doc_a, 0.5), DocumentSummary.from_document(doc_b)],
        findings=findings,
        clusters=[cluster],
        skipped=[{"check": "grammar", "reason": SCRIPT_PAYLOAD}],
        documents_by_id={"a": doc_a, "b": doc_b},
    )


def test_hostile_article_text_is_escaped_and_cannot_add_elements() -> None:
    page = render_html(hostile_report())
    parsed = parse(page)
    # Only the report's own script exists, and it carries the CSP nonce.
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert len(scripts) == 1 and scripts[0].get("nonce")
    assert "__pwned" not in parsed.scripts[0]
    # No element anywhere has an event-handler attribute, and no <img> was injected.
    assert not [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.startswith("on")]
    assert "img" not in {tag for tag, _ in parsed.tags}
    # The payloads are shown to the reader as text, escaped.
    assert "&lt;script&gt;window.__pwned = 1;" in page
    assert "&lt;img src=x onerror=" in page
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned = 3" in page
    assert SCRIPT_PAYLOAD not in page and ONERROR_PAYLOAD not in page


def test_report_declares_a_content_security_policy_that_blocks_unknown_scripts() -> None:
    page = render_html(hostile_report())
    parsed = parse(page)
    csp = next(
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    nonce = re.search(r"script-src 'nonce-([^']+)'", csp)
    assert nonce and "default-src 'none'" in csp
    assert all(attrs.get("nonce") == nonce.group(1) for tag, attrs in parsed.tags if tag in {"script", "style"})
    assert render_html(hostile_report()).count(nonce.group(1)) == 0  # a fresh nonce for every report


def test_report_is_self_contained() -> None:
    page = render_html(hostile_report())
    parsed = parse(page)
    assert not [attrs for tag, attrs in parsed.tags if tag in {"link", "iframe", "object", "embed", "img"}]
    assert not [attrs for tag, attrs in parsed.tags if tag == "script" and "src" in attrs]
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "@import" not in page and "url(" not in page


def test_contradiction_shows_both_sides_with_spans_highlighted() -> None:
    page = render_html(hostile_report())
    item = re.search(r'<li class="finding sev-error-item".*?</li>', page, re.S)
    assert item, "the contradiction is listed"
    html = item.group()
    assert 'data-category="contradiction"' in html
    assert html.count('<figure class="side">') == 2
    assert "<mark>6 provincial capitals fell</mark>" in html
    assert "<mark>8 provincial capitals fell</mark>" in html
    assert "This article: Outlet &lt;img" in html and "Other side: Wire &lt;/script&gt;" in html


def test_finding_sentence_is_quoted_from_the_original_text_with_the_span_marked() -> None:
    text = "Fighting continued on Saturday. The Taliban took Kunduz on Sunday. Officials denied it.\nNext line.\n"
    doc = _document("k", text, "Outlet", date(2021, 8, 9))
    start = text.index("Kunduz")
    snippet = context_snippet(doc, start, start + len("Kunduz"), "")
    # Its own sentence, not the whole line, with the span split out for <mark>.
    assert (snippet.before, snippet.flagged, snippet.after) == ("The Taliban took ", "Kunduz", " on Sunday.")
    assert snippet.clipped_start and snippet.clipped_end


def test_filters_offer_every_severity_category_outlet_and_rule() -> None:
    page = render_html(hostile_report())
    for select_id in ("f-severity", "f-category", "f-outlet", "f-rule", "f-sort"):
        assert f'id="{select_id}"' in page
    assert '<option value="C001">C001</option>' in page and '<option value="G001">G001</option>' in page
    for category in Category:
        assert f'<option value="{category.value}">' in page
    assert ">Wire &lt;/script&gt;&lt;script&gt;window.__pwned = 3&lt;/script&gt;&lt;!--</option>" in page


def test_rule_explanations_come_from_the_registry() -> None:
    from auditor.checks.registry import load_rules

    page = render_html(hostile_report())
    for rule in load_rules().values():
        assert f'id="rule-{rule.id}"' in page
        assert str(escape(rule.doc)) in page  # the whole docstring: what, why, example


def test_fixture_report_overview_lists_every_document_and_finding(fixture_report: Report) -> None:
    page = render_html(fixture_report, title="afghanistan-2021")
    parsed = parse(page)
    findings = [attrs for tag, attrs in parsed.tags if tag == "li" and "finding" in (attrs.get("class") or "")]
    assert len(findings) == len(fixture_report.findings)
    for doc in fixture_report.documents:
        assert f"<code>{doc.id}</code>" in page
        if doc.outlet:
            assert doc.outlet.replace("'", "&#39;") in page
    assert {a["data-rule"] for a in findings} == {f.rule for f in fixture_report.findings}


def test_cli_writes_the_html_report(tmp_path: Path, fixtures_dir: Path) -> None:
    from typer.testing import CliRunner

    from auditor.cli import app

    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["audit", str(fixtures_dir), "--format", "html", "--output", str(out), "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert 'id="findings-list"' in page


@pytest.mark.parametrize("payload", [SCRIPT_PAYLOAD, ONERROR_PAYLOAD, BREAKOUT_PAYLOAD])
def test_payload_never_appears_unescaped(payload: str) -> None:
    assert payload not in render_html(hostile_report())


def test_disputed_fact_links_to_the_contradiction_that_disputes_it() -> None:
    page = render_html(hostile_report())
    cluster = re.search(r'<details class="cluster" data-status="disputed">.*?</details>', page, re.S)
    assert cluster, "the disputed cluster is shown"
    anchors = re.findall(r'href="#(finding-\d+)"', cluster.group())
    assert len(anchors) == 1
    item = re.search(rf'<li class="finding[^"]*" id="{anchors[0]}".*?</li>', page, re.S)
    assert item and 'data-category="contradiction"' in item.group()


def test_cluster_marks_garbled_members_and_tells_disputed_from_related() -> None:
    report = hostile_report()
    doc_a = report.documents_by_id["a"]
    caption = doc_a.text.index("Caption")
    member_a = ClusterMember("a", doc_a.text[caption:], caption, len(doc_a.text), outlet="A")
    member_b = report.clusters[0].members[1]
    # the contradiction's own side lies in the first line, outside this cluster's member of "a"
    cluster = Cluster(id="k2", status="corroborated", label=None, members=(member_a, member_b))
    page = render_html(replace(report, clusters=[cluster]))
    view = re.search(r'<details class="cluster" data-status="corroborated">.*?</details>', page, re.S)
    assert view
    html = view.group()
    assert html.count("garbled translation: do not quote") == 1  # the caption's G001, not b's line
    assert "Disputed by" not in html
    assert "also states another fact that is disputed" in html


def test_title_names_the_corpus_folder(fixture_report: Report) -> None:
    assert "<title>auditor report: afghanistan-2021</title>" in render_html(fixture_report)
    assert "<title>auditor report</title>" in render_html(hostile_report())  # no folder to name
