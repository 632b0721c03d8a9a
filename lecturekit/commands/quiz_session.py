"""What the quiz commands share: answer-key summaries, imported files and the terminal quiz."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lecturekit.course import answers_file, load_config
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Course, Question, QuestionKind
from lecturekit.quiz.formats import import_questions
from lecturekit.quiz.take import (
    QuizResult,
    TakeOptions,
    choose_questions,
    history_path,
    load_history,
    run_quiz,
    save_history,
)


def key_summary(course: Course) -> str:
    """ "3 of 4 multiple-choice questions keyed; 1 pending: …"."""
    mcqs = [q for q in course.questions if q.kind is QuestionKind.MCQ]
    pending = [q.id for q in mcqs if q.unkeyed]
    line = f"{len(mcqs) - len(pending)} of {len(mcqs)} multiple-choice questions keyed"
    return line + (f"; pending: {', '.join(pending)}" if pending else "")


def answers_path(course: Course) -> Path:
    root = Path(course.root)
    return answers_file(root, load_config(root))


def import_files(
    files: list[Path], course_dir: Path | None, diag: Diagnostics
) -> list[tuple[Path, list[Question]]]:
    """Questions of each file; with a course folder, saved under its quiz/ (answers.toml applies on load)."""
    from lecturekit.quiz.imported import save_imported

    if course_dir is not None and not course_dir.is_dir():
        raise UsageError("not a course folder", file=course_dir)
    results = []
    for path in files:
        questions = import_questions(path, diag)
        if course_dir is not None and questions:
            path = save_imported(course_dir, path.stem, questions)
        results.append((path, questions))
    return results


def take_quiz(course: Course, options: TakeOptions, diag: Diagnostics) -> QuizResult:
    """Run the terminal quiz on stdin/stdout and remember right and wrong for --wrong-first."""
    path = history_path(options)
    history = load_history(path)
    questions = choose_questions(course, options, history, diag)
    result = run_quiz(course, questions, _ask, click.echo, ansi=_ansi_terminal())
    save_history(path, history, result)
    return result


def _ansi_terminal() -> bool:
    # Escape codes only for a person at a terminal; pipes and NO_COLOR get "~~not~~" as plain text.
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _ask(prompt: str) -> str | None:
    try:
        return click.prompt(prompt, default="", show_default=False, prompt_suffix=": ")
    except click.exceptions.Abort:
        return None
