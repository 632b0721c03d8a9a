"""CLI commands for the ingest stage."""

from __future__ import annotations

from pathlib import Path

import click

from lecturekit.commands.common import (
    guarded,
    is_strict,
    progress_wanted,
    reading_options,
    report,
    strict_option,
)
from lecturekit.errors import Diagnostics, ExitCode
from lecturekit.ingest import IngestOptions


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout (lectures, or pages with --raw).")
@click.option("--raw", is_flag=True, help="Pages as read, before cleaning.")
@reading_options
@click.option("--no-cache", is_flag=True, help="Do not read or write the OCR and source caches.")
@strict_option
@guarded
def ingest_command(
    paths: tuple[Path, ...],
    as_json: bool,
    raw: bool,
    ocr: str | None,
    jobs: int | None,
    lang: str | None,
    no_cache: bool,
    strict: bool,
) -> int:
    """Read lecture sources (PDF, images, text dumps, notes) and print their pages or cleaned lectures."""
    from lecturekit.ingest import ingest_paths
    from lecturekit.ingest.output import nothing_usable_code, render
    from lecturekit.pipeline import clean

    diag = Diagnostics()
    chosen = {"ocr": ocr, "jobs": jobs, "lang": lang}
    options = IngestOptions.model_validate(
        {
            "cache": not no_cache,
            "progress": progress_wanted(as_json),
            **{k: v for k, v in chosen.items() if v},
        }
    )
    result = ingest_paths(list(paths), options, diag)
    lectures = None if raw else clean(result.sources, result.config, diag) if result.sources else []
    if output := render(result, lectures, as_json):
        click.echo(output)
    strict = is_strict(strict)
    code = report(diag, strict=strict)
    return nothing_usable_code(result) or (code if strict else ExitCode.OK)


COMMANDS: list[click.Command] = [ingest_command]
