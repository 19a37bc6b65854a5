"""The command line: a thin typer shell over the library (`auditor.audit`, the renderers).

Exit codes: 0 nothing at or above the failing severity; 1 findings at or above it (or a
threshold exceeded); 2 usage, configuration or input errors, or a failed check (the run was incomplete).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from auditor import __version__
from auditor.config import Config, ConfigError, check_rule_references, load_config, parse_max_findings_flags
from auditor.console import stderr_console
from auditor.gating import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK  # noqa: F401  (re-exported)
from auditor.pipeline import ProgressCallback
from auditor.report.model import Report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit news articles across outlets: contradictions, garbled translation, scrape debris.",
)


class OutputFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    github = "github"
    html = "html"


class EmbeddingBackendName(StrEnum):  # auditor.embed.backends.BACKEND_NAMES (a test checks they agree)
    torch = "torch"
    onnx = "onnx"
    onnx_int8 = "onnx-int8"


class Quantization(StrEnum):  # auditor.embed.backends.QUANTIZATIONS
    fp32 = "fp32"
    int8 = "int8"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _err(message: str) -> None:
    """One line on stderr (never wrapped: CI logs and tests read it whole); the message is not markup."""
    Console(stderr=True).print(Text.assemble(("auditor:", "red"), " ", message), highlight=False, soft_wrap=True)


def _note(message: str) -> None:
    Console(stderr=True).print(Text(f"auditor: {message}"), highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """auditor: source comparison and translation quality for news."""


def exit_code(report: Report, fail_on: str) -> int:
    """The exit code for a report when only --fail-on is set (`auditor.gating.gate` does the rest)."""
    from auditor.gating import gate

    return gate(report, Config(fail_on=fail_on)).exit_code


def write_text(payload: str, output: Path | None) -> None:
    """Write a rendered report to `output`, or to stdout when no file is given."""
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(payload, encoding="utf-8")
    else:
        sys.stdout.write(payload)


def _sarif(report: Report) -> str:
    from auditor.report.sarif import sarif_json

    return sarif_json(report)


def _markdown(report: Report) -> str:
    from auditor.report.markdown import render_markdown

    return render_markdown(report)


def _github(report: Report) -> str:
    from auditor.report.github import render_github

    return render_github(report)


def _html(report: Report) -> str:
    from auditor.report.html import render_html

    return render_html(report)


def _json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


# Formats that are one string rendered from the report (imported lazily: the CLI starts fast).
TEXT_FORMATS: dict[str, Callable[[Report], str]] = {
    "json": _json,
    "sarif": _sarif,
    "markdown": _markdown,
    "github": _github,
    "html": _html,
}


def parse_extra_outputs(values: list[str]) -> list[tuple[str, Path]]:
    """`--also FORMAT=FILE` values as (format, path); exit 2 on a malformed one, before any work."""
    known = [f.value for f in OutputFormat]
    result = []
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not path or name not in known:
            _err(f"--also {value!r}: expected FORMAT=FILE with FORMAT one of {', '.join(known)}")
            raise typer.Exit(EXIT_INPUT)
        result.append((name, Path(path)))
    return result


def render(report: Report, output_format: str, output: Path | None) -> None:
    """Write the report in `output_format` to `output` (stdout without one); exit 2 if the file cannot be written."""
    try:
        _render(report, output_format, output)
    except OSError as error:
        _err(f"{output}: cannot write the report: {error.strerror or error}")
        raise typer.Exit(EXIT_INPUT) from None


def _render(report: Report, output_format: str, output: Path | None) -> None:
    if output_format in TEXT_FORMATS:
        write_text(TEXT_FORMATS[output_format](report), output)
        return
    from auditor.report.terminal import render_terminal

    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8") as handle:
            render_terminal(report, Console(file=handle, width=120, no_color=True))
    else:
        render_terminal(report)  # picks colour and width from the terminal (plain and wide when piped)


DEFAULT_BASELINE = ".auditor-baseline.json"

# Options shared by `audit` and `baseline` (a baseline must be computed with the same settings).
PathsArgument = Annotated[
    list[Path], typer.Argument(help="Article files or directories (.txt, .md, .html, .jsonl).", show_default=False)
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select", help="Only these rule ids or prefixes (repeatable or comma-separated).", show_default=False
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore", help="Skip these rule ids or prefixes (repeatable or comma-separated).", show_default=False
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Config file (auditor.toml or pyproject.toml) (default: the nearest one).", show_default=False
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display on stderr.")]
EmbeddingBackendOption = Annotated[
    EmbeddingBackendName | None,
    typer.Option(
        "--embedding-backend",
        help="Run the embedding model on torch (the reference), onnx or onnx-int8 "
        "(default: the config's embedding-backend, else AUDITOR_EMBEDDING_BACKEND, else torch).",
        show_default=False,
    ),
]


def _split(values: list[str] | None) -> tuple[str, ...]:
    """Repeatable flags that also take comma-separated lists, as ruff's do: `--select C,G001`."""
    return tuple(item.strip().upper() for value in values or [] for item in value.split(",") if item.strip())


