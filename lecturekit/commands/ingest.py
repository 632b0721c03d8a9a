"""CLI commands for the ingest stage."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lecturekit.commands.common import guarded, report, settings
from lecturekit.errors import Diagnostics, ExitCode
from lecturekit.ingest import IngestOptions, OcrMode


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout (lectures, or pages with --raw).")
@click.option("--raw", is_flag=True, help="Pages as read, before cleaning.")
@click.option(
    "--ocr",
    type=click.Choice([m.value for m in OcrMode]),
    default=OcrMode.AUTO.value,
    show_default=True,
    help="auto: OCR only pages without a usable text layer.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Parallel OCR workers (default: one per core)."
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the OCR and source caches.")
@click.option(
    "--strict", is_flag=True, help="Fail on any error or warning; same as `lecturekit --strict ingest`."
)
@guarded
def ingest_command(
    paths: tuple[Path, ...],
    as_json: bool,
    raw: bool,
    ocr: str,
    jobs: int | None,
    no_cache: bool,
    strict: bool,
) -> int:
    """Read lecture sources (PDF, images, text dumps, notes) and print their pages or cleaned lectures."""
    from lecturekit.ingest import ingest_paths
    from lecturekit.ingest.output import nothing_usable_code, render
    from lecturekit.pipeline import clean

    diag = Diagnostics()
    progress = sys.stderr.isatty() and not as_json and not settings().quiet
    options = IngestOptions(ocr=OcrMode(ocr), jobs=jobs, cache=not no_cache, progress=progress)
    result = ingest_paths(list(paths), options, diag)
    lectures = None if raw else clean(result.sources, result.config, diag) if result.sources else []
    if output := render(result, lectures, as_json):
        click.echo(output)
    strict = strict or settings().strict
    code = report(diag, strict=strict)
    return nothing_usable_code(result) or (code if strict else ExitCode.OK)


COMMANDS: list[click.Command] = [ingest_command]
