"""CLI commands for the topics stage: the topic table of a course, and running an example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from lecturekit.commands.common import course_argument, course_at, guarded, report


@click.command("topics")
@course_argument()
@click.option("--json", "as_json", is_flag=True, help='Print {"topics": [...]} as JSON on stdout.')
@guarded
def topics_command(course: Path | None, demo: bool, as_json: bool) -> int:
    """Print which slides, questions and examples each topic of COURSE (default: the current folder) has."""
    from lecturekit.errors import Diagnostics
    from lecturekit.topics.report import coverage, to_json, to_table, topic_rows

    diag = Diagnostics()
    loaded = course_at(course, demo, diag)  # names only: no example output, no slide pictures
    rows = topic_rows(loaded)
    gaps = coverage(loaded, rows)
    click.echo(to_json(rows, gaps) if as_json else to_table(rows, gaps))
    return report(diag)


@click.command("run")
@click.argument("name")
@click.option(
    "--course",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Also look in this course's own examples/ folder (its examples win).",
)
@guarded
def run_command(name: str, course: Path | None) -> int:
    """Run the example NAME (an example's name, or a topic id or alias such as "backprop") and return its exit code."""
    from lecturekit.errors import Diagnostics, UsageError
    from lecturekit.topics import link_examples
    from lecturekit.topics.examples import course_examples_dir, discover, examples_dir
    from lecturekit.topics.report import resolve_example
    from lecturekit.topics.taxonomy import load_shipped

    diag = Diagnostics()
    own = discover(course_examples_dir(course), diag) if course_examples_dir(course) else []
    examples = own + [e for e in discover(examples_dir(), diag) if e.name not in {o.name for o in own}]
    if not examples:
        raise UsageError("no runnable examples found (set LECTUREKIT_EXAMPLES to the examples folder)")
    example = resolve_example(
        name, link_examples(load_shipped(), examples, "taxonomy.toml", Diagnostics()), examples
    )
    click.echo(f"$ python {example.path}", err=True)
    return subprocess.run([sys.executable, example.path]).returncode


COMMANDS: list[click.Command] = [topics_command, run_command]
