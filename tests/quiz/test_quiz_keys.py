"""answers.toml: every problem reported with file and line in one run; keys overlaid; skeletons written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from quiz_support import SEEDS, exercise_lecture_2024

from lecturekit.course import CourseConfig
from lecturekit.errors import AnswerKeyError, Diagnostics
from lecturekit.models import Course, Lecture, Option, Question, QuestionKind, Severity
from lecturekit.quiz import extract_course_questions, extract_questions, scaffold_answers
from lecturekit.quiz.apply import apply_answers
from lecturekit.quiz.keys import load_answers


def mcq(qid: str, multiple: bool = False, answer: list[str] | None = None) -> Question:
    options = [Option(key=str(i), text=t) for i, t in enumerate(["8,8", "d,8", "1,8", "d,d"], 1)]
    return Question(
        id=qid,
        lecture=qid.split("/")[0],
        label="ICE #1",
        kind=QuestionKind.MCQ,
        stem="Gradient dimension?",
        options=options,
        multiple=multiple,
        answer=answer,
    )


QUESTIONS = [
    mcq("L/ice-1"),
    mcq("L/ice-2", multiple=True),
    Question(
        id="L/breakout-1", lecture="L", label="Breakout #1", kind=QuestionKind.DISCUSSION, stem="Discuss."
    ),
]


def keyed(
    tmp_path: Path, text: str, lectures: list[Lecture] | None = None
) -> tuple[dict[str, Question], Diagnostics, Path]:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    diag = Diagnostics()
    questions = apply_answers(QUESTIONS, load_answers(path, diag), lectures or [], diag)
    return {q.id: q for q in questions}, diag, path


def messages(diag: Diagnostics, severity: Severity) -> list[tuple[str | None, str]]:
    return [(d.location, d.message) for d in diag.items if d.severity is severity]


def test_valid_keys_are_applied(tmp_path: Path) -> None:
    text = """
["L/ice-1"]
answer = ["4"]
explanation = "One entry per parameter."
review = "L/s08"
feedback = { "2" = "8 is the batch size, not the dimension." }

["L/ice-2"]
answer = ["d,8", "1"]   # option text works too

["L/breakout-1"]
explanation = "Use a language model over the e-mail so far."
"""
    questions, diag, _ = keyed(tmp_path, text)
    assert questions["L/ice-1"].answer == ["4"] and questions["L/ice-1"].review_slide == "L/s08"
    assert questions["L/ice-1"].options[1].feedback.startswith("8 is the batch size")
    assert questions["L/ice-2"].answer == ["1", "2"]
    assert questions["L/breakout-1"].explanation.startswith("Use a language model")
    assert diag.items == []


def test_every_problem_reported_with_its_line_in_one_run(tmp_path: Path) -> None:
    text = """["L/ice-1"]
answer = ["7"]

["L/ice-9"]
answer = ["1"]

["L/ice-2"]
answr = ["1"]

