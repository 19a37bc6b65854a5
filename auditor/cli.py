"""The command line: a thin typer shell over the library (`auditor.audit`, the renderers).

Exit codes: 0 nothing at or above the failing severity; 1 findings at or above it (or a
threshold exceeded); 2 usage, configuration or input errors (the run was incomplete).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from auditor import __version__
from auditor.config import Config, ConfigError, load_config
from auditor.model import Severity
from auditor.report.model import Report

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit news articles across outlets: contradictions, garbled translation, scrape debris.",
)


class OutputFormat(str, Enum):
    terminal = "terminal"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _err(message: str) -> None:
    Console(stderr=True).print(f"[red]auditor:[/] {message}", highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """auditor: source comparison and translation quality for news."""


def exit_code(report: Report, fail_on: str) -> int:
    if report.incomplete:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK


def render(report: Report, output_format: str, output: Path | None) -> None:
    if output_format == "json":
        payload = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
        if output:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(payload, encoding="utf-8")
        else:
            sys.stdout.write(payload)
        return
    from auditor.report.terminal import render_terminal

    if output:
        with output.open("w", encoding="utf-8") as handle:
            render_terminal(report, Console(file=handle, width=120, no_color=True))
    else:
        render_terminal(report, Console())


@app.command()
def audit(
    paths: list[Path] = typer.Argument(..., help="Article files or directories (.txt, .md, .html, .jsonl)."),
    output_format: OutputFormat = typer.Option(OutputFormat.terminal, "--format", "-f", help="Report format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Exit 1 when findings at or above this severity exist [default: error]."),
    select: list[str] = typer.Option([], "--select", help="Only these rule ids or prefixes (repeatable)."),
    ignore: list[str] = typer.Option([], "--ignore", help="Skip these rule ids or prefixes (repeatable)."),
    config_file: Path | None = typer.Option(None, "--config", help="Config file (auditor.toml or pyproject.toml)."),
) -> None:
    """Audit a corpus of articles and print or write the report."""
    from auditor.pipeline import audit as run_audit

    try:
        config = load_config(config_file, start=paths[0] if paths else None)
    except ConfigError as error:
        _err(str(error))
        raise typer.Exit(EXIT_INPUT) from None
    config = config.with_overrides(
        fail_on=fail_on.value if fail_on else None, select=tuple(select), ignore=tuple(ignore)
    )
    report = run_audit(paths, config)
    for error in report.errors:
        where = f"{error['path']}:{error['line']}" if error.get("line") else error["path"]
        _err(f"{where}: {error['message']}")
    if not report.documents:
        _err("no article could be read; nothing was audited")
        raise typer.Exit(EXIT_INPUT)
    render(report, output_format.value, output)
    raise typer.Exit(exit_code(report, config.fail_on))


@app.command()
def rules() -> None:
    """List every rule: id, category, default severity, what it flags."""
    from rich.table import Table

    from auditor.checks.registry import load_rules

    table = Table(title="auditor rules")
    for column in ("id", "name", "category", "severity", "what it flags"):
        table.add_column(column, overflow="fold")
    for rule in sorted(load_rules().values(), key=lambda r: r.id):
        table.add_row(rule.id, rule.name, rule.category.value, rule.severity.value, rule.summary)
    Console().print(table)


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id, e.g. B002.")) -> None:
    """Print one rule's documentation: what it flags, why it matters, an example."""
    from auditor.checks.registry import load_rules

    registry = load_rules()
    rule = registry.get(rule_id.upper())
    if rule is None:
        _err(f"no rule '{rule_id}'; `auditor rules` lists them")
        raise typer.Exit(EXIT_INPUT)
    console = Console()
    console.print(f"[bold]{rule.id}[/] {rule.name} ({rule.category.value}, default {rule.severity.value})")
    console.print(rule.doc, highlight=False, markup=False)


def main() -> None:
    app()


__all__ = ["Config", "app", "main"]
