"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

`make test` installs chromium first when it is missing and we are root (see the Makefile's
`browser` target); elsewhere this module is skipped with the reason.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from auditor.model import Category, Evidence, Finding, Severity
from auditor.report.html import render_html
from auditor.report.model import Report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]

if not CHROMIUM.exists():
    pytest.skip(
        "needs /usr/bin/chromium (apt-get install chromium; `make test` does it as root)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser_context() -> Iterator[Any]:
    """One Chromium with a fresh profile for the module; every test opens its own page."""
    with tempfile.TemporaryDirectory(prefix="auditor-chromium-") as profile, sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


class LoadedPage:
    """A report page plus what happened while it was open: requests, dialogs, script errors."""

    def __init__(self, context: Any, path: Path, width: int = 1280) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.page.close()


def write_page(path: Path, page: str) -> Path:
    path.write_text(page, encoding="utf-8")
    return path


def report_with_contradiction(report: Report) -> Report:
    """The fixtures' report; if it holds no contradiction yet, one is added between two real sentences.

    The added finding is only scaffolding for the browser mechanics (open it, see both sides);
    once the contradiction rules flag something in the fixtures, their finding is used instead.
    """
    if any(f.category is Category.CONTRADICTION and f.evidence for f in report.findings):
        return report
    first, second = report.documents[0].id, report.documents[1].id
    doc_a, doc_b = report.documents_by_id[first], report.documents_by_id[second]
    with_digit = [s for s in doc_a.active_sentences() if re.search(r"\d", s.text)] or doc_a.active_sentences()
    sentence_a = with_digit[0]
    sentence_b = doc_b.active_sentences()[-1]
    line, column = doc_a.line_column(sentence_a.start)
    finding = Finding(
        rule="C999",
        category=Category.CONTRADICTION,
        severity=Severity.ERROR,
        doc=doc_a.id,
        text=sentence_a.text,
        start=sentence_a.start,
        end=sentence_a.end,
        line=line,
        column=column,
        message="test scaffolding: two statements shown side by side",
        fingerprint="browser-test",
        evidence=(Evidence.from_span(doc_b, sentence_b.start, sentence_b.end),),
    )
    return replace(report, findings=[*report.findings, finding])


def test_filter_and_open_a_contradiction_in_chromium(
    browser_context: Any, fixture_report: Report, tmp_path: Path
) -> None:
    report = report_with_contradiction(fixture_report)
    contradictions = [f for f in report.findings if f.category is Category.CONTRADICTION]
    path = write_page(tmp_path / "report.html", render_html(report, title="afghanistan-2021"))
    loaded = LoadedPage(browser_context, path)
    page = loaded.page
    try:
        total = len(report.findings)
        assert page.locator("#filter-status").text_content() == f"{total} of {total} findings shown"

        page.select_option("#f-category", "contradiction")
        shown = page.locator("li.finding:visible")
        assert shown.count() == len(contradictions)
        assert page.locator("#filter-status").text_content() == f"{len(contradictions)} of {total} findings shown"
        assert set(shown.evaluate_all("items => items.map(li => li.dataset.category)")) == {"contradiction"}

        # Open the first one with the keyboard: j focuses it, Enter opens it.
        page.locator("body").press("j")
        page.keyboard.press("Enter")
        item = shown.first
        assert item.locator("details").evaluate("d => d.open")
        order = int(item.get_attribute("data-order") or "0")
        finding = sorted(report.findings, key=Finding.sort_key)[order]
        sides = item.locator("figure.side")
        assert sides.count() == 1 + len(finding.evidence)
        assert sides.nth(0).is_visible() and sides.nth(1).is_visible()
        marks = [m.strip() for m in item.locator("figure.side mark").all_text_contents()]
        assert marks[0] == finding.text.strip()
        assert marks[1] == finding.evidence[0].text.strip()
        headings = item.locator("figure.side h4").all_text_contents()
        assert (finding.evidence[0].outlet or finding.evidence[0].doc) in headings[1]
        # Side by side at 1280 px: same row, different columns.
        box_a, box_b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
        assert box_a and box_b and abs(box_a["y"] - box_b["y"]) < 2 and box_b["x"] > box_a["x"] + box_a["width"] - 1

        shot = tmp_path / "contradiction.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000

        # Only the file itself was loaded, and our own script raised nothing.
        assert loaded.requests == [path.as_uri()]
        assert loaded.errors == []
    finally:
        loaded.close()


def test_filters_combine_and_sorting_reorders(browser_context: Any, fixture_report: Report, tmp_path: Path) -> None:
    report = fixture_report
    path = write_page(tmp_path / "report.html", render_html(report))
    loaded = LoadedPage(browser_context, path)
    page = loaded.page
    try:
        first_doc = report.documents[0]
        outlet_value = page.locator("#f-outlet option", has_text=first_doc.outlet or first_doc.id).first.get_attribute(
            "value"
        )
        page.select_option("#f-outlet", outlet_value)
        expected = [
            f for f in report.findings if f.doc == first_doc.id or any(e.doc == first_doc.id for e in f.evidence)
        ]
        assert page.locator("li.finding:visible").count() == len(expected)

        rule_id = sorted({f.rule for f in expected})[0]
        page.select_option("#f-rule", rule_id)
        assert page.locator("li.finding:visible").count() == sum(f.rule == rule_id for f in expected)

        page.click("#f-reset")
        # locator waits, not wait_for_function: the page's CSP forbids the eval that polling uses
        sync_api.expect(page.locator("li.finding[hidden]")).to_have_count(0)

        page.select_option("#f-sort", "severity")
        ranks = page.locator("li.finding").evaluate_all("items => items.map(li => Number(li.dataset.rank))")
        assert ranks == sorted(ranks, reverse=True)
        page.select_option("#f-sort", "document")
        orders = page.locator("li.finding").evaluate_all("items => items.map(li => Number(li.dataset.order))")
        assert orders == list(range(len(report.findings)))

        # A rule link opens that rule's explanation.
        page.locator("li.finding summary").first.click()
        page.locator("li.finding a[href^='#rule-']").first.click()
        sync_api.expect(page.locator("section#rules details[open]")).to_have_count(1)
        assert loaded.errors == []
    finally:
        loaded.close()


def test_report_fits_a_phone_screen(browser_context: Any, fixture_report: Report, tmp_path: Path) -> None:
    path = write_page(tmp_path / "report.html", render_html(report_with_contradiction(fixture_report)))
    loaded = LoadedPage(browser_context, path, width=390)
    page = loaded.page
    try:
        page.locator("body").press("o")  # open every finding: long quotes must wrap, not widen the page
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        page.screenshot(path=str(tmp_path / "phone.png"))
    finally:
        loaded.close()


CONTRAST_SCRIPT = """
() => {
  // WCAG 2 contrast of every element that holds text, against its effective background.
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(",").map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const worst = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const fg = parse(getComputedStyle(el).color), bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) worst.push([el.tagName, el.className, ratio.toFixed(2), el.textContent.trim().slice(0, 40)]);
  }
  return worst;
}
"""


def test_text_has_sufficient_contrast(browser_context: Any, fixture_report: Report, tmp_path: Path) -> None:
    path = write_page(tmp_path / "report.html", render_html(report_with_contradiction(fixture_report)))
    loaded = LoadedPage(browser_context, path)
    try:
        loaded.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert loaded.page.evaluate(CONTRAST_SCRIPT) == []  # WCAG AA: at least 4.5:1 for body text
    finally:
        loaded.close()


def test_everything_is_reachable_with_the_keyboard(
    browser_context: Any, fixture_report: Report, tmp_path: Path
) -> None:
    path = write_page(tmp_path / "report.html", render_html(fixture_report))
    loaded = LoadedPage(browser_context, path)
    page = loaded.page
    try:
        # The first Tab reaches the skip link; following it puts the filters next in line.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to findings"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "f-severity"
        wanted = {"f-severity", "f-category", "f-outlet", "f-rule", "f-text", "f-sort", "SUMMARY"}
        reached = {"f-severity"}
        for _ in range(300):
            if wanted <= reached:
                break
            page.keyboard.press("Tab")
            reached.add(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        assert wanted <= reached  # every filter, and the findings' summaries (which open with Enter)
        page.keyboard.press("Escape")
        page.locator("body").press("/")
        assert page.evaluate("document.activeElement.id") == "f-text"
    finally:
        loaded.close()


def _hostile_page(tmp_path: Path, name: str, *, keep_csp: bool = True, inject: str = "") -> Path:
    from test_html import hostile_report  # the same hostile articles the static escaping test uses

    page = render_html(hostile_report())
    if not keep_csp:
        page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    if inject:  # simulate an escaping bug: raw markup in the body
        page = page.replace("<main>", "<main>" + inject, 1)
    return write_page(tmp_path / name, page)


def _pwned(loaded: LoadedPage) -> Any:
    loaded.page.locator("body").press("o")  # open everything, so every injected element is rendered
    loaded.page.wait_for_timeout(200)
    return loaded.page.evaluate("window.__pwned === undefined ? null : window.__pwned")


def test_disputed_fact_opens_its_contradiction_even_when_filtered_out(browser_context: Any, tmp_path: Path) -> None:
    loaded = LoadedPage(browser_context, _hostile_page(tmp_path, "disputed.html"))
    page = loaded.page
    try:
        page.select_option("#f-category", "garble")  # hides the contradiction
        page.locator("details.cluster[data-status=disputed] summary").first.click()
        link = page.locator("details.cluster[data-status=disputed] p.related a").first
        target = (link.get_attribute("href") or "#").lstrip("#")
        link.click()
        sync_api.expect(page.locator(f"[id='{target}'] details").first).to_have_attribute("open", "")
        finding = page.locator(f"#{target}")
        assert finding.is_visible() and finding.get_attribute("data-category") == "contradiction"
        assert page.locator("#f-category").input_value() == ""  # filters were cleared to show it
        assert loaded.errors == []
    finally:
        loaded.close()


@pytest.mark.parametrize("keep_csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_article_with_script_or_onerror_cannot_run_code(browser_context: Any, tmp_path: Path, keep_csp: bool) -> None:
    loaded = LoadedPage(browser_context, _hostile_page(tmp_path, "hostile.html", keep_csp=keep_csp))
    try:
        assert _pwned(loaded) is None
        assert loaded.dialogs == []
        assert loaded.page.locator("img").count() == 0
        body = loaded.page.evaluate("document.body.innerText")
        assert "<script>window.__pwned = 1; alert('xss')</script>" in body  # shown as text
        assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in body
        assert loaded.errors == []
    finally:
        loaded.close()


def test_harness_detects_code_that_does_run(browser_context: Any, tmp_path: Path) -> None:
    """Control: raw markup without the CSP runs (so the test above can see it); with the CSP it is blocked."""
    payload = '<script>window.__pwned = "ran"</script><img src=x onerror="window.__pwned = \'img\'">'
    unprotected = LoadedPage(browser_context, _hostile_page(tmp_path, "raw.html", keep_csp=False, inject=payload))
    protected = LoadedPage(browser_context, _hostile_page(tmp_path, "raw-csp.html", keep_csp=True, inject=payload))
    try:
        assert _pwned(unprotected) in {"ran", "img"}
        assert _pwned(protected) is None
    finally:
        unprotected.close()
        protected.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_diff_page_reads_side_by_side_and_on_a_phone(
    browser_context: Any,
    encoder: Any,
    tmp_path: Path,
    width: int,
) -> None:
    from auditor.diff import diff_files, render_diff_html

    demo = Path(__file__).resolve().parent.parent / "fixtures" / "diff-demo"
    story = diff_files(demo / "wire.txt", demo / "republished.txt", encoder)
    loaded = LoadedPage(browser_context, write_page(tmp_path / "diff.html", render_diff_html(story)), width=width)
    page = loaded.page
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        changed = page.locator("ol.diff > li.changed").first
        old_cell, new_cell = changed.locator(".cell.old"), changed.locator(".cell.new")
        box_old, box_new = old_cell.bounding_box(), new_cell.bounding_box()
        assert box_old and box_new
        if width >= 1000:
            assert abs(box_old["y"] - box_new["y"]) < 2  # old and new side by side
        else:
            assert box_new["y"] > box_old["y"]  # stacked on a phone
        same = story.counts()["same"] - sum(e.moved and e.kind == "same" for e in story.entries)
        visible_before = page.locator("ol.diff > li:visible").count()
        page.locator("label[for=hide-same]").click()  # CSS-only toggle: the page runs no script
        assert page.locator("ol.diff > li:visible").count() == visible_before - same
        page.screenshot(path=str(tmp_path / f"diff-{width}.png"), full_page=True)
        assert loaded.requests == [(tmp_path / "diff.html").as_uri()]
    finally:
        loaded.close()
