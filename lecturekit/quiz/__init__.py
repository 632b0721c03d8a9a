"""The quiz stage: exercises found in cleaned slides become keyed questions; formats and a terminal quiz."""

from __future__ import annotations

from pathlib import Path

from lecturekit.course import CourseConfig, answers_file
from lecturekit.errors import Diagnostics
from lecturekit.models import Lecture, Question
from lecturekit.quiz.apply import apply_answers
from lecturekit.quiz.find import find_blocks
from lecturekit.quiz.grading import TYPED_KINDS, match_choices, typed_answer, typed_key
from lecturekit.quiz.keys import load_answers
from lecturekit.quiz.merge import build_questions
from lecturekit.quiz.numbering import number_blocks
from lecturekit.quiz.scaffold import HEADER as ANSWERS_HEADER
from lecturekit.quiz.scaffold import scaffold_answers

__all__ = [
    "ANSWERS_HEADER",
    "TYPED_KINDS",
    "extract_course_questions",
    "extract_questions",
    "match_choices",
    "scaffold_answers",
    "typed_answer",
    "typed_key",
]


def extract_questions(lectures: list[Lecture], diag: Diagnostics) -> list[Question]:
    """Questions found in the lectures' slides, one per exercise, without answer keys from files."""
    questions: list[Question] = []
    for lecture in lectures:
        questions += build_questions(number_blocks(find_blocks(lecture)), diag)
    return questions


def extract_course_questions(
    lectures: list[Lecture], root: Path | None, config: CourseConfig, diag: Diagnostics
) -> list[Question]:
    """Questions of a course: found in slides, plus imported ones, with root/answers.toml overlaid."""
    questions = extract_questions(lectures, diag)
    if root is None:
        return questions
    from lecturekit.quiz.imported import load_imported

    questions = _unique(questions + load_imported(root, diag), diag)
    keys = load_answers(answers_file(root, config), diag)
    return apply_answers(questions, keys, lectures, diag)


def _unique(questions: list[Question], diag: Diagnostics) -> list[Question]:
    seen: dict[str, Question] = {}
    for question in questions:
        if question.id in seen:
            diag.warn(question.lecture, f"question id {question.id!r} appears twice; the second is ignored")
            continue
        seen[question.id] = question
    return list(seen.values())
