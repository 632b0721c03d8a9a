"""What every command shares: global flags, diagnostics on stderr, exit codes, no traceback without -v."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from lecturekit.controls import for_terminal
from lecturekit.errors import Diagnostics, ExitCode, LecturekitError
from lecturekit.models import Course


class Settings:
    """Global flags of one invocation (`lecturekit -v --strict ...`)."""

    def __init__(self, verbose: bool = False, strict: bool = False, quiet: bool = False):
        self.verbose = verbose
        self.strict = strict
        self.quiet = quiet


def settings() -> Settings:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return root.obj if root is not None and isinstance(root.obj, Settings) else Settings()


def report(diag: Diagnostics, strict: bool | None = None) -> ExitCode:
    """Print every diagnostic as `file:line: message` on stderr and return the run's exit code."""
    opts = settings()
    strict = opts.strict if strict is None else strict
    for item in diag.items:
        if item in diag.errors or not opts.quiet:
            click.echo(for_terminal(str(item)), err=True)  # file names and quoted text may hold escapes
    code = diag.exit_code(strict=strict)
    if diag.items and not opts.quiet:
        click.echo(f"{len(diag.errors)} error(s), {len(diag.warnings)} warning(s)", err=True)
    if code is ExitCode.STRICT_WARNINGS:
        click.echo("--strict: warnings count as failure", err=True)
    return code


def guarded(command: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command body; turn lecturekit errors into one stderr line and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        verbose = settings().verbose
        try:
            code = command(*args, **kwargs)
        except LecturekitError as exc:
            if verbose:
                traceback.print_exc()
            click.echo(for_terminal(f"lecturekit: {exc}"), err=True)
            sys.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("lecturekit: interrupted", err=True)
            sys.exit(int(ExitCode.INTERRUPTED))
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug: one line, the traceback only with -v
            if verbose:
                traceback.print_exc()
            click.echo(
                f"lecturekit: internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)",
                err=True,
            )
            sys.exit(int(ExitCode.INTERNAL_ERROR))
        sys.exit(int(code or 0))

    return wrapper


def course_argument(demo: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """COURSE (default: the current folder) and, where reading the bundled demo is harmless, --demo."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        if demo:
            command = click.option(
                "--demo", is_flag=True, help="Use the bundled demo course instead of COURSE."
            )(command)
        return click.argument("course", required=False, type=click.Path(path_type=Path, file_okay=False))(
            command
        )

    return decorate


def out_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--out: the site folder (default COURSE/_site) and --force to replace a folder lecturekit did not make."""
    command = click.option(
        "--force", is_flag=True, help="Replace the site folder even if lecturekit did not make it."
    )(command)
    return click.option(
        "--out",
        type=click.Path(path_type=Path),  # a file there is an output error (74), which check_output reports
        help="Site folder (default: COURSE/_site).",
    )(command)


def course_at(course: Path | None, demo: bool, diag: Diagnostics) -> Course:
    """The course a read-only command works on (COURSE, the current folder, or --demo), examples not run."""
    from lecturekit.workflows import course_folder, read_course

    return read_course(course_folder(course, demo), diag)


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--ocr, --jobs and --lang: how sources are read (else course.toml's [build], else the defaults)."""
    command = click.option("--lang", help="Tesseract OCR language(s), e.g. eng+deu (default: eng).")(command)
    command = click.option(
        "--jobs", type=click.IntRange(min=1), help="Parallel OCR workers (default: one per core)."
    )(command)
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        help="auto (default): OCR only pages without a usable text layer.",
    )(command)


def strict_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--strict after the command, the same as `lecturekit --strict COMMAND`."""
    return click.option("--strict", is_flag=True, help="Fail (exit 4) on warnings too.")(command)


def is_strict(strict: bool) -> bool:
    return strict or settings().strict


def progress_wanted(as_json: bool) -> bool:
    """A progress bar only for a person at a terminal: never with --json, --quiet, or in CI."""
    return sys.stderr.isatty() and not as_json and not settings().quiet and not os.environ.get("CI")
