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
    embedding_backend: str | None = None  # torch | onnx | onnx-int8; None = AUDITOR_EMBEDDING_BACKEND, else torch
    cache_dir: str | None = None  # embedding cache; None = default user cache
    languagetool_url: str | None = None
    max_file_bytes: int = 20 * 1024 * 1024
    baseline: str | None = None  # fingerprints of known findings (a file's path is relative to that file)
    source: str | None = None  # the file the settings were read from

    def rule_enabled(self, rule_id: str) -> bool:
        """A rule runs when it matches `select` (or select is empty) and matches no `ignore` entry."""

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
    """Settings from a TOML table; every problem is one ConfigError line that names the file."""
    where = "[tool.auditor]" if source.endswith("pyproject.toml") else "the config"
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: {where} must be a table")
    known = {f.name for f in fields(Config)} - {"source"}
    values: dict[str, Any] = {"source": source}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{source}: unknown setting '{key}' in {where}; known: {', '.join(sorted(known))}")
        values[name] = value
    try:
        for name in ("select", "ignore", "exclude"):
            if name in values:
                values[name] = _string_list(name, values[name])
                if name != "exclude":  # rule ids are upper case; paths keep their case
                    values[name] = tuple(v.upper() for v in values[name])
        if "severity" in values:
            values["severity"] = parse_severities(values["severity"])
        if "max_findings" in values:
            values["max_findings"] = parse_max_findings_table(values["max_findings"])
        if "fail_on" in values:
            values["fail_on"] = parse_fail_on(values["fail_on"])
        if "max_garble_score" in values:
            values["max_garble_score"] = parse_garble_score(values["max_garble_score"])
        if "max_file_bytes" in values:
            size = values["max_file_bytes"]
            if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
                raise ValueError(f"max-file-bytes must be a positive integer, not {size!r}")
        for name in ("model", "cache_dir", "languagetool_url", "baseline"):
            if name in values and not isinstance(values[name], str):
                raise ValueError(f"{name.replace('_', '-')} must be a string, not {values[name]!r}")
        if "embedding_backend" in values:
            values["embedding_backend"] = parse_embedding_backend(values["embedding_backend"])
        if values.get("baseline"):
            # Relative to the config file, so the setting means the same from any working directory.
            values["baseline"] = str(Path(source).parent / values["baseline"])
    except (TypeError, ValueError, AttributeError) as error:
        raise ConfigError(f"{source}: {error}") from None
    return Config(**values)


FAIL_ON_CHOICES = ("error", "warning", "info", "never")
MAX_FINDINGS_ALL = "all"  # --max-findings all=N caps the total


def _string_list(name: str, value: Any) -> tuple[str, ...]:
    """A list of strings; a single string may hold comma-separated items (`select = "C,G"`)."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise ValueError(f"{name.replace('_', '-')} must be a list of strings, not {value!r}")
    return tuple(v.strip() for v in items if v.strip())


def parse_fail_on(value: Any) -> str:
    if value not in FAIL_ON_CHOICES:
        raise ValueError(f"fail-on must be error, warning, info or never, not {value!r}")
    return str(value)


def parse_embedding_backend(value: Any) -> str:
    from auditor.embed.backends import parse_backend

    if not isinstance(value, str):
        raise ValueError(f"embedding-backend must be a string, not {value!r}")
    return parse_backend(value).name


def parse_garble_score(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"max-garble-score must be a number between 0 and 1, not {value!r}")
    return float(value)


def parse_severities(value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ValueError(f"severity must be a table of rule id = severity, not {value!r}")
    severities = {}
    for rule_id, level in value.items():
        if level not in {s.value for s in Severity}:
            raise ValueError(f"severity of {rule_id} must be error, warning or info, not {level!r}")
        severities[str(rule_id).upper()] = Severity(level)
    return severities


def _category_key(name: str) -> str:
    from auditor.model import Category

    key = name.strip().lower()
    allowed = [c.value for c in Category] + [MAX_FINDINGS_ALL]
    if key not in allowed:
        raise ValueError(f"max-findings: unknown category {name!r}; use one of {', '.join(allowed)}")
    return key


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max-findings: {name} must be a whole number >= 0, not {value!r}")
    return value


def parse_max_findings_table(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError(f"max-findings must be a table of category = count, not {value!r}")
    return {_category_key(str(k)): _count(str(k), v) for k, v in value.items()}


def parse_max_findings_flags(items: list[str] | tuple[str, ...]) -> dict[str, int]:
    """`--max-findings CATEGORY=N` flags (repeatable) as a dict; ConfigError names the bad flag."""
    limits: dict[str, int] = {}
    for item in items:
        name, sep, count = item.partition("=")
        try:
            if not sep or not count.strip().isdigit():
                raise ValueError(f"--max-findings expects CATEGORY=N (e.g. contradiction=0), not {item!r}")
            limits[_category_key(name)] = int(count)
        except ValueError as error:
            raise ConfigError(str(error)) from None
    return limits


def unknown_rule_patterns(patterns: tuple[str, ...] | list[str], rule_ids: set[str]) -> list[str]:
    """Rule ids or prefixes that match no rule: a typo here would silently check nothing."""
    return [p for p in patterns if not any(rule_id.startswith(p) for rule_id in rule_ids)]


def check_rule_references(config: Config, rule_ids: set[str], source: str | None = None) -> None:
    """Fail on select/ignore/severity entries naming no rule; the message names the file."""
    where = f"{source}: " if source else ""
    for name, patterns in (("select", config.select), ("ignore", config.ignore)):
        unknown = unknown_rule_patterns(patterns, rule_ids)
        if unknown:
            raise ConfigError(f"{where}{name}: no rule matches {', '.join(unknown)}; `auditor rules` lists them")
    unknown_ids = sorted(set(config.severity) - rule_ids)
    if unknown_ids:
        raise ConfigError(f"{where}severity: no rule {', '.join(unknown_ids)}; `auditor rules` lists them")


def _apply_environment(config: Config) -> Config:
    url = os.environ.get("AUDITOR_LANGUAGETOOL_URL")
    if url and not config.languagetool_url:
        config = replace(config, languagetool_url=url)
    cache = os.environ.get("AUDITOR_CACHE_DIR")
    if cache and not config.cache_dir:
        config = replace(config, cache_dir=cache)
    return config
