"""CLI commands for the course folder itself: init (start a course), slides (the ids to point answers at)."""

from __future__ import annotations

from pathlib import Path

import click

from lecturekit.commands.common import course_argument, course_at, guarded, report
from lecturekit.errors import Diagnostics


@click.command("init")
@click.argument("course", type=click.Path(path_type=Path, file_okay=False))
@guarded
def init_command(course: Path) -> int:
    """Start a course in COURSE: a commented course.toml, an empty answers.toml and a README; say what is next."""
    from lecturekit.workflows import init_course

    for path in init_course(course):
        click.echo(f"wrote {path}")
    click.echo(
        f"next: lecturekit add LECTURE.pdf --course {course}   (then fill in {course / 'answers.toml'}, "
        f"`lecturekit check {course}`, `lecturekit build {course}` → {course / '_site'})"
    )
    return 0


@click.command("slides")
@course_argument()
@click.option("--lecture", help="Only this lecture's slides (a lecture id).")
@click.option(
    "--json", "as_json", is_flag=True, help='Print {"slides": [{"id", "title", "lecture", ...}]} on stdout.'
)
@guarded
def slides_command(course: Path | None, demo: bool, lecture: str | None, as_json: bool) -> int:
    """List the slide ids and titles of COURSE (default: the current folder): what `review` in answers.toml names."""
    from lecturekit.workflows import list_slides

    diag = Diagnostics()
    listed = list_slides(course_at(course, demo, diag), lecture)
    if as_json:
        click.echo(listed.model_dump_json(indent=2))
    else:
        width = max((len(row.id) for row in listed.slides), default=0)
        for row in listed.slides:
            click.echo(f"{row.id:<{width}}  {row.title}")
    return report(diag)


COMMANDS: list[click.Command] = [init_command, slides_command]
