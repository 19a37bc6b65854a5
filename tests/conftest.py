"""Shared fixtures: the real corpus, a throw-away embedding cache, one real encoder per session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# A check's exception ends the audit in tests (the pipeline otherwise reports it in summary.failed
# and goes on): a bug must fail the test that meets it, loudly. tests/test_failed_checks.py unsets it.
os.environ.setdefault("AUDITOR_RAISE", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "afghanistan-2021"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's cache: one fresh embedding cache for the session."""
    os.environ["AUDITOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("auditor-cache"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def encoder(_isolated_cache: None):
    from auditor.embed import Encoder

    return Encoder(cache_dir=os.environ["AUDITOR_CACHE_DIR"])


@pytest.fixture(scope="session")
def fixture_report(encoder):
    """The audit of the five real articles, computed once for the session."""
    from auditor import audit
    from auditor.config import Config

    return audit([FIXTURES], Config(cache_dir=os.environ["AUDITOR_CACHE_DIR"]), encoder=encoder)


# --- Reporting and gating tests (helper C2): rules whose findings the tests control. ---
PROBE_WORD = "ceasefire"
# Two short articles that give each probe rule something to flag.
WIRE = "Officials said a ceasefire was agreed on Sunday.\n\nThe 2 delegations met for 3 days in Doha.\n"
OUTLET = "Talks continue in Doha.\n\nNo ceasefire was agreed, officials said on 2 August.\n"


@pytest.fixture
def corpus_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], Path]:
    """Writes {name: text} into tmp_path/articles and makes tmp_path the working directory, so
    report paths are relative as in CI; returns the folder."""

    def write(files: dict[str, str]) -> Path:
        folder = tmp_path / "articles"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return folder

    return write


@pytest.fixture
def two_articles(corpus_of: Callable[[dict[str, str]], Path]) -> Path:
    """tmp_path/articles with WIRE and OUTLET, the working directory tmp_path (relative paths)."""
    return corpus_of({"wire.txt": WIRE, "outlet.txt": OUTLET})


@pytest.fixture
def probe_rules(monkeypatch: pytest.MonkeyPatch, encoder):
    """Three test-only rules (ids Z90x), registered for one test, with findings the test controls:
    Z901 (plausibility, warning) every number; Z902 (contradiction, error) the word "ceasefire",
    with the same word in another document as evidence; Z903 (grammar, info) every "said".
    The CLI's encoder is the session's, so CLI tests do not reload the model."""
    import re

    from auditor.checks import registry
    from auditor.embed import Encoder
    from auditor.model import Category, Evidence, Flag, Severity

    def numbers(ctx):
        """Flags every number (test probe)."""
        for doc in ctx.documents:
            for match in re.finditer(r"\d[\d,.]*\d|\d", doc.text):
                yield Flag(doc, match.start(), match.end(), f"number {match.group()}")

    def word(ctx):
        """Flags the probe word, citing another document's use of it (test probe)."""
        pattern = re.compile(PROBE_WORD, re.IGNORECASE)
        for doc in ctx.documents:
            others = [(o, m) for o in ctx.documents if o.id != doc.id for m in [pattern.search(o.text)] if m]
            evidence = (Evidence.from_span(others[0][0], others[0][1].start(), others[0][1].end()),) if others else ()
            for match in pattern.finditer(doc.text):
                yield Flag(doc, match.start(), match.end(), "probe word", suggestion="truce", evidence=evidence)

    def said(ctx):
        """Flags every "said" (test probe)."""
        for doc in ctx.documents:
            for match in re.finditer(r"\bsaid\b", doc.text):
                yield Flag(doc, match.start(), match.end(), "reporting verb")

    probes = {
        "Z901": registry.Rule(
            "Z901", "probe-number", Category.PLAUSIBILITY, Severity.WARNING, numbers, registry.DOCUMENT
        ),
        "Z902": registry.Rule("Z902", "probe-word", Category.CONTRADICTION, Severity.ERROR, word, registry.CORPUS),
        "Z903": registry.Rule("Z903", "probe-said", Category.GRAMMAR, Severity.INFO, said, registry.DOCUMENT),
    }
    for rule_id, probe in probes.items():
        monkeypatch.setitem(registry.REGISTRY, rule_id, probe)
    monkeypatch.setattr(Encoder, "from_config", classmethod(lambda cls, config: encoder))
    return probes
