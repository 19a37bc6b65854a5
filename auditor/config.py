"""Settings: defaults, then [tool.auditor] in pyproject.toml or auditor.toml, then CLI flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from auditor.model import Severity

CONFIG_FILES = ("auditor.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration file or option that cannot be used as given."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # rule ids or prefixes; empty = all rules
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # rule id -> severity override
    fail_on: str = "error"  # error | warning | info | never
    max_garble_score: float | None = None
    max_findings: dict[str, int] = field(default_factory=dict)  # category -> allowed count
    exclude: tuple[str, ...] = ()  # glob patterns of paths not to read
    model: str | None = None  # sentence-transformers model name or path
    cache_dir: str | None = None  # embedding cache; None = default user cache
    languagetool_url: str | None = None
    max_file_bytes: int = 20 * 1024 * 1024
    source: str | None = None  # the file the settings were read from

    def rule_enabled(self, rule_id: str) -> bool:
        def matches(patterns: tuple[str, ...]) -> bool:
            return any(rule_id.startswith(p) for p in patterns)

        if self.select and not matches(self.select):
            return False
        return not matches(self.ignore)

    def with_overrides(self, **changes: Any) -> Config:
        """Apply CLI flags; None means 'not given' and keeps the file's value."""
        given = {k: v for k, v in changes.items() if v is not None and v != () and v != {}}
        return replace(self, **given)


def find_config_file(start: Path) -> Path | None:
    """The nearest auditor.toml, or pyproject.toml with a [tool.auditor] table, at or above start."""
    start = start.resolve()
    for directory in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                except (OSError, tomllib.TOMLDecodeError):
                    continue
                if "auditor" not in data.get("tool", {}):
                    continue
            return candidate
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read settings from `path`, or from the nearest config file above `start` (default: cwd)."""
    if path is None:
        path = find_config_file(start or Path.cwd())
        if path is None:
            return _apply_environment(Config())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("auditor", {}) if path.name == "pyproject.toml" else data
    if path.name != "pyproject.toml" and "tool" in data:
        table = data["tool"].get("auditor", table)
    return _apply_environment(config_from_table(table, str(path)))


def config_from_table(table: dict[str, Any], source: str) -> Config:
    known = {f.name for f in fields(Config)} - {"source"}
    values: dict[str, Any] = {"source": source}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{source}: unknown setting '{key}' in [tool.auditor]")
        values[name] = value
    try:
        for name in ("select", "ignore", "exclude"):
            if name in values:
                values[name] = tuple(str(v) for v in values[name])
        if "severity" in values:
            values["severity"] = {str(k): Severity(v) for k, v in values["severity"].items()}
        if "max_findings" in values:
            values["max_findings"] = {str(k): int(v) for k, v in values["max_findings"].items()}
        if "fail_on" in values and values["fail_on"] not in ("error", "warning", "info", "never"):
            raise ValueError(f"fail-on must be error, warning, info or never, not {values['fail_on']!r}")
    except (TypeError, ValueError, AttributeError) as error:
        raise ConfigError(f"{source}: {error}") from None
    return Config(**values)


def _apply_environment(config: Config) -> Config:
    url = os.environ.get("AUDITOR_LANGUAGETOOL_URL")
    if url and not config.languagetool_url:
        config = replace(config, languagetool_url=url)
    cache = os.environ.get("AUDITOR_CACHE_DIR")
    if cache and not config.cache_dir:
        config = replace(config, cache_dir=cache)
    return config