def load_settings(
    paths: list[Path],
    config_file: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    **flags: Any,
) -> Config:
    """Defaults < config file < command-line flags; any problem exits 2 with one line naming its source."""
    from auditor.checks.registry import load_rules

    try:
        config = load_config(config_file, start=paths[0] if paths else None)
        rule_ids = set(load_rules())
        check_rule_references(config, rule_ids, config.source)
        from_flags = Config(select=_split(select), ignore=_split(ignore))
        check_rule_references(from_flags, rule_ids, "command line")
        limits = parse_max_findings_flags(flags.pop("max_findings", None) or [])
    except ConfigError as error:
        _err(str(error))
        raise typer.Exit(EXIT_INPUT) from None
    return config.with_overrides(
        select=from_flags.select,
        ignore=from_flags.ignore,
        max_findings={**config.max_findings, **limits} if limits else None,
        **flags,
    )


@contextmanager
def progress_display(enabled: bool, console: Console | None = None) -> Iterator[ProgressCallback | None]:
    """A transient spinner with the pipeline's current stage and the elapsed time, on stderr."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = console or stderr_console()
    columns = (SpinnerColumn(), TextColumn("auditing: [bold]{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("starting", total=None)
        # stages change a few times a run: draw each one at once rather than at the next tick
        yield lambda stage: progress.update(task, description=stage, refresh=True)


# Report formats that show the fact clusters / the document garble scores; the others skip them.
CLUSTER_FORMATS = frozenset({"terminal", "json", "html"})
SCORE_FORMATS = frozenset({"terminal", "json", "html", "markdown"})


def run_audit(paths: list[Path], config: Config, quiet: bool, clusters: bool = True, scores: bool = True) -> Report:
    """Run the pipeline (progress on stderr when it is a terminal), report input errors, stop if nothing was read."""
    from auditor.embed.encoder import ModelUnavailable
    from auditor.pipeline import RAISE_ENV
    from auditor.pipeline import audit as pipeline_audit

    try:
        with progress_display(not quiet and stderr_console().is_terminal) as progress:
            report = pipeline_audit(paths, config, progress=progress, clusters=clusters, garble_scores=scores)
    except ModelUnavailable as unavailable:
        _err(str(unavailable))
        raise typer.Exit(EXIT_INPUT) from None
    for error in report.errors:
        where = f"{error['path']}:{error['line']}" if error.get("line") else error["path"]
        _err(f"{where}: {error['message']}")
    for failure in report.failed:
        _err(
            f"check {failure['check']} failed ({failure['reason']}); its results are missing. This is a bug in"
            f" auditor: please report it (run with {RAISE_ENV}=1 for the traceback)"
        )
    if not report.documents:
        _err("no article could be read; nothing was audited")
        raise typer.Exit(EXIT_INPUT)
    return report


@app.command()
def audit(
    paths: PathsArgument,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.terminal,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when findings at or above this severity exist (default: error).",
            show_default=False,
        ),
    ] = None,
    max_garble_score: Annotated[
        float | None,
        typer.Option(
            "--max-garble-score", min=0.0, max=1.0, help="Exit 1 when a document's garble score exceeds this."
        ),
    ] = None,
    max_findings: Annotated[
        list[str] | None,
        typer.Option(
            "--max-findings",
            metavar="CATEGORY=N",
            help="Exit 1 when a category has more than N findings (repeatable; 'all' caps the total).",
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="Report and gate only on findings not in this baseline file.", show_default=False
        ),
    ] = None,
    also: Annotated[
        list[str] | None,
        typer.Option(
            "--also",
            metavar="FORMAT=FILE",
            help="Also write the report in FORMAT to FILE, from the same run (repeatable), "
            "e.g. --also html=reports/story.html --also sarif=audit.sarif.",
            show_default=False,
        ),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config_file: ConfigOption = None,
    quiet: QuietOption = False,
    embedding_backend: EmbeddingBackendOption = None,
) -> None:
    """Audit a corpus of articles and print or write the report.

    Exit codes: 0 passed; 1 findings at or above --fail-on or a threshold exceeded; 2 usage,
    configuration or input errors, or a check that failed (the run was incomplete).
    """
    from auditor.baseline import BaselineError, apply_baseline, load_baseline
    from auditor.gating import gate

    config = load_settings(
        paths,
        config_file,
        select,
        ignore,
        fail_on=fail_on.value if fail_on else None,
        max_garble_score=max_garble_score,
        max_findings=max_findings,
        baseline=str(baseline) if baseline else None,
        embedding_backend=embedding_backend.value if embedding_backend else None,
    )
    extra_outputs = parse_extra_outputs(also or [])
    known = None
    if config.baseline:
        try:  # read before the audit: a bad baseline should fail fast
            known = load_baseline(Path(config.baseline))
        except BaselineError as error:
            _err(str(error))
            raise typer.Exit(EXIT_INPUT) from None
    formats = {output_format.value} | {name for name, _ in extra_outputs}
    report = run_audit(
        paths,
        config,
        quiet,
        clusters=bool(formats & CLUSTER_FORMATS),
        scores=bool(formats & SCORE_FORMATS),
    )
    if known is not None:
        report = apply_baseline(report, known)
    render(report, output_format.value, output)
    for extra_format, extra_path in extra_outputs:
        render(report, extra_format, extra_path)
    result = gate(report, config)
    if report.baseline and not quiet:
        _note(f"{report.baseline['suppressed']} known finding(s) suppressed by the baseline {config.baseline}")
    for reason in result.reasons:
        _err(f"failed: {reason}")
    raise typer.Exit(result.exit_code)


@app.command("baseline")
def baseline_command(
    paths: PathsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=f"Where to write the fingerprints (default: the config's baseline, else {DEFAULT_BASELINE}).",
            show_default=False,
        ),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config_file: ConfigOption = None,
    quiet: QuietOption = False,
    embedding_backend: EmbeddingBackendOption = None,
) -> None:
    """Accept today's findings: write their fingerprints, for `auditor audit --baseline FILE`."""
    from auditor.baseline import write_baseline

    config = load_settings(
        paths, config_file, select, ignore, embedding_backend=embedding_backend.value if embedding_backend else None
    )
    output = output or Path(config.baseline or DEFAULT_BASELINE)
    report = run_audit(paths, config, quiet, clusters=False, scores=False)  # a baseline stores findings only
    count = write_baseline(report, output)
    _note(f"wrote {count} finding fingerprint(s) to {output}")
    # A baseline of an incomplete corpus would hide nothing for the unread files: say so by the exit code.
    raise typer.Exit(EXIT_INPUT if report.incomplete else EXIT_OK)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the report `--format json` writes."""
    from auditor.report.jsonschema import schema_json

    sys.stdout.write(schema_json())


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
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. B002.")]) -> None:
    """Print one rule's documentation: what it flags, why it matters, an example."""
    from auditor.checks.registry import load_rules

    registry = load_rules()
    rule = registry.get(rule_id.upper())
    if rule is None:
        _err(f"no rule '{rule_id}'; `auditor rules` lists them")
        raise typer.Exit(EXIT_INPUT)
    console = Console()
    console.print(f"[bold]{rule.id}[/] {rule.name} ({rule.category.value}, default {rule.severity.value})")
    console.print(rule.doc, highlight=False, markup=False, soft_wrap=True)  # keep the docstring's own line breaks


