"""CLI commands for the quiz stage: quiz extract/export/import/keys/take, and check."""

from __future__ import annotations

from pathlib import Path

import click

from lecturekit.commands.common import course_argument, course_at, guarded, is_strict, report, strict_option
from lecturekit.errors import Diagnostics
from lecturekit.models import Model
from lecturekit.quiz.check import CheckRow
from lecturekit.quiz.formats import ExportFormat


@click.group("quiz")
def quiz_group() -> None:
    """Questions from in-class exercises: extract, export, import, answer keys, take a quiz."""


@quiz_group.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help='Print {"questions": [...]} on stdout.')
@guarded
def extract_command(paths: tuple[Path, ...], as_json: bool) -> int:
    """Find the exercises in PATHS (a course folder applies its answers.toml) and print them."""
    from lecturekit.pipeline import load_course
    from lecturekit.quiz.check import check_course, format_rows
    from lecturekit.quiz.model import QuestionSet

    diag = Diagnostics()
    course = load_course(list(paths), diag=diag, run_examples=False, images=False)
    output = (
        QuestionSet(questions=course.questions).model_dump_json(indent=2)
        if as_json
        else format_rows(check_course(course))
    )
    click.echo(output)
    return report(diag)


@quiz_group.command("export")
@course_argument()
@click.option("--format", "fmt", type=click.Choice([f.value for f in ExportFormat]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@strict_option
@guarded
def export_command(course: Path | None, demo: bool, fmt: str, output: Path, strict: bool) -> int:
    """Write the questions of COURSE (default: the current folder) as GIFT, Aiken, Moodle XML, QTI, Anki, JSON or markdown."""
    from lecturekit.quiz.formats import export_questions

    diag = Diagnostics()
    loaded = course_at(course, demo, diag)
    count = export_questions(loaded.questions, ExportFormat(fmt), output, loaded.title, diag)
    click.echo(f"wrote {count} question(s) to {output}", err=True)
    return report(diag, strict=is_strict(strict))


@quiz_group.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--course",
    "course_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Save them into this course (quiz/<name>.json).",
)
@guarded
def import_command(files: tuple[Path, ...], course_dir: Path | None) -> int:
    """Read GIFT, Aiken or markdown task-list quizzes; print them as JSON, or add them to a course."""
    from lecturekit.commands.quiz_session import import_files
    from lecturekit.quiz.model import QuestionSet

    diag = Diagnostics()
    results = import_files(list(files), course_dir, diag)
    if course_dir is None:
        click.echo(QuestionSet(questions=[q for _, qs in results for q in qs]).model_dump_json(indent=2))
    for path, questions in results:
        click.echo(f"{len(questions)} question(s) → {path}", err=True)
    return report(diag)


@quiz_group.command("keys")
@course_argument(demo=False)
@click.option(
    "--scaffold", is_flag=True, help="Append a skeleton entry for every unkeyed question to answers.toml."
)
@guarded
def keys_command(course: Path | None, scaffold: bool) -> int:
    """Check the answer keys of COURSE (default: the current folder); --scaffold writes skeletons for the missing."""
    from lecturekit.commands.quiz_session import answers_path, key_summary
    from lecturekit.quiz import scaffold_answers

    diag = Diagnostics()
    loaded = course_at(course, False, diag)
    if scaffold:
        count = scaffold_answers(loaded, answers_path(loaded))
        click.echo(f"added {count} skeleton entr{'y' if count == 1 else 'ies'} to {answers_path(loaded)}")
    click.echo(key_summary(loaded))
    return report(diag)


@quiz_group.command("take")
@course_argument()
@click.option("--lecture", help="Only this lecture's questions (a lecture id).")
@click.option("--shuffle", is_flag=True, help="Ask in a shuffled order (fixed by --seed).")
@click.option("--wrong-first", is_flag=True, help="Ask the questions you got wrong last time first.")
@click.option("--seed", type=int, default=0, show_default=True)
@guarded
def take_command(
    course: Path | None, demo: bool, lecture: str | None, shuffle: bool, wrong_first: bool, seed: int
) -> int:
    """Take the quiz of COURSE (default: the current folder) in the terminal; answers may be piped on stdin."""
    from lecturekit.commands.quiz_session import take_quiz
    from lecturekit.quiz.take import TakeOptions

    diag = Diagnostics()
    loaded = course_at(course, demo, Diagnostics())  # building problems belong to `check`, not to a student
    take_quiz(loaded, TakeOptions(lecture=lecture, shuffle=shuffle, wrong_first=wrong_first, seed=seed), diag)
    return report(diag)


class CheckList(Model):
    """`lecturekit check --json`: every question's statuses, and how many need attention."""

    questions: list[CheckRow]
    needing_attention: int


@click.command("check")
@course_argument()
@strict_option
@click.option(
    "--json", "as_json", is_flag=True, help='Print {"questions": [...], "needing_attention": n} on stdout.'
)
@guarded
def check_command(course: Path | None, demo: bool, strict: bool, as_json: bool) -> int:
    """List unkeyed, ambiguous or garbled questions of COURSE (default: the current folder); errors fail, warnings fail under --strict."""
    from lecturekit.quiz.check import check_course, format_rows, needing_attention

    diag = Diagnostics()
    rows = check_course(course_at(course, demo, diag))
    if as_json:
        click.echo(
            CheckList(questions=rows, needing_attention=needing_attention(rows)).model_dump_json(indent=2)
        )
    else:
        click.echo(format_rows(rows))
    return report(diag, strict=is_strict(strict))


COMMANDS: list[click.Command] = [quiz_group, check_command]
