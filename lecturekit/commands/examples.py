"""CLI command for a course's runnable examples: run them all and say which fail."""

from __future__ import annotations

from pathlib import Path

import click

from lecturekit.commands.common import course_argument, guarded, report


@click.group("examples")
def examples_group() -> None:
    """The runnable examples of a course (its own examples/ folder and the shipped ones its topics link)."""


@examples_group.command("test")
@course_argument()
@click.option("--timeout", default=60.0, show_default=True, help="Seconds one example may run.")
@guarded
def test_command(course: Path | None, demo: bool, timeout: float) -> int:
    """Run every example of COURSE (default: the current folder), one line each; exit 1 when one fails."""
    from lecturekit.errors import Diagnostics, ExitCode
    from lecturekit.topics.examples import run_example
    from lecturekit.workflows import course_folder, read_course

    folder = course_folder(course, demo)
    diag = Diagnostics()
    loaded = read_course(folder, diag)
    topics = {t.id: t for t in loaded.topics}
    failed = 0
    for example in loaded.examples:
        result = run_example(example, folder, timeout=timeout)
        linked = [topics[t].name for t in topics if example.name in topics[t].examples]
        where = f" ({', '.join(linked)})" if linked else " (no topic of the course)"
        if result.exit_code == 0:
            click.echo(f"ok    {example.name}{where}")
        else:
            failed += 1
            click.echo(f"FAIL  {example.name}{where}: exit code {result.exit_code}: {result.error}")
    click.echo(f"{len(loaded.examples) - failed} passed, {failed} failed")
    code = report(diag)
    return int(ExitCode.INPUT_ERRORS) if failed and code == 0 else code


COMMANDS: list[click.Command] = [examples_group]