class DiffFormat(StrEnum):
    terminal = "terminal"
    html = "html"


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier version, e.g. the wire copy.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later version, e.g. the republication.", show_default=False)],
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output.")] = DiffFormat.terminal,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    show_unchanged: Annotated[bool, typer.Option("--all", help="Also print unchanged sentences (terminal).")] = False,
    no_model: Annotated[bool, typer.Option("--no-model", help="Pair by wording only (no embeddings).")] = False,
    embedding_backend: EmbeddingBackendOption = None,
) -> None:
    """Editor's diff of two versions of a story: aligned, moved, added and dropped sentences, changed facts."""
    from auditor.diff import diff_files, write_diff
    from auditor.embed import Encoder
    from auditor.embed.encoder import ModelUnavailable

    try:
        config = load_config(None, start=old).with_overrides(
            embedding_backend=embedding_backend.value if embedding_backend else None
        )
        story = diff_files(old, new, None if no_model else Encoder.from_config(config))
    except (ConfigError, ValueError, ModelUnavailable) as error:
        _err(str(error))
        raise typer.Exit(EXIT_INPUT) from None
    write_diff(story, output_format.value, output, show_unchanged)


model_app = typer.Typer(no_args_is_help=True, help="The embedding model: export it for the ONNX backend.")
app.add_typer(model_app, name="model")


@model_app.command("export")
def model_export(
    quantization: Annotated[
        Quantization, typer.Option("--quantization", help="fp32 (same vectors as torch) or int8 (dynamic).")
    ] = Quantization.fp32,
    config_file: ConfigOption = None,
) -> None:
    """Export the configured model to ONNX for `--embedding-backend onnx|onnx-int8` (else done on first use).

    Made from the installed model's weights, never downloaded, and kept in the cache directory
    under a name with a checksum of the weights: nothing is done when that file is already there.
    """
    from auditor.embed import Encoder
    from auditor.embed.onnx_export import ensure_onnx_file, onnx_file_path

    try:
        config = load_config(config_file)
        encoder = Encoder(model=config.model, cache_dir=config.cache_dir, use_cache=False)
        model_dir = Path(encoder.model_path)
        path = onnx_file_path(model_dir, encoder.model_name, quantization.value, encoder.cache_dir)
        if path.is_file():
            _note(f"up to date: {path}")
            return
        ensure_onnx_file(model_dir, encoder.model_name, quantization.value, encoder.cache_dir)
    except (OSError, ValueError) as error:  # a bad config or model dir (ConfigError, UnsupportedModel), no weights
        _err(str(error))
        raise typer.Exit(EXIT_INPUT) from None
    _note(f"wrote {path}")


def main() -> None:
    app()


__all__ = ["Config", "app", "main"]
