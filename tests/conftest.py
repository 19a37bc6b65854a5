"""Shared fixtures: the real corpus, a throw-away embedding cache, one real encoder per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

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
def encoder(_isolated_cache: None):  # type: ignore[no-untyped-def]
    from auditor.embed import Encoder

    return Encoder(cache_dir=os.environ["AUDITOR_CACHE_DIR"])


@pytest.fixture(scope="session")
def fixture_report(encoder):  # type: ignore[no-untyped-def]
    """The audit of the five real articles, computed once for the session."""
    from auditor import audit
    from auditor.config import Config

    return audit([FIXTURES], Config(cache_dir=os.environ["AUDITOR_CACHE_DIR"]), encoder=encoder)
