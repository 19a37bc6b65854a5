"""Grammar rules (L...): LanguageTool's grammar findings, through language_tool_python.

LanguageTool is a Java server. The audit talks to one the user configured (`languagetool-url`
in [tool.auditor], or AUDITOR_LANGUAGETOOL_URL), or to a LanguageTool that language_tool_python
already installed on this machine. It never downloads LanguageTool and never sends text to a
server nobody configured. When no server is reachable the run goes on and the report says
"grammar: skipped (reason)".

Only LanguageTool's grammar-like categories are reported; spelling (our S001 does it with
suggestions that know news names), typography (typographic quotes, spaces) and style
(wordiness, passive voice) would bury the real problems in noise.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.checks.registry import EXTERNAL, CheckContext, rule
from auditor.model import Category, Document, Flag, Severity

CHECK_NAME = "grammar"
LANGUAGE = "en-US"
# LanguageTool categories reported (ids as in LanguageTool's English rules).
REPORTED_CATEGORIES = frozenset({"GRAMMAR", "CONFUSED_WORDS", "COLLOCATIONS", "SEMANTICS", "MISC"})
# Issue types never reported even inside those categories.
# ("misspelling" is not among them: LanguageTool files a/an errors, EN_A_VS_AN in MISC, under it.)
IGNORED_ISSUE_TYPES = frozenset({"style", "typographical", "whitespace", "locale-violation", "register"})
MAX_REQUEST_CHARS = 20_000  # LanguageTool servers cap request size; stay well under common limits
PROBE_TIMEOUT_SECONDS = 5.0
SEPARATOR = "\n\n"  # between chunks of one request: LanguageTool treats it as a paragraph break


@dataclass(frozen=True)
class Chunk:
    """A run of consecutive active sentences, copied verbatim from the document into a request."""

    doc_start: int
    request_start: int
    length: int


@dataclass(frozen=True)
class Request:
    text: str
    chunks: tuple[Chunk, ...]

    def to_document(self, offset: int, length: int) -> tuple[int, int] | None:
        """Map a span of the request text to document offsets; None if it crosses a chunk edge."""
        for chunk in self.chunks:
            if chunk.request_start <= offset and offset + length <= chunk.request_start + chunk.length:
                start = chunk.doc_start + offset - chunk.request_start
                return start, start + length
        return None


@dataclass(frozen=True)
class GrammarIssue:
    start: int  # document offsets
    end: int
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...]


class GrammarUnavailable(Exception):
    """No LanguageTool to talk to; the message is the reason shown in the report."""


def build_requests(doc: Document, max_chars: int = MAX_REQUEST_CHARS) -> list[Request]:
    """The document's active sentences as request texts: each run of consecutive sentences is
    copied verbatim (with the line breaks between them); runs are split to keep requests small."""
    requests: list[Request] = []
    chunks: list[Chunk] = []
    text = ""
    previous = None
    for sentence in doc.active_sentences():
        contiguous = previous is not None and sentence.index == previous.index + 1
        addition = doc.text[previous.end : sentence.end] if contiguous and previous else sentence.text
        if chunks and len(text) + len(SEPARATOR) + len(addition) > max_chars:
            requests.append(Request(text, tuple(chunks)))
            chunks, text, contiguous = [], "", False
            addition = sentence.text
        if contiguous and chunks:
            last = chunks[-1]
            chunks[-1] = Chunk(last.doc_start, last.request_start, last.length + len(addition))
            text += addition
        else:
            if chunks:
                text += SEPARATOR
            chunks.append(Chunk(sentence.start, len(text), len(sentence.text)))
            text += sentence.text
        previous = sentence
    if chunks:
        requests.append(Request(text, tuple(chunks)))
    return requests


def probe_server(url: str, timeout: float = PROBE_TIMEOUT_SECONDS) -> None:
    """Fail fast, with a readable reason, when the configured server does not answer /v2/languages."""
    endpoint = urllib.parse.urljoin(url.rstrip("/") + "/", "v2/languages")
    try:
        with urllib.request.urlopen(endpoint, timeout=timeout) as response:
            languages = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise GrammarUnavailable(f"LanguageTool server at {url} is not reachable: {reason}") from None
    codes = {entry.get("longCode") for entry in languages if isinstance(entry, dict)}
    if LANGUAGE not in codes:
        raise GrammarUnavailable(f"LanguageTool server at {url} does not offer {LANGUAGE}")


def local_install() -> Path | None:
    """A LanguageTool that language_tool_python already downloaded, found without creating or fetching anything."""
    folder = Path(os.environ.get("LTP_PATH", Path.home() / ".cache" / "language_tool_python"))
    if not folder.is_dir():
        return None
    for candidate in sorted(folder.glob("LanguageTool-*"), reverse=True):
        if (candidate / "languagetool-server.jar").is_file() or (candidate / "languagetool.jar").is_file():
            return candidate
    return None


def connect(url: str | None) -> Any:
    """A language_tool_python.LanguageTool for the configured server or the local install.

    Raises GrammarUnavailable with the reason when there is neither. Never constructs a
    LanguageTool that could download: without remote_server, language_tool_python downloads
    LanguageTool unless the requested version is already installed, so it is only called
    with the version found on disk.
    """
    # Imported once a server or an install is found: the import alone takes ~0.2 s.
    if url:
        probe_server(url)
        import language_tool_python

        try:
            return language_tool_python.LanguageTool(LANGUAGE, remote_server=url)
        except Exception as error:  # the library raises several unrelated types
            raise GrammarUnavailable(f"LanguageTool server at {url} failed: {error}") from None
    installed = local_install()
    if installed is None:
        raise GrammarUnavailable(
            "no LanguageTool server configured (set AUDITOR_LANGUAGETOOL_URL or languagetool-url in "
            "[tool.auditor]) and no local LanguageTool install found"
        )
    if shutil.which("java") is None:
        raise GrammarUnavailable(f"a local LanguageTool is installed at {installed} but Java is not on PATH")
    import language_tool_python
    from language_tool_python.download_lt import LocalLanguageTool

    try:
        version = LocalLanguageTool.from_path(installed).version_name
        return language_tool_python.LanguageTool(LANGUAGE, language_tool_download_version=version)
    except Exception as error:
        raise GrammarUnavailable(f"local LanguageTool at {installed} did not start: {error}") from None


def check_document(tool: Any, doc: Document) -> Iterator[GrammarIssue]:
    """Send the document's active text to LanguageTool and map each reported match back to the document."""
    tool.enabled_categories = set(REPORTED_CATEGORIES)
    tool.enabled_rules_only = True  # with enabled categories: only their rules run on the server
    for request in build_requests(doc):
        for match in tool.check(request.text):
            if match.category not in REPORTED_CATEGORIES or match.rule_issue_type in IGNORED_ISSUE_TYPES:
                continue  # a server that ignores enabledOnly still only gets reported categories through
            span = request.to_document(match.offset, match.error_length)
            if span is None or match.error_length <= 0:
                continue
            start, end = span
            if doc.text[start:end] != request.text[match.offset : match.offset + match.error_length]:
                continue  # never point at the wrong words
            yield GrammarIssue(start, end, match.rule_id, match.category, match.message, tuple(match.replacements[:3]))