["L/breakout-1"]
answer = ["1"]
"""
    questions, diag, path = keyed(tmp_path, text)
    errors = messages(diag, Severity.ERROR)
    assert ("2", "L/ice-1: option '7' does not exist (options: 1='8,8', 2='d,8', 3='1,8', 4='d,d')") in errors
    assert any(
        loc == "4" and "unknown question 'L/ice-9'" in msg and "did you mean" in msg for loc, msg in errors
    )
    assert any(loc == "8" and "unknown field 'answr'" in msg for loc, msg in errors)
    assert any(loc == "11" and "discussion prompt" in msg for loc, msg in errors)
    assert len(errors) == 4 and all(d.file == str(path) for d in diag.errors)
    assert questions["L/ice-1"].answer is None  # a bad key is not half-applied


def test_several_answers_on_a_single_answer_question(tmp_path: Path) -> None:
    _, diag, _ = keyed(tmp_path, '["L/ice-1"]\nanswer = ["1", "2"]\n')
    assert messages(diag, Severity.ERROR) == [("2", "L/ice-1: 2 answers on a single-answer question (1, 2)")]


def test_syntax_errors_reported_with_line_numbers_and_the_rest_still_read(tmp_path: Path) -> None:
    text = '["L/ice-1"]\nanswer = ["4"\n\n["L/breakout-1"]\nexplanation = "unterminated\n\n["L/ice-2"]\nanswer = ["1"]\n'
    questions, diag, _ = keyed(tmp_path, text)
    locations = [loc for loc, msg in messages(diag, Severity.ERROR) if "not valid TOML" in msg]
    assert locations == ["2", "5"]
    assert questions["L/ice-2"].answer == ["1"]


def test_missing_keys_are_warnings_and_review_slides_are_checked(tmp_path: Path) -> None:
    lecture = exercise_lecture_2024().model_copy(update={"id": "L"})
    _, diag, _ = keyed(tmp_path, '["L/ice-1"]\nanswer = 4\nreview = "L/s99"\n', [lecture])
    warnings = messages(diag, Severity.WARNING)
    assert ("1", "L/ice-1: review slide 'L/s99' is not a slide of this course") in warnings
    assert (None, "L/ice-2 (ICE #1): no answer key yet (practice, key pending)") in warnings
    assert diag.errors == []


def test_scaffold_lists_stems_and_options_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('# mine\n["L/ice-1"]\nanswer = ["4"]\n', encoding="utf-8")
    course = Course(title="c", root=str(tmp_path), questions=QUESTIONS)
    assert scaffold_answers(course, path) == 1
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# mine\n["L/ice-1"]\nanswer = ["4"]')
    assert "# Gradient dimension?\n#   1) 8,8\n#   2) d,8" in text and '["L/ice-2"]\nanswer = []' in text
    assert set(tomllib.loads(text)) == {"L/ice-1", "L/ice-2"}
    assert scaffold_answers(course, path) == 0  # idempotent
    _, diag, _ = keyed(tmp_path, text)
    assert diag.errors == []  # a fresh skeleton is valid: keys pending are warnings


def test_scaffold_refuses_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('["L/ice-1"\n', encoding="utf-8")
    with pytest.raises(AnswerKeyError):
        scaffold_answers(Course(title="c", root=str(tmp_path), questions=QUESTIONS), path)


def test_the_seed_answer_keys_key_the_2024_ice(tmp_path: Path) -> None:
    lecture = exercise_lecture_2024()
    diag = Diagnostics()
    questions = extract_course_questions([lecture], SEEDS, CourseConfig(), diag)
    ice = next(q for q in questions if q.id == "2024-01-11/ice-1")
    assert (
        ice.answer == ["4"]
        and "struck through" in ice.explanation
        and ice.review_slide == "2024-01-11/hyper-parameters-in-deep-learning-2"
    )
    unknown = [d.message for d in diag.errors]
    # that lecture is absent here
    assert all("unknown question '2026-01-14/" in m for m in unknown) and len(unknown) == 3


def test_seed_answers_file_is_complete_and_explained() -> None:
    keys = load_answers(SEEDS / "answers.toml", Diagnostics())
    assert sorted(e.id for e in keys.entries) == [
        "2024-01-11/ice-1",
        "2026-01-14/ice-1",
        "2026-01-14/ice-2",
        "2026-01-14/ice-3",
    ]
    for entry in keys.entries:
        assert entry.answer and entry.review and entry.review.startswith(entry.id.split("/")[0] + "/")
        assert len(entry.explanation.split()) > 40  # a paragraph, not a word


def test_in_source_keys_are_used_and_answers_toml_wins(tmp_path: Path) -> None:
    from quiz_support import slide

    from lecturekit.models import Method

    lecture = Lecture(
        id="L",
        title="t",
        slides=[slide("L", 1, "ICE #1\nPick one\n1) a\n2) b *", [("d.txt", 1, Method.TEXT)])],
    )
    diag = Diagnostics()
    assert extract_questions([lecture], diag)[0].answer == ["2"]
    (tmp_path / "answers.toml").write_text('["L/ice-1"]\nanswer = ["1"]\n', encoding="utf-8")
    assert extract_course_questions([lecture], tmp_path, CourseConfig(), diag)[0].answer == ["1"]


def test_seed_explanations_write_math_as_tex_that_katex_renders() -> None:
    # QA 24: explanations showed raw "Σ_{i=1}^{d}" and "R^d" on the site.
    from lecturekit.site.markup import INLINE
    from lecturekit.site.math import shared_renderer

    entries = load_answers(SEEDS / "answers.toml", Diagnostics()).entries
    formulas = []
    for entry in entries:
        text = entry.explanation or ""
        found = [m["math"] for m in INLINE.finditer(text) if m["math"]]
        formulas += found
        prose = INLINE.sub(lambda m: "" if m["math"] else m[0], text)
        assert not any(mark in prose for mark in ("_{", "^", "Σ", "\\")), entry.id  # math only inside $…$
    assert r"$\mathbb{R}^d$" in formulas and any(r"\sum_{i=1}^{d}" in f for f in formulas)
    for formula in formulas:
        result = shared_renderer().render(formula.strip("$"), False)
        assert result.ok, (formula, result.error)


def test_stem_override_replaces_the_slide_wording_and_is_validated(tmp_path: Path) -> None:
    # An instructor's own wording, e.g. when only a garbled OCR copy of the formula exists.
    text = """["L/ice-1"]
answer = ["4"]
stem = "Minimise $f(\\\\theta) = \\\\sum_{i=1}^{d} a_i\\\\theta_i^2$. Gradient dimension?"

["L/ice-2"]
stem = 3
"""
    questions, diag, path = keyed(tmp_path, text)
    assert (
        questions["L/ice-1"].stem
        == r"Minimise $f(\theta) = \sum_{i=1}^{d} a_i\theta_i^2$. Gradient dimension?"
    )
    assert questions["L/ice-2"].stem == "Gradient dimension?"  # a bad override leaves the slide's stem
    assert messages(diag, Severity.ERROR) == [("6", "'L/ice-2': stem must be a string")]
