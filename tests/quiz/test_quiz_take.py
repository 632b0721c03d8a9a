"""The terminal quiz as a library: scoring, re-asking, review pointers, order; and `check` rows."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_support import exercise_lecture_2024

from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Lecture, Option, Question, QuestionKind
from lecturekit.quiz import extract_questions
from lecturekit.quiz.check import QuestionStatus, check_course, format_rows
from lecturekit.quiz.take import History, TakeOptions, choose_questions, read_answer, run_quiz, save_history


def question(qid: str, answer: list[str] | None, multiple: bool = False, **extra: object) -> Question:
    options = [Option(key=str(i), text=t) for i, t in enumerate(["SGD", "ADAM", "ReLU"], 1)]
    return Question(
        id=qid,
        lecture=qid.split("/")[0],
        label=qid.split("/")[1].upper(),
        kind=QuestionKind.MCQ,
        stem="Which ~~is not~~ is an optimiser?",
        options=options,
        answer=answer,
        multiple=multiple,
        **extra,
    )


def course_of(*questions: Question) -> Course:
    return Course(title="t", root="/tmp", lectures=[exercise_lecture_2024()], questions=list(questions))


def play(course: Course, replies: list[str]) -> tuple[str, object]:
    said: list[str] = []
    feed = iter(replies)
    result = run_quiz(course, course.questions, lambda prompt: next(feed, None), said.append)
    return "\n".join(said), result


def test_scores_right_wrong_and_points_to_the_review_slide() -> None:
    course = course_of(
        question("2024-01-11/q1", ["2"], explanation="ADAM adapts rates.", review_slide="2024-01-11/s02"),
        question("2024-01-11/q2", ["1", "2"], multiple=True),
    )
    text, result = play(course, ["2", "1"])
    assert result.right == 1 and result.scored == 2
    assert "Right!" in text and "Wrong — the answer is 1) SGD, 2) ADAM" in text
    assert 'Review slide 2 of lecture 2024-01-11 ("Hyper-parameters in Deep Learning")' in text
    assert "Which ~~is not~~ is an optimiser?" in text  # not a TTY: struck words as plain "~~…~~"
    assert text.endswith("Score: 1/2")


def test_struck_words_use_ansi_strike_on_a_terminal() -> None:
    # QA 25: combining strokes (n̶o̶t̶) read badly in many terminals; a TTY gets ESC[9m … ESC[0m.
    said: list[str] = []
    course = course_of(question("2024-01-11/q1", ["2"]))
    run_quiz(course, course.questions, lambda prompt: "2", said.append, ansi=True)
    assert "Which \x1b[9mis not\x1b[0m is an optimiser?" in said[0] and "\u0336" not in "".join(said)


def test_invalid_replies_are_asked_again_and_letters_work() -> None:
    text, result = play(course_of(question("L/q1", ["3"])), ["9", "a,b", "c"])
    assert "'9' is not an option (1, 2, 3)" in text and "choose one answer" in text
    assert result.right == 1


def test_unkeyed_discussion_and_skipped_are_not_scored() -> None:
    prompt = Question(
        id="L/b1", lecture="L", label="Breakout #1", kind=QuestionKind.DISCUSSION, stem="Discuss."
    )
    text, result = play(
        course_of(question("L/q1", None), prompt, question("L/q2", ["1"])), ["2", "my thoughts", ""]
    )
    assert "Key pending" in text and "(discussion prompt: not scored)" in text and "(skipped)" in text
    assert result.scored == 0 and text.endswith(
        "Score: 0/0 (not scored: 1 discussion prompt, 1 skipped, 1 key pending)"
    )


def test_input_ending_early_still_gives_a_score() -> None:
    text, result = play(course_of(question("L/q1", ["1"]), question("L/q2", ["1"])), ["1"])
    assert (
        "(input ended)" in text and text.endswith("Score: 1/1 (1 not answered)") and len(result.attempts) == 1
    )
    assert result.not_answered == 1


def test_input_ending_early_counts_unanswered_apart_from_discussion() -> None:
    # QA 22: replies ran out after the discussion prompt and one more MCQ; the note said "1 not scored".
    prompt = Question(
        id="L/b1", lecture="L", label="Breakout #1", kind=QuestionKind.DISCUSSION, stem="Discuss."
    )
    questions = [
        question("L/q1", ["1"]),
        prompt,
        question("L/q2", ["2"]),
        question("L/q3", ["1"]),
        question("L/q4", ["3"]),
    ]
    text, result = play(course_of(*questions), ["1", "thoughts", "2", "foo"])
    assert "'foo' is not an option" in text and "(input ended)" in text
    assert text.endswith("Score: 2/2 (not scored: 1 discussion prompt; 2 not answered)")
    assert result.not_answered == 2 and [a.unscored for a in result.attempts].count(None) == 2


def test_order_shuffle_is_seeded_and_wrong_first_uses_history(tmp_path: Path) -> None:
    course = course_of(*[question(f"L/q{i}", ["1"]) for i in range(1, 7)])
    ids = lambda qs: [q.id for q in qs]  # noqa: E731
    one = ids(choose_questions(course, TakeOptions(shuffle=True, seed=3), History(), Diagnostics()))
    assert one == ids(choose_questions(course, TakeOptions(shuffle=True, seed=3), History(), Diagnostics()))
    assert sorted(one) == ids(course.questions) and one != ids(course.questions)
    history = History(last={"L/q5": False, "L/q1": True})
    ordered = ids(choose_questions(course, TakeOptions(wrong_first=True), history, Diagnostics()))
    assert ordered[0] == "L/q5" and ordered[-1] == "L/q1"
    _, result = play(course_of(question("L/q1", ["1"])), ["2"])
    save_history(tmp_path / "h.json", history, result)
    assert History.model_validate_json((tmp_path / "h.json").read_text()).last["L/q1"] is False


def test_read_answer_forms() -> None:
    multi = question("L/q", ["1", "3"], multiple=True)
    assert read_answer(multi, "3, 1") == (["1", "3"], None)
    assert read_answer(multi, "a c") == (["1", "3"], None)
    assert read_answer(multi, "SGD")[0] == ["1"]
    assert read_answer(multi, "")[0] == []


def test_check_rows_name_what_needs_attention() -> None:
    garbled = question("L/q3", ["1"], flags=["garbled"])
    rows = check_course(course_of(question("L/q1", None), question("L/q2", ["1"]), garbled))
    assert [r.statuses for r in rows] == [
        [QuestionStatus.UNKEYED],
        [QuestionStatus.OK],
        [QuestionStatus.GARBLED],
    ]
    assert format_rows(rows).endswith("3 question(s), 2 needing attention")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=6))
def test_extraction_never_raises_on_arbitrary_slides(texts: list[str]) -> None:
    from quiz_support import slide

    from lecturekit.models import Method

    headed = [f"ICE #{i}\n{t}" if i % 2 else t for i, t in enumerate(texts)]
    lecture = Lecture(
        id="L", title="t", slides=[slide("L", i, t, [("d", i, Method.TEXT)]) for i, t in enumerate(headed, 1)]
    )
    for found in extract_questions([lecture], Diagnostics()):
        assert found.id.startswith("L/")
