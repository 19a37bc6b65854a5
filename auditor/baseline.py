"""Baselines: accept today's findings, then report and gate only on new ones.

`auditor baseline PATH... --output FILE` writes the fingerprints of the current findings (with
rule, document, line and text so a person can read what was accepted); `auditor audit PATH...
--baseline FILE` drops every finding whose fingerprint is in the file and says how many it
dropped. Fingerprints are built from what was flagged, not where (see `auditor.model.fingerprint`),
so edits elsewhere in an article do not turn accepted findings into new ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.report.model import Report

BASELINE_SCHEMA = "auditor.baseline/1"


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message is one line naming the file."""


@dataclass(frozen=True)
class Baseline:
    fingerprints: frozenset[str]
    source: str


def baseline_dict(report: Report) -> dict[str, Any]:
    entries = [
        {
            "fingerprint": f.fingerprint,
            "rule": f.rule,
            "doc": f.doc,
            "line": f.line,
            "text": f.text,
        }
        for f in sorted(report.findings, key=lambda f: (f.doc, f.line, f.column, f.rule))
    ]
    return {
        "schema": BASELINE_SCHEMA,
        "tool": {"name": "auditor", "version": __version__},
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "findings": entries,
    }


def write_baseline(report: Report, path: Path) -> int:
    """Write the report's fingerprints to `path`; returns how many were written."""
    data = baseline_dict(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(data["findings"])


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (write one with `auditor baseline`)") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: baseline is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}: baseline is not valid JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise BaselineError(f'{path}: not an auditor baseline (expected "schema": "{BASELINE_SCHEMA}")')
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f'{path}: "findings" must be a list of objects with a "fingerprint"')
    return Baseline(frozenset(e["fingerprint"] for e in entries), str(path))


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """The report without the findings the baseline accepted; `report.baseline` says how many."""
    kept = [f for f in report.findings if f.fingerprint not in baseline.fingerprints]
    suppressed = len(report.findings) - len(kept)
    return replace(report, findings=kept, baseline={"file": baseline.source, "suppressed": suppressed})