@rule("L001", "languagetool-grammar", Category.GRAMMAR, Severity.WARNING, english_only=True, scope=EXTERNAL)
def languagetool_grammar(ctx: CheckContext) -> Iterable[Flag]:
    """A grammar error found by LanguageTool (agreement, confused words, wrong collocations).

    What it flags: LanguageTool matches in the categories GRAMMAR, CONFUSED_WORDS, COLLOCATIONS,
    SEMANTICS and MISC, in article text (not boilerplate). Spelling, typography (quotes,
    spaces) and style matches are left out: spelling is S001's job, the rest is noise for a
    fact-checker. Needs a LanguageTool server: `languagetool-url` in [tool.auditor] or the
    AUDITOR_LANGUAGETOOL_URL environment variable, or a LanguageTool already installed by
    language_tool_python. Without one the check is skipped and the report says why.

    Why it matters: broken agreement and confused words mark machine-translated or unedited
    copy; a quote built on them may not say what the source said.

    Example: "The Taliban seized a important border crossing" -> "an important"
    (LanguageTool EN_A_VS_AN, category MISC); "there are less troops" -> "fewer" (GRAMMAR).
    """
    if not ctx.documents:
        return
    try:
        tool = connect(ctx.config.languagetool_url)
    except GrammarUnavailable as unavailable:
        ctx.skip(CHECK_NAME, str(unavailable))
        return
    try:
        for doc in ctx.documents:
            try:
                issues = list(check_document(tool, doc))
            except Exception as error:  # a server that stops answering: report, do not crash the audit
                ctx.skip(CHECK_NAME, f"LanguageTool failed: {error}", doc.id)
                continue
            for issue in issues:
                options = ", ".join(f"'{r}'" for r in issue.replacements)
                message = f"{issue.message} (LanguageTool {issue.rule_id})"
                if len(issue.replacements) > 1:
                    message += f"; options: {options}"
                yield Flag(
                    doc,
                    issue.start,
                    issue.end,
                    message,
                    suggestion=issue.replacements[0] if issue.replacements else None,
                    confidence=0.7,
                    data=(("languagetool_rule", issue.rule_id), ("languagetool_category", issue.category)),
                )
    finally:
        tool.close()
